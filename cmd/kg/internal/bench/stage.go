package bench

import (
	"context"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/kgraph/kg"
	"github.com/kgraph/kg/cmd/kg/internal/memory"
	"github.com/kgraph/kg/extract/synth"
	"github.com/kgraph/kg/graph"
)

// Request is one stage, as the parent hands it to a child process.
type Request struct {
	Stage   string // extract or build
	Corpus  string
	Docs    int
	Workers int // extraction workers (0: one per core)
	Backend string
	Addr    string
	Dump    string // write the built graph as N-Quads here (for cayley load)
	Samples int
	Clients int
	// Profile writes the stage's CPU and heap profiles with this path
	// prefix (PREFIX.cpu.pprof, PREFIX.heap.pprof).
	Profile string
	// MaxMemory is the stage's soft memory limit in MB, as kg serve's
	// --max-memory (0: three quarters of the machine's memory).
	MaxMemory int64
	// HTTPApart leaves the HTTP questions to a server in a process of its
	// own (Config.Serve), asked by the parent.
	HTTPApart bool
}

// Flags registers the request's flags on fs, so that a child parses what
// Args writes. Samples and clients are also the parent's flags.
func (r *Request) Flags(fs *flag.FlagSet) {
	fs.IntVar(&r.Samples, "samples", 200, "requests per question")
	fs.IntVar(&r.Clients, "clients", 32, "concurrent clients")
	fs.StringVar(&r.Stage, "stage", "", "internal: run one stage (extract, build) and print its figures as JSON")
	fs.StringVar(&r.Corpus, "stage-corpus", "", "internal: the stage's corpus directory")
	fs.IntVar(&r.Docs, "stage-docs", 0, "internal: the stage's number of documents")
	fs.IntVar(&r.Workers, "stage-workers", 0, "internal: extraction workers")
	fs.StringVar(&r.Backend, "stage-backend", "", "internal: the stage's backend name")
	fs.StringVar(&r.Addr, "stage-addr", "", "internal: the stage's store address")
	fs.StringVar(&r.Dump, "stage-dump", "", "internal: write the graph as N-Quads to this file")
	fs.StringVar(&r.Profile, "stage-profile", "", "internal: write the stage's pprof profiles with this path prefix")
	fs.Int64Var(&r.MaxMemory, "stage-max-memory", 0, "internal: the stage's soft memory limit in MB")
	fs.BoolVar(&r.HTTPApart, "stage-http-apart", false, "internal: leave the HTTP questions to a server in another process")
}

// Args are the child's command-line flags for r.
func (r Request) Args() []string {
	return []string{
		"--stage", r.Stage, "--stage-corpus", r.Corpus, "--stage-docs", strconv.Itoa(r.Docs),
		"--stage-workers", strconv.Itoa(r.Workers), "--stage-backend", r.Backend, "--stage-addr", r.Addr,
		"--stage-dump", r.Dump, "--stage-profile", r.Profile, "--stage-max-memory", strconv.FormatInt(r.MaxMemory, 10), "--samples", strconv.Itoa(r.Samples), "--clients", strconv.Itoa(r.Clients),
		"--stage-http-apart=" + strconv.FormatBool(r.HTTPApart),
	}
}

// RunStage measures one stage in this process. Failures are reported in the
// result, never as an error, so that one missing part does not stop a run.
func RunStage(ctx context.Context, deps Deps, req Request) StageResult {
	// As kg serve does: the questions' garbage is collected before the
	// heap doubles the index it holds.
	memory.Limit(req.MaxMemory)
	if req.Profile != "" {
		stop, err := profile(req.Profile)
		if err != nil {
			return StageResult{Stage: req.Stage, Backend: req.Backend, Skipped: "failed: profile: " + err.Error()}
		}
		defer stop()
	}
	switch req.Stage {
	case "extract":
		return extractStage(ctx, deps, req)
	case "build":
		return buildStage(ctx, deps, req)
	}
	return StageResult{Stage: req.Stage, Skipped: fmt.Sprintf("failed: unknown stage %q", req.Stage)}
}

