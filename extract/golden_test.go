package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// TestGolden compares the extraction of the bundled sample with
// testdata/etown-2022.golden.json; go test ./extract -run TestGolden -args -update rewrites
// it after a change that is meant (review the diff).
func TestGolden(t *testing.T) {
	ex := newTestExtractor(t)
	name, data := Sample()
	x, err := ex.Extract(name, data)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(x); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "etown-2022.golden.json")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./extract -run TestGolden -args -update to create it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		got, wantLines := bytes.Split(buf.Bytes(), []byte("\n")), bytes.Split(want, []byte("\n"))
		for i := 0; i < len(got) && i < len(wantLines); i++ {
			if !bytes.Equal(got[i], wantLines[i]) {
				t.Fatalf("extraction differs from %s at line %d:\n got %s\nwant %s\n(go test ./extract -run TestGolden -args -update after checking the change)",
					golden, i+1, got[i], wantLines[i])
			}
		}
		t.Fatalf("extraction differs from %s in length: %d lines, want %d", golden, len(got), len(wantLines))
	}
}
