package extract_test

import (
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/extract/formats"
)

func TestScratchBR(t *testing.T) {
	script := needScorer(t)
	for _, name := range []string{"sip-2023", "pingshan-2023", "xian-hitech-2022"} {
		raw, _ := os.ReadFile(filepath.Join("/tmp/devsrc", name+".txt"))
		var lines []string
		for _, l := range strings.Split(string(raw), "\n") {
			if strings.TrimSpace(l) != "" {
				lines = append(lines, html.EscapeString(l))
			}
		}
		for _, sep := range []string{"<br>", "<br>\n<br>", "</p><p>"} {
			page := "<html><head><meta charset=utf-8></head><body><div class=TRS_Editor><p>" + strings.Join(lines, sep) + "</p></div></body></html>"
			txt, err := formats.Read(name+".html", []byte(page), formats.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			ex, _ := extract.New(extract.Options{})
			x, err := ex.Extract(name+".html", txt.Data)
			if err != nil {
				t.Fatal(err)
			}
			s := runScorer(t, script, filepath.Join("testdata", "dev", name+".gold.json"), x)
			t.Logf("%s %q: %.3f", name, sep, s.Overall)
		}
	}
}
