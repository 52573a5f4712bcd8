package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

var (
	soakDuration = flag.Duration("soak-duration", 10*time.Minute, "how long BenchmarkSoak runs (20s with -short)")
	soakClients  = flag.Int("soak-clients", 50, "concurrent clients of BenchmarkSoak")
	soakDocs     = flag.Int("soak-docs", 8, "documents per client that BenchmarkSoak uploads and uploads again (0: every upload a new one)")
)

// soakRead is one kind of read and the status it is asked to answer.
type soakRead struct {
	method, path, body string
	want               int
}

var soakReads = []soakRead{
	{"GET", "/api/v1/chains", "", 200},
	{"GET", "/api/v1/chains/" + url.PathEscape("新一代信息技术") + "/firms?limit=100", "", 200},
	{"GET", "/api/v1/entities?q=" + url.QueryEscape("京东方"), "", 200},
	{"GET", "/api/v1/entities?q=" + url.QueryEscape("有限公司") + "&limit=50", "", 200},
	{"GET", "/api/v1/entities/" + url.PathEscape("京东方"), "", 200},
	{"GET", "/api/v1/graph?seed=" + url.QueryEscape("京东方") + "&hops=2", "", 200},
	{"GET", "/api/v1/paths?from=" + url.QueryEscape("京东方") + "&to=" + url.QueryEscape("华海清科"), "", 200},
	{"GET", "/api/v1/projects?limit=100", "", 200},
	{"GET", "/api/v1/documents", "", 200},
	{"GET", "/api/v1/indicators?limit=50", "", 200},
	{"GET", "/api/v1/export?seed=" + url.QueryEscape("京东方") + "&format=graphml", "", 200},
	{"POST", "/api/v1/query", "g.V().Limit(20).All()", 200},
	// The asked-for errors.
	{"GET", "/api/v1/entities/" + url.PathEscape("enterprise/nobody"), "", 404},
	{"GET", "/api/v1/graph?hops=99&seed=" + url.QueryEscape("京东方"), "", 400},
}

// soakFirms names the firms of one uploaded report, unique to it.
func soakFirms(client, n int) []string {
	digits := []rune("甲乙丙丁戊己庚辛壬癸")
	code := func(v int) string {
		var b []rune
		for _, c := range strconv.Itoa(v) {
			b = append(b, digits[c-'0'])
		}
		return string(b)
	}
	return []string{"云帆" + code(client) + "号" + code(n) + "电子", "星河" + code(client) + "号" + code(n) + "电子"}
}

// vmRSS is a process's resident set in MB, from /proc.
func vmRSS(pid int, field string) float64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(l, field+":"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			return kb / 1024
		}
	}
	return 0
}

