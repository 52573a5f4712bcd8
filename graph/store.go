package graph

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/memstore"
	"github.com/cayleygraph/quad"
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"
	bolt "go.etcd.io/bbolt"

	"github.com/kgraph/kg"
)

// DefaultAddr is the store address used when none is given.
const DefaultAddr = "bolt:./data/kg.db"

// Store is the knowledge graph: a Cayley quad store plus an in-memory index
// of the domain model derived from its quads. It implements Reader, Writer,
// Dumper and Querier and is safe for concurrent use: any number of readers
// and one writer at a time (writers queue).
type Store struct {
	addr string
	kind string // "mem", "bolt" or "postgres"
	path string // the bolt file
	qs   cgraph.QuadStore
	pg   *pgLoader   // the fast load path, postgres only
	bw   *boltWriter // the fast add path, bolt only

	// writeMu serializes writers. qsMu guards the quad store against Close,
	// and against writes where the backend is not safe for concurrent reads
	// and writes (memstore). mu guards idx.
	writeMu sync.Mutex
	qsMu    sync.RWMutex
	mu      sync.RWMutex
	idx     *index
	// indexFrom says what the index was last built from at open or at a
	// lean store's first read: "models" (stored beside the quads) or
	// "quads".
	indexFrom string
	version   atomic.Uint64
	// lean is set while the store holds the lean index of a store opened
	// for loading (lean.go).
	lean atomic.Bool
	// batchQuads is how many quads a write transaction gathers.
	batchQuads int
	// allMu orders the starts of whole-store iterations: memstore marks
	// itself as being read (a write) when one starts, which two readers
	// under qsMu.RLock would race on.
	allMu sync.Mutex
}

var _ interface {
	Reader
	Writer
	Dumper
	Querier
} = (*Store)(nil)

// Open opens (creating it if needed) the store at addr:
//
//	mem:                   Cayley's memstore, gone when the process ends
//	bolt:PATH (or PATH)    an embedded bbolt file, the default ./data/kg.db
//	postgres://…           Cayley's SQL backend on PostgreSQL
//
// A bolt file held by another process gives a kg.EConflict error after one
// second, never a hang.
func Open(ctx context.Context, addr string, opts ...Option) (*Store, error) {
	if addr == "" {
		addr = DefaultAddr
	}
	s := &Store{addr: addr, batchQuads: DefaultBatchQuads}
	for _, o := range opts {
		o(s)
	}
	s.idx = newIndex(s.lean.Load())
	var err error
	switch {
	case addr == "mem:" || addr == "mem" || strings.HasPrefix(addr, "mem:"):
		s.kind = "mem"
		s.qs = memstore.New()
	case strings.HasPrefix(addr, "postgres://") || strings.HasPrefix(addr, "postgresql://"):
		s.kind = "postgres"
		s.qs, s.pg, err = openPostgres(ctx, addr)
	case strings.HasPrefix(addr, "bolt:") || !hasScheme(addr):
		s.kind = "bolt"
		s.path = strings.TrimPrefix(addr, "bolt:")
		if s.path == "" {
			s.path = strings.TrimPrefix(DefaultAddr, "bolt:")
		}
		s.qs, s.bw, err = openBolt(s.path)
	default:
		return nil, kg.Errorf(kg.EInvalid, "store address %q: want mem:, bolt:PATH or postgres://…", addr)
	}
	if err != nil {
		return nil, err
	}
	if err := s.loadIndex(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("open %s: read graph: %w", addr, err)
	}
	return s, nil
}

