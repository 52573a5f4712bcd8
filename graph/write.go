package graph

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/kgraph/kg"
)

// Input is one document to load: the document (with its Text and Sentences)
// and its extraction.
type Input struct {
	Doc kg.Document
	X   *kg.Extraction
}

// DefaultBatchQuads is how many quads one write transaction gathers when
// several documents are loaded together: large enough to amortize a
// commit, small enough to keep memory flat. BatchQuads changes it.
const DefaultBatchQuads = 50_000

// BatchQuads sets how many quads one write transaction gathers. Larger
// batches load a large bolt store faster (each page of Cayley's value
// buckets is rewritten once per transaction: at ten thousand reports,
// 200,000 quads a transaction loaded 1.5× faster than 50,000) and hold more
// memory while they are written.
func BatchQuads(n int) Option {
	return func(s *Store) {
		if n > 0 {
			s.batchQuads = n
		}
	}
}

// LoadDocument stores one document's extraction, replacing any earlier
// version of the same document id, all-or-nothing. Loading the same document
// twice writes nothing the second time.
func (s *Store) LoadDocument(ctx context.Context, doc kg.Document, x *kg.Extraction) (LoadStats, error) {
	st, err := s.LoadDocuments(ctx, []Input{{Doc: doc, X: x}}, nil)
	if err != nil {
		return LoadStats{}, err
	}
	return st[0], nil
}

// LoadDocuments loads several documents, gathering them into few write
// transactions. Each document is whole or absent in the store at every
// moment, even if the process is killed. progress, when not nil, is called
// after each transaction with the stats of the documents it committed.
//
// While one transaction is written, the next is prepared (mapping and
// diffing take a quarter of a load): the documents of the transaction in
// flight count as staged for entity resolution, and one that comes again
// waits for it.
func (s *Store) LoadDocuments(ctx context.Context, in []Input, progress func([]LoadStats)) ([]LoadStats, error) {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	return s.loadDocuments(ctx, in, progress)
}

// loadDocuments is LoadDocuments; writeMu is held.
func (s *Store) loadDocuments(ctx context.Context, in []Input, progress func([]LoadStats)) ([]LoadStats, error) {
	if s.qs == nil {
		return nil, errClosed("load")
	}
	var (
		all     []LoadStats
		batch   []cgraph.Delta
		pending []*docModel
		stats   []LoadStats
		// fresh lists the batch's document nodes while none of its
		// documents had an earlier version.
		fresh    []quad.Value
		allFresh = true
		// The transaction being written.
		inflight  chan error
		inPending []*docModel
		inStats   []LoadStats
		// packed holds the packed models of the documents written on bolt
		// (boltmodels.go), for the lean index to keep as they are.
		packed = make(map[*docModel][]byte)
	)
	// staged overlays the index with the entities and resolution keys of
	// the documents not yet in it (in flight or pending), computed once per
	// document.
	var staged *index
	restage := func() {
		staged = &index{keys: make(map[string]string), entities: make(map[string]*merged), parent: s.idx}
		for _, m := range inPending {
			staged.stage(m)
		}
		for _, m := range pending {
			staged.stage(m)
		}
	}
	restage()
	// wait completes the transaction in flight: once it has committed,
	// its documents enter the index.
	wait := func() error {
		if inflight == nil {
			return nil
		}
		err := <-inflight
		p, st := inPending, inStats
		inflight, inPending, inStats = nil, nil, nil
		if err != nil {
			return err
		}
		s.mu.Lock()
		for _, m := range p {
			s.idx.putPacked(m, packed[m])
			delete(packed, m)
		}
		s.mu.Unlock()
		restage()
		s.version.Add(1)
		all = append(all, st...)
		if progress != nil {
			progress(st)
		}
		return nil
	}
	flush := func() error {
		// The bolt writer's share of the work that needs no store is done
		// here, while the transaction before is still being written.
		var (
			prepared *boltBatch
			models   map[string][]byte
		)
		if (s.bw != nil || s.pg != nil) && len(batch) > 0 {
			models = make(map[string][]byte, len(pending))
			for _, m := range pending {
				b, err := pack(m)
				if err != nil {
					return fmt.Errorf("load %s: %w", m.doc.ID, err)
				}
				models[m.doc.ID] = b
				packed[m] = b
			}
			if s.bw != nil && onlyAdds(batch) {
				var err error
				if prepared, err = prepareBolt(deltaQuads(batch)); err != nil {
					return err
				}
				prepared.models = models
			}
		}
		if err := wait(); err != nil {
			return err
		}
		if len(pending) == 0 {
			return nil
		}
		if !allFresh {
			fresh = nil
		}
		done := make(chan error, 1)
		go func(b []cgraph.Delta, f []quad.Value) {
			if prepared != nil {
				_, err := s.bw.write(prepared)
				done <- err
				return
			}
			err := s.apply(ctx, b, f, models)
			if err == nil && models != nil && s.bw != nil {
				err = s.bw.putModels(models)
			}
			done <- err
		}(batch, fresh)
		inflight, inPending, inStats = done, pending, stats
		batch, pending, stats, fresh, allFresh = nil, nil, nil, nil, true
		return nil
	}
	load := func() error {
		for _, d := range in {
			if err := ctx.Err(); err != nil {
				return err
			}
			m, text, err := prepare(d.Doc, d.X)
			if err != nil {
				return err
			}
			// An earlier version must be in the store (and the index)
			// before diffing.
			if hasDoc(pending, m.doc.ID) {
				if err := flush(); err != nil {
					return fmt.Errorf("load %s: %w", d.Doc.ID, err)
				}
			}
			if hasDoc(inPending, m.doc.ID) {
				if err := wait(); err != nil {
					return fmt.Errorf("load %s: %w", d.Doc.ID, err)
				}
			}
			st, dm, deltas, err := s.diff(ctx, m, text, staged)
			if err != nil {
				return err
			}
			batch = append(batch, deltas...)
			if _, old := s.idx.docs[m.doc.ID]; old {
				allFresh = false
			}
			fresh = append(fresh, docIRI(m.doc.ID))
			pending = append(pending, dm)
			staged.stage(dm)
			stats = append(stats, st)
			if len(batch) >= s.batchQuads {
				if err := flush(); err != nil {
					return fmt.Errorf("load %s: %w", d.Doc.ID, err)
				}
			}
		}
		if err := flush(); err != nil {
			return fmt.Errorf("load: %w", err)
		}
		return nil
	}
	err := load()
	// Whatever happened, the transaction in flight ends here, and enters
	// the index if it committed.
	if werr := wait(); err == nil && werr != nil {
		err = fmt.Errorf("load: %w", werr)
	}
	return all, err
}

