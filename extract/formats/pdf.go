package formats

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/unicode/norm"
)

// The PDF reader uses github.com/ledongthuc/pdf for the file structure
// (xref, objects, filters, encryption with an empty user password) and its
// PostScript scanner, and does the text itself: the library's own text
// functions ignore a font's ToUnicode map whenever the font also has an
// /Encoding, which is how Chromium, Skia and many Office exports write CJK
// text, and they give garbage for it.

// Bounds that keep one hostile PDF cheap whatever its declared sizes.
const (
	maxPDFStream   = 8 << 20 // decompressed bytes of one content stream or CMap
	maxPDFTreeWalk = 20000   // page-tree nodes visited (and so pages read)
)

// errPDFBudget aborts interpretation from inside the library's callback;
// errPDFReads aborts the library when it reads too much of the file.
var (
	errPDFBudget = errors.New("PDF work budget exhausted")
	errPDFReads  = errors.New("PDF read budget exhausted")
)

func readPDF(name string, data []byte, lim Limits) (Text, error) {
	type result struct {
		t   Text
		err error
	}
	// The library can loop on crafted files: a goroutine with a deadline
	// bounds the time; the bounds above bound what it can still do after
	// the deadline, since a goroutine cannot be stopped.
	done := make(chan result, 1)
	go func() {
		t, err := readPDFText(name, data, lim)
		done <- result{t, err}
	}()
	timer := time.NewTimer(lim.PDFTimeout)
	defer timer.Stop()
	select {
	case r := <-done:
		return r.t, r.err
	case <-timer.C:
		return Text{}, tooLarge(name, "reading the PDF took longer than %v", lim.PDFTimeout)
	}
}

func readPDFText(name string, data []byte, lim Limits) (t Text, err error) {
	defer func() {
		if x := recover(); x != nil {
			switch x {
			case errPDFBudget:
				err = tooLarge(name, "PDF content needs more than %d operators, %d bytes of text or %d bytes per stream", lim.PDFOps, lim.MaxOutput, maxPDFStream)
				return
			case errPDFReads:
				err = readsError(name, len(data))
				return
			case errPDFNesting:
				err = undecodable(name, "PDF content nested deeper than %d levels", maxPDFNesting)
				return
			}
			err = undecodable(name, "damaged PDF: %v", x)
		}
	}()
	data = pdfHeader(data)
	xrefs, err := checkPDFSyntax(data, lim.MaxOutput)
	if err != nil {
		return t, undecodable(name, "damaged PDF: %v", err)
	}
	if err := pdfXrefTablesOK(data); err != nil {
		return t, undecodable(name, "damaged PDF: implausible %v", err)
	}
	if err := pdfObjStmChainsOK(data, xrefs); err != nil {
		return t, undecodable(name, "damaged PDF: %v", err)
	}
	if err := pdfPrevChainOK(data); err != nil {
		return t, undecodable(name, "damaged PDF: %v", err)
	}
	r, err := pdf.NewReader(&budgetReader{data: data, left: readBudget(len(data))}, int64(len(data)))
	if err != nil {
		msg := err.Error()
		switch {
		case errors.Is(err, errPDFReads):
			return t, readsError(name, len(data))
		case strings.Contains(msg, "%%EOF"), strings.Contains(msg, "startxref"):
			return t, undecodable(name, "truncated or damaged PDF (%v)", err)
		case errors.Is(err, pdf.ErrInvalidPassword):
			return t, undecodable(name, "PDF is encrypted with a password")
		}
		return t, undecodable(name, "damaged PDF (%v)", err)
	}
	x := &pdfText{lim: lim}
	pages := pdfPages(r.Trailer().Key("Root").Key("Pages"))
	lines := make([][]*pdfLine, 0, len(pages))
	for _, p := range pages {
		ls := x.page(p)
		if len(ls) == 0 {
			x.emptyPages++
		}
		lines = append(lines, ls)
	}
	dropRunningLines(lines)
	text := cleanPDFText(joinPages(lines))
	switch {
	case len(pages) == 0:
		return t, undecodable(name, "PDF has no pages")
	case countText(text) == 0 && x.undecoded > 0:
		return t, undecodable(name, "PDF text cannot be decoded: its fonts carry no Unicode mapping")
	case countText(text) == 0:
		return t, undecodable(name, "PDF has no text layer (a scanned image?); it needs OCR first")
	}
	if x.emptyPages > 0 {
		t.Warnings = append(t.Warnings, fmt.Sprintf("%d of %d PDF pages have no text layer", x.emptyPages, len(pages)))
	}
	if x.undecoded > 0 {
		t.Warnings = append(t.Warnings, fmt.Sprintf("%d PDF glyphs could not be mapped to Unicode", x.undecoded))
	}
	t.Data = []byte(text)
	return t, nil
}

