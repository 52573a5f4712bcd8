package graph

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"reflect"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

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

// CheckOpensFromModels fails the test unless the store at addr opens
// from its stored models into the index its quads give (for graph_test).
var CheckOpensFromModels = sameIndex

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
	testServer(t)
	ctx := context.Background()
	ex, in := bulkInputs(t, 100)
	addr := testDatabase(t)

	bulkBuild(t, ex, addr, in[:80], BatchQuads(20000))
	sameIndex(t, addr, "after a bulk build")

	s, err := Open(ctx, addr, BatchQuads(20000))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.LoadDocuments(ctx, in[80:], nil); err != nil {
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

// TestPostgresReadOnlyRole: a role that may read the quads but not write
// (nor read) the models opens the store from its quads, as before there
// were models: without the models' tables, with them but not granted, and
// with stale models it may not write again.
func TestPostgresReadOnlyRole(t *testing.T) {
	ctx := context.Background()
	admin, err := sql.Open("postgres", testServer(t))
	if err != nil {
		t.Fatal(err)
	}
	role := fmt.Sprintf("kg_reader_%d_%d", os.Getpid(), time.Now().UnixNano()%1e9)
	if _, err := admin.Exec("CREATE ROLE " + role + " LOGIN"); err != nil {
		t.Fatal(err)
	}
	// Registered before the database's, so run after it is dropped.
	t.Cleanup(func() {
		admin.Exec("DROP ROLE IF EXISTS " + role)
		admin.Close()
	})
	addr := testDatabase(t)
	_, in := bulkInputs(t, 5)
	s, err := Open(ctx, addr)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.LoadDocuments(ctx, in, nil); err != nil {
		t.Fatal(err)
	}
	owner := func(stmt string) {
		t.Helper()
		if _, err := s.pg.db.ExecContext(ctx, stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	owner("GRANT SELECT ON quads, nodes TO " + role)
	u, _ := url.Parse(addr)
	u.User = url.User(role)
	reader := u.String()
	want := quadsIndex(t, addr)

	check := func(when string) {
		t.Helper()
		got, from := openedIndex(t, reader)
		if from != "quads" {
			t.Errorf("%s: the index was built from the %s, want the quads", when, from)
		}
		if d := indexDiff(got, want); d != "" {
			t.Errorf("%s: %s", when, d)
		}
	}
	check("the models' tables not granted")
	owner("GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + role)
	owner("UPDATE kg_state SET models = models - 1")
	check("stale models, granted for reading only")
	owner("DROP TABLE kg_models, kg_state; DROP TRIGGER kg_quads_changed ON quads")
	check("no models' tables")
	s.Close()
}
