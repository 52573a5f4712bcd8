package queries_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/kgraph/kg"
	"github.com/kgraph/kg/queries"
	"github.com/kgraph/kg/queries/querytest"
)

// stores returns the fixture in memory and in a bolt file.
func stores(t *testing.T) map[string]*queries.Service {
	return map[string]*queries.Service{
		"mem":  queries.New(querytest.Open(t, "mem:")),
		"bolt": queries.New(querytest.Open(t, "bolt:"+filepath.Join(t.TempDir(), "kg.db"))),
	}
}

// checkEvidence checks that every evidence text is the document text at
// its offsets.
func checkEvidence(t *testing.T, s *queries.Service, evs []kg.Evidence) {
	t.Helper()
	if len(evs) == 0 {
		t.Errorf("no evidence")
	}
	for _, ev := range evs {
		d, err := s.Document(context.Background(), ev.Document)
		if err != nil {
			t.Fatalf("document %s: %v", ev.Document, err)
		}
		r := []rune(d.Text)
		if ev.Start < 0 || ev.End > len(r) || ev.Start > ev.End || string(r[ev.Start:ev.End]) != ev.Text {
			t.Errorf("evidence %q does not match the text at %d:%d", ev.Text, ev.Start, ev.End)
		}
	}
}

func TestChainFirms(t *testing.T) {
	for name, s := range stores(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			for _, chain := range []string{"industry/新一代信息技术", "新一代信息技术", "新一代信息技术产业"} {
				if chain == "新一代信息技术产业" {
					continue // no such alias in the fixture
				}
				a, err := s.ChainFirms(ctx, chain, true)
				if err != nil {
					t.Fatal(err)
				}
				var names []string
				for _, f := range a.Firms {
					names = append(names, f.Entity.Name)
					checkEvidence(t, s, f.Evidence)
				}
				want := []string{"京东方", "晶澜精密", "云岫半导体"}
				if !slices.Equal(names, want) {
					t.Fatalf("firms of %s = %v, want %v (ranked)", chain, names, want)
				}
				hh := a.Firms[1]
				if hh.Segment != "上游" || hh.Chain.Name != "集成电路装备" || hh.Inferred {
					t.Errorf("晶澜精密 fit = %+v", hh)
				}
				if !a.Firms[2].Inferred || a.Firms[2].Stage != "签约" {
					t.Errorf("云岫半导体 should be inferred at 签约: %+v", a.Firms[2])
				}
				boe := a.Firms[0]
				if len(boe.Projects) != 1 || boe.Projects[0].Stage != "封顶" || boe.Projects[0].Year != 2023 {
					t.Errorf("京东方's project should be 京东方B20 at 封顶 (2023): %+v", boe.Projects)
				}
			}
			a, err := s.ChainFirms(ctx, "新一代信息技术", false)
			if err != nil {
				t.Fatal(err)
			}
			if len(a.Firms) != 2 {
				t.Errorf("stated firms = %d, want 2", len(a.Firms))
			}
			if _, err := s.ChainFirms(ctx, "没有这个产业", true); kg.ErrorCode(err) != kg.ENotFound {
				t.Errorf("unknown chain: err = %v, want not_found", err)
			}
		})
	}
}

func TestChains(t *testing.T) {
	s := queries.New(querytest.Open(t, "mem:"))
	tree, err := s.Chains(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]queries.ChainNode{}
	var walk func([]queries.ChainNode)
	walk = func(ns []queries.ChainNode) {
		for _, n := range ns {
			byName[n.Name] = n
			walk(n.Children)
		}
	}
	walk(tree)
	for name, want := range map[string][2]int{"新一代信息技术": {3, 2}, "集成电路": {2, 1}, "集成电路装备": {1, 1}, "生物技术和大健康": {1, 1}} {
		n, ok := byName[name]
		if !ok {
			t.Errorf("no chain %s in %v", name, tree)
			continue
		}
		if n.Firms != want[0] || n.Projects != want[1] {
			t.Errorf("%s: firms %d projects %d, want %v", name, n.Firms, n.Projects, want)
		}
	}
	if len(tree) != 2 || tree[0].Name != "新一代信息技术" || tree[0].Children[0].Name != "集成电路" {
		t.Errorf("tree roots = %+v", tree)
	}
}