// readsError reports a file that made the library read past its budget.
func readsError(name string, size int) error {
	return tooLarge(name, "PDF structure needs more than %d bytes of reading (a loop in its cross-references, or too many objects)", readBudget(size))
}

// pdfHeader lets the library, which takes PDF 1.x only, read PDF 2.0 files
// (same syntax for what is read here).
func pdfHeader(data []byte) []byte {
	if bytes.HasPrefix(data, []byte("%PDF-2.")) {
		data = bytes.Clone(data)
		copy(data, "%PDF-1.7")
	}
	return data
}

// pdfPages lists the page objects in order, walking the page tree with a
// bound on the nodes visited so that a cyclic tree ends.
func pdfPages(root pdf.Value) []pdf.Value {
	var pages []pdf.Value
	stack := []pdf.Value{root}
	visits := 0
	for len(stack) > 0 && visits < maxPDFTreeWalk {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		visits++
		kids := n.Key("Kids")
		if n.Key("Type").Name() == "Page" || (kids.Kind() != pdf.Array && n.Key("Contents").Kind() != pdf.Null) {
			pages = append(pages, n)
			continue
		}
		for i := min(kids.Len(), maxPDFTreeWalk) - 1; i >= 0; i-- {
			stack = append(stack, kids.Index(i))
		}
		if len(stack) > maxPDFTreeWalk {
			break
		}
	}
	return pages
}

// pdfText reads the text of the pages.
type pdfText struct {
	lim         Limits
	bytes       int64 // text read so far
	streamBytes int64 // content decompressed so far (form XObjects may repeat)
	ops         int
	undecoded   int
	emptyPages  int
}

// maxFormDepth bounds form XObjects drawn inside form XObjects.
const maxFormDepth = 8

// pdfLine is text shown on one baseline: its start x, its y and the font
// height, in device space (y grows up the page).
type pdfLine struct {
	x, y, h float64
	text    strings.Builder
}

type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

// page interprets one page's content streams into lines, in the order the
// producer wrote them.
func (x *pdfText) page(p pdf.Value) []*pdfLine {
	var lines []*pdfLine
	x.content(p.Key("Contents"), inherited(p, "Resources"), identity, &lines, 0)
	return lines
}

