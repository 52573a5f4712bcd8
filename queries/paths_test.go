package queries

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/kgraph/kg"
	"github.com/kgraph/kg/queries/querytest"
)

// TestPathsProbeFindsTheSamePaths: looking for the other side in a layer
// before recording it must not change any answer. Every layer is probed
// (probeCost 0) and none is (probeCost beyond any layer), over pairs of a
// synthetic corpus whose industries are hubs.
func TestPathsProbeFindsTheSamePaths(t *testing.T) {
	ctx := context.Background()
	st, err := querytest.SyntheticStore(ctx, 60, 3)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s := New(st)
	firms, err := st.EntitiesOfType(ctx, kg.TypeEnterprise)
	if err != nil || len(firms) < 10 {
		t.Fatalf("%d firms, %v", len(firms), err)
	}
	defer func(c int) { probeCost = c }(probeCost)
	ask := func(cost int, p PathParams) string {
		probeCost = cost
		ps, err := s.Paths(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(ps)
		return string(b)
	}
	found := 0
	for i := 0; i < 40; i++ {
		p := PathParams{From: firms[(i*7)%len(firms)].ID, To: firms[(i*13+5)%len(firms)].ID, Limit: 20}
		probed, walked := ask(0, p), ask(1<<40, p)
		if probed != walked {
			t.Fatalf("%s to %s:\nprobed %s\nwalked %s", p.From, p.To, probed, walked)
		}
		if probed != "[]" {
			found++
		}
	}
	if found < 20 {
		t.Errorf("only %d of 40 pairs connected: the test asks too little", found)
	}
}
