// Command kg builds a knowledge graph from Chinese development-zone reports
// and serves the analysts' questions over it.
//
//	kg extract [--taxonomy FILE] FILE...   print the extraction as JSON
//	kg build   [--db ADDR] [PATH...]       extract and load documents
//	kg rm      [--db ADDR] DOC...          remove documents' facts
//	kg dump    [--db ADDR] [--format F]    write the whole graph
//	kg serve   [--db ADDR] [--addr :8080]  the HTTP API and the browser UI
//	kg query   chains|firms|entity ...     the analysts' questions
//	kg export  [--seed|--chain] --format F export a subgraph
//
// Each subcommand lives in a file of its own; main only dispatches.
//
// KG_CPUPROFILE=FILE writes a CPU profile (pprof) of any subcommand, and
// KG_HEAPPROFILE=FILE a heap profile at its end.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/pprof"
	"sort"
	"sync"
	"syscall"
)

// command runs one subcommand with its arguments (the subcommand name
// removed), writing results to stdout and diagnostics to stderr.
type command struct {
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

func commands() map[string]command {
	return map[string]command{
		"extract": {"print the extraction of documents as JSON", runExtract},
		"build":   {"extract documents and load them into the store", runBuild},
		"rm":      {"remove documents and their facts from the store", runRm},
		"dump":    {"write the whole graph as N-Quads or JSON-LD", runDump},
		"serve":   {"serve the HTTP API and the browser UI", runServe},
		"query":   {"ask the analysts' questions from the command line", runQuery},
		"export":  {"export a subgraph (GraphML, GEXF, CSV, JSON-LD, N-Quads, DOT)", runExport},
		"gen":     {"write a synthetic corpus of reports for measuring scale", runGen},
		"bench":   {"measure extraction, build and questions on corpora of growing size", runBench},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	endProfiles := startProfiles()
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	endProfiles()
	stop()
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "kg:", err)
		}
		os.Exit(exitCode(err))
	}
}

// startProfiles starts the profiles asked for by KG_CPUPROFILE and
// KG_HEAPPROFILE; the function it returns writes them.
func startProfiles() func() {
	var cpu *os.File
	if path := os.Getenv("KG_CPUPROFILE"); path != "" {
		f, err := os.Create(path)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "kg: cpu profile:", err)
		} else {
			cpu = f
		}
	}
	return func() {
		if cpu != nil {
			pprof.StopCPUProfile()
			cpu.Close()
		}
		heapProfile()
	}
}

var heapOnce sync.Once

// heapProfile writes the heap profile asked for by KG_HEAPPROFILE, once: a
// subcommand calls it when its work is done but before it lets go of its
// store, so that the profile shows what the work held.
func heapProfile() {
	path := os.Getenv("KG_HEAPPROFILE")
	if path == "" {
		return
	}
	heapOnce.Do(func() {
		runtime.GC()
		f, err := os.Create(path)
		if err == nil {
			err = pprof.WriteHeapProfile(f)
			f.Close()
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "kg: heap profile:", err)
		}
	})
}

// errUsage marks a command line that could not be understood.
var errUsage = errors.New("usage")

func exitCode(err error) int {
	if errors.Is(err, errUsage) || errors.Is(err, flag.ErrHelp) {
		return 2
	}
	return 1
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cmds := commands()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr, cmds)
		if len(args) == 0 {
			return fmt.Errorf("%w: no command given", errUsage)
		}
		return nil
	}
	c, ok := cmds[args[0]]
	if !ok {
		usage(stderr, cmds)
		return fmt.Errorf("%w: unknown command %q", errUsage, args[0])
	}
	return c.run(ctx, args[1:], stdout, stderr)
}

func usage(w io.Writer, cmds map[string]command) {
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Fprintln(w, "usage: kg COMMAND [flags] [args]")
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, cmds[n].summary)
	}
	fmt.Fprintln(w, "Run kg COMMAND -h for a command's flags.")
}
