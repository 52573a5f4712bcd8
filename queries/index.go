package queries

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/kgraph/kg"
	"github.com/kgraph/kg/graph"
)

// Reader is what a Service reads from the store: the methods of graph.Reader
// it calls.
type Reader interface {
	EntitiesOfType(ctx context.Context, typ string) ([]kg.Entity, error)
	Edges(ctx context.Context, id string) ([]graph.Edge, error)
	Documents(ctx context.Context) ([]kg.Document, error)
	Document(ctx context.Context, id string) (kg.Document, error)
	Indicators(ctx context.Context, doc string) ([]kg.Indicator, error)
	Version() uint64
}

// relationLister is an optional bulk read a store may offer: every relation
// (once, or once per document that states it), so that building the index
// needs one pass instead of one Edges call per entity. Like Edges, it
// returns the caller's own copies: the index sorts their evidence in place.
type relationLister interface {
	Relations(ctx context.Context) ([]kg.Relation, error)
}

// node is one entity with its relations.
type node struct {
	kg.Entity
	out []*rel // relations whose subject is this entity (stage ones included)
	in  []*rel // relations whose object is this entity
	// keys are the normalized name, aliases and attribute values, for search.
	keys     []string
	docsOnce sync.Once
	docs     map[string]bool // see node.documents

	infoOnce sync.Once
	info     *firmInfo // see index.firmInfo
}

// rel is one relation, its evidence merged across documents.
type rel struct {
	kg.Relation
	// Its id (edgeID) is not held: made when an edge is shown, it would
	// be one more string for the collector to visit per relation (2.6 M
	// at 10,000 reports).
	// subj and obj are the nodes of Subject and Object (obj nil for a
	// stage, whose object is a value), so that a walk of the graph
	// follows pointers instead of looking ids up.
	subj, obj *node
}

// index is an immutable snapshot of the graph. Caches hang off it and die
// with it.
type index struct {
	version uint64
	nodes   map[string]*node
	order   []*node // by id
	byName  map[string][]*node
	// grams maps each character and each pair of adjacent characters of
	// the search keys to the nodes having it (indices into order,
	// ascending), so that a substring search verifies only candidates.
	grams      map[uint64][]int32
	docs       []kg.Document
	docByID    map[string]kg.Document
	indicators []kg.Indicator

	children map[string][]*node // industry id -> narrower industries
	parents  map[string][]*node // industry id -> broader industries
	roots    []*node            // industries with no broader one
	depth    map[string]int

	mu         sync.Mutex
	fitsCache  map[fitsKey]*fitsEntry
	pageBudget pageBudget    // see maxPageBytes
	encoders   chan struct{} // see index.encoder
	tree       []ChainNode

	docsOnce     sync.Once
	docSummaries []DocumentSummary

	projectsOnce sync.Once
	projects     []ProjectView // in pipeline order
}

// norm folds width and case so that ＡＢＢ, abb and ABB match.
func norm(s string) string {
	if normal(s) {
		return s
	}
	return strings.ToLower(width.Fold.String(strings.TrimSpace(s)))
}

// normal reports whether norm would leave s as it is: most names are
// Chinese characters, which neither width nor case folding changes, and
// folding them would copy every name of the corpus on every index build.
func normal(s string) bool {
	for i, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' || (i == 0 || i == len(s)-1) && asciiSpace(byte(r)) {
				return false
			}
		case r == utf8.RuneError, r == 0x3000, r == 0x20a9, 0xff00 <= r && r <= 0xffef:
			// Invalid UTF-8, the ideographic space, and the full- and
			// half-width forms that width folding changes.
			return false
		case unicode.IsSpace(r) || unicode.ToLower(r) != r || unicode.IsUpper(r):
			return false
		}
	}
	return true
}

func asciiSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\v' || b == '\f'
}

func relKey(r kg.Relation) string {
	if r.Predicate == kg.PredStage {
		return fmt.Sprintf("%s\x00%s\x00=%s\x00%t\x00%d", r.Subject, r.Predicate, r.Value, r.Planned, r.Year)
	}
	return r.Subject + "\x00" + r.Predicate + "\x00" + r.Object + "\x00" + r.Value
}

func edgeID(r kg.Relation) string {
	if r.Predicate == kg.PredStage {
		return r.Subject + " " + r.Predicate + " " + r.Value
	}
	return r.Subject + " " + r.Predicate + " " + r.Object
}

