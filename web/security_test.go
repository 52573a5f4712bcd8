package web_test

import (
	"context"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/kgraph/kg"
	"github.com/kgraph/kg/web"
)

func TestSecurityHeaders(t *testing.T) {
	e := newEnv(t, web.Config{})
	for _, p := range []string{"/", "/chains", "/api/v1/chains", "/api/v1/nothing", "/healthz"} {
		code, _, h := e.do("GET", p, nil)
		if code >= 500 {
			t.Errorf("GET %s = %d", p, code)
		}
		for k, want := range map[string]string{
			"X-Content-Type-Options": "nosniff",
			"Referrer-Policy":        "no-referrer",
			"X-Frame-Options":        "DENY",
		} {
			if got := h.Get(k); got != want {
				t.Errorf("GET %s: %s = %q, want %q", p, k, got, want)
			}
		}
	}
	_, _, h := e.do("GET", "/", nil)
	csp := h.Get("Content-Security-Policy")
	for _, d := range []string{"default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'"} {
		if !strings.Contains(csp, d) {
			t.Errorf("the page's CSP %q lacks %q", csp, d)
		}
	}
	if strings.Contains(csp, "'unsafe-eval'") || strings.Contains(csp, "script-src 'self' 'unsafe-inline'") {
		t.Errorf("the page's CSP lets scripts run inline: %q", csp)
	}
}

// TestSecurityCORSClosed: no CORS is configurable, so no origin but the
// page's own may read an answer or send a preflighted write.
func TestSecurityCORSClosed(t *testing.T) {
	e := newEnv(t, web.Config{Token: "t"})
	for _, r := range []struct{ method, path string }{
		{"GET", "/api/v1/chains"},
		{"GET", "/api/v1/export?format=nquads"},
		{"OPTIONS", "/api/v1/documents"},
		{"OPTIONS", "/api/v1/query"},
	} {
		_, _, h := e.do(r.method, r.path, nil,
			"Origin", "https://evil.example",
			"Access-Control-Request-Method", "POST",
			"Access-Control-Request-Headers", "authorization")
		for _, k := range []string{"Access-Control-Allow-Origin", "Access-Control-Allow-Credentials", "Access-Control-Allow-Methods", "Access-Control-Allow-Headers"} {
			if v := h.Get(k); v != "" {
				t.Errorf("%s %s from a foreign origin: %s: %s", r.method, r.path, k, v)
			}
		}
	}
}

// TestSecurityExportNames: a seed or chain named to climb directories or
// break out of the header's quotes gives a plain file name.
func TestSecurityExportNames(t *testing.T) {
	st := sampleStore(t, "mem:")
	evil := []string{`../../etc/passwd`, `a"; filename="evil.sh`, "x\r\nSet-Cookie: a=b", `..\..\win.ini`, `%2e%2e%2fup`}
	// Real entities with those names, so that the export has something to
	// name its file after.
	doc := kg.Document{ID: "evil-names", Title: "evil names 2024", Year: 2024, Text: strings.Join(evil, "。")}
	x := &kg.Extraction{Documents: []kg.Document{doc}}
	for i, n := range evil {
		x.Entities = append(x.Entities, kg.Entity{ID: "enterprise/" + n, Type: kg.TypeEnterprise, Name: n, Attrs: map[string]string{"i": string(rune('a' + i))}})
	}
	if _, err := st.LoadDocument(context.Background(), doc, x); err != nil {
		t.Fatal(err)
	}
	e := newEnvStore(t, web.Config{RateLimit: -1}, st)
	var asks []string
	for _, n := range evil {
		for _, id := range []string{n, "enterprise/" + n} {
			asks = append(asks, "seed="+url.QueryEscape(id), "seed="+url.QueryEscape(id)+"&hops=2", "chain="+url.QueryEscape(id))
		}
	}
	asks = append(asks, "chain="+url.QueryEscape("新一代信息技术"))
	named := 0
	for _, q := range asks {
		for _, f := range []string{"graphml", "csv"} {
			code, b, h := e.do("GET", "/api/v1/export?format="+f+"&"+q, nil)
			cd := h.Get("Content-Disposition")
			if code != http.StatusOK {
				if cd != "" {
					t.Errorf("%s: %d with Content-Disposition %q", q, code, cd)
				}
				if code >= 500 {
					t.Errorf("export %s = %d %s", q, code, b)
				}
				continue
			}
			named++
			if strings.ContainsAny(cd, "\r\n") {
				t.Fatalf("export %s: header split: %q", q, cd)
			}
			_, params, err := mime.ParseMediaType(cd)
			if err != nil {
				t.Errorf("export %s: Content-Disposition %q: %v", q, cd, err)
				continue
			}
			for _, k := range []string{"filename"} {
				fn := params[k]
				if fn == "" || strings.ContainsAny(fn, `/\"`+"\x00") || strings.Contains(fn, "..") || strings.HasPrefix(fn, ".") {
					t.Errorf("export %s: %s = %q", q, k, fn)
				}
				if !strings.HasPrefix(fn, "kg-") {
					t.Errorf("export %s: %s = %q, want kg-…", q, k, fn)
				}
			}
			// mime decodes filename* (RFC 2231) into filename when both are
			// there; check the raw UTF-8 form as well.
			if i := strings.Index(cd, "filename*=UTF-8''"); i >= 0 {
				raw, err := url.PathUnescape(cd[i+len("filename*=UTF-8''"):])
				if err != nil || strings.ContainsAny(raw, `/\"`) || strings.Contains(raw, "..") {
					t.Errorf("export %s: filename* = %q (%v)", q, raw, err)
				}
			}
		}
	}
	if named < 4 {
		t.Errorf("only %d exports answered; the evil names were not exercised", named)
	}
}
