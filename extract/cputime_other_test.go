//go:build !unix

package extract

import "time"

// cpuTime is not measured here: the benchmarks leave out cpu-MB/s.
func cpuTime() time.Duration { return 0 }