// content interprets a content stream (a page's, or a form XObject's drawn
// with the Do operator) with its resources and the current transformation,
// appending the text it shows to lines.
func (x *pdfText) content(contents, res pdf.Value, ctm matrix, lines *[]*pdfLine, depth int) {
	if contents.Kind() == pdf.Null {
		return
	}
	n, err := streamsFit(contents, maxPDFStream)
	x.streamBytes += n
	switch {
	case err == errStreamSize || x.streamBytes > 4*x.lim.MaxOutput:
		panic(errPDFBudget)
	case err == errStreamNesting:
		panic(errPDFNesting)
	}
	fonts := map[string]*pdfFont{}
	fontDict := res.Key("Font")
	var (
		stack   []matrix
		tm, tlm = identity, identity
		leading float64
		font    *pdfFont
		size    float64 = 1
		cur     *pdfLine
	)
	if len(*lines) > 0 {
		cur = (*lines)[len(*lines)-1]
	}
	show := func(raw string) {
		if font == nil {
			font = &pdfFont{simple: charmap.Windows1252}
		}
		s := font.decode(raw, &x.undecoded)
		if s == "" {
			return
		}
		m := tm.mul(ctm)
		h := math.Abs(size * math.Hypot(m[2], m[3]))
		if h == 0 {
			h = 1
		}
		if cur == nil || math.Abs(cur.y-m[5]) > 0.5*math.Min(h, cur.h) {
			cur = &pdfLine{x: m[4], y: m[5], h: h}
			*lines = append(*lines, cur)
		}
		cur.text.WriteString(s)
		x.bytes += int64(len(s))
		if x.bytes > x.lim.MaxOutput {
			panic(errPDFBudget)
		}
	}
	nextLine := func() {
		tlm = matrix{1, 0, 0, 1, 0, -leading}.mul(tlm)
		tm = tlm
	}
	pdf.Interpret(contents, func(stk *pdf.Stack, op string) {
		x.ops++
		if x.ops > x.lim.PDFOps {
			panic(errPDFBudget)
		}
		args := make([]pdf.Value, stk.Len())
		for i := len(args) - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		num := func(i int) float64 {
			if i < len(args) {
				return args[i].Float64()
			}
			return 0
		}
		switch op {
		case "q":
			if len(stack) < 1024 {
				stack = append(stack, ctm)
			}
		case "Q":
			if len(stack) > 0 {
				ctm, stack = stack[len(stack)-1], stack[:len(stack)-1]
			}
		case "cm":
			if len(args) == 6 {
				ctm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}.mul(ctm)
			}
		case "Do":
			// Form XObjects carry text too (running heads, whole pages
			// from some converters); images are skipped.
			if len(args) == 1 && depth < maxFormDepth {
				xo := res.Key("XObject").Key(args[0].Name())
				if xo.Key("Subtype").Name() == "Form" {
					m := identity
					if a := xo.Key("Matrix"); a.Len() == 6 {
						m = matrix{a.Index(0).Float64(), a.Index(1).Float64(), a.Index(2).Float64(), a.Index(3).Float64(), a.Index(4).Float64(), a.Index(5).Float64()}
					}
					sub := xo.Key("Resources")
					if sub.Kind() == pdf.Null {
						sub = res
					}
					x.content(xo, sub, m.mul(ctm), lines, depth+1)
					cur = nil
					if len(*lines) > 0 {
						cur = (*lines)[len(*lines)-1]
					}
				}
			}
		case "BT":
			tm, tlm = identity, identity
		case "Tf":
			if len(args) == 2 {
				fn := args[0].Name()
				f, ok := fonts[fn]
				if !ok {
					f = x.newFont(fontDict.Key(fn))
					fonts[fn] = f
				}
				font, size = f, num(1)
			}
		case "TL":
			leading = num(0)
		case "Td", "TD":
			if len(args) == 2 {
				if op == "TD" {
					leading = -num(1)
				}
				tlm = matrix{1, 0, 0, 1, num(0), num(1)}.mul(tlm)
				tm = tlm
			}
		case "Tm":
			if len(args) == 6 {
				tlm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}
				tm = tlm
			}
		case "T*":
			nextLine()
		case "Tj":
			if len(args) == 1 {
				show(args[0].RawString())
			}
		case "'", "\"":
			if len(args) >= 1 {
				nextLine()
				show(args[len(args)-1].RawString())
			}
		case "TJ":
			if len(args) == 1 {
				a := args[0]
				for i := 0; i < a.Len(); i++ {
					v := a.Index(i)
					switch v.Kind() {
					case pdf.String:
						show(v.RawString())
					case pdf.Integer, pdf.Real:
						// A wide gap between Latin words is a space;
						// between ideographs it is only layout.
						if cur != nil && v.Float64() < -250 && endsLatin(cur.text.String()) {
							cur.text.WriteByte(' ')
						}
					}
				}
			}
		}
	})
}

// inherited looks a page attribute up the page tree.
func inherited(p pdf.Value, key string) pdf.Value {
	for i := 0; i < 64 && p.Kind() != pdf.Null; i++ {
		if v := p.Key(key); v.Kind() != pdf.Null {
			return v
		}
		p = p.Key("Parent")
	}
	return pdf.Value{}
}

