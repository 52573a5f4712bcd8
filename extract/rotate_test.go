package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRotatedReports extracts every rotation of the sample's and the
// development set's paragraphs (what the speed benchmark's corpus is made
// of), so that a rule that reads past the end of a text or a sentence
// fails here and not only in the benchmark: a document's runes are capped
// at its end, and such a read panics.
func TestRotatedReports(t *testing.T) {
	ex := newTestExtractor(t)
	_, s := Sample()
	bases := []string{string(s)}
	files, _ := filepath.Glob(filepath.Join("testdata", "dev", "*.txt"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text, err := decode(f, data)
		if err != nil {
			continue
		}
		bases = append(bases, text)
	}
	n := 0
	for bi, base := range bases {
		lines := strings.Count(base, "\n")
		for k := 0; k < lines; k++ {
			doc := vary(base, k)
			if _, err := ex.Extract("rotated.txt", []byte(doc)); err != nil {
				t.Fatalf("base %d rotated by %d: %v", bi, k, err)
			}
			n++
		}
	}
	if n < 100 {
		t.Errorf("only %d rotations extracted", n)
	}
}
