package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/kgraph/kg"
	"github.com/kgraph/kg/cmd/kg/internal/bench"
	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/queries"
	"github.com/kgraph/kg/web"
)

func runBench(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	sizes := fs.String("sizes", "100,1000,10000", "corpus sizes in documents, comma-separated")
	seed := fs.Uint64("seed", 1, "corpus seed")
	work := fs.String("work", filepath.Join(os.TempDir(), "kg-bench"), "working `DIR`: corpora (kept and reused), stores, peer files")
	out := fs.String("out", "bench", "`DIR` for bench.md, bench.json and bench.svg")
	backends := fs.String("backends", "bolt,mem,postgres", "backends to build into, comma-separated")
	pg := fs.String("pg", os.Getenv("KG_TEST_POSTGRES"), "PostgreSQL server `URL` for the postgres backend; a database kgbench_N is created for each size (default $KG_TEST_POSTGRES)")
	peers := fs.Bool("peers", true, "run python3-jieba, cayley load and cayley http beside the product")
	cayleyOwn := fs.Bool("cayley-own-store", false, "have cayley http serve a copy of the product's bolt file instead of a store loaded by cayley load (which is then not run: about an hour at 10,000 reports)")
	python := fs.String("python", "/usr/bin/python3", "python with jieba (Debian's python3-jieba)")
	jiebaMax := fs.Int("jieba-max", 2000, "documents segmented by jieba at most")
	prof := fs.Bool("profile", false, "keep each stage's CPU and heap profiles (pprof) under WORK/profiles")
	maxRSS := fs.Int64("max-rss", 6000, "stop a stage whose own resident memory (not counting mapped files) grows past this many `MB` (0: no limit)")
	memMax := fs.Int("mem-max-docs", 1000, "skip the mem backend above this many documents (it holds all in RAM)")
	var req bench.Request
	req.Flags(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: kg bench [--sizes 100,1000,10000] [--backends bolt,mem,postgres] [--pg URL] [--out DIR]")
		fmt.Fprintln(stderr, "Measures extraction, build, store size, peak memory and the questions' latency")
		fmt.Fprintln(stderr, "on synthetic corpora of growing size, beside jieba and Cayley's own tools.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: bench: unexpected arguments %q", errUsage, fs.Args())
	}
	deps := benchDeps()
	if req.Stage != "" {
		// A child: one stage, its figures as JSON on stdout.
		return json.NewEncoder(stdout).Encode(bench.RunStage(ctx, deps, req))
	}
	var ns []int
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			return fmt.Errorf("%w: bench: bad size %q in --sizes", errUsage, s)
		}
		ns = append(ns, n)
	}
	self, err := os.Executable()
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	cfg := bench.Config{
		Sizes: ns, Seed: *seed, Work: *work, Out: *out, Backends: strings.Split(*backends, ","), PG: *pg, MemMaxDocs: *memMax, MaxRSS: *maxRSS << 20, Profile: *prof,
		Samples: req.Samples, Clients: req.Clients, Peers: *peers, CayleyOwnStore: *cayleyOwn, Python: *python, JiebaMax: *jiebaMax,
		Self: []string{self, "bench"}, Serve: []string{self, "serve"}, Log: stderr,
	}
	fmt.Fprintf(stderr, "kg bench: sizes %v, backends %v, peers %v, work %s, out %s\n", ns, cfg.Backends, *peers, *work, *out)
	if _, err := bench.Run(ctx, deps, cfg); err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	fmt.Fprintf(stdout, "wrote %s, %s and %s\n", filepath.Join(*out, "bench.md"), filepath.Join(*out, "bench.json"), filepath.Join(*out, "bench.svg"))
	return nil
}

