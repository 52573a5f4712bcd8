package formatstest_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/kgraph/kg"
	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/extract/formats"
	"github.com/kgraph/kg/extract/formats/formatstest"
)

// TestHostile runs every bad input through formats.Read, and through the
// extractor as kg build and POST /documents do, and checks the error each
// ends in.
func TestHostile(t *testing.T) {
	cases := formatstest.Hostile()
	if len(cases) < 30 {
		t.Fatalf("%d hostile cases, issue 6 asks for at least 30", len(cases))
	}
	ex, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			if testing.Short() && c.Size > 10<<20 {
				t.Skipf("%d MB input skipped in -short mode", c.Size>>20)
			}
			data := c.Data()
			_, err := formats.Read(c.File, data, formats.Limits{})
			if got := kg.ErrorCode(err); got != c.Code {
				t.Fatalf("formats.Read code = %q, want %q (%v)", got, c.Code, err)
			}
			if err != nil {
				var ke *kg.Error
				if !errors.As(err, &ke) || !strings.Contains(ke.Message, c.File) || !strings.Contains(ke.Message, c.Reason) {
					t.Errorf("message %q should name %s and say %q", kg.ErrorMessage(err), c.File, c.Reason)
				}
				if c.Pipeline != c.Code {
					t.Errorf("case says the pipeline ends in %q, but formats.Read already fails with %q", c.Pipeline, c.Code)
				}
			}
			// The extractor reads the file through formats itself.
			x, err := ex.Extract(c.File, data)
			if got := kg.ErrorCode(err); got != c.Pipeline {
				t.Fatalf("extract code = %q, want %q (%v)", got, c.Pipeline, err)
			}
			if err != nil {
				if msg := kg.ErrorMessage(err); !strings.Contains(msg, c.File) {
					t.Errorf("extract message %q does not name %s", msg, c.File)
				}
				return
			}
			if len(x.Documents) != 1 {
				t.Errorf("best-effort result has %d documents, want 1", len(x.Documents))
			}
		})
	}
}
