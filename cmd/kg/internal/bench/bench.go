package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"syscall"
	"time"

	"github.com/kgraph/kg"
	"github.com/kgraph/kg/cmd/kg/internal/memory"
	"github.com/kgraph/kg/extract/synth"
	"github.com/kgraph/kg/graph"
)

// Extractor is what bench needs of the extractor.
type Extractor interface {
	Extract(name string, data []byte) (*kg.Extraction, error)
}

// Store is what bench needs of a graph store.
type Store interface {
	graph.Reader
	Close() error
}

// Built is what one build did.
type Built struct {
	Docs, Entities, Relations int
	Quads                     int64 // quads written
	Errors                    int
	FirstError                string
}

// Questions asks the analysts' questions; each answer returns its size
// (firms, nodes, paths), so that cost can be read against answer size.
type Questions interface {
	ChainFirms(ctx context.Context, chain string) (int, error)
	Entity(ctx context.Context, id string) (int, error)
	Subgraph(ctx context.Context, seed string, hops int) (int, error)
	Path(ctx context.Context, from, to string) (int, error)
}

// Deps are the product's parts under measure. A nil part is reported as
// skipped, with Why[part] as the reason when given.
type Deps struct {
	NewExtractor func() (Extractor, error)
	// Open opens a store, ready for documents (the taxonomy loaded).
	Open func(ctx context.Context, addr string) (Store, error)
	// Build extracts and loads files into a store opened by Open at addr,
	// as `kg build` does, on workers extraction workers. It returns the
	// store to ask: s, or s opened again when the build replaced its file
	// (a bulk build).
	Build     func(ctx context.Context, s Store, addr string, files []string, workers int) (Store, Built, error)
	Questions func(Store) Questions
	// Handler is the product's HTTP API over a store, to ask the same
	// questions over HTTP as of `cayley http`. It must not limit the
	// client's rate (web.Config{RateLimit: -1}): the bench asks as fast as
	// it can from one address, and a refusal is not an answer.
	Handler func(Store) (http.Handler, error)
	// GizmoChainFirms writes the chain-firms question as a Gizmo query for
	// `cayley http`, over the product's own quads. A query that emits one
	// array has the array's length for answer size.
	GizmoChainFirms func(chainID string) string
	Why             map[string]string
}

func (d Deps) why(part, def string) string {
	if s := d.Why[part]; s != "" {
		return "skipped: " + s
	}
	return "skipped: " + def
}

// Config is one benchmark run.
type Config struct {
	Sizes    []int    // corpus sizes in documents
	Seed     uint64   // corpus seed
	Work     string   // corpora, stores and peer files; corpora are reused
	Out      string   // bench.md, bench.json, bench.svg
	Backends []string // mem, bolt, postgres
	PG       string   // PostgreSQL address for the postgres backend
	// MemMaxDocs skips the mem backend above this many documents: it
	// holds everything in RAM and would take the machine down (0: 1000).
	MemMaxDocs int
	// Profile keeps each stage's pprof profiles under Work/profiles.
	Profile bool
	// MaxRSS stops a child whose resident set grows past it (0: no limit).
	MaxRSS  int64
	Samples int  // requests per question (default 200)
	Clients int  // concurrent clients (default 32)
	Peers   bool // run jieba and cayley beside the product
	// CayleyOwnStore has `cayley http` serve a copy of the product's bolt
	// file (the bulk build writes Cayley's layout) instead of a store
	// loaded by `cayley load`, which is then not run: at 10,000 reports
	// the load takes about an hour.
	CayleyOwnStore bool
	Python         string // python with jieba (default /usr/bin/python3)
	JiebaMax       int    // documents segmented by jieba at most (default 2000)
	// Self runs a stage in a child process: the command and its leading
	// arguments (the kg binary and "bench"). Empty: stages run in this
	// process, and their peak RSS is not measured.
	Self []string
	// Serve is the command that serves the product's HTTP API (the kg
	// binary and "serve"); bench adds --db, --addr, --empty, --rate-limit
	// and --max-memory. With it, the HTTP questions on a store that
	// another process can open (bolt, PostgreSQL) are asked of that server
	// in a process of its own, by a client in this one, as `cayley http`
	// is asked. Empty (and for mem): of a handler in the build stage's
	// process.
	Serve []string
	Log   io.Writer
}

