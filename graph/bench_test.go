package graph_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/extract/synth"
	"github.com/kgraph/kg/graph"
)

// synthInputs extracts n generated reports.
func synthInputs(b testing.TB, n int) []graph.Input {
	ex, err := extract.New(extract.Options{})
	if err != nil {
		b.Fatal(err)
	}
	g := synth.New(synth.Options{Seed: 1})
	out := make([]graph.Input, 0, n)
	for i := 0; i < n; i++ {
		d := g.Generate(i)
		x, err := ex.Extract(d.Name+".txt", d.Data)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, graph.Input{Doc: x.Documents[0], X: x})
	}
	return out
}

func BenchmarkLoadDocs(b *testing.B) {
	in := synthInputs(b, 100)
	for _, backend := range []string{"mem", "bolt"} {
		b.Run(backend, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				addr := "mem:"
				if backend == "bolt" {
					addr = "bolt:" + filepath.Join(b.TempDir(), "kg.db")
				}
				s, err := graph.Open(context.Background(), addr)
				if err != nil {
					b.Fatal(err)
				}
				quads := 0
				_, err = s.LoadDocuments(context.Background(), in, func(st []graph.LoadStats) {
					for _, x := range st {
						quads += x.Added
					}
				})
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(quads)/b.Elapsed().Seconds()*float64(i+1)/float64(b.N), "quads/s")
				s.Close()
				_ = fmt.Sprint()
			}
		})
	}
}
