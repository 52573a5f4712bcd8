package queries

import (
	"archive/zip"
	"context"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/kgraph/kg"
)

// formats lists the export formats with their file extension and media type.
var formats = map[string]struct{ Ext, MediaType string }{
	"graphml": {"graphml", "application/graphml+xml"},
	"gexf":    {"gexf", "application/gexf+xml"},
	"csv":     {"zip", "application/zip"},
	"dot":     {"dot", "text/vnd.graphviz; charset=utf-8"},
	"nquads":  {"nq", "application/n-quads"},
	"jsonld":  {"jsonld", "application/ld+json"},
}

// Format describes an export format.
type Format struct {
	Name      string
	Ext       string
	MediaType string
}

// ExportFormat returns the format of a name, or a kg.EInvalid error.
func ExportFormat(name string) (Format, error) {
	f, ok := formats[strings.ToLower(name)]
	if !ok {
		return Format{}, kg.Errorf(kg.EInvalid, "unknown format %q (graphml, gexf, csv, jsonld, nquads or dot)", name)
	}
	return Format{Name: strings.ToLower(name), Ext: f.Ext, MediaType: f.MediaType}, nil
}

// subgraphDumper writes the quads of a set of entities in a quad format
// (nquads, jsonld); the graph store implements it.
type subgraphDumper interface {
	DumpSubgraph(ctx context.Context, w io.Writer, format string, ids []string) error
}

// dumper writes the whole graph in a quad format; the store implements it.
type dumper interface {
	Dump(ctx context.Context, w io.Writer, format string) error
}

// Export writes the selected subgraph in a format. GraphML, GEXF, CSV and
// DOT are written here from the subgraph; N-Quads and JSON-LD come from the
// store's own writers, for the same entities.
func (s *Service) Export(ctx context.Context, w io.Writer, sel Selection, format string) error {
	f, err := ExportFormat(format)
	if err != nil {
		return err
	}
	if d, ok := s.r.(dumper); ok && sel.Chain == "" && sel.Seed == "" && (f.Name == "nquads" || f.Name == "jsonld") {
		return d.Dump(ctx, w, f.Name) // the whole graph, as the store writes it
	}
	g, err := s.Subgraph(ctx, sel)
	if err != nil {
		return err
	}
	switch f.Name {
	case "graphml":
		return WriteGraphML(w, g)
	case "gexf":
		return WriteGEXF(w, g)
	case "csv":
		return WriteCSVZip(w, g)
	case "dot":
		return WriteDOT(w, g)
	}
	d, ok := s.r.(subgraphDumper)
	if !ok {
		return kg.Errorf(kg.EInternal, "the store cannot write %s", f.Name)
	}
	ids := make([]string, len(g.Nodes))
	for i, n := range g.Nodes {
		ids[i] = n.ID
	}
	return d.DumpSubgraph(ctx, w, f.Name, ids)
}

// ExportName is a safe file name for an export: kg-<what>.<ext>, where what
// keeps letters (Chinese included), digits, '-' and '_' only.
func ExportName(sel Selection, f Format) string {
	what := "all"
	switch {
	case sel.Chain != "":
		what = "chain-" + sel.Chain
	case sel.Seed != "":
		what = sel.Seed
		if sel.Hops > 0 {
			what += "-" + strconv.Itoa(sel.Hops) + "hops"
		}
	}
	var b strings.Builder
	for _, r := range what {
		switch {
		case r == '-' || r == '_' || (r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z'):
			b.WriteRune(r)
		case r > 0x2e7f && r < 0xa000: // CJK
			b.WriteRune(r)
		case r == '/' || r == ' ' || r == '.':
			b.WriteRune('-')
		}
		if b.Len() > 120 {
			break
		}
	}
	name := strings.Trim(b.String(), "-")
	if name == "" {
		name = "export"
	}
	return "kg-" + name + "." + f.Ext
}

func evidenceText(evs []kg.Evidence) string {
	parts := make([]string, 0, len(evs))
	for _, e := range evs {
		parts = append(parts, fmt.Sprintf("[%s:%d-%d] %s", e.Document, e.Start, e.End, e.Text))
	}
	return strings.Join(parts, "\n")
}

func evidenceDocs(evs []kg.Evidence) string {
	var docs []string
	seen := map[string]bool{}
	for _, e := range evs {
		if !seen[e.Document] {
			seen[e.Document] = true
			docs = append(docs, e.Document)
		}
	}
	return strings.Join(docs, ";")
}

// xmlWriter writes escaped XML text by hand, which keeps the GraphML and
// GEXF writers streaming and their output exactly as the tools expect.
type xmlWriter struct {
	w   io.Writer
	err error
}

func (x *xmlWriter) raw(s string) {
	if x.err == nil {
		_, x.err = io.WriteString(x.w, s)
	}
}

func (x *xmlWriter) esc(s string) {
	if x.err != nil {
		return
	}
	// Drop characters XML 1.0 forbids, then escape.
	s = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || (r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF) {
			return r
		}
		return -1
	}, s)
	x.err = xml.EscapeText(x.w, []byte(s))
}

