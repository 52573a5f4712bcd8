package queries

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/kgraph/kg"
)

// ChainNode is one node of the industry-chain tree. Firms and Projects count
// the node and everything below it.
type ChainNode struct {
	ID       string      `json:"id"`
	Name     string      `json:"name"`
	Level    int         `json:"level"`
	Segment  string      `json:"segment,omitempty"`
	Firms    int         `json:"firms"`
	Projects int         `json:"projects"`
	Children []ChainNode `json:"children"`
}

// FirmFit is one firm that fits a chain, and why.
type FirmFit struct {
	Entity kg.Entity `json:"entity"`
	// Segment is the part of the chain the firm fits: the taxonomy's segment
	// (上游, 中游, 下游 …) where it has one, else the sub-chain directly below
	// the chain asked about; empty when the firm fits the chain itself.
	Segment string `json:"segment,omitempty"`
	// Chain is the most specific chain node the firm fits.
	Chain      Ref     `json:"chain"`
	Confidence float64 `json:"confidence"`
	// Inferred is true when no fit is stated, only inferred from keywords.
	Inferred bool `json:"inferred"`
	// Via names the project through which the firm fits, when the firm is not
	// linked to the chain itself.
	Via      *Ref          `json:"via,omitempty"`
	Evidence []kg.Evidence `json:"evidence"`
	Projects []ProjectRef  `json:"projects"`
	// ProjectCount is the number of the firm's projects; Projects lists
	// the maxFitProjects most recent.
	ProjectCount int `json:"projectCount"`
	// Stage is the firm's own latest stage where the text gives the stage of
	// a project it names only by the firm.
	Stage     string        `json:"stage,omitempty"`
	Planned   bool          `json:"planned,omitempty"`
	StageEvid []kg.Evidence `json:"stageEvidence,omitempty"`
}

// ProjectRef is a firm's project with its latest stage.
type ProjectRef struct {
	Entity        kg.Entity     `json:"entity"`
	Stage         string        `json:"stage,omitempty"`
	Planned       bool          `json:"planned,omitempty"`
	Year          int           `json:"year,omitempty"`
	StageEvidence []kg.Evidence `json:"stageEvidence"`
}

// View is how much of each firm a page of a chain's firms shows.
type View uint8

const (
	// Full shows every field of FirmFit.
	Full View = iota
	// Brief shows a firm as a list of firms shows it (FirmBrief): the fit
	// with its first piece of evidence, and the firm's most recent
	// projects without theirs. At 10,000 reports a first page of 500
	// firms is about a fifth of the full one.
	Brief
)

// ParseView reads a view's name: "full" (or empty) or "brief".
func ParseView(s string) (View, error) {
	switch s {
	case "", "full":
		return Full, nil
	case "brief":
		return Brief, nil
	}
	return Full, kg.Errorf(kg.EInvalid, "view must be full or brief, not %q", s)
}

// FirmBrief is a FirmFit as a list of firms shows it: what the browser's
// chain view draws, with the rest a click away in the firm's detail.
type FirmBrief struct {
	Entity     kg.Entity `json:"entity"`
	Segment    string    `json:"segment,omitempty"`
	Chain      Ref       `json:"chain"`
	Confidence float64   `json:"confidence"`
	Inferred   bool      `json:"inferred"`
	Via        *Ref      `json:"via,omitempty"`
	// Evidence is the first piece of the fit's evidence; EvidenceCount
	// counts those the full view lists.
	Evidence      []kg.Evidence `json:"evidence"`
	EvidenceCount int           `json:"evidenceCount"`
	// Projects are the firm's maxBriefProjects most recent, without the
	// evidence of their stages; ProjectCount counts all of them.
	Projects     []ProjectBrief `json:"projects"`
	ProjectCount int            `json:"projectCount"`
	Stage        string         `json:"stage,omitempty"`
	Planned      bool           `json:"planned,omitempty"`
}

// ProjectBrief is a ProjectRef without its evidence.
type ProjectBrief struct {
	Entity  kg.Entity `json:"entity"`
	Stage   string    `json:"stage,omitempty"`
	Planned bool      `json:"planned,omitempty"`
	Year    int       `json:"year,omitempty"`
}

// maxBriefProjects bounds the projects a brief lists per firm.
const maxBriefProjects = 3

