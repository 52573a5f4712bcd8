package formatstest

import (
	"bytes"
	"math/rand"
	"strings"

	"github.com/kgraph/kg"
)

// Case is one bad input.
type Case struct {
	Name string
	// File is the file name it arrives under.
	File string
	// Data builds the bytes; large cases are built only when asked for.
	Data func() []byte
	// Size is about how many bytes Data returns, so suites can skip the
	// large cases in -short mode.
	Size int
	// Code is the error code formats.Read must return ("" when it reads the
	// file, as for text it passes through), and Reason a substring of the
	// message, which also names File.
	Code, Reason string
	// Pipeline is the code after formats.Read and extract.Extract ("" when
	// a best-effort result is expected): what kg build and POST /documents
	// report.
	Pipeline string
}

// Hostile returns the bad inputs of issue 6, a new table on every call.
func Hostile() []Case {
	noFont := "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
	long := PDF("1.4",
		"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		Stream("", []byte("BT /F1 12 Tf 72 700 Td ("+strings.Repeat("Annual report of the zone. ", 200)+") Tj ET")), Helvetica)
	fixed := func(b []byte) func() []byte { return func() []byte { return b } }
	str := func(s string) func() []byte { return fixed([]byte(s)) }
	und, big := kg.EUndecodable, kg.ETooLarge
	cases := []Case{
		{Name: "empty file", File: "empty.txt", Data: str(""), Code: und, Reason: "empty", Pipeline: und},
		{Name: "only white space", File: "blank.txt", Data: str(" \r\n\t\n　"), Code: und, Reason: "empty", Pipeline: und},
		{Name: "random binary", File: "noise.txt", Data: func() []byte {
			b := make([]byte, 4096)
			rand.New(rand.NewSource(1)).Read(b)
			return b
		}, Code: "", Pipeline: und},
		{Name: "NUL bytes", File: "zeros.txt", Data: fixed(make([]byte, 1024)), Code: "", Pipeline: und},
		{Name: "png image", File: "scan.png", Data: str("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), Code: und, Reason: "PNG", Pipeline: und},
		{Name: "jpeg image", File: "scan.jpg", Data: str("\xff\xd8\xff\xe0\x00\x10JFIF"), Code: und, Reason: "JPEG", Pipeline: und},
		{Name: "gzip archive", File: "report.txt.gz", Data: str("\x1f\x8b\x08\x00\x00\x00\x00\x00"), Code: und, Reason: "gzip", Pipeline: und},
		{Name: "executable", File: "report.exe", Data: str("\x7fELF\x02\x01\x01\x00"), Code: und, Reason: "executable", Pipeline: und},
		{Name: "windows executable", File: "setup.exe", Data: func() []byte {
			b := make([]byte, 256)
			copy(b, "MZ")
			b[0x3c] = 0x80
			copy(b[0x80:], "PE\x00\x00")
			return b
		}, Code: und, Reason: "Windows executable", Pipeline: und},
		{Name: "legacy word file", File: "report.doc", Data: str("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00"), Code: und, Reason: ".docx", Pipeline: und},
		{Name: "rtf file", File: "report.rtf", Data: str(`{\rtf1\ansi 北京}`), Code: und, Reason: "RTF", Pipeline: und},
		{Name: "docx that is not a zip", File: "report.docx", Data: str("这不是一个压缩文件"), Code: und, Reason: "not a zip", Pipeline: und},
		{Name: "zip that is not a docx", File: "photos.zip", Data: fixed(DOCX("a.txt", "hello")), Code: und, Reason: "word/document.xml", Pipeline: und},
		{Name: "truncated docx", File: "cut.docx", Data: fixed(DOCX("word/document.xml", WordDocument(Para("合肥高新区")))[:60]), Code: und, Reason: "zip", Pipeline: und},
		{Name: "docx zip bomb", File: "bomb.docx", Data: func() []byte { return ZipBomb(100 << 20) }, Size: 200 << 10, Code: big, Reason: "decompress", Pipeline: big},
		{Name: "docx with 20,000 entries", File: "many.docx", Data: func() []byte { return DOCXEntries(20000) }, Size: 2 << 20, Code: big, Reason: "entries", Pipeline: big},
		{Name: "docx with broken xml", File: "bad.docx", Data: fixed(DOCX("word/document.xml", "<w:document><w:body><w:p>"+strings.Repeat("<", 10))), Code: und, Reason: "word/document.xml", Pipeline: und},
		{Name: "docx without text", File: "empty.docx", Data: fixed(DOCX("word/document.xml", WordDocument("<w:p/>"))), Code: und, Reason: "no text", Pipeline: und},
		{Name: "truncated pdf", File: "cut.pdf", Data: fixed(long[:len(long)/2]), Code: und, Reason: "truncated", Pipeline: und},
		{Name: "pdf header only", File: "head.pdf", Data: str("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<"), Code: und, Reason: "truncated", Pipeline: und},
		{Name: "pdf named but not a pdf", File: "report.pdf", Data: str("plain words"), Code: und, Reason: "no PDF header", Pipeline: und},
		{Name: "pdf without a unicode map", File: "glyphs.pdf", Data: fixed(OnePage("BT /F1 12 Tf <00410042> Tj ET", "<< /Type /Font /Subtype /Type0 /Encoding /Identity-H >>")), Code: und, Reason: "no Unicode mapping", Pipeline: und},
		{Name: "scanned pdf", File: "scan.pdf", Data: fixed(OnePage("q 100 0 0 100 0 0 cm 0 0 1 1 re f Q", noFont)), Code: und, Reason: "no text layer", Pipeline: und},
		{Name: "pdf with a cyclic page tree", File: "cycle.pdf", Data: fixed(PDF("1.4", "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R 2 0 R] /Count 1 >>")), Code: und, Reason: "no pages", Pipeline: und},
		{Name: "pdf with a cyclic /Prev chain", File: "prev.pdf", Data: fixed(PrevCycle(OnePage("BT (a) Tj ET", noFont))), Code: und, Reason: "a loop", Pipeline: und},
		{Name: "pdf nested 100,000 levels", File: "deep.pdf", Data: fixed(PDF("1.4", "<< /Type /Catalog /Pages 2 0 R /X "+strings.Repeat("[", 100000)+strings.Repeat("]", 100000)+" >>", "<< /Type /Pages /Kids [] /Count 0 >>")), Code: und, Reason: "nested", Pipeline: und},
		{Name: "pdf content bomb", File: "bomb.pdf", Data: func() []byte {
			return PDF("1.4", "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>", Stream("/Filter /FlateDecode", Deflate(bytes.Repeat([]byte("0 "), 8<<20))))
		}, Size: 20 << 10, Code: big, Reason: "bytes per stream", Pipeline: big},
		{Name: "pdf xref subsection far out", File: "xref.pdf", Data: fixed(bytes.Replace(OnePage("BT (a) Tj ET", noFont), []byte("xref\n0 6\n"), []byte("xref\n2000000000 6\n"), 1)), Code: und, Reason: "implausible", Pipeline: und},
		{Name: "pdf declaring a huge size", File: "size.pdf", Data: fixed(bytes.Replace(OnePage("BT (a) Tj ET", noFont), []byte("/Size 6"), []byte("/Size 9000000000"), 1)), Code: und, Reason: "/Size", Pipeline: und},
		{Name: "pdf object stream stored in itself", File: "objstm.pdf", Data: fixed(ObjStmCycle()), Code: und, Reason: "object stream", Pipeline: und},
		{Name: "mht without an html part", File: "page.mht", Data: str("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n"), Code: und, Reason: "without an HTML part", Pipeline: und},
		{Name: "mht with a broken multipart body", File: "broken.mht", Data: str("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not base64!!!"), Code: und, Reason: "MHT", Pipeline: und},
		{Name: "html nested 100,000 levels", File: "deep.html", Data: str("<html><body>" + strings.Repeat("<div>", 100000) + "深圳市坪山区2023年工作总结。比亚迪坪山基地三期扩建工程投产。" + strings.Repeat("</div>", 100000) + "</body></html>"), Size: 1 << 20, Code: "", Pipeline: ""},
		{Name: "html with 100,000 unclosed tags", File: "unclosed.html", Data: str("<html><body>" + strings.Repeat("<b><table><td>", 100000) + "武汉东湖高新区2022年工作总结。光谷科学岛一期竣工。"), Size: 1 << 20, Code: "", Pipeline: ""},
		{Name: "html without text", File: "empty.html", Data: str("<html><body><script>var a = 1;</script><nav>菜单</nav></body></html>"), Code: und, Reason: "no text", Pipeline: und},
		{Name: "html with an unknown charset", File: "charset.html", Data: str(`<html><head><meta charset="x-unknown-9"></head><body><p>合肥高新区2023年工作总结。</p></body></html>`), Code: "", Pipeline: ""},
		{Name: "file of 200 MB", File: "huge.txt", Data: func() []byte { return bytes.Repeat([]byte("园区"), 200<<20/6) }, Size: 200 << 20, Code: big, Reason: "over the limit", Pipeline: big},
		{Name: "title without a year", File: "noyear.txt", Data: str("某某经济开发区管委会工作总结\n\n全区实现地区生产总值120亿元，同比增长5.1%。某某科技有限公司研发中心开工。"), Code: "", Pipeline: ""},
		{Name: "10,000 sentences without punctuation", File: "run-on.txt", Data: func() []byte {
			return []byte("西海岸新区2023年工作总结\n\n" + strings.Repeat("园区企业加快发展项目建设有序推进 ", 10000))
		}, Size: 500 << 10, Code: "", Pipeline: ""},
		{Name: "invalid utf-8 in a utf-8 page", File: "bad-utf8.html", Data: str("<html><head><meta charset=\"utf-8\"></head><body><h1>苏州工业园区2023年工作总结</h1><p>" + strings.Repeat("生物医药产业产值突破1500亿元，同比增长12.4%。", 8) + "苏州工业园区\xff\xfe纳米城三期封顶。</p></body></html>"), Code: "", Pipeline: ""},
	}
	return cases
}
