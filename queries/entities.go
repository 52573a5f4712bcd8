package queries

import (
	"container/heap"
	"context"
	"encoding/base64"
	"encoding/json"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/kgraph/kg"
)

// Search limits.
const (
	DefaultLimit = 50
	MaxLimit     = 1000
)

// SearchParams are the filters of an entity search; they combine (AND).
// Type may list several types separated by commas.
type SearchParams struct {
	Q        string // substring of the name, an alias or an attribute (full legal name, English name)
	Type     string
	Industry string // industry id or name: entities fitting it or a narrower one
	Stage    string // entities at that stage, or owning a project at it
	Place    string // place id or name: entities located in it or a place within it
	Document string // entities the document mentions
	Limit    int
	Cursor   string // next_cursor of the previous page
}

// SearchResult is one page of entities.
type SearchResult struct {
	Items      []kg.Entity `json:"items"`
	NextCursor string      `json:"next_cursor"`
}

// sortKey orders search results: better matches first, shorter names first
// (京东方 before 京东方科技集团股份有限公司), then name and id, so that a
// cursor (the key of the last item) stays valid while the graph grows.
type sortKey struct {
	S  int    `json:"s"`
	N  string `json:"n"`
	ID string `json:"i"`
}

func (a sortKey) less(b sortKey) bool {
	if a.S != b.S {
		return a.S < b.S
	}
	if a.N != b.N {
		return a.N < b.N
	}
	return a.ID < b.ID
}

func encodeCursor(k sortKey) string {
	b, _ := json.Marshal(k)
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeCursor(s string) (sortKey, error) {
	var k sortKey
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err == nil {
		err = json.Unmarshal(b, &k)
	}
	if err != nil {
		return k, kg.Errorf(kg.EInvalid, "bad cursor")
	}
	return k, nil
}

// score rates how well n matches the normalized query q; ok is false when it
// does not match at all.
func score(n *node, q string) (int, bool) {
	nameLen := utf8.RuneCountInString(n.Name)
	if nameLen > 999 {
		nameLen = 999
	}
	if q == "" {
		return nameLen, true
	}
	best := -1
	for i, k := range n.keys {
		var s int
		switch {
		case k == q && i == 0:
			s = 0
		case k == q:
			s = 1
		case strings.HasPrefix(k, q) && i == 0:
			s = 2
		case strings.Contains(k, q) && i == 0:
			s = 3
		case strings.Contains(k, q):
			s = 4
		default:
			continue
		}
		if best < 0 || s < best {
			best = s
		}
	}
	if best < 0 {
		return 0, false
	}
	return best*1000 + nameLen, true
}

// Search finds entities by name or alias with combinable filters, one page
// at a time.
func (s *Service) Search(ctx context.Context, p SearchParams) (*SearchResult, error) {
	ix, err := s.index(ctx)
	if err != nil {
		return nil, err
	}
	limit, err := clampLimit(p.Limit, DefaultLimit, MaxLimit)
	if err != nil {
		return nil, err
	}
	var after *sortKey
	if p.Cursor != "" {
		k, err := decodeCursor(p.Cursor)
		if err != nil {
			return nil, err
		}
		after = &k
	}
	var filters []func(*node) bool
	if p.Type != "" {
		types := map[string]bool{}
		for _, t := range strings.Split(p.Type, ",") {
			if t = strings.TrimSpace(t); t != "" {
				types[canonicalType(t)] = true
			}
		}
		filters = append(filters, func(n *node) bool { return types[n.Type] })
	}
	candidates := ix.order
	if p.Industry != "" {
		ind, err := ix.resolve(p.Industry, kg.TypeIndustry)
		if err != nil {
			return nil, err
		}
		members := ix.fits(ind, true).memberSet()
		candidates = make([]*node, 0, len(members))
		for id := range members {
			candidates = append(candidates, ix.nodes[id])
		}
	}
	if p.Stage != "" {
		if stageRank(p.Stage) < 0 {
			return nil, kg.Errorf(kg.EInvalid, "unknown stage %q (one of %s)", p.Stage, strings.Join(kg.Stages, " "))
		}
		filters = append(filters, func(n *node) bool { return ix.hasStage(n, p.Stage) })
	}
	if p.Place != "" {
		pl, err := ix.resolve(p.Place, kg.TypePlace)
		if err != nil {
			return nil, err
		}
		within := ix.placesWithin(pl)
		filters = append(filters, func(n *node) bool { return ix.locatedIn(n, within) })
	}
	if p.Document != "" {
		if _, ok := ix.docByID[p.Document]; !ok {
			return nil, kg.Errorf(kg.ENotFound, "no document %q", p.Document)
		}
		filters = append(filters, func(n *node) bool { return n.documents()[p.Document] })
	}
	q := norm(p.Q)
	if p.Industry == "" {
		if c, ok := ix.candidates(q); ok {
			candidates = c
		}
	}
	// The best limit+1 hits, in a max-heap on the sort key: the cost grows
	// with the candidates, not with their sorting.
	h := &hitHeap{}
next:
	for _, n := range candidates {
		sc, ok := score(n, q)
		if !ok {
			continue
		}
		k := sortKey{S: sc, N: n.Name, ID: n.ID}
		if after != nil && !after.less(k) {
			continue
		}
		for _, f := range filters {
			if !f(n) {
				continue next
			}
		}
		if h.Len() > limit && !k.less(h.items[0].k) {
			continue
		}
		heap.Push(h, hitItem{k, n})
		if h.Len() > limit+1 {
			heap.Pop(h)
		}
	}
	hits := make([]hitItem, h.Len())
	for i := len(hits) - 1; i >= 0; i-- {
		hits[i] = heap.Pop(h).(hitItem)
	}
	res := &SearchResult{Items: []kg.Entity{}}
	for i, h := range hits {
		if i == limit {
			res.NextCursor = encodeCursor(hits[i-1].k)
			break
		}
		res.Items = append(res.Items, h.n.Entity)
	}
	return res, nil
}

type hitItem struct {
	k sortKey
	n *node
}

// hitHeap is a max-heap of hits: the worst kept hit on top.
type hitHeap struct{ items []hitItem }

func (h *hitHeap) Len() int           { return len(h.items) }
func (h *hitHeap) Less(i, j int) bool { return h.items[j].k.less(h.items[i].k) }
func (h *hitHeap) Swap(i, j int)      { h.items[i], h.items[j] = h.items[j], h.items[i] }
func (h *hitHeap) Push(x any)         { h.items = append(h.items, x.(hitItem)) }
func (h *hitHeap) Pop() any {
	x := h.items[len(h.items)-1]
	h.items = h.items[:len(h.items)-1]
	return x
}

func clampLimit(l, def, max int) (int, error) {
	switch {
	case l < 0:
		return 0, kg.Errorf(kg.EInvalid, "limit must not be negative")
	case l == 0:
		return def, nil
	case l > max:
		return max, nil
	}
	return l, nil
}

// canonicalType accepts enterprise, Enterprise and 企业 alike.
func canonicalType(t string) string {
	switch strings.ToLower(t) {
	case "enterprise", "企业", "firm":
		return kg.TypeEnterprise
	case "organization", "机构":
		return kg.TypeOrganization
	case "project", "项目":
		return kg.TypeProject
	case "product", "产品":
		return kg.TypeProduct
	case "industry", "产业", "chain":
		return kg.TypeIndustry
	case "place", "地点":
		return kg.TypePlace
	}
	return t
}

func (ix *index) hasStage(n *node, stage string) bool {
	for _, r := range n.out {
		switch r.Predicate {
		case kg.PredStage:
			if r.Value == stage {
				return true
			}
		case kg.PredHasProject:
			for _, pr := range ix.nodes[r.Object].out {
				if pr.Predicate == kg.PredStage && pr.Value == stage {
					return true
				}
			}
		}
	}
	return false
}

// placesWithin returns the place and every place partOf it, transitively.
func (ix *index) placesWithin(pl *node) map[string]bool {
	in := map[string]bool{pl.ID: true}
	queue := []*node{pl}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		for _, r := range n.in {
			if r.Predicate == kg.PredPartOf && !in[r.Subject] {
				in[r.Subject] = true
				queue = append(queue, ix.nodes[r.Subject])
			}
		}
	}
	return in
}

