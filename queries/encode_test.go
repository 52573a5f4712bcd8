package queries

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/kgraph/kg"
	"github.com/kgraph/kg/queries/querytest"
)

// TestEncodeFit: a fit encoded from its shared parts is what json.Marshal
// makes of it, for every firm of every chain, stated and inferred.
func TestEncodeFit(t *testing.T) {
	ctx := context.Background()
	fixture := querytest.Open(t, "mem:")
	synth, err := querytest.SyntheticStore(ctx, 30, 5)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { synth.Close() })
	for name, st := range map[string]Reader{"fixture": fixture, "synthetic": synth} {
		ix, err := buildIndex(ctx, st)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, ind := range ix.order {
			if ind.Type != kg.TypeIndustry {
				continue
			}
			for _, inferred := range []bool{true, false} {
				f := ix.fits(ind, inferred)
				for i := range f.firms {
					for _, view := range []View{Full, Brief} {
						want, err := json.Marshal(&f.firms[i])
						if view == Brief {
							want, err = json.Marshal(f.firms[i].Brief())
						}
						if err != nil {
							t.Fatal(err)
						}
						// Not kept (an ask), then kept (index.warm), then
						// the kept one.
						for _, keep := range []bool{false, true, false} {
							got, err := f.frags[view][i].encode(&f.firms[i], f.infos[i], keep, view)
							if err != nil {
								t.Fatal(err)
							}
							if !bytes.Equal(got, want) {
								t.Fatalf("%s: %s: firm %d encoded (view %d, keep %v)\n%s\nwant\n%s", name, ind.ID, i, view, keep, got, want)
							}
						}
					}
					n++
				}
			}
		}
		if n < 10 {
			t.Errorf("%s: only %d fits compared", name, n)
		}
	}
}

// TestEncodeFitAllFields: every optional field set, and none.
func TestEncodeFitAllFields(t *testing.T) {
	ev := []kg.Evidence{{Document: "d", Sentence: 1, Start: 2, End: 5, Text: `<a href="x">&</a>`}}
	full := FirmFit{
		Entity:   kg.Entity{ID: "enterprise/a", Type: kg.TypeEnterprise, Name: "甲", Aliases: []string{"A"}, Attrs: map[string]string{"k": "v"}},
		Segment:  "上游",
		Chain:    Ref{ID: "industry/b", Name: "乙"},
		Inferred: true, Confidence: 0.25,
		Via:          &Ref{ID: "project/c", Type: kg.TypeProject, Name: "丙"},
		Evidence:     ev,
		Projects:     []ProjectRef{{Entity: kg.Entity{ID: "project/c", Name: "丙"}, Stage: "开工", Planned: true, Year: 2023, StageEvidence: ev}},
		ProjectCount: 12, Stage: "签约", Planned: true, StageEvid: ev,
	}
	for _, ff := range []FirmFit{full, {Entity: kg.Entity{ID: "enterprise/z"}, Projects: []ProjectRef{}, Evidence: []kg.Evidence{}}} {
		want, err := json.Marshal(&ff)
		if err != nil {
			t.Fatal(err)
		}
		for _, keep := range []bool{false, true} {
			got, err := encodeFit(&ff, &firmInfo{}, keep)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("encoded (keep %v)\n%s\nwant\n%s", keep, got, want)
			}
		}
	}
}

// TestBrief: a brief shows the fit's first piece of evidence and counts
// them, and the firm's first maxBriefProjects projects without their
// evidence; empty lists stay lists.
func TestBrief(t *testing.T) {
	ev := []kg.Evidence{{Document: "d", Text: "一"}, {Document: "d", Start: 1, End: 2, Text: "二"}}
	var projects []ProjectRef
	for i := range maxBriefProjects + 2 {
		projects = append(projects, ProjectRef{Entity: kg.Entity{ID: fmt.Sprint("project/", i)}, Stage: "开工", Year: 2020 + i, StageEvidence: ev})
	}
	ff := FirmFit{Entity: kg.Entity{ID: "enterprise/a", Name: "甲"}, Chain: Ref{ID: "industry/b"}, Confidence: 0.5,
		Evidence: ev, Projects: projects, ProjectCount: 9, Stage: "签约", Planned: true, StageEvid: ev}
	got, err := json.Marshal(ff.Brief())
	if err != nil {
		t.Fatal(err)
	}
	want := `{"entity":{"id":"enterprise/a","type":"","name":"甲","aliases":null},"chain":{"id":"industry/b","name":""},` +
		`"confidence":0.5,"inferred":false,"evidence":[{"document":"d","sentence":0,"start":0,"end":0,"text":"一"}],"evidenceCount":2,` +
		`"projects":[{"entity":{"id":"project/0","type":"","name":"","aliases":null},"stage":"开工","year":2020},` +
		`{"entity":{"id":"project/1","type":"","name":"","aliases":null},"stage":"开工","year":2021},` +
		`{"entity":{"id":"project/2","type":"","name":"","aliases":null},"stage":"开工","year":2022}],` +
		`"projectCount":9,"stage":"签约","planned":true}`
	if string(got) != want {
		t.Errorf("brief\n%s\nwant\n%s", got, want)
	}
	empty := FirmFit{Evidence: []kg.Evidence{}, Projects: []ProjectRef{}}
	if got, _ := json.Marshal(empty.Brief()); !bytes.Contains(got, []byte(`"evidence":[],"evidenceCount":0,"projects":[]`)) {
		t.Errorf("empty brief %s", got)
	}
}

