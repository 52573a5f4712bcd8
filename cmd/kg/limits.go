package main

import (
	"flag"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/extract/formats"
)

// extractFlags registers the flags that configure the extractor (taxonomy
// and the input limits) on fs, and returns the options they fill in once
// fs is parsed.
func extractFlags(fs *flag.FlagSet) *extract.Options {
	o := &extract.Options{}
	fs.StringVar(&o.TaxonomyFile, "taxonomy", "", "industry taxonomy `FILE` (JSON) replacing the embedded one")
	fs.IntVar(&o.MaxBytes, "max-bytes", formats.DefaultMaxInput, "largest input file, in bytes")
	fs.IntVar(&o.MaxSentences, "max-sentences", 200_000, "most sentences in one document")
	fs.Int64Var(&o.Formats.MaxOutput, "max-text", formats.DefaultMaxOutput, "most text (and decompressed .docx XML) one file may give, in bytes")
	fs.IntVar(&o.Formats.MaxEntries, "max-zip-entries", formats.DefaultMaxEntries, "most entries in a .docx file")
	fs.IntVar(&o.Formats.MaxDepth, "max-html-depth", formats.DefaultMaxDepth, "HTML nesting kept as structure (deeper elements are read as part of their ancestor)")
	fs.DurationVar(&o.Formats.PDFTimeout, "pdf-timeout", formats.DefaultPDFTimeout, "longest time spent reading one PDF")
	return o
}
