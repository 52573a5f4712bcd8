//go:build unix

package extract

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time (user and system) the process has used, so that
// a benchmark can report a speed that other processes on the machine do
// not slow down.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(syscall.TimevalToNsec(ru.Utime) + syscall.TimevalToNsec(ru.Stime))
}
