package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kgraph/kg/queries"
	"github.com/kgraph/kg/web"
)

// reads are the questions that must keep answering meanwhile.
var reads = []string{
	"/api/v1/chains",
	"/api/v1/entities?q=" + url.QueryEscape("京东方"),
	"/api/v1/entities?q=" + url.QueryEscape("项目"),
	"/api/v1/chains/" + url.PathEscape("新一代信息技术") + "/firms",
	"/api/v1/documents",
}

// get is a plain GET that reports instead of failing, for use off the test
// goroutine.
func get(ctx context.Context, base, path string) (int, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", base+path, nil)
	if err != nil {
		return 0, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, nil
}

// readLoop asks the reads in turn until ctx ends, counting answers and
// recording anything but a 200.
type readLoop struct {
	ok   atomic.Int64
	mu   sync.Mutex
	errs []string
}

func (r *readLoop) run(ctx context.Context, base string, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; ctx.Err() == nil; i++ {
		p := reads[i%len(reads)]
		code, err := get(ctx, base, p)
		if ctx.Err() != nil {
			return
		}
		if err != nil || code != http.StatusOK {
			r.mu.Lock()
			r.errs = append(r.errs, fmt.Sprintf("GET %s: %d %v", p, code, err))
			r.mu.Unlock()
			continue
		}
		r.ok.Add(1)
	}
}

func TestLoopingQueryStopped(t *testing.T) {
	e := newEnvStore(t, web.Config{QueryTimeout: 2 * time.Second}, sampleStore(t, "mem:"))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var rl readLoop
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go rl.run(ctx, e.ts.URL, &wg)
	}
	type answer struct {
		code int
		body []byte
	}
	done := make(chan answer, 2)
	for _, q := range []string{"while(true){}", "var i = 0; for(;;){ i++ }"} {
		go func() {
			resp, err := http.Post(e.ts.URL+"/api/v1/query", "text/plain", strings.NewReader(q))
			if err != nil {
				done <- answer{0, []byte(err.Error())}
				return
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			done <- answer{resp.StatusCode, b}
		}()
	}
	for range 2 {
		select {
		case a := <-done:
			var ans errorAnswer
			json.Unmarshal(a.body, &ans)
			if a.code != http.StatusGatewayTimeout || ans.Error.Code != "timeout" {
				t.Errorf("looping query = %d %s, want 504 timeout", a.code, a.body)
			}
		case <-time.After(time.Minute):
			t.Fatal("a looping query was not stopped within a minute")
		}
	}
	// Both loops ran their full deadline while the readers asked.
	answered := rl.ok.Load()
	cancel()
	wg.Wait()
	if answered == 0 {
		t.Errorf("no read answered while the looping queries ran")
	}
	for _, s := range rl.errs {
		t.Error(s)
	}
	if code, _, _ := e.do("POST", "/api/v1/query", strings.NewReader("g.V().Limit(1).All()")); code != http.StatusOK {
		t.Errorf("a query after the runaways = %d", code)
	}
	t.Logf("%d reads answered while two looping queries ran", answered)
}

// zoneReport is a small report naming firms of its own.
func zoneReport(zone string, year int, firms []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s%d年度工作总结\n一、产业发展\n", zone, year)
	for i, f := range firms {
		fmt.Fprintf(&b, "新一代信息技术产业加快发展。%s有限公司集成电路设计中心项目开工建设，总投资%d亿元。\n", f, 10+i)
	}
	return b.String()
}

func uploadBody(name, text string) (string, []byte) {
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write([]byte(text))
	mw.Close()
	return mw.FormDataContentType(), b.Bytes()
}

// documentEntities is the names of the entities a document mentions.
func documentEntities(t *testing.T, e *env, id string) []string {
	t.Helper()
	var page queries.SearchResult
	e.getJSON("/api/v1/entities?limit=1000&document="+url.QueryEscape(id), &page)
	var names []string
	for _, it := range page.Items {
		names = append(names, it.Name)
	}
	slices.Sort(names)
	return slices.Compact(names)
}

func TestConcurrentUploadsAndReads(t *testing.T) {
	const token = "conc"
	e := newEnvStore(t, web.Config{Token: token}, sampleStore(t, "mem:"))
	docs := []struct{ file, text string }{
		{"north-2024.txt", zoneReport("北岸高新区", 2024, []string{"北辰芯片", "北斗光电", "北原智能", "北极存储"})},
		{"south-2024.txt", zoneReport("南湾经开区", 2024, []string{"南山晶圆", "南风传感", "南岭算力", "南海封测"})},
		{"east-2023.txt", zoneReport("东港新区", 2023, []string{"东方显示", "东宇通信"})},
		{"west-2023.txt", zoneReport("西城园区", 2023, []string{"西部数据港", "西岭微电"})},
	}
	// What each document holds when uploaded alone, one after the other.
	seq := newEnvStore(t, web.Config{Token: token}, sampleStore(t, "mem:"))
	want := map[string][]string{}
	for _, d := range docs {
		ct, body := uploadBody(d.file, d.text)
		code, b, _ := seq.do("POST", "/api/v1/documents", bytes.NewReader(body), "Authorization", "Bearer "+token, "Content-Type", ct)
		if code != http.StatusCreated {
			t.Fatalf("upload %s alone = %d %s", d.file, code, b)
		}
		id := strings.TrimSuffix(d.file, ".txt")
		want[id] = documentEntities(t, seq, id)
		if len(want[id]) < 4 {
			t.Fatalf("document %s alone has only %v", id, want[id])
		}
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var rl readLoop
	var readers sync.WaitGroup
	for range 4 {
		readers.Add(1)
		go rl.run(ctx, e.ts.URL, &readers)
	}
	// All four uploads at once.
	var wg sync.WaitGroup
	results := make([]string, len(docs))
	start := make(chan struct{})
	for i, d := range docs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ct, body := uploadBody(d.file, d.text)
			req, _ := http.NewRequest("POST", e.ts.URL+"/api/v1/documents", bytes.NewReader(body))
			req.Header.Set("Content-Type", ct)
			req.Header.Set("Authorization", "Bearer "+token)
			<-start
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				results[i] = err.Error()
				return
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != http.StatusCreated {
				results[i] = fmt.Sprintf("%d %s", resp.StatusCode, b)
			}
		}()
	}
	close(start)
	wg.Wait()
	// The readers keep asking a little after the last upload, across the
	// index rebuilds it started.
	for n := rl.ok.Load(); rl.ok.Load() < n+10; {
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	readers.Wait()
	for i, r := range results {
		if r != "" {
			t.Errorf("upload %s: %s", docs[i].file, r)
		}
	}
	for _, s := range rl.errs {
		t.Error(s)
	}
	if rl.ok.Load() == 0 {
		t.Error("no read answered during the uploads")
	}
	var list struct{ Items []queries.DocumentSummary }
	e.getJSON("/api/v1/documents", &list)
	for id, names := range want {
		if !slices.ContainsFunc(list.Items, func(d queries.DocumentSummary) bool { return d.ID == id }) {
			t.Errorf("document %s missing after the concurrent uploads: %+v", id, list.Items)
			continue
		}
		if got := documentEntities(t, e, id); !slices.Equal(got, names) {
			t.Errorf("document %s after the concurrent uploads has\n%v\nuploaded alone\n%v", id, got, names)
		}
	}
	t.Logf("%d reads answered during %d concurrent uploads", rl.ok.Load(), len(docs))
}

// TestConcurrentReplacements: clients uploading new versions of their own
// documents at once. A version replaced while another upload rebuilt the
// query index used to fail that upload with a 404 for an entity it no
// longer had.
func TestConcurrentReplacements(t *testing.T) {
	const token = "conc"
	e := newEnvStore(t, web.Config{Token: token}, sampleStore(t, "mem:"))
	zones := []string{"北岸高新区", "南湾经开区", "东港新区"}
	const versions = 6
	last := make([][]string, len(zones))
	var wg sync.WaitGroup
	for z, zone := range zones {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for v := range versions {
				firms := []string{fmt.Sprintf("%s%c号芯片", zone[:3], '甲'+rune(v)), fmt.Sprintf("%s%c号光电", zone[:3], '甲'+rune(v))}
				ct, body := uploadBody(fmt.Sprintf("zone-%d.txt", z), zoneReport(zone, 2024, firms))
				req, _ := http.NewRequest("POST", e.ts.URL+"/api/v1/documents", bytes.NewReader(body))
				req.Header.Set("Content-Type", ct)
				req.Header.Set("Authorization", "Bearer "+token)
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Error(err)
					return
				}
				b, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusCreated {
					t.Errorf("version %d of zone-%d: %d %s", v, z, resp.StatusCode, b)
					return
				}
				last[z] = firms
			}
		}()
	}
	wg.Wait()
	for z := range zones {
		id := fmt.Sprintf("zone-%d", z)
		got := documentEntities(t, e, id)
		for _, f := range last[z] {
			if _, ok := slices.BinarySearch(got, f); !ok {
				t.Errorf("%s lacks %s of its last version: %v", id, f, got)
			}
		}
		for _, n := range got {
			if (strings.HasSuffix(n, "号芯片") || strings.HasSuffix(n, "号光电")) && !slices.Contains(last[z], n) {
				t.Errorf("%s still has %s of a version it replaced", id, n)
			}
		}
	}
}
