package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/kgraph/kg"
	"github.com/kgraph/kg/cmd/kg/internal/memory"
	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/queries"
	"github.com/kgraph/kg/web"
)

// serveConfig is everything kg serve is configured with, read from flags
// and the environment here and nowhere else.
type serveConfig struct {
	DB    string
	Empty bool
	// MaxMemory is the soft memory limit in MB (0: three quarters of the
	// machine's; negative: none; GOMEMLIMIT wins).
	MaxMemory int64
	Extract   *extract.Options // taxonomy and input limits
	LogJSON   bool
	Web       web.Config
}

func defaultServeConfig() serveConfig {
	return serveConfig{DB: graph.DefaultAddr, Web: web.DefaultConfig(), Extract: &extract.Options{}}
}

// logValue masks the token.
func (c serveConfig) LogValue() slog.Value {
	tok := ""
	if c.Web.Token != "" {
		tok = "***"
	}
	return slog.GroupValue(
		slog.String("db", c.DB), slog.String("addr", c.Web.Addr), slog.Bool("empty", c.Empty), slog.Int64("max_memory", c.MaxMemory),
		slog.String("token", tok), slog.Bool("allow_writes_without_token", c.Web.AllowWritesWithoutToken),
		slog.String("ui_dir", c.Web.UIDir), slog.String("taxonomy", c.Extract.TaxonomyFile), slog.Int("max_bytes", c.Extract.MaxBytes),
		slog.Duration("request_timeout", c.Web.RequestTimeout), slog.Duration("query_timeout", c.Web.QueryTimeout),
		slog.Duration("export_timeout", c.Web.ExportTimeout), slog.Duration("write_timeout", c.Web.WriteTimeout),
		slog.Int64("max_upload_bytes", c.Web.MaxUploadBytes), slog.Float64("rate_limit", c.Web.RateLimit),
	)
}

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg := defaultServeConfig()
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.DB, "db", cfg.DB, "store address: mem:, bolt:PATH or postgres://…")
	fs.StringVar(&cfg.Web.Addr, "addr", cfg.Web.Addr, "address to listen on")
	fs.BoolVar(&cfg.Empty, "empty", false, "do not build the bundled sample corpus into an empty store")
	fs.StringVar(&cfg.Web.Token, "token", os.Getenv("KG_TOKEN"), "bearer token for uploads and deletes (default $KG_TOKEN)")
	fs.BoolVar(&cfg.Web.AllowWritesWithoutToken, "allow-writes", false, "allow uploads and deletes without a token (local use only)")
	fs.StringVar(&cfg.Web.UIDir, "ui-dir", "", "serve the browser UI from this directory instead of the embedded build")
	cfg.Extract = extractFlags(fs)
	fs.DurationVar(&cfg.Web.RequestTimeout, "request-timeout", cfg.Web.RequestTimeout, "deadline of one question")
	fs.DurationVar(&cfg.Web.QueryTimeout, "query-timeout", cfg.Web.QueryTimeout, "deadline of one Gizmo query")
	fs.DurationVar(&cfg.Web.ExportTimeout, "export-timeout", cfg.Web.ExportTimeout, "deadline of one export")
	fs.DurationVar(&cfg.Web.WriteTimeout, "write-timeout", cfg.Web.WriteTimeout, "longest time to write one answer")
	fs.Int64Var(&cfg.Web.MaxUploadBytes, "max-upload", cfg.Web.MaxUploadBytes, "largest upload request in bytes")
	fs.Float64Var(&cfg.Web.RateLimit, "rate-limit", cfg.Web.RateLimit, "expensive requests (export, paths, query) per second per client; negative: no limit")
	fs.Func("trusted-proxy", "a reverse proxy (IP or CIDR) whose X-Forwarded-For names the client; repeat for several", func(v string) error {
		cfg.Web.TrustedProxies = append(cfg.Web.TrustedProxies, v)
		return nil
	})
	fs.Int64Var(&cfg.MaxMemory, "max-memory", 0, "soft memory limit in `MB`: the collector works harder as the process nears it (0: 3/4 of the machine's memory; negative: none; GOMEMLIMIT wins)")
	fs.BoolVar(&cfg.LogJSON, "log-json", false, "log JSON lines instead of text")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: serve: unexpected arguments %q", errUsage, fs.Args())
	}
	var h slog.Handler = slog.NewTextHandler(stderr, nil)
	if cfg.LogJSON {
		h = slog.NewJSONHandler(stderr, nil)
	}
	log := slog.New(h)
	log.Info("kg serve", "config", cfg)
	limit, source := memory.Limit(cfg.MaxMemory)
	log.Info("memory limit", "mb", limit>>20, "from", source)

	// Listen first, so that /healthz answers and /readyz says 503 while the
	// store opens and the sample corpus is built.
	srv, err := web.New(cfg.Web, log, nil, nil, nil)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.Web.Addr)
	if err != nil {
		return fmt.Errorf("listen %s: %w", cfg.Web.Addr, err)
	}
	log.Info("listening", "addr", ln.Addr().String())
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ctx, ln) }()
	fail := func(err error) error {
		log.Error("preparing the store failed", "err", err)
		stop()
		return errors.Join(err, <-errc)
	}

	start := time.Now()
	st, err := graph.Open(ctx, cfg.DB)
	if err != nil {
		return fail(err)
	}
	defer st.Close()
	log.Info("store open", "db", cfg.DB, "took", time.Since(start))
	x, err := extract.New(*cfg.Extract)
	if err != nil {
		return fail(err)
	}
	q := queries.New(st)
	srv.Attach(q, st, x)
	if err := prepare(ctx, log, st, x, q, cfg.Empty); err != nil {
		return fail(err)
	}
	srv.SetReady(true)
	log.Info("ready")
	return <-errc
}

