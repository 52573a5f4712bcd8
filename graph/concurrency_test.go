package graph_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kgraph/kg"
	"github.com/kgraph/kg/graph"
)

// TestConcurrentReadersAndWriter runs readers (index reads, document text,
// Gizmo, dumps) against writers on the embedded default; run it with -race.
// bbolt used to deadlock exactly here (cayley-notes).
func TestConcurrentReadersAndWriter(t *testing.T) {
	for _, name := range []string{"bolt", "mem"} {
		t.Run(name, func(t *testing.T) {
			addr := "mem:"
			if name == "bolt" {
				addr = "bolt:" + filepath.Join(t.TempDir(), "kg.db")
			}
			s := open(t, addr)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			const docs = 30
			var wg sync.WaitGroup
			errs := make(chan error, 100)
			for w := 0; w < 2; w++ {
				wg.Add(1)
				go func(w int) {
					defer wg.Done()
					for i := 0; i < docs; i++ {
						doc, x := sample(fmt.Sprintf("w%d-%d", w, i), 2000+i, fmt.Sprintf("企业%d", i%7), kg.Stages[i%len(kg.Stages)])
						if _, err := s.LoadDocument(ctx, doc, x); err != nil {
							errs <- err
							return
						}
						if i%5 == 4 {
							if err := s.RemoveDocument(ctx, fmt.Sprintf("w%d-%d", w, i-1)); err != nil {
								errs <- err
								return
							}
						}
					}
				}(w)
			}
			stop := make(chan struct{})
			var rg sync.WaitGroup
			for r := 0; r < 4; r++ {
				rg.Add(1)
				go func(r int) {
					defer rg.Done()
					for n := 0; ; n++ {
						select {
						case <-stop:
							return
						default:
						}
						docs, err := s.Documents(ctx)
						if err != nil {
							errs <- err
							return
						}
						for _, d := range docs {
							full, err := s.Document(ctx, d.ID)
							if err != nil && kg.ErrorCode(err) != kg.ENotFound {
								errs <- err
								return
							}
							// A document is whole: its text is there.
							if err == nil && full.Text == "" {
								errs <- fmt.Errorf("document %s without its text", d.ID)
								return
							}
						}
						ents, _ := s.EntitiesOfType(ctx, "")
						for _, e := range ents {
							if _, err := s.Edges(ctx, e.ID); err != nil && kg.ErrorCode(err) != kg.ENotFound {
								errs <- err
								return
							}
						}
						switch r {
						case 0:
							if _, err := s.Gizmo(ctx, `g.V().Out("<`+graph.Base+`ns#stage>").All()`, 100); err != nil {
								errs <- err
								return
							}
						case 1:
							if n%10 == 0 {
								var b strings.Builder
								if err := s.Dump(ctx, &b, "nquads"); err != nil {
									errs <- err
									return
								}
							}
						}
					}
				}(r)
			}
			done := make(chan struct{})
			go func() { wg.Wait(); close(done) }()
			select {
			case <-done:
			case <-time.After(2 * time.Minute):
				t.Fatal("writers did not finish: deadlock?")
			}
			close(stop)
			rg.Wait()
			close(errs)
			for err := range errs {
				t.Error(err)
			}
			got, _ := s.Documents(ctx)
			if want := 2 * (docs - docs/5); len(got) != want {
				t.Errorf("%d documents at the end, want %d", len(got), want)
			}
		})
	}
}

// TestSecondProcess opens a bolt file held by another process: a clear
// kg.EConflict error after the lock timeout, not a hang.
func TestSecondProcess(t *testing.T) {
	if path := os.Getenv("KG_TEST_HOLD"); path != "" {
		// The child: hold the store until stdin closes.
		s, err := graph.Open(context.Background(), "bolt:"+path)
		if err != nil {
			fmt.Println("open:", err)
			os.Exit(1)
		}
		fmt.Println("holding")
		buf := make([]byte, 1)
		os.Stdin.Read(buf)
		s.Close()
		os.Exit(0)
	}
	path := filepath.Join(t.TempDir(), "kg.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestSecondProcess$")
	cmd.Env = append(os.Environ(), "KG_TEST_HOLD="+path)
	stdin, _ := cmd.StdinPipe()
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Wait()
	defer stdin.Close()
	buf := make([]byte, 64)
	n, _ := out.Read(buf)
	if !strings.Contains(string(buf[:n]), "holding") {
		t.Fatalf("child: %q", buf[:n])
	}
	done := make(chan error, 1)
	go func() {
		s, err := graph.Open(context.Background(), "bolt:"+path)
		if err == nil {
			s.Close()
		}
		done <- err
	}()
	select {
	case err := <-done:
		if kg.ErrorCode(err) != kg.EConflict {
			t.Errorf("second process got %v, want a %s error", err, kg.EConflict)
		} else if !strings.Contains(err.Error(), "another process") {
			t.Errorf("unclear message: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("opening a held store hangs")
	}
}
