package extract

import (
	"strings"
	"testing"

	"github.com/kgraph/kg"
	"github.com/kgraph/kg/extract/formats"
	"github.com/kgraph/kg/extract/formats/formatstest"
)

// The input limits of Options each refuse what passes them with
// kg.ETooLarge naming the file, and let through what stays under them.
func TestLimits(t *testing.T) {
	text := []byte(strings.Repeat("某某产业园项目开工。", 50)) // 50 sentences
	page := []byte("<html><body>" + strings.Repeat("<div>", 40) + "<p>园区产业加快发展，新增企业12家。</p>" + strings.Repeat("</div>", 40) + "</body></html>")
	docx := formatstest.DOCX("[Content_Types].xml", formatstest.ContentTypes,
		"word/document.xml", formatstest.WordDocument(strings.Repeat(formatstest.Para("园区产业加快发展，新增企业12家。"), 200)))
	cases := []struct {
		name   string
		opts   Options
		file   string
		data   []byte
		refuse bool
	}{
		{"sentences under", Options{MaxSentences: 50}, "a.txt", text, false},
		{"sentences over", Options{MaxSentences: 49}, "a.txt", text, true},
		{"bytes over", Options{MaxBytes: len(text) - 1}, "a.txt", text, true},
		{"docx decompressed over", Options{Formats: formats.Limits{MaxOutput: 4096}}, "a.docx", docx, true},
		{"docx under", Options{}, "a.docx", docx, false},
		{"html deep but kept", Options{Formats: formats.Limits{MaxDepth: 8}}, "a.html", page, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ex, err := New(c.opts)
			if err != nil {
				t.Fatal(err)
			}
			_, err = ex.Extract(c.file, c.data)
			if !c.refuse {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if kg.ErrorCode(err) != kg.ETooLarge || !strings.Contains(err.Error(), c.file) {
				t.Fatalf("got %v (code %q), want a too_large error naming %s", err, kg.ErrorCode(err), c.file)
			}
		})
	}
}