// prepare loads the taxonomy (a no-op when it is already stored), builds
// the bundled sample corpus into a store with no documents (unless empty)
// and builds the query index.
func prepare(ctx context.Context, log *slog.Logger, st *graph.Store, x *extract.Extractor, q *queries.Service, empty bool) error {
	tents, trels := x.Taxonomy().Graph()
	if _, err := st.LoadTaxonomy(ctx, tents, trels); err != nil {
		return fmt.Errorf("taxonomy: %w", err)
	}
	docs, err := st.Documents(ctx)
	if err != nil {
		return err
	}
	if len(docs) == 0 && !empty {
		if err := buildSample(ctx, log, st, x); err != nil {
			return err
		}
	}
	start := time.Now()
	if err := q.Refresh(ctx); err != nil {
		return err
	}
	log.Info("query index built", "took", time.Since(start))
	return nil
}

// buildSample extracts and loads the bundled sample report.
func buildSample(ctx context.Context, log *slog.Logger, st *graph.Store, x *extract.Extractor) error {
	name, data := extract.Sample()
	ex, err := x.Extract(name, data)
	if err != nil {
		return fmt.Errorf("sample %s: %w", name, err)
	}
	stats, err := st.LoadDocument(ctx, ex.Documents[0], ex)
	if err != nil {
		return fmt.Errorf("sample %s: %w", name, err)
	}
	log.Info("sample corpus built", "document", stats.Document, "quads", stats.Quads)
	return nil
}

