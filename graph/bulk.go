package graph

// The bulk build of a bolt store that holds no documents: the documents go
// through the same mapping as LoadDocuments (prepare, resolution against
// the documents before them, encode), into a new file written by the bulk
// writer (bulkwrite.go) beside the store, which replaces the store's file
// when the build commits. A PostgreSQL store's bulk build loads through
// LoadDocuments into tables without their indexes (postgres.go).

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/cayleygraph/quad"

	"github.com/kgraph/kg"
)

// ErrNoBulk is returned (wrapped, with the reason) by Store.Bulk for a
// store that cannot be built in bulk: in memory, or holding documents.
var ErrNoBulk = errors.New("no bulk build")

// Bulk is a bulk build in progress: documents loaded through it go to a
// new file (the store's path + ".building"), which replaces the store's
// file at Commit. Until then the store is unchanged and its readers see it
// as it was; its writers wait. A process killed in the middle leaves the
// store as it was (and a ".building" file that the next bulk build
// removes). Documents are all new: one id loaded twice is an error. A Bulk
// is used by one goroutine.
//
// On PostgreSQL the documents are written as LoadDocuments writes them,
// each whole, into the quads table without its indexes (but the primary
// key), which Commit or Abort creates again; readers see the documents
// as they come, slowly without the indexes, and another process must not
// write the store meanwhile: duplicate quads would make Commit fail. A
// process killed in the middle leaves the documents written, and the next
// open of the store creates the indexes.
type Bulk struct {
	s    *Store
	pg   bool // PostgreSQL: the store's own writer, w unused
	w    *bulkWriter
	idx  *index // the entities and resolution keys of the documents loaded
	docs map[string]bool
	done bool

	// Two goroutines beside the caller's, which maps documents: one packs
	// their models and hashes and encodes their nodes (prepared), the
	// other writes them. failed is closed when either fails (werr),
	// written when both have ended.
	work     chan bulkJob
	prepared chan *bulkDoc
	failOnce sync.Once
	failed   chan struct{}
	werr     error
	written  chan struct{}
}

// Bulk starts a bulk build of a bolt store holding no documents (the
// taxonomy alone counts as none). For any other store it returns an error
// wrapping ErrNoBulk, and the store is unchanged. End the build with
// Commit or Abort.
func (s *Store) Bulk() (*Bulk, error) {
	s.writeMu.Lock()
	started := false
	defer func() {
		if !started {
			s.writeMu.Unlock()
		}
	}()
	if s.qs == nil {
		return nil, errClosed("bulk build")
	}
	if s.pg == nil && (s.bw == nil || s.path == "") {
		return nil, fmt.Errorf("%w: a %s store", ErrNoBulk, s.kind)
	}
	s.mu.RLock()
	n := len(s.idx.docs)
	if _, ok := s.idx.docs[TaxonomyDoc]; ok {
		n--
	}
	s.mu.RUnlock()
	if n > 0 {
		return nil, fmt.Errorf("%w: the store holds %d documents", ErrNoBulk, n)
	}
	if s.pg != nil {
		if err := s.pg.dropIndexes(context.Background()); err != nil {
			return nil, fmt.Errorf("bulk build: %w", err)
		}
		started = true
		return &Bulk{s: s, pg: true, docs: make(map[string]bool)}, nil
	}
	w, err := newBulkWriter(s.path+".building", s.bw.indexes)
	if err != nil {
		return nil, fmt.Errorf("bulk build of %s: %w", s.addr, err)
	}
	started = true
	b := &Bulk{s: s, w: w, idx: newIndex(true), docs: make(map[string]bool),
		work: make(chan bulkJob, 16), prepared: make(chan *bulkDoc, 16),
		failed: make(chan struct{}), written: make(chan struct{})}
	go b.prepare()
	go b.write()
	return b, nil
}

// bulkJob is one document mapped: its quads and its model as decoded.
type bulkJob struct {
	id    string
	quads []quad.Quad
	model *docModel
}

func (b *Bulk) fail(err error) {
	b.failOnce.Do(func() {
		b.werr = err
		close(b.failed)
	})
}

// prepare packs the models and prepares the nodes of the documents
// mapped, until work closes.
func (b *Bulk) prepare() {
	defer close(b.prepared)
	for j := range b.work {
		packed, err := pack(j.model)
		var d *bulkDoc
		if err == nil {
			d, err = prepareBulk(j.id, j.quads, packed)
		}
		if err != nil {
			b.fail(fmt.Errorf("load %s: %w", j.id, err))
			continue
		}
		select {
		case b.prepared <- d:
		case <-b.failed:
		}
	}
}