// warmIndex is the index of a small synthetic corpus, warmed as a
// published index is.
func warmIndex(t *testing.T) *index {
	t.Helper()
	ctx := context.Background()
	synth, err := querytest.SyntheticStore(ctx, 30, 5)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { synth.Close() })
	ix, err := buildIndex(ctx, synth)
	if err != nil {
		t.Fatal(err)
	}
	ix.warm()
	return ix
}

// TestWarmPages: after index.warm has encoded every chain's first page and
// made its firms' encodings slices of it, every page (the first, and pages
// at other offsets and sizes that reuse those encodings) is what
// json.Marshal makes of it.
func TestWarmPages(t *testing.T) {
	ix := warmIndex(t)
	pages, shared := 0, 0
	for _, ind := range ix.order {
		if ind.Type != kg.TypeIndustry {
			continue
		}
		f := ix.fits(ind, true)
		for _, view := range []View{Full, Brief} {
			first := ix.page(f, 0, DefaultFirmsLimit, view, false) // warm's, kept
			if len(first.Firms) > 0 && first.enc == nil {
				t.Fatalf("%s: first page (view %d) not encoded by warm", ind.ID, view)
			}
			for i := range first.frags {
				if b := first.frags[i].b; len(b) > 0 && &b[0] == &first.enc[bytes.Index(first.enc, b)] {
					shared++
				}
			}
			for _, pl := range [][2]int{{0, DefaultFirmsLimit}, {0, 3}, {2, 5}, {len(f.firms) - 1, 10}, {len(f.firms) + 5, 10}} {
				if pl[0] < 0 {
					continue
				}
				p := ix.page(f, pl[0], pl[1], view, false)
				got, err := p.JSON()
				if err != nil {
					t.Fatal(err)
				}
				if want := marshalPage(t, p); !bytes.Equal(got, want) {
					t.Fatalf("%s page %v (view %d):\n%s\nwant\n%s", ind.ID, pl, view, got, want)
				}
				pages++
			}
		}
	}
	if pages < 40 || shared < 20 {
		t.Errorf("only %d pages compared, %d encodings shared with their first page", pages, shared)
	}
}

