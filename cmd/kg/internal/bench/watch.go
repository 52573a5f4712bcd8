package bench

import (
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
