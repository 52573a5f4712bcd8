package bench

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
)

// WriteReport writes bench.json, bench.md and bench.svg into dir.
func WriteReport(dir string, res *Result) error {
	b, err := json.MarshalIndent(res, "", "  ")
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	var md, svg strings.Builder
	Markdown(&md, res)
	SVG(&svg, res)
	for name, data := range map[string][]byte{
		"bench.json": append(b, '\n'),
		"bench.md":   []byte(md.String()),
		"bench.svg":  []byte(svg.String()),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return fmt.Errorf("report: %w", err)
		}
	}
	return nil
}

func mb(n int64) string {
	if n <= 0 {
		return "–"
	}
	return fmt.Sprintf("%.0f MB", float64(n)/1e6)
}

func num(f float64, prec int) string {
	if f == 0 || math.IsNaN(f) || math.IsInf(f, 0) {
		return "–"
	}
	return fmt.Sprintf("%.*f", prec, f)
}

// ratio is how many times a beats b ("–" when either is missing).
func ratio(a, b float64) string {
	if a <= 0 || b <= 0 {
		return "–"
	}
	return fmt.Sprintf("%.1f×", a/b)
}

func peer(row Row, stage string) StageResult {
	for _, p := range row.Peers {
		if p.Stage == stage {
			return p
		}
	}
	return StageResult{Stage: stage, Skipped: "skipped: peers not run (--peers)"}
}

func build(row Row, backend string) (StageResult, bool) {
	for _, b := range row.Builds {
		if b.Backend == backend {
			return b, true
		}
	}
	return StageResult{}, false
}

