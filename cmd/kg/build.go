package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/kgraph/kg"
	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/graph"
)

// documentExts are the files a directory walk picks up; files named on the
// command line are always read, whatever their name.
var documentExts = map[string]bool{"": true, ".txt": true, ".text": true, ".md": true,
	".html": true, ".htm": true, ".xhtml": true, ".docx": true, ".pdf": true,
	".mht": true, ".mhtml": true, ".doc": true} // .doc: Word files saved as web pages (MHT)

// runBuild extracts every document found under the paths (the bundled
// sample when none is given) and loads them: extraction in parallel, loads
// in input order, each document whole or absent.
func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("build", flag.ContinueOnError)
	fset.SetOutput(stderr)
	db := fset.String("db", graph.DefaultAddr, "store `ADDR`: bolt:PATH, mem: or postgres://…")
	opts := extractFlags(fset)
	workers := fset.Int("workers", runtime.GOMAXPROCS(0), "documents extracted in parallel")
	batch := fset.Int("batch-quads", graph.DefaultBatchQuads, "quads per write transaction: larger loads big bolt stores faster and holds more memory")
	incremental := fset.Bool("incremental", false, "load document by document even into a store holding none (no bulk build)")
	quiet := fset.Bool("quiet", false, "no progress line")
	lines := fset.Bool("progress-lines", false, "print progress as lines even when stderr is not a terminal")
	fset.Usage = func() {
		fmt.Fprintln(stderr, "usage: kg build [--db ADDR] [--taxonomy FILE] [PATH...]")
		fmt.Fprintln(stderr, "Extracts the documents under PATHs (files or directories, recursively;")
		fmt.Fprintln(stderr, "default: the bundled sample report) and loads them into the store.")
		fset.PrintDefaults()
	}
	paths, err := parseInterspersed(fset, args)
	if err != nil {
		return err
	}
	files, err := findDocuments(paths)
	if err != nil {
		return err
	}
	ex, err := extract.New(*opts)
	if err != nil {
		return err
	}
	// Opened for loading: the store keeps what loading needs, not the
	// index that answers questions (graph.ForLoading).
	st, err := graph.Open(ctx, *db, graph.ForLoading(), graph.BatchQuads(*batch))
	if err != nil {
		return err
	}
	defer st.Close()
	ld, bulk, err := startBuild(ctx, st, ex, files, *incremental)
	if err != nil {
		return err
	}
	if bulk != nil {
		defer bulk.Abort()
		if st.Kind() == "bolt" {
			defer limitHeap()()
		}
	}

	start := time.Now()
	prog := newProgress(stderr, len(files), !*quiet, *lines)
	var failed []string
	loaded, err := buildFiles(ctx, ld, ex, files, *workers, *batch, func(f string, err error) {
		failed = append(failed, f)
		prog.clear()
		fmt.Fprintf(stderr, "kg build: %v\n", err)
	}, func(f, w string) {
		prog.clear()
		fmt.Fprintf(stderr, "kg build: %s: warning: %s\n", f, w)
	}, prog.add)
	prog.clear()
	if bulk != nil && err == nil {
		err = bulk.Commit()
	}
	heapProfile()
	el := time.Since(start)
	fmt.Fprintf(stdout, "built %d of %d documents into %s: %d quads written, %d removed, %d entities, %d relations in %s (%.0f quads/s)\n",
		loaded.docs, len(files), *db, loaded.added, loaded.removed, loaded.entities, loaded.relations,
		el.Round(time.Millisecond), float64(loaded.added)/el.Seconds())
	if err != nil {
		return err
	}
	if len(failed) > 0 {
		return fmt.Errorf("build: %d documents could not be read: %s", len(failed), strings.Join(failed, ", "))
	}
	return nil
}

// source is one document to build: a file, or the bundled sample.
type source struct {
	name string
	data []byte // set for the sample
}

func findDocuments(paths []string) ([]source, error) {
	if len(paths) == 0 {
		name, data := extract.Sample()
		return []source{{name: name, data: data}}, nil
	}
	var out []source
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("build: %w", err)
		}
		if !info.IsDir() {
			out = append(out, source{name: p})
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() && documentExts[strings.ToLower(filepath.Ext(d.Name()))] {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("build: %w", err)
		}
		sort.Strings(found)
		for _, f := range found {
			out = append(out, source{name: f})
		}
	}
	return out, nil
}

type buildTotals struct {
	docs, added, removed, entities, relations int
}

