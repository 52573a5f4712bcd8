package extract_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kgraph/kg"
	"github.com/kgraph/kg/extract"
)

// The quality gate. The sample report is what the extractor was written
// against; the development set (testdata/dev) was written by someone else,
// with other zones, firms, industries, phrasings and encodings, so that every
// new rule is also checked against text it was not written from.
//
// The dev floors are a ratchet: set a little under what the extractor
// reaches, and only ever raised. Raise them when the extractor improves;
// never lower them to make a change pass.
const (
	sampleOverallFloor  = 0.90
	sampleRowFloor      = 0.75
	devDocFloor         = 0.93 // ratchet: worst document 0.957 at 09:20 on 2026-12-05
	devAverageFloor     = 0.97 // ratchet: average 0.984 at 09:20 on 2026-12-05 (13 documents)
	heldOutDocFloor     = 0.82 // ratchet: worst document 0.841 at 09:20 on 2026-12-05 (xiamen-torch-2022)
	heldOutAverageFloor = 0.93 // ratchet: average 0.945 at 09:20 on 2026-12-05
	// testdata/heldout2: batches 6 and 7 of 2026-12-05 (batch 7 scored at
	// first sight at the end of the day).
	heldOut2DocFloor     = 0.82 // ratchet: worst document 0.842 at 14:10 on 2026-12-05 (mengsu-2023)
	heldOut2AverageFloor = 0.88 // ratchet: average 0.900 at 21:25 on 2026-12-06
	heldOut3DocFloor     = 0.78 // ratchet: worst document 0.811 at 19:35 on 2026-12-06 (shunde-2025)
	heldOut3AverageFloor = 0.85 // ratchet: average 0.871 at 03:09 on 2026-12-07
	heldOut4DocFloor     = 0.76 // ratchet: worst document 0.781 at 00:20 on 2026-12-07 (xinzheng-zbq-2024)
	heldOut4AverageFloor = 0.79 // ratchet: average 0.813 at 00:20 on 2026-12-07
	heldOut5DocFloor     = 0.78 // ratchet: worst document 0.805 at 21:57 on 2026-12-06 (yingkou-jkq-2025)
	heldOut5AverageFloor = 0.81 // ratchet: average 0.838 at 21:57 on 2026-12-06
	heldOut6DocFloor     = 0.75 // ratchet: worst document 0.773 at 00:20 on 2026-12-07 (xiamen-ftz-2025h1)
	heldOut6AverageFloor = 0.81 // ratchet: average 0.833 at 00:20 on 2026-12-07
	heldOut7DocFloor     = 0.80 // ratchet: worst document 0.828 at 15:40 on 2026-12-07 (changchun-qkq-2025)
	heldOut7AverageFloor = 0.86 // ratchet: average 0.887 at 15:40 on 2026-12-07
	// testdata/heldout8: batch 13, scored at first sight at the end of
	// session 6's rule work.
	heldOut8DocFloor     = 0.76 // ratchet: worst document 0.782 at 00:00 on 2026-12-07 (nantong-etdz-2024)
	heldOut8AverageFloor = 0.79 // ratchet: average 0.807 at 00:55 on 2026-12-07
	// testdata/heldout9: batch 15, scored at first sight at the end of
	// session 8's rule work.
	heldOut9DocFloor     = 0.70 // ratchet: worst document 0.731 at 21:05 on 2026-12-06 (xiangyang-gxq-2024h1)
	heldOut9AverageFloor = 0.77 // ratchet: average 0.788 at 02:45 on 2026-12-07
	// testdata/heldout10: batch 16, scored at first sight at the end of
	// session 9's rule work.
	heldOut10DocFloor     = 0.75 // ratchet: worst document 0.773 at 11:50 on 2026-12-07 (deyang-etdz-2025q3)
	heldOut10AverageFloor = 0.79 // ratchet: average 0.808 at 11:50 on 2026-12-07
	// testdata/heldout11: batch 17, scored at first sight at the start of
	// session 10 (main at 3489a93).
	heldOut11DocFloor     = 0.69 // ratchet: worst document 0.712 at 00:20 on 2026-12-07 (haikou-gxq-2025)
	heldOut11AverageFloor = 0.78 // ratchet: average 0.800 at 12:48 on 2026-12-07
	// testdata/heldout12: batch 18, scored at first sight at the end of
	// session 10's rule work (89c4937).
	heldOut12DocFloor     = 0.52 // ratchet: worst document 0.540 at 02:55 on 2026-12-07 (hohhot-etdz-2026-11)
	heldOut12AverageFloor = 0.68 // ratchet: average 0.704 at 02:55 on 2026-12-07
	// testdata/heldout13: batch 20, a development batch (its documents are
	// for the rule writers to read), scored at first sight on main at 18c4249.
	heldOut13DocFloor     = 0.70 // ratchet: worst document 0.720 at 11:50 on 2026-12-07 (fuzhou-gxq-2026q3)
	heldOut13AverageFloor = 0.77 // ratchet: average 0.792 at 11:50 on 2026-12-07
	// testdata/heldout14: batch 19, kept out of every rule writer's sight
	// and scored at first sight at the end of session 11's rule work
	// (701dfbb).
	heldOut14DocFloor     = 0.58 // ratchet: worst document 0.613 at 15:40 on 2026-12-07 (yangpu-kfq-2026-fbh; 0.473 at first sight)
	heldOut14AverageFloor = 0.74 // ratchet: average 0.766 at 15:40 on 2026-12-07 (0.692 at first sight)
	// testdata/heldout15: batch 21, kept out of every rule writer's sight
	// and scored at first sight on main at ecbd53c (session 12 changed the
	// extractor's speed, not its output).
	heldOut15DocFloor     = 0.75 // ratchet: worst document 0.775 at 12:48 on 2026-12-07 (yibin-lg-2026-w47)
	heldOut15AverageFloor = 0.79 // ratchet: average 0.814 at 12:48 on 2026-12-07 (0.772 at first sight)
	// testdata/heldout16: batch 22, kept out of every rule writer's sight
	// and scored at first sight on main at 5103f14 (0.657; 0.650 at the
	// session's start, 6259cfb).
	heldOut16DocFloor     = 0.64 // ratchet: worst document 0.672 at 15:40 on 2026-12-07 (jilin-gxq-2026-fbh)
	heldOut16AverageFloor = 0.76 // ratchet: average 0.789 at 15:40 on 2026-12-07 (0.657 at first sight)
	// testdata/heldout17: batch 23, kept out of every rule writer's sight
	// and scored at first sight on main at edd0c7e (0.638; 0.630 at the
	// session's start, 6259cfb).
	heldOut17DocFloor     = 0.56 // ratchet: worst document 0.593 at 15:40 on 2026-12-07 (suining-jkq-2026-zstp)
	heldOut17AverageFloor = 0.74 // ratchet: average 0.766 at 15:40 on 2026-12-07 (0.638 at first sight)
	// testdata/heldout18: batch 24, kept out of every rule writer's sight
	// and scored at first sight on main at 1ea6699 (0.729).
	heldOut18DocFloor     = 0.77 // ratchet: worst document 0.800 at 15:40 on 2026-12-07 (yidu-jxj-2026-rdjy; 0.622 at first sight, xuchang)
	heldOut18AverageFloor = 0.80 // ratchet: average 0.832 at 15:40 on 2026-12-07 (0.729 at first sight)
	// formatsLoss is how much lower a development document may score when
	// read from HTML, .docx or PDF than from its plain text.
	formatsLoss = 0.05
)

