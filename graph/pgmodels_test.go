package graph

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/kgraph/kg/extract/synth"
)

func needPostgres(t *testing.T) {
	t.Helper()
	if os.Getenv("KG_TEST_POSTGRES") == "" {
		t.Skip("KG_TEST_POSTGRES is not set: no PostgreSQL server to test against")
	}
}

// openedIndex opens the store at addr for serving and returns its index
// and what the index was built from ("models" or "quads").
func openedIndex(t *testing.T, addr string) (*index, string) {
	t.Helper()
	s, err := Open(context.Background(), addr)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	return s.idx, s.indexFrom
}

// quadsIndex is the index a reading of every quad of the store gives.
func quadsIndex(t *testing.T, addr string) *index {
	t.Helper()
	s, err := Open(context.Background(), addr)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.loadIndexFromQuads(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s.idx
}

// sameIndex fails unless the store opens from its stored models into the
// index its quads give.
func sameIndex(t *testing.T, addr, when string) {
	t.Helper()
	got, from := openedIndex(t, addr)
	if from != "models" {
		t.Fatalf("%s: the index was built from the %s, want the stored models", when, from)
	}
	want := quadsIndex(t, addr)
	if d := indexDiff(got, want); d != "" {
		t.Errorf("%s: the index from the models differs from the index from the quads: %s", when, d)
	}
}

// indexDiff names the first difference between two indexes, or "".
func indexDiff(a, b *index) string {
	return firstDiff("index", reflect.ValueOf(a), reflect.ValueOf(b))
}

// TestPostgresStoredModels: a PostgreSQL store opens from its documents'
// stored models, into the index a reading of its quads gives, after a bulk
// build, loads, a replacement and a removal; after a write that did not
// store models (Cayley's own writer; a store written by an older kg) it
// reads the quads and stores the models again.
func TestPostgresStoredModels(t *testing.T) {
	needPostgres(t)
	ctx := context.Background()
	ex, in := bulkInputs(t, 300)
	tents, trels := ex.Taxonomy().Graph()
	addr := testDatabase(t)

	s, err := Open(ctx, addr, ForLoading(), BatchQuads(20000))
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.Bulk()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.LoadTaxonomy(ctx, tents, trels); err != nil {
		t.Fatal(err)
	}
	if _, err := b.LoadDocuments(ctx, in[:250], nil); err != nil {
		t.Fatal(err)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	sameIndex(t, addr, "after a bulk build")

	s, err = Open(ctx, addr, BatchQuads(20000))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.LoadDocuments(ctx, in[250:], nil); err != nil {
		t.Fatal(err)
	}
	changed := in[3]
	x := *changed.X
	x.Relations = x.Relations[:len(x.Relations)/2]
	changed.X = &x
	if st, err := s.LoadDocument(ctx, changed.Doc, changed.X); err != nil || st.Removed == 0 {
		t.Fatalf("a changed version: %+v, %v", st, err)
	}
	if err := s.RemoveDocument(ctx, in[7].Doc.ID); err != nil {
		t.Fatal(err)
	}
	s.Close()
	sameIndex(t, addr, "after loads, a replacement and a removal")

	// Cayley's own writer removes a document's title: the models no
	// longer describe the quads.
	s, err = Open(ctx, addr)
	if err != nil {
		t.Fatal(err)
	}
	title := quad.Make(docIRI(in[0].Doc.ID), pTitle, in[0].Doc.Title, docIRI(in[0].Doc.ID))
	if err := s.qs.ApplyDeltas([]cgraph.Delta{{Quad: title, Action: cgraph.Delete}}, cgraph.IgnoreOpts{}); err != nil {
		t.Fatal(err)
	}
	before := s.idx
	s.Close()
	got, from := openedIndex(t, addr)
	if from != "quads" {
		t.Fatalf("after a write by Cayley: the index was built from the %s, want the quads", from)
	}
	if got.docs[in[0].Doc.ID].doc.Title != "" || before.docs[in[0].Doc.ID].doc.Title == "" {
		t.Errorf("after a write by Cayley removed a title: %q (before: %q)", got.docs[in[0].Doc.ID].doc.Title, before.docs[in[0].Doc.ID].doc.Title)
	}
	sameIndex(t, addr, "after a write by Cayley, reopened")

	// A store written by an older kg has no models.
	s, err = Open(ctx, addr)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.pg.db.ExecContext(ctx, `DROP TABLE kg_models, kg_state; DROP TRIGGER kg_quads_changed ON quads`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, from := openedIndex(t, addr); from != "quads" {
		t.Fatalf("a store without models: the index was built from the %s, want the quads", from)
	}
	sameIndex(t, addr, "a store without models, reopened")
}

// TestPostgresKilledBuild kills a real `kg build` into PostgreSQL with
// SIGKILL in the middle, incremental and bulk: the store opens from its
// stored models, into the index its quads give.
func TestPostgresKilledBuild(t *testing.T) {
	needPostgres(t)
	if testing.Short() {
		t.Skip("builds the kg binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "kg")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/kgraph/kg/cmd/kg").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	corpus := filepath.Join(dir, "corpus")
	const docs = 150
	if _, err := synth.New(synth.Options{Seed: 7}).Write(context.Background(), synth.WriteOptions{Dir: corpus, Docs: docs}); err != nil {
		t.Fatal(err)
	}
	for name, flag := range map[string]string{"incremental": "--incremental", "bulk": "--batch-quads=20000"} {
		t.Run(name, func(t *testing.T) {
			addr := testDatabase(t)
			cmd := exec.Command(bin, "build", "--db", addr, "--progress-lines", flag, corpus)
			stderr, err := cmd.StderrPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// Killed right after its first committed transaction, while it
			// writes the next.
			sc := bufio.NewScanner(stderr)
			for sc.Scan() {
				t.Log(sc.Text())
				if strings.Contains(sc.Text(), "documents") {
					break
				}
			}
			go io.Copy(io.Discard, stderr)
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			cmd.Wait()
			if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
				t.Fatal("the build ended before it was killed: give it more documents")
			}
			idx, _ := openedIndex(t, addr)
			if n := len(idx.docs) - 1; n <= 0 || n >= docs {
				t.Fatalf("%d of %d documents loaded: the kill did not land in the middle", n, docs)
			} else {
				t.Logf("killed after %d of %d documents", n, docs)
			}
			sameIndex(t, addr, "after a killed build")
		})
	}
}

// firstDiff names the first place where a and b differ (as
// reflect.DeepEqual sees them, unexported fields included), or "".
func firstDiff(path string, a, b reflect.Value) string {
	if a.IsValid() != b.IsValid() || a.IsValid() && a.Type() != b.Type() {
		return path + ": one is missing"
	}
	if !a.IsValid() {
		return ""
	}
	switch a.Kind() {
	case reflect.Pointer, reflect.Interface:
		if a.IsNil() != b.IsNil() {
			return fmt.Sprintf("%s: nil %v / %v", path, a.IsNil(), b.IsNil())
		}
		if a.IsNil() {
			return ""
		}
		return firstDiff(path, a.Elem(), b.Elem())
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			if d := firstDiff(path+"."+a.Type().Field(i).Name, a.Field(i), b.Field(i)); d != "" {
				return d
			}
		}
		return ""
	case reflect.Slice:
		if a.IsNil() != b.IsNil() {
			return fmt.Sprintf("%s: nil %v / %v", path, a.IsNil(), b.IsNil())
		}
		if a.Len() != b.Len() {
			return fmt.Sprintf("%s: length %d / %d", path, a.Len(), b.Len())
		}
		for i := 0; i < a.Len(); i++ {
			if d := firstDiff(fmt.Sprintf("%s[%d]", path, i), a.Index(i), b.Index(i)); d != "" {
				return d
			}
		}
		return ""
	case reflect.Map:
		if a.IsNil() != b.IsNil() {
			return fmt.Sprintf("%s: nil %v / %v", path, a.IsNil(), b.IsNil())
		}
		if a.Len() != b.Len() {
			return fmt.Sprintf("%s: length %d / %d", path, a.Len(), b.Len())
		}
		for _, k := range b.MapKeys() {
			if d := firstDiff(fmt.Sprintf("%s[%v]", path, k), a.MapIndex(k), b.MapIndex(k)); d != "" {
				return d
			}
		}
		return ""
	}
	if fmt.Sprint(a) != fmt.Sprint(b) {
		return fmt.Sprintf("%s: %v / %v", path, a, b)
	}
	return ""
}
