package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGen(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name      string
		args      []string
		usage     bool
		files     int
		wantTruth bool
	}{
		{"three reports", []string{"--docs", "3", "--seed", "5"}, false, 3, false},
		{"with truth", []string{"--docs", "2", "--truth"}, false, 4, true},
		{"no reports", []string{"--docs", "0"}, false, 0, false},
		{"no --out", nil, true, 0, false},
		{"share out of range", []string{"--gb18030-share", "1.5"}, true, 0, false},
		{"negative count", []string{"--docs", "-1"}, true, 0, false},
		{"stray argument", []string{"extra"}, true, 0, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(t.TempDir(), "corpus")
			args := append([]string{"gen"}, c.args...)
			if c.name != "no --out" {
				args = append(args, "--out", dir)
			}
			var out, errb bytes.Buffer
			err := run(context.Background(), args, &out, &errb)
			if c.usage {
				if !errors.Is(err, errUsage) {
					t.Fatalf("error %v, want a usage error", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("gen: %v (%s)", err, errb.String())
			}
			ents, _ := os.ReadDir(dir)
			if len(ents) != c.files {
				t.Errorf("%d files written, want %d", len(ents), c.files)
			}
			var truth bool
			for _, e := range ents {
				truth = truth || strings.HasSuffix(e.Name(), ".truth.json")
			}
			if truth != c.wantTruth {
				t.Errorf("truth files %v, want %v", truth, c.wantTruth)
			}
			if !strings.HasPrefix(out.String(), "wrote ") {
				t.Errorf("summary %q", out.String())
			}
		})
	}
}