func buildIndex(ctx context.Context, r Reader) (*index, error) {
	v := r.Version()
	ents, err := r.EntitiesOfType(ctx, "")
	if err != nil {
		return nil, fmt.Errorf("index entities: %w", err)
	}
	ix := &index{
		version:   v,
		nodes:     make(map[string]*node, len(ents)),
		byName:    make(map[string][]*node),
		docByID:   make(map[string]kg.Document),
		children:  make(map[string][]*node),
		parents:   make(map[string][]*node),
		depth:     make(map[string]int),
		fitsCache: make(map[fitsKey]*fitsEntry),
		encoders:  make(chan struct{}, runtime.GOMAXPROCS(0)),
	}
	for _, e := range ents {
		if e.Type == kg.TypeDocument || e.Type == kg.TypeIndicator {
			continue
		}
		if e.Aliases == nil {
			e.Aliases = []string{}
		}
		n := &node{Entity: e}
		n.keys = make([]string, 0, 1+len(e.Aliases)+len(e.Attrs))
		n.keys = append(n.keys, norm(e.Name))
		for _, a := range e.Aliases {
			n.keys = append(n.keys, norm(a))
		}
		// The name and aliases, normalized, are what byName looks up.
		for _, k := range n.keys {
			ix.byName[k] = append(ix.byName[k], n)
		}
		for _, k := range sortedKeys(e.Attrs) {
			if v := e.Attrs[k]; v != "" && k != "level" && k != "code" && k != "segment" {
				n.keys = append(n.keys, norm(v))
			}
		}
		ix.nodes[e.ID] = n
		ix.order = append(ix.order, n)
	}
	sort.Slice(ix.order, func(i, j int) bool { return ix.order[i].ID < ix.order[j].ID })
	ix.grams = buildGrams(ix.order)

	rels, err := listRelations(ctx, r, ix.order)
	if err != nil {
		return nil, err
	}
	merged := make(map[string]*rel, len(rels))
	// A relation stated by many documents is merged many times: its
	// evidence is gathered first and put in order once, not on every merge.
	gathered := map[*rel]bool{}
	for _, x := range rels {
		s := ix.nodes[x.Subject]
		if s == nil {
			continue
		}
		var o *node
		if x.Predicate != kg.PredStage {
			if o = ix.nodes[x.Object]; o == nil {
				continue
			}
		}
		k := relKey(x)
		if m := merged[k]; m != nil {
			if !gathered[m] {
				gathered[m] = true
				m.Evidence = slices.Clip(m.Evidence) // appends must not write into the store's copy
			}
			m.Evidence = append(m.Evidence, x.Evidence...)
			m.Inferred = m.Inferred && x.Inferred
			if x.Confidence > m.Confidence {
				m.Confidence = x.Confidence
			}
			continue
		}
		x.Evidence = normEvidence(x.Evidence)
		m := &rel{Relation: x, subj: s, obj: o}
		merged[k] = m
		s.out = append(s.out, m)
		if o != nil {
			o.in = append(o.in, m)
		}
	}
	for m := range gathered {
		m.Evidence = normEvidence(m.Evidence)
	}
	for _, n := range ix.order {
		sortRels(n.out)
		sortRels(n.in)
	}

	// The industry tree.
	for _, n := range ix.order {
		if n.Type != kg.TypeIndustry {
			continue
		}
		for _, x := range n.out {
			if x.Predicate == kg.PredSubIndustryOf {
				p := ix.nodes[x.Object]
				ix.parents[n.ID] = append(ix.parents[n.ID], p)
				ix.children[p.ID] = append(ix.children[p.ID], n)
			}
		}
	}
	for _, n := range ix.order {
		if n.Type == kg.TypeIndustry && len(ix.parents[n.ID]) == 0 {
			ix.roots = append(ix.roots, n)
		}
	}
	var setDepth func(n *node, d int, seen map[string]bool)
	setDepth = func(n *node, d int, seen map[string]bool) {
		if seen[n.ID] {
			return
		}
		seen[n.ID] = true
		if old, ok := ix.depth[n.ID]; !ok || d < old {
			ix.depth[n.ID] = d
		}
		for _, c := range ix.children[n.ID] {
			setDepth(c, d+1, seen)
		}
		delete(seen, n.ID)
	}
	for _, n := range ix.roots {
		setDepth(n, 0, map[string]bool{})
	}

	docs, err := r.Documents(ctx)
	if err != nil {
		return nil, fmt.Errorf("index documents: %w", err)
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i].ID < docs[j].ID })
	ix.docs = docs
	for _, d := range docs {
		ix.docByID[d.ID] = d
	}
	inds, err := r.Indicators(ctx, "")
	if err != nil {
		return nil, fmt.Errorf("index indicators: %w", err)
	}
	sort.SliceStable(inds, func(i, j int) bool { return inds[i].ID < inds[j].ID })
	ix.indicators = inds
	return ix, nil
}