// loader is where a build loads documents: the store, or a bulk build of it.
type loader interface {
	LoadTaxonomy(context.Context, []kg.Entity, []kg.Relation) (graph.LoadStats, error)
	LoadDocuments(context.Context, []graph.Input, func([]graph.LoadStats)) ([]graph.LoadStats, error)
}

// startBuild starts a build of files into st, as kg build loads, and
// loads the taxonomy first: a bolt or PostgreSQL store holding no
// documents is built in bulk (bolt: a new file, written in key order,
// replaces it at Commit; PostgreSQL: the quads' indexes are created at
// Commit; the caller ends the bulk build with Commit or Abort), any other
// store (or any, incremental) document by document.
func startBuild(ctx context.Context, st *graph.Store, ex *extract.Extractor, files []source, incremental bool) (loader, *graph.Bulk, error) {
	var ld loader = st
	var bulk *graph.Bulk
	if !incremental && distinctIDs(files) {
		b, err := st.Bulk()
		switch {
		case err == nil:
			ld, bulk = b, b
		case !errors.Is(err, graph.ErrNoBulk):
			return nil, nil, err
		}
	}
	tents, trels := ex.Taxonomy().Graph()
	if _, err := ld.LoadTaxonomy(ctx, tents, trels); err != nil {
		if bulk != nil {
			bulk.Abort()
		}
		return nil, nil, fmt.Errorf("build: taxonomy: %w", err)
	}
	return ld, bulk, nil
}

// distinctIDs tells whether the files have distinct document ids: a bulk
// build only adds documents, while a later file with the id of an earlier
// one replaces it.
func distinctIDs(files []source) bool {
	seen := make(map[string]bool, len(files))
	for _, f := range files {
		id := extract.DocID(f.name)
		if seen[id] {
			return false
		}
		seen[id] = true
	}
	return true
}

// buildFiles extracts files with several workers and loads the results in
// input order (so that entity resolution, where the first id loaded wins, is
// the same on every run), in batches of documents.
func buildFiles(ctx context.Context, st loader, ex *extract.Extractor, files []source, workers, batchQuads int,
	onError func(string, error), onWarning func(file, warning string), onLoaded func([]graph.LoadStats)) (buildTotals, error) {
	if workers < 1 {
		workers = 1
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// Each file gets its own channel, so the loader takes them in order
	// while at most 2×workers documents wait in memory.
	slots := make(chan chan extracted, 2*workers)
	jobs := make(chan int)
	outs := make([]chan extracted, len(files))
	for i := range outs {
		outs[i] = make(chan extracted, 1)
	}
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				outs[i] <- extractOne(ex, files[i])
			}
		}()
	}
	go func() {
		defer close(slots)
		defer close(jobs)
		for i := range files {
			select {
			case slots <- outs[i]:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	defer wg.Wait()
	var tot buildTotals
	var batch []graph.Input
	batchBytes := 0
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		_, err := st.LoadDocuments(ctx, batch, func(s []graph.LoadStats) {
			for _, x := range s {
				tot.docs++
				tot.added += x.Added
				tot.removed += x.Removed
				tot.entities += x.Entities
				tot.relations += x.Relations
			}
			onLoaded(s)
		})
		batch, batchBytes = nil, 0
		return err
	}
	seen := make(map[string]string)
	for slot := range slots {
		r := <-slot
		if r.err != nil {
			onError(r.in.Doc.Source, r.err)
			continue
		}
		if prev, ok := seen[r.in.Doc.ID]; ok {
			onError(r.in.Doc.Source, fmt.Errorf("%s: document id %q is also %s's; the later file replaces it", r.in.Doc.Source, r.in.Doc.ID, prev))
		}
		seen[r.in.Doc.ID] = r.in.Doc.Source
		if onWarning != nil {
			for _, w := range r.in.Doc.Warnings {
				onWarning(r.in.Doc.Source, w)
			}
		}
		batch = append(batch, r.in)
		batchBytes += len(r.in.Doc.Text)
		// A few documents per call, enough to fill the store's
		// transactions (reports run to about 3,000 quads): fewer commits,
		// and a killed build loses at most one batch.
		if len(batch) >= max(32, batchQuads/1500) || batchBytes >= 4<<20 {
			if err := flush(); err != nil {
				return tot, err
			}
		}
	}
	if err := flush(); err != nil {
		return tot, err
	}
	return tot, ctx.Err()
}

// extracted is one document ready to load, or why it is not.
type extracted struct {
	in  graph.Input
	err error
}

func extractOne(ex *extract.Extractor, f source) (r extracted) {
	r.in.Doc.Source = f.name
	data := f.data
	if data == nil {
		b, err := os.ReadFile(f.name)
		if err != nil {
			r.err = fmt.Errorf("%s: %w", f.name, err)
			return r
		}
		data = b
	}
	x, err := ex.Extract(f.name, data)
	if err != nil {
		r.err = fmt.Errorf("%s: %w", f.name, err)
		return r
	}
	if len(x.Documents) != 1 {
		r.err = fmt.Errorf("%s: the extractor returned %d documents", f.name, len(x.Documents))
		return r
	}
	doc := x.Documents[0]
	if doc.Source == "" {
		doc.Source = f.name
	}
	r.in = graph.Input{Doc: doc, X: x}
	return r
}

// progress draws one line on a terminal: documents done, quads, rate; or,
// asked for, one line per transaction wherever stderr goes.
type progress struct {
	w       io.Writer
	on      bool
	tty     bool
	total   int
	docs    int
	quads   int
	start   time.Time
	last    time.Time
	written bool
}

func newProgress(w io.Writer, total int, want, lines bool) *progress {
	p := &progress{w: w, total: total, start: time.Now()}
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			p.tty = true
		}
	}
	p.on = want && (p.tty || lines)
	return p
}