// sharedDir is ../shared relative to the repository root, where CI clones
// shared/ beside the repository.
const sharedDir = "../../shared"

// scoreRow is one line of kgscore.py's table.
type scoreRow struct {
	Name                 string
	Precision, Recall, F float64
	Detail               string
}

// score is kgscore.py's verdict on one extraction.
type score struct {
	Rows    []scoreRow
	Overall float64
	Text    string // the scorer's output, as printed
}

// needScorer skips (or, with KG_REQUIRE_SCORER=1 as CI sets it, fails) when
// the scorer cannot run here.
func needScorer(t *testing.T) string {
	t.Helper()
	script := filepath.Join(sharedDir, "tools", "kgscore.py")
	why := ""
	if _, err := exec.LookPath("python3"); err != nil {
		why = "python3 not found on PATH"
	} else if _, err := os.Stat(script); err != nil {
		why = fmt.Sprintf("scorer %s not found (shared/ must be cloned beside the repository)", script)
	}
	if why == "" {
		return script
	}
	if os.Getenv("KG_REQUIRE_SCORER") == "1" {
		t.Fatalf("KG_REQUIRE_SCORER=1 but %s", why)
	}
	t.Skipf("quality not scored: %s (set KG_REQUIRE_SCORER=1 to make this a failure)", why)
	return ""
}

