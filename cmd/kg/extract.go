package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/kgraph/kg"
	"github.com/kgraph/kg/extract"
)

// runExtract prints one JSON object (the contract of ontology.md) for all
// the files given, or for the bundled sample when none is. Nothing is
// written to stdout unless every file was read.
func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	opts := extractFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: kg extract [--taxonomy FILE] [FILE...]")
		fmt.Fprintln(stderr, "Prints the extraction of the files (default: the bundled sample report) as JSON.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return err
		}
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	ex, err := extract.New(*opts)
	if err != nil {
		return err
	}
	all := &kg.Extraction{Documents: []kg.Document{}, Entities: []kg.Entity{}, Relations: []kg.Relation{}, Indicators: []kg.Indicator{}}
	files := fs.Args()
	if len(files) == 0 {
		name, data := extract.Sample()
		x, err := ex.Extract(name, data)
		if err != nil {
			return err
		}
		all.Merge(x)
	}
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		data, err := os.ReadFile(f)
		if err != nil {
			return fmt.Errorf("extract %s: %w", f, err)
		}
		x, err := ex.Extract(f, data)
		if err != nil {
			return err // it names the file
		}
		all.Merge(x)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(all); err != nil {
		return fmt.Errorf("extract: encode: %w", err)
	}
	_, err = stdout.Write(buf.Bytes())
	return err
}
