// Package bench measures how the product scales with the corpus: for
// synthetic corpora of growing size (package synth) it times extraction,
// the build into each graph backend, the store's size on disk, the peak
// memory and the analysts' questions at p50/p99, runs the peers beside it on
// the same data (python3-jieba segmentation, Cayley's own `cayley load` and
// `cayley http`), and writes the figures as a Markdown table, a JSON file
// and an SVG chart of time and memory against corpus size.
//
// Each measured stage runs in a child process of its own (the kg binary
// run as `kg bench --stage …`), so that its peak RSS is its own and a bolt
// file is never held twice. The servers are asked the same way: `kg serve`
// on the store just built (bolt, PostgreSQL) and `cayley http` on Cayley's
// own, each in a process of its own, by clients in the parent (server.go). The parts of the product are handed in as Deps;
// a part that is missing is reported as "skipped: … not available" rather
// than failing the run, so the command is useful while the product grows.
package bench