// parseInterspersed parses flags that may come before, between or after
// the positional arguments, and returns the positional ones.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// openForQuery opens the store read for a command-line question; a new
// in-memory store gets the sample corpus, as kg serve would.
func openForQuery(ctx context.Context, addr string, empty bool, stderr io.Writer) (*graph.Store, *queries.Service, error) {
	st, err := graph.Open(ctx, addr)
	if err != nil {
		return nil, nil, err
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	q := queries.New(st)
	if strings.HasPrefix(addr, "mem") {
		x, err := extract.New(extract.Options{})
		if err == nil {
			err = prepare(ctx, log, st, x, q, empty)
		}
		if err != nil {
			st.Close()
			return nil, nil, err
		}
	}
	return st, q, nil
}

func runQuery(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("query", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", graph.DefaultAddr, "store address")
	asJSON := fs.Bool("json", false, "print JSON instead of a table")
	inferred := fs.Bool("inferred", true, "firms: include keyword-inferred fits")
	empty := fs.Bool("empty", false, "with --db mem:, do not build the sample corpus")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: kg query [--db ADDR] [--json] chains | firms CHAIN | entity NAME")
		fs.PrintDefaults()
	}
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 || (pos[0] != "chains" && len(pos) != 2) || (pos[0] == "chains" && len(pos) != 1) {
		fs.Usage()
		return fmt.Errorf("%w: query: want chains, firms CHAIN or entity NAME", errUsage)
	}
	st, q, err := openForQuery(ctx, *db, *empty, stderr)
	if err != nil {
		return err
	}
	defer st.Close()
	var v any
	switch pos[0] {
	case "chains":
		v, err = q.Chains(ctx)
	case "firms":
		v, err = q.ChainFirms(ctx, pos[1], *inferred)
	case "entity":
		v, err = q.Entity(ctx, pos[1])
	default:
		fs.Usage()
		return fmt.Errorf("%w: query: unknown question %q", errUsage, pos[0])
	}
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(v)
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	switch a := v.(type) {
	case []queries.ChainNode:
		fmt.Fprintln(tw, "CHAIN\tFIRMS\tPROJECTS\tID")
		var walk func([]queries.ChainNode, int)
		walk = func(ns []queries.ChainNode, depth int) {
			for _, n := range ns {
				fmt.Fprintf(tw, "%s%s\t%d\t%d\t%s\n", strings.Repeat("  ", depth), n.Name, n.Firms, n.Projects, n.ID)
				walk(n.Children, depth+1)
			}
		}
		walk(a, 0)
	case *queries.ChainFirms:
		fmt.Fprintf(tw, "%s (%s): %d firms\n", a.Chain.Name, a.Chain.ID, len(a.Firms))
		fmt.Fprintln(tw, "#\tFIRM\tSEGMENT\tCHAIN\tFIT\tCONF\tPROJECTS\tEVIDENCE")
		for i, f := range a.Firms {
			fitKind := "stated"
			if f.Inferred {
				fitKind = "inferred"
			}
			var ps []string
			for _, p := range f.Projects {
				s := p.Entity.Name
				if p.Stage != "" {
					s += ":" + p.Stage
				}
				ps = append(ps, s)
			}
			ev := ""
			if len(f.Evidence) > 0 {
				ev = fmt.Sprintf("[%s] %s", f.Evidence[0].Document, f.Evidence[0].Text)
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%.2f\t%s\t%s\n", i+1, f.Entity.Name, dash(f.Segment), f.Chain.Name, fitKind, f.Confidence, dash(strings.Join(ps, ", ")), ev)
		}
	case *queries.EntityDetail:
		e := a.Entity
		fmt.Fprintf(tw, "%s\t%s\t%s\n", e.Name, e.Type, e.ID)
		if len(e.Aliases) > 0 {
			fmt.Fprintf(tw, "aliases\t%s\n", strings.Join(e.Aliases, ", "))
		}
		fmt.Fprintf(tw, "documents\t%s\n", strings.Join(a.Documents, ", "))
		fmt.Fprintln(tw, "PREDICATE\tDIR\tOTHER\tEVIDENCE")
		for _, p := range sortedPreds(a.Relations) {
			for _, r := range a.Relations[p] {
				other := r.Value
				if r.Other != nil {
					other = r.Other.Name + " (" + r.Other.ID + ")"
				}
				ev := ""
				if len(r.Evidence) > 0 {
					ev = fmt.Sprintf("[%s] %s", r.Evidence[0].Document, r.Evidence[0].Text)
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", p, r.Direction, other, ev)
			}
		}
	}
	return tw.Flush()
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func sortedPreds(m map[string][]queries.EdgeView) []string {
	ps := make([]string, 0, len(m))
	for p := range m {
		ps = append(ps, p)
	}
	sort.Strings(ps)
	return ps
}

func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", graph.DefaultAddr, "store address")
	seed := fs.String("seed", "", "export the neighbourhood of this entity (id or name)")
	hops := fs.Int("hops", 1, "with --seed: how many relations away")
	limit := fs.Int("limit", 0, "with --seed: at most this many nodes")
	chain := fs.String("chain", "", "export this industry chain with its firms and projects")
	format := fs.String("format", "graphml", "graphml, gexf, csv (zip), jsonld, nquads or dot")
	out := fs.String("o", "", "write to this file instead of standard output")
	empty := fs.Bool("empty", false, "with --db mem:, do not build the sample corpus")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: kg export [--db ADDR] [--seed ID --hops N | --chain ID] --format graphml|gexf|csv|jsonld|nquads|dot [-o FILE]")
		fs.PrintDefaults()
	}
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		fs.Usage()
		return fmt.Errorf("%w: export: unexpected arguments %q", errUsage, pos)
	}
	if *seed != "" && *chain != "" {
		return fmt.Errorf("%w: export: --seed and --chain exclude each other", errUsage)
	}
	f, err := queries.ExportFormat(*format)
	if err != nil {
		return fmt.Errorf("%w: export: %s", errUsage, kg.ErrorMessage(err))
	}
	st, q, err := openForQuery(ctx, *db, *empty, stderr)
	if err != nil {
		return err
	}
	defer st.Close()
	sel := queries.Selection{Chain: *chain, GraphParams: queries.GraphParams{Seed: *seed, Hops: *hops, Limit: *limit}}
	if *out == "" {
		return q.Export(ctx, stdout, sel, f.Name)
	}
	// Write beside the target and rename, so that a failed export leaves
	// no half-written file.
	tmp := *out + ".tmp"
	w, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if err := q.Export(ctx, w, sel, f.Name); err != nil {
		w.Close()
		os.Remove(tmp)
		return err
	}
	if err := w.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, *out); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "wrote %s\n", *out)
	return nil
}
