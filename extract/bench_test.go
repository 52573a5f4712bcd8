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

// benchCorpusSize is the least size of the benchmark corpus.
const benchCorpusSize = 20 << 20

var (
	corpusOnce sync.Once
	corpusDocs [][]byte
	corpusErr  error
)

// benchCorpus builds ≥20 MB of UTF-8 reports from the sample and the
// development documents, varied so that no two are the same: digits are
// shifted and paragraphs rotated in each copy.
func benchCorpus(b *testing.B) ([][]byte, int) {
	b.Helper()
	corpusOnce.Do(func() {
		ex, err := New(Options{})
		if err != nil {
			corpusErr = err
			return
		}
		var bases []string
		_, s := Sample()
		bases = append(bases, string(s))
		files, _ := filepath.Glob(filepath.Join("testdata", "dev", "*.txt"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				corpusErr = err
				return
			}
			text, err := decode(f, data)
			if err != nil {
				continue
			}
			bases = append(bases, text)
		}
		_ = ex
		total := 0
		for k := 0; total < benchCorpusSize; k++ {
			doc := vary(bases[k%len(bases)], k)
			corpusDocs = append(corpusDocs, []byte(doc))
			total += len(doc)
		}
	})
	if corpusErr != nil {
		b.Fatal(corpusErr)
	}
	total := 0
	for _, d := range corpusDocs {
		total += len(d)
	}
	return corpusDocs, total
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
// structure, rules, indicators) on one core over a ≥20 MB corpus. Beside
// MB/s by the clock it reports cpu-MB/s by the process's CPU time, which
// other processes on a busy machine change less (run it with -cpu 1, so
// that the collector's time is counted on the same core).
func BenchmarkExtract(b *testing.B) {
	docs, total := benchCorpus(b)
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
func BenchmarkJiebaPeer(b *testing.B) {
	const python = "/usr/bin/python3"
	if err := exec.Command(python, "-c", "import jieba").Run(); err != nil {
		b.Skip("python3-jieba is not installed (apt-get install -y python3-jieba): ", err)
	}
	docs, total := benchCorpus(b)
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
