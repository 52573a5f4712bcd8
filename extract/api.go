package extract

// The exported surface that graph, cmd/kg and the tests use. The bodies are
// filled in by the extractor's implementation.

import (
	"errors"

	"github.com/kgraph/kg"
)

// Options configures an Extractor. The zero value uses the embedded taxonomy
// and default limits.
type Options struct {
	// TaxonomyFile replaces the embedded industry taxonomy when set.
	TaxonomyFile string
	// MaxBytes limits the size of one input document (0: default 64 MiB).
	MaxBytes int
}

// Extractor turns documents into extractions. It is safe for concurrent use.
type Extractor struct {
	opts Options
}

// New returns an Extractor, loading the taxonomy.
func New(opts Options) (*Extractor, error) {
	return &Extractor{opts: opts}, nil
}

// Extract reads one document. name is the file name it came from: the
// document id is its base name without extension (etown-2022.txt →
// "etown-2022"). The result holds exactly one kg.Document, with Text (the
// normalized text all offsets point into) and Sentences filled in.
// Undecodable, empty or binary input gives a *kg.Error with code
// kg.EUndecodable naming the file.
func (e *Extractor) Extract(name string, data []byte) (*kg.Extraction, error) {
	return nil, errors.New("extract: not implemented yet")
}