// runScorer writes x as the contract's JSON and scores it against gold.
func runScorer(t *testing.T, script, gold string, x *kg.Extraction) score {
	t.Helper()
	out, err := json.MarshalIndent(x, "", " ")
	if err != nil {
		t.Fatalf("marshal extraction: %v", err)
	}
	path := filepath.Join(t.TempDir(), strings.TrimSuffix(filepath.Base(gold), ".gold.json")+".json")
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "python3", script, gold, path, "--why")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	text, err := cmd.Output()
	if err != nil {
		t.Fatalf("kgscore.py %s %s: %v\n%s", gold, path, err, stderr.String())
	}
	s, err := parseScore(string(text))
	if err != nil {
		t.Fatalf("kgscore.py output: %v\n%s", err, text)
	}
	return s
}

var scoreLine = regexp.MustCompile(`^(\S.*?)\s+([0-9]+\.[0-9]+)\s+([0-9]+\.[0-9]+)\s+([0-9]+\.[0-9]+)\s*(.*)$`)

// parseScore reads kgscore.py's table: a header, one line per row
// ("entity Enterprise  0.900  0.800  0.847   9/10 right, 8/10 found"),
// optional --why lists, and "overall F1 = 0.xxx" last.
func parseScore(text string) (score, error) {
	s := score{Text: text, Overall: -1}
	sc := bufio.NewScanner(strings.NewReader(text))
	inTable := true
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if v, ok := strings.CutPrefix(line, "overall F1 = "); ok {
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil {
				return s, fmt.Errorf("overall line %q: %w", line, err)
			}
			s.Overall = f
			continue
		}
		if line == "" || strings.HasPrefix(line, "missed") || strings.HasPrefix(line, "not in the reference") {
			inTable = inTable && line == "" && len(s.Rows) == 0
			continue
		}
		if !inTable || strings.HasPrefix(line, "precision") {
			continue
		}
		m := scoreLine.FindStringSubmatch(line)
		if m == nil {
			return s, fmt.Errorf("row %q: want NAME PRECISION RECALL F1 DETAIL", line)
		}
		var nums [3]float64
		for i, v := range m[2:5] {
			n, err := strconv.ParseFloat(v, 64)
			if err != nil {
				return s, fmt.Errorf("row %q: %w", line, err)
			}
			nums[i] = n
		}
		s.Rows = append(s.Rows, scoreRow{Name: m[1], Precision: nums[0], Recall: nums[1], F: nums[2], Detail: m[5]})
	}
	if s.Overall < 0 {
		return s, errors.New("no overall F1 line")
	}
	if len(s.Rows) == 0 {
		return s, errors.New("no score rows")
	}
	return s, nil
}

// table renders rows for t.Log.
func (s score) table() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-22s %9s %9s %7s\n", "", "precision", "recall", "F1")
	for _, r := range s.Rows {
		fmt.Fprintf(&b, "%-22s %9.3f %9.3f %7.3f   %s\n", r.Name, r.Precision, r.Recall, r.F, r.Detail)
	}
	fmt.Fprintf(&b, "overall F1 = %.3f", s.Overall)
	return b.String()
}

// extractFile runs a fresh extractor over one file, as kg extract does.
func extractFile(t *testing.T, path string) *kg.Extraction {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ex, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatalf("extract.New: %v", err)
	}
	x, err := ex.Extract(filepath.Base(path), data)
	if err != nil {
		t.Fatalf("Extract(%s) failed, so it cannot be scored: %v", path, err)
	}
	return x
}