// hasScheme tells "sqlite:x" or "mysql://…" (which Open refuses) from a
// plain path.
func hasScheme(addr string) bool {
	i := strings.IndexByte(addr, ':')
	if i < 2 {
		return false
	}
	for _, c := range addr[:i] {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

// openBolt opens bbolt through hidalgo by hand rather than through Cayley's
// registry: the lock timeout turns a second process into an error instead of
// a hang, and the large initial mmap avoids the remap deadlock between
// readers and a writer (cayley-notes). The freelist is written at each
// commit: without it every open walks every page of the file to rebuild it
// (at 1,000 reports 2.2 s of CPU and the whole 1 GB file mapped into the
// process, against no measurable cost to a build's commits).
func openBolt(path string) (cgraph.QuadStore, *boltWriter, error) {
	if path == "" {
		path = strings.TrimPrefix(DefaultAddr, "bolt:")
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, nil, fmt.Errorf("open bolt:%s: %w", path, err)
		}
	}
	db, err := hbolt.Open(path, &bolt.Options{Timeout: time.Second, InitialMmapSize: mmapSize(path), FreelistType: bolt.FreelistMapType})
	if errors.Is(err, bolt.ErrTimeout) {
		return nil, nil, &kg.Error{Code: kg.EConflict, Op: "open bolt:" + path,
			Message: "the store is in use by another process (close it, or use another --db)", Err: err}
	}
	if err != nil {
		return nil, nil, fmt.Errorf("open bolt:%s: %w", path, err)
	}
	if err := kv.Init(db, nil); err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
		db.Close()
		return nil, nil, fmt.Errorf("init bolt:%s: %w", path, err)
	}
	qs, err := kv.New(db, cgraph.Options{kv.OptNoBloom: true})
	if err != nil {
		db.Close()
		return nil, nil, fmt.Errorf("open bolt:%s: %w", path, err)
	}
	bw, err := newBoltWriter(db.DB())
	if err != nil {
		qs.Close()
		return nil, nil, fmt.Errorf("open bolt:%s: %w", path, err)
	}
	return qs, bw, nil
}

// mmapSize is the initial mmap of a bolt file: 1 GiB, or twice the file
// when it is larger, so that a store opened for serving does not remap
// (bbolt's remap is where readers and a writer deadlock) until it has
// doubled. It is address space, not memory.
func mmapSize(path string) int {
	size := 1 << 30
	if fi, err := os.Stat(path); err == nil {
		for int64(size) < 2*fi.Size() {
			size *= 2
		}
	}
	return size
}

// Close closes the store.
func (s *Store) Close() error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	return s.closeLocked()
}

// closeLocked closes the store; writeMu is held.
func (s *Store) closeLocked() error {
	s.qsMu.Lock()
	defer s.qsMu.Unlock()
	var err error
	if s.qs != nil {
		err = s.qs.Close()
		s.qs = nil
	}
	if s.pg != nil {
		if e := s.pg.Close(); err == nil {
			err = e
		}
		s.pg = nil
	}
	s.bw = nil
	return err
}

// Addr is the address the store was opened with.
func (s *Store) Addr() string { return s.addr }

// Kind is the store's backend: "mem", "bolt" or "postgres".
func (s *Store) Kind() string { return s.kind }

// readQS locks the quad store for reading: against writes where the
// backend needs it (memstore), and against Close everywhere.
func (s *Store) readQS() func() {
	s.qsMu.RLock()
	return s.qsMu.RUnlock
}

func errClosed(op string) error {
	return &kg.Error{Code: kg.ENotReady, Op: op, Message: "the store is closed"}
}

func (s *Store) writeQS() func() {
	if s.kind != "mem" {
		return func() {}
	}
	s.qsMu.Lock()
	return s.qsMu.Unlock
}

// loadIndex rebuilds the in-memory index: on bolt and PostgreSQL from the
// documents' stored models when they describe the store's quads
// (boltmodels.go, pgmodels.go), else from every quad of the store (and
// then stores the models for next time).
func (s *Store) loadIndex(ctx context.Context) error {
	if s.bw != nil || s.pg != nil {
		idx := newIndex(s.lean.Load())
		put := func(doc string, packed []byte) error {
			m, err := unpack(packed)
			if err != nil {
				return fmt.Errorf("model of %s: %w", doc, err)
			}
			idx.putPacked(m, packed)
			return ctx.Err()
		}
		var ok bool
		var err error
		if s.bw != nil {
			ok, err = s.bw.models(put)
		} else {
			ok, err = s.pg.models(ctx, put)
		}
		if err != nil {
			return err
		}
		if ok {
			s.mu.Lock()
			s.idx = idx
			s.indexFrom = "models"
			s.mu.Unlock()
			s.version.Add(1)
			return nil
		}
	}
	state, err := s.loadIndexFromQuads(ctx)
	if err != nil {
		return err
	}
	if s.bw == nil && s.pg == nil {
		return nil
	}
	models := make(map[string][]byte, len(s.idx.docs))
	for id := range s.idx.docs {
		m, ok, err := s.idx.model(id)
		if err != nil || !ok {
			return fmt.Errorf("model of %s: %v", id, err)
		}
		if models[id], err = pack(m); err != nil {
			return fmt.Errorf("model of %s: %w", id, err)
		}
	}
	if s.bw != nil {
		err = s.bw.resetModels(models)
	} else {
		err = s.pg.resetModels(ctx, models, state)
	}
	if err != nil {
		return fmt.Errorf("store document models: %w", err)
	}
	return nil
}

