package graph_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/kgraph/kg"
	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/graph"
)

// sample builds a small extraction of the genre by hand, with offsets that
// point into its text.
func sample(id string, year int, firm, stage string) (kg.Document, *kg.Extraction) {
	sents := []string{
		fmt.Sprintf("%d年，新一代信息技术产业做强做优。", year),
		fmt.Sprintf("%sB20重大项目%s。", firm, stage),
		"地区生产总值同比增长8%。",
	}
	var text strings.Builder
	var spans []kg.Span
	pos := 0
	for _, s := range sents {
		n := len([]rune(s))
		spans = append(spans, kg.Span{Start: pos, End: pos + n})
		text.WriteString(s)
		pos += n
	}
	ev := func(i int) kg.Evidence {
		return kg.Evidence{Document: id, Sentence: i, Start: spans[i].Start, End: spans[i].End, Text: sents[i]}
	}
	doc := kg.Document{ID: id, Title: fmt.Sprintf("北京经济技术开发区 %d 年度工作总结", year), Year: year,
		Source: id + ".txt", Text: text.String(), Sentences: spans}
	x := &kg.Extraction{
		Documents: []kg.Document{doc},
		Entities: []kg.Entity{
			{ID: "enterprise/" + firm, Type: kg.TypeEnterprise, Name: firm, Aliases: []string{}},
			{ID: "industry/新一代信息技术", Type: kg.TypeIndustry, Name: "新一代信息技术", Aliases: []string{"新一代信息技术产业"},
				Attrs: map[string]string{"level": "1"}},
			{ID: "project/京东方B20", Type: kg.TypeProject, Name: "京东方B20", Aliases: []string{"B20"}},
			{ID: "place/亦庄新城", Type: kg.TypePlace, Name: "亦庄新城", Aliases: []string{}},
		},
		Relations: []kg.Relation{
			{Subject: "enterprise/" + firm, Predicate: kg.PredInIndustry, Object: "industry/新一代信息技术",
				Confidence: 0.9, Evidence: []kg.Evidence{ev(0), ev(1)}},
			{Subject: "enterprise/" + firm, Predicate: kg.PredHasProject, Object: "project/京东方B20", Evidence: []kg.Evidence{ev(1)}},
			{Subject: "project/京东方B20", Predicate: kg.PredStage, Value: stage, Year: year, Evidence: []kg.Evidence{ev(1)}},
			{Subject: "project/京东方B20", Predicate: kg.PredLocatedIn, Object: "place/亦庄新城", Inferred: true, Evidence: []kg.Evidence{}},
		},
		Indicators: []kg.Indicator{
			{ID: "indicator/" + id + "/1", Name: "地区生产总值", Value: 8, Unit: "%", Measure: "同比增长",
				Subject: "place/亦庄新城", Year: year, Evidence: []kg.Evidence{ev(2)}},
		},
	}
	return doc, x
}

// backends lists the stores every behaviour test runs against.
func backends(t *testing.T) map[string]func(t *testing.T) string {
	return map[string]func(t *testing.T) string{
		"mem":  func(t *testing.T) string { return "mem:" },
		"bolt": func(t *testing.T) string { return "bolt:" + filepath.Join(t.TempDir(), "kg.db") },
		"postgres": func(t *testing.T) string {
			return postgresAddr(t)
		},
	}
}