func (p *progress) add(stats []graph.LoadStats) {
	for _, s := range stats {
		p.docs++
		p.quads += s.Added
	}
	if !p.on || p.tty && time.Since(p.last) < 200*time.Millisecond && p.docs < p.total {
		return
	}
	p.last = time.Now()
	el := time.Since(p.start).Seconds()
	line := fmt.Sprintf("%d/%d documents, %d quads, %.0f quads/s, %.1f docs/s", p.docs, p.total, p.quads, float64(p.quads)/el, float64(p.docs)/el)
	if p.tty {
		fmt.Fprintf(p.w, "\r%s   ", line)
		p.written = true
	} else {
		fmt.Fprintln(p.w, line)
	}
}

func (p *progress) clear() {
	if p.written {
		fmt.Fprint(p.w, "\r\033[K")
		p.written = false
	}
}

// runRm removes documents and the facts read from them.
func runRm(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("rm", flag.ContinueOnError)
	fset.SetOutput(stderr)
	db := fset.String("db", graph.DefaultAddr, "store `ADDR`")
	fset.Usage = func() {
		fmt.Fprintln(stderr, "usage: kg rm [--db ADDR] DOC...")
		fmt.Fprintln(stderr, "Removes the documents (by id, the file name without extension) and their facts;")
		fmt.Fprintln(stderr, "entities no other document mentions go with them.")
		fset.PrintDefaults()
	}
	docs, err := parseInterspersed(fset, args)
	if err != nil {
		return err
	}
	if len(docs) == 0 {
		fset.Usage()
		return fmt.Errorf("%w: rm: no document given", errUsage)
	}
	st, err := graph.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	var errs []error
	for _, d := range docs {
		id := extract.DocID(d)
		if err := st.RemoveDocument(ctx, id); err != nil {
			errs = append(errs, err)
			continue
		}
		fmt.Fprintf(stdout, "removed %s\n", id)
	}
	return errors.Join(errs...)
}

// runDump writes the whole graph to stdout.
func runDump(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("dump", flag.ContinueOnError)
	fset.SetOutput(stderr)
	db := fset.String("db", graph.DefaultAddr, "store `ADDR`")
	format := fset.String("format", "nquads", "output format: nquads or jsonld")
	fset.Usage = func() {
		fmt.Fprintln(stderr, "usage: kg dump [--db ADDR] [--format nquads|jsonld]")
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		return err
	}
	if fset.NArg() > 0 {
		return fmt.Errorf("%w: dump: unexpected arguments %q", errUsage, fset.Args())
	}
	if *format != "nquads" && *format != "jsonld" {
		return fmt.Errorf("%w: dump: unknown format %q (nquads or jsonld)", errUsage, *format)
	}
	st, err := graph.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	w := bufio.NewWriterSize(stdout, 1<<16)
	if err := st.Dump(ctx, w, *format); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("dump: %w", err)
	}
	return nil
}

// bulkHeapLimit is the soft heap limit of a bolt bulk build: its hash table of
// nodes and sorting buffers are most of it, and the bolt file's mapped
// pages count beside it in the process's peak memory.
const bulkHeapLimit = 1200 << 20

// limitHeap sets the soft heap limit of a bulk build, unless GOMEMLIMIT
// sets one, and returns what restores the limit before it.
func limitHeap() (restore func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	before := debug.SetMemoryLimit(bulkHeapLimit)
	return func() { debug.SetMemoryLimit(before) }
}