func (ix *index) locatedIn(n *node, places map[string]bool) bool {
	if places[n.ID] {
		return true
	}
	for _, r := range n.out {
		switch r.Predicate {
		case kg.PredLocatedIn:
			if places[r.Object] {
				return true
			}
		case kg.PredHasProject:
			for _, pr := range ix.nodes[r.Object].out {
				if pr.Predicate == kg.PredLocatedIn && places[pr.Object] {
					return true
				}
			}
		}
	}
	return false
}

// EdgeView is a relation seen from one entity: the other end named, and the
// direction (out: the entity is the subject).
type EdgeView struct {
	kg.Relation
	Other     *Ref   `json:"other,omitempty"`
	Direction string `json:"direction"`
}

// EntityDetail is an entity with its relations grouped by predicate. An
// industry of a large corpus has thousands of firms: each group lists at
// most the limit asked for, and Counts says how many there are.
type EntityDetail struct {
	Entity    kg.Entity             `json:"entity"`
	Relations map[string][]EdgeView `json:"relations"`
	Counts    map[string]int        `json:"counts"`
	Documents []string              `json:"documents"`
}

// Relations per predicate in an entity's detail.
const (
	DefaultRelationsLimit = 500
	MaxRelationsLimit     = 10000
)

// Entity returns an entity (by id, or by exact name or alias) with its
// relations and their evidence, at most DefaultRelationsLimit per predicate.
func (s *Service) Entity(ctx context.Context, idOrName string) (*EntityDetail, error) {
	return s.EntityLimit(ctx, idOrName, 0)
}

// EntityLimit is Entity with at most limit relations per predicate
// (DefaultRelationsLimit when 0).
func (s *Service) EntityLimit(ctx context.Context, idOrName string, limit int) (*EntityDetail, error) {
	ix, err := s.index(ctx)
	if err != nil {
		return nil, err
	}
	limit, err = clampLimit(limit, DefaultRelationsLimit, MaxRelationsLimit)
	if err != nil {
		return nil, err
	}
	n, err := ix.resolve(idOrName, "")
	if err != nil {
		return nil, err
	}
	d := &EntityDetail{Entity: n.Entity, Relations: map[string][]EdgeView{}, Counts: map[string]int{}, Documents: []string{}}
	add := func(r *rel, other *node, dir string) {
		d.Counts[r.Predicate]++
		if len(d.Relations[r.Predicate]) >= limit {
			return
		}
		ev := EdgeView{Relation: r.Relation, Direction: dir}
		if other != nil {
			ref := other.ref()
			ev.Other = &ref
		}
		d.Relations[r.Predicate] = append(d.Relations[r.Predicate], ev)
	}
	for _, r := range n.out {
		add(r, ix.nodes[r.Object], "out")
	}
	for _, r := range n.in {
		add(r, ix.nodes[r.Subject], "in")
	}
	for doc := range n.documents() {
		d.Documents = append(d.Documents, doc)
	}
	sort.Strings(d.Documents)
	return d, nil
}
