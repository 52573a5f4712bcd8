package graph

import (
	"context"
	"fmt"
	"sort"

	"github.com/kgraph/kg"
)

// Entity returns one entity by id, or a kg.ENotFound error.
func (s *Store) Entity(ctx context.Context, id string) (kg.Entity, error) {
	if err := s.readable(ctx); err != nil {
		return kg.Entity{}, readErr("entity", err)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	e := s.idx.entity(id)
	if e == nil {
		return kg.Entity{}, &kg.Error{Code: kg.ENotFound, Op: "entity", Message: "no entity " + id}
	}
	return copyEntity(e), nil
}

// Edges returns every relation touching id, in both directions, each with its
// evidence, ordered by predicate, direction and the other end. An unknown id
// gives a kg.ENotFound error.
func (s *Store) Edges(ctx context.Context, id string) ([]Edge, error) {
	if err := s.readable(ctx); err != nil {
		return nil, readErr("edges", err)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	refs, ok := s.idx.rels[id]
	if _, known := s.idx.entities[id]; !ok && !known {
		return nil, &kg.Error{Code: kg.ENotFound, Op: "edges", Message: "no entity " + id}
	}
	out := make([]Edge, 0, len(refs))
	for _, r := range refs {
		e := Edge{Relation: copyRelation(r.rel), Out: r.rel.Subject == id}
		other := r.rel.Object
		if !e.Out {
			other = r.rel.Subject
		}
		if other != "" {
			if o := s.idx.entity(other); o != nil {
				e.Other = copyEntity(o)
			} else {
				e.Other = kg.Entity{ID: other, Aliases: []string{}}
			}
		}
		out = append(out, e)
		// A relation from an entity to itself is seen from both ends.
		if r.rel.Object == id && r.rel.Subject == id {
			in := e
			in.Out = false
			in.Relation = copyRelation(r.rel)
			out = append(out, in)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Predicate != b.Predicate {
			return a.Predicate < b.Predicate
		}
		if a.Out != b.Out {
			return a.Out
		}
		if a.Other.ID != b.Other.ID {
			return a.Other.ID < b.Other.ID
		}
		if a.Value != b.Value {
			return a.Value < b.Value
		}
		return evLess(a.Evidence, b.Evidence)
	})
	return out, nil
}

// Relations lists every relation once per document that states it (each
// with that document's evidence), documents in id order: the bulk read the
// query service builds its index from, instead of one Edges call per
// entity. Relations whose subject is not an entity of the store are left
// out, as Edges leaves them out.
func (s *Store) Relations(ctx context.Context) ([]kg.Relation, error) {
	if err := s.readable(ctx); err != nil {
		return nil, readErr("relations", err)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	docs := make([]string, 0, len(s.idx.docs))
	n := 0
	for id, m := range s.idx.docs {
		docs = append(docs, id)
		n += len(m.relations)
	}
	sort.Strings(docs)
	out := make([]kg.Relation, 0, n)
	for _, d := range docs {
		for i := range s.idx.docs[d].relations {
			r := &s.idx.docs[d].relations[i]
			if _, ok := s.idx.entities[r.Subject]; !ok {
				continue
			}
			out = append(out, copyRelation(r))
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// EntitiesOfType lists all entities of one type ("" for all types), by id.
func (s *Store) EntitiesOfType(ctx context.Context, typ string) ([]kg.Entity, error) {
	if err := s.readable(ctx); err != nil {
		return nil, readErr("entities", err)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]kg.Entity, 0, len(s.idx.entities))
	for _, me := range s.idx.entities {
		if e := &me.entity; typ == "" || e.Type == typ {
			out = append(out, copyEntity(e))
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// Documents lists the documents (without their text and sentences), by id;
// the taxonomy's pseudo-document is not one of them.
func (s *Store) Documents(ctx context.Context) ([]kg.Document, error) {
	if err := s.readable(ctx); err != nil {
		return nil, readErr("documents", err)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]kg.Document, 0, len(s.idx.docs))
	for id, m := range s.idx.docs {
		if id == TaxonomyDoc {
			continue
		}
		d := m.doc
		d.Sentences = nil
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// Document returns one document with its text and sentence spans.
func (s *Store) Document(ctx context.Context, id string) (kg.Document, error) {
	if err := s.readable(ctx); err != nil {
		return kg.Document{}, readErr("document", err)
	}
	s.mu.RLock()
	m, ok := s.idx.docs[id]
	var d kg.Document
	if ok {
		d = m.doc
		d.Sentences = append([]kg.Span{}, m.doc.Sentences...)
	}
	s.mu.RUnlock()
	if !ok {
		return kg.Document{}, &kg.Error{Code: kg.ENotFound, Op: "document", Message: "no document " + id}
	}
	quads, err := s.subjectQuads(ctx, docIRI(id))
	if err != nil {
		return kg.Document{}, fmt.Errorf("document %s: %w", id, err)
	}
	found := false
	for _, q := range quads {
		if q.Predicate == pText && q.Label == docIRI(id) {
			d.Text, found = stringOf(q.Object), true
		}
	}
	if !found {
		// Removed after the index answered (RemoveDocument deletes the
		// quads and drops the index's entry under the write lock, which
		// this read let go of before reading the quads). Every document
		// is stored with its text, so it is gone, not empty.
		return kg.Document{}, &kg.Error{Code: kg.ENotFound, Op: "document", Message: "no document " + id}
	}
	return d, nil
}

// DocumentStats counts what one document contributes.
type DocumentStats struct {
	Entities   int
	Relations  int
	Indicators int
}

// DocumentStats returns the counts of one document's entities, relations and
// indicators, or a kg.ENotFound error.
func (s *Store) DocumentStats(ctx context.Context, id string) (DocumentStats, error) {
	if err := s.readable(ctx); err != nil {
		return DocumentStats{}, readErr("document", err)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	m, ok := s.idx.docs[id]
	if !ok {
		return DocumentStats{}, &kg.Error{Code: kg.ENotFound, Op: "document", Message: "no document " + id}
	}
	return DocumentStats{len(m.entities), len(m.relations), len(m.indicators)}, nil
}

// Indicators lists the indicators of one document ("" for all), by document
// then id.
func (s *Store) Indicators(ctx context.Context, doc string) ([]kg.Indicator, error) {
	if err := s.readable(ctx); err != nil {
		return nil, readErr("indicators", err)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	var docs []string
	if doc != "" {
		if _, ok := s.idx.docs[doc]; !ok {
			return nil, &kg.Error{Code: kg.ENotFound, Op: "indicators", Message: "no document " + doc}
		}
		docs = []string{doc}
	} else {
		for d := range s.idx.docs {
			docs = append(docs, d)
		}
		sort.Strings(docs)
	}
	out := []kg.Indicator{}
	for _, d := range docs {
		for _, in := range s.idx.docs[d].indicators {
			in.Evidence = append([]kg.Evidence{}, in.Evidence...)
			out = append(out, in)
		}
	}
	return out, nil
}

// Version changes whenever the store's content changes.
func (s *Store) Version() uint64 { return s.version.Load() }