func open(t *testing.T, addr string) *graph.Store {
	t.Helper()
	s, err := graph.Open(context.Background(), addr)
	if err != nil {
		t.Fatalf("open %s: %v", addr, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func load(t *testing.T, s *graph.Store, doc kg.Document, x *kg.Extraction) graph.LoadStats {
	t.Helper()
	st, err := s.LoadDocument(context.Background(), doc, x)
	if err != nil {
		t.Fatalf("load %s: %v", doc.ID, err)
	}
	return st
}

// readBack rebuilds an extraction from the store's Reader.
func readBack(t *testing.T, s *graph.Store) *kg.Extraction {
	t.Helper()
	ctx := context.Background()
	x := &kg.Extraction{Relations: []kg.Relation{}}
	docs, err := s.Documents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		full, err := s.Document(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		x.Documents = append(x.Documents, full)
	}
	if x.Entities, err = s.EntitiesOfType(ctx, ""); err != nil {
		t.Fatal(err)
	}
	for _, e := range x.Entities {
		edges, err := s.Edges(ctx, e.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, ed := range edges {
			if ed.Out {
				x.Relations = append(x.Relations, ed.Relation)
			}
		}
	}
	if x.Indicators, err = s.Indicators(ctx, ""); err != nil {
		t.Fatal(err)
	}
	return x
}

// canonical sorts everything that has no meaningful order.
func canonical(x *kg.Extraction) *kg.Extraction {
	c := *x
	c.Entities = append([]kg.Entity{}, x.Entities...)
	for i := range c.Entities {
		a := append([]string{}, c.Entities[i].Aliases...)
		sort.Strings(a)
		c.Entities[i].Aliases = a
	}
	sort.Slice(c.Entities, func(i, j int) bool { return c.Entities[i].ID < c.Entities[j].ID })
	c.Relations = append([]kg.Relation{}, x.Relations...)
	key := func(r kg.Relation) string {
		return fmt.Sprint(r.Subject, r.Predicate, r.Object, r.Value, r.Planned, r.Evidence)
	}
	sort.Slice(c.Relations, func(i, j int) bool { return key(c.Relations[i]) < key(c.Relations[j]) })
	c.Indicators = append([]kg.Indicator{}, x.Indicators...)
	sort.Slice(c.Indicators, func(i, j int) bool { return c.Indicators[i].ID < c.Indicators[j].ID })
	return &c
}

func TestRoundTrip(t *testing.T) {
	for name, addr := range backends(t) {
		t.Run(name, func(t *testing.T) {
			a := addr(t)
			s := open(t, a)
			doc, x := sample("etown-2022", 2022, "京东方", "落地")
			st := load(t, s, doc, x)
			if st.Quads == 0 || st.Added != st.Quads || st.Entities != 4 || st.Relations != 4 {
				t.Errorf("stats = %+v", st)
			}
			want := canonical(x)
			if got := canonical(readBack(t, s)); !reflect.DeepEqual(got, want) {
				t.Errorf("read back differs:\n got %+v\nwant %+v", got, want)
			}
			if name == "mem" {
				return
			}
			// Reopened, the store decodes the same thing from its quads alone.
			s.Close()
			s2 := open(t, a)
			if got := canonical(readBack(t, s2)); !reflect.DeepEqual(got, want) {
				t.Errorf("after reopen:\n got %+v\nwant %+v", got, want)
			}
		})
	}
}

func TestIdempotentAndReplace(t *testing.T) {
	for name, addr := range backends(t) {
		t.Run(name, func(t *testing.T) {
			s := open(t, addr(t))
			ctx := context.Background()
			doc, x := sample("etown-2022", 2022, "京东方", "落地")
			load(t, s, doc, x)
			var first strings.Builder
			if err := s.Dump(ctx, &first, "nquads"); err != nil {
				t.Fatal(err)
			}
			st := load(t, s, doc, x)
			if st.Added != 0 || st.Removed != 0 {
				t.Errorf("second load wrote %d and removed %d quads", st.Added, st.Removed)
			}
			var second strings.Builder
			s.Dump(ctx, &second, "nquads")
			if sortedLines(first.String()) != sortedLines(second.String()) {
				t.Errorf("dump changed after loading the same document again")
			}

			// Another document, then a changed version of the first.
			other, ox := sample("etown-2023", 2023, "京东方", "开工")
			load(t, s, other, ox)
			doc2, x2 := sample("etown-2022", 2022, "京东方", "开工")
			st = load(t, s, doc2, x2)
			if st.Removed == 0 || st.Added == 0 {
				t.Errorf("replace stats = %+v", st)
			}
			stages := stageHistory(t, s, "project/京东方B20")
			if want := "etown-2022:2022:开工 etown-2023:2023:开工"; stages != want {
				t.Errorf("stages = %q, want %q", stages, want)
			}
			ind, _ := s.Indicators(ctx, "etown-2023")
			if len(ind) != 1 {
				t.Errorf("other document's indicators = %v", ind)
			}
		})
	}
}

func stageHistory(t *testing.T, s *graph.Store, id string) string {
	t.Helper()
	edges, err := s.Edges(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range edges {
		if e.Predicate == kg.PredStage {
			out = append(out, fmt.Sprintf("%s:%d:%s", e.Evidence[0].Document, e.Year, e.Value))
		}
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

func sortedLines(s string) string {
	l := strings.Split(strings.TrimSpace(s), "\n")
	sort.Strings(l)
	return strings.Join(l, "\n")
}

func TestRemoveAndMerge(t *testing.T) {
	for name, addr := range backends(t) {
		t.Run(name, func(t *testing.T) {
			s := open(t, addr(t))
			ctx := context.Background()
			a, xa := sample("etown-2021", 2021, "京东方", "签约")
			b, xb := sample("etown-2022", 2022, "京东方科技集团股份有限公司", "开工")
			// b names only the firm's full legal name, under another id.
			load(t, s, a, xa)
			load(t, s, b, xb)
			if _, err := s.Entity(ctx, "enterprise/京东方科技集团股份有限公司"); kg.ErrorCode(err) != kg.ENotFound {
				t.Errorf("full legal name kept its own entity: %v", err)
			}
			e, err := s.Entity(ctx, "enterprise/京东方")
			if err != nil {
				t.Fatal(err)
			}
			if e.Name != "京东方" || !reflect.DeepEqual(e.Aliases, []string{"京东方科技集团股份有限公司"}) {
				t.Errorf("merged entity = %+v", e)
			}
			edges, _ := s.Edges(ctx, "enterprise/京东方")
			if len(edges) != 4 {
				t.Errorf("merged entity has %d edges, want 4 (2 per document)", len(edges))
			}

			// Only a mentions this place alias; b mentions the project too.
			if err := s.RemoveDocument(ctx, "etown-2021"); err != nil {
				t.Fatal(err)
			}
			if _, err := s.Entity(ctx, "project/京东方B20"); err != nil {
				t.Errorf("shared entity removed: %v", err)
			}
			e, _ = s.Entity(ctx, "enterprise/京东方")
			if e.Name != "京东方科技集团股份有限公司" {
				t.Errorf("after removing the short name's document: %+v", e)
			}
			if got := stageHistory(t, s, "project/京东方B20"); got != "etown-2022:2022:开工" {
				t.Errorf("stages after remove = %q", got)
			}
			if err := s.RemoveDocument(ctx, "etown-2022"); err != nil {
				t.Fatal(err)
			}
			all, _ := s.EntitiesOfType(ctx, "")
			docs, _ := s.Documents(ctx)
			if len(all) != 0 || len(docs) != 0 {
				t.Errorf("after removing everything: %d entities, %d documents", len(all), len(docs))
			}
			var dump strings.Builder
			s.Dump(ctx, &dump, "nquads")
			if strings.TrimSpace(dump.String()) != "" {
				t.Errorf("quads left after removing every document:\n%s", dump.String())
			}
			if err := s.RemoveDocument(ctx, "etown-2022"); kg.ErrorCode(err) != kg.ENotFound {
				t.Errorf("removing an unknown document: %v", err)
			}
		})
	}
}

func TestDumpChinese(t *testing.T) {
	s := open(t, "mem:")
	doc, x := sample("etown-2022", 2022, "京东方", "落地")
	load(t, s, doc, x)
	for _, f := range []string{"nquads", "jsonld"} {
		var b strings.Builder
		if err := s.Dump(context.Background(), &b, f); err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"京东方B20重大项目落地。", "新一代信息技术产业"} {
			if !strings.Contains(b.String(), want) {
				t.Errorf("%s dump lacks %q", f, want)
			}
		}
	}
	var b strings.Builder
	err := s.Dump(context.Background(), &b, "graphml")
	if kg.ErrorCode(err) != kg.EInvalid {
		t.Errorf("unknown format: %v", err)
	}
	b.Reset()
	if err := s.DumpSubgraph(context.Background(), &b, "nquads", []string{"enterprise/京东方", "project/京东方B20"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "hasProject") || strings.Contains(b.String(), "inIndustry") {
		t.Errorf("subgraph:\n%s", b.String())
	}
}

func TestGizmo(t *testing.T) {
	for name, addr := range backends(t) {
		t.Run(name, func(t *testing.T) { testGizmo(t, open(t, addr(t))) })
	}
}

func testGizmo(t *testing.T, s *graph.Store) {
	doc, x := sample("etown-2022", 2022, "京东方", "落地")
	load(t, s, doc, x)
	ctx := context.Background()
	res, err := s.Gizmo(ctx, `g.V("<`+graph.Base+`id/enterprise/京东方>").Out("<`+graph.Base+`ns#hasProject>").All()`, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 1 || !strings.Contains(fmt.Sprint(res[0]), "京东方B20") {
		t.Errorf("result = %v", res)
	}
	res, err = s.Gizmo(ctx, `g.V("<`+graph.Base+`id/industry/新一代信息技术>").In("<`+graph.Base+`ns#inIndustry>").Unique().All()`, 10)
	if err != nil || len(res) != 1 || !strings.Contains(fmt.Sprint(res[0]), "enterprise/京东方") {
		t.Errorf("reverse walk = %v, %v", res, err)
	}
	tctx, cancel := context.WithTimeout(ctx, 200_000_000)
	defer cancel()
	_, err = s.Gizmo(tctx, `while(true){}`, 10)
	if kg.ErrorCode(err) != kg.ETimeout {
		t.Errorf("endless query: %v", err)
	}
	if _, err = s.Gizmo(ctx, `g.V(`, 10); kg.ErrorCode(err) != kg.EInvalid {
		t.Errorf("broken query: %v", err)
	}
	res, err = s.Gizmo(ctx, `g.V().All()`, 3)
	if err != nil || len(res) != 3 {
		t.Errorf("limit: %d results, %v", len(res), err)
	}
	var e *kg.Error
	if errors.As(err, &e) {
		t.Errorf("unexpected error %v", e)
	}
}

func TestMergeInOneBatch(t *testing.T) {
	s := open(t, "mem:")
	a, xa := sample("etown-2021", 2021, "京东方科技集团股份有限公司", "签约")
	b, xb := sample("etown-2022", 2022, "京东方", "开工")
	var seen int
	st, err := s.LoadDocuments(context.Background(), []graph.Input{{Doc: a, X: xa}, {Doc: b, X: xb}}, func(st []graph.LoadStats) { seen += len(st) })
	if err != nil || len(st) != 2 || seen != 2 {
		t.Fatalf("stats %v, progress %d, err %v", st, seen, err)
	}
	ents, _ := s.EntitiesOfType(context.Background(), kg.TypeEnterprise)
	if len(ents) != 1 || ents[0].ID != "enterprise/京东方科技集团股份有限公司" || !reflect.DeepEqual(ents[0].Aliases, []string{"京东方"}) {
		t.Errorf("enterprises = %+v", ents)
	}
}

// TestRoundTripSample runs the real extractor on the bundled sample and
// checks that the store gives back exactly its extraction.
func TestRoundTripSample(t *testing.T) {
	ex, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	name, data := extract.Sample()
	x, err := ex.Extract(name, data)
	if err != nil {
		t.Fatal(err)
	}
	for backend, addr := range backends(t) {
		t.Run(backend, func(t *testing.T) {
			a := addr(t)
			s := open(t, a)
			load(t, s, x.Documents[0], x)
			want := canonical(normalized(x))
			if got := canonical(readBack(t, s)); !reflect.DeepEqual(got, want) {
				t.Errorf("read back differs from the extraction:\n%s", diffExtractions(got, want))
			}
			if backend == "mem" {
				return
			}
			s.Close()
			if got := canonical(readBack(t, open(t, a))); !reflect.DeepEqual(got, want) {
				t.Errorf("after reopening:\n%s", diffExtractions(got, want))
			}
		})
	}
}

// normalized is what the store promises to give back of an extraction:
// every list non-nil, entity aliases without the name and without
// repeats, entities that several relations share listed once.
func normalized(x *kg.Extraction) *kg.Extraction {
	c := *x
	c.Entities = nil
	for _, e := range x.Entities {
		seen := map[string]bool{e.Name: true}
		al := []string{}
		for _, a := range e.Aliases {
			if !seen[a] && a != "" {
				seen[a] = true
				al = append(al, a)
			}
		}
		e.Aliases = al
		if len(e.Attrs) == 0 {
			e.Attrs = nil
		}
		c.Entities = append(c.Entities, e)
	}
	c.Relations = nil
	for _, r := range x.Relations {
		if r.Evidence == nil {
			r.Evidence = []kg.Evidence{}
		}
		c.Relations = append(c.Relations, r)
	}
	c.Indicators = nil
	for _, in := range x.Indicators {
		if in.Evidence == nil {
			in.Evidence = []kg.Evidence{}
		}
		c.Indicators = append(c.Indicators, in)
	}
	return &c
}

func TestClosed(t *testing.T) {
	s := open(t, "bolt:"+filepath.Join(t.TempDir(), "kg.db"))
	doc, x := sample("etown-2022", 2022, "京东方", "落地")
	load(t, s, doc, x)
	s.Close()
	ctx := context.Background()
	if _, err := s.Document(ctx, "etown-2022"); kg.ErrorCode(err) != kg.ENotReady {
		t.Errorf("Document after Close: %v", err)
	}
	if _, err := s.LoadDocument(ctx, doc, x); kg.ErrorCode(err) != kg.ENotReady {
		t.Errorf("LoadDocument after Close: %v", err)
	}
	if _, err := s.Gizmo(ctx, "g.V().All()", 1); kg.ErrorCode(err) != kg.ENotReady {
		t.Errorf("Gizmo after Close: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

func TestBadAddress(t *testing.T) {
	for _, a := range []string{"sqlite:/tmp/x.db", "mysql://localhost/kg"} {
		if _, err := graph.Open(context.Background(), a); kg.ErrorCode(err) != kg.EInvalid {
			t.Errorf("Open(%q): %v", a, err)
		}
	}
}
