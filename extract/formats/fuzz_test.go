package formats

import (
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/kgraph/kg"
	"github.com/kgraph/kg/extract/formats/formatstest"
)

// fuzzLimits keep one fuzz input cheap.
var fuzzLimits = Limits{MaxInput: 1 << 20, MaxOutput: 1 << 20, MaxEntries: 100, MaxDepth: 64, PDFTimeout: 5 * time.Second, PDFOps: 100000}

// checkRead states what every reader promises for any input: text that is
// valid UTF-8 and within the output limit, or a *kg.Error that names the
// file and has one of the two input error codes.
func checkRead(t *testing.T, name string, got Text, err error) {
	t.Helper()
	if err != nil {
		var ke *kg.Error
		if !errors.As(err, &ke) {
			t.Fatalf("error %v (%T) is not a *kg.Error", err, err)
		}
		if ke.Code != kg.EUndecodable && ke.Code != kg.ETooLarge {
			t.Fatalf("code %s for input error %v", ke.Code, err)
		}
		if !strings.HasPrefix(ke.Message, name+": ") {
			t.Fatalf("message %q does not name %s", ke.Message, name)
		}
		return
	}
	if !utf8.Valid(got.Data) {
		t.Fatalf("text is not valid UTF-8: %q", got.Data)
	}
	if int64(len(got.Data)) > 2*fuzzLimits.MaxOutput {
		t.Fatalf("text of %d bytes is over the output limit %d", len(got.Data), fuzzLimits.MaxOutput)
	}
}

// Seeds for the HTML reader:
//   - a government page in GB2312 with navigation, scripts and a TRS body;
//   - deep nesting, unclosed tags, stray end tags, a charset after 1 KB;
//   - invalid UTF-8 without a declaration, NUL bytes, an unterminated comment.
func FuzzReadHTML(f *testing.F) {
	f.Add(readFixture(f, "gov-gbk.html"))
	f.Add(readFixture(f, "portal-utf8.html"))
	f.Add([]byte("<html><body>" + strings.Repeat("<div>", 1000) + "正文" + strings.Repeat("</div>", 1000)))
	f.Add([]byte("<b><table><td><b><table><td>" + strings.Repeat("</p></td>", 50) + "文字"))
	f.Add([]byte("<html><head><!-- " + strings.Repeat("x", 1100) + ` --><meta charset="gbk"></head><body>` + "\xc4\xe3\xba\xc3"))
	f.Add([]byte("<html><body>\xff\xfe\x00\x00<p>\x00</p><!-- unterminated"))
	f.Add([]byte("<pre>  a\n  b</pre><script>if (a < b) {}</script><style>p{}</style><nav class=\"content\">x</nav>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := readHTML("f.html", data, fuzzLimits.withDefaults())
		checkRead(t, "f.html", got, err)
	})
}

// Seeds for the .docx reader: a well-formed document, one with tables,
// revisions and text boxes, a zip bomb, a zip without the main part, a
// truncated zip and bytes that are not a zip.
func FuzzReadDOCX(f *testing.F) {
	f.Add(formatstest.DOCX("[Content_Types].xml", formatstest.ContentTypes, "word/document.xml", formatstest.WordDocument(formatstest.Para("合肥高新区", "2023年")+formatstest.Para("一、产业发展"))))
	f.Add(formatstest.DOCX("word/document.xml", formatstest.WordDocument(`<w:p><w:del><w:r><w:delText>x</w:delText></w:r></w:del><w:r><w:br/><w:tab/><w:t>y</w:t></w:r></w:p><w:tbl><w:tr><w:tc>`+formatstest.Para("z")+`</w:tc></w:tr></w:tbl>`)))
	f.Add(formatstest.DOCX("word/document.xml", formatstest.WordDocument(formatstest.Para(strings.Repeat("炸", 1<<16)))))
	f.Add(formatstest.DOCX("a.txt", "hello"))
	f.Add(formatstest.DOCX("word/document.xml", formatstest.WordDocument(formatstest.Para("截断")))[:80])
	f.Add([]byte("PK\x03\x04 not really a zip"))
	f.Add(formatstest.DOCX("word/numbering.xml", numberingXML, "word/document.xml", formatstest.WordDocument(numbered("1", 1, "甲")+numbered("2", 0, "乙")+numbered("9", 7, "丙"))))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := readDOCX("f.docx", data, fuzzLimits.withDefaults())
		checkRead(t, "f.docx", got, err)
	})
}

