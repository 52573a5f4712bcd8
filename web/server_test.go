package web_test

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/kgraph/kg"
	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/queries"
	"github.com/kgraph/kg/queries/querytest"
	"github.com/kgraph/kg/web"
)

type env struct {
	t   *testing.T
	srv *web.Server
	ts  *httptest.Server
	st  *graph.Store
}

func newEnv(t *testing.T, cfg web.Config) *env {
	t.Helper()
	st := querytest.Open(t, "mem:")
	return newEnvStore(t, cfg, st)
}

func newEnvStore(t *testing.T, cfg web.Config, st *graph.Store) *env {
	t.Helper()
	x, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.QueryTimeout == 0 {
		cfg.QueryTimeout = 300 * time.Millisecond
	}
	srv, err := web.New(cfg, nil, queries.New(st), st, x)
	if err != nil {
		t.Fatal(err)
	}
	srv.SetReady(true)
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return &env{t: t, srv: srv, ts: ts, st: st}
}

// do sends a request and returns the status and body.
func (e *env) do(method, path string, body io.Reader, hdr ...string) (int, []byte, http.Header) {
	e.t.Helper()
	req, err := http.NewRequest(method, e.ts.URL+path, body)
	if err != nil {
		e.t.Fatal(err)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b, resp.Header
}

func (e *env) getJSON(path string, v any) {
	e.t.Helper()
	code, b, _ := e.do("GET", path, nil)
	if code != http.StatusOK {
		e.t.Fatalf("GET %s: %d %s", path, code, b)
	}
	if err := json.Unmarshal(b, v); err != nil {
		e.t.Fatalf("GET %s: %v in %s", path, err, b)
	}
}

func TestChainFirmsWithEvidence(t *testing.T) {
	e := newEnv(t, web.Config{})
	for _, p := range []string{
		"/api/v1/chains/新一代信息技术/firms",
		"/api/v1/chains/" + url.PathEscape("industry/新一代信息技术") + "/firms",
	} {
		var a queries.ChainFirms
		e.getJSON(p, &a)
		var names []string
		texts := map[string]string{}
		for _, f := range a.Firms {
			names = append(names, f.Entity.Name)
			for _, ev := range f.Evidence {
				if _, ok := texts[ev.Document]; !ok {
					var d struct{ Text string }
					e.getJSON("/api/v1/documents/"+url.PathEscape(ev.Document), &d)
					texts[ev.Document] = d.Text
				}
				r := []rune(texts[ev.Document])
				if ev.End > len(r) || string(r[ev.Start:ev.End]) != ev.Text {
					t.Errorf("%s: evidence %q is not the text at %d:%d", f.Entity.Name, ev.Text, ev.Start, ev.End)
				}
			}
			if len(f.Evidence) == 0 {
				t.Errorf("%s has no evidence", f.Entity.Name)
			}
		}
		for _, want := range []string{"京东方", "晶澜精密", "云岫半导体"} {
			if !slices.Contains(names, want) {
				t.Errorf("GET %s: %v lacks %s", p, names, want)
			}
		}
	}
	var a queries.ChainFirms
	e.getJSON("/api/v1/chains/新一代信息技术/firms?inferred=false", &a)
	for _, f := range a.Firms {
		if f.Inferred {
			t.Errorf("inferred=false still lists %s", f.Entity.Name)
		}
	}
	var tree struct{ Chains []queries.ChainNode }
	e.getJSON("/api/v1/chains", &tree)
	if len(tree.Chains) == 0 || tree.Chains[0].Name != "新一代信息技术" || tree.Chains[0].Firms != 3 {
		t.Errorf("chains = %+v", tree.Chains)
	}
}

func TestErrors(t *testing.T) {
	e := newEnv(t, web.Config{Token: "s3cret", MaxUploadBytes: 1 << 10})
	big := strings.Repeat("京东方", 2000)
	cases := []struct {
		name, method, path string
		body               io.Reader
		hdr                []string
		status             int
		code               string
	}{
		{"unknown entity", "GET", "/api/v1/entities/enterprise%2Fnobody", nil, nil, 404, kg.ENotFound},
		{"unknown chain", "GET", "/api/v1/chains/nothing/firms", nil, nil, 404, kg.ENotFound},
		{"bad hops", "GET", "/api/v1/graph?seed=京东方&hops=99", nil, nil, 400, kg.EInvalid},
		{"hops not a number", "GET", "/api/v1/graph?seed=京东方&hops=x", nil, nil, 400, kg.EInvalid},
		{"no seed", "GET", "/api/v1/graph", nil, nil, 400, kg.EInvalid},
		{"bad inferred", "GET", "/api/v1/chains/新一代信息技术/firms?inferred=maybe", nil, nil, 400, kg.EInvalid},
		{"bad stage", "GET", "/api/v1/projects?stage=飞", nil, nil, 400, kg.EInvalid},
		{"bad format", "GET", "/api/v1/export?format=xls", nil, nil, 400, kg.EInvalid},
		{"unknown document", "GET", "/api/v1/documents/nope", nil, nil, 404, kg.ENotFound},
		{"unknown route", "GET", "/api/v1/nothing", nil, nil, 404, kg.ENotFound},
		{"no token", "DELETE", "/api/v1/documents/zone-2022", nil, nil, 401, kg.EUnauthorized},
		{"wrong token", "DELETE", "/api/v1/documents/zone-2022", nil, []string{"Authorization", "Bearer nope"}, 401, kg.EUnauthorized},
		{"delete unknown", "DELETE", "/api/v1/documents/nope", nil, []string{"Authorization", "Bearer s3cret"}, 404, kg.ENotFound},
		{"too large", "POST", "/api/v1/documents", strings.NewReader(big), []string{"Authorization", "Bearer s3cret", "Content-Type", "multipart/form-data; boundary=x"}, 413, kg.ETooLarge},
		{"not multipart", "POST", "/api/v1/documents", strings.NewReader("hi"), []string{"Authorization", "Bearer s3cret"}, 400, kg.EInvalid},
		{"empty query", "POST", "/api/v1/query", strings.NewReader(""), nil, 400, kg.EInvalid},
		{"bad json query", "POST", "/api/v1/query", strings.NewReader("{"), []string{"Content-Type", "application/json"}, 400, kg.EInvalid},
		{"looping query", "POST", "/api/v1/query", strings.NewReader("while(true){}"), nil, 504, kg.ETimeout},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, b, _ := e.do(c.method, c.path, c.body, c.hdr...)
			var body struct {
				Error struct{ Code, Message string }
			}
			json.Unmarshal(b, &body)
			if code != c.status || body.Error.Code != c.code || body.Error.Message == "" {
				t.Errorf("%s %s = %d %s, want %d %s", c.method, c.path, code, b, c.status, c.code)
			}
		})
	}
	// The server still answers after the looping query.
	if code, _, _ := e.do("GET", "/api/v1/chains", nil); code != 200 {
		t.Errorf("after a runaway query: %d", code)
	}
}

