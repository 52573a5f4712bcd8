package queries

import (
	"context"
	"sort"
	"strings"

	"github.com/kgraph/kg"
)

// Node is an entity in a graph view.
type Node struct {
	ID      string            `json:"id"`
	Type    string            `json:"type"`
	Name    string            `json:"name"`
	Aliases []string          `json:"aliases"`
	Degree  int               `json:"degree"`
	Stage   string            `json:"stage,omitempty"` // a project's latest stage
	Attrs   map[string]string `json:"attrs,omitempty"`
}

// GEdge is a relation in a graph view.
type GEdge struct {
	ID         string        `json:"id"`
	Source     string        `json:"source"`
	Target     string        `json:"target"`
	Predicate  string        `json:"predicate"`
	Evidence   []kg.Evidence `json:"evidence"`
	Inferred   bool          `json:"inferred,omitempty"`
	Confidence float64       `json:"confidence,omitempty"`
}

// Subgraph is a set of nodes and the edges among them, ready to draw.
type Subgraph struct {
	Nodes     []Node  `json:"nodes"`
	Edges     []GEdge `json:"edges"`
	Truncated bool    `json:"truncated"`
}

// Graph view limits.
const (
	DefaultHops       = 1
	MaxHops           = 4
	DefaultGraphLimit = 200
	MaxGraphLimit     = 5000
)

// GraphParams select a neighbourhood. Types and Predicates are comma
// separated lists; empty means all.
type GraphParams struct {
	Seed       string
	Hops       int
	Types      string
	Predicates string
	Limit      int
}

func splitList(s string, f func(string) string) map[string]bool {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	m := map[string]bool{}
	for _, x := range strings.Split(s, ",") {
		if x = strings.TrimSpace(x); x != "" {
			if f != nil {
				x = f(x)
			}
			m[x] = true
		}
	}
	return m
}

func (ix *index) viewNode(n *node) Node {
	deg := 0
	for _, r := range n.out {
		if r.Predicate != kg.PredStage {
			deg++
		}
	}
	v := Node{ID: n.ID, Type: n.Type, Name: n.Name, Aliases: n.Aliases, Degree: deg + len(n.in), Attrs: n.Attrs}
	if n.Type == kg.TypeProject {
		if st, ok := ix.latestStage(n); ok {
			v.Stage = st.Value
		}
	}
	return v
}

func viewEdge(r *rel) GEdge {
	return GEdge{ID: edgeID(r.Relation), Source: r.Subject, Target: r.Object, Predicate: r.Predicate,
		Evidence: r.Evidence, Inferred: r.Inferred, Confidence: r.Confidence}
}

// Graph returns the neighbourhood of a seed entity: the entities within hops
// relations of it (of the types asked for, along the predicates asked for),
// at most limit of them, and the relations among them.
func (s *Service) Graph(ctx context.Context, p GraphParams) (*Subgraph, error) {
	ix, err := s.index(ctx)
	if err != nil {
		return nil, err
	}
	seed, err := ix.resolve(p.Seed, "")
	if err != nil {
		return nil, err
	}
	hops := p.Hops
	if hops == 0 {
		hops = DefaultHops
	}
	if hops < 1 || hops > MaxHops {
		return nil, kg.Errorf(kg.EInvalid, "hops must be between 1 and %d", MaxHops)
	}
	limit, err := clampLimit(p.Limit, DefaultGraphLimit, MaxGraphLimit)
	if err != nil {
		return nil, err
	}
	types := splitList(p.Types, canonicalType)
	preds := splitList(p.Predicates, nil)
	in := map[string]bool{seed.ID: true}
	order := []*node{seed}
	truncated := false
	frontier := []*node{seed}
	for h := 0; h < hops && len(frontier) > 0 && !truncated; h++ {
		var next []*node
		for _, n := range frontier {
			if err := ctx.Err(); err != nil {
				return nil, kg.Errorf(kg.ETimeout, "graph walk ran out of time")
			}
			visit := func(r *rel, o *node) bool {
				if o == nil || (preds != nil && !preds[r.Predicate]) || in[o.ID] { // nil: a stage
					return true
				}
				if types != nil && !types[o.Type] {
					return true
				}
				if len(order) >= limit {
					truncated = true
					return false
				}
				in[o.ID] = true
				order = append(order, o)
				next = append(next, o)
				return true
			}
			for _, r := range n.out {
				if !visit(r, r.obj) {
					break
				}
			}
			for _, r := range n.in {
				if truncated || !visit(r, r.subj) {
					break
				}
			}
			if truncated {
				break
			}
		}
		frontier = next
	}
	g := ix.subgraph(order, in, preds)
	g.Truncated = truncated
	return g, nil
}

