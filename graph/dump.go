package graph

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strconv"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/jsonld"
	"github.com/cayleygraph/quad/nquads"

	"github.com/kgraph/kg"
)

// Formats lists the formats Dump and DumpSubgraph write.
func Formats() []string { return []string{"nquads", "jsonld"} }

func newQuadWriter(w io.Writer, format string) (quad.WriteCloser, error) {
	switch format {
	case "", "nquads":
		return nquads.NewWriter(w), nil
	case "jsonld":
		return jsonld.NewWriter(w), nil
	}
	return nil, kg.Errorf(kg.EInvalid, "unknown dump format %q (nquads or jsonld)", format)
}

// Dump writes the whole graph in a quad format ("nquads" or "jsonld"),
// Chinese text as it is.
func (s *Store) Dump(ctx context.Context, w io.Writer, format string) error {
	qw, err := newQuadWriter(w, format)
	if err != nil {
		return err
	}
	var werr error
	err = s.eachQuad(ctx, func(q quad.Quad) {
		if werr == nil {
			werr = qw.WriteQuad(exported(q))
		}
	})
	if err == nil {
		err = werr
	}
	if e := qw.Close(); err == nil {
		err = e
	}
	if err != nil {
		return fmt.Errorf("dump: %w", err)
	}
	return nil
}

// DumpSubgraph writes the quads of some entities (their types, names,
// aliases and attributes, from every document) and of the relations among
// them, stage relations included, sorted.
func (s *Store) DumpSubgraph(ctx context.Context, w io.Writer, format string, entityIDs []string) error {
	qw, err := newQuadWriter(w, format)
	if err != nil {
		return err
	}
	in := make(map[quad.Value]bool, len(entityIDs))
	for _, id := range entityIDs {
		in[entityIRI(id)] = true
	}
	var out []quad.Quad
	for _, id := range entityIDs {
		quads, err := s.subjectQuads(ctx, entityIRI(id))
		if err != nil {
			return fmt.Errorf("dump subgraph: %w", err)
		}
		for _, q := range quads {
			if _, isIRI := q.Object.(quad.IRI); isIRI && q.Predicate != pType && !in[q.Object] {
				continue
			}
			out = append(out, q)
		}
	}
	sort.Slice(out, func(i, j int) bool { return quadLess(out[i], out[j]) })
	for _, q := range out {
		if err := qw.WriteQuad(exported(q)); err != nil {
			return fmt.Errorf("dump subgraph: %w", err)
		}
	}
	if err := qw.Close(); err != nil {
		return fmt.Errorf("dump subgraph: %w", err)
	}
	return nil
}

func quadLess(a, b quad.Quad) bool {
	for _, d := range quad.Directions {
		x, y := quad.StringOf(a.Get(d)), quad.StringOf(b.Get(d))
		if x != y {
			return x < y
		}
	}
	return false
}

const xsd = "http://www.w3.org/2001/XMLSchema#"

// exported spells numbers and booleans as literals typed with full XSD IRIs:
// the quad writers would write the short names (<xsd:integer>), which other
// tools do not read.
func exported(q quad.Quad) quad.Quad {
	typed := func(v, t string) quad.Value {
		return quad.TypedString{Value: quad.String(v), Type: quad.IRI(xsd + t)}
	}
	switch x := q.Object.(type) {
	case quad.Int:
		q.Object = typed(strconv.FormatInt(int64(x), 10), "integer")
	case quad.Float:
		q.Object = typed(strconv.FormatFloat(float64(x), 'g', -1, 64), "double")
	case quad.Bool:
		q.Object = typed(strconv.FormatBool(bool(x)), "boolean")
	}
	return q
}
