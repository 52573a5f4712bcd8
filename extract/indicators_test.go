package extract

import (
	"math/rand"
	"strconv"
	"strings"
	"testing"
)

// TestParseFigure checks parseFigure against strconv.ParseFloat on the
// numbers skipNumber finds (digits, one point, thousands separators) and
// on a few it does not.
func TestParseFigure(t *testing.T) {
	nums := []string{"0", "5", "12.5", "1,200", "1,200.75", "0.001", "00012", "7.0", "1,2,3",
		"999999999999999", "9999999999999999", "123456789012.345", "3.14159265358979", "1.2.3"}
	r := rand.New(rand.NewSource(1))
	for range 100000 {
		b := make([]byte, 1+r.Intn(17))
		for k := range b {
			b[k] = byte('0' + r.Intn(10))
		}
		if p := r.Intn(len(b)); p > 0 && r.Intn(2) == 0 {
			b[p] = '.'
		}
		nums = append(nums, string(b))
	}
	for _, num := range nums {
		want, werr := strconv.ParseFloat(strings.ReplaceAll(num, ",", ""), 64)
		got, err := parseFigure(num)
		if (err == nil) != (werr == nil) || err == nil && got != want {
			t.Errorf("parseFigure(%q) = %v, %v; want %v, %v", num, got, err, want, werr)
		}
	}
}