// subgraph renders nodes and every relation among them.
func (ix *index) subgraph(order []*node, in map[string]bool, preds map[string]bool) *Subgraph {
	g := &Subgraph{Nodes: make([]Node, 0, len(order)), Edges: []GEdge{}}
	for _, n := range order {
		g.Nodes = append(g.Nodes, ix.viewNode(n))
		for _, r := range n.out {
			if r.Predicate == kg.PredStage || !in[r.Object] || (preds != nil && !preds[r.Predicate]) {
				continue
			}
			g.Edges = append(g.Edges, viewEdge(r))
		}
	}
	return g
}

// Path limits.
const (
	DefaultPathHops  = 4
	MaxPathHops      = 6
	DefaultPathCount = 5
	MaxPathCount     = 50
)

// PathParams ask for the shortest connections between two entities: paths
// of at most MaxHops relations, at most Limit of them.
type PathParams struct {
	From, To string
	MaxHops  int
	Limit    int
}

// Path is one connection, its nodes in order and the edge between each pair.
type Path struct {
	Nodes []Node  `json:"nodes"`
	Edges []GEdge `json:"edges"`
}

type link struct {
	prev *node
	r    *rel
}

// bfsSide is one end of a bidirectional search: for each node reached, its
// distance from the start and the links by which it was reached at that
// distance (a list threaded through links, so that a layer of a hundred
// thousand nodes costs one map entry each and no slice of its own), and
// the frontier.
type bfsSide struct {
	seen     map[*node]visit
	links    []parentLink
	frontier []*node
	depth    int
	cost     int // relations the frontier's expansion will walk
}

// visit is a node's distance and the first and last of its parent links,
// in the order found (-1: none).
type visit struct {
	dist        int32
	first, last int32
}

// parentLink is one way a node was reached; next is the node's next link.
type parentLink struct {
	link
	next int32
}

func newSide(n *node) *bfsSide {
	return &bfsSide{seen: map[*node]visit{n: {dist: 0, first: -1, last: -1}}, frontier: []*node{n}, cost: degree(n)}
}

func degree(n *node) int { return len(n.out) + len(n.in) }

// probeCost is the size of a layer (relations to walk) from which a search
// first looks for the other side in it before recording it.
var probeCost = 4096

// expandCheck is how many relations a layer walks between looks at its
// context: a layer through a hub walks hundreds of thousands.
const expandCheck = 1 << 14

// expand walks one layer further, following relations either way (stage
// values are not nodes). It stops with the context's error. With only, it
// records just the nodes only holds (the other side's), and when there is
// none, leaves the side as it was.
func (sd *bfsSide) expand(ctx context.Context, only map[*node]visit) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	d := int32(sd.depth + 1)
	var next []*node
	cost, walked := 0, 0
	step := func(n *node, r *rel, o *node) {
		if o == nil { // a stage: its object is a value
			return
		}
		if only != nil {
			if _, ok := only[o]; !ok {
				return
			}
		}
		v, seen := sd.seen[o]
		if seen && v.dist < d {
			return
		}
		if !seen {
			v = visit{dist: d, first: -1, last: -1}
			next = append(next, o)
			cost += degree(o)
		}
		i := int32(len(sd.links))
		sd.links = append(sd.links, parentLink{link{prev: n, r: r}, -1})
		if v.last >= 0 {
			sd.links[v.last].next = i
		} else {
			v.first = i
		}
		v.last = i
		sd.seen[o] = v
	}
	for _, n := range sd.frontier {
		if walked += degree(n); walked >= expandCheck {
			walked = 0
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		for _, r := range n.out {
			step(n, r, r.obj)
		}
		for _, r := range n.in {
			step(n, r, r.subj)
		}
	}
	if only != nil && len(next) == 0 {
		return nil
	}
	sd.frontier, sd.depth, sd.cost = next, int(d), cost
	return nil
}

// dist is n's distance from the side's start, if the search reached it.
func (sd *bfsSide) dist(n *node) (int, bool) {
	v, ok := sd.seen[n]
	return int(v.dist), ok
}

// walks lists the paths from the side's start to n (nodes and relations in
// order from the start), at most limit of them.
func (sd *bfsSide) walks(n *node, limit int) [][]link {
	var out [][]link
	var rec func(n *node, acc []link)
	rec = func(n *node, acc []link) {
		if len(out) >= limit {
			return
		}
		v := sd.seen[n]
		if v.dist == 0 {
			w := make([]link, len(acc))
			for i := range acc {
				w[i] = acc[len(acc)-1-i]
			}
			out = append(out, w)
			return
		}
		for i := v.first; i >= 0; i = sd.links[i].next {
			l := sd.links[i]
			if sd.seen[l.prev].dist == v.dist-1 {
				rec(l.prev, append(acc, link{prev: n, r: l.r}))
			}
		}
	}
	rec(n, nil)
	return out
}

