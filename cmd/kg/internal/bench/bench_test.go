package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kgraph/kg"
	"github.com/kgraph/kg/cmd/kg/internal/memory"
	"github.com/kgraph/kg/graph"
)

func TestPercentile(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		xs   []float64
		p    float64
		want float64
	}{
		{nil, 50, 0},
		{[]float64{7}, 99, 7},
		{[]float64{3, 1, 2}, 50, 2},
		{[]float64{1, 2, 3, 4}, 50, 2},
		{[]float64{5, 1, 4, 2, 3, 6, 7, 8, 9, 10}, 90, 9},
		{[]float64{5, 1, 4, 2, 3, 6, 7, 8, 9, 10}, 99, 10},
	} {
		if got := percentile(c.xs, c.p); got != c.want {
			t.Errorf("percentile(%v, %v) = %v, want %v", c.xs, c.p, got, c.want)
		}
	}
}

func TestRequestArgs(t *testing.T) {
	t.Parallel()
	want := Request{Stage: "build", Corpus: "/c", Docs: 10, Workers: 1, Backend: "bolt", Addr: "bolt:/x/kg.db", Dump: "/g.nq", Samples: 5, Clients: 3, Profile: "/p/build-bolt-10", MaxMemory: 900}
	var got Request
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	got.Flags(fs)
	if err := fs.Parse(want.Args()); err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("round trip through flags: got %+v, want %+v", got, want)
	}
}

// fakeExtractor finds one firm per document, or fails on files named bad*.
type fakeExtractor struct{}

func (fakeExtractor) Extract(name string, data []byte) (*kg.Extraction, error) {
	if strings.HasPrefix(name, "bad") {
		return nil, errors.New("undecodable")
	}
	id := strings.TrimSuffix(name, ".txt")
	return &kg.Extraction{
		Documents: []kg.Document{{ID: id}},
		Entities:  []kg.Entity{{ID: "enterprise/" + id, Type: kg.TypeEnterprise, Name: id}},
	}, nil
}

// fakeStore holds firms and the synthetic corpus's chains.
type fakeStore struct {
	firms []kg.Entity
}

func (s *fakeStore) Entity(ctx context.Context, id string) (kg.Entity, error) {
	return kg.Entity{}, nil
}
func (s *fakeStore) Edges(ctx context.Context, id string) ([]graph.Edge, error) {
	return nil, nil
}
func (s *fakeStore) EntitiesOfType(ctx context.Context, typ string) ([]kg.Entity, error) {
	switch typ {
	case kg.TypeEnterprise:
		return s.firms, nil
	case kg.TypeIndustry:
		return []kg.Entity{{ID: "industry/集成电路", Name: "集成电路"}, {ID: "industry/x", Name: "不在语料"}}, nil
	}
	return nil, nil
}
func (s *fakeStore) Documents(ctx context.Context) ([]kg.Document, error) { return nil, nil }
func (s *fakeStore) Document(ctx context.Context, id string) (kg.Document, error) {
	return kg.Document{}, nil
}
func (s *fakeStore) Indicators(ctx context.Context, doc string) ([]kg.Indicator, error) {
	return nil, nil
}
func (s *fakeStore) Version() uint64 { return 1 }
func (s *fakeStore) Close() error    { return nil }

type fakeQuestions struct{}

func (fakeQuestions) ChainFirms(ctx context.Context, chain string) (int, error) { return 3, nil }
func (fakeQuestions) Entity(ctx context.Context, id string) (int, error)        { return 1, nil }
func (fakeQuestions) Subgraph(ctx context.Context, seed string, hops int) (int, error) {
	return 10, nil
}
func (fakeQuestions) Path(ctx context.Context, from, to string) (int, error) {
	if from == to {
		return 0, errors.New("same")
	}
	return 1, nil
}

func fullDeps() Deps {
	return Deps{
		NewExtractor: func() (Extractor, error) { return fakeExtractor{}, nil },
		Open: func(ctx context.Context, addr string) (Store, error) {
			return &fakeStore{}, nil
		},
		Build: func(ctx context.Context, s Store, addr string, files []string, workers int) (Store, Built, error) {
			fs := s.(*fakeStore)
			for _, f := range files {
				fs.firms = append(fs.firms, kg.Entity{ID: "enterprise/" + filepath.Base(f), Type: kg.TypeEnterprise})
			}
			return s, Built{Docs: len(files), Quads: 10 * int64(len(files))}, nil
		},
		Questions: func(Store) Questions { return fakeQuestions{} },
	}
}

