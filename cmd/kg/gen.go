package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/kgraph/kg/extract/synth"
)

func runGen(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	docs := fs.Int("docs", 1000, "number of reports to write")
	seed := fs.Uint64("seed", 1, "seed: the same seed writes the same bytes")
	out := fs.String("out", "", "directory to write NAME.txt files into (required)")
	gb := fs.Float64("gb18030-share", 0.1, "share of reports encoded in GB18030")
	pdf := fs.Float64("pdf-share", 0.3, "share of reports with PDF-conversion artefacts")
	truth := fs.Bool("truth", false, "also write NAME.truth.json: what each report plants")
	workers := fs.Int("workers", 0, "parallel writers (0: one per core)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: kg gen --docs N --seed S --out DIR [--gb18030-share 0.1] [--pdf-share 0.3] [--truth]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	switch {
	case *out == "":
		fs.Usage()
		return fmt.Errorf("%w: gen: --out is required", errUsage)
	case fs.NArg() > 0:
		return fmt.Errorf("%w: gen: unexpected arguments %q", errUsage, fs.Args())
	case *docs < 0:
		return fmt.Errorf("%w: gen: --docs must be ≥ 0", errUsage)
	case *gb < 0 || *gb > 1 || *pdf < 0 || *pdf > 1:
		return fmt.Errorf("%w: gen: shares must lie in [0,1]", errUsage)
	}
	g := synth.New(synth.Options{Seed: *seed, GB18030Share: *gb, PDFShare: *pdf})
	start := time.Now()
	st, err := g.Write(ctx, synth.WriteOptions{Dir: *out, Docs: *docs, Truth: *truth, Workers: *workers})
	if err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	el := time.Since(start)
	fmt.Fprintf(stdout, "wrote %d reports (%.1f MB, %d GB18030, %d with PDF artefacts) to %s in %s (%.0f docs/s)\n",
		st.Docs, float64(st.Bytes)/1e6, st.GB18030, st.PDF, *out, el.Round(time.Millisecond), float64(st.Docs)/el.Seconds())
	return nil
}