// Paths returns the shortest paths between two entities, following
// relations in either direction. The search grows from both ends, always
// the end with less to walk, and stops at the layer where they meet, so
// that a path through a hub (an industry of thousands of firms) costs the
// hub once rather than everything two hops beyond it.
func (s *Service) Paths(ctx context.Context, p PathParams) ([]Path, error) {
	ix, err := s.index(ctx)
	if err != nil {
		return nil, err
	}
	from, err := ix.resolve(p.From, "")
	if err != nil {
		return nil, err
	}
	to, err := ix.resolve(p.To, "")
	if err != nil {
		return nil, err
	}
	maxHops := p.MaxHops
	if maxHops == 0 {
		maxHops = DefaultPathHops
	}
	if maxHops < 1 || maxHops > MaxPathHops {
		return nil, kg.Errorf(kg.EInvalid, "max must be between 1 and %d", MaxPathHops)
	}
	limit, err := clampLimit(p.Limit, DefaultPathCount, MaxPathCount)
	if err != nil {
		return nil, err
	}
	if from == to {
		return []Path{{Nodes: []Node{ix.viewNode(from)}, Edges: []GEdge{}}}, nil
	}
	f, b := newSide(from), newSide(to)
	var meet []*node
	for f.depth+b.depth < maxHops && len(f.frontier) > 0 && len(b.frontier) > 0 {
		grow, other := f, b
		if b.cost < f.cost {
			grow, other = b, f
		}
		// A large layer is walked first for the nodes the other side has
		// reached: when the sides meet in it (the last layer is the
		// largest), its other nodes are never recorded.
		depth := grow.depth
		var err error
		if grow.cost >= probeCost {
			err = grow.expand(ctx, other.seen)
		}
		if err == nil && grow.depth == depth {
			err = grow.expand(ctx, nil)
		}
		if err != nil {
			return nil, kg.Errorf(kg.ETimeout, "path search ran out of time")
		}
		best := -1
		for _, n := range grow.frontier {
			if od, ok := other.dist(n); ok {
				switch l := grow.depth + od; {
				case best < 0 || l < best:
					best, meet = l, []*node{n}
				case l == best:
					meet = append(meet, n)
				}
			}
		}
		if meet != nil {
			break
		}
	}
	paths := []Path{}
	sort.Slice(meet, func(i, j int) bool { return meet[i].ID < meet[j].ID })
	for _, m := range meet {
		for _, head := range f.walks(m, limit) {
			for _, tail := range b.walks(m, limit) {
				if len(paths) >= limit {
					return paths, nil
				}
				paths = append(paths, ix.path(from, to, head, tail))
			}
		}
	}
	return paths, nil
}

// path joins the walk from the start to the meeting node (head, each link
// naming the node reached) and the walk from the end to it (tail).
func (ix *index) path(from, to *node, head, tail []link) Path {
	pth := Path{Nodes: []Node{ix.viewNode(from)}, Edges: []GEdge{}}
	for _, l := range head {
		pth.Nodes = append(pth.Nodes, ix.viewNode(l.prev))
		pth.Edges = append(pth.Edges, viewEdge(l.r))
	}
	// tail runs from the end to the meeting node: walk it backwards.
	for i := len(tail) - 1; i >= 0; i-- {
		pth.Edges = append(pth.Edges, viewEdge(tail[i].r))
		if i > 0 {
			pth.Nodes = append(pth.Nodes, ix.viewNode(tail[i-1].prev))
		}
	}
	if len(tail) > 0 {
		pth.Nodes = append(pth.Nodes, ix.viewNode(to))
	}
	return pth
}

// Selection chooses a subgraph to export: a chain (its industries, firms and
// their projects), a neighbourhood (Seed, Hops) or, when both are empty,
// the whole graph.
type Selection struct {
	Chain string
	GraphParams
}

// Subgraph returns the selected subgraph.
func (s *Service) Subgraph(ctx context.Context, sel Selection) (*Subgraph, error) {
	if sel.Chain == "" && sel.Seed != "" {
		return s.Graph(ctx, sel.GraphParams)
	}
	ix, err := s.index(ctx)
	if err != nil {
		return nil, err
	}
	if sel.Chain == "" {
		in := make(map[string]bool, len(ix.order))
		for _, n := range ix.order {
			in[n.ID] = true
		}
		return ix.subgraph(ix.order, in, nil), nil
	}
	root, err := ix.resolve(sel.Chain, kg.TypeIndustry)
	if err != nil {
		return nil, err
	}
	inds, _ := ix.subtree(root)
	in := map[string]bool{}
	var order []*node
	add := func(n *node) {
		if !in[n.ID] {
			in[n.ID] = true
			order = append(order, n)
		}
	}
	for _, n := range inds {
		add(n)
	}
	f := ix.fits(root, true)
	for _, ff := range f.firms {
		add(ix.nodes[ff.Entity.ID])
		for _, p := range ff.Projects {
			add(ix.nodes[p.Entity.ID])
		}
	}
	members := f.memberSet()
	ids := make([]string, 0, len(members))
	for id := range members {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		add(ix.nodes[id])
	}
	return ix.subgraph(order, in, nil), nil
}
