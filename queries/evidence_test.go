package queries

import (
	"math/rand/v2"
	"slices"
	"sort"
	"testing"

	"github.com/kgraph/kg"
)

// oldMergeEvidence is the merge normEvidence replaced: dedup on first sight,
// then a stable sort by document and start.
func oldMergeEvidence(evs []kg.Evidence) []kg.Evidence {
	out := []kg.Evidence{}
	seen := map[[3]any]bool{}
	for _, ev := range evs {
		k := [3]any{ev.Document, ev.Start, ev.End}
		if !seen[k] {
			seen[k] = true
			out = append(out, ev)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Document != out[j].Document {
			return out[i].Document < out[j].Document
		}
		return out[i].Start < out[j].Start
	})
	return out
}

func TestNormEvidence(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		evs := make([]kg.Evidence, rng.IntN(8))
		for i := range evs {
			evs[i] = kg.Evidence{Document: string(rune('a' + rng.IntN(3))), Start: rng.IntN(3), End: rng.IntN(3), Sentence: i}
		}
		want := oldMergeEvidence(evs)
		got := normEvidence(slices.Clone(evs))
		if !slices.Equal(got, want) {
			t.Fatalf("normEvidence(%v) = %v, want %v", evs, got, want)
		}
	}
}