func (c *Config) defaults() {
	if len(c.Sizes) == 0 {
		c.Sizes = []int{100, 1000, 10000}
	}
	if c.MemMaxDocs <= 0 {
		c.MemMaxDocs = 1000
	}
	if c.Samples <= 0 {
		c.Samples = 200
	}
	if c.Clients <= 0 {
		c.Clients = 32
	}
	if c.Python == "" {
		c.Python = "/usr/bin/python3"
	}
	if c.JiebaMax <= 0 {
		c.JiebaMax = 2000
	}
	if len(c.Backends) == 0 {
		c.Backends = []string{"bolt", "mem", "postgres"}
	}
	if c.Log == nil {
		c.Log = io.Discard
	}
}

// Result is everything a run measured.
type Result struct {
	Started string `json:"started"`
	Seed    uint64 `json:"seed"`
	Cores   int    `json:"cores"`
	Go      string `json:"go"`
	Command string `json:"command"`
	Rows    []Row  `json:"rows"`
}

// Row holds the figures for one corpus size.
type Row struct {
	Docs        int           `json:"docs"`
	CorpusBytes int64         `json:"corpusBytes"`
	GenSeconds  float64       `json:"genSeconds"`
	Extract     StageResult   `json:"extract"`
	Extract1    StageResult   `json:"extract1Core"` // the same on one core, for the jieba ratio
	Builds      []StageResult `json:"builds"`
	Peers       []StageResult `json:"peers"`
}

// StageResult is what one stage (or one peer) measured.
type StageResult struct {
	Stage   string `json:"stage"`             // extract, build, jieba, cayley load, cayley http
	Backend string `json:"backend,omitempty"` // for build
	Docs    int    `json:"docs"`
	Skipped string `json:"skipped,omitempty"`
	// Note says how a stage differs from the usual (a peer's store).
	Note       string  `json:"note,omitempty"`
	Errors     int     `json:"errors,omitempty"`
	FirstError string  `json:"firstError,omitempty"`
	Bytes      int64   `json:"bytes,omitempty"`
	Seconds    float64 `json:"seconds,omitempty"`
	Entities   int     `json:"entities,omitempty"`
	Relations  int     `json:"relations,omitempty"`
	Quads      int64   `json:"quads,omitempty"`
	// OpenSeconds is the time to open the store and load the taxonomy.
	OpenSeconds float64 `json:"openSeconds,omitempty"`
	StoreBytes  int64   `json:"storeBytes,omitempty"`
	PeakRSS     int64   `json:"peakRSS,omitempty"`
	// AnonRSS is the resident set not backed by files (the heap, not the
	// store's memory-mapped pages) at the end of the build.
	AnonRSS int64 `json:"anonRSS,omitempty"`
	// FirstAnswer is the time to the first answer after opening: the
	// query service builds its index then.
	FirstAnswer float64   `json:"firstAnswer,omitempty"`
	Questions   []Latency `json:"questions,omitempty"`
	QuerySkip   string    `json:"querySkipped,omitempty"`
	// The same questions through the product's HTTP API.
	HTTPFirstAnswer float64   `json:"httpFirstAnswer,omitempty"`
	HTTPQuestions   []Latency `json:"httpQuestions,omitempty"`
	HTTPSkip        string    `json:"httpSkipped,omitempty"`
	// ServeReady and ServeRSS are those of the server that answered the
	// HTTP questions when it ran apart (Config.Serve): seconds from its
	// start to ready (the store opened and the query index built) and its
	// peak resident set.
	ServeReady float64 `json:"serveReadySeconds,omitempty"`
	ServeRSS   int64   `json:"servePeakRSS,omitempty"`
	// Picks are what the questions asked about, asked again over HTTP and
	// of `cayley http`.
	Picks *Picks `json:"picks,omitempty"`
}

