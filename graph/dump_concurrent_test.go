package graph_test

import (
	"context"
	"io"
	"sync"
	"testing"

	"github.com/kgraph/kg/graph"
)

// TestConcurrentDumps: whole-store iterations side by side (two exports of
// the whole graph at once) on the in-memory store; run it with -race.
// memstore marks itself as being read when an iteration starts, which two
// readers raced on.
func TestConcurrentDumps(t *testing.T) {
	ctx := context.Background()
	s, err := graph.Open(ctx, "mem:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	doc, x := sample("d1", 2023, "企业1", "开工")
	if _, err := s.LoadDocument(ctx, doc, x); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := s.Dump(ctx, io.Discard, "nquads"); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
}
