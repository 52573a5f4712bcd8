package bench

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"
)

// TestMain runs the test binary as a stand-in server when
// BENCH_FAKE_SERVER says how (see fakeServer), so that the tests can start
// a server process of their own.
func TestMain(m *testing.M) {
	if how := os.Getenv("BENCH_FAKE_SERVER"); how != "" {
		fakeServer(how)
		return
	}
	if d := os.Getenv("BENCH_SPIN"); d != "" {
		spin(d)
		return
	}
	os.Exit(m.Run())
}

// spin uses a core for d (a time.ParseDuration string), then sleeps for a
// minute: a server busy after its clients left, then idle (TestSettle).
func spin(d string) {
	dur, err := time.ParseDuration(d)
	if err != nil {
		os.Exit(2)
	}
	x := 0
	for end := time.Now().Add(dur); time.Now().Before(end); {
		for i := range 1000 {
			x += i
		}
	}
	time.Sleep(time.Minute + time.Duration(x&1))
}

// fakeServer takes kg serve's flags and serves its API's answer shapes:
// "ready" after 300 ms of 503s on /readyz, "exit" fails before it listens.
func fakeServer(how string) {
	fs := flag.NewFlagSet("serve", flag.ExitOnError)
	addr := fs.String("addr", "", "")
	fs.String("db", "", "")
	fs.Bool("empty", false, "")
	fs.Float64("rate-limit", 0, "")
	fs.Int64("max-memory", 0, "")
	fs.Parse(os.Args[1:])
	if how == "exit" {
		fmt.Fprintln(os.Stderr, "cannot open the store: no such file")
		os.Exit(1)
	}
	start := time.Now()
	http.ListenAndServe(*addr, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/readyz":
			if time.Since(start) < 300*time.Millisecond {
				w.WriteHeader(http.StatusServiceUnavailable)
			}
		case strings.HasSuffix(r.URL.Path, "/firms"):
			fmt.Fprint(w, `{"firms":[{"entity":{"id":"enterprise/a"}},{"entity":{"id":"enterprise/b"}}],"total":2}`)
		default:
			fmt.Fprint(w, `{"nodes":[{},{},{}]}`)
		}
	}))
}

// TestServeApart asks the HTTP questions of a server in a process of its
// own: it waits while the server says it is not ready, times it, reports
// its peak memory, and names the server's last words when it dies first.
func TestServeApart(t *testing.T) {
	if _, err := os.Stat("/proc/self/status"); err != nil {
		t.Skip("no /proc on this system")
	}
	c := Config{Serve: []string{os.Args[0]}, Samples: 4, Clients: 2}
	picks := &Picks{Chains: []string{"industry/a"}, From: []string{"enterprise/a"}, To: []string{"enterprise/b"}}

	t.Setenv("BENCH_FAKE_SERVER", "ready")
	r := StageResult{Picks: picks}
	serveApart(context.Background(), c, "bolt:/nowhere", &r)
	if r.HTTPSkip != "" || len(r.HTTPQuestions) != 5 {
		t.Fatalf("skipped %q, %d questions", r.HTTPSkip, len(r.HTTPQuestions))
	}
	for _, q := range r.HTTPQuestions {
		if q.Errors != 0 || q.Answer == 0 {
			t.Errorf("%s: %d errors (%s), answer %.1f", q.Question, q.Errors, q.Error, q.Answer)
		}
	}
	if r.ServeReady < 0.3 || r.ServeRSS == 0 {
		t.Errorf("ready after %.2f s (want ≥ 0.3: it said 503 until then), peak RSS %d", r.ServeReady, r.ServeRSS)
	}

	t.Setenv("BENCH_FAKE_SERVER", "exit")
	r = StageResult{Picks: picks}
	serveApart(context.Background(), c, "bolt:/nowhere", &r)
	if !strings.Contains(r.HTTPSkip, "exited before it was ready: cannot open the store") || len(r.HTTPQuestions) != 0 {
		t.Errorf("a server that dies: skipped %q, %d questions", r.HTTPSkip, len(r.HTTPQuestions))
	}
}