// benchDeps hands the product's parts to the benchmark. The questions in
// process and those through the HTTP API share one query service per store,
// so that the API is measured warm, as a server that has answered before.
func benchDeps() bench.Deps {
	var mu sync.Mutex
	services := map[*graph.Store]*queries.Service{}
	service := func(st *graph.Store) *queries.Service {
		mu.Lock()
		defer mu.Unlock()
		if services[st] == nil {
			services[st] = queries.New(st)
		}
		return services[st]
	}
	return bench.Deps{
		NewExtractor: func() (bench.Extractor, error) { return extract.New(extract.Options{}) },
		Open: func(ctx context.Context, addr string) (bench.Store, error) {
			ex, err := extract.New(extract.Options{})
			if err != nil {
				return nil, err
			}
			// As kg build opens it: for loading; the first question
			// builds the index that answers it.
			st, err := graph.Open(ctx, addr, graph.ForLoading())
			if err != nil {
				return nil, err
			}
			tents, trels := ex.Taxonomy().Graph()
			if _, err := st.LoadTaxonomy(ctx, tents, trels); err != nil {
				st.Close()
				return nil, fmt.Errorf("taxonomy: %w", err)
			}
			return st, nil
		},
		Build: func(ctx context.Context, s bench.Store, addr string, files []string, workers int) (bench.Store, bench.Built, error) {
			st, ok := s.(*graph.Store)
			if !ok {
				return nil, bench.Built{}, fmt.Errorf("build: not a graph store: %T", s)
			}
			ex, err := extract.New(extract.Options{})
			if err != nil {
				return nil, bench.Built{}, err
			}
			srcs := make([]source, len(files))
			for i, f := range files {
				srcs[i] = source{name: f}
			}
			// As kg build loads: in bulk into an empty bolt or PostgreSQL
			// store (the taxonomy Open loaded is written again into a bolt
			// one, and nothing is written when it is loaded again into any
			// other store).
			ld, bulk, err := startBuild(ctx, st, ex, srcs, false)
			if err != nil {
				return nil, bench.Built{}, err
			}
			if bulk != nil && st.Kind() == "bolt" {
				restore := limitHeap()
				defer restore() // the questions asked next hold the whole index
			}
			if bulk != nil {
				defer bulk.Abort()
			}
			var b bench.Built
			tot, err := buildFiles(ctx, ld, ex, srcs, workers, graph.DefaultBatchQuads, func(_ string, err error) {
				b.Errors++
				if b.FirstError == "" {
					b.FirstError = err.Error()
				}
			}, nil, func([]graph.LoadStats) {})
			b.Docs, b.Quads, b.Entities, b.Relations = tot.docs, int64(tot.added), tot.entities, tot.relations
			if err != nil || bulk == nil {
				return nil, b, err
			}
			// The bulk build replaced the store's file and closed it: the
			// questions are asked of what was built, opened as kg serve does.
			if err := bulk.Commit(); err != nil {
				return nil, b, err
			}
			built, err := graph.Open(ctx, addr)
			if err != nil {
				return nil, b, err
			}
			return built, b, nil
		},
		Questions: func(s bench.Store) bench.Questions { return benchQuestions{service(s.(*graph.Store))} },
		Handler: func(s bench.Store) (http.Handler, error) {
			st, ok := s.(*graph.Store)
			if !ok {
				return nil, fmt.Errorf("not a graph store: %T", s)
			}
			ex, err := extract.New(extract.Options{})
			if err != nil {
				return nil, err
			}
			// The measuring client must not be throttled.
			srv, err := web.New(web.Config{RateLimit: -1}, nil, service(st), st, ex)
			if err != nil {
				return nil, err
			}
			srv.SetReady(true) // the store is built
			return srv.Handler(), nil
		},
		GizmoChainFirms: gizmoChainFirms,
	}
}

// benchQuestions asks the analysts' questions through the query service.
type benchQuestions struct{ q *queries.Service }

func (b benchQuestions) ChainFirms(ctx context.Context, chain string) (int, error) {
	r, err := b.q.ChainFirms(ctx, chain, true)
	if err != nil {
		return 0, err
	}
	return len(r.Firms), nil
}

func (b benchQuestions) Entity(ctx context.Context, id string) (int, error) {
	r, err := b.q.Entity(ctx, id)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, rs := range r.Relations {
		n += len(rs)
	}
	return n, nil
}

func (b benchQuestions) Subgraph(ctx context.Context, seed string, hops int) (int, error) {
	g, err := b.q.Graph(ctx, queries.GraphParams{Seed: seed, Hops: hops})
	if err != nil {
		return 0, err
	}
	return len(g.Nodes), nil
}

func (b benchQuestions) Path(ctx context.Context, from, to string) (int, error) {
	ps, err := b.q.Paths(ctx, queries.PathParams{From: from, To: to})
	if err != nil {
		return 0, err
	}
	return len(ps), nil
}

// gizmoChainFirms is the chain-firms question as a Gizmo query over the
// product's quads (graph's mapping: skos:broader for the taxonomy, the
// product's namespace for inIndustry and the types), for `cayley http`.
// The names are emitted as one array: `cayley http` cuts a query's results
// at 100 and has no flag to change that, while ToArray has no limit.
func gizmoChainFirms(chainID string) string {
	iri := func(s string) string { return strconv.Quote("<" + s + ">") }
	chain := iri(graph.Base + "id/" + chainID)
	return fmt.Sprintf(`g.Emit(g.V(%s).Union(g.V(%s).FollowRecursive(g.M().In(%s))).In(%s).Has(%s, %s).Unique().ToArray())`,
		chain, chain, iri("http://www.w3.org/2004/02/skos/core#broader"), iri(graph.Base+"ns#"+kg.PredInIndustry),
		iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), iri(graph.Base+"ns#"+kg.TypeEnterprise))
}