// docPath is the document NAME.gold.json annotates in dir: NAME.txt, or
// the one other NAME.* (a saved web page, NAME.html, or another format
// the extractor reads).
func docPath(t *testing.T, dir, name string) string {
	t.Helper()
	if p := filepath.Join(dir, name+".txt"); fileExists(p) {
		return p
	}
	all, err := filepath.Glob(filepath.Join(dir, name+".*"))
	if err != nil {
		t.Fatal(err)
	}
	var docs []string
	for _, p := range all {
		if !strings.HasSuffix(p, ".gold.json") {
			docs = append(docs, p)
		}
	}
	if len(docs) != 1 {
		t.Fatalf("%s: want one document beside %s.gold.json, found %q", dir, name, docs)
	}
	return docs[0]
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// goldDocs lists the documents of dir: every NAME.gold.json with its
// document (docPath).
func goldDocs(t *testing.T, dir string) (names []string) {
	t.Helper()
	golds, err := filepath.Glob(filepath.Join(dir, "*.gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range golds {
		names = append(names, strings.TrimSuffix(filepath.Base(g), ".gold.json"))
	}
	if len(names) < 3 {
		t.Fatalf("%s has %d documents, want at least 3", dir, len(names))
	}
	return names
}

// ourGolds lists the gold files of the development and held-out sets.
func ourGolds(t *testing.T) []string {
	t.Helper()
	var paths []string
	for _, name := range devDocs(t) {
		paths = append(paths, filepath.Join("testdata", "dev", name+".gold.json"))
	}
	for _, name := range goldDocs(t, filepath.Join("testdata", "heldout")) {
		paths = append(paths, filepath.Join("testdata", "heldout", name+".gold.json"))
	}
	return paths
}

// devDocs lists the development set, which must keep at least 6 documents.
func devDocs(t *testing.T) []string {
	t.Helper()
	names := goldDocs(t, filepath.Join("testdata", "dev"))
	if len(names) < 6 {
		t.Fatalf("development set has %d documents, want at least 6", len(names))
	}
	return names
}

func TestQualitySample(t *testing.T) {
	script := needScorer(t)
	corpus := filepath.Join(sharedDir, "corpus")
	x := extractFile(t, filepath.Join(corpus, "etown-2022.txt"))
	s := runScorer(t, script, filepath.Join(corpus, "etown-2022.gold.json"), x)
	t.Logf("etown-2022 (sample):\n%s", s.table())
	if s.Overall < sampleOverallFloor {
		t.Errorf("sample overall F1 = %.3f, want ≥ %.2f\n%s", s.Overall, sampleOverallFloor, s.Text)
	}
	for _, r := range s.Rows {
		if r.F < sampleRowFloor {
			t.Errorf("sample row %q F1 = %.3f, want ≥ %.2f", r.Name, r.F, sampleRowFloor)
		}
	}
}

func TestQualityDev(t *testing.T) {
	scoreSet(t, filepath.Join("testdata", "dev"), devDocFloor, devAverageFloor)
}

// TestQualityHeldOut scores the documents written after the extractor, so
// that their first score was a true held-out figure (testdata/heldout/README.md
// keeps it). Once committed they are seen like the development set, and
// their floors ratchet the same way.
func TestQualityHeldOut(t *testing.T) {
	scoreSet(t, filepath.Join("testdata", "heldout"), heldOutDocFloor, heldOutAverageFloor)
}

// TestQualityHeldOut2 scores the batches of testdata/heldout2/README.md.
func TestQualityHeldOut2(t *testing.T) {
	scoreSet(t, filepath.Join("testdata", "heldout2"), heldOut2DocFloor, heldOut2AverageFloor)
}

// TestQualityHeldOut3 scores batch 8 (testdata/heldout3/README.md).
func TestQualityHeldOut3(t *testing.T) {
	scoreSet(t, filepath.Join("testdata", "heldout3"), heldOut3DocFloor, heldOut3AverageFloor)
}

// TestQualityHeldOut4 scores batch 9 (testdata/heldout4/README.md).
func TestQualityHeldOut4(t *testing.T) {
	scoreSet(t, filepath.Join("testdata", "heldout4"), heldOut4DocFloor, heldOut4AverageFloor)
}

// TestQualityHeldOut5 scores batch 10 (testdata/heldout5/README.md).
func TestQualityHeldOut5(t *testing.T) {
	scoreSet(t, filepath.Join("testdata", "heldout5"), heldOut5DocFloor, heldOut5AverageFloor)
}

// TestQualityHeldOut6 scores batch 11 (testdata/heldout6/README.md).
func TestQualityHeldOut6(t *testing.T) {
	scoreSet(t, filepath.Join("testdata", "heldout6"), heldOut6DocFloor, heldOut6AverageFloor)
}

// TestQualityHeldOut7 scores batch 12 (testdata/heldout7/README.md).
func TestQualityHeldOut7(t *testing.T) {
	scoreSet(t, filepath.Join("testdata", "heldout7"), heldOut7DocFloor, heldOut7AverageFloor)
}

// TestQualityHeldOut8 scores batch 13 (testdata/heldout8/README.md).
func TestQualityHeldOut8(t *testing.T) {
	scoreSet(t, filepath.Join("testdata", "heldout8"), heldOut8DocFloor, heldOut8AverageFloor)
}

// TestQualityHeldOut9 scores batch 15 (testdata/heldout9/README.md).
func TestQualityHeldOut9(t *testing.T) {
	scoreSet(t, filepath.Join("testdata", "heldout9"), heldOut9DocFloor, heldOut9AverageFloor)
}

// TestQualityHeldOut10 scores batch 16 (testdata/heldout10/README.md).
func TestQualityHeldOut10(t *testing.T) {
	scoreSet(t, filepath.Join("testdata", "heldout10"), heldOut10DocFloor, heldOut10AverageFloor)
}

// TestQualityHeldOut11 scores batch 17 (testdata/heldout11/README.md).
func TestQualityHeldOut11(t *testing.T) {
	scoreSet(t, filepath.Join("testdata", "heldout11"), heldOut11DocFloor, heldOut11AverageFloor)
}

// TestQualityHeldOut12 scores batch 18 (testdata/heldout12/README.md).
func TestQualityHeldOut12(t *testing.T) {
	scoreSet(t, filepath.Join("testdata", "heldout12"), heldOut12DocFloor, heldOut12AverageFloor)
}

// TestQualityHeldOut13 scores batch 20 (testdata/heldout13/README.md).
func TestQualityHeldOut13(t *testing.T) {
	scoreSet(t, filepath.Join("testdata", "heldout13"), heldOut13DocFloor, heldOut13AverageFloor)
}

// TestQualityHeldOut14 scores batch 19 (testdata/heldout14/README.md).
func TestQualityHeldOut14(t *testing.T) {
	scoreSet(t, filepath.Join("testdata", "heldout14"), heldOut14DocFloor, heldOut14AverageFloor)
}

// TestQualityHeldOut15 scores batch 21 (testdata/heldout15/README.md).
func TestQualityHeldOut15(t *testing.T) {
	scoreSet(t, filepath.Join("testdata", "heldout15"), heldOut15DocFloor, heldOut15AverageFloor)
}

// TestQualityHeldOut16 scores batch 22 (testdata/heldout16/README.md).
func TestQualityHeldOut16(t *testing.T) {
	scoreSet(t, filepath.Join("testdata", "heldout16"), heldOut16DocFloor, heldOut16AverageFloor)
}

// TestQualityHeldOut17 scores batch 23 (testdata/heldout17/README.md).
func TestQualityHeldOut17(t *testing.T) {
	scoreSet(t, filepath.Join("testdata", "heldout17"), heldOut17DocFloor, heldOut17AverageFloor)
}

// TestQualityHeldOut18 scores batch 24 (testdata/heldout18/README.md).
func TestQualityHeldOut18(t *testing.T) {
	scoreSet(t, filepath.Join("testdata", "heldout18"), heldOut18DocFloor, heldOut18AverageFloor)
}

// scoreSet extracts and scores every document with a NAME.gold.json in dir,
// and checks each document against docFloor and the set's average against
// avgFloor.
func scoreSet(t *testing.T, dir string, docFloor, avgFloor float64) {
	script := needScorer(t)
	names := goldDocs(t, dir)
	var sum float64
	var summary strings.Builder
	scored := 0
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			x := extractFile(t, docPath(t, dir, name))
			s := runScorer(t, script, filepath.Join(dir, name+".gold.json"), x)
			t.Logf("%s:\n%s", name, s.table())
			if testing.Verbose() {
				t.Logf("%s, what was missed and what is not in the reference:\n%s", name, s.Text)
			}
			if s.Overall < docFloor {
				t.Errorf("%s overall F1 = %.3f, below the per-document floor %.2f", name, s.Overall, docFloor)
			}
			sum += s.Overall
			scored++
			fmt.Fprintf(&summary, "%-22s %.3f\n", name, s.Overall)
		})
	}
	if scored != len(names) {
		t.Fatalf("only %d of %d documents in %s could be scored", scored, len(names), dir)
	}
	avg := sum / float64(scored)
	t.Logf("%s:\n%s%-22s %.3f", dir, summary.String(), "average", avg)
	if avg < avgFloor {
		t.Errorf("%s average F1 = %.3f, below the floor %.2f", dir, avg, avgFloor)
	}
}