func TestRun(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name     string
		deps     Deps
		backends []string
		want     []string // in bench.md
		built    bool
	}{
		{"nothing available", Deps{Why: map[string]string{"graph": "graph.Open is not written yet"}}, []string{"bolt", "postgres"},
			[]string{"skipped: extractor not available", "no PostgreSQL configured"}, false},
		{"extractor only", Deps{NewExtractor: func() (Extractor, error) { return fakeExtractor{}, nil }, Why: map[string]string{"graph": "graph.Open is not written yet"}},
			[]string{"bolt"}, []string{"| 3 |", "skipped: graph.Open is not written yet"}, false},
		{"everything", fullDeps(), []string{"bolt", "mem"},
			[]string{"| 3 | bolt |", "chain firms", "2-hop subgraph", "| 5 | mem |"}, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			work, out := t.TempDir(), t.TempDir()
			res, err := Run(context.Background(), c.deps, Config{Sizes: []int{3, 5}, Seed: 2, Work: work, Out: out,
				Backends: c.backends, Samples: 4, Clients: 2, Log: io.Discard, Profile: c.built})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Rows) != 2 || res.Rows[0].Docs != 3 || res.Rows[1].CorpusBytes <= res.Rows[0].CorpusBytes {
				t.Fatalf("rows: %+v", res.Rows)
			}
			md, err := os.ReadFile(filepath.Join(out, "bench.md"))
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range c.want {
				if !bytes.Contains(md, []byte(w)) {
					t.Errorf("bench.md lacks %q:\n%s", w, md)
				}
			}
			var back Result
			if b, err := os.ReadFile(filepath.Join(out, "bench.json")); err != nil || json.Unmarshal(b, &back) != nil || !reflect.DeepEqual(back.Rows[0].Docs, 3) {
				t.Errorf("bench.json does not read back: %v", err)
			}
			svg, err := os.ReadFile(filepath.Join(out, "bench.svg"))
			if err != nil {
				t.Fatal(err)
			}
			checkXML(t, svg)
			b := res.Rows[1].Builds[0]
			if got := b.Skipped == ""; got != c.built {
				t.Fatalf("build skipped %q, want built %v", b.Skipped, c.built)
			}
			if c.built {
				if b.Quads != 50 || len(b.Questions) != 4 || b.Questions[0].N < 4 {
					t.Errorf("build of 5: %+v", b)
				}
				if b.Picks == nil || !reflect.DeepEqual(b.Picks.Chains, []string{"industry/集成电路"}) {
					t.Errorf("asked about chains %+v, want only the corpus's", b.Picks)
				}
				for _, f := range []string{"build-mem-5.cpu.pprof", "build-mem-5.heap.pprof", "extract-3.cpu.pprof"} {
					if _, err := os.Stat(filepath.Join(work, "profiles", f)); err != nil {
						t.Errorf("profile: %v", err)
					}
				}
			}
		})
	}
}

func TestExtractStageErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, name := range []string{"a.txt", "bad1.txt", "b.txt", "notes.md"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("报告"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	deps := Deps{NewExtractor: func() (Extractor, error) { return fakeExtractor{}, nil }}
	r := RunStage(context.Background(), deps, Request{Stage: "extract", Corpus: dir})
	if r.Skipped != "" || r.Docs != 3 || r.Errors != 1 || r.FirstError != "undecodable" || r.Entities != 2 || r.Bytes != 18 {
		t.Errorf("extract stage: %+v", r)
	}
	bad := t.TempDir()
	os.WriteFile(filepath.Join(bad, "bad.txt"), []byte("x"), 0o644)
	if r := RunStage(context.Background(), deps, Request{Stage: "extract", Corpus: bad}); !strings.Contains(r.Skipped, "not available") {
		t.Errorf("every document failing should read as a missing extractor: %+v", r)
	}
	if r := RunStage(context.Background(), deps, Request{Stage: "nope"}); r.Skipped == "" {
		t.Error("unknown stage not reported")
	}
}

func checkXML(t *testing.T, b []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("SVG is not XML: %v", err)
		}
	}
}

func TestRunWatched(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat("/proc/self/status"); err != nil {
		t.Skip("no /proc on this system")
	}
	for _, c := range []struct {
		name    string
		args    []string
		limit   int64
		wantErr string
	}{
		{"no limit", []string{"true"}, 0, ""},
		{"under the limit", []string{"true"}, 1 << 40, ""},
		{"over the limit", []string{"sleep", "10"}, 1, "over the --max-rss limit"},
		{"failing", []string{"false"}, 0, "exit status 1"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			err := runWatched(exec.Command(c.args[0], c.args[1:]...), c.limit)
			switch {
			case c.wantErr == "" && err != nil:
				t.Errorf("error %v", err)
			case c.wantErr != "" && (err == nil || !strings.Contains(err.Error(), c.wantErr)):
				t.Errorf("error %v, want one saying %q", err, c.wantErr)
			}
		})
	}
}