func hasDoc(ms []*docModel, id string) bool {
	for _, m := range ms {
		if m.doc.ID == id {
			return true
		}
	}
	return false
}

// prepare turns the input into a normalized model.
func prepare(doc kg.Document, x *kg.Extraction) (*docModel, string, error) {
	if x == nil {
		x = &kg.Extraction{}
	}
	if doc.ID == "" && len(x.Documents) == 1 {
		doc = x.Documents[0]
	}
	if doc.ID == "" {
		return nil, "", kg.Errorf(kg.EInvalid, "load: a document needs an id")
	}
	text := doc.Text
	m := &docModel{doc: doc}
	m.doc.Text = ""
	m.doc.Sentences = append([]kg.Span(nil), doc.Sentences...)
	for _, e := range x.Entities {
		if e.ID == "" {
			continue
		}
		e.Aliases = append([]string{}, e.Aliases...)
		m.entities = append(m.entities, e)
	}
	fixEv := func(ev []kg.Evidence) []kg.Evidence {
		out := make([]kg.Evidence, 0, len(ev))
		for _, e := range ev {
			// Evidence always points into this document.
			e.Document = doc.ID
			out = append(out, e)
		}
		return out
	}
	for _, r := range x.Relations {
		if r.Subject == "" || r.Predicate == "" || (r.Object == "" && r.Value == "") {
			continue
		}
		r.Evidence = fixEv(r.Evidence)
		m.relations = append(m.relations, r)
	}
	for _, in := range x.Indicators {
		if in.ID == "" {
			continue
		}
		in.Evidence = fixEv(in.Evidence)
		m.indicators = append(m.indicators, in)
	}
	normalize(m)
	return m, text, nil
}

// diff resolves m's entities against the store and the documents staged
// before it (staged: an overlay over the index), and computes the deltas that turn the
// stored version of the document into m. It returns the model as a reopened
// store would decode it, for the index once the transaction commits. Called
// with writeMu held.
func (s *Store) diff(ctx context.Context, m *docModel, text string, staged *index) (LoadStats, *docModel, []cgraph.Delta, error) {
	id := m.doc.ID
	staged.resolve(m)
	newQuads := encode(m, text)
	var oldQuads []quad.Quad
	old, ok, err := s.idx.model(id)
	if err != nil {
		return LoadStats{}, nil, nil, fmt.Errorf("load %s: earlier version: %w", id, err)
	}
	if ok {
		oldQuads = encode(old, "")
		stored, err := s.subjectQuads(ctx, docIRI(id))
		if err != nil {
			return LoadStats{}, nil, nil, fmt.Errorf("load %s: read earlier version: %w", id, err)
		}
		for _, q := range stored {
			if q.Label == docIRI(id) {
				oldQuads = append(oldQuads, q)
			}
		}
	}
	deltas, added, removed := deltasBetween(oldQuads, newQuads)
	dm, _ := decode(id, newQuads)
	return LoadStats{
		Document:  id,
		Quads:     len(newQuads),
		Added:     added,
		Removed:   removed,
		Entities:  len(dm.entities),
		Relations: len(dm.relations),
	}, dm, deltas, nil
}