var (
	errStreamSize    = errors.New("stream too large")
	errStreamNesting = errors.New("stream nested too deep")
	errPDFNesting    = errors.New("PDF content stream nested too deep")
)

// streamsFit reads a stream (or an array of streams) through its filters
// and checks that it decompresses to at most limit bytes (it returns how
// many it read) and nests arrays
// and dictionaries no deeper than maxPDFNesting. The library's scanner keeps
// every operand on a stack until an operator comes, so an unbounded stream
// would be unbounded memory, and it parses arrays recursively.
func streamsFit(v pdf.Value, limit int64) (int64, error) {
	var rs []pdf.Value
	switch v.Kind() {
	case pdf.Array:
		for i := 0; i < v.Len() && i < 4096; i++ {
			rs = append(rs, v.Index(i))
		}
	case pdf.Stream:
		rs = append(rs, v)
	default:
		return 0, nil
	}
	total := int64(0)
	var ns nestingScanner
	for _, s := range rs {
		rc := s.Reader()
		cr := &countingReader{r: rc}
		ok := ns.feedReader(cr, limit-total+1)
		rc.Close()
		total += cr.n
		switch {
		case !ok:
			return total, errStreamNesting
		case total > limit:
			return total, errStreamSize
		}
	}
	return total, nil
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// pdfFont decodes the strings shown with one font.
type pdfFont struct {
	cmap   *toUnicode
	wide   bool              // composite (Type0) font: 2-byte codes unless the CMap says otherwise
	ucs2   bool              // predefined Uni…-UCS2/UTF16 CMap: codes are UTF-16BE
	multi  encoding.Encoding // predefined GBK/Big5 CMap: codes are the legacy encoding's bytes
	simple *charmap.Charmap  // simple font without ToUnicode
	diffs  map[byte]rune     // /Differences glyph names we can read
}

// newFont reads a font dictionary. Its ToUnicode map counts against the
// decompression budget: fonts are read again in every form XObject drawn.
func (x *pdfText) newFont(f pdf.Value) *pdfFont {
	font := &pdfFont{}
	font.wide = f.Key("Subtype").Name() == "Type0"
	if tu := f.Key("ToUnicode"); tu.Kind() == pdf.Stream {
		n, err := streamsFit(tu, maxPDFStream)
		x.streamBytes += n
		if x.streamBytes > 4*x.lim.MaxOutput {
			panic(errPDFBudget)
		}
		if err == nil {
			font.cmap = readToUnicode(tu)
		}
	}
	enc := f.Key("Encoding")
	switch n := enc.Name(); {
	case font.wide && strings.HasPrefix(n, "Uni") && (strings.Contains(n, "UCS2") || strings.Contains(n, "UTF16")):
		font.ucs2 = true
	case font.wide && (strings.HasPrefix(n, "GBK") || strings.HasPrefix(n, "GB-") || strings.HasPrefix(n, "GBpc") || strings.HasPrefix(n, "GBT")):
		font.multi = simplifiedchinese.GB18030
	case font.wide && (strings.HasPrefix(n, "B5") || strings.HasPrefix(n, "ETen") || strings.HasPrefix(n, "HKscs")):
		font.multi = traditionalchinese.Big5
	case n == "MacRomanEncoding":
		font.simple = charmap.Macintosh
	default:
		font.simple = charmap.Windows1252
	}
	if d := enc.Key("Differences"); d.Kind() == pdf.Array {
		font.diffs = map[byte]rune{}
		code := 0
		for i := 0; i < d.Len() && i < 4096; i++ {
			v := d.Index(i)
			if v.Kind() == pdf.Integer {
				code = int(v.Int64())
				continue
			}
			if r, ok := glyphRune(v.Name()); ok && code >= 0 && code < 256 {
				font.diffs[byte(code)] = r
			}
			code++
		}
	}
	return font
}

// decode turns a shown string into text, counting glyphs it cannot map.
func (f *pdfFont) decode(raw string, undecoded *int) string {
	var b strings.Builder
	switch {
	case f.cmap != nil:
		for i := 0; i < len(raw); {
			s, n, ok := f.cmap.lookup(raw[i:], f.wide)
			i += n
			if !ok {
				if !f.wide && f.simple != nil {
					b.WriteRune(f.simpleRune(raw[i-n]))
					continue
				}
				*undecoded++
				continue
			}
			b.WriteString(s)
		}
	case f.ucs2:
		b.WriteString(utf16String(raw))
	case f.multi != nil:
		s, err := f.multi.NewDecoder().String(raw)
		if err == nil {
			b.WriteString(s)
		}
	case f.wide:
		// Identity-H without ToUnicode: glyph ids, not characters.
		*undecoded += len(raw) / 2
	default:
		for i := 0; i < len(raw); i++ {
			b.WriteRune(f.simpleRune(raw[i]))
		}
	}
	return normalizeGlyphs(b.String())
}

func (f *pdfFont) simpleRune(c byte) rune {
	if r, ok := f.diffs[c]; ok {
		return r
	}
	return f.simple.DecodeByte(c)
}

// toUnicode is a parsed ToUnicode CMap.
type toUnicode struct {
	space  [4][][2]string // codespace ranges by code length - 1
	chars  map[string]string
	ranges []cmapRange
}

type cmapRange struct {
	lo, hi string
	dst    cmapToken // a string (the first code's text) or an array of strings
}

// readToUnicode parses a ToUnicode CMap. Only its mapping sections matter,
// so it is scanned here rather than run through the library's PostScript
// interpreter, which needs dictionaries it cannot give us.
func readToUnicode(v pdf.Value) *toUnicode {
	rc := v.Reader()
	data, err := io.ReadAll(io.LimitReader(rc, maxPDFStream))
	rc.Close()
	if err != nil {
		return nil
	}
	return parseToUnicode(data)
}

func parseToUnicode(data []byte) *toUnicode {
	m := &toUnicode{chars: map[string]string{}}
	toks := cmapTokens(data)
	section := ""
	var args []cmapToken
	for _, t := range toks {
		if t.kind != 'k' {
			args = append(args, t)
			continue
		}
		switch t.s {
		case "begincodespacerange", "beginbfchar", "beginbfrange":
			section, args = t.s, nil
		case "endcodespacerange":
			for i := 0; i+1 < len(args); i += 2 {
				lo, hi := args[i].s, args[i+1].s
				if len(lo) >= 1 && len(lo) <= 4 && len(lo) == len(hi) {
					m.space[len(lo)-1] = append(m.space[len(lo)-1], [2]string{lo, hi})
				}
			}
			section, args = "", nil
		case "endbfchar":
			for i := 0; i+1 < len(args); i += 2 {
				m.chars[args[i].s] = args[i+1].text()
			}
			section, args = "", nil
		case "endbfrange":
			for i := 0; i+2 < len(args); i += 3 {
				lo, hi, dst := args[i].s, args[i+1].s, args[i+2]
				if len(lo) == len(hi) && len(lo) > 0 {
					m.ranges = append(m.ranges, cmapRange{lo: lo, hi: hi, dst: dst})
				}
			}
			section, args = "", nil
		default:
			if section == "" {
				args = nil
			}
		}
	}
	if len(m.chars) == 0 && len(m.ranges) == 0 {
		return nil
	}
	return m
}

// cmapToken is a hex or literal string ('s'), a name ('n'), an array of
// strings ('a'), or a keyword or number ('k').
type cmapToken struct {
	kind byte
	s    string
	arr  []string
}

// text is a destination's text: UTF-16BE bytes or a glyph name.
func (t cmapToken) text() string {
	if t.kind == 'n' {
		if r, ok := glyphRune(t.s); ok {
			return string(r)
		}
		return ""
	}
	return utf16String(t.s)
}

// cmapTokens splits a CMap into tokens; dictionaries and procedures are
// read as keywords and ignored.
func cmapTokens(data []byte) []cmapToken {
	var toks []cmapToken
	var arr []string
	inArr := false
	emit := func(t cmapToken) {
		if inArr {
			if t.kind == 's' {
				arr = append(arr, t.s)
			}
			return
		}
		toks = append(toks, t)
	}
	for i := 0; i < len(data); {
		c := data[i]
		switch {
		case c == '%':
			for i < len(data) && data[i] != '\n' && data[i] != '\r' {
				i++
			}
		case c == '<' && i+1 < len(data) && data[i+1] == '<', c == '>' && i+1 < len(data) && data[i+1] == '>':
			i += 2
		case c == '<':
			j := bytes.IndexByte(data[i:], '>')
			if j < 0 {
				return toks
			}
			emit(cmapToken{kind: 's', s: hexString(data[i+1 : i+j])})
			i += j + 1
		case c == '(':
			s, n := literalString(data[i:])
			emit(cmapToken{kind: 's', s: s})
			i += n
		case c == '[':
			inArr, arr = true, nil
			i++
		case c == ']':
			if inArr {
				inArr = false
				toks = append(toks, cmapToken{kind: 'a', arr: arr})
			}
			i++
		case c == '/':
			j := i + 1
			for j < len(data) && !isDelim(data[j]) {
				j++
			}
			emit(cmapToken{kind: 'n', s: string(data[i+1 : j])})
			i = j
		case isDelim(c):
			i++
		default:
			j := i
			for j < len(data) && !isDelim(data[j]) {
				j++
			}
			emit(cmapToken{kind: 'k', s: string(data[i:j])})
			i = j
		}
	}
	return toks
}

func isDelim(c byte) bool {
	return strings.IndexByte(" \t\r\n\f\x00()<>[]{}/%", c) >= 0
}

func hexString(h []byte) string {
	var b []byte
	var hi byte
	odd := false
	for _, c := range h {
		var v byte
		switch {
		case c >= '0' && c <= '9':
			v = c - '0'
		case c >= 'a' && c <= 'f':
			v = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			v = c - 'A' + 10
		default:
			continue
		}
		if odd {
			b = append(b, hi<<4|v)
		} else {
			hi = v
		}
		odd = !odd
	}
	if odd {
		b = append(b, hi<<4)
	}
	return string(b)
}

// literalString reads a (...) string with its escapes and nested
// parentheses; it returns the string and the bytes consumed.
func literalString(data []byte) (string, int) {
	var b []byte
	depth := 0
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case c == '(':
			if depth > 0 {
				b = append(b, c)
			}
			depth++
		case c == ')':
			depth--
			if depth == 0 {
				return string(b), i + 1
			}
			b = append(b, c)
		case c == '\\' && i+1 < len(data):
			i++
			switch e := data[i]; e {
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			default:
				if e >= '0' && e <= '7' {
					v := 0
					k := 0
					for ; k < 3 && i+k < len(data) && data[i+k] >= '0' && data[i+k] <= '7'; k++ {
						v = v*8 + int(data[i+k]-'0')
					}
					b = append(b, byte(v))
					i += k - 1
				} else {
					b = append(b, e)
				}
			}
		default:
			b = append(b, c)
		}
	}
	return string(b), len(data)
}

