package bench

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"
)

// jiebaScript segments the files named on stdin and prints what it did.
// Bytes are counted as read from disk, as for the product's extraction.
const jiebaScript = `import json, sys, time
import jieba
jieba.setLogLevel(60)
jieba.initialize()
docs = []
for path in sys.stdin.read().split("\n"):
    if not path:
        continue
    b = open(path, "rb").read()
    try:
        t = b.decode("utf-8")
    except UnicodeDecodeError:
        t = b.decode("gb18030")
    docs.append((len(b), t))
start = time.perf_counter()
n = 0
for size, t in docs:
    jieba.lcut(t)
    n += size
print(json.dumps({"bytes": n, "seconds": time.perf_counter() - start, "docs": len(docs)}))
`

// jieba runs python3-jieba's plain segmentation over (the first
// c.JiebaMax documents of) the corpus: the extraction floor.
func jieba(ctx context.Context, c Config, dir string, n int) StageResult {
	r := StageResult{Stage: "jieba"}
	if _, err := os.Stat(c.Python); err != nil {
		r.Skipped = fmt.Sprintf("skipped: %s not available (apt-get install python3-jieba)", c.Python)
		return r
	}
	files, err := corpusFiles(dir)
	if err != nil {
		r.Skipped = "failed: " + err.Error()
		return r
	}
	if len(files) > c.JiebaMax {
		files = files[:c.JiebaMax]
	}
	var list strings.Builder
	for _, f := range files {
		list.WriteString(f.path + "\n")
	}
	cmd := exec.CommandContext(ctx, c.Python, "-c", jiebaScript)
	cmd.Stdin = strings.NewReader(list.String())
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		r.Skipped = fmt.Sprintf("skipped: python3-jieba not available (%v: %s)", err, lastLine(errb.String()))
		return r
	}
	var got struct {
		Bytes   int64   `json:"bytes"`
		Seconds float64 `json:"seconds"`
		Docs    int     `json:"docs"`
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		r.Skipped = "failed: jieba output: " + err.Error()
		return r
	}
	r.Docs, r.Bytes, r.Seconds, r.PeakRSS = got.Docs, got.Bytes, got.Seconds, maxRSS(cmd.ProcessState)
	return r
}

// cayleyBin is Cayley's own command, built once per run at the version the
// product links.
type cayleyBin struct {
	path string
	err  error
	done bool
}

func (b *cayleyBin) get(ctx context.Context, c Config) (string, error) {
	if b.done {
		return b.path, b.err
	}
	b.done = true
	b.path, b.err = buildCayley(ctx, c.Work, c.Log)
	return b.path, b.err
}

// buildCayley builds `cayley` at the version in the running binary's build
// information, in a module of its own so that the product's go.mod is not
// touched.
func buildCayley(ctx context.Context, work string, log io.Writer) (string, error) {
	version := ""
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == "github.com/cayleygraph/cayley" {
				version = d.Version
				if d.Replace != nil {
					version = d.Replace.Version
				}
			}
		}
	}
	if version == "" {
		return "", fmt.Errorf("cayley's version is not in this binary's build information")
	}
	bin := filepath.Join(work, "bin", "cayley-"+version)
	if _, err := os.Stat(bin); err == nil {
		return bin, nil
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		return "", fmt.Errorf("no go command to build cayley: %w", err)
	}
	mod := filepath.Join(work, "cayley-build")
	if err := os.MkdirAll(mod, 0o755); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module cayleybuild\n\ngo 1.26\n"), 0o644); err != nil {
		return "", err
	}
	fmt.Fprintf(log, "  building cayley %s (once)\n", version)
	for _, args := range [][]string{
		{"get", "github.com/cayleygraph/cayley/cmd/cayley@" + version},
		{"build", "-o", bin, "github.com/cayleygraph/cayley/cmd/cayley"},
	} {
		cmd := exec.CommandContext(ctx, gobin, args...)
		cmd.Dir = mod
		if out, err := cmd.CombinedOutput(); err != nil {
			return "", fmt.Errorf("go %s: %v: %s", args[0], err, lastLine(string(out)))
		}
	}
	return bin, nil
}

