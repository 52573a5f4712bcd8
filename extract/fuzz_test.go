package extract

import (
	"bytes"
	"testing"
)

// FuzzExtract feeds arbitrary bytes through decoding, normalization,
// structure and extraction: it must never panic, and whatever it returns
// must keep the contract's invariants (valid UTF-8, offsets inside the text,
// evidence text equal to the text at its offsets).
func FuzzExtract(f *testing.F) {
	name, sample := Sample()
	seeds := [][]byte{
		{},                                   // empty
		[]byte("\x00\x00\x00"),               // NUL bytes
		{0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00}, // UTF-16LE with a lone high surrogate
		{0xFE, 0xFF, 0xDC, 0x00, 0x00, 0x41}, // UTF-16BE with a lone low surrogate
		{0xFF, 0xFE, 0x41},                   // odd-length UTF-16
		{0x81, 0x30, 0x81, 0xFF, 0xFE, 0x80}, // invalid GB18030
		{0xEF, 0xBB, 0xBF},                   // a BOM and nothing
		bytes.Repeat([]byte("字"), 5000),      // one huge line, no punctuation
		bytes.Repeat([]byte("一、"), 300),      // markers only
		[]byte("标题\n(一)\n（\n“\n等等等等项目落地"),
		[]byte("推动A、、、等一批项目落地，与签署协议，成为企业。上市"),
		[]byte("2022年，1.5.6.7%同比增长%%亿元万个百分点"),
		[]byte("西安某某科技有限公司(以下简称“”)有限公司(ABC)二期项目落户区"),
		[]byte("位于的的落户在于\n\n\n小米智\n\n能制造基地"),
		[]byte("记者：\n问：请问在\n答：X的Y项目，预计2027年建成投产了\n主持人：\n记者：在产业链"),        // a transcript's labels, cut short
		[]byte("序号  项目名称  建设单位\n1  A项目  B有限公司\n  \u3000\u3000  \n2    "), // a table aligned with spaces, ragged
		[]byte("上游（：A（B、、（C）)、；隔膜环节：；企业：)、【】【X项目】▶▶\n【新开工项目】，属于产业链"),     // tier lists, brackets and bullets unbalanced
		sample[:2000],
	}
	for _, s := range seeds {
		f.Add(s)
	}
	ex, err := New(Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		x, err := ex.Extract(name, data)
		if err != nil {
			return
		}
		checkExtraction(t, x)
	})
}