// TestPageBudget: the pages an index holds beyond its first pages are
// held gzip-compressed within its budget; a page over it is written as it
// is encoded (Body nil), and every form has the bytes json.Marshal makes.
func TestPageBudget(t *testing.T) {
	ix := warmIndex(t)
	defer func(b int64) { maxPageBytes = b }(maxPageBytes)
	maxPageBytes = 4 << 10
	ctx := context.Background()
	held, over := 0, 0
	for _, ind := range ix.order {
		if ind.Type != kg.TypeIndustry {
			continue
		}
		f := ix.fits(ind, true)
		if len(f.firms) < 3 {
			continue
		}
		p := ix.page(f, 1, 2, Full, false)
		want := marshalPage(t, p)
		for range 2 { // compressed (or found over), then as held
			b, err := p.Body(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if b == nil {
				var w bytes.Buffer
				if err := p.WriteJSON(ctx, &w); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(w.Bytes(), want) {
					t.Fatalf("%s: written\n%s\nwant\n%s", ind.ID, w.Bytes(), want)
				}
				continue
			}
			if got := gunzip(t, b); !b.Gzip || b.Size != len(want) || !bytes.Equal(got, want) {
				t.Fatalf("%s: held (gzip %v, size %d)\n%s\nwant\n%s", ind.ID, b.Gzip, b.Size, got, want)
			}
		}
		if p.held.Load() != nil {
			held++
		} else {
			over++
		}
		if used := ix.pageBudget.used.Load(); used > maxPageBytes {
			t.Fatalf("pages hold %d bytes, over the budget of %d", used, maxPageBytes)
		}
	}
	if held == 0 || over == 0 {
		t.Errorf("%d pages held and %d over the budget: the test asks too little", held, over)
	}
	// The firms of a page that is not part of the index (index.warm
	// encodes the first pages of the inferred answers) are not held.
	for _, ind := range ix.order {
		if ind.Type != kg.TypeIndustry {
			continue
		}
		f := ix.fits(ind, false)
		if len(f.firms) == 0 {
			continue
		}
		if _, err := ix.page(f, 0, 5, Full, false).JSON(); err != nil {
			t.Fatal(err)
		}
		for i := range f.frags[Full][:min(5, len(f.firms))] {
			if f.frags[Full][i].b != nil {
				t.Fatalf("%s: firm %d of a page asked holds its encoding", ind.ID, i)
			}
		}
	}
}

// TestPageBodyAtOnce: asks for a page at the same time share one
// compression, and the budget counts it once.
func TestPageBodyAtOnce(t *testing.T) {
	ix := warmIndex(t)
	var largest *chainFits
	for _, ind := range ix.order {
		if f := ix.fits(ind, true); ind.Type == kg.TypeIndustry && (largest == nil || len(f.firms) > len(largest.firms)) {
			largest = f
		}
	}
	p := ix.page(largest, 0, MaxFirmsLimit, Full, false)
	want := marshalPage(t, p)
	bodies := make([]*Body, 8)
	var wg sync.WaitGroup
	for i := range bodies {
		wg.Go(func() {
			b, err := p.Body(context.Background())
			if err != nil {
				t.Error(err)
			}
			bodies[i] = b
		})
	}
	wg.Wait()
	for _, b := range bodies {
		if b != bodies[0] || !bytes.Equal(gunzip(t, b), want) {
			t.Fatalf("asks at once got different bodies")
		}
	}
	if used := ix.pageBudget.used.Load(); used != int64(len(bodies[0].Bytes)) {
		t.Errorf("budget used %d, want the one page's %d", used, len(bodies[0].Bytes))
	}
	// A page no longer cached (past maxCachedPages for its chain) is not
	// held: it would spend the budget for nothing.
	for i := range maxCachedPages {
		ix.page(largest, 0, i+1, Full, false)
	}
	if b, err := ix.page(largest, 1, 1, Full, false).Body(context.Background()); b != nil || err != nil {
		t.Errorf("a page not cached: body %v, %v; want none", b, err)
	}
}

// TestWriteJSONWaits: WriteJSON waits for an encoder only while its
// context allows.
func TestWriteJSONWaits(t *testing.T) {
	ix := warmIndex(t)
	var releases []func()
	for range cap(ix.encoders) {
		r, err := ix.encoder(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		releases = append(releases, r)
	}
	ind := ix.order[slices.IndexFunc(ix.order, func(n *node) bool { return n.Type == kg.TypeIndustry })]
	p := ix.page(ix.fits(ind, true), 0, 3, Full, false)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	var w bytes.Buffer
	if err := p.WriteJSON(ctx, &w); !errors.Is(err, context.DeadlineExceeded) || w.Len() > 0 {
		t.Errorf("all encoders busy: %v, %d bytes written; want the deadline and nothing", err, w.Len())
	}
	releases[0]()
	if err := p.WriteJSON(context.Background(), &w); err != nil || !bytes.Equal(w.Bytes(), marshalPage(t, p)) {
		t.Errorf("an encoder free: %v\n%s", err, w.Bytes())
	}
}

// marshalPage is what json.Marshal makes of p.
func marshalPage(t *testing.T, p *FirmsPage) []byte {
	t.Helper()
	var firms any = p.Firms
	if p.view == Brief {
		briefs := make([]FirmBrief, len(p.Firms))
		for i := range p.Firms {
			briefs[i] = p.Firms[i].Brief()
		}
		firms = briefs
	}
	want, err := json.Marshal(struct {
		Chain      Ref `json:"chain"`
		Firms      any `json:"firms"`
		Total      int `json:"total"`
		NextOffset int `json:"next_offset,omitempty"`
	}{p.Chain, firms, p.Total, p.NextOffset})
	if err != nil {
		t.Fatal(err)
	}
	return want
}

func gunzip(t *testing.T, b *Body) []byte {
	t.Helper()
	if !b.Gzip {
		return b.Bytes
	}
	zr, err := gzip.NewReader(bytes.NewReader(b.Bytes))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
