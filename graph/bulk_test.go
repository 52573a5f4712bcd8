package graph

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	_ "github.com/cayleygraph/cayley/graph/kv/bolt" // Cayley's own bolt backend, for TestCayleyOpensBulkFile
	"github.com/cayleygraph/quad"
	bolt "go.etcd.io/bbolt"

	"github.com/kgraph/kg"
	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/extract/synth"
)

// bulkInputs extracts n generated reports.
func bulkInputs(t *testing.T, n int) (*extract.Extractor, []Input) {
	t.Helper()
	ex, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	g := synth.New(synth.Options{Seed: 3})
	var in []Input
	for i := 0; i < n; i++ {
		d := g.Generate(i)
		x, err := ex.Extract(d.Name+".txt", []byte(d.Text))
		if err != nil {
			t.Fatal(err)
		}
		in = append(in, Input{Doc: x.Documents[0], X: x})
	}
	return ex, in
}

// loadIncremental loads the taxonomy and in into the store at addr through
// the incremental writer (the path bulk builds are compared with), and
// returns the store open.
func loadIncremental(t *testing.T, addr string, ex *extract.Extractor, in []Input) *Store {
	t.Helper()
	ctx := context.Background()
	s, err := Open(ctx, addr, ForLoading(), BatchQuads(5000))
	if err != nil {
		t.Fatal(err)
	}
	tents, trels := ex.Taxonomy().Graph()
	if _, err := s.LoadTaxonomy(ctx, tents, trels); err != nil {
		t.Fatal(err)
	}
	if _, err := s.LoadDocuments(ctx, in, nil); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestBulkBuild builds the same documents by the bulk path and the
// incremental one and compares the stores as Cayley reads them: every quad,
// the quads of some nodes through the subject and object indexes, the
// reference counts, the stored models, the index and the dump; then again
// after removing a document from both through the incremental path.
func TestBulkBuild(t *testing.T) {
	ctx := context.Background()
	ex, in := bulkInputs(t, 12)
	tents, trels := ex.Taxonomy().Graph()
	dir := t.TempDir()

	incPath := filepath.Join(dir, "inc.db")
	loadIncremental(t, "bolt:"+incPath, ex, in).Close()

	// The bulk store holds the taxonomy already (it counts as empty), and a
	// ".building" file is left over from a killed build.
	bulkPath := filepath.Join(dir, "bulk.db")
	s, err := Open(ctx, "bolt:"+bulkPath, ForLoading())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.LoadTaxonomy(ctx, tents, trels); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bulkPath+".building", []byte("left over"), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := s.Bulk()
	if err != nil {
		t.Fatal(err)
	}
	// Small runs and transactions, so that the test spills and merges
	// several runs and commits many transactions.
	b.w.runTuples = 1000
	if _, err := b.LoadTaxonomy(ctx, tents, trels); err != nil {
		t.Fatal(err)
	}
	var stats []LoadStats
	for i := 0; i < len(in); i += 5 {
		st, err := b.LoadDocuments(ctx, in[i:min(i+5, len(in))], nil)
		if err != nil {
			t.Fatal(err)
		}
		stats = append(stats, st...)
	}
	if _, err := b.LoadDocuments(ctx, in[:1], nil); kg.ErrorCode(err) != kg.EConflict {
		t.Errorf("a document loaded twice in a bulk build: %v, want a %s error", err, kg.EConflict)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	if b.w.spilled < 6 {
		t.Fatalf("%d runs spilled: the test does not merge", b.w.spilled)
	}
	checkBolt(t, bulkPath)
	if _, err := os.Stat(bulkPath + ".building"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the .building file is still there: %v", err)
	}
	if _, err := s.Documents(ctx); kg.ErrorCode(err) != kg.ENotReady {
		t.Errorf("the store after a bulk build: %v, want it closed", err)
	}
	for i, st := range stats {
		if st.Document != in[i].Doc.ID || st.Added == 0 || st.Added != st.Quads {
			t.Errorf("stats of %s: %+v", in[i].Doc.ID, st)
		}
	}

	compare := func(when string) {
		t.Helper()
		a, err := Open(ctx, "bolt:"+incPath)
		if err != nil {
			t.Fatal(err)
		}
		defer a.Close()
		c, err := Open(ctx, "bolt:"+bulkPath)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		want, got := storeView(t, a), storeView(t, c)
		for k := range want {
			if want[k] != got[k] {
				t.Errorf("%s: %s differ:\n%s", when, k, lineDiff(want[k], got[k]))
			}
		}
	}
	compare("after the build")

	// Removing a document goes through Cayley's path on both.
	for _, p := range []string{incPath, bulkPath} {
		s, err := Open(ctx, "bolt:"+p)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.RemoveDocument(ctx, in[4].Doc.ID); err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
	compare("after a removal")
}

// storeView is what a store holds, as text to compare between stores
// whose node and quad ids differ.
func storeView(t *testing.T, s *Store) map[string]string {
	t.Helper()
	ctx := context.Background()
	view := make(map[string]string)
	var all []string
	var quads []quad.Quad
	if err := s.cayleyQuads(ctx, func(q quad.Quad) {
		all = append(all, q.String())
		quads = append(quads, q)
	}); err != nil {
		t.Fatal(err)
	}
	sort.Strings(all)
	view["quads (Cayley's iterator)"] = strings.Join(all, "\n")
	if len(all) < 1000 {
		t.Fatalf("%s: %d quads", s.Addr(), len(all))
	}

	// Some nodes' quads, through the subject-predicate and the
	// object-predicate-subject indexes.
	nodes := []quad.Value{docIRI(TaxonomyDoc), pType, typeIRI(kg.TypeEnterprise), quad.Int(2022)}
	sort.Slice(quads, func(i, j int) bool { return quads[i].String() < quads[j].String() })
	for i := 0; i < len(quads); i += len(quads) / 20 {
		nodes = append(nodes, quads[i].Subject, quads[i].Object)
	}
	var byNode []string
	for _, v := range nodes {
		for _, d := range []quad.Direction{quad.Subject, quad.Object} {
			qs, err := quadsOf(ctx, s.qs, d, v)
			if err != nil {
				t.Fatal(err)
			}
			lines := make([]string, len(qs))
			for i, q := range qs {
				lines[i] = q.String()
			}
			sort.Strings(lines)
			byNode = append(byNode, fmt.Sprintf("%s %v: %d\n%s", d, v, len(qs), strings.Join(lines, "\n")))
		}
	}
	view["quads by node"] = strings.Join(byNode, "\n")

	// Reference counts and models, by key.
	var refs, models []string
	if s.pg != nil {
		// Models are not stored apart on PostgreSQL.
		rows, err := s.pg.db.QueryContext(ctx, `SELECT encode(hash, 'hex') || ' ' || refs FROM nodes ORDER BY hash`)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var r string
			if err := rows.Scan(&r); err != nil {
				t.Fatal(err)
			}
			refs = append(refs, r)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
	}
	var err error
	if s.bw != nil {
		err = s.bw.db.View(boltView(&refs, &models))
	}
	if err != nil {
		t.Fatal(err)
	}
	view["reference counts"] = strings.Join(refs, "\n")
	view["models"] = strings.Join(models, "\n")

	var dump bytes.Buffer
	if err := s.Dump(ctx, &dump, "nquads"); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(dump.String(), "\n")
	sort.Strings(lines)
	view["dump"] = strings.Join(lines, "\n")

	docs, err := s.Documents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ents, err := s.EntitiesOfType(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	view["index"] = fmt.Sprintf("%+v\n%+v", docs, ents)
	if len(docs) == 0 || len(ents) == 0 {
		t.Fatalf("%s: %d documents, %d entities", s.Addr(), len(docs), len(ents))
	}
	return view
}

// boltView reads a bolt store's reference counts and models, by key.
func boltView(refs, models *[]string) func(tx *bolt.Tx) error {
	return func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			switch {
			case len(name) == 3 && name[0] == 'n':
				return b.ForEach(func(k, v []byte) error {
					*refs = append(*refs, fmt.Sprintf("%x %x", k, v))
					return nil
				})
			case bytes.Equal(name, bktModels):
				return b.ForEach(func(k, v []byte) error {
					if bytes.Equal(k, keyFingerprint) {
						return nil
					}
					// Compared unpacked: gob writes maps in no fixed order.
					m, err := unpack(v)
					if err != nil {
						return err
					}
					*models = append(*models, fmt.Sprintf("%s %+v %+v %+v %+v", k, m.doc, m.entities, m.relations, m.indicators))
					return nil
				})
			}
			return nil
		})
	}
}

// checkBolt runs bbolt's consistency check on a file: every page reachable
// once, or free.
func checkBolt(t *testing.T, path string) {
	t.Helper()
	db, err := bolt.Open(path, 0o644, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.View(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			t.Errorf("bbolt check of %s: %v", path, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// bulkBuild builds the taxonomy and in into a new store at addr in one
// bulk build, and commits it (which closes the store).
func bulkBuild(t *testing.T, ex *extract.Extractor, addr string, in []Input, opts ...Option) {
	t.Helper()
	ctx := context.Background()
	tents, trels := ex.Taxonomy().Graph()
	s, err := Open(ctx, addr, append([]Option{ForLoading()}, opts...)...)
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
	if _, err := b.LoadDocuments(ctx, in, nil); err != nil {
		t.Fatal(err)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
}

// TestCayleyOpensBulkFile opens a bulk-built store with Cayley's own bolt
// backend, as `cayley http -d bolt -a DIR` does with the file copied to
// DIR/indexes.bolt (kg bench --cayley-own-store), and finds every quad the
// product reads from it.
func TestCayleyOpensBulkFile(t *testing.T) {
	ctx := context.Background()
	ex, in := bulkInputs(t, 3)
	dir := t.TempDir()
	path := filepath.Join(dir, "kg.db")
	bulkBuild(t, ex, "bolt:"+path, in)
	s, err := Open(ctx, "bolt:"+path)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	err = s.cayleyQuads(ctx, func(q quad.Quad) { want = append(want, q.String()) })
	s.Close()
	if err != nil {
		t.Fatal(err)
	}

	cdir := filepath.Join(dir, "cayley")
	if err := os.MkdirAll(cdir, 0o755); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(cdir, "indexes.bolt"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	qs, err := cgraph.NewQuadStore("bolt", cdir, nil)
	if err != nil {
		t.Fatalf("Cayley's bolt backend does not open the product's file: %v", err)
	}
	defer qs.Close()
	var got []string
	it := qs.QuadsAllIterator().Iterate()
	defer it.Close()
	for it.Next(ctx) {
		q, err := qs.Quad(it.Result())
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, q.String())
	}
	if err := it.Err(); err != nil {
		t.Fatal(err)
	}
	sort.Strings(want)
	sort.Strings(got)
	if len(want) < 1000 || strings.Join(want, "\n") != strings.Join(got, "\n") {
		t.Errorf("Cayley's bolt backend reads %d quads, the product %d:\n%s", len(got), len(want), lineDiff(strings.Join(want, "\n"), strings.Join(got, "\n")))
	}
}