// listRelations reads every relation once: in bulk where the store offers
// it, else from each entity's outgoing edges.
func listRelations(ctx context.Context, r Reader, nodes []*node) ([]kg.Relation, error) {
	if rl, ok := r.(relationLister); ok {
		rels, err := rl.Relations(ctx)
		if err != nil {
			return nil, fmt.Errorf("index relations: %w", err)
		}
		return rels, nil
	}
	var rels []kg.Relation
	for _, n := range nodes {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		edges, err := r.Edges(ctx, n.ID)
		if kg.ErrorCode(err) == kg.ENotFound {
			// Removed by a write since the listing; that write moved the
			// version on, so the next question rebuilds without it.
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("index edges of %s: %w", n.ID, err)
		}
		for _, e := range edges {
			if !e.Out && e.Predicate != kg.PredStage {
				continue
			}
			if e.Subject == "" {
				e.Subject = n.ID
			}
			if e.Subject != n.ID {
				continue
			}
			rels = append(rels, e.Relation)
		}
	}
	return rels, nil
}

// normEvidence puts evidence in document and start order and drops
// repeats (same document, start and end), keeping the first of each. It
// sorts evs in place, and returns it as is when it is in order already.
func normEvidence(evs []kg.Evidence) []kg.Evidence {
	if evidenceNormal(evs) {
		if evs == nil {
			return []kg.Evidence{}
		}
		return evs
	}
	slices.SortStableFunc(evs, cmpEvidence)
	out := evs[:0]
	for i, ev := range evs {
		// Repeats share document and start, so they sit in one run.
		dup := false
		for j := len(out) - 1; j >= 0 && cmpEvidence(out[j], ev) == 0; j-- {
			if out[j].End == ev.End {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, evs[i])
		}
	}
	clear(evs[len(out):])
	return out
}

func cmpEvidence(a, b kg.Evidence) int {
	if c := strings.Compare(a.Document, b.Document); c != 0 {
		return c
	}
	return a.Start - b.Start
}

// evidenceNormal reports whether evs is in order without repeats.
func evidenceNormal(evs []kg.Evidence) bool {
	for i := 1; i < len(evs); i++ {
		c := cmpEvidence(evs[i-1], evs[i])
		if c > 0 {
			return false
		}
		if c == 0 {
			// A run of equal starts: look for a repeated end in it.
			for j := i - 1; j >= 0 && cmpEvidence(evs[j], evs[i]) == 0; j-- {
				if evs[j].End == evs[i].End {
					return false
				}
			}
		}
	}
	return true
}

func sortRels(rs []*rel) {
	sort.Slice(rs, func(i, j int) bool {
		if rs[i].Predicate != rs[j].Predicate {
			return rs[i].Predicate < rs[j].Predicate
		}
		return compareIDs(idParts(rs[i]), idParts(rs[j])) < 0
	})
}

// idParts are the parts of a relation's id (edgeID), in order.
func idParts(r *rel) [5]string {
	x := r.Object
	if r.Predicate == kg.PredStage {
		x = r.Value
	}
	return [5]string{r.Subject, " ", r.Predicate, " ", x}
}

// compareIDs compares the strings a's and b's parts make, joined, as
// strings.Compare would, without joining them.
func compareIDs(a, b [5]string) int {
	ai, ao, bi, bo := 0, 0, 0, 0
	for {
		for ai < len(a) && ao == len(a[ai]) {
			ai, ao = ai+1, 0
		}
		for bi < len(b) && bo == len(b[bi]) {
			bi, bo = bi+1, 0
		}
		switch {
		case ai == len(a) && bi == len(b):
			return 0
		case ai == len(a):
			return -1
		case bi == len(b):
			return 1
		}
		n := min(len(a[ai])-ao, len(b[bi])-bo)
		if c := strings.Compare(a[ai][ao:ao+n], b[bi][bo:bo+n]); c != 0 {
			return c
		}
		ao, bo = ao+n, bo+n
	}
}

func sortedKeys(m map[string]string) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// relYear is the year a relation speaks of: its own, else the latest year
// of its evidence documents.
func (ix *index) relYear(r *rel) int {
	if r.Year != 0 {
		return r.Year
	}
	y := 0
	for _, ev := range r.Evidence {
		if d, ok := ix.docByID[ev.Document]; ok && d.Year > y {
			y = d.Year
		}
	}
	return y
}

// resolve finds an entity by id, by typed id (type/name), or by exact name
// or alias (preferring typ when several match).
func (ix *index) resolve(s, typ string) (*node, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, kg.Errorf(kg.EInvalid, "an entity id or name is required")
	}
	if n := ix.nodes[s]; n != nil {
		return n, nil
	}
	if typ != "" {
		if n := ix.nodes[strings.ToLower(typ)+"/"+s]; n != nil {
			return n, nil
		}
	}
	cands := ix.byName[norm(s)]
	var best *node
	for _, n := range cands {
		if typ != "" && n.Type != typ {
			continue
		}
		if best == nil || (n.Name == s && best.Name != s) || (n.Name == best.Name && n.ID < best.ID) {
			best = n
		}
	}
	if best == nil && typ == "" && len(cands) > 0 {
		best = cands[0]
	}
	if best == nil {
		if typ != "" {
			return nil, kg.Errorf(kg.ENotFound, "no %s %q", strings.ToLower(typ), s)
		}
		return nil, kg.Errorf(kg.ENotFound, "no entity %q", s)
	}
	return best, nil
}