// goldFile is the reference annotation format of shared/corpus/*.gold.json.
type goldFile struct {
	Document   string              `json:"document"`
	About      string              `json:"about"`
	Entities   [][]json.RawMessage `json:"entities"`
	Relations  [][]json.RawMessage `json:"relations"`
	Indicators [][]json.RawMessage `json:"indicators"`
}

type goldEntity struct {
	Types   []string
	Name    string
	Aliases []string
	Core    int
}

type goldRelation struct {
	S, P, O string
	Core    int
}

type goldIndicator struct {
	Name   string
	Values []float64
	Unit   string
	Core   int
}

type gold struct {
	Document, About string
	Entities        []goldEntity
	Relations       []goldRelation
	Indicators      []goldIndicator
}

// readGold parses a gold file strictly: every row must have the shape of
// the sample's rows.
func readGold(path string) (*gold, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var f goldFile
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	g := &gold{Document: f.Document, About: f.About}
	// row decodes a 4-element array into dst, element by element.
	row := func(kind string, i int, r []json.RawMessage, dst ...any) error {
		if len(r) != len(dst) {
			return fmt.Errorf("%s: %s %d has %d elements, want %d", path, kind, i, len(r), len(dst))
		}
		for k := range r {
			if err := json.Unmarshal(r[k], dst[k]); err != nil {
				return fmt.Errorf("%s: %s %d element %d: %w", path, kind, i, k, err)
			}
		}
		return nil
	}
	for i, r := range f.Entities {
		var e goldEntity
		var types string
		if err := row("entity", i, r, &types, &e.Name, &e.Aliases, &e.Core); err != nil {
			return nil, err
		}
		e.Types = strings.Split(types, "|")
		g.Entities = append(g.Entities, e)
	}
	for i, r := range f.Relations {
		var x goldRelation
		if err := row("relation", i, r, &x.S, &x.P, &x.O, &x.Core); err != nil {
			return nil, err
		}
		g.Relations = append(g.Relations, x)
	}
	for i, r := range f.Indicators {
		var x goldIndicator
		if err := row("indicator", i, r, &x.Name, &x.Values, &x.Unit, &x.Core); err != nil {
			return nil, err
		}
		g.Indicators = append(g.Indicators, x)
	}
	return g, nil
}

