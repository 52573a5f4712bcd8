package bench

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/kgraph/kg/cmd/kg/internal/memory"
)

// runWatched runs cmd, killing it when its own resident memory grows past
// limit bytes (0: no limit): the machine is shared, and a stage that would
// take it down must be stopped and reported instead. Its own memory is the
// resident set less the pages of files it maps (a bolt store's file, 7 GB
// at 10,000 reports): those are page cache the kernel takes back when it
// needs them, and counting them stopped a build that held 7 GB of heap.
func runWatched(cmd *exec.Cmd, limit int64) error {
	if err := cmd.Start(); err != nil {
		return err
	}
	stop := watch(cmd.Process, limit)
	err := cmd.Wait()
	if over := stop(); over > 0 {
		return fmt.Errorf("stopped at %s resident (mapped files not counted), over the --max-rss limit of %s", mb(over), mb(limit))
	}
	return err
}

// watch polls p's own resident memory (residentOf) until the returned stop
// is called; stop reports the figure at which p was killed, or 0.
func watch(p *os.Process, limit int64) (stop func() int64) {
	var killed atomic.Int64
	if limit <= 0 {
		return killed.Load
	}
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(200 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				if rss := residentOf(p.Pid); rss > limit {
					killed.Store(rss)
					p.Kill()
					return
				}
			}
		}
	}()
	return func() int64 {
		close(done)
		return killed.Load()
	}
}

// residentOf is process pid's own resident memory, in bytes: its resident
// set without the pages of the files it maps (RssAnon + RssShmem).
func residentOf(pid int) int64 {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0
	}
	return memory.Field(b, "RssAnon:") + memory.Field(b, "RssShmem:")
}

// cpuOf is the CPU time (user and system) process pid has used, or -1
// when /proc does not say.
func cpuOf(pid int) time.Duration {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return -1
	}
	// The command (field 2) is in parentheses and may hold spaces: count
	// fields from the last ')'. utime and stime are fields 14 and 15.
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return -1
	}
	f := bytes.Fields(b[i+1:])
	if len(f) < 13 {
		return -1
	}
	ut, err1 := strconv.ParseInt(string(f[11]), 10, 64)
	st, err2 := strconv.ParseInt(string(f[12]), 10, 64)
	if err1 != nil || err2 != nil {
		return -1
	}
	return time.Duration(ut+st) * time.Second / clockTicks
}

// clockTicks is USER_HZ, the unit of /proc/PID/stat's times: 100 on every
// Linux architecture Go supports.
const clockTicks = 100

// Settling: before a question is timed, the server is left to finish what
// the previous question's clients set it doing (above all a garbage
// collection of its heap, which takes tens of seconds at 10,000 reports on
// this machine: its memory answers a random read in 0.6–1 µs), so that a
// question's single-client figures are those of a server with one client.
const (
	settleWindow = 500 * time.Millisecond
	settleIdle   = 50 * time.Millisecond // CPU the server may use in a window and count as idle
	settleMax    = 3 * time.Minute
)

// settle waits until process pid uses less than settleIdle of CPU in a
// settleWindow, ctx ends or settleMax passes, and returns how long it
// waited.
func settle(ctx context.Context, pid int) time.Duration {
	start := time.Now()
	prev := cpuOf(pid)
	if prev < 0 {
		return 0
	}
	for time.Since(start) < settleMax {
		select {
		case <-ctx.Done():
			return time.Since(start)
		case <-time.After(settleWindow):
		}
		now := cpuOf(pid)
		if now < 0 || now-prev < settleIdle {
			break
		}
		prev = now
	}
	return time.Since(start)
}
