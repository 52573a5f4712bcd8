package graph_test

import (
	"context"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/kgraph/kg"
	"github.com/kgraph/kg/graph"
)

// TestForLoading runs the same loads, replacements and removals on a store
// opened for loading and on one opened as usual: the quads are the same, a
// repeated load writes nothing, and the first read of the lean store answers
// what the full one does.
func TestForLoading(t *testing.T) {
	ctx := context.Background()
	for name, addr := range backends(t) {
		t.Run(name, func(t *testing.T) {
			a, xa := sample("etown-2021", 2021, "京东方", "签约")
			b, xb := sample("etown-2022", 2022, "京东方科技集团股份有限公司", "开工")
			a2, xa2 := sample("etown-2021", 2021, "京东方", "投产")
			c, xc := sample("etown-2023", 2023, "北京京东方", "投产")
			run := func(s *graph.Store) {
				load(t, s, a, xa)
				load(t, s, b, xb)
				if st := load(t, s, b, xb); st.Added != 0 || st.Removed != 0 {
					t.Errorf("loading a document again: %+v", st)
				}
				if st := load(t, s, a2, xa2); st.Added == 0 || st.Removed == 0 {
					t.Errorf("replacing a document: %+v", st)
				}
				load(t, s, c, xc)
				if err := s.RemoveDocument(ctx, "etown-2023"); err != nil {
					t.Fatal(err)
				}
			}
			full := open(t, addr(t))
			run(full)
			leanAddr := addr(t)
			lean, err := graph.Open(ctx, leanAddr, graph.ForLoading())
			if err != nil {
				t.Fatal(err)
			}
			defer lean.Close()
			run(lean)
			want, got := dump(t, full), dump(t, lean)
			if want != got {
				t.Errorf("a store opened for loading holds other quads:\n got %s\nwant %s", got, want)
			}
			// Reads build the index on first use.
			if w, g := canonical(readBack(t, full)), canonical(readBack(t, lean)); !reflect.DeepEqual(w, g) {
				t.Errorf("read back from the lean store:\n got %+v\nwant %+v", g, w)
			}
			if name == "mem" {
				return
			}
			// Reopened for loading, it knows what it holds.
			lean.Close()
			again, err := graph.Open(ctx, leanAddr, graph.ForLoading())
			if err != nil {
				t.Fatal(err)
			}
			defer again.Close()
			if st := load(t, again, b, xb); st.Added != 0 || st.Removed != 0 {
				t.Errorf("loading a document again after reopening: %+v", st)
			}
			load(t, again, c, xc)
			e, err := again.Entity(ctx, "enterprise/京东方")
			if err != nil || !strings.Contains(strings.Join(e.Aliases, " "), "北京京东方") {
				t.Errorf("resolution after reopening for loading: %+v, %v", e, err)
			}
		})
	}
}

func dump(t *testing.T, s *graph.Store) string {
	t.Helper()
	var b strings.Builder
	if err := s.Dump(context.Background(), &b, "nquads"); err != nil {
		t.Fatal(err)
	}
	return sortedLines(b.String())
}

// TestRelationsBulk: the bulk read lists what walking every entity's
// outgoing edges lists.
func TestRelationsBulk(t *testing.T) {
	ctx := context.Background()
	s := open(t, "mem:")
	a, xa := sample("etown-2021", 2021, "京东方", "签约")
	b, xb := sample("etown-2022", 2022, "京东方科技集团股份有限公司", "开工")
	load(t, s, a, xa)
	load(t, s, b, xb)
	bulk, err := s.Relations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ents, _ := s.EntitiesOfType(ctx, "")
	var walked []kg.Relation
	for _, e := range ents {
		edges, _ := s.Edges(ctx, e.ID)
		for _, ed := range edges {
			if ed.Out {
				walked = append(walked, ed.Relation)
			}
		}
	}
	key := func(rs []kg.Relation) []string {
		var out []string
		for _, r := range rs {
			out = append(out, fmt.Sprintf("%+v", r))
		}
		sort.Strings(out)
		return out
	}
	if len(bulk) != 8 || !reflect.DeepEqual(key(bulk), key(walked)) {
		t.Errorf("bulk relations:\n%v\nwalked:\n%v", key(bulk), key(walked))
	}
}
