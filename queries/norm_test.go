package queries

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/width"
)

func slowNorm(s string) string {
	return strings.ToLower(width.Fold.String(strings.TrimSpace(s)))
}

// TestNormFastPath: every rune, alone, inside a name and at either end,
// normalizes as the folding it skips would.
func TestNormFastPath(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		c := string(r)
		for _, s := range []string{c, "京" + c + "东", c + "方", "方" + c} {
			if got, want := norm(s), slowNorm(s); got != want {
				t.Fatalf("norm(%q) = %q, want %q (U+%04X)", s, got, want, r)
			}
		}
	}
	for _, s := range []string{"", " ", "\xff", "京\xe4\xb8", "ＡＢＢ", "ABB 集团", "\u3000京东方\u3000", "ｱｲ"} {
		if got, want := norm(s), slowNorm(s); got != want {
			t.Errorf("norm(%q) = %q, want %q", s, got, want)
		}
	}
}
