package graph

// A store opened for loading (ForLoading) keeps what loading needs and not
// the index that answers reads: per document, its model packed (gob,
// deflated: a tenth of the decoded structs) for diffing a new version
// against; per entity, only that it exists; and the resolution keys. A
// build of ten thousand reports then holds a few hundred megabytes instead
// of the whole graph decoded. The first read builds the full index from the
// quads, as opening the store for serving does.
//
// Resolution is the same in both modes as long as documents are only
// added: keys are claimed by the names of each document's entities in load
// order, which is what the merged view claims. When a document is replaced
// or removed, the full index frees the keys its names held; the lean one
// keeps them (their owner stays the same entity id).

import (
	"bytes"
	"compress/flate"
	"context"
	"encoding/gob"
	"fmt"
	"io"
	"sync"

	"github.com/kgraph/kg"
)

// Option changes how a store is opened.
type Option func(*Store)

// ForLoading opens the store for loading: loads, removals, dumps and
// Gizmo queries work as usual, but the in-memory index that answers the
// Reader methods is only built on the first such call (as long as opening
// the store for serving takes). For `kg build` of large corpora.
func ForLoading() Option { return func(s *Store) { s.lean.Store(true) } }

// leanEntity stands for every entity of a lean index: it says the id
// exists, nothing more.
var leanEntity = &merged{}

// packedModel is a docModel with exported fields, for gob.
type packedModel struct {
	Doc        kg.Document
	Entities   []kg.Entity
	Relations  []kg.Relation
	Indicators []kg.Indicator
}

var flaters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.BestSpeed)
	return w
}}

func pack(m *docModel) ([]byte, error) {
	var buf bytes.Buffer
	fw := flaters.Get().(*flate.Writer)
	defer flaters.Put(fw)
	fw.Reset(&buf)
	p := packedModel{Doc: m.doc, Entities: m.entities, Relations: m.relations, Indicators: m.indicators}
	if err := gob.NewEncoder(fw).Encode(&p); err != nil {
		return nil, err
	}
	if err := fw.Close(); err != nil {
		return nil, err
	}
	return bytes.Clone(buf.Bytes()), nil
}

func unpack(b []byte) (*docModel, error) {
	fr := flate.NewReader(bytes.NewReader(b))
	defer fr.Close()
	var p packedModel
	if err := gob.NewDecoder(fr).Decode(&p); err != nil && err != io.EOF {
		return nil, fmt.Errorf("unpack document model: %w", err)
	}
	m := &docModel{doc: p.Doc, entities: p.Entities, relations: p.Relations, indicators: p.Indicators}
	// gob sends an empty slice as none; decode gives an empty one, which
	// JSON writes as [] rather than null.
	for i := range m.relations {
		if m.relations[i].Evidence == nil {
			m.relations[i].Evidence = []kg.Evidence{}
		}
	}
	for i := range m.indicators {
		if m.indicators[i].Evidence == nil {
			m.indicators[i].Evidence = []kg.Evidence{}
		}
	}
	normalize(m)
	intern(m)
	return m, nil
}

// putPacked adds a document whose model is packed already (nil: not).
func (x *index) putPacked(m *docModel, packed []byte) {
	if !x.lean {
		x.put(m)
		return
	}
	x.putLean(m, packed)
}

// putLean records a document in a lean index.
func (x *index) putLean(m *docModel, packed []byte) {
	var err error
	if packed == nil {
		packed, err = pack(m)
	}
	if err != nil {
		// Encoding our own structs cannot fail; keep the model whole
		// rather than lose it.
		x.full[m.doc.ID] = m
	} else {
		x.packed[m.doc.ID] = packed
		delete(x.full, m.doc.ID)
	}
	x.docs[m.doc.ID] = &docModel{doc: kg.Document{ID: m.doc.ID, Title: m.doc.Title, Year: m.doc.Year}}
	for i := range m.entities {
		e := &m.entities[i]
		if _, ok := x.entities[e.ID]; !ok {
			x.entities[e.ID] = leanEntity
		}
		x.claimKeys(e.ID, e)
	}
}

// model returns the model of a stored document (unpacked in a lean index).
func (x *index) model(id string) (*docModel, bool, error) {
	if !x.lean {
		m, ok := x.docs[id]
		return m, ok, nil
	}
	if m, ok := x.full[id]; ok {
		return m, true, nil
	}
	b, ok := x.packed[id]
	if !ok {
		return nil, false, nil
	}
	m, err := unpack(b)
	return m, err == nil, err
}

// readable builds the full index on the first read of a store opened for
// loading.
func (s *Store) readable(ctx context.Context) error {
	if !s.lean.Load() {
		return nil
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if !s.lean.Load() {
		return nil
	}
	if s.qs == nil {
		return errClosed("read")
	}
	s.lean.Store(false)
	if err := s.loadIndex(ctx); err != nil {
		s.lean.Store(true)
		return fmt.Errorf("read graph: %w", err)
	}
	return nil
}

// readErr is what a Reader method returns when the index cannot be built.
func readErr(op string, err error) error {
	if _, ok := err.(*kg.Error); ok {
		return err
	}
	return &kg.Error{Code: kg.EInternal, Op: op, Message: "cannot read the graph", Err: err}
}

// intern makes the equal strings of one document's model one string: a
// decoded model holds each of its entities' ids again in every relation
// touching them, the document's id in every evidence, and a sentence's
// text in every fact read from it, each a copy of its own. At 10,000
// reports the models are held for as long as a store serves.
func intern(m *docModel) {
	seen := make(map[string]string)
	s := func(p *string) {
		if *p == "" {
			return
		}
		if v, ok := seen[*p]; ok {
			*p = v
			return
		}
		seen[*p] = *p
	}
	ev := func(es []kg.Evidence) {
		for i := range es {
			s(&es[i].Document)
			s(&es[i].Text)
		}
	}
	s(&m.doc.ID)
	for i := range m.entities {
		e := &m.entities[i]
		s(&e.ID)
		s(&e.Type)
		s(&e.Name)
		for j := range e.Aliases {
			s(&e.Aliases[j])
		}
	}
	for i := range m.relations {
		r := &m.relations[i]
		s(&r.Subject)
		s(&r.Predicate)
		s(&r.Object)
		s(&r.Value)
		ev(r.Evidence)
	}
	for i := range m.indicators {
		in := &m.indicators[i]
		s(&in.ID)
		s(&in.Name)
		s(&in.Unit)
		s(&in.Measure)
		s(&in.Subject)
		ev(in.Evidence)
	}
}