// BenchmarkSoak runs mixed reads and uploads from many clients against a
// real `kg serve` on 127.0.0.1 for -soak-duration, then checks that every
// uploaded document is there whole, and reports the server's RSS at the
// start and the end. Run it once:
//
//	go test ./web/ -run XXX -bench Soak -benchtime 1x -args -soak-duration 10m
func BenchmarkSoak(b *testing.B) {
	dur := *soakDuration
	if testing.Short() {
		dur = 20 * time.Second
	}
	const token = "soak-token-5e1f"
	dir := b.TempDir()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	logFile := filepath.Join(dir, "serve.log")
	logw, err := os.Create(logFile)
	if err != nil {
		b.Fatal(err)
	}
	defer logw.Close()
	cmd := exec.Command(kgBinary(b), "serve", "--db", "bolt:"+filepath.Join(dir, "kg.db"), "--addr", addr,
		"--token", token, "--rate-limit", "-1", "--query-timeout", "1s", "--log-json")
	cmd.Stdout, cmd.Stderr = logw, logw
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	defer func() {
		cmd.Process.Signal(syscall.SIGTERM)
		cmd.Wait()
	}()
	base := "http://" + addr
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: *soakClients * 2}, Timeout: 2 * time.Minute}
	for start := time.Now(); ; time.Sleep(100 * time.Millisecond) {
		resp, err := client.Get(base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				break
			}
		}
		if time.Since(start) > 2*time.Minute {
			b.Fatalf("kg serve not ready after 2 minutes: %v", err)
		}
	}
	pid := cmd.Process.Pid
	rssStart := vmRSS(pid, "VmRSS")

	var (
		requests, uploads, asked, looped atomic.Int64
		mu                               sync.Mutex
		errs                             []string
		nerrs                            int
		uploaded                         = map[string][]string{} // document id → its firms
	)
	fail := func(format string, a ...any) {
		mu.Lock()
		defer mu.Unlock()
		nerrs++
		// The first few errors, and the first of each other kind.
		msg := fmt.Sprintf(format, a...)
		kind := func(s string) string { return s[:min(len(s), 24)] }
		if len(errs) < 10 || (len(errs) < 30 && !slices.ContainsFunc(errs, func(e string) bool { return kind(e) == kind(msg) })) {
			errs = append(errs, msg)
		}
	}
	do := func(ctx context.Context, method, path, ctype string, body []byte) (int, []byte, error) {
		req, err := http.NewRequestWithContext(ctx, method, base+path, bytes.NewReader(body))
		if err != nil {
			return 0, nil, err
		}
		if ctype != "" {
			req.Header.Set("Content-Type", ctype)
		}
		if method == "POST" && path == "/api/v1/documents" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := client.Do(req)
		if err != nil {
			return 0, nil, err
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		return resp.StatusCode, b, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), dur)
	defer cancel()
	// The RSS once a quarter of the run has gone, when every document id
	// has been uploaded at least once (with -soak-docs).
	// VmRSS counts the mapped pages of the bolt file too; RssAnon is the
	// heap and stacks alone, which is what a leak would grow.
	quarter := make(chan [2]float64, 1)
	go func() {
		select {
		case <-time.After(dur / 4):
			quarter <- [2]float64{vmRSS(pid, "VmRSS"), vmRSS(pid, "RssAnon")}
		case <-ctx.Done():
			quarter <- [2]float64{}
		}
	}()
	b.ResetTimer()
	began := time.Now()
	var wg sync.WaitGroup
	for c := range *soakClients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ctx.Err() == nil; i++ {
				switch {
				case i%40 == 39: // an upload
					// Uploading a document id again replaces it: the store stays
					// the same size, so that its RSS should stay flat.
					firms := soakFirms(c, i)
					file := fmt.Sprintf("soak-%d-%d.txt", c, i)
					if *soakDocs > 0 {
						file = fmt.Sprintf("soak-%d-%d.txt", c, (i/40)%*soakDocs)
					}
					ct, body := uploadBody(file, zoneReport("云湖高新区", 2024, firms))
					code, rb, err := do(context.Background(), "POST", "/api/v1/documents", ct, body)
					uploads.Add(1)
					if err != nil || code != http.StatusCreated {
						fail("upload %s: %d %.200s %v", file, code, rb, err)
						continue
					}
					mu.Lock()
					uploaded[strings.TrimSuffix(file, ".txt")] = firms
					mu.Unlock()
				case c == 0 && i%200 == 100: // a runaway query, stopped at 1 s
					code, rb, err := do(context.Background(), "POST", "/api/v1/query", "text/plain", []byte("while(true){}"))
					looped.Add(1)
					if err != nil || code != http.StatusGatewayTimeout {
						fail("looping query: %d %.200s %v", code, rb, err)
					}
				default:
					r := soakReads[(i+c)%len(soakReads)]
					code, rb, err := do(context.Background(), r.method, r.path, "text/plain", []byte(r.body))
					if err != nil || code != r.want {
						fail("%s %s: %d, want %d: %.200s %v", r.method, r.path, code, r.want, rb, err)
					}
					if r.want != 200 {
						asked.Add(1)
					}
				}
				requests.Add(1)
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(began)
	b.StopTimer()
	rssEnd, anonEnd := vmRSS(pid, "VmRSS"), vmRSS(pid, "RssAnon")
	q := <-quarter
	rssQuarter, anonQuarter := q[0], q[1]
	rssPeak := vmRSS(pid, "VmHWM")

	// Every upload is there, whole: its document and both its firms (of
	// the last version uploaded).
	missing := 0
	for id, firms := range uploaded {
		code, body, err := do(context.Background(), "GET", "/api/v1/entities?limit=100&document="+url.QueryEscape(id), "", nil)
		var page struct{ Items []struct{ Name string } }
		if err != nil || code != 200 || json.Unmarshal(body, &page) != nil {
			missing++
			fail("document %s: %d %.200s %v", id, code, body, err)
			continue
		}
		for _, f := range firms {
			if !slices.ContainsFunc(page.Items, func(e struct{ Name string }) bool { return e.Name == f }) {
				missing++
				fail("document %s lacks %s: %.300s", id, f, body)
			}
		}
		// and nothing of the versions it replaced.
		for _, e := range page.Items {
			soakFirm := (strings.HasPrefix(e.Name, "云帆") || strings.HasPrefix(e.Name, "星河")) && strings.HasSuffix(e.Name, "电子")
			if soakFirm && !slices.Contains(firms, e.Name) {
				missing++
				fail("document %s still has %s of a version it replaced", id, e.Name)
			}
		}
	}
	logs, _ := os.ReadFile(logFile)
	if bytes.Contains(logs, []byte(token)) {
		fail("the token is in the server's log")
	}
	b.ReportMetric(float64(requests.Load()), "requests")
	b.ReportMetric(float64(requests.Load())/elapsed.Seconds(), "req/s")
	b.ReportMetric(float64(uploads.Load()), "uploads")
	b.ReportMetric(float64(nerrs), "errors")
	b.ReportMetric(rssStart, "rss-start-MB")
	b.ReportMetric(rssQuarter, "rss-quarter-MB")
	b.ReportMetric(rssEnd, "rss-end-MB")
	b.ReportMetric(rssPeak, "rss-peak-MB")
	b.ReportMetric(anonQuarter, "anon-quarter-MB")
	b.ReportMetric(anonEnd, "anon-end-MB")
	b.Logf("%s, %d clients: %d requests (%d uploads, %d asked-for errors, %d runaway queries), %d unexpected errors; %d documents checked, %d missing; RSS %.0f MB at start, %.0f MB after a quarter, %.0f MB at end (peak %.0f MB); of it heap and stacks (RssAnon) %.0f MB after a quarter, %.0f MB at end",
		elapsed.Round(time.Second), *soakClients, requests.Load(), uploads.Load(), asked.Load(), looped.Load(), nerrs, len(uploaded), missing, rssStart, rssQuarter, rssEnd, rssPeak, anonQuarter, anonEnd)
	for _, e := range errs {
		b.Error(e)
	}
}