// MBps is the stage's throughput in MB (10^6 bytes) per second.
func (s StageResult) MBps() float64 {
	if s.Seconds <= 0 {
		return 0
	}
	return float64(s.Bytes) / 1e6 / s.Seconds
}

// QuadsPerSec is the build's (or load's) rate: quads written per second of
// the whole stage, extraction included for the product.
func (s StageResult) QuadsPerSec() float64 {
	if s.Seconds <= 0 {
		return 0
	}
	return float64(s.Quads) / s.Seconds
}

// Run measures every corpus size of c, writing the report after each stage
// so that a run cut short keeps what it measured.
func Run(ctx context.Context, deps Deps, c Config) (*Result, error) {
	c.defaults()
	res := &Result{
		Started: time.Now().UTC().Format(time.RFC3339),
		Seed:    c.Seed,
		Cores:   runtime.GOMAXPROCS(0),
		Go:      runtime.Version(),
		Command: commandLine(),
	}
	if err := os.MkdirAll(c.Work, 0o755); err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	if err := os.MkdirAll(c.Out, 0o755); err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	// save writes the report with the rows so far and row, partial or not.
	save := func(row Row) error {
		part := *res
		part.Rows = append(append([]Row{}, res.Rows...), row)
		return WriteReport(c.Out, &part)
	}
	var cay cayleyBin
	for _, n := range c.Sizes {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		row := Row{Docs: n}
		dir := filepath.Join(c.Work, fmt.Sprintf("corpus-%d", n))
		fmt.Fprintf(c.Log, "== %d documents: corpus %s\n", n, dir)
		st, secs, err := corpus(ctx, dir, n, c.Seed)
		if err != nil {
			return res, err
		}
		row.CorpusBytes, row.GenSeconds = st.Bytes, secs
		prof := func(name string) string {
			if !c.Profile {
				return ""
			}
			return filepath.Join(c.Work, "profiles", fmt.Sprintf("%s-%d", name, n))
		}
		row.Extract = stage(ctx, deps, c, Request{Stage: "extract", Corpus: dir, Docs: n, Profile: prof("extract")})
		logStage(c.Log, row.Extract)
		row.Extract1 = stage(ctx, deps, c, Request{Stage: "extract", Corpus: dir, Docs: n, Workers: 1})
		logStage(c.Log, row.Extract1)
		if err := save(row); err != nil {
			return res, err
		}
		var dump string
		for _, b := range c.Backends {
			r, nq, err := buildBackend(ctx, deps, c, n, dir, b, prof("build-"+b))
			if err != nil {
				return res, err
			}
			if b == "bolt" {
				dump = nq
			}
			logStage(c.Log, r)
			row.Builds = append(row.Builds, r)
			if err := save(row); err != nil {
				return res, err
			}
		}
		if c.Peers {
			row.Peers = append(row.Peers, jieba(ctx, c, dir, n))
			logStage(c.Log, row.Peers[len(row.Peers)-1])
			if err := save(row); err != nil {
				return res, err
			}
			for _, r := range cayleyPeers(ctx, deps, c, &cay, n, dump, boltFile(c, n), &row) {
				logStage(c.Log, r)
				row.Peers = append(row.Peers, r)
			}
		}
		res.Rows = append(res.Rows, row)
		if err := WriteReport(c.Out, res); err != nil {
			return res, err
		}
	}
	return res, nil
}

