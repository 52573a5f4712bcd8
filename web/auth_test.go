package web_test

import (
	"bytes"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/queries"
	"github.com/kgraph/kg/web"
)

// syncBuffer is a bytes.Buffer that handlers on many goroutines may log to.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// newLoggedEnv is newEnvStore with the server's log kept (debug level, so
// that nothing is filtered out).
func newLoggedEnv(t *testing.T, cfg web.Config) (*env, *syncBuffer) {
	t.Helper()
	st := sampleStore(t, "mem:")
	x, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var logs syncBuffer
	log := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	srv, err := web.New(cfg, log, queries.New(st), st, x)
	if err != nil {
		t.Fatal(err)
	}
	srv.SetReady(true)
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return &env{t: t, srv: srv, ts: ts, st: st}, &logs
}

// writeRequests are every write endpoint, built afresh for each request.
var writeRequests = []struct {
	name, method, path string
	body               func() (string, []byte) // content type and body
}{
	{"upload", "POST", "/api/v1/documents", func() (string, []byte) {
		var b bytes.Buffer
		mw := multipart.NewWriter(&b)
		fw, _ := mw.CreateFormFile("file", "auth-2024.txt")
		fw.Write([]byte("某高新区2024年度工作总结\n新一代信息技术产业加快发展。守门微电子有限公司集成电路设计中心项目开工建设。\n"))
		mw.Close()
		return mw.FormDataContentType(), b.Bytes()
	}},
	{"delete", "DELETE", "/api/v1/documents/etown-2022", nil},
	{"delete escaped", "DELETE", "/api/v1/documents/etown%2D2022", nil},
}

func TestAuthWrites(t *testing.T) {
	const token = "Tok-7f3a9c-secret-value"
	for _, tc := range []struct {
		name   string
		cfg    web.Config
		auth   string // the Authorization header sent ("" none)
		status int
	}{
		{"no token sent", web.Config{Token: token}, "", http.StatusUnauthorized},
		{"wrong token", web.Config{Token: token}, "Bearer wrong-" + token, http.StatusUnauthorized},
		{"token prefix", web.Config{Token: token}, "Bearer " + token[:len(token)-1], http.StatusUnauthorized},
		{"token not as bearer", web.Config{Token: token}, "Basic " + token, http.StatusUnauthorized},
		{"token in the wrong case", web.Config{Token: token}, "Bearer " + strings.ToUpper(token), http.StatusUnauthorized},
		{"writes off, no token sent", web.Config{}, "", http.StatusForbidden},
		{"writes off, a token sent", web.Config{}, "Bearer " + token, http.StatusForbidden},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, logs := newLoggedEnv(t, tc.cfg)
			before := storeState(t, e)
			for _, w := range writeRequests {
				var hdr []string
				var body *bytes.Reader
				if w.body != nil {
					ct, b := w.body()
					hdr = append(hdr, "Content-Type", ct)
					body = bytes.NewReader(b)
				} else {
					body = bytes.NewReader(nil)
				}
				if tc.auth != "" {
					hdr = append(hdr, "Authorization", tc.auth)
				}
				code, b, h := e.do(w.method, w.path, body, hdr...)
				if code != tc.status {
					t.Errorf("%s %s = %d %s, want %d", w.method, w.path, code, b, tc.status)
				}
				if code == http.StatusUnauthorized && h.Get("WWW-Authenticate") == "" {
					t.Errorf("%s: 401 without WWW-Authenticate", w.name)
				}
				if code == http.StatusForbidden && !strings.Contains(string(b), "token") {
					t.Errorf("%s: writes off should say how to enable them: %s", w.name, b)
				}
			}
			if after := storeState(t, e); after != before {
				t.Errorf("a refused write changed the store")
			}
			if strings.Contains(logs.String(), token[4:]) {
				t.Errorf("the token is in the log:\n%s", logs.String())
			}
		})
	}
	// The right token writes, and is not logged either.
	e, logs := newLoggedEnv(t, web.Config{Token: token})
	for _, w := range writeRequests[:2] {
		hdr := []string{"Authorization", "Bearer " + token}
		var body []byte
		if w.body != nil {
			var ct string
			ct, body = w.body()
			hdr = append(hdr, "Content-Type", ct)
		}
		code, b, _ := e.do(w.method, w.path, bytes.NewReader(body), hdr...)
		if code != http.StatusOK && code != http.StatusCreated {
			t.Errorf("%s with the token = %d %s", w.name, code, b)
		}
	}
	if strings.Contains(logs.String(), token[4:]) {
		t.Errorf("the token is in the log:\n%s", logs.String())
	}
	if !strings.Contains(logs.String(), "document loaded") {
		t.Errorf("the log capture saw nothing:\n%s", logs.String())
	}
}