func TestMeasure(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name      string
		failEvery int // requests with k%failEvery == 0 fail (0: none)
		// wantErrors of l.N single (at least 20; fast ones go on to
		// tailSamples) and max(20, 10×3) = 30 concurrent requests.
		wantErrors func(n int) int
	}{
		{"all answer", 0, func(int) int { return 0 }},
		{"every other refused", 2, func(n int) int { return (n+1)/2 + 15 }},
		{"all refused", 1, func(n int) int { return n + 30 }},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			q := question{"q", func(ctx context.Context, k int) (int, error) {
				if c.failEvery > 0 && k%c.failEvery == 0 {
					return 0, errors.New("429")
				}
				return 5, nil
			}}
			l := measure(context.Background(), q, 20, 3, nil)
			if l.N < 20 {
				t.Errorf("%d single asks, want at least the 20 asked for", l.N)
			}
			if want := c.wantErrors(l.N); l.Errors != want {
				t.Errorf("errors %d, want %d", l.Errors, want)
			}
			if c.failEvery == 1 {
				if l.P50 != 0 || l.RPS != 0 || l.Error != "429" {
					t.Errorf("all refused, yet figures %+v", l)
				}
				return
			}
			if l.Answer != 5 || l.P50 <= 0 || l.RPS <= 0 {
				t.Errorf("figures %+v", l)
			}
		})
	}
}

// TestMeasureTail: a quick question is asked tailSamples times by one
// client, so that its p99 is not its slowest ask; a slow one stops after
// the samples asked for once tailBudget is spent.
func TestMeasureTail(t *testing.T) {
	defer func(n int, d time.Duration) { tailSamples, tailBudget = n, d }(tailSamples, tailBudget)
	tailSamples, tailBudget = 300, 200*time.Millisecond
	quick := question{"quick", func(context.Context, int) (int, error) { return 1, nil }}
	if l := measure(context.Background(), quick, 20, 1, nil); l.N != 300 {
		t.Errorf("a quick question asked %d times by one client, want 300", l.N)
	}
	slow := question{"slow", func(context.Context, int) (int, error) {
		time.Sleep(20 * time.Millisecond)
		return 1, nil
	}}
	// 5 asks take 100 ms: the budget lets a few more follow, far from 300.
	if l := measure(context.Background(), slow, 5, 1, nil); l.N < 5 || l.N > 20 {
		t.Errorf("a slow question asked %d times by one client, want 5 to about 10", l.N)
	}
}

// TestResidentOfLeavesMappedFiles maps and reads a 64 MB file: the resident
// set grows by it, the memory --max-rss limits does not.
func TestResidentOfLeavesMappedFiles(t *testing.T) {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skip("no /proc on this system")
	}
	const size = 64 << 20
	path := filepath.Join(t.TempDir(), "mapped")
	if err := os.WriteFile(path, bytes.Repeat([]byte{1}, size), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	data, err := syscall.Mmap(int(f.Fd()), 0, size, syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Munmap(data)
	rss0, own0 := memory.Field(status, "VmRSS:"), residentOf(os.Getpid())
	sum := 0
	for i := 0; i < size; i += 4096 {
		sum += int(data[i])
	}
	status, _ = os.ReadFile("/proc/self/status")
	rss1, own1 := memory.Field(status, "VmRSS:"), residentOf(os.Getpid())
	if sum != size/4096 || rss1-rss0 < size/2 {
		t.Fatalf("reading the mapped file grew the resident set by %s only", mb(rss1-rss0))
	}
	if own1-own0 > size/4 {
		t.Errorf("reading a mapped file grew the memory --max-rss limits by %s (resident set: %s)", mb(own1-own0), mb(rss1-rss0))
	}
}

// TestSettle starts a process that spins for two seconds and then
// sleeps: settle waits for the spin to end, not for the sleep, and a
// sleeping process settles at once.
func TestSettle(t *testing.T) {
	if cpuOf(os.Getpid()) < 0 {
		t.Skip("no /proc/PID/stat on this system")
	}
	spin := exec.Command(os.Args[0])
	spin.Env = append(os.Environ(), "BENCH_SPIN=2s")
	if err := spin.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { spin.Process.Kill(); spin.Wait() }()
	start := time.Now()
	waited := settle(context.Background(), spin.Process.Pid)
	if waited < time.Second || time.Since(start) > 30*time.Second {
		t.Errorf("settle on a process spinning for 2 s waited %s", waited)
	}
	if cpu := cpuOf(spin.Process.Pid); cpu < time.Second/10 {
		t.Errorf("the spinning process used %s of CPU by /proc, want up to 2 s (less on a busy machine)", cpu)
	}
	if waited := settle(context.Background(), spin.Process.Pid); waited > 2*settleWindow {
		t.Errorf("settle on a sleeping process waited %s", waited)
	}
	if waited := settle(context.Background(), 1<<30); waited != 0 {
		t.Errorf("settle on no process waited %s", waited)
	}
}