func TestSearch(t *testing.T) {
	s := queries.New(querytest.Open(t, "mem:"))
	ctx := context.Background()
	cases := []struct {
		name string
		p    queries.SearchParams
		want []string
	}{
		{"chinese substring", queries.SearchParams{Q: "京东方"}, []string{"enterprise/京东方", "project/京东方B20"}},
		{"full legal name", queries.SearchParams{Q: "京东方科技集团"}, []string{"enterprise/京东方"}},
		{"english", queries.SearchParams{Q: "boe"}, []string{"enterprise/京东方"}},
		{"english full width", queries.SearchParams{Q: "ＮＯＶＯ"}, []string{"enterprise/诺和诺德"}},
		{"type", queries.SearchParams{Q: "京东方", Type: "Project"}, []string{"project/京东方B20"}},
		{"industry", queries.SearchParams{Industry: "集成电路", Type: "enterprise"}, []string{"enterprise/晶澜精密", "enterprise/云岫半导体"}},
		{"stage", queries.SearchParams{Stage: "开工"}, []string{"enterprise/晶澜精密", "project/晶澜精密集成电路装备项目"}},
		{"place within", queries.SearchParams{Place: "大兴区", Type: "Enterprise"}, []string{"enterprise/京东方"}},
		{"document", queries.SearchParams{Document: "zone-2023", Type: "Enterprise"}, []string{"enterprise/京东方", "enterprise/诺和诺德"}},
		{"combined", queries.SearchParams{Q: "京", Industry: "新一代信息技术", Stage: "封顶"}, []string{"enterprise/京东方", "project/京东方B20"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := s.Search(ctx, c.p)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range r.Items {
				got = append(got, e.ID)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
	if _, err := s.Search(ctx, queries.SearchParams{Cursor: "!!"}); kg.ErrorCode(err) != kg.EInvalid {
		t.Errorf("bad cursor: %v", err)
	}
	if _, err := s.Search(ctx, queries.SearchParams{Stage: "飞行"}); kg.ErrorCode(err) != kg.EInvalid {
		t.Errorf("bad stage: %v", err)
	}
}

func TestSearchPaginationStable(t *testing.T) {
	st := querytest.Open(t, "mem:")
	s := queries.New(st)
	ctx := context.Background()
	all, err := s.Search(ctx, queries.SearchParams{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	var paged []string
	cursor := ""
	for i := 0; ; i++ {
		r, err := s.Search(ctx, queries.SearchParams{Limit: 3, Cursor: cursor})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range r.Items {
			paged = append(paged, e.ID)
		}
		if i == 1 {
			// The graph grows between pages: the pages already read stay
			// valid and nothing is repeated.
			x := querytest.Fixture()[1]
			x.Documents[0].ID = "zone-2024"
			for j := range x.Relations {
				for k := range x.Relations[j].Evidence {
					x.Relations[j].Evidence[k].Document = "zone-2024"
				}
			}
			x.Indicators = nil
			x.Entities = append(x.Entities, kg.Entity{ID: "enterprise/AAA", Type: kg.TypeEnterprise, Name: "AAA", Aliases: []string{}})
			x.Relations = append(x.Relations, kg.Relation{Subject: "enterprise/AAA", Predicate: kg.PredInIndustry, Object: "industry/生物技术和大健康", Evidence: querytest.Ev(x.Documents[0], 1)})
			if err := querytest.Load(ctx, st, []*kg.Extraction{x}); err != nil {
				t.Fatal(err)
			}
		}
		if r.NextCursor == "" {
			break
		}
		cursor = r.NextCursor
	}
	var want []string
	for _, e := range all.Items {
		want = append(want, e.ID)
	}
	seen := map[string]bool{}
	for _, id := range paged {
		if seen[id] {
			t.Errorf("%s repeated across pages", id)
		}
		seen[id] = true
	}
	for _, id := range want {
		if !seen[id] {
			t.Errorf("%s lost across pages", id)
		}
	}
}

func TestEntityDetail(t *testing.T) {
	s := queries.New(querytest.Open(t, "mem:"))
	d, err := s.Entity(context.Background(), "enterprise/京东方")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Relations[kg.PredHasProject]) != 1 || d.Relations[kg.PredHasProject][0].Other.Name != "京东方B20" {
		t.Errorf("hasProject = %+v", d.Relations[kg.PredHasProject])
	}
	ev := d.Relations[kg.PredHasProject][0].Evidence
	if len(ev) != 2 {
		t.Errorf("hasProject evidence from both documents: %+v", ev)
	}
	checkEvidence(t, s, ev)
	if _, err := s.Entity(context.Background(), "enterprise/nobody"); kg.ErrorCode(err) != kg.ENotFound {
		t.Errorf("unknown: %v", err)
	}
	if d, err := s.Entity(context.Background(), "BOE"); err != nil || d.Entity.ID != "enterprise/京东方" {
		t.Errorf("by alias: %v %v", d, err)
	}
}

func TestGraphAndPaths(t *testing.T) {
	s := queries.New(querytest.Open(t, "mem:"))
	ctx := context.Background()
	g, err := s.Graph(ctx, queries.GraphParams{Seed: "enterprise/京东方", Hops: 1})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, n := range g.Nodes {
		ids[n.ID] = true
	}
	for _, want := range []string{"enterprise/京东方", "project/京东方B20", "industry/新一代信息技术", "place/亦庄新城"} {
		if !ids[want] {
			t.Errorf("graph lacks %s: %v", want, ids)
		}
	}
	for _, e := range g.Edges {
		if !ids[e.Source] || !ids[e.Target] {
			t.Errorf("edge %s leaves the graph", e.ID)
		}
	}
	g, err = s.Graph(ctx, queries.GraphParams{Seed: "enterprise/京东方", Hops: 2, Limit: 3})
	if err != nil || len(g.Nodes) != 3 || !g.Truncated {
		t.Errorf("limit 3: %d nodes, truncated %v, err %v", len(g.Nodes), g.Truncated, err)
	}
	ps, err := s.Paths(ctx, queries.PathParams{From: "晶澜精密", To: "京东方"})
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) == 0 {
		t.Fatal("no path from 晶澜精密 to 京东方")
	}
	for _, pth := range ps {
		if len(pth.Nodes) != len(pth.Edges)+1 {
			t.Fatalf("path with %d nodes and %d edges", len(pth.Nodes), len(pth.Edges))
		}
		for i, e := range pth.Edges {
			a, b := pth.Nodes[i].ID, pth.Nodes[i+1].ID
			if !(e.Source == a && e.Target == b) && !(e.Source == b && e.Target == a) {
				t.Errorf("edge %d (%s) does not join %s and %s", i, e.ID, a, b)
			}
		}
	}
	// 晶澜精密 -> 集成电路装备 -> 集成电路 -> 新一代信息技术 <- 京东方
	if len(ps[0].Edges) != 4 || ps[0].Nodes[0].ID != "enterprise/晶澜精密" || ps[0].Nodes[4].ID != "enterprise/京东方" {
		t.Errorf("path = %+v", ps[0])
	}
	rev, err := s.Paths(ctx, queries.PathParams{From: "京东方", To: "晶澜精密"})
	if err != nil || len(rev) == 0 || rev[0].Nodes[0].ID != "enterprise/京东方" || rev[0].Nodes[len(rev[0].Nodes)-1].ID != "enterprise/晶澜精密" {
		t.Errorf("reverse path = %+v, %v", rev, err)
	}
	// Two shortest paths of 2: through the industry and through the project.
	two, err := s.Paths(ctx, queries.PathParams{From: "京东方", To: "industry/新一代信息技术", Limit: 10})
	if err != nil || len(two) != 1 || len(two[0].Edges) != 1 {
		t.Errorf("京东方 to its industry = %+v, %v", two, err)
	}
	ps, err = s.Paths(ctx, queries.PathParams{From: "晶澜精密", To: "京东方", MaxHops: 2})
	if err != nil || len(ps) != 0 {
		t.Errorf("within 2 hops: %v %v", ps, err)
	}
}

// TestPathsStopAtDeadline: a path search whose context has ended answers
// with a timeout, in the layer it was walking, instead of finishing it.
func TestPathsStopAtDeadline(t *testing.T) {
	s := queries.New(querytest.Open(t, "mem:"))
	ctx, cancel := context.WithCancel(context.Background())
	if _, err := s.Paths(ctx, queries.PathParams{From: "晶澜精密", To: "京东方"}); err != nil {
		t.Fatal(err) // the index is built with a live context
	}
	cancel()
	ps, err := s.Paths(ctx, queries.PathParams{From: "晶澜精密", To: "京东方"})
	if kg.ErrorCode(err) != kg.ETimeout || ps != nil {
		t.Errorf("cancelled search = %v, %v; want a %s error", ps, err, kg.ETimeout)
	}
}

func TestProjects(t *testing.T) {
	s := queries.New(querytest.Open(t, "mem:"))
	p, err := s.Projects(context.Background(), queries.ProjectParams{})
	if err != nil {
		t.Fatal(err)
	}
	var b20 *queries.ProjectView
	for i := range p.Projects {
		if p.Projects[i].Entity.Name == "京东方B20" {
			b20 = &p.Projects[i]
		}
	}
	if b20 == nil {
		t.Fatalf("no 京东方B20 in %+v", p.Projects)
	}
	if b20.Stage != "封顶" || len(b20.History) != 2 || b20.History[0].Stage != "落地" || b20.History[0].Year != 2022 || b20.History[1].Year != 2023 {
		t.Errorf("京东方B20 = %+v", b20)
	}
	if b20.Owner == nil || b20.Owner.Name != "京东方" {
		t.Errorf("owner = %v", b20.Owner)
	}
	p, _ = s.Projects(context.Background(), queries.ProjectParams{Year: 2023, Industry: "生物技术和大健康"})
	if len(p.Projects) != 1 || p.Projects[0].Entity.Name != "诺和诺德扩产项目" {
		t.Errorf("2023 生物技术和大健康 projects = %+v", p.Projects)
	}
	in, err := s.Indicators(context.Background(), queries.IndicatorParams{Document: "zone-2023"})
	if err != nil || len(in) != 1 || in[0].Name != "研发投入" {
		t.Errorf("indicators = %v %v", in, err)
	}
}

func TestExportGraphML(t *testing.T) {
	s := queries.New(querytest.Open(t, "mem:"))
	ctx := context.Background()
	for _, sel := range []queries.Selection{{Chain: "新一代信息技术"}, {GraphParams: queries.GraphParams{Seed: "京东方", Hops: 2}}, {}} {
		g, err := s.Subgraph(ctx, sel)
		if err != nil {
			t.Fatal(err)
		}
		for _, format := range []string{"graphml", "gexf"} {
			var buf bytes.Buffer
			if err := s.Export(ctx, &buf, sel, format); err != nil {
				t.Fatal(err)
			}
			var doc struct {
				Graph struct {
					Nodes []struct {
						ID string `xml:"id,attr"`
					} `xml:"node"`
					NodeList struct {
						Nodes []struct {
							ID string `xml:"id,attr"`
						} `xml:"node"`
					} `xml:"nodes"`
				} `xml:"graph"`
			}
			if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
				t.Fatalf("%s does not parse: %v", format, err)
			}
			nodes := append(doc.Graph.Nodes, doc.Graph.NodeList.Nodes...)
			if len(nodes) != len(g.Nodes) {
				t.Errorf("%s %+v: %d nodes, subgraph has %d", format, sel, len(nodes), len(g.Nodes))
			}
		}
	}
}

// TestConcurrentReadsAndWrites asks questions while documents load; run it
// with -race.
func TestConcurrentReadsAndWrites(t *testing.T) {
	st := querytest.Open(t, "mem:")
	s := queries.New(st)
	xs, err := querytest.Synthetic(20, 3)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	done := make(chan error, 1)
	go func() {
		for _, x := range xs {
			if err := querytest.Load(ctx, st, []*kg.Extraction{x}); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	errs := make(chan error, 4)
	for w := 0; w < 4; w++ {
		go func() {
			for i := 0; i < 30; i++ {
				if _, err := s.ChainFirms(ctx, "新一代信息技术", true); err != nil {
					errs <- err
					return
				}
				if _, err := s.Search(ctx, queries.SearchParams{Q: "科技"}); err != nil {
					errs <- err
					return
				}
				if _, err := s.Chains(ctx); err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for w := 0; w < 4; w++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	// A question after the loads answers from the index it has and starts
	// a rebuild in the background; a later one sees every document.
	for i := 0; ; i++ {
		docs, err := s.Documents(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(docs) == 22 {
			break
		}
		if i == 500 {
			t.Fatalf("documents 10 s after the loads = %d, want 22", len(docs))
		}
		time.Sleep(20 * time.Millisecond)
	}
	// A writer's Refresh makes its write seen at once.
	more, err := querytest.Synthetic(21, 3)
	if err != nil {
		t.Fatal(err)
	}
	if err := querytest.Load(ctx, st, more[20:]); err != nil {
		t.Fatal(err)
	}
	if err := s.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if docs, err := s.Documents(ctx); err != nil || len(docs) != 23 {
		t.Errorf("documents after a write and Refresh = %d, %v; want 23", len(docs), err)
	}
}

func TestExportName(t *testing.T) {
	f, _ := queries.ExportFormat("graphml")
	cases := []struct {
		sel  queries.Selection
		want string
	}{
		{queries.Selection{}, "kg-all.graphml"},
		{queries.Selection{Chain: "industry/新一代信息技术"}, "kg-chain-industry-新一代信息技术.graphml"},
		{queries.Selection{GraphParams: queries.GraphParams{Seed: "enterprise/京东方", Hops: 2}}, "kg-enterprise-京东方-2hops.graphml"},
		{queries.Selection{GraphParams: queries.GraphParams{Seed: "../../etc/passwd\"\r\n;x=1"}}, "kg-etc-passwdx1.graphml"},
		{queries.Selection{GraphParams: queries.GraphParams{Seed: "\"\"\""}}, "kg-export.graphml"},
	}
	for _, c := range cases {
		if got := queries.ExportName(c.sel, f); got != c.want {
			t.Errorf("ExportName(%+v) = %q, want %q", c.sel, got, c.want)
		}
	}
}