// Ref names an entity briefly.
type Ref struct {
	ID   string `json:"id"`
	Type string `json:"type,omitempty"`
	Name string `json:"name"`
}

// documents returns the documents whose evidence mentions n (of its
// relations either way), computed on first use: most entities are never
// asked.
func (n *node) documents() map[string]bool {
	n.docsOnce.Do(func() {
		n.docs = map[string]bool{}
		for _, rs := range [][]*rel{n.out, n.in} {
			for _, x := range rs {
				for _, ev := range x.Evidence {
					n.docs[ev.Document] = true
				}
			}
		}
	})
	return n.docs
}

func (n *node) ref() Ref { return Ref{ID: n.ID, Type: n.Type, Name: n.Name} }

// Service answers the questions over a Reader. It is safe for concurrent use.
type Service struct {
	r   Reader
	mu  sync.Mutex            // serializes index builds
	cur atomic.Pointer[index] // the latest index; immutable once published
}

// New returns a Service reading from r.
func New(r Reader) *Service {
	return &Service{r: r}
}

// index returns an index of the store's current version, or while that
// is being built, the previous one: a rebuild of a large corpus takes
// seconds, and no question waits for it. The first caller to see the store
// changed starts the rebuild in the background; only when there is no
// index yet do callers wait for the first. Writers call Refresh, so that
// their own next question sees their write.
func (s *Service) index(ctx context.Context) (*index, error) {
	v := s.r.Version()
	cur := s.cur.Load()
	if cur != nil && cur.version == v {
		return cur, nil
	}
	if cur != nil {
		if s.mu.TryLock() {
			go func() {
				defer s.mu.Unlock()
				// A failed rebuild leaves the previous index in place;
				// the next question to see the change tries again.
				s.rebuildLocked(context.WithoutCancel(ctx))
			}()
		}
		return cur, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.rebuildLocked(ctx)
}

// rebuildLocked builds the index unless it is current; s.mu is held. The
// build is not cancelled with the request that started it: others use it.
// Every chain's answer, and the firms of its first page encoded, are
// computed before the index is published (see index.warm), so that no
// question pays for them.
func (s *Service) rebuildLocked(ctx context.Context) (*index, error) {
	if cur := s.cur.Load(); cur != nil && cur.version == s.r.Version() {
		return cur, nil
	}
	ix, err := buildIndex(context.WithoutCancel(ctx), s.r)
	if err != nil {
		return nil, err
	}
	ix.warm()
	ix.chainTree()
	s.cur.Store(ix)
	return ix, nil
}

// Refresh brings the index up to the store's current version now, waiting
// for a rebuild in progress: after a write, so that the writer's next
// question sees it, and at start, so that the first request does not pay.
func (s *Service) Refresh(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, err := s.rebuildLocked(ctx)
	return err
}

// gram is the key of one character (b < 0) or of a pair of adjacent
// characters in index.grams.
func gram(a, b rune) uint64 { return uint64(a)<<32 | uint64(b+1) }

// buildGrams indexes the characters and character pairs of every node's
// search keys.
func buildGrams(order []*node) map[uint64][]int32 {
	g := make(map[uint64][]int32, 1<<16)
	add := func(k uint64, i int32) {
		l := g[k]
		if n := len(l); n > 0 && l[n-1] == i {
			return
		}
		g[k] = append(l, i)
	}
	for i, n := range order {
		for _, k := range n.keys {
			prev := rune(-1)
			for _, r := range k {
				add(gram(r, -1), int32(i))
				if prev >= 0 {
					add(gram(prev, r), int32(i))
				}
				prev = r
			}
		}
	}
	return g
}

// candidates returns the nodes whose keys may contain q (normalized): those
// having its rarest character pair (or its character, for one character).
// ok is false when q is empty and every node is a candidate.
func (ix *index) candidates(q string) (nodes []*node, ok bool) {
	r := []rune(q)
	if len(r) == 0 {
		return nil, false
	}
	var best []int32
	found := false
	if len(r) == 1 {
		best, found = ix.grams[gram(r[0], -1)], true
	}
	for j := 0; j+1 < len(r); j++ {
		l := ix.grams[gram(r[j], r[j+1])]
		if !found || len(l) < len(best) {
			best, found = l, true
		}
	}
	nodes = make([]*node, len(best))
	for i, k := range best {
		nodes[i] = ix.order[k]
	}
	return nodes, true
}
