package queries_test

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
	"github.com/kgraph/kg/queries"
	"github.com/kgraph/kg/queries/querytest"
)

var benchDocs = flag.Int("bench-docs", 1000, "synthetic documents in the benchmark store")

// benchStore is built once per test binary: loading 1,000 documents takes
// seconds, and every benchmark reads the same store.
var benchStore struct {
	once sync.Once
	st   *graph.Store
	err  error
}

func openBench(b *testing.B) *graph.Store {
	benchStore.once.Do(func() {
		start := time.Now()
		if *queries.BenchDB != "" {
			benchStore.st, benchStore.err = graph.Open(context.Background(), *queries.BenchDB)
			return
		}
		benchStore.st, benchStore.err = querytest.SyntheticStore(context.Background(), *benchDocs, 1)
		fmt.Printf("loaded %d synthetic documents in %v\n", *benchDocs, time.Since(start))
	})
	if benchStore.err != nil {
		b.Fatal(benchStore.err)
	}
	return benchStore.st
}

// measure runs op in a benchmark loop, timing each call, and reports the
// p50 and p99 latency beside the mean.
func measure(b *testing.B, op func(i int) error) {
	var l []time.Duration
	i := 0
	for b.Loop() {
		t := time.Now()
		if err := op(i); err != nil {
			b.Fatal(err)
		}
		l = append(l, time.Since(t))
		i++
	}
	slices.Sort(l)
	b.ReportMetric(float64(l[len(l)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(l[len(l)*99/100].Microseconds()), "p99-µs")
}

// service returns a Service over the benchmark store with its index built.
func service(b *testing.B) (*queries.Service, *graph.Store) {
	st := openBench(b)
	s := queries.New(st)
	if err := s.Refresh(context.Background()); err != nil {
		b.Fatal(err)
	}
	return s, st
}

func BenchmarkIndexBuild(b *testing.B) {
	st := openBench(b)
	ctx := context.Background()
	for b.Loop() {
		if err := queries.New(st).Refresh(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

// chainIDs lists every chain of the benchmark store's tree, small and
// large answers.
func chainIDs(b *testing.B, s *queries.Service) []string {
	tree, err := s.Chains(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	var chains []string
	var walk func([]queries.ChainNode)
	walk = func(ns []queries.ChainNode) {
		for _, n := range ns {
			chains = append(chains, n.ID)
			walk(n.Children)
		}
	}
	walk(tree)
	b.Logf("%d chains; the largest has %d firms", len(chains), tree[0].Firms)
	return chains
}

func BenchmarkChainFirms(b *testing.B) {
	s, _ := service(b)
	ctx := context.Background()
	chains := chainIDs(b, s)
	measure(b, func(i int) error {
		_, err := s.ChainFirms(ctx, chains[i%len(chains)], true)
		return err
	})
}

// BenchmarkChainFirmsPage asks what the HTTP API serves: a chain's first
// page (the default size), encoded, in the brief view the browser asks
// for and in full.
func BenchmarkChainFirmsPage(b *testing.B) {
	s, _ := service(b)
	ctx := context.Background()
	chains := chainIDs(b, s)
	for _, view := range []queries.View{queries.Brief, queries.Full} {
		b.Run(map[queries.View]string{queries.Brief: "brief", queries.Full: "full"}[view], func(b *testing.B) {
			measure(b, func(i int) error {
				p, err := s.ChainFirmsPage(ctx, chains[i%len(chains)], true, 0, 0, view)
				if err == nil {
					_, err = p.JSON()
				}
				return err
			})
		})
	}
}

// firms lists the benchmark store's enterprises.
func firms(b *testing.B, st *graph.Store) []kg.Entity {
	ents, err := st.EntitiesOfType(context.Background(), kg.TypeEnterprise)
	if err != nil {
		b.Fatal(err)
	}
	return ents
}

func BenchmarkEntity(b *testing.B) {
	s, st := service(b)
	ents := firms(b, st)
	measure(b, func(i int) error {
		_, err := s.Entity(context.Background(), ents[(i*7919)%len(ents)].ID)
		return err
	})
}

func BenchmarkSearch(b *testing.B) {
	s, _ := service(b)
	qs := []string{"华海", "科技1", "半导体", "星辰微"}
	measure(b, func(i int) error {
		_, err := s.Search(context.Background(), queries.SearchParams{Q: qs[i%len(qs)], Limit: 50})
		return err
	})
}

func BenchmarkGraph2Hops(b *testing.B) {
	s, st := service(b)
	ents := firms(b, st)
	measure(b, func(i int) error {
		_, err := s.Graph(context.Background(), queries.GraphParams{Seed: ents[(i*7919)%len(ents)].ID, Hops: 2, Limit: 300})
		return err
	})
}

func BenchmarkPaths(b *testing.B) {
	s, st := service(b)
	ents := firms(b, st)
	measure(b, func(i int) error {
		_, err := s.Paths(context.Background(), queries.PathParams{From: ents[(i*7919)%len(ents)].ID, To: ents[(i*104729+1)%len(ents)].ID})
		return err
	})
}
