package web_test

import (
	"context"
	"flag"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/kgraph/kg"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/queries"
	"github.com/kgraph/kg/queries/querytest"
	"github.com/kgraph/kg/web"
)

var benchDocs = flag.Int("bench-docs", 1000, "synthetic documents in the benchmark store")

var benchServer struct {
	once sync.Once
	h    http.Handler
	st   *graph.Store
	err  error
}

// openBench builds a store of synthetic documents and a ready server once
// per test binary.
func openBench(b *testing.B) (http.Handler, *graph.Store) {
	benchServer.once.Do(func() {
		ctx := context.Background()
		st, err := querytest.SyntheticStore(ctx, *benchDocs, 1)
		if err != nil {
			benchServer.err = err
			return
		}
		q := queries.New(st)
		if err := q.Refresh(ctx); err != nil {
			benchServer.err = err
			return
		}
		srv, err := web.New(web.Config{}, nil, q, st, nil)
		if err != nil {
			benchServer.err = err
			return
		}
		srv.SetReady(true)
		benchServer.h, benchServer.st = srv.Handler(), st
	})
	if benchServer.err != nil {
		b.Fatal(benchServer.err)
	}
	return benchServer.h, benchServer.st
}

// benchGet requests paths in turn through the whole handler (routing,
// middleware, JSON), reporting p50 and p99 latency.
func benchGet(b *testing.B, h http.Handler, paths []string) {
	var l []time.Duration
	i := 0
	for b.Loop() {
		req := httptest.NewRequest("GET", paths[i%len(paths)], nil)
		rec := httptest.NewRecorder()
		t := time.Now()
		h.ServeHTTP(rec, req)
		l = append(l, time.Since(t))
		if rec.Code != http.StatusOK {
			b.Fatalf("GET %s: %d %s", req.URL, rec.Code, rec.Body.String())
		}
		i++
	}
	slices.Sort(l)
	b.ReportMetric(float64(l[len(l)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(l[len(l)*99/100].Microseconds()), "p99-µs")
}

func BenchmarkHTTPChainFirms(b *testing.B) {
	h, st := openBench(b)
	inds, err := st.EntitiesOfType(context.Background(), kg.TypeIndustry)
	if err != nil {
		b.Fatal(err)
	}
	var paths []string
	for _, e := range inds {
		paths = append(paths, "/api/v1/chains/"+url.PathEscape(e.ID)+"/firms")
	}
	// The first request for a chain after the graph changed computes and
	// encodes its answer; later ones reuse it. Report the first pass apart.
	var cold []time.Duration
	for _, p := range paths {
		t := time.Now()
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", p, nil))
		cold = append(cold, time.Since(t))
	}
	slices.Sort(cold)
	b.Logf("first request per chain (%d chains): p50 %v, max %v", len(cold), cold[len(cold)/2], cold[len(cold)-1])
	benchGet(b, h, paths)
}

func BenchmarkHTTPEntity(b *testing.B) {
	h, st := openBench(b)
	ents, err := st.EntitiesOfType(context.Background(), kg.TypeEnterprise)
	if err != nil {
		b.Fatal(err)
	}
	var paths []string
	for i := 0; i < 1000; i++ {
		paths = append(paths, "/api/v1/entities/"+url.PathEscape(ents[(i*7919)%len(ents)].ID))
	}
	benchGet(b, h, paths)
}
