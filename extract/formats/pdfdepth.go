package formats

import (
	"bytes"
	"compress/zlib"
	"io"
)

// The PDF library parses arrays and dictionaries recursively, and a Go
// stack overflow is fatal, not a panic that recover could catch. So nesting
// is measured before the library sees it: in the file (skipping stream
// data), in object streams (decompressed), and in content streams (in
// streamsFit).

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

// pdfNestingOK scans the file's objects, skipping stream data but
// decompressing object streams (/Type /ObjStm), whose objects the library
// parses with the same recursion.
func pdfNestingOK(data []byte, limit int64) bool {
	var s nestingScanner
	for len(data) > 0 {
		i := bytes.Index(data, []byte("stream"))
		if i < 0 || (i >= 3 && string(data[i-3:i]) == "end") {
			if i < 0 {
				return s.feed(data)
			}
			if !s.feed(data[:i+6]) {
				return false
			}
			data = data[i+6:]
			continue
		}
		if !s.feed(data[:i]) {
			return false
		}
		// Only the keyword after a dictionary, outside strings, starts
		// stream data; the data is still counted by the raw bracket depth.
		if s.str > 0 || s.comment || !bytes.HasSuffix(bytes.TrimRight(data[:i], " \t\r\n"), []byte(">>")) {
			if !s.feed(data[i : i+6]) {
				return false
			}
			data = data[i+6:]
			continue
		}
		hdr := data[max(0, i-512):i]
		body := data[i+6:]
		body = bytes.TrimPrefix(body, []byte("\r"))
		body = bytes.TrimPrefix(body, []byte("\n"))
		end := bytes.Index(body, []byte("endstream"))
		if end < 0 {
			return true // truncated: the library reports it
		}
		if k := bytes.LastIndex(hdr, []byte("obj")); k >= 0 {
			hdr = hdr[k:]
		}
		if bytes.Contains(hdr, []byte("/ObjStm")) {
			var os nestingScanner
			if !os.feedReader(zlibOrRaw(body[:end]), limit) {
				return false
			}
		}
		if !s.feedRaw(body[:end]) {
			return false
		}
		data = body[end+len("endstream"):]
		s.str, s.hex, s.comment, s.lt, s.gt = 0, false, false, false, false
	}
	return true
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
