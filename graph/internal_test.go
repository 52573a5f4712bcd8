package graph

import (
	"context"
	"reflect"
	"sort"
	"testing"
	"unsafe"

	"github.com/cayleygraph/quad"

	"github.com/kgraph/kg"
)

func TestEncodeDecodeInverse(t *testing.T) {
	m := &docModel{
		doc: kg.Document{ID: "d/1 x", Title: "标题", Year: 2022, Sentences: []kg.Span{{Start: 0, End: 3}, {Start: 3, End: 9}}},
		entities: []kg.Entity{{ID: "enterprise/ABB Ltd", Type: kg.TypeEnterprise, Name: "ABB Ltd", Aliases: []string{"ABB"},
			Attrs: map[string]string{"full name": "ABB（中国）有限公司"}}},
		relations: []kg.Relation{
			{Subject: "enterprise/ABB Ltd", Predicate: kg.PredStage, Value: "投产", Planned: true, Evidence: []kg.Evidence{{Document: "d/1 x", Sentence: 1, Start: 4, End: 6, Text: "投产"}}},
			{Subject: "enterprise/ABB Ltd", Predicate: kg.PredStage, Value: "投产", Evidence: []kg.Evidence{}},
		},
		indicators: []kg.Indicator{{ID: "indicator/d/10", Name: "x", Value: -1.5, Unit: "%", Evidence: []kg.Evidence{}},
			{ID: "indicator/d/2", Name: "y", Value: 2, Unit: "家", Evidence: []kg.Evidence{}}},
	}
	normalize(m)
	quads := encode(m, "全文")
	got, text := decode("d/1 x", quads)
	if text != "全文" {
		t.Errorf("text = %q", text)
	}
	if !reflect.DeepEqual(got, m) {
		t.Errorf("decode(encode(m)):\n got %+v\nwant %+v", got, m)
	}
	for _, q := range quads {
		for _, d := range quad.Directions {
			if i, ok := q.Get(d).(quad.IRI); ok {
				for _, c := range string(i) {
					if c == ' ' || c == '<' || c == '>' {
						t.Fatalf("bad IRI %q", i)
					}
				}
			}
		}
	}
}