// profile starts a CPU profile at prefix.cpu.pprof; stop ends it and writes
// the heap profile at prefix.heap.pprof.
func profile(prefix string) (stop func(), err error) {
	if err := os.MkdirAll(filepath.Dir(prefix), 0o755); err != nil {
		return nil, err
	}
	f, err := os.Create(prefix + ".cpu.pprof")
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
		if h, err := os.Create(prefix + ".heap.pprof"); err == nil {
			pprof.WriteHeapProfile(h)
			h.Close()
		}
	}, nil
}

type corpusFile struct {
	path string
	size int64
}

// corpusFiles lists the .txt files of dir in name order.
func corpusFiles(dir string) ([]corpusFile, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	var out []corpusFile
	for _, e := range ents {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".txt") {
			continue
		}
		info, err := e.Info()
		if err != nil {
			return nil, fmt.Errorf("corpus: %w", err)
		}
		out = append(out, corpusFile{filepath.Join(dir, e.Name()), info.Size()})
	}
	return out, nil
}

func workers(n int) int {
	if n <= 0 {
		return runtime.GOMAXPROCS(0)
	}
	return n
}

// extracted is one document's extraction, or why it failed.
type extracted struct {
	x    *kg.Extraction
	size int64
	err  error
}

// extractAll extracts every document (files[i] read as data[i]) on w
// workers, handing each result to fn from the caller's goroutine.
func extractAll(ctx context.Context, x Extractor, files []corpusFile, data [][]byte, w int, fn func(extracted)) {
	jobs := make(chan int)
	out := make(chan extracted, 2*w)
	var wg sync.WaitGroup
	for range w {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				e := extracted{size: int64(len(data[i]))}
				e.x, e.err = x.Extract(filepath.Base(files[i].path), data[i])
				if e.err == nil && (e.x == nil || len(e.x.Documents) != 1) {
					e.err = fmt.Errorf("%s: extraction without exactly one document", files[i].path)
				}
				out <- e
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := range files {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(out) }()
	for e := range out {
		fn(e)
	}
}

func (r *StageResult) fail(err error) {
	r.Errors++
	if r.FirstError == "" {
		r.FirstError = err.Error()
	}
}

// allFailed turns a stage where every document failed into a skipped one:
// the part it measures is not there yet.
func (r *StageResult) allFailed(part string) {
	if r.Docs > 0 && r.Errors == r.Docs {
		r.Skipped = fmt.Sprintf("skipped: %s not available (%s)", part, r.FirstError)
	}
}

func extractStage(ctx context.Context, deps Deps, req Request) StageResult {
	r := StageResult{Stage: "extract", Docs: req.Docs}
	if req.Workers == 1 {
		r.Stage = "extract 1 core"
	}
	if deps.NewExtractor == nil {
		r.Skipped = deps.why("extract", "extractor not available")
		return r
	}
	x, err := deps.NewExtractor()
	if err != nil {
		r.Skipped = "failed: " + err.Error()
		return r
	}
	files, err := corpusFiles(req.Corpus)
	if err != nil {
		r.Skipped = "failed: " + err.Error()
		return r
	}
	r.Docs = len(files)
	// Read first: the figure is extraction's, not the disk's.
	data := make([][]byte, len(files))
	for i, f := range files {
		if data[i], err = os.ReadFile(f.path); err != nil {
			r.Skipped = "failed: " + err.Error()
			return r
		}
	}
	w := workers(req.Workers)
	if req.Workers > 0 {
		runtime.GOMAXPROCS(req.Workers)
	}
	start := time.Now()
	extractAll(ctx, x, files, data, w, func(e extracted) {
		r.Bytes += e.size
		if e.err != nil {
			r.fail(e.err)
			return
		}
		r.Entities += len(e.x.Entities)
		r.Relations += len(e.x.Relations)
	})
	r.Seconds = time.Since(start).Seconds()
	r.PeakRSS = peakRSS()
	r.allFailed("extractor")
	return r
}

func buildStage(ctx context.Context, deps Deps, req Request) StageResult {
	r := StageResult{Stage: "build", Backend: req.Backend, Docs: req.Docs}
	switch {
	case deps.NewExtractor == nil:
		r.Skipped = deps.why("extract", "extractor not available")
		return r
	case deps.Open == nil || deps.Build == nil:
		r.Skipped = deps.why("graph", "graph store not available (graph.Open)")
		return r
	}
	files, err := corpusFiles(req.Corpus)
	if err != nil {
		r.Skipped = "failed: " + err.Error()
		return r
	}
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = f.path
		r.Bytes += f.size
	}
	r.Docs = len(files)
	if path, ok := strings.CutPrefix(req.Addr, "bolt:"); ok {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			r.Skipped = "failed: " + err.Error()
			return r
		}
	}
	start := time.Now()
	store, err := deps.Open(ctx, req.Addr)
	if err != nil {
		r.Skipped = "failed: open store: " + err.Error()
		return r
	}
	defer func() { store.Close() }() // the store built, when Build opened it again
	r.OpenSeconds = time.Since(start).Seconds()
	built, b, err := deps.Build(ctx, store, req.Addr, paths, workers(req.Workers))
	if built != nil {
		store = built
	}
	r.Seconds = time.Since(start).Seconds()
	r.PeakRSS, r.AnonRSS = peakRSS(), anonRSS()
	r.Quads, r.Entities, r.Relations, r.Errors, r.FirstError = b.Quads, b.Entities, b.Relations, b.Errors, b.FirstError
	if err != nil {
		r.Skipped = "failed: build: " + err.Error()
		return r
	}
	r.allFailed("extractor or store")
	if r.Skipped != "" {
		return r
	}
	if req.Dump != "" {
		if err := dump(ctx, store, req.Dump); err != nil {
			r.QuerySkip = "dump for cayley load: " + err.Error()
		}
	}
	switch p, err := pick(ctx, store, max(req.Samples, 10*req.Clients)); {
	case err != nil:
		r.QuerySkip, r.HTTPSkip = err.Error(), err.Error()
	default:
		r.Picks = &p
		if deps.Questions == nil {
			r.QuerySkip = deps.why("queries", "query service not available (queries.New)")
		} else {
			r.FirstAnswer, r.Questions, r.QuerySkip = ask(ctx, deps.Questions(store), p, req.Samples, req.Clients, nil)
		}
		if !req.HTTPApart {
			r.HTTPFirstAnswer, r.HTTPQuestions, r.HTTPSkip = askHTTP(ctx, deps, store, p, req)
		}
	}
	if path, ok := strings.CutPrefix(req.Addr, "bolt:"); ok {
		store.Close()
		r.StoreBytes = diskUsage(filepath.Dir(path))
	}
	return r
}

