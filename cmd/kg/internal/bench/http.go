package bench

import (
	"bytes"
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

// get asks path and returns the size of the answer, which count reads
// from the body (decode, unless the question has a cheaper way). The whole
// body is read before the clock stops.
func (h httpQuestions) get(ctx context.Context, path string, count func([]byte) (int, error)) (int, error) {
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
		if resp.StatusCode == http.StatusTooManyRequests {
			// The bench is one client asking as fast as it can; the
			// server under measure must not limit its rate (Deps.Handler).
			return 0, fmt.Errorf("GET %s: %s (Deps.Handler must serve without a rate limit, as web.Config{RateLimit: -1} does): %s", path, resp.Status, b)
		}
		return 0, fmt.Errorf("GET %s: %s: %s", path, resp.Status, b)
	}
	// Read into a buffer of the answer's length when the server gives
	// it (a whole answer is tens of MB at 10,000 reports): growing one from
	// nothing would copy it a dozen times, on the clock.
	var buf bytes.Buffer
	if n := resp.ContentLength; n > 0 && n < 1<<30 {
		buf.Grow(int(n) + bytes.MinRead)
	}
	if _, err := buf.ReadFrom(resp.Body); err != nil {
		return 0, fmt.Errorf("GET %s: %w", path, err)
	}
	b := buf.Bytes()
	n, err := count(b)
	if err != nil {
		return 0, fmt.Errorf("GET %s: %w", path, err)
	}
	return n, nil
}

func decodeSize(b []byte) (int, error) {
	var a answer
	if err := json.Unmarshal(b, &a); err != nil {
		return 0, err
	}
	return a.size(), nil
}

// pageSize counts the firms of a page of a chain's answer from its
// "total" and "next_offset", which follow the firms: decoding megabytes of
// firms to count them would time the client's decoder, not the server.
// Quotes inside strings are escaped, so the last `"total":` is the page's.
func pageSize(offset int) func([]byte) (int, error) {
	return func(b []byte) (int, error) {
		var tail struct {
			Total int `json:"total"`
			Next  int `json:"next_offset"`
		}
		i := bytes.LastIndex(b, []byte(`],"total":`))
		if i < 0 || json.Unmarshal(append([]byte("{"), b[i+2:]...), &tail) != nil {
			return decodeSize(b)
		}
		if tail.Next > 0 {
			return tail.Next - offset, nil
		}
		return max(0, tail.Total-offset), nil
	}
}

// ChainFirms asks for the whole answer in one page (the API's largest), as
// `cayley http` is asked for all of it.
func (h httpQuestions) ChainFirms(ctx context.Context, chain string) (int, error) {
	return h.get(ctx, "/chains/"+url.PathEscape(chain)+"/firms?limit=5000", pageSize(0))
}

// ChainFirmsFirstPage asks for the first page of the default size in the
// brief view, as the browser UI does.
func (h httpQuestions) ChainFirmsFirstPage(ctx context.Context, chain string) (int, error) {
	return h.get(ctx, "/chains/"+url.PathEscape(chain)+"/firms?view=brief", pageSize(0))
}

func (h httpQuestions) Entity(ctx context.Context, id string) (int, error) {
	return h.get(ctx, "/entities/"+url.PathEscape(id), decodeSize)
}

func (h httpQuestions) Subgraph(ctx context.Context, seed string, hops int) (int, error) {
	return h.get(ctx, fmt.Sprintf("/graph?seed=%s&hops=%d", url.QueryEscape(seed), hops), decodeSize)
}

func (h httpQuestions) Path(ctx context.Context, from, to string) (int, error) {
	return h.get(ctx, "/paths?from="+url.QueryEscape(from)+"&to="+url.QueryEscape(to), decodeSize)
}
