package formats

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// readDOCX reads the body text of a .docx: the paragraphs of
// word/document.xml in document order, one per line, table cells included.
// Deleted revisions, field codes and the fallback copies of text boxes are
// left out. Headers, footers and footnotes live in other parts and are not
// read.
func readDOCX(name string, data []byte, lim Limits) (Text, error) {
	var t Text
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return t, undecodable(name, "not a readable zip archive, so not a .docx: %v", err)
	}
	if len(zr.File) > lim.MaxEntries {
		return t, tooLarge(name, "zip archive has %d entries, over the limit of %d", len(zr.File), lim.MaxEntries)
	}
	var doc *zip.File
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			doc = f
			break
		}
	}
	if doc == nil {
		return t, undecodable(name, "zip archive without word/document.xml: not a .docx")
	}
	// The header's sizes can lie; the limit is enforced on the bytes read.
	if doc.UncompressedSize64 > uint64(lim.MaxOutput) {
		return t, tooLarge(name, "word/document.xml declares %d bytes, over the decompression limit of %d", doc.UncompressedSize64, lim.MaxOutput)
	}
	rc, err := doc.Open()
	if err != nil {
		return t, undecodable(name, "opening word/document.xml: %v", err)
	}
	defer rc.Close()
	lr := &limitedReader{r: rc, n: lim.MaxOutput}
	text, err := docxText(lr)
	if lr.over {
		return t, tooLarge(name, "word/document.xml decompresses to more than %d bytes", lim.MaxOutput)
	}
	if err != nil {
		return t, undecodable(name, "reading word/document.xml: %v", err)
	}
	t.Data = []byte(text)
	return t, nil
}

// limitedReader is io.LimitReader that remembers it hit the limit, so that
// a zip bomb is told apart from a broken file.
type limitedReader struct {
	r    io.Reader
	n    int64
	over bool
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		l.over = true
		return 0, errors.New("decompression limit reached")
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	return n, err
}

// docxText walks WordprocessingML. Elements are matched by local name so
// that both the transitional and the strict namespaces are read.
func docxText(r io.Reader) (string, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = false
	var b, para strings.Builder
	var (
		inText   bool
		skip     int // inside w:del, w:instrText, mc:Fallback...
		skipName string
	)
	// Paragraphs are separated by a blank line, as in the plain-text
	// reports; a manual line break (w:br) by a newline.
	sep := ""
	endPara := func(next string) {
		s := strings.TrimFunc(para.String(), isSpace)
		para.Reset()
		if s == "" {
			if next == "\n\n" && sep != "" {
				sep = next
			}
			return
		}
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(s)
		sep = next
	}
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", err
		}
		switch el := tok.(type) {
		case xml.StartElement:
			local := el.Name.Local
			if skip > 0 {
				if local == skipName {
					skip++
				}
				continue
			}
			switch local {
			case "delText", "instrText", "Fallback", "del", "moveFrom":
				skip, skipName = 1, local
			case "t":
				inText = true
			case "tab", "ptab":
				para.WriteByte('\t')
			case "br", "cr":
				endPara("\n")
			case "noBreakHyphen", "softHyphen":
				para.WriteByte('-')
			}
		case xml.EndElement:
			local := el.Name.Local
			if skip > 0 {
				if local == skipName {
					skip--
				}
				continue
			}
			switch local {
			case "t":
				inText = false
			case "p":
				endPara("\n\n")
			case "tc":
				para.WriteByte('\t')
			}
		case xml.CharData:
			if inText && skip == 0 {
				para.Write(el)
			}
		}
	}
	endPara("")
	return b.String(), nil
}
