// Package memory reads what Linux reports about memory (/proc, cgroups) and
// sets the Go runtime's soft memory limit for kg's long-running commands.
//
// The serving process's heap is mostly the query index (about 8 GB live at
// 10,000 reports). Go's collector lets a heap grow to twice its live size
// before it collects (GOGC=100), so a server answering many questions at
// once would take 16 GB for an 8 GB index. A soft memory limit makes it
// collect before that, and only as often as the limit requires, so small
// stores keep the default pacing.
package memory

import (
	"bytes"
	"fmt"
	"os"
	"runtime/debug"
	"strconv"
)

// Limit sets the process's soft memory limit (runtime/debug.SetMemoryLimit)
// and says where the figure came from: GOMEMLIMIT when it is set (the
// runtime has read it), mb megabytes when mb > 0, none when mb < 0, and
// otherwise three quarters of the memory the machine or the process's
// cgroup allows. It returns the limit in bytes (0: none).
func Limit(mb int64) (limit int64, source string) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return debug.SetMemoryLimit(-1), "GOMEMLIMIT"
	}
	switch {
	case mb < 0:
		return 0, "none"
	case mb > 0:
		limit, source = mb<<20, "--max-memory"
	default:
		total := Machine()
		if total <= 0 {
			return 0, "none (machine memory unknown)"
		}
		limit, source = total/4*3, fmt.Sprintf("3/4 of %d MB", total>>20)
	}
	debug.SetMemoryLimit(limit)
	return limit, source
}

// Machine is the memory this process may use: the machine's (MemTotal), or
// its cgroup's limit when that is lower. 0 when unknown.
func Machine() int64 {
	total := int64(0)
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		total = Field(b, "MemTotal:")
	}
	for _, f := range []string{"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"} {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		// cgroup v2 writes "max" when there is no limit; v1 a huge number.
		if n, err := strconv.ParseInt(string(bytes.TrimSpace(b)), 10, 64); err == nil && n > 0 && (total == 0 || n < total) {
			total = n
		}
	}
	return total
}

// Field reads a "Name:   123 kB" line of /proc/meminfo or /proc/PID/status,
// in bytes (0 when there is none).
func Field(b []byte, name string) int64 {
	for _, line := range bytes.Split(b, []byte("\n")) {
		if v, ok := bytes.CutPrefix(line, []byte(name)); ok {
			if f := bytes.Fields(v); len(f) > 0 {
				n, _ := strconv.ParseInt(string(f[0]), 10, 64)
				return n << 10
			}
		}
	}
	return 0
}