// lookup decodes the code at the start of raw and returns the text, the
// code's length and whether it was mapped.
func (m *toUnicode) lookup(raw string, wide bool) (string, int, bool) {
	n := 0
	for l := 1; l <= 4 && l <= len(raw); l++ {
		for _, r := range m.space[l-1] {
			if raw[:l] >= r[0] && raw[:l] <= r[1] {
				n = l
				break
			}
		}
		if n > 0 {
			break
		}
	}
	if n == 0 {
		n = 1
		if wide && len(raw) >= 2 {
			n = 2
		}
	}
	code := raw[:n]
	if s, ok := m.chars[code]; ok {
		return s, n, true
	}
	for _, r := range m.ranges {
		if len(r.lo) != n || code < r.lo || code > r.hi {
			continue
		}
		off := codeValue(code) - codeValue(r.lo)
		switch r.dst.kind {
		case 'a':
			if off < len(r.dst.arr) {
				return utf16String(r.dst.arr[off]), n, true
			}
		case 's':
			u := []byte(r.dst.s)
			if len(u) >= 2 {
				last := int(u[len(u)-2])<<8 | int(u[len(u)-1])
				last += off
				u[len(u)-2], u[len(u)-1] = byte(last>>8), byte(last)
				return utf16String(string(u)), n, true
			}
		}
	}
	return "", n, false
}