func TestWritesOffWithoutToken(t *testing.T) {
	e := newEnv(t, web.Config{})
	code, b, _ := e.do("DELETE", "/api/v1/documents/zone-2022", nil)
	if code != http.StatusForbidden || !strings.Contains(string(b), "token") {
		t.Errorf("delete without a configured token = %d %s, want 403 saying why", code, b)
	}
	e = newEnv(t, web.Config{AllowWritesWithoutToken: true})
	code, b, _ = e.do("DELETE", "/api/v1/documents/zone-2022", nil)
	if code != http.StatusOK {
		t.Fatalf("delete with writes allowed = %d %s", code, b)
	}
	var docs struct{ Items []queries.DocumentSummary }
	e.getJSON("/api/v1/documents", &docs)
	if len(docs.Items) != 1 || docs.Items[0].ID != "zone-2023" {
		t.Errorf("documents after delete = %+v", docs.Items)
	}
}

func TestNotReady(t *testing.T) {
	e := newEnv(t, web.Config{})
	e.srv.SetReady(false)
	for _, p := range []string{"/readyz", "/api/v1/chains"} {
		if code, b, _ := e.do("GET", p, nil); code != 503 || !strings.Contains(string(b), kg.ENotReady) {
			t.Errorf("GET %s before ready = %d %s", p, code, b)
		}
	}
	if code, _, _ := e.do("GET", "/healthz", nil); code != 200 {
		t.Errorf("healthz = %d", code)
	}
	e.srv.SetReady(true)
	if code, _, _ := e.do("GET", "/readyz", nil); code != 200 {
		t.Errorf("readyz when ready = %d", code)
	}
}