// TestDevGold checks the development set's annotations against the format
// and the ontology, so that a typo in a gold file fails here instead of
// silently lowering a score.
func TestDevGold(t *testing.T) {
	types := []string{kg.TypeEnterprise, kg.TypeOrganization, kg.TypeProject, kg.TypeProduct, kg.TypeIndustry, kg.TypePlace}
	preds := []string{kg.PredInIndustry, kg.PredSubIndustryOf, kg.PredHasProject, kg.PredDevelops, kg.PredStage, kg.PredLocatedIn, kg.PredPartOf}
	for _, path := range ourGolds(t) {
		dir, name := filepath.Dir(path), strings.TrimSuffix(filepath.Base(path), ".gold.json")
		t.Run(name, func(t *testing.T) {
			g, err := readGold(path)
			if err != nil {
				t.Fatal(err)
			}
			if g.Document != name+".txt" || g.About == "" {
				t.Errorf("document = %q, about = %q: want %q and a description", g.Document, g.About, name+".txt")
			}
			if st, err := os.Stat(filepath.Join(dir, g.Document)); err != nil || st.Size() < 1000 {
				t.Errorf("document %s: missing or under 1 KB (%v)", g.Document, err)
			}
			known := map[string]bool{}
			for _, e := range g.Entities {
				for _, ty := range e.Types {
					if !slices.Contains(types, ty) {
						t.Errorf("entity %s: unknown type %q", e.Name, ty)
					}
				}
				if e.Core != 0 && e.Core != 1 {
					t.Errorf("entity %s: core = %d, want 0 or 1", e.Name, e.Core)
				}
				known[e.Name] = true
				for _, a := range e.Aliases {
					known[a] = true
				}
			}
			for _, r := range g.Relations {
				switch {
				case !slices.Contains(preds, r.P):
					t.Errorf("relation %v: unknown predicate", r)
				case !known[r.S]:
					t.Errorf("relation %v: subject is no annotated entity", r)
				case r.P == kg.PredStage && !slices.Contains(kg.Stages, r.O):
					t.Errorf("relation %v: not in the stage vocabulary", r)
				case r.P != kg.PredStage && !known[r.O]:
					t.Errorf("relation %v: object is no annotated entity", r)
				}
			}
			for _, ind := range g.Indicators {
				if ind.Name == "" || len(ind.Values) == 0 || ind.Unit == "" {
					t.Errorf("indicator %v: want a name, values and a unit", ind)
				}
			}
		})
	}
}

