package bench

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestHTTPAnswerSizes(t *testing.T) {
	t.Parallel()
	firms := func(n int) string {
		var fs []string
		for i := range n {
			// A firm whose text mentions the frame's words.
			fs = append(fs, fmt.Sprintf(`{"entity":{"id":"enterprise/%d","name":"],\"total\":99"}}`, i))
		}
		return "[" + strings.Join(fs, ",") + "]"
	}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Query().Get("limit") == "5000":
			fmt.Fprintf(w, `{"chain":{"id":"industry/a","name":"a"},"firms":%s,"total":7}`, firms(7))
		case strings.HasSuffix(r.URL.Path, "/firms"):
			fmt.Fprintf(w, `{"chain":{"id":"industry/a","name":"a"},"firms":%s,"total":7,"next_offset":3}`, firms(3))
		case strings.HasPrefix(r.URL.Path, "/api/v1/paths"):
			w.WriteHeader(http.StatusTooManyRequests)
			fmt.Fprint(w, `{"error":{"code":"rate_limited"}}`)
		default:
			fmt.Fprint(w, `{"nodes":[{},{}]}`)
		}
	})
	srv := httptest.NewServer(h)
	defer srv.Close()
	q := newHTTPQuestions(srv.URL)
	ctx := context.Background()
	for _, c := range []struct {
		name string
		ask  func() (int, error)
		want int
	}{
		{"whole answer", func() (int, error) { return q.ChainFirms(ctx, "industry/a") }, 7},
		{"first page", func() (int, error) { return q.ChainFirmsFirstPage(ctx, "industry/a") }, 3},
		{"subgraph", func() (int, error) { return q.Subgraph(ctx, "x", 2) }, 2},
	} {
		if n, err := c.ask(); err != nil || n != c.want {
			t.Errorf("%s = %d, %v; want %d", c.name, n, err, c.want)
		}
	}
	if _, err := q.Path(ctx, "a", "b"); err == nil || !strings.Contains(err.Error(), "RateLimit: -1") {
		t.Errorf("a 429 = %v, want the error to name the rate limit", err)
	}
}
