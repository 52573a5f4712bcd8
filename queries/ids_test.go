package queries

import (
	"strings"
	"testing"
)

// TestCompareIDs compares relation ids by their parts as strings.Compare
// compares them joined, for parts that hold spaces and are prefixes of
// one another.
func TestCompareIDs(t *testing.T) {
	words := []string{"", " ", "a", "a b", "ab", "a ", "企业/甲", "企业/甲 乙", "b", "inIndustry", "stage"}
	parts := func(i int) [5]string {
		return [5]string{words[i%len(words)], " ", words[(i/3)%len(words)], " ", words[(i/7)%len(words)]}
	}
	for i := range 400 {
		for j := range 400 {
			a, b := parts(i), parts(j)
			want := strings.Compare(strings.Join(a[:], ""), strings.Join(b[:], ""))
			if got := compareIDs(a, b); got != want {
				t.Fatalf("compareIDs(%q, %q) = %d, want %d", a, b, got, want)
			}
		}
	}
}
