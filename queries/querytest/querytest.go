// Package querytest builds small real stores for the tests of queries, web
// and cmd/kg: hand-written extractions of two documents in the genre, with
// evidence offsets that point into their text, loaded into graph.Open.
package querytest

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kgraph/kg"
	"github.com/kgraph/kg/graph"
)

// Doc builds a document from its sentences, which are joined without
// separators; sentence i spans Sentences[i].
func Doc(id, title string, year int, sentences ...string) kg.Document {
	d := kg.Document{ID: id, Title: title, Year: year, Source: id + ".txt"}
	var b strings.Builder
	pos := 0
	for _, s := range sentences {
		n := utf8.RuneCountInString(s)
		d.Sentences = append(d.Sentences, kg.Span{Start: pos, End: pos + n})
		b.WriteString(s)
		pos += n
	}
	d.Text = b.String()
	return d
}

// Ev is the evidence of sentence i of d: the whole sentence.
func Ev(d kg.Document, i int) []kg.Evidence {
	sp := d.Sentences[i]
	r := []rune(d.Text)
	return []kg.Evidence{{Document: d.ID, Sentence: i, Start: sp.Start, End: sp.End, Text: string(r[sp.Start:sp.End])}}
}

func ent(typ, name string, aliases ...string) kg.Entity {
	if aliases == nil {
		aliases = []string{}
	}
	return kg.Entity{ID: strings.ToLower(typ) + "/" + name, Type: typ, Name: name, Aliases: aliases}
}

func industry(name string, level int, segment string) kg.Entity {
	e := ent(kg.TypeIndustry, name)
	e.Attrs = map[string]string{"level": fmt.Sprint(level)}
	if segment != "" {
		e.Attrs["segment"] = segment
	}
	return e
}

func rel(s, p, o string, conf float64, ev []kg.Evidence) kg.Relation {
	return kg.Relation{Subject: s, Predicate: p, Object: o, Confidence: conf, Evidence: ev}
}

func stage(s, v string, planned bool, ev []kg.Evidence) kg.Relation {
	return kg.Relation{Subject: s, Predicate: kg.PredStage, Value: v, Planned: planned, Confidence: 0.9, Evidence: ev}
}