func (x *xmlWriter) attr(name, val string) {
	x.raw(" " + name + `="`)
	x.esc(val)
	x.raw(`"`)
}

// WriteGraphML writes g as GraphML with typed keys: label, type, aliases
// and stage on nodes; predicate, label, evidence, documents, inferred and
// confidence on edges. Gephi, yEd and Cytoscape read the label attribute.
func WriteGraphML(w io.Writer, g *Subgraph) error {
	x := &xmlWriter{w: w}
	x.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	x.raw(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	keys := []struct{ id, on, name, typ string }{
		{"label", "node", "label", "string"},
		{"type", "node", "type", "string"},
		{"aliases", "node", "aliases", "string"},
		{"stage", "node", "stage", "string"},
		{"degree", "node", "degree", "int"},
		{"e_label", "edge", "label", "string"},
		{"predicate", "edge", "predicate", "string"},
		{"evidence", "edge", "evidence", "string"},
		{"documents", "edge", "documents", "string"},
		{"inferred", "edge", "inferred", "boolean"},
		{"confidence", "edge", "confidence", "double"},
	}
	for _, k := range keys {
		x.raw(`  <key`)
		x.attr("id", k.id)
		x.attr("for", k.on)
		x.attr("attr.name", k.name)
		x.attr("attr.type", k.typ)
		x.raw("/>\n")
	}
	x.raw(`  <graph id="kg" edgedefault="directed">` + "\n")
	data := func(key, val string) {
		x.raw(`      <data key="` + key + `">`)
		x.esc(val)
		x.raw("</data>\n")
	}
	for _, n := range g.Nodes {
		x.raw("    <node")
		x.attr("id", n.ID)
		x.raw(">\n")
		data("label", n.Name)
		data("type", n.Type)
		if len(n.Aliases) > 0 {
			data("aliases", strings.Join(n.Aliases, ";"))
		}
		if n.Stage != "" {
			data("stage", n.Stage)
		}
		data("degree", strconv.Itoa(n.Degree))
		x.raw("    </node>\n")
	}
	for _, e := range g.Edges {
		x.raw("    <edge")
		x.attr("id", e.ID)
		x.attr("source", e.Source)
		x.attr("target", e.Target)
		x.raw(">\n")
		data("e_label", e.Predicate)
		data("predicate", e.Predicate)
		data("evidence", evidenceText(e.Evidence))
		data("documents", evidenceDocs(e.Evidence))
		data("inferred", strconv.FormatBool(e.Inferred))
		data("confidence", strconv.FormatFloat(e.Confidence, 'g', -1, 64))
		x.raw("    </edge>\n")
	}
	x.raw("  </graph>\n</graphml>\n")
	return x.err
}

// WriteGEXF writes g as GEXF 1.3 with node and edge attributes declared.
func WriteGEXF(w io.Writer, g *Subgraph) error {
	x := &xmlWriter{w: w}
	x.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	x.raw(`<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">` + "\n")
	x.raw(`  <meta lastmodifieddate="` + time.Now().UTC().Format("2006-01-02") + `"><creator>kg</creator><description>knowledge graph export</description></meta>` + "\n")
	x.raw(`  <graph defaultedgetype="directed" mode="static">` + "\n")
	x.raw(`    <attributes class="node">` + "\n" +
		`      <attribute id="type" title="type" type="string"/>` + "\n" +
		`      <attribute id="aliases" title="aliases" type="string"/>` + "\n" +
		`      <attribute id="stage" title="stage" type="string"/>` + "\n" +
		`      <attribute id="degree" title="degree" type="integer"/>` + "\n" +
		`    </attributes>` + "\n")
	x.raw(`    <attributes class="edge">` + "\n" +
		`      <attribute id="predicate" title="predicate" type="string"/>` + "\n" +
		`      <attribute id="evidence" title="evidence" type="string"/>` + "\n" +
		`      <attribute id="documents" title="documents" type="string"/>` + "\n" +
		`      <attribute id="inferred" title="inferred" type="boolean"/>` + "\n" +
		`      <attribute id="confidence" title="confidence" type="double"/>` + "\n" +
		`    </attributes>` + "\n")
	av := func(key, val string) {
		x.raw(`          <attvalue for="` + key + `"`)
		x.attr("value", val)
		x.raw("/>\n")
	}
	x.raw("    <nodes>\n")
	for _, n := range g.Nodes {
		x.raw("      <node")
		x.attr("id", n.ID)
		x.attr("label", n.Name)
		x.raw(">\n        <attvalues>\n")
		av("type", n.Type)
		av("aliases", strings.Join(n.Aliases, ";"))
		av("stage", n.Stage)
		av("degree", strconv.Itoa(n.Degree))
		x.raw("        </attvalues>\n      </node>\n")
	}
	x.raw("    </nodes>\n    <edges>\n")
	for _, e := range g.Edges {
		x.raw("      <edge")
		x.attr("id", e.ID)
		x.attr("source", e.Source)
		x.attr("target", e.Target)
		x.attr("label", e.Predicate)
		x.raw(">\n        <attvalues>\n")
		av("predicate", e.Predicate)
		av("evidence", evidenceText(e.Evidence))
		av("documents", evidenceDocs(e.Evidence))
		av("inferred", strconv.FormatBool(e.Inferred))
		av("confidence", strconv.FormatFloat(e.Confidence, 'g', -1, 64))
		x.raw("        </attvalues>\n      </edge>\n")
	}
	x.raw("    </edges>\n  </graph>\n</gexf>\n")
	return x.err
}

// WriteCSVZip writes g as a zip of nodes.csv and edges.csv with the headers
// neo4j-admin import takes (id:ID, :LABEL, :START_ID, :END_ID, :TYPE).
func WriteCSVZip(w io.Writer, g *Subgraph) error {
	z := zip.NewWriter(w)
	f, err := z.Create("nodes.csv")
	if err != nil {
		return err
	}
	c := csv.NewWriter(f)
	c.Write([]string{"id:ID", "name", ":LABEL", "aliases:string[]", "stage", "degree:int"})
	for _, n := range g.Nodes {
		c.Write([]string{n.ID, n.Name, n.Type, strings.Join(n.Aliases, ";"), n.Stage, strconv.Itoa(n.Degree)})
	}
	if c.Flush(); c.Error() != nil {
		return c.Error()
	}
	f, err = z.Create("edges.csv")
	if err != nil {
		return err
	}
	c = csv.NewWriter(f)
	c.Write([]string{":START_ID", ":END_ID", ":TYPE", "evidence", "documents", "inferred:boolean", "confidence:float"})
	for _, e := range g.Edges {
		c.Write([]string{e.Source, e.Target, e.Predicate, evidenceText(e.Evidence), evidenceDocs(e.Evidence),
			strconv.FormatBool(e.Inferred), strconv.FormatFloat(e.Confidence, 'g', -1, 64)})
	}
	if c.Flush(); c.Error() != nil {
		return c.Error()
	}
	return z.Close()
}

// dotShapes gives each entity type a shape in Graphviz.
var dotShapes = map[string]string{
	kg.TypeEnterprise:   "box",
	kg.TypeOrganization: "hexagon",
	kg.TypeProject:      "ellipse",
	kg.TypeProduct:      "note",
	kg.TypeIndustry:     "folder",
	kg.TypePlace:        "house",
}

// WriteDOT writes g as a Graphviz digraph.
func WriteDOT(w io.Writer, g *Subgraph) error {
	q := strconv.Quote
	var b strings.Builder
	b.WriteString("digraph kg {\n  node [fontname=\"Noto Sans CJK SC\"];\n")
	for _, n := range g.Nodes {
		shape := dotShapes[n.Type]
		if shape == "" {
			shape = "ellipse"
		}
		fmt.Fprintf(&b, "  %s [label=%s, shape=%s, type=%s];\n", q(n.ID), q(n.Name), shape, q(n.Type))
	}
	for _, e := range g.Edges {
		fmt.Fprintf(&b, "  %s -> %s [label=%s];\n", q(e.Source), q(e.Target), q(e.Predicate))
	}
	b.WriteString("}\n")
	_, err := io.WriteString(w, b.String())
	return err
}
