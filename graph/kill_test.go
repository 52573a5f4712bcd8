package graph_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"syscall"
	"testing"

	"github.com/kgraph/kg"
	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/extract/synth"
	"github.com/kgraph/kg/graph"
)

// TestKilledBuild kills a real incremental `kg build` with SIGKILL in the
// middle and checks that the store opens, answers, and holds each document whole or not
// at all: the documents present are a prefix of the build's order, and the
// store reads back exactly what loading that prefix into a fresh store gives.
func TestKilledBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the kg binary")
	}
	dir := t.TempDir()
	bin, corpus := buildAndCorpus(t, dir, 100)
	db := filepath.Join(dir, "kg.db")
	// Killed right after its first committed transaction, while it
	// writes the second.
	killBuild(t, startBuild(t, bin, "bolt:"+db, corpus, "--incremental"))

	ctx := context.Background()
	s, err := graph.Open(ctx, "bolt:"+db)
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	defer s.Close()
	got, err := s.Documents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(corpus, "*.txt"))
	sort.Strings(files)
	present := make(map[string]bool)
	for _, d := range got {
		present[d.ID] = true
	}
	n := 0
	for n < len(files) && present[extract.DocID(files[n])] {
		n++
	}
	if n != len(got) {
		t.Fatalf("%d documents present, but not as a prefix of the build order (prefix %d)", len(got), n)
	}
	if n == 0 || n == len(files) {
		t.Fatalf("%d of %d documents loaded: the kill did not land in the middle", n, len(files))
	}
	t.Logf("killed after %d of %d documents", n, len(files))

	// The same prefix loaded into a fresh store must read back the same.
	ex, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ref := open(t, "mem:")
	tents, trels := ex.Taxonomy().Graph()
	if _, err := ref.LoadTaxonomy(ctx, tents, trels); err != nil {
		t.Fatal(err)
	}
	for _, f := range files[:n] {
		data, _ := os.ReadFile(f)
		x, err := ex.Extract(f, data)
		if err != nil {
			t.Fatal(err)
		}
		x.Documents[0].Source = f
		load(t, ref, x.Documents[0], x)
	}
	want, have := canonical(readBack(t, ref)), canonical(readBack(t, s))
	if !reflect.DeepEqual(have, want) {
		t.Errorf("the killed store differs from a clean load of the same %d documents:\n%s", n, diffExtractions(have, want))
	}
}

// buildAndCorpus builds the kg binary into dir and generates a corpus of
// docs reports there.
func buildAndCorpus(t *testing.T, dir string, docs int) (bin, corpus string) {
	t.Helper()
	bin = filepath.Join(dir, "kg")
	build := exec.Command("go", "build", "-o", bin, "github.com/kgraph/kg/cmd/kg")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	corpus = filepath.Join(dir, "corpus")
	if _, err := synth.New(synth.Options{Seed: 7}).Write(context.Background(), synth.WriteOptions{Dir: corpus, Docs: docs}); err != nil {
		t.Fatal(err)
	}
	return bin, corpus
}

// startBuild starts `kg build` into the store at addr and returns once it
// has reported its first documents.
func startBuild(t *testing.T, bin, addr, corpus string, flags ...string) *exec.Cmd {
	t.Helper()
	args := append([]string{"build", "--db", addr, "--progress-lines"}, flags...)
	cmd := exec.Command(bin, append(args, corpus)...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stderr)
	for sc.Scan() {
		t.Log(sc.Text())
		if strings.Contains(sc.Text(), "documents") {
			break
		}
	}
	go io.Copy(io.Discard, stderr)
	return cmd
}

// killBuild kills a build with SIGKILL, and fails if it had ended.
func killBuild(t *testing.T, cmd *exec.Cmd) {
	t.Helper()
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Fatalf("the build ended before it was killed (%v): give it more documents", err)
	}
}