func codeValue(s string) int {
	v := 0
	for i := 0; i < len(s); i++ {
		v = v<<8 | int(s[i])
	}
	return v
}

func utf16String(s string) string {
	u := make([]uint16, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
	}
	return string(utf16.Decode(u))
}

// glyphRune reads the glyph names that say their character: uniXXXX,
// uXXXX[XX], and single ASCII letters or digits.
func glyphRune(name string) (rune, bool) {
	var r rune
	switch {
	case strings.HasPrefix(name, "uni") && len(name) == 7:
		if _, err := fmt.Sscanf(name[3:], "%04X", &r); err == nil {
			return r, true
		}
	case strings.HasPrefix(name, "u") && len(name) >= 5 && len(name) <= 7:
		if _, err := fmt.Sscanf(name[1:], "%X", &r); err == nil && utf8.ValidRune(r) {
			return r, true
		}
	case len(name) == 1 && (unicode.IsLetter(rune(name[0])) || unicode.IsDigit(rune(name[0]))):
		return rune(name[0]), true
	}
	switch name {
	case "space":
		return ' ', true
	case "period":
		return '.', true
	case "comma":
		return ',', true
	case "percent":
		return '%', true
	case "hyphen":
		return '-', true
	}
	return 0, false
}

// radicals maps the CJK Radicals Supplement forms that fonts' ToUnicode
// maps give for common simplified characters to the characters themselves;
// the Kangxi Radicals block (U+2F00–U+2FD5) is mapped by NFKC.
var radicals = map[rune]rune{
	0x2EA0: '民', 0x2EC4: '西', 0x2EC5: '见', 0x2EC6: '角', 0x2EC8: '讠', 0x2EC9: '贝',
	0x2ECA: '足', 0x2ECB: '车', 0x2ED3: '长', 0x2ED4: '门', 0x2ED8: '青', 0x2ED9: '韦',
	0x2EDA: '页', 0x2EDB: '风', 0x2EDC: '飞', 0x2EDD: '食', 0x2EE2: '马', 0x2EE5: '鱼',
	0x2EE6: '鸟', 0x2EE8: '麦', 0x2EE9: '黄', 0x2EEC: '齐', 0x2EEE: '齿', 0x2EF0: '龙',
	0x2EF3: '龟',
	// Not a radical: fonts for simplified Chinese draw 户 with the glyph of
	// 戶, and producers that invert the font's cmap pick the latter.
	0x6236: '户',
}

