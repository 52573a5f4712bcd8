package graph_test

// Load benchmarks: a synthetic graph of realistic shape (generated reports
// of the genre, extracted and mapped by this package: Chinese IRIs, two dozen
// predicates, a label on every quad), loaded by the product into each
// backend and by Cayley's own loader (`cayley load`, built at the go.mod
// version) from the same quads written as N-Quads.
//
//	eval "$(bash .ci/postgres.sh)"
//	for c in bolt postgres mem cayley-bolt cayley-postgres; do
//	  KG_BENCH_QUADS=1000000 go test -run '^$' -bench "Load1M/^$c\$" -benchtime 1x -timeout 60m ./graph
//	done
//
// KG_BENCH_QUADS (default 1,000,000) sets the size; the postgres cases need
// KG_TEST_POSTGRES. Each case reports quads/s and peak RSS (of the process
// for ours: run one case per invocation for a clean figure; of the cayley
// process for theirs).

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/extract/synth"
	"github.com/kgraph/kg/graph"
)

func benchQuads() int {
	if n, err := strconv.Atoi(os.Getenv("KG_BENCH_QUADS")); err == nil && n > 0 {
		return n
	}
	return 1_000_000
}

// synthInputs extracts generated reports until their quads reach want.
func synthInputs(b testing.TB, want int) []graph.Input {
	b.Helper()
	ex, err := extract.New(extract.Options{})
	if err != nil {
		b.Fatal(err)
	}
	g := synth.New(synth.Options{Seed: 1})
	var out []graph.Input
	for i, n := 0, 0; n < want; i++ {
		d := g.Generate(i)
		x, err := ex.Extract(d.Name+".txt", d.Data)
		if err != nil {
			b.Fatal(err)
		}
		in := graph.Input{Doc: x.Documents[0], X: x}
		out = append(out, in)
		n += graph.QuadCount(in)
	}
	return out
}

// nquadsFile writes the inputs' quads as N-Quads, once per size.
func nquadsFile(b testing.TB, in []graph.Input, n int) string {
	b.Helper()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("kg-bench-%d.nq", n))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	s, err := graph.Open(context.Background(), "mem:")
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if _, err := s.LoadDocuments(context.Background(), in, nil); err != nil {
		b.Fatal(err)
	}
	f, err := os.Create(path + ".tmp")
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	if err := s.Dump(context.Background(), w, "nquads"); err != nil {
		b.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	f.Close()
	if err := os.Rename(path+".tmp", path); err != nil {
		b.Fatal(err)
	}
	return path
}

func peakRSS() float64 { return statusMB("/proc/self/status") }

// cpuSeconds is the CPU time this process has used: on a machine shared
// with other work, quads per CPU-second compare loaders where wall time
// cannot. (For PostgreSQL, the server's time is not in it.)
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

func childRSS(pid int) float64 { return statusMB(fmt.Sprintf("/proc/%d/status", pid)) }

func statusMB(path string) float64 {
	data, _ := os.ReadFile(path)
	for _, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, "VmHWM:") {
			kb, _ := strconv.Atoi(strings.Fields(l)[1])
			return float64(kb) / 1024
		}
	}
	return 0
}

