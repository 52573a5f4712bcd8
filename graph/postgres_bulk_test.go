package graph

import (
	"context"
	"strings"
	"testing"

	"github.com/kgraph/kg"
)

// TestPostgresBulkBuild builds the same documents into PostgreSQL by the
// bulk path (indexes dropped, created at Commit) and the incremental one,
// and compares the stores as Cayley and our reader see them, the indexes
// included; then kills a bulk build in the middle and opens the store.
func TestPostgresBulkBuild(t *testing.T) {
	testServer(t)
	ctx := context.Background()
	ex, in := bulkInputs(t, 12)
	tents, trels := ex.Taxonomy().Graph()

	incAddr := testDatabase(t)
	inc := loadIncremental(t, incAddr, ex, in)
	wantIndexes := quadIndexes(t, inc)
	if len(wantIndexes) < 3 {
		t.Fatalf("the incremental store's indexes: %q", wantIndexes)
	}
	inc.Close()

	// The taxonomy alone counts as no document.
	bulkAddr := testDatabase(t)
	s, err := Open(ctx, bulkAddr, ForLoading(), BatchQuads(5000))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.LoadTaxonomy(ctx, tents, trels); err != nil {
		t.Fatal(err)
	}
	b, err := s.Bulk()
	if err != nil {
		t.Fatal(err)
	}
	if got := quadIndexes(t, s); len(got) != 0 {
		t.Errorf("indexes during the bulk build: %q, want none", got)
	}
	if _, err := b.LoadTaxonomy(ctx, tents, trels); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < len(in); i += 5 {
		if _, err := b.LoadDocuments(ctx, in[i:min(i+5, len(in))], nil); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := b.LoadDocuments(ctx, in[:1], nil); kg.ErrorCode(err) != kg.EConflict {
		t.Errorf("a document loaded twice in a bulk build: %v, want a %s error", err, kg.EConflict)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Documents(ctx); kg.ErrorCode(err) != kg.ENotReady {
		t.Errorf("the store after a bulk build: %v, want it closed", err)
	}

	a, err := Open(ctx, incAddr)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	c, err := Open(ctx, bulkAddr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if got := quadIndexes(t, c); strings.Join(got, "\n") != strings.Join(wantIndexes, "\n") {
		t.Errorf("indexes after the bulk build:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantIndexes, "\n"))
	}
	want, got := storeView(t, a), storeView(t, c)
	for k := range want {
		if want[k] != got[k] {
			t.Errorf("%s differ:\n%s", k, lineDiff(want[k], got[k]))
		}
	}

	// A build killed in the middle: its documents stay, and the next open
	// creates the indexes.
	killedAddr := testDatabase(t)
	k, err := Open(ctx, killedAddr, ForLoading(), BatchQuads(5000))
	if err != nil {
		t.Fatal(err)
	}
	kb, err := k.Bulk()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := kb.LoadDocuments(ctx, in[:3], nil); err != nil {
		t.Fatal(err)
	}
	k.pg.db.Close() // no Commit, no Abort
	k.qs.Close()
	k, err = Open(ctx, killedAddr)
	if err != nil {
		t.Fatal(err)
	}
	defer k.Close()
	if got := quadIndexes(t, k); strings.Join(got, "\n") != strings.Join(wantIndexes, "\n") {
		t.Errorf("indexes after a killed bulk build:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantIndexes, "\n"))
	}
	docs, err := k.Documents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 3 {
		t.Errorf("after a killed bulk build of 3 documents: %d documents", len(docs))
	}
}

// quadIndexes lists the definitions of the quads table's indexes but its
// primary key, sorted.
func quadIndexes(t *testing.T, s *Store) []string {
	t.Helper()
	rows, err := s.pg.db.Query(`SELECT pg_get_indexdef(indexrelid) FROM pg_index
WHERE indrelid = 'quads'::regclass AND NOT indisprimary ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var d string
		if err := rows.Scan(&d); err != nil {
			t.Fatal(err)
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
