package e2e

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// token is the write token the test server is started with; run.mjs uploads
// with it.
const token = "TEST"

// TestBrowser drives the UI in headless chromium against a real `kg serve`.
// It skips when node or chromium is missing, unless KG_E2E=1 (CI), where a
// missing tool is a failure.
func TestBrowser(t *testing.T) {
	required := os.Getenv("KG_E2E") == "1"
	skip := func(format string, args ...any) {
		t.Helper()
		if required {
			t.Fatalf("KG_E2E=1: "+format, args...)
		}
		t.Skipf(format+" (set KG_E2E=1 to make this a failure)", args...)
	}
	if testing.Short() && !required {
		t.Skip("browser test skipped in -short mode")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		skip("node is not installed: the browser test needs node and npm")
	}
	chromium := envOr("KG_E2E_CHROMIUM", "/usr/bin/chromium")
	if _, err := os.Stat(chromium); err != nil {
		skip("%s is missing: apt-get install chromium fonts-noto-cjk", chromium)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()

	uiDir, err := filepath.Abs(filepath.Join("..", "ui"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(uiDir, "dist", "index.html")); err != nil {
		t.Log("building the UI: npm ci && npm run build")
		npm(ctx, t, uiDir, "ci", "--no-audit", "--no-fund")
		npm(ctx, t, uiDir, "run", "build")
	}
	if _, err := os.Stat(filepath.Join("node_modules", "playwright-core")); err != nil {
		t.Log("installing playwright-core: npm ci")
		npm(ctx, t, ".", "ci", "--no-audit", "--no-fund")
	}

	bin := filepath.Join(t.TempDir(), "kg")
	build := exec.CommandContext(ctx, "go", "build", "-o", bin, "../../cmd/kg")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build kg: %v\n%s", err, out)
	}

	addr := freeAddr(t)
	artifacts := envOr("KG_E2E_ARTIFACTS", filepath.Join(os.TempDir(), "kg-e2e"))
	if err := os.MkdirAll(artifacts, 0o755); err != nil {
		t.Fatal(err)
	}
	serverLog, err := os.Create(filepath.Join(artifacts, "kg-serve.log"))
	if err != nil {
		t.Fatal(err)
	}
	defer serverLog.Close()
	server := exec.Command(bin, "serve", "--db", "mem:", "--addr", addr, "--token", token,
		"--ui-dir", filepath.Join(uiDir, "dist"))
	server.Stdout, server.Stderr = serverLog, serverLog
	if err := server.Start(); err != nil {
		t.Fatalf("start kg serve: %v", err)
	}
	defer stop(t, server)

	base := "http://" + addr
	if err := waitReady(ctx, base+"/readyz", 2*time.Minute); err != nil {
		t.Fatalf("kg serve never became ready: %v (log in %s)", err, serverLog.Name())
	}

	run := exec.CommandContext(ctx, node, "run.mjs")
	run.Env = append(os.Environ(),
		"KG_E2E_URL="+base, "KG_E2E_TOKEN="+token, "KG_E2E_ARTIFACTS="+artifacts, "KG_E2E_CHROMIUM="+chromium)
	out, err := run.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	run.Stderr = run.Stdout
	if err := run.Start(); err != nil {
		t.Fatalf("node run.mjs: %v", err)
	}
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		t.Log(sc.Text())
	}
	if err := run.Wait(); err != nil {
		t.Fatalf("browser checks failed (%v): screenshots and the server log in %s", err, artifacts)
	}
}

func npm(ctx context.Context, t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.CommandContext(ctx, "npm", args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("npm %s in %s: %v\n%s", strings.Join(args, " "), dir, err, out)
	}
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

// freeAddr returns a 127.0.0.1 address with a port nobody listens on now.
func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

func waitReady(ctx context.Context, url string, limit time.Duration) error {
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	for {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		res, err := http.DefaultClient.Do(req)
		if err == nil {
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return nil
			}
			err = fmt.Errorf("status %s", res.Status)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%w (last: %v)", ctx.Err(), err)
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// stop ends the server the way an operator does (SIGTERM), then kills it if
// it does not stop in time.
func stop(t *testing.T, cmd *exec.Cmd) {
	t.Helper()
	_ = cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(15 * time.Second):
		_ = cmd.Process.Kill()
		<-done
	}
}
