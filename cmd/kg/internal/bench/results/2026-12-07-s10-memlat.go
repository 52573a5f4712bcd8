//go:build ignore

// Command memlat (go run 2026-12-07-s10-memlat.go) measures the machine's
// memory latency as a pointer chase: each step loads the index of the next
// from a random cycle over n int32s, so that no prefetcher helps. On the
// 2-core machine of session 10 (00:00 UTC, load 9): 16 ns a step over
// 256 KB, 98 ns over 4 MB, 600 ns over 64 MB, 1,069 ns over 256 MB, with
// transparent huge pages on madvise or always alike. A garbage collection
// visits the objects of a heap in an order of that kind: kg serve's query
// index at 10,000 reports (3.4 GB, 30–33 M objects) took 40–45 s a full
// collection.
package main

import (
	"fmt"
	"math/rand"
	"time"
)

func main() {
	for _, n := range []int{1 << 16, 1 << 20, 1 << 24, 1 << 26} {
		next := make([]int32, n)
		perm := rand.Perm(n)
		for i := 0; i < n; i++ {
			next[perm[i]] = int32(perm[(i+1)%n])
		}
		steps := 20_000_000
		p := int32(0)
		t := time.Now()
		for i := 0; i < steps; i++ {
			p = next[p]
		}
		d := time.Since(t)
		fmt.Printf("%d KB: %.1f ns/step (%d)\n", n*4>>10, float64(d.Nanoseconds())/float64(steps), p)
	}
}
