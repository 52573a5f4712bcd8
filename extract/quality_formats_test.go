package extract_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/extract/formats"
	"github.com/kgraph/kg/extract/formats/formatstest"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// TestQualityFormats scores development documents published as web
// pages, .docx files and PDFs, given to the extractor as kg build gives
// them (it reads them through package formats), against the same gold: the format path must lose (almost)
// nothing. Two sources: files made by real tools (testdata/dev/formats:
// Chromium's PDFs, a CMS-like page, a .docx), and every development
// document republished in memory by formatstest.
func TestQualityFormats(t *testing.T) {
	script := needScorer(t)
	type published struct {
		base, name string // the development document and the file name
		data       []byte
	}
	var docs []published
	files, err := filepath.Glob(filepath.Join("testdata", "dev", "formats", "*.*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no documents in testdata/dev/formats (%v)", err)
	}
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, published{strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)), filepath.Base(path), data})
	}
	for _, base := range devDocs(t) {
		raw, err := os.ReadFile(filepath.Join("testdata", "dev", base+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		paras := formatstest.Paragraphs(decodeText(t, raw))
		docs = append(docs,
			published{base, "generated/" + base + ".html", formatstest.HTMLPage(paras)},
			published{base, "generated/" + base + ".docx", formatstest.TextDOCX(paras)},
			published{base, "generated/" + base + ".pdf", formatstest.TextPDF(paras, 32)})
	}
	ex, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	plain := map[string]float64{}
	for _, d := range docs {
		gold := filepath.Join("testdata", "dev", d.base+".gold.json")
		t.Run(d.name, func(t *testing.T) {
			if _, ok := plain[d.base]; !ok {
				plain[d.base] = runScorer(t, script, gold, extractFile(t, filepath.Join("testdata", "dev", d.base+".txt"))).Overall
			}
			kind, err := formats.Detect(filepath.Base(d.name), d.data)
			if err != nil {
				t.Fatalf("formats.Detect: %v", err)
			}
			x, err := ex.Extract(filepath.Base(d.name), d.data)
			if err != nil {
				t.Fatalf("Extract(%s): %v", d.name, err)
			}
			s := runScorer(t, script, gold, x)
			t.Logf("%s read as %s: overall F1 %.3f (plain text %.3f)", d.name, kind, s.Overall, plain[d.base])
			if s.Overall < plain[d.base]-formatsLoss {
				t.Errorf("%s scores %.3f, more than %.2f under its plain text (%.3f)\n%s", d.name, s.Overall, formatsLoss, plain[d.base], s.Text)
			}
		})
	}
}

// decodeText reads a development document in its encoding (BOM, UTF-8,
// else GB18030), for republishing it in other formats.
func decodeText(t *testing.T, raw []byte) string {
	t.Helper()
	var dec *encoding.Decoder
	switch {
	case bytes.HasPrefix(raw, []byte("\xff\xfe")), bytes.HasPrefix(raw, []byte("\xfe\xff")):
		dec = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
	case utf8.Valid(raw):
		return strings.TrimPrefix(string(raw), "\ufeff")
	default:
		dec = simplifiedchinese.GB18030.NewDecoder()
	}
	s, err := dec.Bytes(raw)
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	return string(s)
}