// cayleyPeers loads the product's graph (dumped as N-Quads) with `cayley
// load` into bolt, and asks the chain-firms question through `cayley http`;
// with Config.CayleyOwnStore, `cayley http` serves a copy of the product's
// bolt file instead (own), and `cayley load` is not run.
func cayleyPeers(ctx context.Context, deps Deps, c Config, b *cayleyBin, n int, dump, own string, row *Row) []StageResult {
	load := StageResult{Stage: "cayley load", Backend: "bolt", Docs: n}
	http := StageResult{Stage: "cayley http", Backend: "bolt", Docs: n}
	if c.CayleyOwnStore {
		load.Skipped = "skipped: --cayley-own-store (cayley http serves a copy of the product's bolt file)"
	} else if dump == "" {
		why := "skipped: no N-Quads of the product's graph (the bolt build or graph.Dumper not available)"
		load.Skipped, http.Skipped = why, why
		return []StageResult{load, http}
	}
	bin, err := b.get(ctx, c)
	if err != nil {
		why := "skipped: cayley not available: " + err.Error()
		load.Skipped, http.Skipped = why, why
		return []StageResult{load, http}
	}
	db := filepath.Join(c.Work, fmt.Sprintf("cayley-bolt-%d", n))
	if err := os.RemoveAll(db); err != nil {
		load.Skipped = "failed: " + err.Error()
		return []StageResult{load, http}
	}
	if c.CayleyOwnStore {
		if err := copyStore(own, db); err != nil {
			http.Skipped = "failed: copy the product's bolt file for cayley http: " + err.Error()
			return []StageResult{load, http}
		}
		http.StoreBytes = diskUsage(db)
		http.Note = "on a copy of the product's bolt file"
		cayleyHTTP(ctx, deps, c, bin, db, row, &http)
		return []StageResult{load, http}
	}
	quads, size, err := countQuads(dump)
	if err != nil {
		load.Skipped = "failed: " + err.Error()
		return []StageResult{load, http}
	}
	load.Quads, load.Bytes = quads, size
	cmd := exec.CommandContext(ctx, bin, "load", "--init", "-d", "bolt", "-a", db, "-i", dump)
	var errb bytes.Buffer
	cmd.Stderr = &errb
	start := time.Now()
	err = runWatched(cmd, c.MaxRSS)
	load.Seconds = time.Since(start).Seconds()
	load.PeakRSS = maxRSS(cmd.ProcessState)
	if err != nil {
		load.Skipped = fmt.Sprintf("failed: cayley load: %v: %s", err, lastLine(errb.String()))
		http.Skipped = "skipped: cayley load failed"
		return []StageResult{load, http}
	}
	load.StoreBytes = diskUsage(db)
	http.StoreBytes = load.StoreBytes
	cayleyHTTP(ctx, deps, c, bin, db, row, &http)
	return []StageResult{load, http}
}

// copyStore copies the product's bolt file into dir as the file Cayley's
// bolt backend opens there.
func copyStore(file, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	src, err := os.Open(file)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.Create(filepath.Join(dir, "indexes.bolt"))
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return err
	}
	return dst.Close()
}

// countQuads counts the lines of an N-Quads file.
func countQuads(path string) (int64, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	var n, size int64
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		size += int64(len(sc.Bytes())) + 1
		if l := bytes.TrimSpace(sc.Bytes()); len(l) > 0 && l[0] != '#' {
			n++
		}
	}
	return n, size, sc.Err()
}

// cayleyHTTP asks the chain-firms question of `cayley http` on its bolt
// store db (loaded by `cayley load`), about the chains the product was
// asked about, into r.
func cayleyHTTP(ctx context.Context, deps Deps, c Config, bin, db string, row *Row, r *StageResult) {
	if deps.GizmoChainFirms == nil {
		r.Skipped = deps.why("gizmo", "the chain-firms question as Gizmo not available")
		return
	}
	var chains []string
	for _, b := range row.Builds {
		if b.Backend == "bolt" && b.Picks != nil {
			chains = b.Picks.Chains
		}
	}
	if len(chains) == 0 {
		r.Skipped = "skipped: no chains to ask about (the product's questions did not run)"
		return
	}
	host, err := loopback()
	if err != nil {
		r.Skipped = "failed: " + err.Error()
		return
	}
	s, err := startServer(ctx, c.MaxRSS, "cayley http", bin, "http", "-d", "bolt", "-a", db, "--host", host)
	if err != nil {
		r.Skipped = "failed: " + err.Error()
		return
	}
	defer func() {
		var over int64
		if r.PeakRSS, over = s.stop(); over > 0 {
			r.Skipped = s.overMaxRSS(over)
		}
	}()
	client := newClient() // the same client as for the product's API
	base := "http://" + host
	start := time.Now()
	if err := s.ready(ctx, client, base+"/", startWait(r.StoreBytes)); err != nil {
		r.Skipped = "failed: " + err.Error()
		return
	}
	r.OpenSeconds = time.Since(start).Seconds()
	askGizmo := func(ctx context.Context, k int) (int, error) {
		q := deps.GizmoChainFirms(chains[k%len(chains)])
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/api/v2/query?lang=gizmo", strings.NewReader(q))
		if err != nil {
			return 0, err
		}
		resp, err := client.Do(req)
		if err != nil {
			return 0, err
		}
		defer resp.Body.Close()
		var out struct {
			Result []json.RawMessage `json:"result"`
			Error  string            `json:"error"`
		}
		if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
			return 0, fmt.Errorf("cayley http: %s: %w", resp.Status, err)
		}
		if out.Error != "" {
			return 0, fmt.Errorf("cayley http: %s", out.Error)
		}
		// One emitted array (see Deps.GizmoChainFirms) counts its items.
		var items []json.RawMessage
		if len(out.Result) == 1 && json.Unmarshal(out.Result[0], &items) == nil {
			return len(items), nil
		}
		return len(out.Result), nil
	}
	t := time.Now()
	if _, err := askGizmo(ctx, 0); err != nil {
		r.Skipped = "failed: " + err.Error()
		return
	}
	r.FirstAnswer = time.Since(t).Seconds()
	r.Questions = []Latency{measure(ctx, question{"chain firms", askGizmo}, c.Samples, c.Clients, s.settle)}
}