// TestKilledBulkBuild: a bulk build (a store holding no documents) holds
// the store's lock, so that a second build gets the "in use" error; killed
// in the middle, it leaves the store as it was (no documents; it opens and
// answers); the next build removes what the killed one left and builds
// every document.
func TestKilledBulkBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the kg binary")
	}
	dir := t.TempDir()
	const docs = 200
	bin, corpus := buildAndCorpus(t, dir, docs)
	db := filepath.Join(dir, "kg.db")
	cmd := startBuild(t, bin, "bolt:"+db, corpus)

	second := exec.Command(bin, "build", "--db", "bolt:"+db, corpus)
	out, err := second.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "in use by another process") {
		t.Errorf("a second build during a bulk build: %v\n%s", err, out)
	}
	if _, err := os.Stat(db + ".building"); err != nil {
		t.Errorf("no bulk build in progress: %v", err)
	}
	killBuild(t, cmd)

	ctx := context.Background()
	s, err := graph.Open(ctx, "bolt:"+db)
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	got, err := s.Documents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 0 {
		t.Errorf("%d documents after a killed bulk build, want none", len(got))
	}
	if _, err := s.EntitiesOfType(ctx, ""); err != nil {
		t.Errorf("the store after a killed bulk build: %v", err)
	}
	s.Close()

	if out, err := exec.Command(bin, "build", "--quiet", "--db", "bolt:"+db, corpus).CombinedOutput(); err != nil {
		t.Fatalf("build after the kill: %v\n%s", err, out)
	}
	if _, err := os.Stat(db + ".building"); !os.IsNotExist(err) {
		t.Errorf("the .building file after a whole build: %v", err)
	}
	s, err = graph.Open(ctx, "bolt:"+db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got, err := s.Documents(ctx); err != nil || len(got) != docs {
		t.Errorf("%d documents after the build, want %d (%v)", len(got), docs, err)
	}
}

// TestPostgresKilledBuild kills a real `kg build` into PostgreSQL with
// SIGKILL in the middle, incremental and bulk: the store opens from its
// stored models, into the index its quads give.
func TestPostgresKilledBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the kg binary")
	}
	postgresAddr(t) // skips without a server
	const docs = 150
	bin, corpus := buildAndCorpus(t, t.TempDir(), docs)
	for name, flag := range map[string]string{"incremental": "--incremental", "bulk": "--batch-quads=20000"} {
		t.Run(name, func(t *testing.T) {
			addr := postgresAddr(t)
			// Killed right after its first committed transaction, while
			// it writes the next.
			killBuild(t, startBuild(t, bin, addr, corpus, flag))
			s, err := graph.Open(context.Background(), addr)
			if err != nil {
				t.Fatalf("reopen after kill: %v", err)
			}
			got, err := s.Documents(context.Background())
			s.Close()
			if err != nil {
				t.Fatal(err)
			}
			if n := len(got); n == 0 || n == docs {
				t.Fatalf("%d of %d documents loaded: the kill did not land in the middle", n, docs)
			}
			t.Logf("killed after %d of %d documents", len(got), docs)
			graph.CheckOpensFromModels(t, addr, "after a killed build")
		})
	}
}

// diffExtractions names the first few differences, for a readable failure.
func diffExtractions(a, b *kg.Extraction) string {
	var out []string
	ea, eb := map[string]kg.Entity{}, map[string]kg.Entity{}
	for _, e := range a.Entities {
		ea[e.ID] = e
	}
	for _, e := range b.Entities {
		eb[e.ID] = e
	}
	for id, e := range ea {
		if f, ok := eb[id]; !ok {
			out = append(out, fmt.Sprintf("only in the first: %+v", e))
		} else if !reflect.DeepEqual(e, f) {
			out = append(out, fmt.Sprintf("entity differs: %+v / %+v", e, f))
		}
	}
	for id, e := range eb {
		if _, ok := ea[id]; !ok {
			out = append(out, fmt.Sprintf("only in the second: %+v", e))
		}
	}
	out = append(out, fmt.Sprintf("relations %d / %d, indicators %d / %d, documents %d / %d",
		len(a.Relations), len(b.Relations), len(a.Indicators), len(b.Indicators), len(a.Documents), len(b.Documents)))
	sort.Strings(out)
	if len(out) > 10 {
		out = out[:10]
	}
	return strings.Join(out, "\n")
}
