package formats

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode"
)

// readDOCX reads the body text of a .docx: the paragraphs of
// word/document.xml in document order, one per line, table cells included,
// with the labels of automatically numbered paragraphs (一、, （一）, 1.)
// written out from word/numbering.xml, since reports number their sections
// that way. Deleted revisions, field codes and the fallback copies of text
// boxes are left out. Headers, footers and footnotes live in other parts
// and are not read.
func readDOCX(name string, data []byte, lim Limits) (Text, error) {
	var t Text
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return t, undecodable(name, "not a readable zip archive, so not a .docx: %v", err)
	}
	if len(zr.File) > lim.MaxEntries {
		return t, tooLarge(name, "zip archive has %d entries, over the limit of %d", len(zr.File), lim.MaxEntries)
	}
	var doc, numbering *zip.File
	for _, f := range zr.File {
		switch f.Name {
		case "word/document.xml":
			doc = f
		case "word/numbering.xml":
			numbering = f
		}
	}
	if doc == nil {
		return t, undecodable(name, "zip archive without word/document.xml: not a .docx")
	}
	// The header's sizes can lie; the limit is enforced on the bytes read.
	if doc.UncompressedSize64 > uint64(lim.MaxOutput) {
		return t, tooLarge(name, "word/document.xml declares %d bytes, over the decompression limit of %d", doc.UncompressedSize64, lim.MaxOutput)
	}
	// Numbering is a nicety: a broken numbering part is read as none.
	var nums docxNumbering
	if numbering != nil {
		if rc, err := numbering.Open(); err == nil {
			nums, _ = readNumbering(&limitedReader{r: rc, n: min(lim.MaxOutput, 8<<20)})
			rc.Close()
		}
	}
	rc, err := doc.Open()
	if err != nil {
		return t, undecodable(name, "opening word/document.xml: %v", err)
	}
	defer rc.Close()
	lr := &limitedReader{r: rc, n: lim.MaxOutput}
	text, err := docxText(lr, nums)
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
func docxText(r io.Reader, nums docxNumbering) (string, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = false
	var b, para strings.Builder
	var (
		inText   bool
		skip     int // inside w:del, w:instrText, mc:Fallback...
		skipName string
		inNumPr  bool
		inCell   int // open w:tc: a table's cell, whose paragraphs stay in its row
		numID    string
		ilvl     int
		counters = map[string][]int{} // per numId, the count at each level
	)
	// Paragraphs are separated by a blank line, as in the plain-text
	// reports; a manual line break (w:br) by a newline.
	sep := ""
	emit := func(s, next string) {
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(s)
		sep = next
	}
	endPara := func(next string) {
		s := strings.TrimFunc(para.String(), isSpace)
		para.Reset()
		if s == "" {
			if next == "\n\n" && sep != "" {
				sep = next
			}
			return
		}
		emit(s, next)
	}
	// A table's row is one line, its cells separated by tabs, as the
	// extractor reads a tab-separated table (empty cells kept in place).
	endRow := func() {
		s := strings.TrimRight(para.String(), "\t \u00a0\u3000")
		para.Reset()
		if strings.TrimFunc(s, isSpace) != "" {
			emit(s, "\n")
		}
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
			// Deleted and moved-away text, field codes, fallback copies of
			// text boxes, earlier versions of properties, tab stop lists.
			case "delText", "instrText", "Fallback", "del", "moveFrom", "pPrChange", "rPrChange", "tabs":
				skip, skipName = 1, local
			case "p":
				numID, ilvl = "", 0
			case "tc":
				inCell++
			case "tbl":
				endPara("\n\n")
			case "numPr":
				inNumPr = true
			case "numId", "ilvl":
				if inNumPr {
					v := attr(el, "val")
					if local == "numId" {
						numID = v
					} else {
						ilvl = atoiSmall(v)
					}
				}
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
			case "numPr":
				inNumPr = false
			case "pPr":
				if numID != "" && numID != "0" {
					para.WriteString(nums.label(numID, ilvl, counters))
				}
			case "t":
				inText = false
			case "p":
				if inCell > 0 {
					para.WriteByte(' ') // a cell's next paragraph: same cell
				} else {
					endPara("\n\n")
				}
			case "tc":
				if inCell > 0 {
					inCell--
				}
				if t := para.String(); strings.HasSuffix(t, " ") {
					para.Reset()
					para.WriteString(strings.TrimRight(t, " "))
				}
				para.WriteByte('\t')
			case "tr":
				endRow()
			case "tbl":
				sep = "\n\n"
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

// docxNumbering is what word/numbering.xml says of each list: for a numId,
// the format and label pattern of each level.
type docxNumbering struct {
	abstract map[string][]docxLevel // abstractNumId → levels
	nums     map[string]string      // numId → abstractNumId
}

type docxLevel struct {
	start  int
	format string // numFmt: decimal, chineseCounting, ...
	text   string // lvlText: "%1、", "（%1）", "%1.%2"
}

// readNumbering reads the abstract numbering definitions and the lists
// that use them.
func readNumbering(r io.Reader) (docxNumbering, error) {
	n := docxNumbering{abstract: map[string][]docxLevel{}, nums: map[string]string{}}
	dec := xml.NewDecoder(r)
	dec.Strict = false
	var abs, num string
	lvl := -1
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch el.Name.Local {
		case "abstractNum":
			abs, num, lvl = attr(el, "abstractNumId"), "", -1
		case "num":
			abs, num, lvl = "", attr(el, "numId"), -1
		case "abstractNumId":
			if num != "" {
				n.nums[num] = attr(el, "val")
			}
		case "lvl":
			lvl = atoiSmall(attr(el, "ilvl"))
			if abs != "" {
				levels := n.abstract[abs]
				for len(levels) <= lvl {
					levels = append(levels, docxLevel{start: 1, format: "decimal"})
				}
				n.abstract[abs] = levels
			}
		case "start", "numFmt", "lvlText":
			levels := n.abstract[abs]
			if abs == "" || lvl < 0 || lvl >= len(levels) {
				continue
			}
			v := attr(el, "val")
			switch el.Name.Local {
			case "start":
				if n, err := strconv.Atoi(v); err == nil && n >= 0 && n < 1000 {
					levels[lvl].start = n
				}
			case "numFmt":
				levels[lvl].format = v
			case "lvlText":
				levels[lvl].text = v
			}
		}
	}
}

// label advances the counter of list numID at level ilvl (restarting the
// deeper levels) and returns the paragraph's label, "" for bullets.
func (n docxNumbering) label(numID string, ilvl int, counters map[string][]int) string {
	levels := n.abstract[n.nums[numID]]
	if ilvl < 0 || ilvl >= len(levels) {
		return ""
	}
	c := counters[numID]
	for len(c) < len(levels) {
		c = append(c, levels[len(c)].start-1)
	}
	c[ilvl]++
	for i := ilvl + 1; i < len(c); i++ {
		c[i] = levels[i].start - 1
	}
	counters[numID] = c
	if levels[ilvl].format == "bullet" || levels[ilvl].format == "none" {
		return ""
	}
	out := levels[ilvl].text
	for i := len(levels) - 1; i >= 0; i-- {
		// A level above that was never used shows its start.
		out = strings.ReplaceAll(out, "%"+strconv.Itoa(i+1), formatNumber(max(c[i], levels[i].start), levels[i].format))
	}
	return out
}

// formatNumber writes n in a Word number format.
func formatNumber(n int, format string) string {
	switch format {
	case "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "taiwaneseCounting", "ideographDigital":
		return chineseNumber(n)
	case "ideographTraditional":
		if n >= 1 && n <= 10 {
			return string([]rune("甲乙丙丁戊己庚辛壬癸")[n-1])
		}
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
		if n >= 1 && n <= 20 {
			return string(rune('①' + n - 1))
		}
	case "decimalFullWidth", "decimalFullWidth2":
		return strings.Map(func(r rune) rune { return r - '0' + '０' }, strconv.Itoa(n))
	case "lowerLetter", "upperLetter":
		if n >= 1 && n <= 26 {
			c := rune('a' + n - 1)
			if format == "upperLetter" {
				c = unicode.ToUpper(c)
			}
			return string(c)
		}
	case "lowerRoman", "upperRoman":
		if n >= 1 && n <= 39 {
			r := strings.Repeat("x", n/10) + []string{"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"}[n%10]
			if format == "upperRoman" {
				r = strings.ToUpper(r)
			}
			return r
		}
	}
	return strconv.Itoa(n)
}

// chineseNumber writes 1–99 as 一…九十九 (larger numbers in digits).
func chineseNumber(n int) string {
	digits := []rune("零一二三四五六七八九")
	switch {
	case n <= 0 || n > 99:
		return strconv.Itoa(n)
	case n < 10:
		return string(digits[n])
	}
	s := ""
	if n/10 > 1 {
		s = string(digits[n/10])
	}
	s += "十"
	if n%10 > 0 {
		s += string(digits[n%10])
	}
	return s
}

// attr returns the value of el's attribute local (any namespace).
func attr(el xml.StartElement, local string) string {
	for _, a := range el.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// atoiSmall reads a small non-negative number, 0 for anything else, so
// that a hostile level index cannot allocate.
func atoiSmall(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > 9 {
		return 0
	}
	return n
}