func BenchmarkLoad1M(b *testing.B) {
	n := benchQuads()
	var in []graph.Input
	inputs := func(b *testing.B) []graph.Input {
		if in == nil {
			in = synthInputs(b, n)
		}
		return in
	}
	ours := func(addr func(b *testing.B) string) func(b *testing.B) {
		return func(b *testing.B) {
			in := inputs(b)
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				// Opened as kg build opens it.
				s, err := graph.Open(context.Background(), addr(b), graph.ForLoading())
				if err != nil {
					b.Fatal(err)
				}
				quads := 0
				cpu0 := cpuSeconds()
				start := time.Now()
				b.StartTimer()
				_, err = s.LoadDocuments(context.Background(), in, func(st []graph.LoadStats) {
					for _, x := range st {
						quads += x.Added
					}
				})
				b.StopTimer()
				el := time.Since(start)
				cpu := cpuSeconds() - cpu0
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(quads)/el.Seconds(), "quads/s")
				b.ReportMetric(float64(quads)/cpu, "quads/cpu-s")
				b.ReportMetric(float64(quads), "quads")
				b.ReportMetric(peakRSS(), "peakRSS_MB")
				s.Close()
				if a := s.Addr(); a != "mem:" {
					// Reopening for serving builds the index from the quads.
					start := time.Now()
					s2, err := graph.Open(context.Background(), a)
					if err != nil {
						b.Fatal(err)
					}
					b.ReportMetric(time.Since(start).Seconds(), "reopen_s")
					s2.Close()
				}
			}
		}
	}
	b.Run("bolt", ours(func(b *testing.B) string { return "bolt:" + filepath.Join(b.TempDir(), "kg.db") }))
	b.Run("mem", ours(func(b *testing.B) string { return "mem:" }))
	b.Run("postgres", ours(func(b *testing.B) string { return postgresAddr(b) }))

	cayley := func(backend string, addr func(b *testing.B) string) func(b *testing.B) {
		return func(b *testing.B) {
			bin := cayleyBinary(b)
			file := nquadsFile(b, inputs(b), n)
			lines := countLines(b, file)
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				a := addr(b)
				cmd := exec.Command(bin, "load", "--init", "-d", backend, "-a", a, "-i", file)
				cmd.Stderr = os.Stderr
				start := time.Now()
				b.StartTimer()
				if err := cmd.Start(); err != nil {
					b.Fatal(err)
				}
				// The child's peak RSS, polled: rusage's maxrss would count
				// this process's memory at the fork.
				peak, done := make(chan float64), make(chan struct{})
				go func() {
					max := 0.0
					for {
						if v := childRSS(cmd.Process.Pid); v > max {
							max = v
						}
						select {
						case <-done:
							peak <- max
							return
						case <-time.After(50 * time.Millisecond):
						}
					}
				}()
				err := cmd.Wait()
				close(done)
				b.StopTimer()
				el := time.Since(start)
				if err != nil {
					b.Fatalf("cayley load: %v", err)
				}
				b.ReportMetric(float64(lines)/el.Seconds(), "quads/s")
				if cpu := (cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()).Seconds(); cpu > 0 {
					b.ReportMetric(float64(lines)/cpu, "quads/cpu-s")
				}
				b.ReportMetric(float64(lines), "quads")
				b.ReportMetric(<-peak, "peakRSS_MB")
			}
		}
	}
	b.Run("cayley-bolt", cayley("bolt", func(b *testing.B) string { return b.TempDir() }))
	b.Run("cayley-postgres", cayley("postgres", func(b *testing.B) string { return postgresAddr(b) }))
}

// cayleyBinary builds Cayley's command at the version in go.mod, in a
// scratch module so that ours stays untouched.
func cayleyBinary(b *testing.B) string {
	bin := filepath.Join(os.TempDir(), "kg-bench-cayley")
	if _, err := os.Stat(bin); err == nil {
		return bin
	}
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Version}}", "github.com/cayleygraph/cayley").Output()
	if err != nil {
		b.Skipf("cannot find cayley's version: %v", err)
	}
	version := strings.TrimSpace(string(out))
	dir := b.TempDir()
	steps := [][]string{
		{"go", "mod", "init", "cayleybench"},
		{"go", "get", "github.com/cayleygraph/cayley/cmd/cayley@" + version},
		{"go", "build", "-o", bin, "github.com/cayleygraph/cayley/cmd/cayley"},
	}
	for _, s := range steps {
		cmd := exec.Command(s[0], s[1:]...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Skipf("cannot build cayley (%s): %v\n%s", strings.Join(s, " "), err, out)
		}
	}
	return bin
}

func countLines(b *testing.B, path string) int {
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	n := 0
	for sc.Scan() {
		n++
	}
	return n
}