// askHTTP asks the questions through the product's HTTP API on a loopback
// port.
func askHTTP(ctx context.Context, deps Deps, store Store, p Picks, req Request) (float64, []Latency, string) {
	if deps.Handler == nil {
		return 0, nil, deps.why("web", "HTTP API not available (web.New)")
	}
	h, err := deps.Handler(store)
	if err != nil {
		return 0, nil, "failed: HTTP API: " + err.Error()
	}
	base, stop, err := serve(h)
	if err != nil {
		return 0, nil, "failed: HTTP API: " + err.Error()
	}
	defer stop()
	return ask(ctx, newHTTPQuestions(base), p, req.Samples, req.Clients, nil)
}

func dump(ctx context.Context, store Store, path string) error {
	d, ok := store.(graph.Dumper)
	if !ok {
		return fmt.Errorf("the store cannot dump (graph.Dumper not available)")
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := d.Dump(ctx, f, "nquads"); err != nil {
		f.Close()
		os.Remove(path)
		return err
	}
	return f.Close()
}

// diskUsage is the space the files under dir take on disk (sparse files
// count what they use, not their length).
func diskUsage(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		if info, err := d.Info(); err == nil {
			n += allocated(info)
		}
		return nil
	})
	return n
}

// A question's single client asks at least the samples asked for, and
// goes on to tailSamples while that takes less than tailBudget: the p99 of
// 50 asks is their slowest, one stall of the machine's (on this one,
// 16–62 ms once in a thousand asks of any size), where a thousand show
// the tail.
var (
	tailSamples = 1000
	tailBudget  = 5 * time.Second
)

