package formatstest

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"encoding/base64"
	"fmt"
	"io"
	"mime/quotedprintable"
	"strings"
)

// PDF assembles a PDF whose object n is objs[n-1], with a correct xref
// table and a trailer pointing at object 1 as the catalog.
func PDF(version string, objs ...string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%%PDF-%s\n", version)
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// Stream writes a PDF stream object with the given dictionary entries.
func Stream(dict string, data []byte) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

// OnePage is a one-page PDF showing content with font as /F1 (object 5);
// extra objects are numbered from 6.
func OnePage(content, font string, extra ...string) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		Stream("", []byte(content)),
		font,
	}
	return PDF("1.4", append(objs, extra...)...)
}

// Pages is a PDF with one page per content stream, all with Helvetica as
// /F1.
func Pages(contents ...string) []byte {
	kids := make([]string, len(contents))
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", "", Helvetica}
	for i, c := range contents {
		page, stream := len(objs)+1, len(objs)+2
		kids[i] = fmt.Sprintf("%d 0 R", page)
		objs = append(objs,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", stream),
			Stream("", []byte(c)))
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(contents))
	return PDF("1.4", objs...)
}

// Helvetica is a simple font dictionary with WinAnsi encoding.
const Helvetica = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"

// PrevCycle makes a PDF's trailer /Prev point at its own xref table.
func PrevCycle(pdf []byte) []byte {
	s := string(pdf)
	i := strings.LastIndex(s, "startxref\n")
	off := strings.TrimSpace(strings.SplitN(s[i+len("startxref\n"):], "\n", 2)[0])
	return []byte(strings.Replace(s, "/Root 1 0 R >>", "/Root 1 0 R /Prev "+off+" >>", 1))
}

// Deflate compresses data as a PDF FlateDecode filter expects.
func Deflate(data []byte) []byte {
	var b bytes.Buffer
	w := zlib.NewWriter(&b)
	w.Write(data) // a bytes.Buffer does not fail
	w.Close()
	return b.Bytes()
}

// DOCX zips name/content pairs in order, the way Word lays out a .docx.
func DOCX(parts ...string) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for i := 0; i+1 < len(parts); i += 2 {
		w, err := zw.Create(parts[i])
		if err != nil {
			panic(err) // only for invalid names, which callers do not pass
		}
		io.WriteString(w, parts[i+1])
	}
	zw.Close()
	return b.Bytes()
}

// ContentTypes is a minimal [Content_Types].xml.
const ContentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`

// WordDocument wraps body XML in a WordprocessingML document.
func WordDocument(body string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
		`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>` + body + `</w:body></w:document>`
}

// Para is one w:p with a run per string.
func Para(runs ...string) string {
	var b strings.Builder
	b.WriteString("<w:p>")
	for _, r := range runs {
		b.WriteString(`<w:r><w:t xml:space="preserve">` + r + `</w:t></w:r>`)
	}
	b.WriteString("</w:p>")
	return b.String()
}

// ZipBomb is a .docx whose word/document.xml inflates to size bytes from a
// few kilobytes; it is written in chunks, so building it costs no memory.
func ZipBomb(size int) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, _ := zw.Create("word/document.xml")
	io.WriteString(w, `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>`)
	chunk := bytes.Repeat([]byte("炸"), 1<<18)
	for n := 0; n < size; n += len(chunk) {
		w.Write(chunk)
	}
	io.WriteString(w, `</w:t></w:r></w:p></w:body></w:document>`)
	zw.Close()
	return b.Bytes()
}

// DOCXEntries is a zip of n tiny entries besides word/document.xml.
func DOCXEntries(n int) []byte {
	parts := []string{"word/document.xml", WordDocument(Para("合肥高新区"))}
	for i := 0; i < n; i++ {
		parts = append(parts, fmt.Sprintf("customXml/item%d.xml", i), "<a/>")
	}
	return DOCX(parts...)
}

// ObjStmCycle is a PDF whose cross-reference stream says that object
// stream 4 is stored in itself, and the page tree (object 2) in it: a
// reader that resolves such chains by recursion never returns.
func ObjStmCycle() []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.5\n")
	off1 := b.Len()
	b.WriteString("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n")
	off5 := b.Len()
	// Rows of W [1 2 1]: type, offset or container, generation or index.
	rows := []byte{
		0, 0, 0, 0,
		1, byte(off1 >> 8), byte(off1), 0,
		2, 0, 4, 0,
		0, 0, 0, 0,
		2, 0, 4, 1,
		1, byte(off5 >> 8), byte(off5), 0,
	}
	fmt.Fprintf(&b, "5 0 obj\n<< /Type /XRef /Size 6 /W [1 2 1] /Root 1 0 R /Length %d >>\nstream\n", len(rows))
	b.Write(rows)
	b.WriteString("\nendstream\nendobj\n")
	fmt.Fprintf(&b, "startxref\n%d\n%%%%EOF\n", off5)
	return b.Bytes()
}

// MHT saves an HTML page as a one-file web page (MIME multipart/related),
// the way browsers and Word do, with its HTML part in the given transfer
// encoding ("quoted-printable" or "base64") and charset.
func MHT(page []byte, transfer, charset string) []byte {
	var body bytes.Buffer
	switch transfer {
	case "quoted-printable":
		w := quotedprintable.NewWriter(&body)
		w.Write(page)
		w.Close()
	case "base64":
		enc := base64.StdEncoding.EncodeToString(page)
		for len(enc) > 76 {
			body.WriteString(enc[:76] + "\r\n")
			enc = enc[76:]
		}
		body.WriteString(enc)
	}
	ct := "text/html"
	if charset != "" {
		ct += "; charset=" + charset
	}
	var b bytes.Buffer
	b.WriteString("From: <Saved by a browser>\r\nSubject: report\r\nMIME-Version: 1.0\r\n")
	b.WriteString("Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--x----\"\r\n\r\n")
	b.WriteString("------MultipartBoundary--x----\r\nContent-Type: " + ct + "\r\nContent-Transfer-Encoding: " + transfer + "\r\nContent-Location: http://www.example.gov.cn/a.html\r\n\r\n")
	b.Write(body.Bytes())
	b.WriteString("\r\n------MultipartBoundary--x----\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n------MultipartBoundary--x------\r\n")
	return b.Bytes()
}
