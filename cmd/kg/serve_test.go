package main

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestQueryCommands(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		args []string
		want []string
	}{
		{[]string{"query", "--db", "mem:", "chains"}, []string{"新一代信息技术", "FIRMS"}},
		{[]string{"query", "--db", "mem:", "firms", "新一代信息技术"}, []string{"京东方", "华海清科", "新松半导体"}},
		{[]string{"query", "entity", "京东方", "--db", "mem:"}, []string{"hasProject", "京东方B20"}},
	}
	for _, c := range cases {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			var out, errb bytes.Buffer
			if err := run(ctx, c.args, &out, &errb); err != nil {
				t.Fatalf("%v: %s", err, errb.String())
			}
			for _, w := range c.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, out.String())
				}
			}
		})
	}
	var out bytes.Buffer
	if err := run(ctx, []string{"query", "--db", "mem:", "--json", "firms", "industry/新一代信息技术"}, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	var a struct {
		Firms []struct{ Entity struct{ Name string } }
	}
	if err := json.Unmarshal(out.Bytes(), &a); err != nil || len(a.Firms) < 3 {
		t.Errorf("--json: %v %s", err, out.String())
	}
	if err := run(ctx, []string{"query", "--db", "mem:", "firms"}, io.Discard, io.Discard); err == nil || exitCode(err) != 2 {
		t.Errorf("missing chain: %v", err)
	}
}

func TestExportCommand(t *testing.T) {
	file := filepath.Join(t.TempDir(), "chain.graphml")
	if err := run(context.Background(), []string{"export", "--db", "mem:", "--chain", "新一代信息技术", "--format", "graphml", "-o", file}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var g struct {
		Graph struct {
			Nodes []struct {
				ID string `xml:"id,attr"`
			} `xml:"node"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(b, &g); err != nil || len(g.Graph.Nodes) < 4 || !bytes.Contains(b, []byte("京东方")) {
		t.Errorf("export: %v, %d nodes", err, len(g.Graph.Nodes))
	}
	if err := run(context.Background(), []string{"export", "--db", "mem:", "--format", "xls"}, io.Discard, io.Discard); exitCode(err) != 2 {
		t.Errorf("bad format: %v", err)
	}
}

func TestServeBuildsSampleAndShutsDown(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var logs bytes.Buffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--db", "mem:", "--addr", addr, "--token", "s3cret-token"}, io.Discard, &syncWriter{w: &logs})
	}()
	base := "http://" + addr
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, err := http.Get(base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("not ready: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	resp, err := http.Get(base + "/api/v1/chains/" + "新一代信息技术" + "/firms")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !bytes.Contains(body, []byte("京东方")) {
		t.Errorf("firms of the sample: %.300s", body)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop")
	}
	if strings.Contains(logs.String(), "s3cret-token") {
		t.Errorf("the token was logged")
	}
	if !strings.Contains(logs.String(), "token=***") {
		t.Errorf("the config log does not show the masked token:\n%s", logs.String())
	}
}

// syncWriter lets the server's goroutines log while the test runs.
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}