func TestShortName(t *testing.T) {
	for in, want := range map[string]string{
		"京东方科技集团股份有限公司": "京东方",
		"京东方":           "京东方",
		"北京小米科技有限责任公司":  "小米",
		"施耐德电气（中国）有限公司": "施耐德电气",
		"ABB":  "abb",
		"北京科技": "北京科技",
	} {
		if got := shortName(in); got != want {
			t.Errorf("shortName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestPostgresThroughCayley checks that what our COPY writer puts into the
// tables is what Cayley's own SQL reader sees.
func TestPostgresThroughCayley(t *testing.T) {
	addr := testDatabase(t)
	ctx := context.Background()
	s, err := Open(ctx, addr)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	m := &docModel{doc: kg.Document{ID: "d", Title: "标题", Sentences: []kg.Span{{Start: 0, End: 2}}},
		entities:  []kg.Entity{{ID: "enterprise/京东方", Type: kg.TypeEnterprise, Name: "京东方", Aliases: []string{}}},
		relations: []kg.Relation{{Subject: "enterprise/京东方", Predicate: kg.PredStage, Value: "落地", Confidence: 0.5, Evidence: []kg.Evidence{{Document: "d", Sentence: 0, Start: 0, End: 2, Text: "落地"}}}},
	}
	// A second store on the same database whose index does not know what
	// the first one writes: its load of the same document must find the
	// quads there and add nothing twice.
	other, err := Open(ctx, addr)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	x := &kg.Extraction{Entities: m.entities, Relations: m.relations}
	doc := kg.Document{ID: "d", Title: "标题", Text: "落地", Sentences: m.doc.Sentences}
	if _, err := s.LoadDocument(ctx, doc, x); err != nil {
		t.Fatal(err)
	}
	if _, err := other.LoadDocument(ctx, doc, x); err != nil {
		t.Fatal(err)
	}
	var ours, theirs []string
	if err := s.eachQuad(ctx, func(q quad.Quad) { ours = append(ours, q.String()) }); err != nil {
		t.Fatal(err)
	}
	it := s.qs.QuadsAllIterator().Iterate()
	for it.Next(ctx) {
		q, err := s.qs.Quad(it.Result())
		if err != nil {
			t.Fatal(err)
		}
		theirs = append(theirs, q.String())
	}
	it.Close()
	var rows int
	s.pg.db.QueryRow(`SELECT count(*) FROM quads`).Scan(&rows)
	if want := len(encode(m, "落地")); rows != want {
		t.Errorf("%d quads stored, want %d (written twice?)", rows, want)
	}
	sort.Strings(ours)
	sort.Strings(theirs)
	if len(ours) == 0 || !reflect.DeepEqual(ours, theirs) {
		t.Errorf("our reader and Cayley's differ:\n%q\n%q", ours, theirs)
	}
	// Node reference counts: Cayley's node iterator lists exactly the
	// values in use.
	values := make(map[string]bool)
	for _, q := range encode(m, "落地") {
		for _, d := range quad.Directions {
			values[q.Get(d).String()] = true
		}
	}
	n := 0
	nit := s.qs.NodesAllIterator().Iterate()
	for nit.Next(ctx) {
		n++
	}
	nit.Close()
	if n != len(values) {
		t.Errorf("Cayley sees %d nodes, the quads use %d values", n, len(values))
	}
	if err := s.RemoveDocument(ctx, "d"); err != nil {
		t.Fatal(err)
	}
	var left int
	s.pg.db.QueryRow(`SELECT (SELECT count(*) FROM nodes) + (SELECT count(*) FROM quads)`).Scan(&left)
	if left != 0 {
		t.Errorf("%d rows left after removing the only document", left)
	}
}

// TestUnpackSharesStrings: a model read back from its packed form holds
// each of its repeated strings (an entity's id in its relations, the
// document's id and a sentence's text in every evidence) once, and is
// equal to the model packed.
func TestUnpackSharesStrings(t *testing.T) {
	ev := kg.Evidence{Document: "doc-1", Sentence: 3, Start: 10, End: 20, Text: "华擎动力新建电驱总装线项目开工。"}
	m := &docModel{
		doc:      kg.Document{ID: "doc-1", Title: "标题", Year: 2024},
		entities: []kg.Entity{{ID: "enterprise/华擎动力", Type: kg.TypeEnterprise, Name: "华擎动力", Aliases: []string{}}},
		relations: []kg.Relation{
			{Subject: "enterprise/华擎动力", Predicate: kg.PredHasProject, Object: "project/电驱总装线", Evidence: []kg.Evidence{ev}},
			{Subject: "project/电驱总装线", Predicate: kg.PredStage, Value: "开工", Evidence: []kg.Evidence{ev}},
		},
		indicators: []kg.Indicator{},
	}
	normalize(m)
	b, err := pack(m)
	if err != nil {
		t.Fatal(err)
	}
	u, err := unpack(b)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(u, m) {
		t.Fatalf("unpacked %+v\nwant %+v", u, m)
	}
	same := func(what, a, b string) {
		if unsafe.StringData(a) != unsafe.StringData(b) {
			t.Errorf("%s: two copies of %q", what, a)
		}
	}
	same("entity id in its relation", u.entities[0].ID, u.relations[0].Subject)
	same("project id as object and subject", u.relations[0].Object, u.relations[1].Subject)
	same("document id in evidence", u.doc.ID, u.relations[1].Evidence[0].Document)
	same("sentence text in two evidences", u.relations[0].Evidence[0].Text, u.relations[1].Evidence[0].Text)
}
