package extract

import (
	"bytes"
	"math/bits"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/kgraph/kg"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// decode turns the bytes of a file into text: UTF-8 with or without BOM,
// UTF-16 with BOM, else GB18030 (a superset of GBK and GB2312). Empty,
// binary and undecodable input is an EUndecodable error naming the file.
//
// UTF-8 text is data itself, not a copy: normalize, which reads it, makes
// the stored text, and nothing keeps the decoded text.
func decode(name string, data []byte) (string, error) {
	fail := func(format string, args ...any) error {
		e := kg.Errorf(kg.EUndecodable, "%s: "+format, append([]any{name}, args...)...)
		e.Op = "extract"
		return e
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return "", fail("empty document")
	}
	var (
		text         string
		enc          string
		n, bad, ctrl int
		counted      bool // n, bad and ctrl are those of text
	)
	if bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) {
		text, enc = bytesView(data[3:]), "UTF-8"
		if counted, n, bad, ctrl = scanUTF8(text); !counted {
			return "", fail("invalid UTF-8 after a UTF-8 byte order mark")
		}
	} else if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		if len(data)%2 != 0 {
			return "", fail("UTF-16 text with an odd number of bytes")
		}
		t, err := decodeWith(xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM), data)
		if err != nil {
			return "", fail("invalid UTF-16: %v", err)
		}
		text, enc = t, "UTF-16"
	} else if counted, n, bad, ctrl = scanUTF8(bytesView(data)); counted {
		text, enc = bytesView(data), "UTF-8"
	} else {
		t, err := decodeWith(simplifiedchinese.GB18030, data)
		if err != nil {
			return "", fail("neither UTF-8 nor GB18030: %v", err)
		}
		text, enc = t, "GB18030"
	}
	if strings.IndexByte(text, 0) >= 0 {
		return "", fail("binary data (NUL characters) in %s text", enc)
	}
	if !counted {
		n, bad, ctrl = countRunes(text, false)
	}
	// A few replacement characters are tolerated (a damaged byte here and
	// there); more mean the guess of the encoding was wrong.
	if bad > 0 && bad*50 > n {
		return "", fail("undecodable as %s (%d of %d characters invalid)", enc, bad, n)
	}
	if ctrl*20 > n {
		return "", fail("binary data (%d control characters) in %s text", ctrl, enc)
	}
	return text, nil
}

// scanUTF8 reports whether s is valid UTF-8 (as utf8.ValidString) and,
// when it is, what countRunes would: its runes, the U+FFFD among them and
// its control characters other than white space. One pass does both:
// Chinese text is nearly all three-byte runes, which it tests in place,
// and runs of printable ASCII it passes over eight bytes at a time.
func scanUTF8(s string) (ok bool, n, bad, ctrl int) {
	const lsb, msb = 0x0101010101010101, 0x8080808080808080
	// (The unsigned comparisons and the slice of eight bytes let the
	// compiler drop the bounds checks of the loop's reads and make the
	// eight loads one.)
	for i := 0; uint(i) < uint(len(s)); {
		c := s[i]
		if runeLead[c] >= leadThree && uint(i+2) < uint(len(s)) && (uint(s[i+1])<<8|uint(s[i+2]))&0xc0c0 == 0x8080 {
			// Three bytes with a lead that is never overlong and never a
			// surrogate (E1 to EF but ED: one load from decodeRunesInto's
			// table, where three range tests took as many branches), the
			// continuation bytes tested together.
			if c == 0xef && s[i+1] == 0xbf && s[i+2] == 0xbd {
				bad++ // U+FFFD
			}
			n++
			i += 3
			continue
		}
		if c < utf8.RuneSelf {
			if t := s[i:]; len(t) >= 8 {
				x := uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
					uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
				if x&msb == 0 && (x-0x20*lsb)&^x&msb == 0 {
					n += 8 // eight ASCII bytes, none below 0x20
					i += 8
					continue
				}
			}
			if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' {
				ctrl++
			}
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return false, 0, 0, 0
		}
		if r == utf8.RuneError {
			bad++
		}
		n++
		i += size
	}
	return true, n, bad, ctrl
}

// bytesView is string(b) without the copy; b must not change while the
// string is read.
func bytesView(b []byte) string {
	return unsafe.String(unsafe.SliceData(b), len(b))
}

func decodeWith(enc encoding.Encoding, data []byte) (string, error) {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", err
	}
	if !utf8.Valid(out) {
		out = bytes.ToValidUTF8(out, []byte(string(utf8.RuneError)))
	}
	return string(out), nil
}

// countRunes counts the runes of text, the U+FFFD among them and the
// control characters other than white space. Valid UTF-8 (all UTF-8 input
// has been checked by now) is counted byte by byte, which is several times
// faster than decoding: a rune is a byte that does not continue one, a
// control character a single byte and U+FFFD its three bytes.
func countRunes(text string, valid bool) (n, bad, ctrl int) {
	if valid || utf8.ValidString(text) {
		// Eight bytes at a time where none is below 0x20: a rune starts at
		// each byte that is not 10xxxxxx.
		const lsb, msb = 0x0101010101010101, 0x8080808080808080
		for i := 0; i < len(text); {
			if i+8 <= len(text) {
				x := uint64(text[i]) | uint64(text[i+1])<<8 | uint64(text[i+2])<<16 | uint64(text[i+3])<<24 |
					uint64(text[i+4])<<32 | uint64(text[i+5])<<40 | uint64(text[i+6])<<48 | uint64(text[i+7])<<56
				if (x-0x20*lsb)&^x&msb == 0 {
					n += 8 - bits.OnesCount64(x&^(x<<1)&msb)
					i += 8
					continue
				}
			}
			c := text[i]
			if c&0xc0 != 0x80 {
				n++
			}
			if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' {
				ctrl++
			}
			i++
		}
		return n, strings.Count(text, "\uFFFD"), ctrl
	}
	for _, r := range text {
		n++
		switch {
		case r == utf8.RuneError:
			bad++
		case r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' && r != '\v':
			ctrl++
		}
	}
	return n, bad, ctrl
}
