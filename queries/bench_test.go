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
		ctx := context.Background()
		xs, err := querytest.Synthetic(*benchDocs, 1)
		if err != nil {
			benchStore.err = err
			return
		}
		st, err := graph.Open(ctx, "mem:")
		if err != nil {
			benchStore.err = err
			return
		}
		start := time.Now()
		benchStore.err = querytest.Load(ctx, st, xs)
		benchStore.st = st
		fmt.Printf("loaded %d synthetic documents in %v\n", len(xs), time.Since(start))
	})
	if benchStore.err != nil {
		b.Fatal(benchStore.err)
	}
	return benchStore.st
}

// latencies records each operation's time and reports p50 and p99.
type latencies []time.Duration

func (l latencies) report(b *testing.B) {
	if len(l) == 0 {
		return
	}
	slices.Sort(l)
	b.ReportMetric(float64(l[len(l)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(l[len(l)*99/100].Microseconds()), "p99-µs")
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

func BenchmarkChainFirms(b *testing.B) {
	st := openBench(b)
	ctx := context.Background()
	s := queries.New(st)
	if err := s.Refresh(ctx); err != nil {
		b.Fatal(err)
	}
	tree, err := s.Chains(ctx)
	if err != nil {
		b.Fatal(err)
	}
	// Every chain below the root, in turn: small and large answers.
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
	var l latencies
	i := 0
	for b.Loop() {
		t := time.Now()
		if _, err := s.ChainFirms(ctx, chains[i%len(chains)], true); err != nil {
			b.Fatal(err)
		}
		l = append(l, time.Since(t))
		i++
	}
	l.report(b)
}

func BenchmarkEntity(b *testing.B) {
	st := openBench(b)
	ctx := context.Background()
	s := queries.New(st)
	if err := s.Refresh(ctx); err != nil {
		b.Fatal(err)
	}
	ents, err := st.EntitiesOfType(ctx, kg.TypeEnterprise)
	if err != nil {
		b.Fatal(err)
	}
	var l latencies
	i := 0
	for b.Loop() {
		t := time.Now()
		if _, err := s.Entity(ctx, ents[(i*7919)%len(ents)].ID); err != nil {
			b.Fatal(err)
		}
		l = append(l, time.Since(t))
		i++
	}
	l.report(b)
}

func BenchmarkSearch(b *testing.B) {
	st := openBench(b)
	ctx := context.Background()
	s := queries.New(st)
	if err := s.Refresh(ctx); err != nil {
		b.Fatal(err)
	}
	var l latencies
	qs := []string{"华海", "科技1", "半导体", "星辰微"}
	i := 0
	for b.Loop() {
		t := time.Now()
		if _, err := s.Search(ctx, queries.SearchParams{Q: qs[i%len(qs)], Limit: 50}); err != nil {
			b.Fatal(err)
		}
		l = append(l, time.Since(t))
		i++
	}
	l.report(b)
}

func BenchmarkGraph2Hops(b *testing.B) {
	st := openBench(b)
	ctx := context.Background()
	s := queries.New(st)
	if err := s.Refresh(ctx); err != nil {
		b.Fatal(err)
	}
	ents, _ := st.EntitiesOfType(ctx, kg.TypeEnterprise)
	var l latencies
	i := 0
	for b.Loop() {
		t := time.Now()
		if _, err := s.Graph(ctx, queries.GraphParams{Seed: ents[(i*7919)%len(ents)].ID, Hops: 2, Limit: 300}); err != nil {
			b.Fatal(err)
		}
		l = append(l, time.Since(t))
		i++
	}
	l.report(b)
}

func BenchmarkPaths(b *testing.B) {
	st := openBench(b)
	ctx := context.Background()
	s := queries.New(st)
	if err := s.Refresh(ctx); err != nil {
		b.Fatal(err)
	}
	ents, _ := st.EntitiesOfType(ctx, kg.TypeEnterprise)
	var l latencies
	i := 0
	for b.Loop() {
		t := time.Now()
		if _, err := s.Paths(ctx, queries.PathParams{From: ents[(i*7919)%len(ents)].ID, To: ents[(i*104729+1)%len(ents)].ID}); err != nil {
			b.Fatal(err)
		}
		l = append(l, time.Since(t))
		i++
	}
	l.report(b)
}
