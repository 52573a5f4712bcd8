package queries

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"github.com/kgraph/kg"
	"github.com/kgraph/kg/queries/querytest"
)

// TestEncodeFit: a fit encoded from its shared parts is what json.Marshal
// makes of it, for every firm of every chain, stated and inferred.
func TestEncodeFit(t *testing.T) {
	ctx := context.Background()
	fixture := querytest.Open(t, "mem:")
	synth, err := querytest.SyntheticStore(ctx, 30, 5)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { synth.Close() })
	for name, st := range map[string]Reader{"fixture": fixture, "synthetic": synth} {
		ix, err := buildIndex(ctx, st)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, ind := range ix.order {
			if ind.Type != kg.TypeIndustry {
				continue
			}
			for _, inferred := range []bool{true, false} {
				f := ix.fits(ind, inferred)
				for i := range f.firms {
					want, err := json.Marshal(&f.firms[i])
					if err != nil {
						t.Fatal(err)
					}
					got, err := f.frags[i].encode(&f.firms[i], f.infos[i])
					if err != nil {
						t.Fatal(err)
					}
					if !bytes.Equal(got, want) {
						t.Fatalf("%s: %s: firm %d encoded\n%s\nwant\n%s", name, ind.ID, i, got, want)
					}
					n++
				}
			}
		}
		if n < 10 {
			t.Errorf("%s: only %d fits compared", name, n)
		}
	}
}

// TestEncodeFitAllFields: every optional field set, and none.
func TestEncodeFitAllFields(t *testing.T) {
	ev := []kg.Evidence{{Document: "d", Sentence: 1, Start: 2, End: 5, Text: `<a href="x">&</a>`}}
	full := FirmFit{
		Entity:   kg.Entity{ID: "enterprise/a", Type: kg.TypeEnterprise, Name: "甲", Aliases: []string{"A"}, Attrs: map[string]string{"k": "v"}},
		Segment:  "上游",
		Chain:    Ref{ID: "industry/b", Name: "乙"},
		Inferred: true, Confidence: 0.25,
		Via:          &Ref{ID: "project/c", Type: kg.TypeProject, Name: "丙"},
		Evidence:     ev,
		Projects:     []ProjectRef{{Entity: kg.Entity{ID: "project/c", Name: "丙"}, Stage: "开工", Planned: true, Year: 2023, StageEvidence: ev}},
		ProjectCount: 12, Stage: "签约", Planned: true, StageEvid: ev,
	}
	for _, ff := range []FirmFit{full, {Entity: kg.Entity{ID: "enterprise/z"}, Projects: []ProjectRef{}, Evidence: []kg.Evidence{}}} {
		want, err := json.Marshal(&ff)
		if err != nil {
			t.Fatal(err)
		}
		got, err := encodeFit(&ff, &firmInfo{})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("encoded\n%s\nwant\n%s", got, want)
		}
	}
}