// Brief returns the fit as a list of firms shows it.
func (ff *FirmFit) Brief() FirmBrief {
	b := FirmBrief{Entity: ff.Entity, Segment: ff.Segment, Chain: ff.Chain, Confidence: ff.Confidence,
		Inferred: ff.Inferred, Via: ff.Via, Evidence: ff.Evidence[:min(1, len(ff.Evidence))],
		EvidenceCount: len(ff.Evidence), Projects: make([]ProjectBrief, min(maxBriefProjects, len(ff.Projects))),
		ProjectCount: ff.ProjectCount, Stage: ff.Stage, Planned: ff.Planned}
	if b.Evidence == nil {
		b.Evidence = []kg.Evidence{}
	}
	for i := range b.Projects {
		p := &ff.Projects[i]
		b.Projects[i] = ProjectBrief{Entity: p.Entity, Stage: p.Stage, Planned: p.Planned, Year: p.Year}
	}
	return b
}

// ChainFirms is the answer to "which firms fit this chain". An answer is
// shared by every request until the graph changes, and must not be
// modified.
type ChainFirms struct {
	Chain Ref       `json:"chain"`
	Firms []FirmFit `json:"firms"`

	once sync.Once
	enc  []byte
	err  error
}

// MarshalJSON encodes the answer once: the largest chains list thousands
// of firms with their evidence, and encoding them is most of a request's
// cost.
func (a *ChainFirms) MarshalJSON() ([]byte, error) {
	a.once.Do(func() {
		type plain struct {
			Chain Ref       `json:"chain"`
			Firms []FirmFit `json:"firms"`
		}
		a.enc, a.err = json.Marshal(plain{a.Chain, a.Firms})
	})
	return a.enc, a.err
}

// maxFitEvidence bounds the evidence listed per firm; the entity's detail
// has all of it.
const maxFitEvidence = 5

// maxFitProjects bounds the projects listed per firm, and
// maxStageEvidence the evidence of each project's stage.
const (
	maxFitProjects   = 10
	maxStageEvidence = 2
)

type chainFits struct {
	answer *ChainFirms
	pages  map[pageKey]*FirmsPage // guarded by index.mu
	frags  [2][]firmJSON          // each firm encoded, by view, on first use
	firms  []FirmFit
	infos  []*firmInfo // of firms[i]
	// projectCount counts the projects in the chain (direct or of its
	// firms).
	projectCount int
	linked       []*node // subjects of the relations into the chain, repeats and all

	membersOnce sync.Once
	members     map[string]bool // see memberSet
}

// Chains returns the industry-chain tree with counts.
func (s *Service) Chains(ctx context.Context) ([]ChainNode, error) {
	ix, err := s.index(ctx)
	if err != nil {
		return nil, err
	}
	return ix.chainTree(), nil
}

// warm ranks every chain's firms and encodes its first page in both
// views (the brief one is what the browser asks first), on every core, before the index is published.
// Without it a chain's first ask after a rebuild paid for the encoding:
// p99 54 ms at 10,000 reports, against 2 µs once warm.
func (ix *index) warm() {
	var inds []*node
	for _, n := range ix.order {
		if n.Type == kg.TypeIndustry {
			inds = append(inds, n)
		}
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(inds)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < len(inds); i = int(next.Add(1) - 1) {
				// An error is kept with the page and reported to whoever
				// asks for it.
				f := ix.fits(inds[i], true)
				ix.page(f, 0, DefaultFirmsLimit, Brief, true).share()
				ix.page(f, 0, DefaultFirmsLimit, Full, true).share()
			}
		}()
	}
	wg.Wait()
}

// chainTree computes the tree once per index; doing so answers (and caches)
// the firms of every chain.
func (ix *index) chainTree() []ChainNode {
	ix.mu.Lock()
	t := ix.tree
	ix.mu.Unlock()
	if t != nil {
		return t
	}
	var build func(n *node, seen map[string]bool) ChainNode
	build = func(n *node, seen map[string]bool) ChainNode {
		f := ix.fits(n, true)
		c := ChainNode{ID: n.ID, Name: n.Name, Level: ix.level(n), Segment: n.Attrs["segment"],
			Firms: len(f.firms), Projects: f.projectCount, Children: []ChainNode{}}
		seen[n.ID] = true
		for _, ch := range sortedByName(ix.children[n.ID]) {
			if !seen[ch.ID] {
				c.Children = append(c.Children, build(ch, seen))
			}
		}
		delete(seen, n.ID)
		return c
	}
	t = []ChainNode{}
	for _, r := range sortedByName(ix.roots) {
		t = append(t, build(r, map[string]bool{}))
	}
	// Chains with firms first: the tree is a menu for analysts.
	sort.SliceStable(t, func(i, j int) bool { return t[i].Firms > t[j].Firms })
	ix.mu.Lock()
	ix.tree = t
	ix.mu.Unlock()
	return t
}