// Markdown writes the figures as tables, each skipped part named with its
// reason.
func Markdown(w io.Writer, res *Result) {
	fmt.Fprintf(w, "# kg bench\n\n")
	fmt.Fprintf(w, "Measured %s on %d cores with %s, corpus seed %d, by:\n\n    %s\n\n", res.Started, res.Cores, res.Go, res.Seed, res.Command)
	fmt.Fprintf(w, "Synthetic reports (`kg gen`, 10%% GB18030, 30%% with PDF artefacts). MB are 10^6 bytes of input as read from disk; RSS is each stage's peak resident set, measured on a process of its own; it counts the pages of a bolt file the process has mapped, which the anon RSS column leaves out.\n\n")

	fmt.Fprintf(w, "## Extraction\n\n")
	fmt.Fprintf(w, "| docs | corpus | extract (all cores) | MB/s | MB/s on 1 core | docs/s | entities | relations | peak RSS | jieba MB/s | product ÷ jieba (1 core) |\n")
	fmt.Fprintf(w, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, row := range res.Rows {
		e, j := row.Extract, peer(row, "jieba")
		e1 := row.Extract1
		if e.Skipped != "" {
			fmt.Fprintf(w, "| %d | %s | %s | | | | | | | %s | |\n", row.Docs, mb(row.CorpusBytes), e.Skipped, num(j.MBps(), 2))
			continue
		}
		fmt.Fprintf(w, "| %d | %s | %.2f s | %.2f | %s | %.0f | %d | %d | %s | %s | %s |\n",
			row.Docs, mb(row.CorpusBytes), e.Seconds, e.MBps(), num(e1.MBps(), 2), float64(e.Docs)/e.Seconds,
			e.Entities, e.Relations, mb(e.PeakRSS), num(j.MBps(), 2), ratio(e1.MBps(), j.MBps()))
	}

	fmt.Fprintf(w, "\n## Build\n\nBuild is what `kg build` does: extraction in parallel, loading in batches by one writer, the taxonomy first; quads/s is quads written per second of the whole build, extraction included (so the ratio to `cayley load`, which only loads, is conservative).\n\n")
	fmt.Fprintf(w, "| docs | backend | build | open | quads | quads/s | store on disk | peak RSS | anon RSS at end | errors | cayley load quads/s | product ÷ cayley load |\n")
	fmt.Fprintf(w, "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, row := range res.Rows {
		cl := peer(row, "cayley load")
		for _, b := range row.Builds {
			if b.Skipped != "" {
				fmt.Fprintf(w, "| %d | %s | %s | | | | | | | | | |\n", row.Docs, b.Backend, b.Skipped)
				continue
			}
			var cq, cr string
			if b.Backend == "bolt" {
				cq, cr = num(cl.QuadsPerSec(), 0), ratio(b.QuadsPerSec(), cl.QuadsPerSec())
			}
			fmt.Fprintf(w, "| %d | %s | %.2f s | %.2f s | %d | %.0f | %s | %s | %s | %d | %s | %s |\n",
				row.Docs, b.Backend, b.Seconds, b.OpenSeconds, b.Quads, b.QuadsPerSec(), mb(b.StoreBytes), mb(b.PeakRSS), mb(b.AnonRSS), b.Errors, cq, cr)
		}
	}

	fmt.Fprintf(w, "\n## Questions\n\n"+
		"On the store just built: in-process calls of the query service, then the same questions through the HTTP API on a loopback port: "+
		"for bolt and PostgreSQL, of `kg serve` in a process of its own (started on the store, ready once it has opened it and built its index) asked by a client in the parent process, as `cayley http` is; for mem, of the API's handler in the build's process. "+
		"\"first\" is the first answer after the build (the service builds its index then). "+
		"`cayley http` answers the chain-firms question as a Gizmo query (the firms with inIndustry to the chain or a chain below it) from its own bolt store, loaded by `cayley load` (or, with --cayley-own-store, a copy of the product's bolt file), asked by a client in the parent process; "+
		"the ratio row divides its figures by the product's over HTTP (above 1×: the product is faster). Concurrent: %s clients. "+
		"Before each question's single-client asks, and again before its concurrent ones, the bench waits until the server's process (`kg serve` or `cayley http`) has used under a tenth of a core for half a second (3 minutes at most), "+
		"so that what the previous asks left it doing (at 10,000 reports above all a collection of its multi-GB heap, tens of seconds on this machine) is not charged to the next question; the waits are in bench.json (settledSeconds). "+
		"One client asks each question at least --samples times, and goes on up to %d asks while they take under %v in all (bench.json's n), so that a quick question's p99 is not the slowest of a few dozen asks, one stall of the machine's.\n\n", clientsOf(res), tailSamples, tailBudget)
	fmt.Fprintf(w, "| docs | backend | question | mean answer | p50 ms | p99 ms | concurrent p50 ms | concurrent p99 ms | req/s | errors |\n")
	fmt.Fprintf(w, "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, row := range res.Rows {
		for _, b := range row.Builds {
			if b.Skipped != "" {
				continue
			}
			if b.QuerySkip != "" && len(b.Questions) == 0 {
				fmt.Fprintf(w, "| %d | %s | %s | | | | | | | |\n", row.Docs, b.Backend, b.QuerySkip)
				continue
			}
			if b.FirstAnswer > 0 {
				fmt.Fprintf(w, "| %d | %s | first (index build) | | %.1f | | | | | |\n", row.Docs, b.Backend, b.FirstAnswer*1000)
			}
			for _, q := range b.Questions {
				latencyRow(w, row.Docs, b.Backend, q.Question, q)
			}
			if b.ServeReady > 0 {
				fmt.Fprintf(w, "| %d | %s over HTTP | kg serve ready (open + index), its peak RSS %s | | %.1f | | | | | |\n", row.Docs, b.Backend, mb(b.ServeRSS), b.ServeReady*1000)
			}
			if b.HTTPSkip != "" {
				fmt.Fprintf(w, "| %d | %s over HTTP | %s | | | | | | | |\n", row.Docs, b.Backend, b.HTTPSkip)
			}
			for _, q := range b.HTTPQuestions {
				latencyRow(w, row.Docs, b.Backend+" over HTTP", q.Question, q)
			}
		}
		if h := peer(row, "cayley http"); h.Skipped == "" {
			for _, q := range h.Questions {
				latencyRow(w, row.Docs, "cayley http (bolt)", q.Question+" (Gizmo)", q)
				// Like with like: the product's HTTP API on bolt, or no ratio.
				if b, ok := build(row, "bolt"); ok {
					for _, p := range b.HTTPQuestions {
						if p.Question == q.Question {
							fmt.Fprintf(w, "| %d | | product ÷ cayley http | | %s | %s | %s | %s | %s | |\n", row.Docs,
								ratio(q.P50, p.P50), ratio(q.P99, p.P99), ratio(q.CP50, p.CP50), ratio(q.CP99, p.CP99), ratio(p.RPS, q.RPS))
						}
					}
				}
			}
		}
	}

	fmt.Fprintf(w, "\n## Peers\n\n| docs | peer | docs run | time | MB/s | quads | quads/s | store on disk | peak RSS | note |\n|---:|---|---:|---:|---:|---:|---:|---:|---:|---|\n")
	for _, row := range res.Rows {
		for _, p := range row.Peers {
			if p.Skipped != "" {
				fmt.Fprintf(w, "| %d | %s | | | | | | | | %s |\n", row.Docs, p.Stage, p.Skipped)
				continue
			}
			note := p.Note
			if p.OpenSeconds > 0 {
				if note != "" {
					note += "; "
				}
				note += fmt.Sprintf("answered after %s (opening its store)", seconds(p.OpenSeconds))
			}
			fmt.Fprintf(w, "| %d | %s | %d | %s | %s | %s | %s | %s | %s | %s |\n", row.Docs, p.Stage, p.Docs, seconds(p.Seconds),
				num(p.MBps(), 2), num(float64(p.Quads), 0), num(p.QuadsPerSec(), 0), mb(p.StoreBytes), mb(p.PeakRSS), note)
		}
	}

	var skipped []string
	for _, row := range res.Rows {
		for _, s := range append(append([]StageResult{row.Extract, row.Extract1}, row.Builds...), row.Peers...) {
			name := strings.TrimSpace(s.Stage + " " + s.Backend)
			if s.Skipped != "" {
				skipped = append(skipped, fmt.Sprintf("- %d docs, %s: %s", row.Docs, name, s.Skipped))
			}
			if s.HTTPSkip != "" {
				skipped = append(skipped, fmt.Sprintf("- %d docs, HTTP questions on %s: %s", row.Docs, name, s.HTTPSkip))
			}
			if s.QuerySkip != "" {
				skipped = append(skipped, fmt.Sprintf("- %d docs, questions on %s: %s", row.Docs, name, s.QuerySkip))
			}
			for _, qs := range []struct {
				how string
				ls  []Latency
			}{{"", s.Questions}, {" over HTTP", s.HTTPQuestions}} {
				for _, q := range qs.ls {
					if q.Errors > 0 {
						skipped = append(skipped, fmt.Sprintf("- %d docs, %s%s, %s: %d requests failed (left out of the latencies), first: %s",
							row.Docs, name, qs.how, q.Question, q.Errors, q.Error))
					}
				}
			}
			if s.FirstError != "" {
				skipped = append(skipped, fmt.Sprintf("- %d docs, %s: %d errors, first: %s", row.Docs, name, s.Errors, s.FirstError))
			}
		}
	}
	if len(skipped) > 0 {
		fmt.Fprintf(w, "\n## Skipped, failed or refused\n\n%s\n", strings.Join(skipped, "\n"))
	}
}

func seconds(s float64) string {
	if s <= 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f s", s)
}

func clientsOf(res *Result) string {
	for _, row := range res.Rows {
		for _, b := range row.Builds {
			for _, q := range b.Questions {
				return fmt.Sprint(q.Clients)
			}
		}
	}
	return "N"
}

func latencyRow(w io.Writer, docs int, backend, name string, q Latency) {
	fmt.Fprintf(w, "| %d | %s | %s | %.1f | %s | %s | %s | %s | %s | %d |\n",
		docs, backend, name, q.Answer, num(q.P50, 3), num(q.P99, 3), num(q.CP50, 3), num(q.CP99, 3), num(q.RPS, 0), q.Errors)
}

// series is one line of the chart.
type series struct {
	name   string
	color  string
	points [][2]float64 // docs, value
}

// SVG draws two panels, time and peak memory against corpus size, both on
// log scales.
func SVG(w io.Writer, res *Result) {
	timeS := map[string]*series{}
	memS := map[string]*series{}
	var order []string
	colors := []string{"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"}
	add := func(m map[string]*series, name string, docs int, v float64) {
		if v <= 0 {
			return
		}
		s, ok := m[name]
		if !ok {
			idx := len(order)
			for i, n := range order {
				if n == name {
					idx = i
				}
			}
			if idx == len(order) {
				order = append(order, name)
			}
			s = &series{name: name, color: colors[idx%len(colors)]}
			m[name] = s
		}
		s.points = append(s.points, [2]float64{float64(docs), v})
	}
	for _, row := range res.Rows {
		stages := append(append([]StageResult{row.Extract, row.Extract1}, row.Builds...), row.Peers...)
		for _, s := range stages {
			if s.Skipped != "" || s.Stage == "cayley http" {
				continue
			}
			name := s.Stage
			if s.Stage == "build" {
				name = "build " + s.Backend
			}
			add(timeS, name, row.Docs, s.Seconds)
			add(memS, name, row.Docs, float64(s.PeakRSS)/1e6)
		}
	}
	const W, H, pw, ph, left, top = 960, 420, 380, 300, 70, 40
	fmt.Fprintf(w, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="12">`+"\n", W, H)
	fmt.Fprintf(w, `<rect width="%d" height="%d" fill="white"/>`+"\n", W, H)
	fmt.Fprintf(w, `<text x="%d" y="20" font-size="14">kg bench: time and peak memory against corpus size (log scales)</text>`+"\n", left)
	// The targets of issue 7 for 10,000 documents on bolt.
	panel(w, left, top, pw, ph, "seconds", timeS, order, 300, "target: 10k docs into bolt in 5 min")
	panel(w, left+pw+110, top, pw, ph, "peak RSS, MB", memS, order, 2000, "target: under 2 GB")
	// Legend.
	y := top + ph + 50
	x := left
	for _, name := range order {
		c := colors[0]
		if s, ok := timeS[name]; ok {
			c = s.color
		} else if s, ok := memS[name]; ok {
			c = s.color
		}
		fmt.Fprintf(w, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="3"/><text x="%d" y="%d">%s</text>`+"\n",
			x, y-4, x+20, y-4, c, x+25, y, xmlEscape(name))
		x += 30 + 8*len([]rune(name)) + 20
		if x > W-150 {
			x, y = left, y+18
		}
	}
	fmt.Fprintln(w, "</svg>")
}