// Latency is one question's figures.
type Latency struct {
	Question string  `json:"question"`
	N        int     `json:"n"`      // single-client asks
	Answer   float64 `json:"answer"` // mean answer size
	P50      float64 `json:"p50ms"`
	P99      float64 `json:"p99ms"`
	Clients  int     `json:"clients"`
	CP50     float64 `json:"concurrentP50ms"`
	CP99     float64 `json:"concurrentP99ms"`
	RPS      float64 `json:"rps"`
	Errors   int     `json:"errors,omitempty"`
	Error    string  `json:"error,omitempty"`
	// Settled is how long the bench waited, before this question's
	// single-client and concurrent asks, for the server to finish the
	// work the asks before them had left it (see settle).
	Settled float64 `json:"settledSeconds,omitempty"`
}

// question is one question to time; k picks its input.
type question struct {
	name string
	ask  func(ctx context.Context, k int) (int, error)
}

// firstPager is Questions that can also ask for the first page of a
// chain's firms, as the browser UI does: the answer an analyst waits for,
// where ChainFirms asks for all of it.
type firstPager interface {
	ChainFirmsFirstPage(ctx context.Context, chain string) (int, error)
}

// Picks are the inputs of a run's questions, drawn once from the store
// just built, so that the questions in process, over HTTP (from another
// process) and of `cayley http` are about the same things.
type Picks struct {
	Chains []string `json:"chains"`
	// From and To are the firms asked about, in the order asked: the
	// k-th ask of a question about one firm takes From[k], a path
	// From[k] to To[k].
	From []string `json:"from"`
	To   []string `json:"to"`
}

func (p Picks) chain(k int) string { return p.Chains[k%len(p.Chains)] }
func (p Picks) from(k int) string  { return p.From[k%len(p.From)] }
func (p Picks) to(k int) string    { return p.To[k%len(p.To)] }

// pick draws n asks' inputs from the store's firms (the seed fixed) and
// the synthetic corpus's chains.
func pick(ctx context.Context, store Store, n int) (Picks, error) {
	firms, err := store.EntitiesOfType(ctx, kg.TypeEnterprise)
	if err != nil {
		return Picks{}, fmt.Errorf("failed: list firms: %w", err)
	}
	inds, err := store.EntitiesOfType(ctx, kg.TypeIndustry)
	if err != nil {
		return Picks{}, fmt.Errorf("failed: list industries: %w", err)
	}
	if len(firms) < 2 || len(inds) == 0 {
		return Picks{}, fmt.Errorf("skipped: too few firms (%d) or industries (%d) to ask about", len(firms), len(inds))
	}
	sort.Slice(firms, func(i, j int) bool { return firms[i].ID < firms[j].ID })
	rng := rand.New(rand.NewPCG(7, 11))
	perm := rng.Perm(len(firms))
	p := Picks{Chains: chainIDs(inds)}
	for k := range n {
		p.From = append(p.From, firms[perm[k%len(perm)]].ID)
		p.To = append(p.To, firms[perm[(k+len(perm)/2)%len(perm)]].ID)
	}
	return p, nil
}