func (ix *index) level(n *node) int {
	if l, err := strconv.Atoi(n.Attrs["level"]); err == nil {
		return l
	}
	return ix.depth[n.ID]
}

func sortedByName(ns []*node) []*node {
	out := slices.Clone(ns)
	sort.Slice(out, func(i, j int) bool {
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// ChainFirms returns the firms that fit chain (an industry id or name) or any
// chain below it, ranked: stated fits before inferred ones, then by
// confidence, then by number of projects. With inferred false, keyword-only
// fits are left out.
func (s *Service) ChainFirms(ctx context.Context, chain string, inferred bool) (*ChainFirms, error) {
	f, _, err := s.chainFits(ctx, chain, inferred)
	if err != nil {
		return nil, err
	}
	return f.answer, nil
}

// chainFits returns the fits of a chain (an id or a name) in the current
// index.
func (s *Service) chainFits(ctx context.Context, chain string, inferred bool) (*chainFits, *index, error) {
	ix, err := s.index(ctx)
	if err != nil {
		return nil, nil, err
	}
	n, err := ix.chain(chain)
	if err != nil {
		return nil, nil, err
	}
	return ix.fits(n, inferred), ix, nil
}

// chain resolves an industry chain by id or name.
func (ix *index) chain(s string) (*node, error) {
	n, err := ix.resolve(s, kg.TypeIndustry)
	if err != nil {
		return nil, err
	}
	if n.Type != kg.TypeIndustry {
		return nil, kg.Errorf(kg.EInvalid, "%s is a %s, not an industry chain", n.ID, n.Type)
	}
	return n, nil
}

// Chain-firms page limits.
const (
	DefaultFirmsLimit = 500
	MaxFirmsLimit     = 5000
)

// FirmsPage is one page of a chain's ranked firms: offset and limit into
// the whole answer, Total firms in all, NextOffset the offset of the next
// page (0 on the last).
type FirmsPage struct {
	Chain      Ref       `json:"chain"`
	Firms      []FirmFit `json:"firms"`
	Total      int       `json:"total"`
	NextOffset int       `json:"next_offset,omitempty"`

	view  View
	frags []firmJSON  // the encoded firms of this page, in its view
	infos []*firmInfo // of Firms[i]
	// keep: the page is part of the index (a first page index.warm
	// encoded): its encoding, and its firms', are held until the graph
	// changes. Other pages are held gzip-compressed, within the index's
	// budget (see Body).
	keep bool
	once sync.Once
	enc  []byte
	err  error
	at   int // where the first firm starts in enc

	ix   *index
	lock chan struct{} // taken by the ask that compresses the page
	held atomic.Pointer[Body]
	over atomic.Bool // no room in the budget: encoded at each ask
}

// Body is a page's encoding as the index holds it.
type Body struct {
	Bytes []byte
	Gzip  bool // Bytes are the JSON gzip-compressed
	Size  int  // the JSON's length
}

// maxPageBytes bounds the bytes an index holds of the pages beyond the
// first pages (which are part of it), compressed. At 10,000 reports every
// chain's whole answer (up to 5,000 firms) takes about 80 MB compressed,
// 480 MB as JSON.
var maxPageBytes int64 = 128 << 20

// pageBudget counts the bytes of the pages an index holds beyond its first
// pages.
type pageBudget struct{ used atomic.Int64 }

// admit reserves n bytes, or says there is no room for them.
func (b *pageBudget) admit(n int64) bool {
	if b.used.Add(n) > maxPageBytes {
		b.used.Add(-n)
		return false
	}
	return true
}

// full says whether the budget has no room left for a page.
func (b *pageBudget) full() bool { return b.used.Load() >= maxPageBytes }

// firmJSON is one firm's fit, encoded once and shared by every page that
// shows it until the graph changes.
type firmJSON struct {
	once sync.Once
	b    []byte
	err  error
}

// encode returns the firm's encoding in view (f holds that view's): kept
// when keep (index.warm, before the index is published, is the only caller
// that keeps), otherwise the kept one if there is one, or a new one that is
// not held. A brief is json.Marshal's of ff.Brief(); a full fit is built
// from the firm's shared parts (encodeFit).
func (f *firmJSON) encode(ff *FirmFit, info *firmInfo, keep bool, view View) ([]byte, error) {
	enc := func() ([]byte, error) {
		if view == Brief {
			return json.Marshal(ff.Brief())
		}
		return encodeFit(ff, info, keep)
	}
	if keep {
		f.once.Do(func() { f.b, f.err = enc() })
		return f.b, f.err
	}
	if f.b != nil {
		return f.b, nil
	}
	return enc()
}

// encodeFit encodes ff as json.Marshal does, from the parts of it that
// depend on the chain (encoded here) and those that do not (the firm, its
// projects and stage: encoded once per index, by info, and shared by the
// chains that list the firm, when keep).
func encodeFit(ff *FirmFit, info *firmInfo, keep bool) ([]byte, error) {
	firm, err := info.json(ff, keep)
	if err != nil {
		return nil, err
	}
	fit, err := json.Marshal(fitJSON{ff.Segment, ff.Chain, ff.Confidence, ff.Inferred, ff.Via, ff.Evidence})
	if err != nil {
		return nil, err
	}
	b := make([]byte, 0, len(firm.entity)+len(fit)+len(firm.projects)+len(firm.stage)+64)
	b = append(b, `{"entity":`...)
	b = append(b, firm.entity...)
	b = append(b, ',')
	b = append(b, fit[1:len(fit)-1]...)
	b = append(b, `,"projects":`...)
	b = append(b, firm.projects...)
	b = append(b, `,"projectCount":`...)
	b = strconv.AppendInt(b, int64(ff.ProjectCount), 10)
	if len(firm.stage) > 2 {
		b = append(b, ',')
		b = append(b, firm.stage[1:len(firm.stage)-1]...)
	}
	return append(b, '}'), nil
}

// fitJSON and stageJSON are the fields of FirmFit, in its order and with
// its tags, that encodeFit encodes apart: those between the entity and the
// projects, and those after the project count.
type fitJSON struct {
	Segment    string        `json:"segment,omitempty"`
	Chain      Ref           `json:"chain"`
	Confidence float64       `json:"confidence"`
	Inferred   bool          `json:"inferred"`
	Via        *Ref          `json:"via,omitempty"`
	Evidence   []kg.Evidence `json:"evidence"`
}

type stageJSON struct {
	Stage     string        `json:"stage,omitempty"`
	Planned   bool          `json:"planned,omitempty"`
	StageEvid []kg.Evidence `json:"stageEvidence,omitempty"`
}

// firmParts are the encoded parts of a fit that depend on the firm only.
type firmParts struct {
	entity, projects, stage []byte
}

// json encodes the parts of ff that are the firm's whatever the chain:
// once per index when keep (as firmJSON.encode), otherwise the kept ones
// if there are, or new ones that are not held.
func (info *firmInfo) json(ff *FirmFit, keep bool) (*firmParts, error) {
	if !keep {
		if info.enc != nil {
			return info.enc, nil
		}
		return encodeParts(ff)
	}
	info.encOnce.Do(func() { info.enc, info.encErr = encodeParts(ff) })
	return info.enc, info.encErr
}

func encodeParts(ff *FirmFit) (*firmParts, error) {
	var p firmParts
	var err error
	if p.entity, err = json.Marshal(ff.Entity); err != nil {
		return nil, err
	}
	if p.projects, err = json.Marshal(ff.Projects); err != nil {
		return nil, err
	}
	if p.stage, err = json.Marshal(stageJSON{ff.Stage, ff.Planned, ff.StageEvid}); err != nil {
		return nil, err
	}
	return &p, nil
}

// JSON returns the page encoded: the page's frame around its firms'
// shared encodings. A first page (part of the index) is encoded once;
// others at each call (Body holds them compressed).
func (p *FirmsPage) JSON() ([]byte, error) {
	if p.keep {
		p.once.Do(func() { p.enc, p.at, p.err = p.encodeKept() })
		return p.enc, p.err
	}
	var b bytes.Buffer
	_, _, err := p.writeJSON(&b, false)
	return b.Bytes(), err
}

// encodeKept encodes a page that is part of the index into a buffer of its
// size, keeping its firms' encodings; at is where the first firm starts.
func (p *FirmsPage) encodeKept() (enc []byte, at int, err error) {
	size := 256
	for i := range p.Firms {
		fb, err := p.frags[i].encode(&p.Firms[i], p.infos[i], true, p.view)
		if err != nil {
			return nil, 0, err
		}
		size += len(fb) + 1
	}
	b := bytes.NewBuffer(make([]byte, 0, size))
	_, at, err = p.writeJSON(b, true)
	return b.Bytes(), at, err
}

// writeJSON writes the page to w as its frame around its firms' encodings,
// each taken as it is written, and returns the bytes written and where the
// first firm starts. It stops at the first error of w.
func (p *FirmsPage) writeJSON(w io.Writer, keep bool) (n int64, at int, err error) {
	head, err := json.Marshal(p.Chain)
	if err != nil {
		return 0, 0, err
	}
	ew := &errWriter{w: w}
	ew.WriteString(`{"chain":`)
	ew.Write(head)
	ew.WriteString(`,"firms":[`)
	at = int(ew.n)
	for i := range p.Firms {
		fb, err := p.frags[i].encode(&p.Firms[i], p.infos[i], keep, p.view)
		if err != nil {
			return ew.n, at, err
		}
		if i > 0 {
			ew.WriteString(",")
		}
		if ew.Write(fb); ew.err != nil {
			return ew.n, at, ew.err
		}
	}
	tail := strconv.AppendInt([]byte(`],"total":`), int64(p.Total), 10)
	if p.NextOffset > 0 {
		tail = strconv.AppendInt(append(tail, `,"next_offset":`...), int64(p.NextOffset), 10)
	}
	ew.Write(append(tail, '}'))
	return ew.n, at, ew.err
}

// errWriter counts what it writes and keeps w's first error, after which
// it writes nothing.
type errWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (e *errWriter) Write(b []byte) {
	if e.err == nil {
		var n int
		n, e.err = e.w.Write(b)
		e.n += int64(n)
	}
}

func (e *errWriter) WriteString(s string) {
	if e.err == nil {
		var n int
		n, e.err = io.WriteString(e.w, s)
		e.n += int64(n)
	}
}

// share encodes a kept page and makes its firms' encodings slices of the
// page's bytes, so that a firm's fit is held once, in the page: other pages
// that show it (another offset or limit) copy it from there. Only before
// the page is shared with other goroutines (index.warm).
func (p *FirmsPage) share() {
	enc, err := p.JSON()
	if err != nil {
		return
	}
	at := p.at
	for i := range p.frags {
		f := &p.frags[i]
		n := len(f.b)
		f.b = enc[at : at+n : at+n]
		at += n + 1 // and the comma
	}
}

// Body returns the page's encoding as the index holds it: a first page's
// JSON, or another page's JSON gzip-compressed, held once compressed while
// the index's budget has room (the JSON of a chain's firms compresses about
// sixfold). Nil when there is no room: WriteJSON encodes the page then.
// The first ask compresses the page, those at the same time wait for it.
func (p *FirmsPage) Body(ctx context.Context) (*Body, error) {
	if p.keep {
		enc, err := p.JSON()
		if err != nil {
			return nil, err
		}
		return &Body{Bytes: enc, Size: len(enc)}, nil
	}
	if b := p.held.Load(); b != nil || p.over.Load() {
		return b, nil
	}
	select {
	case p.lock <- struct{}{}:
		defer func() { <-p.lock }()
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if b := p.held.Load(); b != nil || p.over.Load() {
		return b, nil
	}
	if p.ix.pageBudget.full() {
		p.over.Store(true)
		return nil, nil
	}
	release, err := p.ix.encoder(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, pageGzipLevel)
	n, _, err := p.writeJSON(zw, false)
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		return nil, err
	}
	b := &Body{Bytes: bytes.Clone(buf.Bytes()), Gzip: true, Size: int(n)}
	if !p.ix.pageBudget.admit(int64(len(b.Bytes))) {
		p.over.Store(true) // this ask has it, later ones encode it
		return b, nil
	}
	p.held.Store(b)
	return b, nil
}

// pageGzipLevel is the compression of the pages held. On a 19 MB whole
// answer at 10,000 reports, level 5 compresses 6.0× in 0.38 s of CPU, the
// default level 6.1× in 0.70 s, level 1 4.5× in 0.27 s.
const pageGzipLevel = 5

// WriteJSON writes the page's JSON to w as it encodes it, for a page Body
// has no room for: no copy of the whole answer is made. It waits for one
// of the index's encoders (as many as cores) while ctx allows, then writes
// until it is done or w fails (a client that has gone).
func (p *FirmsPage) WriteJSON(ctx context.Context, w io.Writer) error {
	release, err := p.ix.encoder(ctx)
	if err != nil {
		return err
	}
	defer release()
	_, _, err = p.writeJSON(w, false)
	return err
}

// encoder waits for one of the index's encoders of large pages, so that
// asks for many such pages at once share the cores in turn rather than
// each taking them all the longer, and small asks are not starved.
func (ix *index) encoder(ctx context.Context) (release func(), err error) {
	select {
	case ix.encoders <- struct{}{}:
		return func() { <-ix.encoders }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// ChainFirmsPage returns one page of ChainFirms' ranked answer: limit firms
// (DefaultFirmsLimit when 0) from offset, so that an answer of thousands of
// firms costs what one page costs, each firm shown in view.
func (s *Service) ChainFirmsPage(ctx context.Context, chain string, inferred bool, offset, limit int, view View) (*FirmsPage, error) {
	if offset < 0 {
		return nil, kg.Errorf(kg.EInvalid, "offset must not be negative")
	}
	limit, err := clampLimit(limit, DefaultFirmsLimit, MaxFirmsLimit)
	if err != nil {
		return nil, err
	}
	f, ix, err := s.chainFits(ctx, chain, inferred)
	if err != nil {
		return nil, err
	}
	return ix.page(f, offset, limit, view, false), nil
}

// page returns the page of f's firms from offset, at most limit long.
// Pages are kept, a bounded number per chain, until the graph changes;
// keep makes the page part of the index (see FirmsPage.keep).
func (ix *index) page(f *chainFits, offset, limit int, view View, keep bool) *FirmsPage {
	key := pageKey{offset, limit, view}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if p := f.pages[key]; p != nil {
		return p
	}
	p := &FirmsPage{Chain: f.answer.Chain, Total: len(f.firms), Firms: []FirmFit{}, view: view, keep: keep, ix: ix, lock: make(chan struct{}, 1)}
	if offset < len(f.firms) {
		end := min(offset+limit, len(f.firms))
		p.Firms, p.frags, p.infos = f.firms[offset:end], f.frags[view][offset:end], f.infos[offset:end]
		if end < len(f.firms) {
			p.NextOffset = end
		}
	}
	if len(f.pages) < maxCachedPages {
		if f.pages == nil {
			f.pages = map[pageKey]*FirmsPage{}
		}
		f.pages[key] = p
	} else {
		p.over.Store(true) // not kept: holding it would spend the budget for nothing
	}
	return p
}

// maxCachedPages bounds the pages of one chain's answer kept encoded.
const maxCachedPages = 64

// pageKey names a page of a chain's answer.
type pageKey struct {
	offset, limit int
	view          View
}

// subtree returns the industry and every industry below it, each with the
// child of root on its path (nil for root itself).
func (ix *index) subtree(root *node) ([]*node, map[string]*node) {
	top := map[string]*node{root.ID: nil}
	out := []*node{root}
	for i := 0; i < len(out); i++ {
		for _, c := range ix.children[out[i].ID] {
			if _, ok := top[c.ID]; ok {
				continue
			}
			if out[i] == root {
				top[c.ID] = c
			} else {
				top[c.ID] = top[out[i].ID]
			}
			out = append(out, c)
		}
	}
	return out, top
}

// fit is one reason a firm fits: a relation to an industry of the chain,
// directly or through one of its projects.
type fit struct {
	r   *rel
	ind *node
	via *node
}

func better(ix *index, a, b fit) bool {
	if a.r.Inferred != b.r.Inferred {
		return !a.r.Inferred
	}
	if (a.via == nil) != (b.via == nil) {
		return a.via == nil
	}
	if a.r.Confidence != b.r.Confidence {
		return a.r.Confidence > b.r.Confidence
	}
	if da, db := ix.depth[a.ind.ID], ix.depth[b.ind.ID]; da != db {
		return da > db
	}
	return a.ind.ID < b.ind.ID
}

// fits returns the fits of root and every chain below it, computed once
// per index: callers asking at the same time wait for the one computing.
func (ix *index) fits(root *node, inferred bool) *chainFits {
	key := fitsKey{root, inferred}
	ix.mu.Lock()
	e := ix.fitsCache[key]
	if e == nil {
		e = &fitsEntry{}
		ix.fitsCache[key] = e
	}
	ix.mu.Unlock()
	e.once.Do(func() { e.f = ix.computeFits(root, inferred) })
	return e.f
}

type fitsKey struct {
	root     *node
	inferred bool
}

type fitsEntry struct {
	once sync.Once
	f    *chainFits
}

// computeFits answers the chain question. Its cost follows the answer: it
// visits the relations into the chain's industries and the firms found
// there; what a fit shows of a firm whatever the chain (its projects and
// stage) is computed once per index, by firmInfo.
func (ix *index) computeFits(root *node, inferred bool) *chainFits {
	inds, top := ix.subtree(root)
	// Every reason of every firm in one slice, grouped by firm below.
	type reason struct {
		firm int32 // index into firms
		f    fit
	}
	var reasons []reason
	var firms []*node
	at := map[*node]int32{}
	projects := map[*node]struct{}{}
	var linked []*node
	add := func(firm *node, f fit) {
		i, ok := at[firm]
		if !ok {
			i = int32(len(firms))
			at[firm] = i
			firms = append(firms, firm)
		}
		reasons = append(reasons, reason{i, f})
	}
	for _, ind := range inds {
		for _, r := range ind.in {
			if r.Predicate != kg.PredInIndustry || (!inferred && r.Inferred) {
				continue
			}
			sub := ix.nodes[r.Subject]
			linked = append(linked, sub)
			switch sub.Type {
			case kg.TypeEnterprise:
				add(sub, fit{r: r, ind: ind})
			case kg.TypeProject:
				projects[sub] = struct{}{}
				for _, o := range sub.in {
					if o.Predicate == kg.PredHasProject {
						if owner := ix.nodes[o.Subject]; owner.Type == kg.TypeEnterprise {
							add(owner, fit{r: r, ind: ind, via: sub})
						}
					}
				}
			}
		}
	}
	// Group the reasons by firm, in their order (a counting sort).
	start := make([]int32, len(firms)+1)
	for _, r := range reasons {
		start[r.firm+1]++
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	grouped := make([]fit, len(reasons))
	next := slices.Clone(start[:len(firms)])
	for _, r := range reasons {
		grouped[next[r.firm]] = r.f
		next[r.firm]++
	}

	type cand struct {
		firm *node
		fs   []fit
		best fit
		info *firmInfo
	}
	cands := make([]cand, len(firms))
	order := make([]*cand, len(firms))
	for i, firm := range firms {
		fs := grouped[start[i]:start[i+1]]
		best := fs[0]
		for _, f := range fs[1:] {
			if better(ix, f, best) {
				best = f
			}
		}
		info := ix.firmInfo(firm)
		for _, p := range info.all {
			projects[p] = struct{}{}
		}
		cands[i] = cand{firm, fs, best, info}
		order[i] = &cands[i]
	}
	// Rank stated fits before inferred ones, then by confidence, then by
	// number of projects; rank pointers, then build the answers in order.
	slices.SortFunc(order, func(a, b *cand) int {
		if a.best.r.Inferred != b.best.r.Inferred {
			if !a.best.r.Inferred {
				return -1
			}
			return 1
		}
		if c := cmp.Compare(b.best.r.Confidence, a.best.r.Confidence); c != 0 {
			return c
		}
		if c := cmp.Compare(len(b.info.all), len(a.info.all)); c != 0 {
			return c
		}
		if c := strings.Compare(a.firm.Name, b.firm.Name); c != 0 {
			return c
		}
		return strings.Compare(a.firm.ID, b.firm.ID)
	})
	res := &chainFits{
		firms:        make([]FirmFit, len(order)),
		infos:        make([]*firmInfo, len(order)),
		projectCount: len(projects),
		linked:       linked,
	}
	for i, c := range order {
		best := c.best
		ff := &res.firms[i]
		*ff = FirmFit{
			Entity:       c.firm.Entity,
			Chain:        Ref{ID: best.ind.ID, Name: best.ind.Name},
			Confidence:   best.r.Confidence,
			Inferred:     best.r.Inferred,
			Segment:      ix.fitSegment(best, c.fs, top),
			Projects:     c.info.projects,
			ProjectCount: len(c.info.all),
			Evidence:     fitEvidence(best, c.fs),
		}
		if best.via != nil {
			v := best.via.ref()
			ff.Via = &v
		}
		if st := c.info.stage; st != nil {
			ff.Stage, ff.Planned, ff.StageEvid = st.Value, st.Planned, st.Evidence
		}
		res.infos[i] = c.info
	}
	res.answer = &ChainFirms{Chain: Ref{ID: root.ID, Name: root.Name}, Firms: res.firms}
	res.frags = [2][]firmJSON{make([]firmJSON, len(res.firms)), make([]firmJSON, len(res.firms))}
	return res
}

// fitEvidence is the evidence a fit shows: the best reason's first, then
// that of the firm's other reasons of the same kind (stated or inferred),
// at most maxFitEvidence.
func fitEvidence(best fit, fs []fit) []kg.Evidence {
	ev := make([]kg.Evidence, 0, min(maxFitEvidence, len(best.r.Evidence)))
	add := func(evs []kg.Evidence) {
		for _, e := range evs {
			if len(ev) == maxFitEvidence {
				return
			}
			if !slices.ContainsFunc(ev, func(x kg.Evidence) bool {
				return x.Document == e.Document && x.Start == e.Start && x.End == e.End
			}) {
				ev = append(ev, e)
			}
		}
	}
	add(best.r.Evidence)
	for _, f := range fs {
		if f.r != best.r && f.r.Inferred == best.r.Inferred {
			add(f.r.Evidence)
		}
	}
	return ev
}

// firmInfo is what a fit shows of a firm whatever the chain: its projects
// (the maxFitProjects most recent) and its own latest stage. It is computed
// once per index and shared by every answer that lists the firm.
type firmInfo struct {
	all      []*node      // every project of the firm
	projects []ProjectRef // the most recent, at most maxFitProjects
	stage    *rel

	encOnce sync.Once
	enc     *firmParts // see firmInfo.json
	encErr  error
}

func (ix *index) firmInfo(n *node) *firmInfo {
	n.infoOnce.Do(func() {
		info := &firmInfo{}
		refs := []ProjectRef{}
		for _, r := range n.out {
			if r.Predicate == kg.PredHasProject {
				p := ix.nodes[r.Object]
				info.all = append(info.all, p)
				refs = append(refs, ix.projectRef(p))
			}
		}
		// The most recent projects first; a list shows a few, the firm's
		// detail all of them.
		sort.SliceStable(refs, func(i, j int) bool {
			if refs[i].Year != refs[j].Year {
				return refs[i].Year > refs[j].Year
			}
			return refs[i].Entity.Name < refs[j].Entity.Name
		})
		if len(refs) > maxFitProjects {
			refs = refs[:maxFitProjects:maxFitProjects]
		}
		info.projects = refs
		if st, ok := ix.latestStage(n); ok {
			info.stage = st
		}
		n.info = info
	})
	return n.info
}

// memberSet returns, by id, the firms that fit, their projects, and every
// entity related to the chain's industries (projects that fit included).
func (f *chainFits) memberSet() map[string]bool {
	f.membersOnce.Do(func() {
		m := make(map[string]bool, len(f.linked)+len(f.firms))
		for _, n := range f.linked {
			m[n.ID] = true
		}
		for i := range f.firms {
			m[f.firms[i].Entity.ID] = true
			for _, p := range f.infos[i].all {
				m[p.ID] = true
			}
		}
		f.members = m
	})
	return f.members
}

// fitSegment is the segment of the best fit, or where that fit names none
// (a firm stated to fit the chain itself), the segment of its most
// specific other fit.
func (ix *index) fitSegment(best fit, fs []fit, top map[string]*node) string {
	if s := ix.segment(best.ind, top); s != "" {
		return s
	}
	deepest := best
	for _, f := range fs {
		if ix.depth[f.ind.ID] > ix.depth[deepest.ind.ID] {
			deepest = f
		}
	}
	return ix.segment(deepest.ind, top)
}

// segment names the part of the chain an industry is: its own or its nearest
// broader industry's taxonomy segment, else the sub-chain below the root.
func (ix *index) segment(ind *node, top map[string]*node) string {
	for n, i := ind, 0; n != nil && i < 16; i++ {
		if s := n.Attrs["segment"]; s != "" {
			return s
		}
		if _, in := top[n.ID]; !in {
			break
		}
		ps := ix.parents[n.ID]
		if len(ps) == 0 {
			break
		}
		n = ps[0]
	}
	if t := top[ind.ID]; t != nil {
		return t.Name
	}
	return ""
}

// stageRank orders stages along the pipeline.
func stageRank(s string) int {
	if i := slices.Index(kg.Stages, s); i >= 0 {
		return i
	}
	return -1
}

// latestStage picks the stage a project (or firm) is at: the one of the
// latest year, stated before planned, furthest along the pipeline.
func (ix *index) latestStage(n *node) (*rel, bool) {
	var best *rel
	bestYear := 0
	for _, r := range n.out {
		if r.Predicate != kg.PredStage {
			continue
		}
		y := ix.relYear(r)
		switch {
		case best == nil:
		case y != bestYear:
			if y < bestYear {
				continue
			}
		case r.Planned != best.Planned:
			if r.Planned {
				continue
			}
		case stageRank(r.Value) <= stageRank(best.Value):
			continue
		}
		best, bestYear = r, y
	}
	return best, best != nil
}

func (ix *index) projectRef(p *node) ProjectRef {
	pr := ProjectRef{Entity: p.Entity, StageEvidence: []kg.Evidence{}}
	if st, ok := ix.latestStage(p); ok {
		pr.Stage, pr.Planned, pr.Year, pr.StageEvidence = st.Value, st.Planned, ix.relYear(st), st.Evidence
		if len(pr.StageEvidence) > maxStageEvidence {
			pr.StageEvidence = pr.StageEvidence[:maxStageEvidence]
		}
	}
	return pr
}
