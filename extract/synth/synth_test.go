package synth

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// flat removes what PDF conversion adds (line breaks, spaces), so that
// planted names can be looked up in the text.
func flat(s string) string {
	return strings.NewReplacer("\n", "", " ", "").Replace(s)
}

func TestDeterministic(t *testing.T) {
	t.Parallel()
	opts := Options{Seed: 42, GB18030Share: 0.3, PDFShare: 0.5}
	a, b := New(opts), New(opts)
	other := New(Options{Seed: 43, GB18030Share: 0.3, PDFShare: 0.5})
	for _, i := range []int{0, 1, 7, 999, 123456} {
		da, db := a.Generate(i), b.Generate(i)
		if !bytes.Equal(da.Data, db.Data) {
			t.Errorf("doc %d: same seed, different bytes", i)
		}
		ja, _ := json.Marshal(da.Truth)
		jb, _ := json.Marshal(db.Truth)
		if !bytes.Equal(ja, jb) {
			t.Errorf("doc %d: same seed, different truth", i)
		}
		if bytes.Equal(da.Data, other.Generate(i).Data) {
			t.Errorf("doc %d: seeds 42 and 43 wrote the same bytes", i)
		}
		if i > 0 && bytes.Equal(da.Data, a.Generate(i-1).Data) {
			t.Errorf("docs %d and %d are the same", i-1, i)
		}
	}
}

func TestReports(t *testing.T) {
	t.Parallel()
	const n = 400
	g := New(Options{Seed: 1, GB18030Share: 0.2, PDFShare: 0.3})
	stages := map[string]bool{}
	planned := map[bool]bool{}
	var gb, pdf, implicit, full, acronym int
	for i := range n {
		d := g.Generate(i)
		tr := d.Truth
		if d.Name != Name(i) || tr.Document != d.Name {
			t.Fatalf("doc %d named %q/%q", i, d.Name, tr.Document)
		}
		text := d.Text
		if d.Encoding == "gb18030" {
			gb++
			dec, err := simplifiedchinese.GB18030.NewDecoder().Bytes(d.Data)
			if err != nil || string(dec) != text {
				t.Fatalf("%s: GB18030 bytes do not decode to the text (%v)", d.Name, err)
			}
		} else if string(d.Data) != text {
			t.Fatalf("%s: UTF-8 bytes differ from the text", d.Name)
		}
		if tr.PDF {
			pdf++
		}
		if len(text) < 2000 || len(text) > 21*1024 {
			t.Errorf("%s: %d bytes, want 2–21 KB", d.Name, len(text))
		}
		ft := flat(text)
		if !strings.HasPrefix(ft, flat(tr.Title)) || !strings.Contains(tr.Title, "工作总结") {
			t.Errorf("%s: title %q does not open the text", d.Name, tr.Title)
		}
		for _, s := range []string{"一、", "。"} {
			if !strings.Contains(ft, s) {
				t.Errorf("%s: no %q", d.Name, s)
			}
		}
		if len(tr.Chains) == 0 || len(tr.Firms) == 0 || len(tr.Projects) == 0 || len(tr.Stages) == 0 || len(tr.Indicators) == 0 {
			t.Errorf("%s: truth too thin: %d chains %d firms %d projects %d stages %d indicators",
				d.Name, len(tr.Chains), len(tr.Firms), len(tr.Projects), len(tr.Stages), len(tr.Indicators))
		}
		for _, c := range tr.Chains {
			if !strings.Contains(ft, c) {
				t.Errorf("%s: chain %q not in text", d.Name, c)
			}
		}
		for _, f := range tr.Firms {
			if strings.Count(ft, f.Name) == 0 {
				t.Errorf("%s: firm %q not in text", d.Name, f.Name)
			}
			if f.FullName != "" {
				full++
				if !strings.Contains(ft, f.FullName) {
					t.Errorf("%s: full name %q not in text", d.Name, f.FullName)
				}
			}
			if isAcronym(f.Name) {
				acronym++
			}
		}
		for _, p := range tr.Projects {
			if !strings.Contains(ft, p.Name) {
				t.Errorf("%s: project %q not in text", d.Name, p.Name)
			}
			if p.Owner != "" && !strings.HasPrefix(p.Name, p.Owner) && !strings.HasPrefix(p.Owner, p.Name[:3]) {
				t.Errorf("%s: project %q does not start with its owner %q", d.Name, p.Name, p.Owner)
			}
		}
		for _, s := range tr.Stages {
			stages[s.Stage] = true
			planned[s.Planned] = true
			if !strings.Contains(ft, s.Text) || !strings.Contains(s.Text, s.Subject) {
				t.Errorf("%s: stage %+v: text not in report or subject not in text", d.Name, s)
			}
			if strings.Contains(s.Text, "等") {
				implicit++
			}
		}
		for _, p := range tr.Products {
			if !strings.Contains(ft, "“"+p.Name+"”") {
				t.Errorf("%s: product %q not quoted in text", d.Name, p.Name)
			}
		}
	}
	for _, s := range stageOrder {
		if !stages[s] {
			t.Errorf("stage %s never planted in %d reports", s, n)
		}
	}
	if !planned[true] || !planned[false] {
		t.Errorf("planned and stated stages not both planted: %v", planned)
	}
	for _, c := range []struct {
		what     string
		got, min int
	}{
		{"GB18030 reports", gb, n / 10}, {"PDF reports", pdf, n / 6}, {"implicit projects", implicit, n},
		{"full legal names", full, n}, {"acronym firms", acronym, n / 10},
	} {
		if c.got < c.min {
			t.Errorf("%s: %d in %d reports, want ≥ %d", c.what, c.got, n, c.min)
		}
	}
}

