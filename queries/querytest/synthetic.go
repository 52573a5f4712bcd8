package querytest

import (
	"context"
	"fmt"
	"math/rand/v2"

	"github.com/kgraph/kg"
	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/graph"
)

// Synthetic returns n extractions of made-up reports for benchmarks: each
// names about 40 firms of a pool shared across reports (so firms recur and
// merge), their industries from the embedded taxonomy (a fifth of the fits
// inferred), about 25 projects with stages, places and a few indicators. The
// first extraction also carries the taxonomy. It is deterministic for a seed.
func Synthetic(n int, seed uint64) ([]*kg.Extraction, error) {
	tax, err := extract.LoadTaxonomy("")
	if err != nil {
		return nil, err
	}
	tents, trels := tax.Graph()
	var leaves []kg.Entity
	for _, nd := range tax.Nodes {
		if nd.Level >= 2 {
			leaves = append(leaves, nd.Entity())
		}
	}
	rng := rand.New(rand.NewPCG(seed, 7))
	syll := []rune("晶澜云岫芯源星辰微电子智联恒润博瑞天启中科长风云图创新源宇航通达安泰明远嘉禾")
	desc := []string{"科技", "半导体", "生物", "医药", "智能", "新能源", "材料", "装备", "信息", "汽车"}
	const pool = 20000
	firmName := func(i int) string {
		r := rand.New(rand.NewPCG(uint64(i), 99))
		name := []rune{}
		for k := 0; k < 2+r.IntN(2); k++ {
			name = append(name, syll[r.IntN(len(syll))])
		}
		return fmt.Sprintf("%s%s%d", string(name), desc[r.IntN(len(desc))], i)
	}
	kinds := []string{"研发中心", "生产基地", "总部", "产业园", "智造基地", "创新中心"}
	out := make([]*kg.Extraction, 0, n)
	for d := 0; d < n; d++ {
		zone := fmt.Sprintf("第%d开发区", d%200)
		year := 2018 + d%6
		id := fmt.Sprintf("synth-%05d", d)
		var sents []string
		type fact struct {
			firm, ind, proj int
			stage           string
			inferred        bool
		}
		var facts []fact
		sents = append(sents, fmt.Sprintf("%s%d年度工作总结。", zone, year))
		for k := 0; k < 40; k++ {
			f := rng.IntN(pool)
			fc := fact{firm: f, ind: f % len(leaves), proj: -1, inferred: rng.IntN(5) == 0}
			if k < 25 {
				fc.proj = rng.IntN(3)
				fc.stage = kg.Stages[rng.IntN(len(kg.Stages))]
				sents = append(sents, fmt.Sprintf("%s%s%s二期项目%s。", firmName(f), leaves[fc.ind].Name, kinds[fc.proj], fc.stage))
			} else {
				sents = append(sents, fmt.Sprintf("%s加快发展%s。", firmName(f), leaves[fc.ind].Name))
			}
			facts = append(facts, fc)
		}
		sents = append(sents, "地区生产总值同比增长6.5%。")
		doc := Doc(id, zone+fmt.Sprint(year)+"年度工作总结", year, sents...)
		x := &kg.Extraction{Documents: []kg.Document{doc}}
		if d == 0 {
			x.Entities = append(x.Entities, tents...)
			x.Relations = append(x.Relations, trels...)
		}
		place := ent(kg.TypePlace, zone)
		x.Entities = append(x.Entities, place)
		seen := map[string]bool{}
		for k, fc := range facts {
			ev := Ev(doc, k+1)
			firm := ent(kg.TypeEnterprise, firmName(fc.firm), firmName(fc.firm)+"有限公司")
			if !seen[firm.ID] {
				seen[firm.ID] = true
				x.Entities = append(x.Entities, firm)
			}
			ind := leaves[fc.ind]
			conf := 0.9
			if fc.inferred {
				conf = 0.5
			}
			x.Relations = append(x.Relations,
				kg.Relation{Subject: firm.ID, Predicate: kg.PredInIndustry, Object: ind.ID, Confidence: conf, Inferred: fc.inferred, Evidence: ev},
				kg.Relation{Subject: firm.ID, Predicate: kg.PredLocatedIn, Object: place.ID, Confidence: 0.8, Evidence: ev})
			if fc.proj >= 0 {
				p := ent(kg.TypeProject, firmName(fc.firm)+ind.Name+kinds[fc.proj])
				if !seen[p.ID] {
					seen[p.ID] = true
					x.Entities = append(x.Entities, p)
				}
				x.Relations = append(x.Relations,
					kg.Relation{Subject: firm.ID, Predicate: kg.PredHasProject, Object: p.ID, Confidence: 0.9, Evidence: ev},
					kg.Relation{Subject: p.ID, Predicate: kg.PredInIndustry, Object: ind.ID, Confidence: conf, Inferred: fc.inferred, Evidence: ev},
					kg.Relation{Subject: p.ID, Predicate: kg.PredStage, Value: fc.stage, Confidence: 0.9, Evidence: ev})
			}
		}
		x.Indicators = []kg.Indicator{{ID: "indicator/" + id + "/1", Name: "地区生产总值", Value: 6.5, Unit: "%",
			Measure: "同比增长", Subject: place.ID, Year: year, Evidence: Ev(doc, len(sents)-1)}}
		out = append(out, x)
	}
	return out, nil
}

// SyntheticStore opens a memory store holding n synthetic documents, the
// store the query and HTTP benchmarks share.
func SyntheticStore(ctx context.Context, n int, seed uint64) (*graph.Store, error) {
	xs, err := Synthetic(n, seed)
	if err != nil {
		return nil, err
	}
	st, err := graph.Open(ctx, "mem:")
	if err != nil {
		return nil, err
	}
	if err := Load(ctx, st, xs); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}
