package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/kgraph/kg/cmd/kg/internal/bench"
)

// TestBenchBuildStage runs the benchmark's build stage, as its child
// process does, with the product's real parts: into an empty bolt store
// (the bulk build, as kg build loads) and into memory (document by
// document). Both must write the same quads and answer every question of
// what they built, in process and over HTTP.
func TestBenchBuildStage(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	const docs = 12
	var out, errb bytes.Buffer
	if err := run(context.Background(), []string{"gen", "--docs", strconv.Itoa(docs), "--seed", "7", "--out", corpus}, &out, &errb); err != nil {
		t.Fatalf("gen: %v: %s", err, errb.String())
	}
	stage := func(backend, addr string) bench.StageResult {
		t.Helper()
		var out, errb bytes.Buffer
		args := []string{"bench", "--stage", "build", "--stage-corpus", corpus, "--stage-docs", strconv.Itoa(docs),
			"--stage-backend", backend, "--stage-addr", addr, "--samples", "5", "--clients", "2"}
		if err := run(context.Background(), args, &out, &errb); err != nil {
			t.Fatalf("%s: %v: %s", backend, err, errb.String())
		}
		var r bench.StageResult
		if err := json.Unmarshal(out.Bytes(), &r); err != nil {
			t.Fatalf("%s: %v: %s", backend, err, out.String())
		}
		if r.Skipped != "" || r.QuerySkip != "" || r.HTTPSkip != "" || r.Errors != 0 {
			t.Fatalf("%s: skipped %q, questions %q, HTTP %q, %d errors (%s)", backend, r.Skipped, r.QuerySkip, r.HTTPSkip, r.Errors, r.FirstError)
		}
		if r.Docs != docs || r.Quads == 0 || r.Picks == nil || len(r.Picks.Chains) == 0 {
			t.Fatalf("%s: %d documents, %d quads, picks %+v", backend, r.Docs, r.Quads, r.Picks)
		}
		for _, qs := range [][]bench.Latency{r.Questions, r.HTTPQuestions} {
			if len(qs) == 0 {
				t.Fatalf("%s: no questions asked", backend)
			}
			for _, q := range qs {
				// A path between two firms of unrelated reports may be none.
				if q.Errors != 0 || (q.Answer == 0 && q.Question != "path") {
					t.Errorf("%s: %s: %d errors (%s), answer size %.1f", backend, q.Question, q.Errors, q.Error, q.Answer)
				}
			}
		}
		return r
	}
	db := filepath.Join(dir, "bolt", "kg.db")
	bolt := stage("bolt", "bolt:"+db)
	mem := stage("mem", "mem:")
	if bolt.Quads != mem.Quads {
		t.Errorf("bulk build into bolt wrote %d quads, the load into memory %d", bolt.Quads, mem.Quads)
	}
	if bolt.StoreBytes == 0 {
		t.Errorf("bolt store size not measured")
	}
	if _, err := os.Stat(db + ".building"); !os.IsNotExist(err) {
		t.Errorf("the bulk build left its new file beside the store: %v", err)
	}
}

// TestBenchServesApart runs kg bench as a user does, its stages and kg
// serve in processes of their own: the HTTP questions are answered by kg
// serve started on the built store, after it reported ready.
func TestBenchServesApart(t *testing.T) {
	t.Setenv("KG_TEST_AS_KG", "1") // the children this test starts
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	work, out := t.TempDir(), t.TempDir()
	res, err := bench.Run(context.Background(), benchDeps(), bench.Config{
		Sizes: []int{12}, Seed: 7, Work: work, Out: out, Backends: []string{"bolt"}, Samples: 5, Clients: 2,
		Self: []string{self, "bench"}, Serve: []string{self, "serve"},
	})
	if err != nil {
		t.Fatal(err)
	}
	b := res.Rows[0].Builds[0]
	if b.Skipped != "" || b.HTTPSkip != "" || b.QuerySkip != "" {
		t.Fatalf("skipped %q, HTTP %q, questions %q", b.Skipped, b.HTTPSkip, b.QuerySkip)
	}
	if b.ServeReady <= 0 || b.ServeRSS == 0 || len(b.HTTPQuestions) != len(b.Questions)+1 {
		t.Fatalf("kg serve ready after %.2f s, peak RSS %d, %d questions over HTTP (%d in process)",
			b.ServeReady, b.ServeRSS, len(b.HTTPQuestions), len(b.Questions))
	}
	for _, q := range b.HTTPQuestions {
		if q.Errors != 0 || (q.Answer == 0 && q.Question != "path") {
			t.Errorf("%s over HTTP: %d errors (%s), answer size %.1f", q.Question, q.Errors, q.Error, q.Answer)
		}
	}
	md, err := os.ReadFile(filepath.Join(out, "bench.md"))
	if err != nil || !bytes.Contains(md, []byte("kg serve ready (open + index)")) {
		t.Errorf("bench.md does not report kg serve: %v", err)
	}
}