// ask times the analysts' questions about p's inputs. settle, when not nil,
// waits until the server is idle and says how long it waited; it is called
// before each question's single-client asks and before its concurrent ones.
func ask(ctx context.Context, q Questions, p Picks, samples, clients int, settle func(context.Context) time.Duration) (first float64, out []Latency, skip string) {
	t := time.Now()
	if _, err := q.ChainFirms(ctx, p.chain(0)); err != nil {
		return 0, nil, "failed: first chain-firms answer: " + err.Error()
	}
	first = time.Since(t).Seconds()
	qs := []question{
		{"chain firms", func(ctx context.Context, k int) (int, error) { return q.ChainFirms(ctx, p.chain(k)) }},
		{"entity", func(ctx context.Context, k int) (int, error) { return q.Entity(ctx, p.from(k)) }},
		{"2-hop subgraph", func(ctx context.Context, k int) (int, error) { return q.Subgraph(ctx, p.from(k), 2) }},
		{"path", func(ctx context.Context, k int) (int, error) { return q.Path(ctx, p.from(k), p.to(k)) }},
	}
	if fp, ok := q.(firstPager); ok {
		qs = slices.Insert(qs, 1, question{"chain firms, first page", func(ctx context.Context, k int) (int, error) {
			return fp.ChainFirmsFirstPage(ctx, p.chain(k))
		}})
	}
	for _, qu := range qs {
		out = append(out, measure(ctx, qu, samples, clients, settle))
	}
	return first, out, ""
}

// chainIDs are the chains a run asks about: the industries named after the
// synthetic corpus's chains, or all industries when none is.
func chainIDs(inds []kg.Entity) []string {
	names := synth.Chains()
	var ids []string
	for _, e := range inds {
		if slices.Contains(names, e.Name) {
			ids = append(ids, e.ID)
		}
	}
	if len(ids) == 0 {
		for _, e := range inds {
			ids = append(ids, e.ID)
		}
	}
	sort.Strings(ids)
	return ids
}

// measure asks qu samples times from one client, then again from clients
// concurrent clients (each after settle, when not nil), and reports
// percentiles in milliseconds. Only answers
// count in the percentiles and the rate: a refusal (429, a timeout) is fast
// and would flatter them; refusals are counted as errors instead.
func measure(ctx context.Context, qu question, samples, clients int, settle func(context.Context) time.Duration) Latency {
	l := Latency{Question: qu.name, N: samples, Clients: clients}
	wait := func() {
		if settle != nil {
			l.Settled += settle(ctx).Seconds()
		}
	}
	var mu sync.Mutex
	fail := func(err error) {
		mu.Lock()
		defer mu.Unlock()
		l.Errors++
		if l.Error == "" {
			l.Error = err.Error()
		}
	}
	// one asks once and returns the time in ms, or false on an error.
	one := func(k int) (float64, int, bool) {
		c, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		t := time.Now()
		n, err := qu.ask(c, k)
		if err != nil {
			fail(err)
			return 0, 0, false
		}
		return float64(time.Since(t)) / float64(time.Millisecond), n, true
	}
	wait()
	single := make([]float64, 0, samples)
	begin := time.Now()
	k := 0
	for ; ctx.Err() == nil && (k < samples || k < tailSamples && time.Since(begin) < tailBudget); k++ {
		if d, n, ok := one(k); ok {
			single = append(single, d)
			l.Answer += float64(n)
		}
	}
	l.N = k
	if len(single) > 0 {
		l.Answer /= float64(len(single))
	}
	l.P50, l.P99 = percentile(single, 50), percentile(single, 99)

	wait()
	total := max(samples, 10*clients)
	var conc []float64
	var next atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				k := int(next.Add(1)) - 1
				if k >= total || ctx.Err() != nil {
					return
				}
				if d, _, ok := one(k); ok {
					mu.Lock()
					conc = append(conc, d)
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	l.RPS = float64(len(conc)) / time.Since(start).Seconds()
	l.CP50, l.CP99 = percentile(conc, 50), percentile(conc, 99)
	return l
}

// percentile is the nearest-rank p-th percentile of xs (0 when empty).
func percentile(xs []float64, p float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	i := int(math.Ceil(p/100*float64(len(s)))) - 1
	return s[max(0, min(i, len(s)-1))]
}