// TestFirmsRecur checks that the shared pool makes firms recur across
// reports, as they do in a real corpus.
func TestFirmsRecur(t *testing.T) {
	t.Parallel()
	g := New(Options{Seed: 5, SharedFirms: 200})
	seen := map[string]int{}
	for i := range 50 {
		for _, f := range g.Generate(i).Truth.Firms {
			seen[f.Name]++
		}
	}
	var recur int
	for _, n := range seen {
		if n > 1 {
			recur++
		}
	}
	if recur < 20 {
		t.Errorf("%d firms recur across 50 reports, want ≥ 20", recur)
	}
}

func TestWrite(t *testing.T) {
	t.Parallel()
	g := New(Options{Seed: 9, GB18030Share: 0.5, PDFShare: 0.5})
	dirs := make([]string, 0, 2)
	for _, workers := range []int{1, 3} {
		dir := filepath.Join(t.TempDir(), "corpus")
		st, err := g.Write(context.Background(), WriteOptions{Dir: dir, Docs: 12, Truth: true, Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		if st.Docs != 12 || st.Bytes <= 0 || st.TextBytes < st.Bytes {
			t.Errorf("workers %d: stats %+v", workers, st)
		}
		dirs = append(dirs, dir)
	}
	for i := range 12 {
		for _, ext := range []string{".txt", ".truth.json"} {
			a, err := os.ReadFile(filepath.Join(dirs[0], Name(i)+ext))
			if err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(filepath.Join(dirs[1], Name(i)+ext))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a, b) {
				t.Errorf("%s%s differs between 1 and 3 workers", Name(i), ext)
			}
			if ext == ".truth.json" {
				var tr Truth
				if err := json.Unmarshal(a, &tr); err != nil || tr.Document != Name(i) {
					t.Errorf("%s: truth does not parse: %v", Name(i), err)
				}
				if !bytes.Contains(a, []byte(`"products": [`)) && !bytes.Contains(a, []byte(`"products": []`)) {
					t.Errorf("%s: empty lists must be [], not null", Name(i))
				}
			}
		}
	}
}

func TestWriteErrors(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, c := range []struct {
		name string
		ctx  context.Context
		o    WriteOptions
	}{
		{"negative", context.Background(), WriteOptions{Dir: t.TempDir(), Docs: -1}},
		{"dir is a file", context.Background(), WriteOptions{Dir: file, Docs: 3}},
		{"cancelled", ctx, WriteOptions{Dir: t.TempDir(), Docs: 1000}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if _, err := New(Options{}).Write(c.ctx, c.o); err == nil {
				t.Error("no error")
			}
		})
	}
}

func BenchmarkGenerate(b *testing.B) {
	g := New(Options{Seed: 1, GB18030Share: 0.1, PDFShare: 0.3})
	var n int64
	for i := 0; b.Loop(); i++ {
		d := g.Generate(i)
		n += int64(len(d.Text))
	}
	b.SetBytes(n / int64(b.N))
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}