// Seeds for the PDF reader: Chromium's output, hand-made files with each
// kind of font encoding, and the hostile ones (truncated, cyclic page tree,
// deep nesting, a content bomb, glyphs without a Unicode map).
func FuzzReadPDF(f *testing.F) {
	report := readFixture(f, "report.pdf")
	type1 := "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
	f.Add(report)
	f.Add(report[:len(report)/2])
	f.Add(formatstest.OnePage("BT /F1 12 Tf 72 700 Td (Hello) Tj 0 -20 Td [(a) -600 (b)] TJ T* (c) ' ET", type1))
	f.Add(formatstest.OnePage("BT /F1 12 Tf <000100020004> Tj <0007> Tj ET", "<< /Type /Font /Subtype /Type0 /Encoding /Identity-H /ToUnicode 6 0 R >>", formatstest.Stream("", []byte(toUnicodeCMap))))
	f.Add(formatstest.OnePage("BT /F1 12 Tf <5F005DE5> Tj ET", "<< /Type /Font /Subtype /Type0 /Encoding /UniGB-UCS2-H >>"))
	f.Add(formatstest.OnePage("BT /F1 12 Tf <CDB6B2FA> Tj ET", "<< /Type /Font /Subtype /Type0 /Encoding /GBK-EUC-H >>"))
	f.Add(formatstest.OnePage("BT /F1 12 Tf <00410042> Tj ET", "<< /Type /Font /Subtype /Type0 /Encoding /Identity-H >>"))
	f.Add(formatstest.OnePage("BT /F1 12 Tf "+strings.Repeat("[", 300)+" TJ ET", type1))
	f.Add(formatstest.PDF("1.4", "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R 2 0 R] /Count 1 >>"))
	f.Add(formatstest.PDF("2.0", "<< /Type /Catalog /Pages 2 0 R /X [[[[[[<</A [(s\\)[[[)]>>]]]]]] >>", "<< /Type /Pages /Kids [] /Count 0 >>"))
	f.Add(formatstest.PDF("1.4", "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /X1 6 0 R >> >> /Contents 4 0 R >>",
		formatstest.Stream("", []byte("/X1 Do BT /F1 12 Tf 72 600 Td (Body) Tj ET")), type1,
		formatstest.Stream("/Type /XObject /Subtype /Form /Matrix [1 0 0 1 0 10] /Resources << /Font << /F1 5 0 R >> /XObject << /X1 6 0 R >> >>", []byte("BT /F1 10 Tf (Head) Tj ET /X1 Do"))))
	f.Add(formatstest.Pages("BT /F1 9 Tf 1 0 0 1 72 800 Tm (Head 1) Tj 1 0 0 1 72 700 Tm (one) Tj ET", "BT /F1 9 Tf 1 0 0 1 72 800 Tm (Head 2) Tj ET", "BT /F1 9 Tf 1 0 0 1 72 800 Tm (Head 3) Tj ET"))
	f.Add(formatstest.ObjStmCycle())
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := readPDF("f.pdf", data, fuzzLimits.withDefaults())
		checkRead(t, "f.pdf", got, err)
	})
}

// Seeds for the MHT reader: pages saved by a browser (quoted-printable) and
// by Word (base64 with a charset), a message without an HTML part, and a
// broken multipart body.
func FuzzReadMHT(f *testing.F) {
	f.Add(formatstest.MHT(readFixture(f, "portal-utf8.html"), "quoted-printable", ""))
	f.Add(formatstest.MHT(readFixture(f, "gov-gbk.html"), "base64", "gb2312"))
	f.Add([]byte("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n"))
	f.Add([]byte("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: multipart/alternative; boundary=\"c\"\r\n\r\n--c\r\nContent-Type: text/html; charset=x-bogus\r\n\r\n<p>文</p>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := readMHT("f.mht", data, fuzzLimits.withDefaults())
		checkRead(t, "f.mht", got, err)
	})
}
