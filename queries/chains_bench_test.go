package queries

import (
	"context"
	"flag"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/kgraph/kg"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/queries/querytest"
)

// BenchDB is a store to benchmark (e.g. bolt:/tmp/q1k.db, built by kg
// build) instead of synthetic documents; the external benchmarks read it
// too.
var BenchDB = flag.String("bench-db", "", "benchmark this store `ADDR` instead of synthetic documents")

// coldSizes are the corpus sizes the cold chain benchmarks compare: the
// claim under test is that a chain's answer costs what its size costs,
// whatever the size of the corpus around it.
var coldSizes = []int{100, 300, 1000}

var coldIndexes struct {
	sync.Mutex
	m map[int]*index
}

// coldIndex builds (once per size and test binary) the index of a synthetic
// store of n documents.
func coldIndex(b *testing.B, n int) *index {
	coldIndexes.Lock()
	defer coldIndexes.Unlock()
	if ix := coldIndexes.m[n]; ix != nil {
		return ix
	}
	ctx := context.Background()
	start := time.Now()
	st, err := openBenchStore(ctx, n)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	ix, err := buildIndex(ctx, st)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("%d documents loaded and indexed in %v", n, time.Since(start))
	if coldIndexes.m == nil {
		coldIndexes.m = map[int]*index{}
	}
	coldIndexes.m[n] = ix
	return ix
}

// forget drops every answer derived from the index, as a new index has none.
func (ix *index) forget() {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.fitsCache = map[fitsKey]*fitsEntry{}
	ix.tree = nil
	for _, n := range ix.order {
		n.infoOnce, n.info = sync.Once{}, nil
	}

}

// BenchmarkChainFirmsCold answers one chain on an index that has answered
// nothing yet (the first ask after a version change), for a chain of the
// largest answer and one of a middling answer, at each corpus size. The
// figure to read is ns/firm: flat across corpus sizes when the cost follows
// the answer (for pages: ns/B, the cost of a byte of answer).
func BenchmarkChainFirmsCold(b *testing.B) {
	for _, n := range benchSizes() {
		ix := coldIndex(b, n)
		var inds []*node
		for _, nd := range ix.order {
			if nd.Type == kg.TypeIndustry {
				inds = append(inds, nd)
			}
		}
		size := map[*node]int{}
		for _, nd := range inds {
			size[nd] = len(ix.fits(nd, true).firms)
		}
		slices.SortFunc(inds, func(a, c *node) int { return size[c] - size[a] })
		picks := []struct {
			name string
			n    *node
		}{{"largest", inds[0]}, {"middling", inds[len(inds)/8]}}
		for _, p := range picks {
			// rank: the ranked answer; brief: and its first page encoded
			// brief, as the UI asks; page: the same in full; whole: and
			// all of it encoded in one page.
			for _, kind := range []string{"rank", "brief", "page", "whole"} {
				b.Run(fmt.Sprintf("docs=%d/%s/%s", n, p.name, kind), func(b *testing.B) {
					limit := map[string]int{"brief": DefaultFirmsLimit, "page": DefaultFirmsLimit, "whole": MaxFirmsLimit}[kind]
					view := map[bool]View{true: Brief, false: Full}[kind == "brief"]
					var firms, bytes int
					for b.Loop() {
						b.StopTimer()
						ix.forget()
						b.StartTimer()
						f := ix.fits(p.n, true)
						firms = len(f.firms)
						if limit > 0 {
							enc, err := ix.page(f, 0, limit, view, true).JSON()
							if err != nil {
								b.Fatal(err)
							}
							bytes = len(enc)
						}
					}
					b.ReportMetric(float64(firms), "firms")
					if limit > 0 {
						// The page's firms, its size, and its cost per byte.
						b.ReportMetric(float64(min(firms, limit)), "shown")
						b.ReportMetric(float64(bytes)/1e3, "kB")
						b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(max(bytes, 1)), "ns/B")
					}
					b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(max(firms, 1)), "ns/firm")
				})
			}
		}
	}
}

// benchSizes are the corpus sizes to benchmark: coldSizes, or 0 for
// *BenchDB.
func benchSizes() []int {
	if *BenchDB != "" {
		return []int{0}
	}
	return coldSizes
}

// openBenchStore opens *BenchDB, else a synthetic store of n documents.
func openBenchStore(ctx context.Context, n int) (*graph.Store, error) {
	if *BenchDB != "" {
		return graph.Open(ctx, *BenchDB)
	}
	return querytest.SyntheticStore(ctx, n, 1)
}

// BenchmarkChainTreeCold warms a new index: every chain's answer, as a
// rebuild does before it publishes the index.
func BenchmarkChainTreeCold(b *testing.B) {
	for _, n := range benchSizes() {
		ix := coldIndex(b, n)
		b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) {
			for b.Loop() {
				ix.forget()
				ix.chainTree()
			}
		})
	}
}