// buildBackend builds the corpus in dir into backend b, in a store of its
// own. For bolt with peers it also returns the N-Quads dump of the graph
// for `cayley load` ("" when there is none).
func buildBackend(ctx context.Context, deps Deps, c Config, n int, dir, b, prof string) (r StageResult, dump string, err error) {
	req := Request{Stage: "build", Corpus: dir, Docs: n, Backend: b, Samples: c.Samples, Clients: c.Clients, Profile: prof,
		MaxMemory: c.MaxRSS / 10 * 8 >> 20, // collect before --max-rss would stop the stage
		HTTPApart: len(c.Serve) > 0 && len(c.Self) > 0 && b != "mem"}
	var pgName string
	switch b {
	case "mem":
		if n > c.MemMaxDocs {
			return StageResult{Stage: "build", Backend: b, Docs: n,
				Skipped: fmt.Sprintf("skipped: mem holds the whole graph in RAM; over --mem-max-docs %d", c.MemMaxDocs)}, "", nil
		}
		req.Addr = "mem:"
	case "bolt":
		if err := os.RemoveAll(filepath.Dir(boltFile(c, n))); err != nil {
			return r, "", fmt.Errorf("bench: %w", err)
		}
		req.Addr = "bolt:" + boltFile(c, n)
		if c.Peers && !c.CayleyOwnStore {
			req.Dump = filepath.Join(c.Work, fmt.Sprintf("graph-%d.nq", n))
			os.Remove(req.Dump) // a dump of an earlier run must not pass for this one's
		}
	case "postgres":
		if c.PG == "" {
			return StageResult{Stage: "build", Backend: b, Docs: n,
				Skipped: "skipped: no PostgreSQL configured (--pg or KG_TEST_POSTGRES)"}, "", nil
		}
		pgName = fmt.Sprintf("kgbench_%d", n)
		if req.Addr, err = freshDB(ctx, c.PG, pgName); err != nil {
			return r, "", fmt.Errorf("bench: %w", err)
		}
	default:
		return r, "", fmt.Errorf("bench: unknown backend %q (want mem, bolt or postgres)", b)
	}
	r = stage(ctx, deps, c, req)
	if r.Skipped != "" {
		return r, "", nil
	}
	if pgName != "" {
		if size, err := dbSize(ctx, c.PG, pgName); err == nil {
			r.StoreBytes = size
		}
	}
	if req.HTTPApart && r.Picks != nil {
		serveApart(ctx, c, req.Addr, &r)
	}
	if req.Dump != "" {
		if _, err := os.Stat(req.Dump); err == nil {
			dump = req.Dump
		}
	}
	return r, dump, nil
}

// boltFile is the product's bolt store for a corpus of n documents.
func boltFile(c Config, n int) string {
	return filepath.Join(c.Work, fmt.Sprintf("bolt-%d", n), "kg.db")
}

func commandLine() string {
	args := append([]string{"kg"}, os.Args[1:]...)
	var b bytes.Buffer
	for i, a := range args {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(a)
	}
	return b.String()
}

func logStage(w io.Writer, r StageResult) {
	name := r.Stage
	if r.Backend != "" {
		name += " " + r.Backend
	}
	if r.Skipped != "" {
		fmt.Fprintf(w, "  %-14s %s\n", name, r.Skipped)
		return
	}
	fmt.Fprintf(w, "  %-14s %7.2fs  %7.2f MB/s  rss %s", name, r.Seconds, r.MBps(), mb(r.PeakRSS))
	if r.Quads > 0 {
		fmt.Fprintf(w, "  %d quads, %.0f quads/s", r.Quads, r.QuadsPerSec())
	}
	if r.Errors > 0 {
		fmt.Fprintf(w, "  %d errors", r.Errors)
	}
	fmt.Fprintln(w)
	if r.ServeReady > 0 {
		fmt.Fprintf(w, "  %-14s kg serve ready in %.1fs, rss %s\n", "", r.ServeReady, mb(r.ServeRSS))
	}
	if r.OpenSeconds > 0 && r.Stage == "cayley http" {
		fmt.Fprintf(w, "  %-14s answered after %.1fs\n", "", r.OpenSeconds)
	}
	for _, skip := range []string{r.QuerySkip, r.HTTPSkip} {
		if skip != "" {
			fmt.Fprintf(w, "  %-14s %s\n", "", skip)
		}
	}
	for _, q := range append(append([]Latency{}, r.Questions...), r.HTTPQuestions...) {
		settled := ""
		if q.Settled >= 0.05 {
			settled = fmt.Sprintf(" (settled %.1fs)", q.Settled)
		}
		fmt.Fprintf(w, "  %-14s %-14s p50 %.3fms p99 %.3fms | %d clients p50 %.3fms p99 %.3fms %.0f req/s%s\n",
			"", q.Question, q.P50, q.P99, q.Clients, q.CP50, q.CP99, q.RPS, settled)
	}
}