// write writes the documents prepared, until prepared closes.
func (b *Bulk) write() {
	defer close(b.written)
	for d := range b.prepared {
		select {
		case <-b.failed:
			continue
		default:
		}
		if err := b.w.addDoc(d); err != nil {
			b.fail(fmt.Errorf("load %s: %w", d.id, err))
		}
	}
}

// stopWriter waits for the documents given to be written.
func (b *Bulk) stopWriter() error {
	close(b.work)
	<-b.written
	select {
	case <-b.failed:
		return b.werr
	default:
		return nil
	}
}

// LoadTaxonomy loads the industry taxonomy, as Store.LoadTaxonomy does.
func (b *Bulk) LoadTaxonomy(ctx context.Context, entities []kg.Entity, relations []kg.Relation) (LoadStats, error) {
	doc := kg.Document{ID: TaxonomyDoc, Title: "产业链分类"}
	st, err := b.LoadDocuments(ctx, []Input{{Doc: doc, X: &kg.Extraction{Entities: entities, Relations: relations}}}, nil)
	if err != nil {
		return LoadStats{}, err
	}
	return st[0], nil
}

// LoadDocuments adds documents to the build, in order (entity resolution
// gives an id to the first document naming it, as in Store.LoadDocuments);
// progress, when not nil, is called with their stats.
func (b *Bulk) LoadDocuments(ctx context.Context, in []Input, progress func([]LoadStats)) ([]LoadStats, error) {
	if b.done {
		return nil, kg.Errorf(kg.EInvalid, "bulk build: already ended")
	}
	if b.pg {
		for _, d := range in {
			if b.docs[d.Doc.ID] {
				return nil, errTwice(d.Doc.ID)
			}
			b.docs[d.Doc.ID] = true
		}
		return b.s.loadDocuments(ctx, in, progress)
	}
	stats := make([]LoadStats, 0, len(in))
	for _, d := range in {
		if err := ctx.Err(); err != nil {
			return stats, err
		}
		m, text, err := prepare(d.Doc, d.X)
		if err != nil {
			return stats, err
		}
		id := m.doc.ID
		if b.docs[id] {
			return stats, errTwice(id)
		}
		b.docs[id] = true
		b.idx.resolve(m)
		quads := encode(m, text)
		dm, _ := decode(id, quads)
		select {
		case b.work <- bulkJob{id: id, quads: quads, model: dm}:
		case <-b.failed:
			return stats, b.werr
		}
		for i := range dm.entities {
			e := &dm.entities[i]
			if _, ok := b.idx.entities[e.ID]; !ok {
				b.idx.entities[e.ID] = leanEntity
			}
			b.idx.claimKeys(e.ID, e)
		}
		stats = append(stats, LoadStats{Document: id, Quads: len(quads), Added: len(quads),
			Entities: len(dm.entities), Relations: len(dm.relations)})
	}
	if progress != nil {
		progress(stats)
	}
	return stats, nil
}

func errTwice(id string) error {
	return &kg.Error{Code: kg.EConflict, Op: "bulk build",
		Message: "document " + id + " loaded twice (a bulk build only adds documents)"}
}

// Commit finishes the new file, syncs it and renames it over the store's
// file (on PostgreSQL: creates the indexes again), then closes the store:
// open it again to use what was built.
func (b *Bulk) Commit() error {
	if b.done {
		return kg.Errorf(kg.EInvalid, "bulk build: already ended")
	}
	b.done = true
	s := b.s
	defer s.writeMu.Unlock()
	if b.pg {
		if err := s.pg.restoreIndexes(context.Background()); err != nil {
			return fmt.Errorf("bulk build: %w", err)
		}
		return s.closeLocked()
	}
	if err := b.stopWriter(); err != nil {
		b.w.abort()
		return fmt.Errorf("bulk build of %s: %w", s.addr, err)
	}
	if err := b.w.finish(); err != nil {
		b.w.abort()
		return fmt.Errorf("bulk build of %s: %w", s.addr, err)
	}
	if err := os.Rename(b.w.path, s.path); err != nil {
		os.Remove(b.w.path)
		return fmt.Errorf("bulk build of %s: %w", s.addr, err)
	}
	if err := syncDir(filepath.Dir(s.path)); err != nil {
		return fmt.Errorf("bulk build of %s: %w", s.addr, err)
	}
	// The store's handle is on the file replaced; its lock kept other
	// processes out until the new file was in place.
	return s.closeLocked()
}

// Abort drops the build, leaving the store as it was (and open); on
// PostgreSQL, the documents written stay and the indexes are created
// again. It does nothing after Commit.
func (b *Bulk) Abort() {
	if b.done {
		return
	}
	b.done = true
	defer b.s.writeMu.Unlock()
	if b.pg {
		// On failure, the next open tries again.
		b.s.pg.restoreIndexes(context.Background())
		return
	}
	b.stopWriter()
	b.w.abort()
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