// normalizeGlyphs turns radical code points into the ideographs they stand
// for and drops control characters.
func normalizeGlyphs(s string) string {
	clean := true
	for _, r := range s {
		if (r >= 0x2E80 && r <= 0x2FDF) || radicals[r] != 0 || (r < 0x20 && r != '\t') || r == 0x7f || r == utf8.RuneError {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 0x2F00 && r <= 0x2FDF:
			for _, c := range norm.NFKC.String(string(r)) {
				if v := radicals[c]; v != 0 {
					c = v
				}
				b.WriteRune(c)
			}
		case radicals[r] != 0:
			b.WriteRune(radicals[r])
		case (r < 0x20 && r != '\t') || r == 0x7f || r == utf8.RuneError:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// endsLatin reports whether s ends in an ASCII letter or digit.
func endsLatin(s string) bool {
	if s == "" {
		return false
	}
	c := s[len(s)-1]
	return c < 0x80 && (unicode.IsLetter(rune(c)) || unicode.IsDigit(rune(c)))
}

// dropRunningLines removes running heads and feet: the top or bottom line
// of a page (by position, since producers often draw them last) that
// recurs, digits aside, on at least half the pages of a document of three
// pages or more (文件头, 第3页 共10页, a browser's date and address...). The
// first page keeps its head when it is also its first line: it is often the
// document's title.
func dropRunningLines(pages [][]*pdfLine) {
	if len(pages) < 3 {
		return
	}
	key := func(l *pdfLine) string {
		return strings.Map(func(r rune) rune {
			switch {
			case unicode.IsDigit(r):
				return '#'
			case unicode.IsSpace(r):
				return -1
			}
			return r
		}, l.text.String())
	}
	// ends returns the indexes of the top and bottom lines.
	ends := func(ls []*pdfLine) (int, int) {
		top, bottom := 0, 0
		for i, l := range ls {
			if l.y > ls[top].y {
				top = i
			}
			if l.y < ls[bottom].y {
				bottom = i
			}
		}
		return top, bottom
	}
	heads, feet := map[string]int{}, map[string]int{}
	for _, ls := range pages {
		if len(ls) > 1 {
			top, bottom := ends(ls)
			heads[key(ls[top])]++
			feet[key(ls[bottom])]++
		}
	}
	need := max(3, (len(pages)+1)/2)
	seen := map[string]bool{}
	for i, ls := range pages {
		if len(ls) < 2 {
			continue
		}
		top, bottom := ends(ls)
		drop := map[int]bool{}
		if feet[key(ls[bottom])] >= need {
			drop[bottom] = true
		}
		// A head drawn after the body (out of reading order) goes too.
		if k := key(ls[top]); heads[k] >= need {
			drop[top] = seen[k] || top != 0
			seen[k] = true
		}
		kept := ls[:0]
		for j, l := range ls {
			if !drop[j] {
				kept = append(kept, l)
			}
		}
		pages[i] = kept
	}
}

// joinPages joins the pages' text: a paragraph apart, unless a sentence
// runs on over the page break.
func joinPages(pages [][]*pdfLine) string {
	var b strings.Builder
	for _, ls := range pages {
		page := pageText(ls)
		if page == "" {
			continue
		}
		if b.Len() > 0 {
			if r, _ := utf8.DecodeLastRuneInString(b.String()); strings.ContainsRune("。！？；：”）.!?;:)", r) {
				b.WriteString("\n\n")
			} else {
				b.WriteString("\n")
			}
		}
		b.WriteString(page)
	}
	return b.String()
}

// pageText joins a page's lines. A new paragraph starts where the line gap
// is clearly wider than the page's usual one, where the text jumps up (a
// new column or block), or where a line starts indented from the left
// margin, as Chinese paragraphs do; other lines are joined by a newline.
func pageText(lines []*pdfLine) string {
	if len(lines) == 0 {
		return ""
	}
	var gaps []float64
	left := lines[0].x
	for i, l := range lines {
		left = min(left, l.x)
		if i > 0 {
			if g := lines[i-1].y - l.y; g > 0 && g < 4*l.h {
				gaps = append(gaps, g)
			}
		}
	}
	// The usual gap is the lower quartile: short paragraphs make the
	// paragraph gap as frequent as the line gap. With too few gaps to know
	// it, a gap of nearly two lines is a paragraph.
	usual := 0.0
	if len(gaps) >= 3 {
		slices.Sort(gaps)
		usual = gaps[len(gaps)/4]
	}
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			g := lines[i-1].y - l.y
			switch {
			case g < -0.5*l.h, usual > 0 && g > 1.35*usual, usual == 0 && g > 1.8*l.h, l.x > left+1.5*l.h:
				b.WriteString("\n\n")
			default:
				b.WriteString("\n")
			}
		}
		b.WriteString(l.text.String())
	}
	return b.String()
}

// pageNumber matches the lines that are only a page number: "3", "- 3 -",
// "— 3 —", "第3页".
var pageNumber = regexp.MustCompile(`^\s*(?:[-—–]\s*)?(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[-—–])?\s*$`)

// cleanPDFText drops page-number lines and trailing spaces.
func cleanPDFText(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		l = strings.TrimRightFunc(l, unicode.IsSpace)
		if pageNumber.MatchString(l) {
			continue
		}
		out = append(out, l)
	}
	s = strings.Join(out, "\n")
	for strings.Contains(s, "\n\n\n") {
		s = strings.ReplaceAll(s, "\n\n\n", "\n\n")
	}
	return strings.TrimSpace(s)
}
