package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/kgraph/kg"
	"github.com/kgraph/kg/extract/formats/formatstest"
	"github.com/kgraph/kg/web"
)

// hostileUploadLimit is the body limit the hostile suite configures: large
// enough for every case but the 200 MB file, which must answer 413.
const hostileUploadLimit = 16 << 20

// skipLarge skips the cases too large for -short mode, as formatstest's own
// suite does.
func skipLarge(t *testing.T, c formatstest.Case) {
	if testing.Short() && c.Size > 10<<20 {
		t.Skipf("%d MB input skipped in -short mode", c.Size>>20)
	}
}

var (
	hostileMu    sync.Mutex
	hostileBytes = map[string][]byte{}
)

// hostileData builds a case's bytes once for both suites: the zip bomb and
// the 20,000-entry docx take seconds to build under -race.
func hostileData(c formatstest.Case) []byte {
	if c.Size > 10<<20 {
		return c.Data()
	}
	hostileMu.Lock()
	defer hostileMu.Unlock()
	b, ok := hostileBytes[c.Name]
	if !ok {
		b = c.Data()
		hostileBytes[c.Name] = b
	}
	return b
}

// multipartFile streams one file in the field "file", so that the 200 MB
// case is never held twice in memory.
func multipartFile(name string, data []byte) (io.Reader, string) {
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		fw, err := mw.CreateFormFile("file", name)
		if err == nil {
			_, err = fw.Write(data)
		}
		if err == nil {
			err = mw.Close()
		}
		pw.CloseWithError(err)
	}()
	return pr, mw.FormDataContentType()
}

// storeState is what must not change when an upload fails: every quad
// (sorted, as the store's order is its own) and the documents list.
func storeState(t *testing.T, e *env) string {
	t.Helper()
	var b bytes.Buffer
	if err := e.st.Dump(context.Background(), &b, "nquads"); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(b.String(), "\n")
	slices.Sort(lines)
	_, docs, _ := e.do("GET", "/api/v1/documents", nil)
	_, chains, _ := e.do("GET", "/api/v1/chains", nil)
	return fmt.Sprintf("%d quads\n%s\n%s\n%s", len(lines)-1, docs, chains, strings.Join(lines, "\n"))
}

type errorAnswer struct {
	Error struct{ Code, Message string }
}

func TestHostileUploads(t *testing.T) {
	const token = "hostile-token"
	e := newEnvStore(t, web.Config{Token: token, MaxUploadBytes: hostileUploadLimit}, sampleStore(t, "mem:"))
	before := storeState(t, e)
	for _, c := range formatstest.Hostile() {
		t.Run(c.Name, func(t *testing.T) {
			skipLarge(t, c)
			// Refused uploads change nothing, so they may run side by side.
			t.Parallel()
			e := &env{t: t, srv: e.srv, ts: e.ts, st: e.st}
			data := hostileData(c)
			if c.Pipeline == "" {
				// Best effort: the document lands, in a store of its own so
				// that the others compare with the sample alone.
				e := newEnvStore(t, web.Config{Token: token}, sampleStore(t, "mem:"))
				body, ct := multipartFile(c.File, data)
				code, b, _ := e.do("POST", "/api/v1/documents", body, "Authorization", "Bearer "+token, "Content-Type", ct)
				var res struct{ Added []struct{ ID string } }
				if code != http.StatusCreated || json.Unmarshal(b, &res) != nil || len(res.Added) != 1 {
					t.Fatalf("POST %s = %d %.300s, want 201 with one document", c.File, code, b)
				}
				if code, b, _ := e.do("GET", "/api/v1/documents/"+res.Added[0].ID, nil); code != http.StatusOK {
					t.Errorf("added document %s: %d %.200s", res.Added[0].ID, code, b)
				}
				return
			}
			want := c.Pipeline
			status := map[string]int{kg.EUndecodable: 422, kg.ETooLarge: 413, kg.EInvalid: 400}[want]
			if len(data) > hostileUploadLimit {
				status = http.StatusRequestEntityTooLarge
			}
			body, ct := multipartFile(c.File, data)
			code, b, _ := e.do("POST", "/api/v1/documents", body, "Authorization", "Bearer "+token, "Content-Type", ct)
			var ans errorAnswer
			json.Unmarshal(b, &ans)
			if code != status || ans.Error.Code != want {
				t.Errorf("POST %s = %d %.300s, want %d %s", c.File, code, b, status, want)
			}
			// Over the body limit the server never sees the file's name.
			if len(data) <= hostileUploadLimit && (!strings.Contains(ans.Error.Message, c.File) || !strings.Contains(ans.Error.Message, c.Reason)) {
				t.Errorf("message %q should name %s and say %q", ans.Error.Message, c.File, c.Reason)
			}
			if after := storeState(t, e); after != before {
				t.Errorf("the store changed after a refused upload of %s", c.File)
			}
		})
	}
}