// loadIndexFromQuads rebuilds the in-memory index from every quad. On
// PostgreSQL it returns the state of the quads it read (pgmodels.go).
func (s *Store) loadIndexFromQuads(ctx context.Context) (int64, error) {
	byDoc := make(map[string][]quad.Quad)
	state, err := s.eachQuadAt(ctx, func(q quad.Quad) {
		doc, _, ok := labelDoc(q.Label)
		if !ok {
			return
		}
		if q.Predicate == pText && q.Subject == docIRI(doc) {
			q.Object = quad.String("") // the text stays in the store
		}
		byDoc[doc] = append(byDoc[doc], q)
	})
	if err != nil {
		return 0, err
	}
	// In document order, as a build loads them, so that the merged names
	// and the owners of resolution keys come out the same.
	docs := make([]string, 0, len(byDoc))
	for doc := range byDoc {
		docs = append(docs, doc)
	}
	sort.Strings(docs)
	idx := newIndex(s.lean.Load())
	for _, doc := range docs {
		m, _ := decode(doc, byDoc[doc])
		delete(byDoc, doc)
		idx.put(m)
	}
	s.mu.Lock()
	s.idx = idx
	s.indexFrom = "quads"
	s.mu.Unlock()
	s.version.Add(1)
	return state, nil
}

// eachQuad calls fn for every quad of the store.
func (s *Store) eachQuad(ctx context.Context, fn func(quad.Quad)) error {
	_, err := s.eachQuadAt(ctx, fn)
	return err
}

// eachQuadAt is eachQuad; on PostgreSQL it returns the state of the quads
// it read (pgmodels.go), elsewhere 0.
func (s *Store) eachQuadAt(ctx context.Context, fn func(quad.Quad)) (int64, error) {
	unlock := s.readQS()
	defer unlock()
	if s.qs == nil {
		return 0, errClosed("read")
	}
	if s.pg != nil {
		return s.pg.allQuads(ctx, fn)
	}
	if s.bw != nil {
		return 0, s.bw.eachQuad(ctx, fn)
	}
	return 0, s.cayleyQuads(ctx, fn)
}

// cayleyQuads calls fn for every quad through Cayley's iterators.
func (s *Store) cayleyQuads(ctx context.Context, fn func(quad.Quad)) error {
	// Quad(ref) looks up all four values of every quad; the same few nodes
	// (predicates, labels, types) recur in most quads, so resolve each node
	// once. Long literals (document texts) are not kept.
	names := make(map[any]quad.Value)
	s.allMu.Lock()
	it := s.qs.QuadsAllIterator().Iterate()
	s.allMu.Unlock()
	defer it.Close()
	for it.Next(ctx) {
		ref := it.Result()
		var q quad.Quad
		for _, d := range quad.Directions {
			r, err := s.qs.QuadDirection(ref, d)
			if err != nil {
				return err
			}
			if r == nil {
				continue
			}
			v, ok := names[r.Key()]
			if !ok {
				if v, err = s.qs.NameOf(r); err != nil {
					return err
				}
				if str, isString := v.(quad.String); !isString || len(str) < 256 {
					names[r.Key()] = v
				}
			}
			q.Set(d, v)
		}
		if q.IsValid() {
			fn(q)
		}
	}
	return it.Err()
}

// subjectQuads returns the quads whose subject is v.
func (s *Store) subjectQuads(ctx context.Context, v quad.Value) ([]quad.Quad, error) {
	unlock := s.readQS()
	defer unlock()
	if s.qs == nil {
		return nil, errClosed("read")
	}
	if s.pg != nil {
		var out []quad.Quad
		err := s.pg.quads(ctx, func(q quad.Quad) { out = append(out, q) }, "WHERE q.subject_hash = $1", hashOf(v))
		return out, err
	}
	return quadsOf(ctx, s.qs, quad.Subject, v)
}

func quadsOf(ctx context.Context, qs cgraph.QuadStore, d quad.Direction, v quad.Value) ([]quad.Quad, error) {
	ref, err := qs.ValueOf(v)
	if err != nil || ref == nil {
		return nil, err
	}
	it := qs.QuadIterator(d, ref).Iterate()
	defer it.Close()
	var out []quad.Quad
	for it.Next(ctx) {
		q, err := qs.Quad(it.Result())
		if err != nil {
			return nil, err
		}
		out = append(out, q)
	}
	return out, it.Err()
}