// corpus writes the synthetic corpus of n documents into dir, unless a
// complete one of the same seed is there already.
func corpus(ctx context.Context, dir string, n int, seed uint64) (synth.Stats, float64, error) {
	stamp := filepath.Join(dir, ".synth.json")
	want := fmt.Sprintf(`{"generator":%d,"seed":%d,"docs":%d,"gb18030":0.1,"pdf":0.3}`, synth.Version, seed, n)
	var st synth.Stats
	if b, err := os.ReadFile(stamp); err == nil && string(b) == want {
		sizes, err := corpusFiles(dir)
		if err == nil && len(sizes) == n {
			for _, f := range sizes {
				st.Bytes += f.size
			}
			st.Docs = n
			return st, 0, nil
		}
	}
	if err := os.RemoveAll(dir); err != nil {
		return st, 0, fmt.Errorf("corpus %s: %w", dir, err)
	}
	start := time.Now()
	g := synth.New(synth.Options{Seed: seed, GB18030Share: 0.1, PDFShare: 0.3})
	st, err := g.Write(ctx, synth.WriteOptions{Dir: dir, Docs: n})
	if err != nil {
		return st, 0, err
	}
	secs := time.Since(start).Seconds()
	if err := os.WriteFile(stamp, []byte(want), 0o644); err != nil {
		return st, 0, fmt.Errorf("corpus %s: %w", dir, err)
	}
	return st, secs, nil
}

// stage runs one stage in a child process (or here, when c.Self is empty).
func stage(ctx context.Context, deps Deps, c Config, req Request) StageResult {
	if len(c.Self) == 0 {
		return RunStage(ctx, deps, req)
	}
	args := append(append([]string{}, c.Self[1:]...), req.Args()...)
	cmd := exec.CommandContext(ctx, c.Self[0], args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := runWatched(cmd, c.MaxRSS)
	var r StageResult
	if jerr := json.Unmarshal(out.Bytes(), &r); jerr != nil {
		msg := err
		if msg == nil {
			msg = jerr
		}
		return StageResult{Stage: req.Stage, Backend: req.Backend, Docs: req.Docs,
			Skipped: fmt.Sprintf("failed: %v: %s", msg, lastLine(errb.String()))}
	}
	if rss := maxRSS(cmd.ProcessState); rss > r.PeakRSS {
		r.PeakRSS = rss
	}
	return r
}

func lastLine(s string) string {
	s = string(bytes.TrimSpace([]byte(s)))
	if i := bytes.LastIndexByte([]byte(s), '\n'); i >= 0 {
		s = s[i+1:]
	}
	if len(s) > 300 {
		s = s[:300]
	}
	return s
}

// maxRSS is a finished child's peak resident set, in bytes.
func maxRSS(ps *os.ProcessState) int64 {
	if ps == nil {
		return 0
	}
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return ru.Maxrss * 1024 // Linux reports kilobytes
	}
	return 0
}

// peakRSS is this process's peak resident set so far (VmHWM), in bytes.
func peakRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	return memory.Field(b, "VmHWM:")
}

// anonRSS is this process's resident set not backed by files (RssAnon).
func anonRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	return memory.Field(b, "RssAnon:")
}