// goldAsExtraction turns a reference annotation into the contract's JSON,
// as a perfect extractor would write it.
func goldAsExtraction(g *gold) *kg.Extraction {
	x := &kg.Extraction{Documents: []kg.Document{}, Entities: []kg.Entity{}, Relations: []kg.Relation{}, Indicators: []kg.Indicator{}}
	ids := map[string]string{}
	for _, e := range g.Entities {
		id := strings.ToLower(e.Types[0]) + "/" + e.Name
		if _, dup := ids[e.Name]; !dup {
			ids[e.Name] = id
			x.Entities = append(x.Entities, kg.Entity{ID: id, Type: e.Types[0], Name: e.Name, Aliases: e.Aliases})
		}
	}
	for _, e := range g.Entities {
		for _, a := range e.Aliases {
			if _, ok := ids[a]; !ok {
				ids[a] = ids[e.Name]
			}
		}
	}
	for _, r := range g.Relations {
		rel := kg.Relation{Subject: ids[r.S], Predicate: r.P, Evidence: []kg.Evidence{}}
		if r.P == kg.PredStage {
			rel.Value = r.O
		} else {
			rel.Object = ids[r.O]
		}
		x.Relations = append(x.Relations, rel)
	}
	for i, ind := range g.Indicators {
		x.Indicators = append(x.Indicators, kg.Indicator{ID: strconv.Itoa(i), Name: ind.Name, Value: ind.Values[0], Unit: ind.Unit, Evidence: []kg.Evidence{}})
	}
	return x
}

// TestGoldScoresItself runs the scorer on each reference written as an
// extraction: anything under 1.0 means an annotation the scorer reads
// differently from its author (a relation to a name of the wrong type, a
// core row that nothing can match).
func TestGoldScoresItself(t *testing.T) {
	script := needScorer(t)
	golds := []string{filepath.Join(sharedDir, "corpus", "etown-2022.gold.json")}
	golds = append(golds, ourGolds(t)...)
	for _, path := range golds {
		t.Run(filepath.Base(path), func(t *testing.T) {
			g, err := readGold(path)
			if err != nil {
				t.Fatal(err)
			}
			s := runScorer(t, script, path, goldAsExtraction(g))
			if s.Overall != 1 {
				t.Errorf("the reference scores %.3f against itself, want 1.000\n%s", s.Overall, s.Text)
			}
		})
	}
}

func TestParseScore(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		rows    int
		overall float64
		wantErr bool
	}{
		{"table", "                       precision    recall      F1\n" +
			"entity Enterprise          0.900     0.800   0.847   9/10 right, 8/10 found\n" +
			"indicators                 1.000     1.000   1.000   2/2 right, 2/2 found\n" +
			"overall F1 = 0.923\n", 2, 0.923, false},
		{"with why", "                       precision    recall      F1\n" +
			"relation stage             0.500     0.250   0.333   1/2 right, 1/4 found\n\n" +
			"missed (core):\n  - stage A -> 开工\n\nnot in the reference:\n  + Enterprise 1.5 0.3 x\n" +
			"overall F1 = 0.333\n", 1, 0.333, false},
		{"no overall", "entity Place 1.000 1.000 1.000   1/1 right, 1/1 found\n", 0, 0, true},
		{"garbage row", "entity Place x y z\noverall F1 = 0.5\n", 0, 0, true},
		{"empty", "", 0, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := parseScore(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			if len(s.Rows) != tt.rows || s.Overall != tt.overall {
				t.Errorf("rows = %d, overall = %v; want %d, %v", len(s.Rows), s.Overall, tt.rows, tt.overall)
			}
		})
	}
}
