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
	return GEdge{ID: r.id, Source: r.Subject, Target: r.Object, Predicate: r.Predicate,
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
			visit := func(r *rel, otherID string) bool {
				if r.Predicate == kg.PredStage || (preds != nil && !preds[r.Predicate]) || in[otherID] {
					return true
				}
				o := ix.nodes[otherID]
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
				if !visit(r, r.Object) {
					break
				}
			}
			for _, r := range n.in {
				if truncated || !visit(r, r.Subject) {
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

// Paths returns the shortest paths between two entities, following
// relations in either direction (stage values are not nodes).
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
	dist := map[string]int{from.ID: 0}
	parents := map[string][]link{}
	frontier := []*node{from}
	found := false
	for d := 1; d <= maxHops && len(frontier) > 0 && !found; d++ {
		var next []*node
		steps := 0
		for _, n := range frontier {
			step := func(r *rel, otherID string) {
				if r.Predicate == kg.PredStage {
					return
				}
				if steps++; steps%4096 == 0 && ctx.Err() != nil {
					return
				}
				od, seen := dist[otherID]
				if seen && od < d {
					return
				}
				o := ix.nodes[otherID]
				if !seen {
					dist[otherID] = d
					next = append(next, o)
				}
				parents[otherID] = append(parents[otherID], link{prev: n, r: r})
				if o == to {
					found = true
				}
			}
			for _, r := range n.out {
				step(r, r.Object)
			}
			for _, r := range n.in {
				step(r, r.Subject)
			}
		}
		if ctx.Err() != nil {
			return nil, kg.Errorf(kg.ETimeout, "path search ran out of time")
		}
		frontier = next
	}
	paths := []Path{}
	if !found {
		return paths, nil
	}
	// Walk back from the target over the parent links, at most limit paths.
	var walk func(n *node, nodes []*node, edges []*rel)
	walk = func(n *node, nodes []*node, edges []*rel) {
		if len(paths) >= limit {
			return
		}
		if n == from {
			pth := Path{}
			for i := len(nodes) - 1; i >= 0; i-- {
				pth.Nodes = append(pth.Nodes, ix.viewNode(nodes[i]))
			}
			for i := len(edges) - 1; i >= 0; i-- {
				pth.Edges = append(pth.Edges, viewEdge(edges[i]))
			}
			paths = append(paths, pth)
			return
		}
		for _, l := range parents[n.ID] {
			if dist[l.prev.ID] != dist[n.ID]-1 {
				continue
			}
			walk(l.prev, append(nodes, l.prev), append(edges, l.r))
		}
	}
	walk(to, []*node{to}, nil)
	return paths, nil
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
	ids := make([]string, 0, len(f.members))
	for id := range f.members {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		add(ix.nodes[id])
	}
	return ix.subgraph(order, in, nil), nil
}
