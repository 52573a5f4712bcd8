package extract

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// benchCorpusSize is the least size of a benchmark corpus.
const benchCorpusSize = 20 << 20

// corpusSet names the documents a benchmark corpus is varied from.
type corpusSet int

const (
	// reportsSet is every report of the genre the tests hold with its
	// reference annotation: the bundled sample, the development set and
	// the held-out batches (plain-text files; the batches' PDF, web and
	// .docx documents are left out, since their variants could not be
	// made by rewriting text). About eighty reports of some sixty zones,
	// written as summaries, plans, press releases, tables and speeches.
	reportsSet corpusSet = iota
	// denseSet is the sample and the development set alone: short
	// documents written to exercise the rules, with twice to four times
	// the relations a kilobyte of the other reports holds. It is the
	// slow end of what the extractor reads.
	denseSet
)

var corpora [2]struct {
	once sync.Once
	docs [][]byte
	err  error
}

// benchCorpus builds ≥20 MB of UTF-8 reports from the documents of set,
// varied so that no two are the same: digits are shifted and paragraphs
// rotated in each copy.
func benchCorpus(b *testing.B, set corpusSet) ([][]byte, int) {
	b.Helper()
	c := &corpora[set]
	c.once.Do(func() {
		var bases []string
		_, s := Sample()
		bases = append(bases, string(s))
		pattern := filepath.Join("testdata", "*", "*.txt")
		if set == denseSet {
			pattern = filepath.Join("testdata", "dev", "*.txt")
		}
		files, _ := filepath.Glob(pattern)
		for _, f := range files {
			// A report has its annotation beside it (score lists and
			// notes do not).
			if _, err := os.Stat(strings.TrimSuffix(f, ".txt") + ".gold.json"); err != nil {
				continue
			}
			data, err := os.ReadFile(f)
			if err != nil {
				c.err = err
				return
			}
			text, err := decode(f, data)
			if err != nil {
				c.err = err
				return
			}
			bases = append(bases, text)
		}
		total := 0
		for k := 0; total < benchCorpusSize; k++ {
			doc := vary(bases[k%len(bases)], k)
			c.docs = append(c.docs, []byte(doc))
			total += len(doc)
		}
	})
	if c.err != nil {
		b.Fatal(c.err)
	}
	total := 0
	for _, d := range c.docs {
		total += len(d)
	}
	return c.docs, total
}

// vary returns a variant of a report: digits shifted by k, body paragraphs
// rotated by k.
func vary(text string, k int) string {
	lines := strings.Split(text, "\n")
	if len(lines) > 3 {
		body := lines[1:]
		r := k % len(body)
		lines = append([]string{lines[0]}, append(append([]string{}, body[r:]...), body[:r]...)...)
	}
	out := []byte(strings.Join(lines, "\n"))
	shift := byte(k % 10)
	for i, c := range out {
		if c >= '0' && c <= '9' {
			out[i] = '0' + (c-'0'+shift)%10
		}
	}
	return string(out)
}

// BenchmarkExtract measures the whole extraction (decoding, normalization,
// structure, rules, indicators) on one core over a ≥20 MB corpus of the
// genre's reports (reportsSet). Beside MB/s by the clock it reports
// cpu-MB/s by the process's CPU time, which other processes on a busy
// machine change less (run it with -cpu 1, so that the collector's time
// is counted on the same core).
func BenchmarkExtract(b *testing.B) { benchExtract(b, reportsSet) }

// BenchmarkExtractDense is BenchmarkExtract on the densest documents
// (denseSet): the slow end.
func BenchmarkExtractDense(b *testing.B) { benchExtract(b, denseSet) }

func benchExtract(b *testing.B, set corpusSet) {
	docs, total := benchCorpus(b, set)
	ex := newTestExtractor(b)
	b.SetBytes(int64(total))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		for j, d := range docs {
			if _, err := ex.Extract("bench-"+strconv.Itoa(j)+".txt", d); err != nil {
				b.Fatal(err)
			}
		}
	}
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(total)*float64(b.N)/cpu.Seconds()/1e6, "cpu-MB/s")
	}
}

// BenchmarkExtractSample is the quick loop: the sample report alone.
func BenchmarkExtractSample(b *testing.B) {
	ex := newTestExtractor(b)
	name, data := Sample()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := ex.Extract(name, data); err != nil {
			b.Fatal(err)
		}
	}
}

// jiebaScript segments a file with python3-jieba's default (accurate) mode
// and prints the seconds the segmentation took, dictionary loading excluded.
const jiebaScript = `
import sys, time, jieba
jieba.setLogLevel(60)
jieba.initialize()
text = open(sys.argv[1], encoding="utf-8").read()
t = time.time()
n = 0
for _ in jieba.cut(text):
    n += 1
print(time.time() - t, n)
`

// BenchmarkJiebaPeer runs Debian's python3-jieba plain segmentation on the
// same corpus as BenchmarkExtract, so that one run prints both side by side.
// The MB/s column counts the whole process (interpreter and dictionary
// included); seg-MB/s counts the segmentation alone.
func BenchmarkJiebaPeer(b *testing.B) { benchJieba(b, reportsSet) }

// BenchmarkJiebaPeerDense is BenchmarkJiebaPeer on BenchmarkExtractDense's
// corpus.
func BenchmarkJiebaPeerDense(b *testing.B) { benchJieba(b, denseSet) }

func benchJieba(b *testing.B, set corpusSet) {
	const python = "/usr/bin/python3"
	if err := exec.Command(python, "-c", "import jieba").Run(); err != nil {
		b.Skip("python3-jieba is not installed (apt-get install -y python3-jieba): ", err)
	}
	docs, total := benchCorpus(b, set)
	f := filepath.Join(b.TempDir(), "corpus.txt")
	if err := os.WriteFile(f, bytes.Join(docs, []byte("\n")), 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(total))
	b.ResetTimer()
	var seg float64
	for i := 0; i < b.N; i++ {
		out, err := exec.Command(python, "-c", jiebaScript, f).Output()
		if err != nil {
			b.Fatalf("jieba: %v", err)
		}
		var words int
		if _, err := fmt.Sscan(string(out), &seg, &words); err != nil || words == 0 {
			b.Fatalf("jieba printed %q", out)
		}
	}
	b.ReportMetric(float64(total)/seg/1e6, "seg-MB/s")
}
