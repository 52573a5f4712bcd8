package synth

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
)

// WriteOptions says where and how to write a corpus.
type WriteOptions struct {
	Dir  string // created when missing
	Docs int    // reports 0..Docs-1
	// Truth writes NAME.truth.json beside each NAME.txt.
	Truth bool
	// Workers write in parallel (0: GOMAXPROCS).
	Workers int
}

// Stats says what a corpus write did.
type Stats struct {
	Docs      int
	Bytes     int64 // bytes of the .txt files as written
	TextBytes int64 // bytes of their text in UTF-8
	GB18030   int   // reports encoded in GB18030
	PDF       int   // reports with PDF artefacts
}

// Write writes reports 0..o.Docs-1 of g into o.Dir. The files are the same
// whatever the number of workers.
func (g *Generator) Write(ctx context.Context, o WriteOptions) (Stats, error) {
	if o.Docs < 0 {
		return Stats{}, fmt.Errorf("write corpus: negative number of documents %d", o.Docs)
	}
	if err := os.MkdirAll(o.Dir, 0o755); err != nil {
		return Stats{}, fmt.Errorf("write corpus: %w", err)
	}
	workers := o.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	jobs := make(chan int)
	stats := make([]Stats, workers)
	var wg sync.WaitGroup
	for k := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				d := g.Generate(i)
				if err := writeDoc(o.Dir, d, o.Truth); err != nil {
					cancel(err)
					return
				}
				s := &stats[k]
				s.Docs++
				s.Bytes += int64(len(d.Data))
				s.TextBytes += int64(len(d.Text))
				if d.Encoding == "gb18030" {
					s.GB18030++
				}
				if d.Truth.PDF {
					s.PDF++
				}
			}
		}()
	}
feed:
	for i := range o.Docs {
		select {
		case jobs <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	var total Stats
	for _, s := range stats {
		total.Docs += s.Docs
		total.Bytes += s.Bytes
		total.TextBytes += s.TextBytes
		total.GB18030 += s.GB18030
		total.PDF += s.PDF
	}
	if err := context.Cause(ctx); err != nil {
		return total, fmt.Errorf("write corpus %s: %w", o.Dir, err)
	}
	return total, nil
}

func writeDoc(dir string, d Doc, truth bool) error {
	if err := os.WriteFile(filepath.Join(dir, d.Name+".txt"), d.Data, 0o644); err != nil {
		return err
	}
	if !truth {
		return nil
	}
	b, err := json.MarshalIndent(d.Truth, "", "  ")
	if err != nil {
		return fmt.Errorf("truth of %s: %w", d.Name, err)
	}
	return os.WriteFile(filepath.Join(dir, d.Name+".truth.json"), append(b, '\n'), 0o644)
}