var (
	kgBinOnce sync.Once
	kgBinPath string
	kgBinErr  error
	kgBinDir  string
)

// kgBinary builds cmd/kg once per test binary (without -race: it is the
// program under test, not the code under the detector).
func kgBinary(t testing.TB) string {
	t.Helper()
	kgBinOnce.Do(func() {
		kgBinDir, kgBinErr = os.MkdirTemp("", "kg-web-test-")
		if kgBinErr != nil {
			return
		}
		kgBinPath = filepath.Join(kgBinDir, "kg")
		out, err := exec.Command("go", "build", "-o", kgBinPath, "github.com/kgraph/kg/cmd/kg").CombinedOutput()
		if err != nil {
			kgBinErr = fmt.Errorf("go build ./cmd/kg: %v\n%s", err, out)
		}
	})
	if kgBinErr != nil {
		t.Fatal(kgBinErr)
	}
	return kgBinPath
}

func TestMain(m *testing.M) {
	code := m.Run()
	if kgBinDir != "" {
		os.RemoveAll(kgBinDir)
	}
	os.Exit(code)
}

// kgRun runs the kg binary and returns its exit status, stdout and stderr.
func kgRun(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(kgBinary(t), args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case err == nil:
		return 0, out.String(), errb.String()
	case errors.As(err, &ee):
		return ee.ExitCode(), out.String(), errb.String()
	}
	t.Fatalf("kg %v: %v", args, err)
	return 0, "", ""
}

// kgDump is the sorted N-Quads of a store, through `kg dump`.
func kgDump(t *testing.T, db string) string {
	t.Helper()
	code, out, errs := kgRun(t, "dump", "--db", db)
	if code != 0 {
		t.Fatalf("kg dump --db %s: exit %d: %s", db, code, errs)
	}
	lines := strings.Split(out, "\n")
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

func TestHostileBuild(t *testing.T) {
	dir := t.TempDir()
	sample := filepath.Join(dir, "sample.db")
	if code, _, errs := kgRun(t, "build", "--quiet", "--db", "bolt:"+sample); code != 0 {
		t.Fatalf("kg build of the sample: exit %d: %s", code, errs)
	}
	db := "bolt:" + sample
	before := kgDump(t, db)
	for i, c := range formatstest.Hostile() {
		t.Run(c.Name, func(t *testing.T) {
			skipLarge(t, c)
			sub := filepath.Join(dir, fmt.Sprint(i))
			if err := os.Mkdir(sub, 0o755); err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(sub, c.File)
			if err := os.WriteFile(file, hostileData(c), 0o644); err != nil {
				t.Fatal(err)
			}
			if c.Pipeline == "" {
				// Best effort: it loads, into a copy of the sample store.
				own := filepath.Join(sub, "kg.db")
				b, err := os.ReadFile(sample)
				if err == nil {
					err = os.WriteFile(own, b, 0o644)
				}
				if err != nil {
					t.Fatal(err)
				}
				if code, out, errs := kgRun(t, "build", "--quiet", "--db", "bolt:"+own, file); code != 0 || !strings.Contains(out, "built 1 of 1") {
					t.Errorf("kg build %s: exit %d, %s %s; want it loaded", c.File, code, out, errs)
				}
				return
			}
			code, _, errs := kgRun(t, "build", "--quiet", "--db", db, file)
			if code == 0 || !strings.Contains(errs, c.File) || !strings.Contains(errs, c.Reason) {
				t.Errorf("kg build %s: exit %d, stderr %q; want non-zero naming the file and %q", c.File, code, errs, c.Reason)
			}
		})
	}
	// One dump after all the refused files (a dump per case doubles the
	// run time): any of them changing the store shows here.
	if after := kgDump(t, db); after != before {
		t.Errorf("the store changed after kg build of the refused files")
	}
}
