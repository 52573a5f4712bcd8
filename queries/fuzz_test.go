package queries_test

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/kgraph/kg"
	"github.com/kgraph/kg/queries"
	"github.com/kgraph/kg/queries/querytest"
)

// FuzzSearch feeds arbitrary queries and cursors to the search: it never
// panics, a bad cursor is a kg.EInvalid error, and every hit contains the
// query in its name, an alias or an attribute.
func FuzzSearch(f *testing.F) {
	for _, seed := range [][2]string{
		{"京东方", ""}, {"", "eyJzIjoxLCJuIjoiYSIsImkiOiJiIn0"}, {"ＢＯＥ", "!!"}, {"\xff\xfe", "e30"},
		{"京", "eyJzIjotMX0"}, {strings.Repeat("科", 300), ""}, {"a", "bnVsbA"},
	} {
		f.Add(seed[0], seed[1])
	}
	s := queries.New(querytest.Open(f, "mem:"))
	f.Fuzz(func(t *testing.T, q, cursor string) {
		r, err := s.Search(context.Background(), queries.SearchParams{Q: q, Cursor: cursor, Limit: 5})
		if err != nil {
			if code := kg.ErrorCode(err); code != kg.EInvalid {
				t.Fatalf("Search(%q, %q): %v (code %s)", q, cursor, err, code)
			}
			return
		}
		if !utf8.ValidString(q) {
			return
		}
		for _, e := range r.Items {
			if strings.TrimSpace(q) == "" {
				continue
			}
			d, err := s.Entity(context.Background(), e.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !matches(d.Entity, q) {
				t.Errorf("hit %s does not contain %q", e.ID, q)
			}
		}
	})
}

func matches(e kg.Entity, q string) bool {
	keys := append([]string{e.Name}, e.Aliases...)
	for _, v := range e.Attrs {
		keys = append(keys, v)
	}
	fold := func(s string) string { return strings.ToLower(width.Fold.String(strings.TrimSpace(s))) }
	for _, k := range keys {
		if strings.Contains(fold(k), fold(q)) {
			return true
		}
	}
	return false
}
