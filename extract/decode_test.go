package extract

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestTextPasses checks the passes over a whole text that decode runes
// in place (scanUTF8, decodeRunesInto) against the standard library on
// random strings of Han, punctuation, ASCII, controls and broken
// sequences.
func TestTextPasses(t *testing.T) {
	pieces := []string{"中", "文", "，", "。", "！", "？", "!", "?", "a", "b", " ", "\n", "\t", "\x01", "\x7f", "\uFFFD", "区",
		"\xe0\xa0\x80", "\xed\x9f\xbf", "\xf0\x9f\x98\x80", "\xc3\xa9", "\xef\xbc\x8c", "\xff", "\xe4\xb8"}
	r := rand.New(rand.NewSource(2))
	var rbuf []rune
	var obuf, brk []int32
	for range 100000 {
		var b []byte
		for k := r.Intn(20); k > 0; k-- {
			b = append(b, pieces[r.Intn(len(pieces))]...)
		}
		s := string(b)
		ok, n, bad, ctrl := scanUTF8(s)
		if ok != utf8.ValidString(s) {
			t.Fatalf("scanUTF8(%q) ok = %v", s, ok)
		}
		if wn, wbad, wctrl := countRunes(s, false); ok && (n != wn || bad != wbad || ctrl != wctrl) {
			t.Fatalf("scanUTF8(%q) = %d, %d, %d; want %d, %d, %d", s, n, bad, ctrl, wn, wbad, wctrl)
		}
		rs, off := decodeRunesInto(s, &rbuf, &obuf, &brk)
		if !slices.Equal(rs, []rune(s)) || (off != nil) != ok {
			t.Fatalf("decodeRunesInto(%q) = %q, %v", s, rs, off)
		}
		var want []int32
		for k, r := range []rune(s) {
			if strings.ContainsRune("\n。！？!?", r) {
				want = append(want, int32(k))
			}
		}
		if !slices.Equal(brk, want) {
			t.Fatalf("decodeRunesInto(%q): breaks %v, want %v", s, brk, want)
		}
		for k := 0; off != nil && k < len(rs); k++ {
			if c, _ := utf8.DecodeRuneInString(s[off[k]:]); c != rs[k] || off[len(rs)] != int32(len(s)) {
				t.Fatalf("decodeRunesInto(%q): offset %d of rune %d", s, off[k], k)
			}
		}
	}
}
