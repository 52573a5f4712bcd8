package formats

import (
	"fmt"
	"strconv"
)

// pdfToken is one token of PDF object syntax: a name (decoded), an
// integer, a real, an array or dictionary bracket, or a keyword. Strings
// and comments are skipped.
type pdfToken struct {
	kind byte // 'n' name, 'i' integer, 'f' real, '[' ']' '<' (<<) '>' (>>), 'k' keyword
	name string
	num  int64
	big  bool // an integer too large for int64
	pos  int  // offset in the file
}

// lexPDF calls fn for each token of seg, whose first byte is at offset base
// of the file; it stops at the first error fn returns.
func lexPDF(seg []byte, base int, fn func(pdfToken) error) error {
	isDelim := func(c byte) bool {
		switch c {
		case ' ', '\t', '\r', '\n', '\f', 0, '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
			return true
		}
		return false
	}
	for i := 0; i < len(seg); {
		c := seg[i]
		start := i
		var t pdfToken
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == 0 || c == '{' || c == '}' || c == ')':
			i++
			continue
		case c == '%':
			for i < len(seg) && seg[i] != '\n' && seg[i] != '\r' {
				i++
			}
			continue
		case c == '(':
			depth := 0
			for ; i < len(seg); i++ {
				switch seg[i] {
				case '\\':
					i++
				case '(':
					depth++
				case ')':
					depth--
				}
				if depth == 0 {
					break
				}
			}
			i++
			continue
		case c == '<' && i+1 < len(seg) && seg[i+1] == '<':
			t.kind, i = '<', i+2
		case c == '>' && i+1 < len(seg) && seg[i+1] == '>':
			t.kind, i = '>', i+2
		case c == '<':
			for i < len(seg) && seg[i] != '>' {
				i++
			}
			i++
			continue
		case c == '>':
			i++
			continue
		case c == '[' || c == ']':
			t.kind, i = c, i+1
		case c == '/':
			i++
			var name []byte
			for i < len(seg) && !isDelim(seg[i]) {
				if seg[i] == '#' && i+2 < len(seg) {
					if v, err := strconv.ParseUint(string(seg[i+1:i+3]), 16, 8); err == nil {
						name = append(name, byte(v))
						i += 3
						continue
					}
				}
				name = append(name, seg[i])
				i++
			}
			t.kind, t.name = 'n', string(name)
		case c == '+' || c == '-' || c == '.' || c >= '0' && c <= '9':
			for i < len(seg) && !isDelim(seg[i]) {
				i++
			}
			s := string(seg[start:i])
			t.name = s
			if v, err := strconv.ParseInt(s, 10, 64); err == nil {
				t.kind, t.num = 'i', v
			} else if _, ferr := strconv.ParseFloat(s, 64); ferr == nil && !isInteger(s) {
				t.kind = 'f'
			} else {
				t.kind, t.big = 'i', isInteger(s)
				if !t.big {
					t.kind = 'k'
				}
			}
		default:
			for i < len(seg) && !isDelim(seg[i]) {
				i++
			}
			t.kind, t.name = 'k', string(seg[start:i])
		}
		t.pos = base + start
		if err := fn(t); err != nil {
			return err
		}
	}
	return nil
}

// isInteger reports whether s is an optionally signed run of digits.
func isInteger(s string) bool {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// pdfNumbers checks the integers of a PDF's object syntax, token by token,
// so that neither comments nor #-escaped names hide them: every integer is
// bounded (the library allocates tables from several of them), tighter
// for the counts of objects (/Size, /N, /Index), /First and /Columns. It
// also records where dictionaries say /Type /XRef.
type pdfNumbers struct {
	any, objects int64 // bounds: any integer, object counts
	pending      string
	array        string // the key whose array value is open
	arrayDepth   int
	xrefs        []int // offsets of /Type in /Type /XRef
	typePos      int
}

func newPDFNumbers(size int) *pdfNumbers {
	return &pdfNumbers{any: max(1<<24, int64(size)), objects: int64(size)/2 + 4096}
}

func (c *pdfNumbers) token(t pdfToken) error {
	switch t.kind {
	case 'n':
		if c.pending == "Type" && t.name == "XRef" {
			c.xrefs = append(c.xrefs, c.typePos)
		}
		if c.pending != "" {
			c.pending = ""
			return nil
		}
		if c.array == "" {
			c.pending, c.typePos = t.name, t.pos
		}
	case '[':
		switch {
		case c.array != "":
			c.arrayDepth++
		case c.pending != "":
			c.array, c.arrayDepth, c.pending = c.pending, 1, ""
		}
	case ']':
		if c.array != "" {
			if c.arrayDepth--; c.arrayDepth == 0 {
				c.array = ""
			}
		}
	case 'i':
		key := c.pending
		if c.array != "" {
			key = c.array
		}
		c.pending = ""
		v := t.num
		if v < 0 {
			v = -v
		}
		limit := c.any
		switch key {
		case "P": // permissions, often written as an unsigned 32-bit value
			limit = 1 << 33
		case "Size", "N", "Index":
			limit = c.objects
		case "First":
			limit = maxPDFStream
		case "Columns":
			limit = 1 << 20
		}
		if t.big || v > limit {
			if key != "" {
				key = " for /" + key
			}
			return fmt.Errorf("implausible integer %.24s%s at offset %d", t.name, key, t.pos)
		}
	case 'k':
		// A new object starts afresh, whatever garbage came before it.
		switch t.name {
		case "obj", "endobj", "stream", "endstream", "trailer", "xref", "startxref":
			c.array, c.arrayDepth = "", 0
		}
		c.pending = ""
	default:
		c.pending = ""
	}
	return nil
}