func deltasBetween(old, new []quad.Quad) (deltas []cgraph.Delta, added, removed int) {
	if len(old) == 0 {
		deltas = make([]cgraph.Delta, len(new))
		for i, q := range new {
			deltas[i] = cgraph.Delta{Quad: q, Action: cgraph.Add}
		}
		return deltas, len(new), 0
	}
	keep := make(map[quad.Quad]bool, len(old))
	for _, q := range old {
		keep[q] = true
	}
	inNew := make(map[quad.Quad]bool, len(new))
	for _, q := range new {
		inNew[q] = true
		if !keep[q] {
			deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Add})
			added++
		}
	}
	for q := range keep {
		if !inNew[q] {
			deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Delete})
			removed++
		}
	}
	return deltas, added, removed
}

// apply writes deltas in one transaction. fresh, when not nil, names the
// document nodes of a batch of documents new to the index (a hint for the
// PostgreSQL writer, which checks it). The PostgreSQL writer stores the
// documents' models in the same transaction; on bolt, the caller does.
func (s *Store) apply(ctx context.Context, deltas []cgraph.Delta, fresh []quad.Value, models map[string][]byte) error {
	if len(deltas) == 0 {
		return nil
	}
	if s.pg != nil {
		return s.pg.apply(ctx, deltas, fresh, models)
	}
	if s.bw != nil && onlyAdds(deltas) {
		_, err := s.bw.add(deltaQuads(deltas))
		return err
	}
	unlock := s.writeQS()
	defer unlock()
	return s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true})
}

func deltaQuads(deltas []cgraph.Delta) []quad.Quad {
	quads := make([]quad.Quad, len(deltas))
	for i, d := range deltas {
		quads[i] = d.Quad
	}
	return quads
}

func onlyAdds(deltas []cgraph.Delta) bool {
	for _, d := range deltas {
		if d.Action != cgraph.Add {
			return false
		}
	}
	return true
}

// RemoveDocument removes a document's facts, and the entities no other
// document mentions. An unknown id gives a kg.ENotFound error.
func (s *Store) RemoveDocument(ctx context.Context, id string) error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if s.qs == nil {
		return errClosed("remove")
	}
	old, ok, err := s.idx.model(id)
	if err != nil {
		return fmt.Errorf("remove %s: %w", id, err)
	}
	if !ok {
		return &kg.Error{Code: kg.ENotFound, Op: "remove", Message: "no document " + id}
	}
	quads := encode(old, "")
	stored, err := s.subjectQuads(ctx, docIRI(id))
	if err != nil {
		return fmt.Errorf("remove %s: %w", id, err)
	}
	for _, q := range stored {
		if q.Label == docIRI(id) {
			quads = append(quads, q)
		}
	}
	deltas, _, _ := deltasBetween(quads, nil)
	// Readers wait for this one transaction, so that none sees the
	// document in the index without its quads.
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.apply(ctx, deltas, nil, map[string][]byte{id: nil}); err != nil {
		return fmt.Errorf("remove %s: %w", id, err)
	}
	if s.bw != nil {
		if err := s.bw.putModels(map[string][]byte{id: nil}); err != nil {
			return fmt.Errorf("remove %s: %w", id, err)
		}
	}
	s.idx.remove(id)
	s.version.Add(1)
	return nil
}

// TaxonomyDoc is the id of the pseudo-document that holds the industry
// taxonomy, so that the chains tree is whole even where no report names a
// chain. Documents leaves it out; Document and RemoveDocument know it.
const TaxonomyDoc = "_taxonomy"

// LoadTaxonomy stores the industry taxonomy (its entities and subIndustryOf
// relations, as extract.Taxonomy.Graph gives them) as the TaxonomyDoc
// pseudo-document, replacing the one stored before. Loading the same
// taxonomy again writes nothing.
func (s *Store) LoadTaxonomy(ctx context.Context, entities []kg.Entity, relations []kg.Relation) (LoadStats, error) {
	doc := kg.Document{ID: TaxonomyDoc, Title: "产业链分类"}
	return s.LoadDocument(ctx, doc, &kg.Extraction{Entities: entities, Relations: relations})
}

// QuadCount is the number of quads a document maps to (for sizing batches
// and benchmarks; entity resolution may merge a few).
func QuadCount(in Input) int {
	m, text, err := prepare(in.Doc, in.X)
	if err != nil {
		return 0
	}
	return len(encode(m, text))
}