func panel(w io.Writer, x0, y0, pw, ph int, label string, m map[string]*series, order []string, target float64, targetLabel string) {
	minX, maxX, minY, maxY := math.Inf(1), math.Inf(-1), target, target
	for _, s := range m {
		for _, p := range s.points {
			minX, maxX = math.Min(minX, p[0]), math.Max(maxX, p[0])
			minY, maxY = math.Min(minY, p[1]), math.Max(maxY, p[1])
		}
	}
	fmt.Fprintf(w, `<rect x="%d" y="%d" width="%d" height="%d" fill="none" stroke="#888"/>`+"\n", x0, y0, pw, ph)
	fmt.Fprintf(w, `<text x="%d" y="%d" transform="rotate(-90 %d %d)" text-anchor="middle">%s</text>`+"\n",
		x0-50, y0+ph/2, x0-50, y0+ph/2, xmlEscape(label))
	fmt.Fprintf(w, `<text x="%d" y="%d" text-anchor="middle">documents</text>`+"\n", x0+pw/2, y0+ph+32)
	if math.IsInf(minX, 0) {
		fmt.Fprintf(w, `<text x="%d" y="%d" text-anchor="middle">nothing measured yet</text>`+"\n", x0+pw/2, y0+ph/2)
		return
	}
	lx0, lx1 := math.Floor(math.Log10(minX)), math.Ceil(math.Log10(maxX))
	ly0, ly1 := math.Floor(math.Log10(minY)), math.Ceil(math.Log10(maxY))
	if lx1 == lx0 {
		lx1++
	}
	if ly1 == ly0 {
		ly1++
	}
	px := func(v float64) float64 { return float64(x0) + (math.Log10(v)-lx0)/(lx1-lx0)*float64(pw) }
	py := func(v float64) float64 { return float64(y0+ph) - (math.Log10(v)-ly0)/(ly1-ly0)*float64(ph) }
	for e := lx0; e <= lx1; e++ {
		x := px(math.Pow(10, e))
		fmt.Fprintf(w, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#eee"/><text x="%.1f" y="%d" text-anchor="middle">%s</text>`+"\n",
			x, y0, x, y0+ph, x, y0+ph+15, tick(e))
	}
	for e := ly0; e <= ly1; e++ {
		y := py(math.Pow(10, e))
		fmt.Fprintf(w, `<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#eee"/><text x="%d" y="%.1f" text-anchor="end">%s</text>`+"\n",
			x0, y, x0+pw, y, x0-5, y+4, tick(e))
	}
	ty := py(target)
	fmt.Fprintf(w, `<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#555" stroke-dasharray="6 4"/><text x="%d" y="%.1f" fill="#555" font-size="11">%s</text>`+"\n",
		x0, ty, x0+pw, ty, x0+4, ty-4, xmlEscape(targetLabel))
	for _, name := range order {
		s, ok := m[name]
		if !ok {
			continue
		}
		var pts []string
		for _, p := range s.points {
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", px(p[0]), py(p[1])))
			fmt.Fprintf(w, `<circle cx="%.1f" cy="%.1f" r="3" fill="%s"><title>%s: %g at %g docs</title></circle>`+"\n",
				px(p[0]), py(p[1]), s.color, xmlEscape(name), p[1], p[0])
		}
		fmt.Fprintf(w, `<polyline points="%s" fill="none" stroke="%s" stroke-width="2"/>`+"\n", strings.Join(pts, " "), s.color)
	}
}

func tick(e float64) string {
	v := math.Pow(10, e)
	switch {
	case v >= 1e6:
		return fmt.Sprintf("%gM", v/1e6)
	case v >= 1e3:
		return fmt.Sprintf("%gk", v/1e3)
	}
	return fmt.Sprintf("%g", v)
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}
