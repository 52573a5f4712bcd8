package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"time"
)

// serve starts h on a loopback port; stop shuts it down.
func serve(h http.Handler) (base string, stop func(), err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String(), func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	}, nil
}

// httpQuestions asks the questions of the product's HTTP API (/api/v1), as
// an analyst's browser would.
type httpQuestions struct {
	base   string
	client *http.Client
}

func newHTTPQuestions(base string) httpQuestions {
	return httpQuestions{base: base + "/api/v1", client: newClient()}
}

// newClient keeps enough idle connections for every concurrent client, so
// that no server is measured opening connections.
func newClient() *http.Client {
	return &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
}

// answer is every answer shape the questions return; the size is that of
// the one list that is set.
type answer struct {
	Firms     []json.RawMessage            `json:"firms"`
	Nodes     []json.RawMessage            `json:"nodes"`
	Paths     []json.RawMessage            `json:"paths"`
	Relations map[string][]json.RawMessage `json:"relations"`
}

func (a answer) size() int {
	n := len(a.Firms) + len(a.Nodes) + len(a.Paths)
	for _, rs := range a.Relations {
		n += len(rs)
	}
	return n
}

func (h httpQuestions) get(ctx context.Context, path string) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, h.base+path, nil)
	if err != nil {
		return 0, err
	}
	resp, err := h.client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 300))
		return 0, fmt.Errorf("GET %s: %s: %s", path, resp.Status, b)
	}
	var a answer
	if err := json.NewDecoder(resp.Body).Decode(&a); err != nil {
		return 0, fmt.Errorf("GET %s: %w", path, err)
	}
	return a.size(), nil
}

// ChainFirms asks for the whole answer in one page (the API's largest), as
// `cayley http` is asked for all of it: like with like.
func (h httpQuestions) ChainFirms(ctx context.Context, chain string) (int, error) {
	return h.get(ctx, "/chains/"+url.PathEscape(chain)+"/firms?limit=5000")
}

func (h httpQuestions) Entity(ctx context.Context, id string) (int, error) {
	return h.get(ctx, "/entities/"+url.PathEscape(id))
}

func (h httpQuestions) Subgraph(ctx context.Context, seed string, hops int) (int, error) {
	return h.get(ctx, fmt.Sprintf("/graph?seed=%s&hops=%d", url.QueryEscape(seed), hops))
}

func (h httpQuestions) Path(ctx context.Context, from, to string) (int, error) {
	return h.get(ctx, "/paths?from="+url.QueryEscape(from)+"&to="+url.QueryEscape(to))
}
