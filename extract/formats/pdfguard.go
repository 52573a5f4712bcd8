package formats

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// Guards around github.com/ledongthuc/pdf. Four things in it cannot be
// stopped by recover or by the reader's deadline, so they are prevented
// before it runs:
//
//   - it parses arrays and dictionaries recursively, and a Go stack
//     overflow is fatal: nesting is measured first, in the file (skipping
//     stream data), in object streams (decompressed), and in content
//     streams (in streamsFit) (checkPDFSyntax);
//   - it allocates tables from declared sizes (/Size, xref subsection
//     numbers, /Index, /W, /Columns), and running out of memory is fatal:
//     every integer is bounded, object counts by the file's size, token
//     by token so that comments and escaped names hide nothing
//     (pdfNumbers, pdfXrefTablesOK);
//   - it can loop on a cyclic /Prev or /Extends chain: a /Prev chain that
//     comes back to a section is refused before the library reads it
//     (pdfPrevChainOK), and every byte it reads goes through budgetReader,
//     which stops it after a generous budget;
//     and it recurses without reading when an object stream is said to
//     live in an object stream: pdfObjStmChainsOK refuses those files.

// budgetReader is the file as the library sees it, with a read budget.
type budgetReader struct {
	data []byte
	left int64
}

func (b *budgetReader) ReadAt(p []byte, off int64) (int, error) {
	b.left -= int64(len(p))
	if b.left < 0 {
		panic(errPDFReads)
	}
	if off < 0 || off >= int64(len(b.data)) {
		return 0, io.EOF
	}
	n := copy(p, b.data[off:])
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

// readBudget is what one file may make the library read: every object
// lookup re-reads from the file, so it is many times the file's size.
func readBudget(size int) int64 {
	return 16<<20 + 256*int64(size)
}

var xrefHeader = regexp.MustCompile(`^[ \t]*(-?[0-9]+)[ \t]+(-?[0-9]+)[ \t]*$`)

// The scans below look for literal keys with bytes.Index: regexps that
// start with an alternation run their slow path over every byte of a file.

// keyValues calls fn with what follows each "/key" in data (white space
// skipped) that is followed by white space, a digit, a sign, "[" or "/"
// (and so is that key, not a longer name).
func keyValues(data []byte, key string, fn func(after []byte) error) error {
	k := []byte("/" + key)
	for i := 0; ; {
		j := bytes.Index(data[i:], k)
		if j < 0 {
			return nil
		}
		i += j + len(k)
		rest := bytes.TrimLeft(data[i:], " \t\r\n")
		if i < len(data) && len(rest) > 0 && (isPDFSpace(data[i]) || strings.IndexByte("[-/0123456789", data[i]) >= 0) {
			if err := fn(rest); err != nil {
				return err
			}
		}
	}
}

func isPDFSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// leadingArray reads the numbers of the array at the start of b.
func leadingArray(b []byte) ([]int64, bool) {
	if len(b) == 0 || b[0] != '[' {
		return nil, false
	}
	end := bytes.IndexByte(b, ']')
	if end < 0 || end > 4096 {
		return nil, false
	}
	var out []int64
	for _, f := range bytes.Fields(b[1:end]) {
		v, err := strconv.ParseInt(string(f), 10, 64)
		if err != nil {
			return nil, false
		}
		out = append(out, v)
	}
	return out, true
}

// pdfXrefTablesOK checks the subsection headers of classic xref tables:
// the library allocates its table up to the highest object number. (The
// other numbers it allocates from are checked token by token, pdfNumbers.)
func pdfXrefTablesOK(data []byte) error {
	maxObj := int64(len(data))/2 + 4096
	// "xref" (not "startxref") on its own line, then subsection headers
	// "start count" until "trailer".
	for i := 0; ; {
		j := bytes.Index(data[i:], []byte("xref"))
		if j < 0 {
			return nil
		}
		at := i + j
		i = at + 4
		if at > 0 && (data[at-1] >= 'a' && data[at-1] <= 'z' || data[at-1] >= 'A' && data[at-1] <= 'Z') {
			continue
		}
		rest := bytes.TrimLeft(data[i:], " \t")
		if len(rest) == 0 || (rest[0] != '\r' && rest[0] != '\n' && rest[0] != '%') {
			continue
		}
		for n := 0; n < 1<<16 && len(rest) > 0; n++ {
			line := rest
			if k := bytes.IndexAny(rest, "\r\n"); k >= 0 {
				line, rest = rest[:k], bytes.TrimLeft(rest[k:], "\r\n")
			} else {
				rest = nil
			}
			if c := bytes.IndexByte(line, '%'); c >= 0 {
				line = line[:c] // the library skips comments
			}
			if bytes.HasPrefix(bytes.TrimSpace(line), []byte("trailer")) {
				break
			}
			h := xrefHeader.FindSubmatch(line)
			if h == nil {
				continue
			}
			start, err1 := strconv.ParseInt(string(h[1]), 10, 64)
			count, err2 := strconv.ParseInt(string(h[2]), 10, 64)
			if err1 != nil || err2 != nil || start < 0 || count < 0 || start > maxObj || count > maxObj || start+count > maxObj {
				return fmt.Errorf("xref subsection %s %s", h[1], h[2])
			}
		}
	}
}

// maxPDFNesting is far above what producers write (a handful of levels).
// maxRawNesting bounds the brackets counted without regard to strings and
// stream boundaries, which an xref offset pointing into stream data could
// make the library parse; random compressed data never comes near it, and
// the library's recursion at that depth needs only a few megabytes of stack.
const (
	maxPDFNesting = 256
	maxRawNesting = 10000
)

// nestingScanner tracks [ and << nesting outside strings and comments.
type nestingScanner struct {
	depth, max int
	str        int  // literal string nesting; > 0 inside (...)
	esc        bool // after a backslash inside a string
	hex        bool // inside <...>
	comment    bool
	lt, gt     bool // a pending < or >
	raw        int  // bracket depth ignoring strings and comments
}

// feed scans p and reports whether the nesting stayed within the limit.
func (s *nestingScanner) feed(p []byte) bool {
	if !s.feedRaw(p) {
		return false
	}
	for _, c := range p {
		switch {
		case s.comment:
			s.comment = c != '\n' && c != '\r'
		case s.str > 0:
			switch {
			case s.esc:
				s.esc = false
			case c == '\\':
				s.esc = true
			case c == '(':
				s.str++
			case c == ')':
				s.str--
			}
		case s.lt:
			s.lt = false
			if c == '<' {
				s.push()
			} else {
				s.hex = c != '>'
			}
		case s.hex:
			s.hex = c != '>'
		case s.gt:
			s.gt = false
			if c == '>' && s.depth > 0 {
				s.depth--
			}
		default:
			switch c {
			case '%':
				s.comment = true
			case '(':
				s.str = 1
			case '<':
				s.lt = true
			case '>':
				s.gt = true
			case '[':
				s.push()
			case ']':
				if s.depth > 0 {
					s.depth--
				}
			}
		}
		if s.max > maxPDFNesting {
			return false
		}
	}
	return true
}

// feedRaw counts only the raw bracket depth of p.
func (s *nestingScanner) feedRaw(p []byte) bool {
	for _, c := range p {
		switch c {
		case '[', '<':
			s.raw++
			if s.raw > maxRawNesting {
				return false
			}
		case ']', '>':
			s.raw = max(0, s.raw-1)
		}
	}
	return true
}

func (s *nestingScanner) push() {
	s.depth++
	s.max = max(s.max, s.depth)
}

// checkPDFSyntax scans the file's objects, skipping stream data but
// decompressing object streams (/Type /ObjStm), whose objects the library
// parses with the same recursion: their nesting, and their integers
// (pdfNumbers). It returns where dictionaries say /Type /XRef.
func checkPDFSyntax(data []byte, limit int64) ([]int, error) {
	var s nestingScanner
	nums := newPDFNumbers(len(data))
	nested := fmt.Errorf("objects nested deeper than %d levels", maxPDFNesting)
	// segment scans object syntax at offset off.
	segment := func(seg []byte, off int) error {
		if !s.feed(seg) {
			return nested
		}
		return lexPDF(seg, off, nums.token)
	}
	for off := 0; off < len(data); {
		rest := data[off:]
		i := bytes.Index(rest, []byte("stream"))
		if i < 0 || (i >= 3 && string(rest[i-3:i]) == "end") {
			if i < 0 {
				return nums.xrefs, segment(rest, off)
			}
			if err := segment(rest[:i+6], off); err != nil {
				return nil, err
			}
			off += i + 6
			continue
		}
		if err := segment(rest[:i], off); err != nil {
			return nil, err
		}
		// Only the keyword after a dictionary, outside strings, starts
		// stream data; the data is still counted by the raw bracket depth.
		if s.str > 0 || s.comment || !bytes.HasSuffix(bytes.TrimRight(rest[:i], " \t\r\n"), []byte(">>")) {
			if err := segment(rest[i:i+6], off+i); err != nil {
				return nil, err
			}
			off += i + 6
			continue
		}
		hdr := rest[max(0, i-512):i]
		body := rest[i+6:]
		body = bytes.TrimPrefix(body, []byte("\r"))
		body = bytes.TrimPrefix(body, []byte("\n"))
		end := bytes.Index(body, []byte("endstream"))
		if end < 0 {
			// Truncated, or stream data hiding objects an xref points
			// into: the library reports the first, the raw depth guards
			// against the second.
			if !s.feedRaw(body) {
				return nil, nested
			}
			return nums.xrefs, nil
		}
		if k := bytes.LastIndex(hdr, []byte("obj")); k >= 0 {
			hdr = hdr[k:]
		}
		if bytes.Contains(hdr, []byte("/ObjStm")) {
			objs, err := io.ReadAll(io.LimitReader(zlibOrRaw(body[:end]), limit))
			if err == nil || len(objs) > 0 {
				var os nestingScanner
				if !os.feed(objs) {
					return nil, nested
				}
				if err := lexPDF(objs, 0, newPDFNumbers(len(data)).token); err != nil {
					return nil, fmt.Errorf("in an object stream: %w", err)
				}
			}
		}
		if !s.feedRaw(body[:end]) {
			return nil, nested
		}
		off = len(data) - len(body) + end + len("endstream")
		s.str, s.hex, s.comment, s.lt, s.gt = 0, false, false, false, false
	}
	return nums.xrefs, nil
}

// feedReader scans up to limit bytes of r.
func (s *nestingScanner) feedReader(r io.Reader, limit int64) bool {
	buf := make([]byte, 32<<10)
	lr := io.LimitReader(r, limit)
	for {
		n, err := lr.Read(buf)
		if !s.feed(buf[:n]) {
			return false
		}
		if err != nil {
			return true
		}
	}
}

// zlibOrRaw decompresses Flate data, or returns it as is.
func zlibOrRaw(b []byte) io.Reader {
	zr, err := zlib.NewReader(bytes.NewReader(b))
	if err != nil {
		return bytes.NewReader(b)
	}
	return zr
}

var (
	xrefPredictor = dictInt("Predictor")
	xrefColumns   = dictInt("Columns")
	xrefSize      = dictInt("Size")
)

// pdfPrevChainOK follows the cross-reference sections from the last
// startxref through their /Prev entries, as the library does, and refuses a
// chain that comes back to a section it has read: the library would read it
// round and round until its read budget ran out, seconds of work that end,
// on a busy machine, in the deadline rather than the reason. A section it
// cannot read ends the walk (the library judges the file).
func pdfPrevChainOK(data []byte) error {
	at := bytes.LastIndex(data, []byte("startxref"))
	if at < 0 {
		return nil
	}
	off, ok := leadingInt(data[at+len("startxref"):])
	seen := map[int64]bool{}
	for ok && off >= 0 && off < int64(len(data)) && len(seen) < maxPrevSections {
		if seen[off] {
			return fmt.Errorf("a loop in its cross-references (/Prev %d comes back to a section already read)", off)
		}
		seen[off] = true
		sec := data[off:]
		if bytes.HasPrefix(bytes.TrimLeft(sec, " \t\r\n"), []byte("xref")) {
			t := bytes.Index(sec, []byte("trailer"))
			if t < 0 {
				return nil
			}
			sec = sec[t:]
		}
		// The section's dictionary ends before its stream or the next
		// startxref.
		for _, stop := range []string{"stream", "startxref"} {
			if k := bytes.Index(sec, []byte(stop)); k >= 0 {
				sec = sec[:k]
			}
		}
		ok = false
		keyValues(sec, "Prev", func(after []byte) error {
			off, ok = leadingInt(after)
			return nil
		})
	}
	return nil
}

// maxPrevSections bounds the sections pdfPrevChainOK follows (a file
// updated incrementally has one per update).
const maxPrevSections = 100_000

// leadingInt reads the non-negative integer at the start of b, after white
// space.
func leadingInt(b []byte) (int64, bool) {
	b = bytes.TrimLeft(b, " \t\r\n")
	n := 0
	for n < len(b) && n < 18 && b[n] >= '0' && b[n] <= '9' {
		n++
	}
	if n == 0 {
		return 0, false
	}
	v, err := strconv.ParseInt(string(b[:n]), 10, 64)
	return v, err == nil
}

// dictInt matches a dictionary entry /key with a direct integer value.
func dictInt(key string) *regexp.Regexp {
	return regexp.MustCompile(`/` + key + `[ \t\r\n]+([0-9]+)\b`)
}

// maxXrefEntries bounds the entries checked in xref streams (a 64 MB file
// holds far fewer objects).
const maxXrefEntries = 2_000_000

// pdfObjStmChainsOK decodes the cross-reference streams the way the library
// does (Flate, optionally PNG-Up rows) and checks that no object stream is
// itself stored in an object stream. The library resolves such a chain by a
// recursion that reads nothing, so neither the read budget nor recover would
// stop it before the stack overflows.
func pdfObjStmChainsOK(data []byte, xrefs []int) error {
	inStream := map[int64]bool{}   // objects stored in an object stream
	containers := map[int64]bool{} // object streams holding them
	entries := 0
	unusual := errors.New("a cross-reference stream written in an unusual way")
	for _, at := range xrefs {
		start := bytes.LastIndex(data[:at], []byte("obj"))
		rel := bytes.Index(data[at:], []byte("stream"))
		if start < 0 || rel < 0 {
			continue
		}
		hdr := data[start : at+rel]
		// Escaped names or comments could hide its keys from the reads
		// below; producers never write them there.
		if bytes.ContainsAny(hdr, "#%") {
			return unusual
		}
		body := data[at+rel+len("stream"):]
		body = bytes.TrimPrefix(bytes.TrimPrefix(body, []byte("\r")), []byte("\n"))
		if end := bytes.Index(body, []byte("endstream")); end >= 0 {
			body = body[:end]
		}
		var widths, index []int64
		keyValues(hdr, "W", func(after []byte) error {
			widths, _ = leadingArray(after)
			return nil
		})
		keyValues(hdr, "Index", func(after []byte) error {
			index, _ = leadingArray(after)
			return nil
		})
		if len(widths) < 3 {
			continue // the library refuses it
		}
		if index == nil {
			m := xrefSize.FindSubmatch(hdr)
			if m == nil {
				continue // the library refuses it
			}
			size, _ := strconv.ParseInt(string(m[1]), 10, 64)
			index = []int64{0, size}
		}
		rows := body
		if bytes.Contains(hdr, []byte("/Filter")) && !bytes.Contains(hdr, []byte("/FlateDecode")) {
			return unusual
		}
		if bytes.Contains(hdr, []byte("/FlateDecode")) {
			zr, err := zlib.NewReader(bytes.NewReader(body))
			if err != nil {
				continue // the library refuses it too
			}
			rows, err = io.ReadAll(io.LimitReader(zr, 64<<20))
			if err != nil && len(rows) == 0 {
				continue
			}
		}
		if m := xrefPredictor.FindSubmatch(hdr); m != nil && string(m[1]) == "12" {
			cols := int64(0)
			if c := xrefColumns.FindSubmatch(hdr); c != nil {
				cols, _ = strconv.ParseInt(string(c[1]), 10, 64)
			}
			rows = pngUp(rows, int(cols))
		}
		rowLen := int(widths[0] + widths[1] + widths[2])
		if rowLen <= 0 {
			continue
		}
		field := func(b []byte) int64 {
			v := int64(0)
			for _, c := range b {
				v = v<<8 | int64(c)
			}
			return v
		}
		for i := 0; i+1 < len(index); i += 2 {
			for k := int64(0); k < index[i+1] && len(rows) >= rowLen; k++ {
				row := rows[:rowLen]
				rows = rows[rowLen:]
				typ := int64(1)
				if widths[0] > 0 {
					typ = field(row[:widths[0]])
				}
				if typ == 2 {
					inStream[index[i]+k] = true
					containers[field(row[widths[0]:widths[0]+widths[1]])] = true
				}
				if entries++; entries > maxXrefEntries {
					return fmt.Errorf("more than %d objects", maxXrefEntries)
				}
			}
		}
	}
	for c := range containers {
		if inStream[c] {
			return errors.New("an object stream stored in an object stream")
		}
	}
	return nil
}

// pngUp undoes the PNG Up predictor of rows of cols bytes each led by a
// filter byte, as the library does.
func pngUp(data []byte, cols int) []byte {
	if cols <= 0 {
		return nil
	}
	out := make([]byte, 0, len(data))
	prev := make([]byte, cols)
	for len(data) >= cols+1 {
		row := data[1 : cols+1]
		for i := range prev {
			prev[i] += row[i]
		}
		out = append(out, prev...)
		data = data[cols+1:]
	}
	return out
}
