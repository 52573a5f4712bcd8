package extract

// The exported surface that graph, cmd/kg and the tests use.

import (
	"fmt"
	"hash/maphash"
	"path/filepath"
	"strings"
	"sync"

	"github.com/kgraph/kg"
	"github.com/kgraph/kg/extract/formats"
)

// Options configures an Extractor. The zero value uses the embedded taxonomy
// and default limits.
type Options struct {
	// TaxonomyFile replaces the embedded industry taxonomy when set.
	TaxonomyFile string
	// MaxBytes limits the size of one input document (0: default 64 MiB).
	MaxBytes int
	// MaxSentences limits the sentences of one document (0: default
	// 200,000); a longer one is refused with kg.ETooLarge.
	MaxSentences int
	// Formats limits the readers of HTML, .docx and PDF (decompressed size,
	// zip entries, nesting, PDF time and work); zero fields take the
	// formats package's defaults, and MaxInput is always MaxBytes.
	Formats formats.Limits
}

// Extractor turns documents into extractions. It is safe for concurrent use:
// after New it is only read.
type Extractor struct {
	opts Options
	tax  *Taxonomy
	lex  *lexicon
	seed maphash.Seed // of the indexes of a document's records
	// docs holds the state of finished extractions, whose memory the
	// next ones reuse (see doc.reset).
	docs sync.Pool
}

const (
	defaultMaxBytes     = 64 << 20
	defaultMaxSentences = 200_000
)

// New returns an Extractor, loading the taxonomy.
func New(opts Options) (*Extractor, error) {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = defaultMaxBytes
	}
	if opts.MaxSentences <= 0 {
		opts.MaxSentences = defaultMaxSentences
	}
	opts.Formats.MaxInput = int64(opts.MaxBytes)
	tax, err := LoadTaxonomy(opts.TaxonomyFile)
	if err != nil {
		return nil, err
	}
	places, err := parsePlaces(embeddedPlaces)
	if err != nil {
		return nil, err
	}
	return &Extractor{opts: opts, tax: tax, lex: newLexicon(tax, places), seed: maphash.MakeSeed()}, nil
}

// Taxonomy returns the industry taxonomy the extractor links industries to.
func (e *Extractor) Taxonomy() *Taxonomy { return e.tax }

// Extract reads one document. name is the file name it came from: the
// document id is its base name without extension (etown-2022.txt →
// "etown-2022"). The result holds exactly one kg.Document, with Text (the
// normalized text all offsets point into) and Sentences filled in.
// Undecodable, empty or binary input gives a *kg.Error with code
// kg.EUndecodable naming the file.
func (e *Extractor) Extract(name string, data []byte) (*kg.Extraction, error) {
	if len(data) > e.opts.MaxBytes {
		return nil, &kg.Error{Code: kg.ETooLarge, Op: "extract",
			Message: fmt.Sprintf("%s: file is %d bytes, over the limit of %d", name, len(data), e.opts.MaxBytes)}
	}
	// HTML pages, .docx and PDF files become their text first (detected
	// by content); plain text passes through unchanged.
	doc, err := formats.Read(name, data, e.opts.Formats)
	if err != nil {
		return nil, err
	}
	data = doc.Data
	raw, err := decode(name, data)
	if err != nil {
		return nil, err
	}
	// The blank lines of a web page's or a .docx's text end its blocks.
	text := normalizeText(raw, doc.Kind == formats.KindHTML || doc.Kind == formats.KindMHT || doc.Kind == formats.KindDOCX)
	if strings.TrimSpace(text) == "" {
		return nil, &kg.Error{Code: kg.EUndecodable, Op: "extract", Message: name + ": no text"}
	}
	x := e.extractText(DocID(name), name, text)
	d := &x.Documents[0]
	d.Warnings = append(d.Warnings, doc.Warnings...)
	if d.Year == 0 {
		d.Warnings = append(d.Warnings, "no year found in the title or the first lines")
	}
	if n := len(x.Documents[0].Sentences); n > e.opts.MaxSentences {
		return nil, &kg.Error{Code: kg.ETooLarge, Op: "extract",
			Message: fmt.Sprintf("%s: %d sentences, over the limit of %d", name, n, e.opts.MaxSentences)}
	}
	return x, nil
}

// DocID is the document id of a file name: its base name without extension.
func DocID(name string) string {
	base := filepath.Base(filepath.ToSlash(name))
	if i := strings.LastIndexByte(base, '/'); i >= 0 {
		base = base[i+1:]
	}
	if ext := filepath.Ext(base); ext != "" && ext != base {
		base = strings.TrimSuffix(base, ext)
	}
	if base == "" || base == "." {
		base = "document"
	}
	return base
}
