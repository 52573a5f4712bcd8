package formatstest_test

import (
	"strings"
	"testing"

	"github.com/kgraph/kg/extract/formats"
	"github.com/kgraph/kg/extract/formats/formatstest"
)

// TestPublished checks that each published form reads back to the same
// paragraphs: the text, joined, is unchanged (PDF lines are wrapped, so
// newlines are ignored there).
func TestPublished(t *testing.T) {
	paras := formatstest.Paragraphs("合肥高新区2023年工作总结\r\n\r\n  一、产业发展  \n本源量子自主研发的“本源悟空”上线运行，晶合集成N3工厂开工；长鑫存储、通富微电及颀中科技等一批项目续建。\n")
	if len(paras) != 3 || paras[1] != "一、产业发展" {
		t.Fatalf("Paragraphs = %q", paras)
	}
	want := strings.Join(paras, "")
	tests := []struct {
		name string
		data []byte
	}{
		{"a.html", formatstest.HTMLPage(paras)},
		{"a.docx", formatstest.TextDOCX(paras)},
		{"a.pdf", formatstest.TextPDF(paras, 12)},
		{"b.pdf", formatstest.TextPDF(append(paras, strings.Split(strings.Repeat("段落。", 60), "。")...), 40)},
	}
	for _, tt := range tests {
		got, err := formats.Read(tt.name, tt.data, formats.Limits{})
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		text := strings.NewReplacer("\n", "", "　", "").Replace(string(got.Data))
		if tt.name != "b.pdf" && text != want {
			t.Errorf("%s reads back as %q, want %q", tt.name, text, want)
		}
		if tt.name == "b.pdf" && !strings.HasPrefix(text, want) {
			t.Errorf("%s (two pages) reads back as %q", tt.name, text)
		}
	}
}
