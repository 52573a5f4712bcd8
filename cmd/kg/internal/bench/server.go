package bench

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os/exec"
	"strconv"
	"syscall"
	"time"
)

// server is a server under measure (`kg serve`, `cayley http`) in a
// process of its own, watched for --max-rss, asked by clients in this
// process.
type server struct {
	name    string
	cmd     *exec.Cmd
	errb    bytes.Buffer
	unwatch func() int64
	exited  chan struct{}
	stopped bool
	peak    int64
	over    int64
}

// loopback returns a free host:port on 127.0.0.1 for a server to listen on.
func loopback() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

// startServer starts bin with args; name is how errors call it.
func startServer(ctx context.Context, maxRSS int64, name, bin string, args ...string) (*server, error) {
	s := &server{name: name, exited: make(chan struct{})}
	s.cmd = exec.CommandContext(ctx, bin, args...)
	s.cmd.Stderr = &s.errb
	if err := s.cmd.Start(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	s.unwatch = watch(s.cmd.Process, maxRSS)
	go func() { s.cmd.Wait(); close(s.exited) }()
	return s, nil
}

// startWait is how long a server may take to answer after it starts, on
// a store of size bytes: `cayley http` reads its whole bolt store before
// it listens (4 minutes for 13 GB, 32 M quads), kg serve opens and
// indexes its store (87 s for 7 GB).
func startWait(size int64) time.Duration {
	return 2*time.Minute + time.Duration(size>>30)*30*time.Second
}

// ready asks url until it answers 200 OK, and fails when the process
// exits, ctx ends or wait passes first.
func (s *server) ready(ctx context.Context, client *http.Client, url string, wait time.Duration) error {
	deadline := time.Now().Add(wait)
	for {
		if resp, err := client.Get(url); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case <-s.exited:
			return fmt.Errorf("%s exited before it was ready: %s", s.name, lastLine(s.errb.String()))
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s did not answer within %s: %s", s.name, wait, lastLine(s.errb.String()))
		}
	}
}

// settle waits until the server is idle (see settle) and says how long it
// waited.
func (s *server) settle(ctx context.Context) time.Duration { return settle(ctx, s.cmd.Process.Pid) }

// stop ends the server (SIGTERM, then SIGKILL after 30 s) and returns its
// peak resident set and, when it was killed for going over --max-rss, the
// figure it was killed at.
func (s *server) stop() (peak, over int64) {
	if !s.stopped {
		s.stopped = true
		s.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-s.exited:
		case <-time.After(30 * time.Second):
			s.cmd.Process.Kill()
			<-s.exited
		}
		s.peak, s.over = maxRSS(s.cmd.ProcessState), s.unwatch()
	}
	return s.peak, s.over
}

// overMaxRSS is the skip reason of a server stopped at over bytes.
func (s *server) overMaxRSS(over int64) string {
	return fmt.Sprintf("failed: %s stopped at %s resident (mapped files not counted), over --max-rss", s.name, mb(over))
}

// serveApart asks the HTTP questions of the product's own server
// (c.Serve) on the store at addr, run in a process of its own and asked
// from this one, as `cayley http` is: the server's heap is then the
// product's alone, and the client's decoding is not charged to it.
func serveApart(ctx context.Context, c Config, addr string, r *StageResult) {
	host, err := loopback()
	if err != nil {
		r.HTTPSkip = "failed: " + err.Error()
		return
	}
	args := append(append([]string{}, c.Serve[1:]...), "--db", addr, "--addr", host, "--empty",
		"--rate-limit", "-1", "--max-memory", strconv.FormatInt(c.MaxRSS/10*8>>20, 10))
	start := time.Now()
	s, err := startServer(ctx, c.MaxRSS, "kg serve", c.Serve[0], args...)
	if err != nil {
		r.HTTPSkip = "failed: " + err.Error()
		return
	}
	defer func() {
		var over int64
		if r.ServeRSS, over = s.stop(); over > 0 {
			r.HTTPSkip = s.overMaxRSS(over)
		}
	}()
	base := "http://" + host
	if err := s.ready(ctx, newClient(), base+"/readyz", startWait(r.StoreBytes)); err != nil {
		r.HTTPSkip = "failed: " + err.Error()
		return
	}
	r.ServeReady = time.Since(start).Seconds()
	r.HTTPFirstAnswer, r.HTTPQuestions, r.HTTPSkip = ask(ctx, newHTTPQuestions(base), *r.Picks, c.Samples, c.Clients, s.settle)
}