// Fixture returns two extractions: zone-2022 and zone-2023, one document
// each. Chains: 新一代信息技术 > 集成电路 > 集成电路装备 (上游), and
// 生物技术和大健康. Firms: 京东方 (stated, project 京东方B20 落地 in 2022 and
// 封顶 in 2023), 晶澜精密 (stated, in 集成电路装备), 云岫半导体 (inferred),
// 诺和诺德 (Novo Nordisk). 同仁医院 is an organization.
func Fixture() []*kg.Extraction {
	a := Doc("zone-2022", "示范区管委会2022年度工作总结", 2022,
		"新一代信息技术产业做强做优。",
		"京东方B20重大项目落地。",
		"晶澜精密集成电路装备项目开工建设。",
		"云岫半导体等一批项目签约。",
		"北京京东方科技集团股份有限公司（BOE）位于亦庄新城。",
		"地区生产总值同比增长8%。",
		"亦庄新城位于大兴区。",
	)
	b := Doc("zone-2023", "示范区管委会2023年度工作总结", 2023,
		"京东方B20项目主体结构封顶。",
		"生物技术和大健康产业加快发展，同仁医院合作推进。",
		"诺和诺德（Novo Nordisk）扩产项目竣工。",
		"研发投入同比增长12.5%。",
	)
	xa := &kg.Extraction{
		Documents: []kg.Document{a},
		Entities: []kg.Entity{
			industry("新一代信息技术", 1, ""),
			industry("集成电路", 2, ""),
			industry("集成电路装备", 3, "上游"),
			ent(kg.TypeEnterprise, "京东方", "北京京东方科技集团股份有限公司", "BOE"),
			ent(kg.TypeEnterprise, "晶澜精密"),
			ent(kg.TypeEnterprise, "云岫半导体"),
			ent(kg.TypeProject, "京东方B20", "B20"),
			ent(kg.TypeProject, "晶澜精密集成电路装备项目"),
			ent(kg.TypePlace, "亦庄新城"),
			ent(kg.TypePlace, "大兴区"),
		},
		Relations: []kg.Relation{
			rel("industry/集成电路", kg.PredSubIndustryOf, "industry/新一代信息技术", 1, Ev(a, 0)),
			rel("industry/集成电路装备", kg.PredSubIndustryOf, "industry/集成电路", 1, Ev(a, 2)),
			rel("enterprise/京东方", kg.PredInIndustry, "industry/新一代信息技术", 0.9, Ev(a, 1)),
			rel("enterprise/京东方", kg.PredHasProject, "project/京东方B20", 0.9, Ev(a, 1)),
			rel("project/京东方B20", kg.PredInIndustry, "industry/新一代信息技术", 0.9, Ev(a, 1)),
			stage("project/京东方B20", "落地", false, Ev(a, 1)),
			rel("enterprise/晶澜精密", kg.PredInIndustry, "industry/集成电路装备", 0.8, Ev(a, 2)),
			rel("enterprise/晶澜精密", kg.PredHasProject, "project/晶澜精密集成电路装备项目", 0.9, Ev(a, 2)),
			stage("project/晶澜精密集成电路装备项目", "开工", false, Ev(a, 2)),
			{Subject: "enterprise/云岫半导体", Predicate: kg.PredInIndustry, Object: "industry/集成电路", Confidence: 0.5, Inferred: true, Evidence: Ev(a, 3)},
			stage("enterprise/云岫半导体", "签约", false, Ev(a, 3)),
			rel("enterprise/京东方", kg.PredLocatedIn, "place/亦庄新城", 0.9, Ev(a, 4)),
			rel("place/亦庄新城", kg.PredPartOf, "place/大兴区", 0.9, Ev(a, 6)),
		},
		Indicators: []kg.Indicator{
			{ID: "indicator/zone-2022/1", Name: "地区生产总值", Value: 8, Unit: "%", Measure: "同比增长", Year: 2022, Evidence: Ev(a, 5)},
		},
	}
	xb := &kg.Extraction{
		Documents: []kg.Document{b},
		Entities: []kg.Entity{
			ent(kg.TypeProject, "京东方B20", "B20"),
			ent(kg.TypeEnterprise, "京东方"),
			industry("生物技术和大健康", 1, ""),
			ent(kg.TypeOrganization, "同仁医院"),
			ent(kg.TypeEnterprise, "诺和诺德", "Novo Nordisk"),
			ent(kg.TypeProject, "诺和诺德扩产项目"),
		},
		Relations: []kg.Relation{
			rel("enterprise/京东方", kg.PredHasProject, "project/京东方B20", 0.9, Ev(b, 0)),
			stage("project/京东方B20", "封顶", false, Ev(b, 0)),
			rel("organization/同仁医院", kg.PredInIndustry, "industry/生物技术和大健康", 0.8, Ev(b, 1)),
			rel("enterprise/诺和诺德", kg.PredInIndustry, "industry/生物技术和大健康", 0.9, Ev(b, 2)),
			rel("enterprise/诺和诺德", kg.PredHasProject, "project/诺和诺德扩产项目", 0.9, Ev(b, 2)),
			stage("project/诺和诺德扩产项目", "竣工", false, Ev(b, 2)),
		},
		Indicators: []kg.Indicator{
			{ID: "indicator/zone-2023/1", Name: "研发投入", Value: 12.5, Unit: "%", Measure: "同比增长", Year: 2023, Evidence: Ev(b, 3)},
		},
	}
	return []*kg.Extraction{xa, xb}
}

// Load loads extractions into a store, one document each, in batches where
// the store can.
func Load(ctx context.Context, st graph.Writer, xs []*kg.Extraction) error {
	if b, ok := st.(interface {
		LoadDocuments(context.Context, []graph.Input, func([]graph.LoadStats)) ([]graph.LoadStats, error)
	}); ok {
		in := make([]graph.Input, len(xs))
		for i, x := range xs {
			in[i] = graph.Input{Doc: x.Documents[0], X: x}
		}
		_, err := b.LoadDocuments(ctx, in, nil)
		return err
	}
	for _, x := range xs {
		if _, err := st.LoadDocument(ctx, x.Documents[0], x); err != nil {
			return err
		}
	}
	return nil
}

// Open opens a store at addr ("mem:" or "bolt:"+a file in t.TempDir()),
// loads the fixture into it and closes it when the test ends.
func Open(t testing.TB, addr string) *graph.Store {
	t.Helper()
	ctx := context.Background()
	st, err := graph.Open(ctx, addr)
	if err != nil {
		t.Fatalf("open %s: %v", addr, err)
	}
	t.Cleanup(func() { st.Close() })
	if err := Load(ctx, st, Fixture()); err != nil {
		t.Fatalf("load fixture: %v", err)
	}
	return st
}