func TestOperations(t *testing.T) {
	e := newEnv(t, web.Config{})
	e.do("GET", "/api/v1/chains", nil)
	code, b, hdr := e.do("GET", "/metrics", nil, "X-Request-ID", "abc-123")
	if code != 200 || !strings.Contains(string(b), `kg_http_requests_total{method="GET",route="/api/v1/chains",status="200"} 1`) {
		t.Errorf("metrics = %d\n%s", code, b)
	}
	if hdr.Get("X-Request-ID") != "abc-123" {
		t.Errorf("request id not echoed: %q", hdr.Get("X-Request-ID"))
	}
	_, _, hdr = e.do("GET", "/healthz", nil, "X-Request-ID", "<script>")
	if id := hdr.Get("X-Request-ID"); id == "" || id == "<script>" {
		t.Errorf("request id = %q", id)
	}
}

// ginPath turns /chains/:id/firms and /entities/*id into OpenAPI templates.
var ginParam = regexp.MustCompile(`[:*]([A-Za-z_]+)`)

func TestOpenAPIMatchesRoutes(t *testing.T) {
	e := newEnv(t, web.Config{})
	var doc struct {
		OpenAPI string                               `json:"openapi"`
		Paths   map[string]map[string]map[string]any `json:"paths"`
	}
	e.getJSON("/api/v1/openapi.json", &doc)
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi = %q", doc.OpenAPI)
	}
	routes := map[string]bool{}
	for _, r := range e.srv.Routes() {
		k := strings.ToLower(r.Method) + " " + ginParam.ReplaceAllString(r.Path, "{$1}")
		routes[k] = true
	}
	documented := map[string]bool{}
	for p, ops := range doc.Paths {
		for m := range ops {
			documented[m+" "+p] = true
		}
	}
	var missing, extra []string
	for k := range routes {
		if !documented[k] {
			missing = append(missing, k)
		}
	}
	for k := range documented {
		if !routes[k] {
			extra = append(extra, k)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	if len(missing) > 0 || len(extra) > 0 {
		t.Errorf("routes not in openapi.json: %v\nopenapi.json paths not routed: %v", missing, extra)
	}
}

func TestGraphAndExport(t *testing.T) {
	e := newEnv(t, web.Config{})
	var g queries.Subgraph
	e.getJSON("/api/v1/graph?seed=京东方&hops=2", &g)
	want := map[string]bool{}
	for _, n := range g.Nodes {
		want[n.ID] = true
	}
	if !want["enterprise/京东方"] || !want["project/京东方B20"] || len(g.Edges) == 0 {
		t.Fatalf("graph = %+v", g)
	}
	code, b, hdr := e.do("GET", "/api/v1/export?seed=京东方&hops=2&format=graphml", nil)
	if code != 200 {
		t.Fatalf("export: %d %s", code, b)
	}
	if cd := hdr.Get("Content-Disposition"); !strings.HasPrefix(cd, `attachment; filename=kg-`) || !strings.Contains(cd, ".graphml") {
		t.Errorf("Content-Disposition = %q", cd)
	}
	var gm struct {
		Keys []struct {
			ID   string `xml:"id,attr"`
			Name string `xml:"attr.name,attr"`
			Type string `xml:"attr.type,attr"`
		} `xml:"key"`
		Graph struct {
			Nodes []struct {
				ID   string `xml:"id,attr"`
				Data []struct {
					Key string `xml:"key,attr"`
					Val string `xml:",chardata"`
				} `xml:"data"`
			} `xml:"node"`
			Edges []struct {
				Source string `xml:"source,attr"`
			} `xml:"edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(b, &gm); err != nil {
		t.Fatalf("GraphML does not parse: %v", err)
	}
	got := map[string]bool{}
	for _, n := range gm.Graph.Nodes {
		got[n.ID] = true
		if n.Data[0].Key != "label" || n.Data[0].Val == "" {
			t.Errorf("node %s has no label first: %+v", n.ID, n.Data)
		}
	}
	if len(got) != len(want) || len(gm.Graph.Edges) != len(g.Edges) {
		t.Errorf("GraphML has %d nodes, %d edges; /graph %d, %d", len(got), len(gm.Graph.Edges), len(want), len(g.Edges))
	}
	for id := range want {
		if !got[id] {
			t.Errorf("GraphML lacks %s", id)
		}
	}
	if len(gm.Keys) < 5 || gm.Keys[0].Name != "label" || gm.Keys[0].Type != "string" {
		t.Errorf("keys = %+v", gm.Keys)
	}

	// CSV: a zip in neo4j-admin import layout.
	code, b, hdr = e.do("GET", "/api/v1/export?chain=新一代信息技术&format=csv", nil)
	if code != 200 || hdr.Get("Content-Type") != "application/zip" {
		t.Fatalf("csv export: %d %s", code, hdr.Get("Content-Type"))
	}
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	heads := map[string][]string{}
	rows := map[string]int{}
	for _, f := range z.File {
		rc, _ := f.Open()
		recs, err := csv.NewReader(rc).ReadAll()
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		heads[f.Name] = recs[0]
		rows[f.Name] = len(recs) - 1
	}
	if h := heads["nodes.csv"]; len(h) < 3 || h[0] != "id:ID" || h[2] != ":LABEL" {
		t.Errorf("nodes.csv header = %v", h)
	}
	if h := heads["edges.csv"]; len(h) < 3 || h[0] != ":START_ID" || h[1] != ":END_ID" || h[2] != ":TYPE" {
		t.Errorf("edges.csv header = %v", h)
	}
	if rows["nodes.csv"] < 6 || rows["edges.csv"] < 5 {
		t.Errorf("rows = %v", rows)
	}
	for _, f := range []string{"gexf", "dot", "nquads", "jsonld"} {
		code, b, _ := e.do("GET", "/api/v1/export?chain=新一代信息技术&format="+f, nil)
		if code != 200 || !bytes.Contains(b, []byte("京东方")) {
			t.Errorf("%s export: %d %.200s", f, code, b)
		}
	}
}

func TestEntitiesPagination(t *testing.T) {
	e := newEnv(t, web.Config{})
	var all queries.SearchResult
	e.getJSON("/api/v1/entities?limit=1000", &all)
	var got []string
	cursor := ""
	for {
		var page queries.SearchResult
		e.getJSON("/api/v1/entities?limit=4&cursor="+url.QueryEscape(cursor), &page)
		for _, it := range page.Items {
			got = append(got, it.ID)
		}
		if page.NextCursor == "" {
			break
		}
		cursor = page.NextCursor
	}
	var want []string
	for _, it := range all.Items {
		want = append(want, it.ID)
	}
	if !slices.Equal(got, want) || len(want) < 10 {
		t.Errorf("pages = %v, all = %v", got, want)
	}
	var d queries.EntityDetail
	e.getJSON("/api/v1/entities/enterprise/京东方", &d)
	if d.Entity.Name != "京东方" || len(d.Relations[kg.PredHasProject]) != 1 {
		t.Errorf("detail by unescaped id = %+v", d)
	}
	e.getJSON("/api/v1/entities/"+url.PathEscape("enterprise/京东方"), &d)
	if d.Entity.Name != "京东方" {
		t.Errorf("detail by escaped id = %+v", d)
	}
}

func TestUI(t *testing.T) {
	e := newEnv(t, web.Config{})
	code, b, _ := e.do("GET", "/", nil)
	if code != 200 || !(bytes.Contains(b, []byte("npm run build")) || bytes.Contains(b, []byte("<html"))) {
		t.Errorf("/ = %d %.300s", code, b)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "index.html"), []byte("<html>kg ui</html>"), 0o644)
	os.WriteFile(filepath.Join(dir, "app.js"), []byte("console.log(1)"), 0o644)
	e2 := newEnvStore(t, web.Config{UIDir: dir}, e.st)
	for p, want := range map[string]string{"/": "kg ui", "/chains/x": "kg ui", "/app.js": "console.log"} {
		code, b, hdr := e2.do("GET", p, nil)
		if code != 200 || !strings.Contains(string(b), want) {
			t.Errorf("GET %s = %d %s", p, code, b)
		}
		if p == "/" && hdr.Get("Content-Security-Policy") == "" {
			t.Errorf("no CSP on the page")
		}
	}
}

func TestQuery(t *testing.T) {
	e := newEnv(t, web.Config{})
	code, b, _ := e.do("POST", "/api/v1/query", strings.NewReader(`{"query":"g.V().Limit(3).All()","limit":2}`), "Content-Type", "application/json")
	var res struct{ Result []any }
	if err := json.Unmarshal(b, &res); code != 200 || err != nil || len(res.Result) == 0 || len(res.Result) > 2 {
		t.Errorf("query = %d %s", code, b)
	}
}

func TestUpload(t *testing.T) {
	e := newEnv(t, web.Config{Token: "s3cret"})
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("file", "devzone-2024.txt")
	fw.Write([]byte("某高新区2024年度工作总结\n一、产业发展\n新一代信息技术产业加快发展。星辰微电子有限公司集成电路设计中心项目开工建设。\n"))
	mw.Close()
	code, b, _ := e.do("POST", "/api/v1/documents", &body, "Authorization", "Bearer s3cret", "Content-Type", mw.FormDataContentType())
	if code != http.StatusCreated {
		if strings.Contains(string(b), "internal") || code == 422 {
			t.Skipf("extractor not ready: %d %s", code, b)
		}
		t.Fatalf("upload = %d %s", code, b)
	}
	var res struct{ Added []struct{ ID string } }
	json.Unmarshal(b, &res)
	if len(res.Added) != 1 || res.Added[0].ID != "devzone-2024" {
		t.Fatalf("added = %s", b)
	}
	var docs struct{ Items []queries.DocumentSummary }
	e.getJSON("/api/v1/documents", &docs)
	if len(docs.Items) != 3 {
		t.Errorf("documents = %+v", docs.Items)
	}
	var page queries.SearchResult
	e.getJSON("/api/v1/entities?q=星辰", &page)
	if len(page.Items) == 0 {
		t.Errorf("the uploaded document's firm is not found")
	}
	// Undecodable input: 422, store unchanged.
	body.Reset()
	mw = multipart.NewWriter(&body)
	fw, _ = mw.CreateFormFile("file", "junk.bin")
	fw.Write([]byte{0, 1, 2, 0xff, 0xfe, 0, 0, 0, 0x80, 0x81})
	mw.Close()
	code, b, _ = e.do("POST", "/api/v1/documents", &body, "Authorization", "Bearer s3cret", "Content-Type", mw.FormDataContentType())
	if code != http.StatusUnprocessableEntity {
		t.Errorf("junk upload = %d %s", code, b)
	}
}

func TestRateLimit(t *testing.T) {
	e := newEnv(t, web.Config{RateLimit: 0.001, RateBurst: 2})
	var codes []int
	for i := 0; i < 4; i++ {
		code, _, _ := e.do("GET", "/api/v1/paths?from=京东方&to=晶澜精密", nil)
		codes = append(codes, code)
	}
	if !slices.Equal(codes, []int{200, 200, 429, 429}) {
		t.Errorf("codes = %v, want two answers then 429", codes)
	}
	// Cheap questions are not limited.
	if code, _, _ := e.do("GET", "/api/v1/chains", nil); code != 200 {
		t.Errorf("chains = %d", code)
	}
}

// TestRateLimitForwardedFor: a client cannot escape the limit by naming
// another address in X-Forwarded-For; a configured proxy's header counts.
func TestRateLimitForwardedFor(t *testing.T) {
	paths := func(e *env) []int {
		var codes []int
		for i := 0; i < 4; i++ {
			code, _, _ := e.do("GET", "/api/v1/paths?from=京东方&to=晶澜精密", nil,
				"X-Forwarded-For", fmt.Sprintf("203.0.113.%d", i+1))
			codes = append(codes, code)
		}
		return codes
	}
	e := newEnv(t, web.Config{RateLimit: 0.001, RateBurst: 2})
	if codes := paths(e); !slices.Equal(codes, []int{200, 200, 429, 429}) {
		t.Errorf("spoofed X-Forwarded-For: codes = %v, want two answers then 429", codes)
	}
	e = newEnv(t, web.Config{RateLimit: 0.001, RateBurst: 2, TrustedProxies: []string{"127.0.0.1", "::1"}})
	if codes := paths(e); !slices.Equal(codes, []int{200, 200, 200, 200}) {
		t.Errorf("behind a trusted proxy, four clients: codes = %v", codes)
	}
	if _, err := web.New(web.Config{TrustedProxies: []string{"not an address"}}, nil, nil, nil, nil); err == nil {
		t.Error("a bad trusted proxy was accepted")
	}
}

func TestChainFirmsPages(t *testing.T) {
	e := newEnv(t, web.Config{})
	var all, p1, p2 struct {
		Firms      []queries.FirmFit
		Total      int
		NextOffset int `json:"next_offset"`
	}
	e.getJSON("/api/v1/chains/新一代信息技术/firms", &all)
	e.getJSON("/api/v1/chains/新一代信息技术/firms?limit=2", &p1)
	e.getJSON("/api/v1/chains/新一代信息技术/firms?limit=2&offset=2", &p2)
	if all.Total != 3 || len(all.Firms) != 3 || all.NextOffset != 0 {
		t.Errorf("all: total %d, %d firms, next %d", all.Total, len(all.Firms), all.NextOffset)
	}
	if len(p1.Firms) != 2 || p1.NextOffset != 2 || len(p2.Firms) != 1 || p2.NextOffset != 0 {
		t.Errorf("pages: %d firms next %d; %d firms next %d", len(p1.Firms), p1.NextOffset, len(p2.Firms), p2.NextOffset)
	}
	if len(p2.Firms) == 1 && p2.Firms[0].Entity.ID != all.Firms[2].Entity.ID {
		t.Errorf("page 2 holds %s, want %s", p2.Firms[0].Entity.ID, all.Firms[2].Entity.ID)
	}
	if code, _, _ := e.do("GET", "/api/v1/chains/新一代信息技术/firms?offset=-1", nil); code != 400 {
		t.Errorf("negative offset = %d", code)
	}
	// The brief view: the same firms in the same order, each with its
	// first piece of evidence and at most three projects.
	var brief struct {
		Firms []queries.FirmBrief
		Total int
	}
	e.getJSON("/api/v1/chains/新一代信息技术/firms?view=brief", &brief)
	if brief.Total != all.Total || len(brief.Firms) != len(all.Firms) {
		t.Fatalf("brief: total %d, %d firms; full: %d, %d", brief.Total, len(brief.Firms), all.Total, len(all.Firms))
	}
	for i, b := range brief.Firms {
		f := all.Firms[i]
		if b.Entity.ID != f.Entity.ID || b.EvidenceCount != len(f.Evidence) || len(b.Evidence) != min(1, len(f.Evidence)) ||
			len(b.Projects) != min(3, len(f.Projects)) || b.ProjectCount != f.ProjectCount {
			t.Errorf("brief firm %d: %+v\nfull: %+v", i, b, f)
		}
		if len(b.Evidence) == 1 && b.Evidence[0] != f.Evidence[0] {
			t.Errorf("brief firm %d: evidence %+v, want the full view's first %+v", i, b.Evidence[0], f.Evidence[0])
		}
	}
	if code, _, _ := e.do("GET", "/api/v1/chains/新一代信息技术/firms?view=short", nil); code != 400 {
		t.Errorf("an unknown view = %d", code)
	}
}

// sampleStore is the bundled sample report extracted by the real extractor
// and loaded with the taxonomy into a store at addr.
func sampleStore(t *testing.T, addr string) *graph.Store {
	t.Helper()
	ctx := context.Background()
	st, err := graph.Open(ctx, addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	x, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tents, trels := x.Taxonomy().Graph()
	if _, err := st.LoadTaxonomy(ctx, tents, trels); err != nil {
		t.Fatal(err)
	}
	name, data := extract.Sample()
	ex, err := x.Extract(name, data)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.LoadDocument(ctx, ex.Documents[0], ex); err != nil {
		t.Fatal(err)
	}
	return st
}

func TestSampleCorpus(t *testing.T) {
	for _, addr := range []string{"mem:", "bolt:" + filepath.Join(t.TempDir(), "kg.db")} {
		t.Run(strings.SplitN(addr, ":", 2)[0], func(t *testing.T) {
			e := newEnvStore(t, web.Config{}, sampleStore(t, addr))
			var a queries.ChainFirms
			e.getJSON("/api/v1/chains/新一代信息技术/firms", &a)
			var d struct{ Text string }
			e.getJSON("/api/v1/documents/etown-2022", &d)
			text := []rune(d.Text)
			names := map[string]bool{}
			for _, f := range a.Firms {
				names[f.Entity.Name] = true
				if len(f.Evidence) == 0 {
					t.Errorf("%s has no evidence", f.Entity.Name)
				}
				for _, ev := range f.Evidence {
					if ev.End > len(text) || string(text[ev.Start:ev.End]) != ev.Text {
						t.Errorf("%s: evidence %q is not the text at %d:%d", f.Entity.Name, ev.Text, ev.Start, ev.End)
					}
				}
			}
			for _, want := range []string{"京东方", "华海清科", "新松半导体"} {
				if !names[want] {
					t.Errorf("新一代信息技术 lacks %s: %v", want, names)
				}
			}
			// The GraphML export holds the nodes of /graph.
			var g queries.Subgraph
			e.getJSON("/api/v1/graph?seed=京东方&hops=2", &g)
			code, b, _ := e.do("GET", "/api/v1/export?seed=京东方&hops=2&format=graphml", nil)
			var gm struct {
				Graph struct {
					Nodes []struct {
						ID string `xml:"id,attr"`
					} `xml:"node"`
				} `xml:"graph"`
			}
			if err := xml.Unmarshal(b, &gm); code != 200 || err != nil {
				t.Fatalf("graphml: %d %v", code, err)
			}
			got := map[string]bool{}
			for _, n := range gm.Graph.Nodes {
				got[n.ID] = true
			}
			if len(got) != len(g.Nodes) || len(g.Nodes) < 3 {
				t.Errorf("GraphML %d nodes, /graph %d", len(got), len(g.Nodes))
			}
			for _, n := range g.Nodes {
				if !got[n.ID] {
					t.Errorf("GraphML lacks %s", n.ID)
				}
			}
		})
	}
}

func TestEntityRelationsLimit(t *testing.T) {
	e := newEnv(t, web.Config{})
	var d queries.EntityDetail
	e.getJSON("/api/v1/entities/"+url.PathEscape("industry/新一代信息技术")+"?limit=1", &d)
	if n := len(d.Relations[kg.PredInIndustry]); n != 1 || d.Counts[kg.PredInIndustry] != 2 {
		t.Errorf("inIndustry: %d listed, %d counted; want 1 of 2", n, d.Counts[kg.PredInIndustry])
	}
}

// TestChainFirmsEncodings: a chain's pages are the same bytes whichever
// way they are sent: held gzip-compressed and sent so to a client that
// accepts it, decompressed for one that does not, written as they are
// encoded once a chain has more pages than the index keeps.
func TestChainFirmsEncodings(t *testing.T) {
	ctx := context.Background()
	st, err := querytest.SyntheticStore(ctx, 30, 5)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	q := queries.New(st)
	e := newEnvStore(t, web.Config{RateLimit: -1}, st)
	raw := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	get := func(path, accept string) (*http.Response, []byte) {
		t.Helper()
		req, err := http.NewRequest("GET", e.ts.URL+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		if accept != "" {
			req.Header.Set("Accept-Encoding", accept)
		}
		resp, err := raw.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %d %s %v", path, resp.StatusCode, b, err)
		}
		return resp, b
	}
	var tree struct{ Chains []queries.ChainNode }
	e.getJSON("/api/v1/chains", &tree)
	chain := tree.Chains[0] // the most firms
	if chain.Firms < 20 {
		t.Fatalf("largest chain has %d firms", chain.Firms)
	}
	path := "/api/v1/chains/" + url.PathEscape(chain.ID) + "/firms"
	type pageAt struct {
		offset, limit int
		view          queries.View
	}
	pages := []pageAt{{0, 0, queries.Full}, {0, queries.MaxFirmsLimit, queries.Full}, {3, 7, queries.Full},
		{0, 0, queries.Brief}, {3, 7, queries.Brief}}
	// Past the pages a chain keeps: written as encoded.
	for i := range 70 {
		pages = append(pages, pageAt{1, i + 1, queries.Full})
	}
	gzipped, streamed := 0, 0
	for _, pl := range pages {
		page, err := q.ChainFirmsPage(ctx, chain.ID, true, pl.offset, pl.limit, pl.view)
		if err != nil {
			t.Fatal(err)
		}
		want, err := page.JSON()
		if err != nil {
			t.Fatal(err)
		}
		u := fmt.Sprintf("%s?offset=%d&limit=%d", path, pl.offset, pl.limit)
		if pl.view == queries.Brief {
			u += "&view=brief"
		}
		for _, accept := range []string{"gzip, deflate, br", "", "identity", "gzip;q=0, *", "*"} {
			resp, b := get(u, accept)
			if resp.Header.Get("Content-Encoding") == "gzip" {
				if accept == "" || strings.Contains(accept, "q=0") || strings.HasPrefix(accept, "identity") {
					t.Errorf("%s, Accept-Encoding %q: answered gzip", u, accept)
				}
				zr, err := gzip.NewReader(bytes.NewReader(b))
				if err != nil {
					t.Fatal(err)
				}
				if b, err = io.ReadAll(zr); err != nil {
					t.Fatal(err)
				}
				gzipped++
			} else if resp.ContentLength < 0 {
				streamed++
			}
			if !bytes.Equal(b, want) {
				t.Fatalf("%s, Accept-Encoding %q:\n%.300s\nwant\n%.300s", u, accept, b, want)
			}
			if v := resp.Header.Get("Vary"); v != "Accept-Encoding" {
				t.Errorf("%s: Vary %q", u, v)
			}
		}
	}
	if gzipped == 0 || streamed == 0 {
		t.Errorf("%d answers gzipped, %d written as encoded: the test asks too little", gzipped, streamed)
	}
}
