//go:build ignore

// Command s9load (go run 2026-12-06-s9-load.go) asks kg serve's chain-firms question as kg bench's HTTP
// stage does: samples asks from one client, then clients concurrent
// clients for max(samples, 10*clients) asks, 10 s deadline each, the whole
// body read before the clock stops.
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	base := flag.String("base", "http://127.0.0.1:8099/api/v1", "API base")
	chainsFile := flag.String("chains", "chains.txt", "chain ids, one a line")
	query := flag.String("q", "limit=5000", "query string")
	samples := flag.Int("samples", 50, "sequential asks")
	clients := flag.Int("clients", 32, "concurrent clients (0: none)")
	identity := flag.Bool("identity", false, "ask without Accept-Encoding: gzip")
	label := flag.String("label", "", "label")
	flag.Parse()
	f, err := os.Open(*chainsFile)
	if err != nil {
		panic(err)
	}
	var chains []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if s := strings.TrimSpace(sc.Text()); s != "" {
			chains = append(chains, s)
		}
	}
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 64, DisableCompression: *identity}}
	var bytesRead atomic.Int64
	var gz atomic.Int64
	one := func(k int) (float64, error) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		u := *base + "/chains/" + url.PathEscape(chains[k%len(chains)]) + "/firms?" + *query
		t := time.Now()
		req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
		resp, err := client.Do(req)
		if err != nil {
			return 0, err
		}
		defer resp.Body.Close()
		if resp.Uncompressed {
			gz.Add(1)
		}
		n, err := io.Copy(io.Discard, resp.Body)
		if err != nil {
			return 0, err
		}
		if resp.StatusCode != 200 {
			return 0, fmt.Errorf("status %d", resp.StatusCode)
		}
		bytesRead.Add(n)
		return float64(time.Since(t)) / 1e6, nil
	}
	report := func(what string, ds []float64, errs int, first error, wall time.Duration) {
		sort.Float64s(ds)
		pc := func(p float64) float64 {
			if len(ds) == 0 {
				return 0
			}
			i := int(p/100*float64(len(ds))+0.5) - 1
			return ds[max(0, min(i, len(ds)-1))]
		}
		mb := 0.0
		if len(ds) > 0 {
			mb = float64(bytesRead.Load()) / float64(len(ds)) / 1e6
		}
		fmt.Printf("%s %s q=%s n=%d p50=%.1f p90=%.1f p99=%.1f max=%.1f ms errors=%d req/s=%.1f meanMB=%.2f gzipped=%d wall=%.1fs", *label, what, *query, len(ds), pc(50), pc(90), pc(99), pc(100), errs, float64(len(ds))/wall.Seconds(), mb, gz.Load(), wall.Seconds())
		if first != nil {
			fmt.Printf(" first error: %v", first)
		}
		fmt.Println()
		bytesRead.Store(0)
		gz.Store(0)
	}
	var ds []float64
	errs := 0
	var firstErr error
	t0 := time.Now()
	for k := 0; k < *samples; k++ {
		d, err := one(k)
		if err != nil {
			errs++
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		ds = append(ds, d)
	}
	if *samples > 0 {
		report("single", ds, errs, firstErr, time.Since(t0))
	}
	if *clients == 0 {
		return
	}
	total := max(*samples, 10**clients)
	ds, errs, firstErr = nil, 0, nil
	var mu sync.Mutex
	var next atomic.Int64
	var wg sync.WaitGroup
	t0 = time.Now()
	for range *clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				k := int(next.Add(1)) - 1
				if k >= total {
					return
				}
				d, err := one(k)
				mu.Lock()
				if err != nil {
					errs++
					if firstErr == nil {
						firstErr = err
					}
				} else {
					ds = append(ds, d)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	report(fmt.Sprintf("concurrent%d", *clients), ds, errs, firstErr, time.Since(t0))
}
