package graph

// The bulk writer: a new bbolt file in Cayley's kv layout (boltwrite.go),
// every bucket written in key order, for a store that holds no documents
// yet. The incremental writer's cost grows with the file because the value,
// count and index keys are spread over the whole key space, so that every
// transaction rewrites pages all over the file; here each bucket is
// appended to at its right edge only:
//
//   - node ids and quad ids are given as the quads come, from a hash table
//     of the nodes (value hash → id and reference count, nodeTable); the
//     log (ids ascending) is written as they come;
//   - each quad index's entries are kept as fixed-width tuples (key ids and
//     quad id, 32 bits each), sorted in runs of bounded size, spilled to
//     unlinked temporary files beside the store, and merged into the index
//     buckets at the end;
//   - the value and count buckets are written at the end from the hash
//     table, sorted by hash.
//
// The file is written with NoSync and without its freelist, and synced
// once at the end, after a last transaction that writes the freelist.

import (
	"bufio"
	"bytes"
	"container/heap"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"
	bolt "go.etcd.io/bbolt"
)

const (
	// bulkTxEntries is how many keys one write transaction of the bulk
	// writer puts: large enough to amortize a commit, small enough to
	// keep its dirty pages (in memory until the commit) to tens of MB.
	bulkTxEntries = 250_000
	// bulkRunTuples is the size of one sorted run of an index's entries
	// (16 bytes each): 64 MB.
	bulkRunTuples = 4 << 20
)

// nodeEntry is one node of the bulk writer's hash table. An id of 0 marks
// an empty slot.
type nodeEntry struct {
	hash [quad.HashSize]byte
	id   uint32
	refs uint32
}

// nodeTable maps value hashes to node ids and reference counts: 256
// open-addressed shards by the hash's first byte, each growing on its own,
// so that growing never holds two copies of the whole table.
type nodeTable struct {
	shards [256]nodeShard
	n      int
}

type nodeShard struct {
	slots []nodeEntry
	n     int
}

// slot returns the index of the slot holding h, or of the empty slot
// where it belongs.
func (s *nodeShard) slot(h *[quad.HashSize]byte) int {
	mask := len(s.slots) - 1
	i := int(binary.LittleEndian.Uint64(h[1:9])) & mask
	for {
		e := &s.slots[i]
		if e.id == 0 || e.hash == *h {
			return i
		}
		i = (i + 1) & mask
	}
}

func (s *nodeShard) grow() {
	old := s.slots
	size := 2 * len(old)
	if size == 0 {
		size = 1024
	}
	s.slots = make([]nodeEntry, size)
	for i := range old {
		if old[i].id != 0 {
			s.slots[s.slot(&old[i].hash)] = old[i]
		}
	}
}

// add counts refs more uses of the node hashed h, giving it id next()
// if it is new; it reports the node's id and whether it is new.
func (t *nodeTable) add(h *[quad.HashSize]byte, refs uint32, next func() uint32) (uint32, bool) {
	s := &t.shards[h[0]]
	if 4*(s.n+1) > 3*len(s.slots) {
		s.grow()
	}
	e := &s.slots[s.slot(h)]
	if e.id != 0 {
		e.refs += refs
		return e.id, false
	}
	e.hash, e.id, e.refs = *h, next(), refs
	s.n++
	t.n++
	return e.id, true
}

// sorted compacts each shard and sorts it by hash, ending the table's use
// for lookups.
func (t *nodeTable) sorted() {
	for i := range t.shards {
		s := &t.shards[i]
		out := s.slots[:0]
		for _, e := range s.slots {
			if e.id != 0 {
				out = append(out, e)
			}
		}
		slices.SortFunc(out, func(a, b nodeEntry) int { return bytes.Compare(a.hash[:], b.hash[:]) })
		s.slots = slices.Clip(out)
	}
}

// tuple is one index entry: up to three key ids and the quad id, 32 bits
// each, packed so that comparing the two words compares the entries.
type tuple [2]uint64

func cmpTuple(a, b tuple) int {
	if a[0] != b[0] {
		if a[0] < b[0] {
			return -1
		}
		return 1
	}
	if a[1] < b[1] {
		return -1
	}
	if a[1] > b[1] {
		return 1
	}
	return 0
}

// indexRuns gathers one quad index's entries.
type indexRuns struct {
	dirs []quad.Direction
	buf  []tuple
	runs []*os.File
}

type bulkWriter struct {
	path    string // the file being written (the store's path + ".building")
	db      *bolt.DB
	indexes []*indexRuns
	nodes   nodeTable
	horizon uint64
	size    int64
	now     int64
	// runTuples and txEntries are bulkRunTuples and bulkTxEntries (tests
	// make them small).
	runTuples, txEntries int

	// The write transaction in progress, and how many keys it put.
	tx      *bolt.Tx
	txPuts  int
	logb    *bolt.Bucket
	modelsb *bolt.Bucket
	a       arena

	// Per document: its distinct nodes and each quad's node ids.
	docNodes map[quad.Value]uint32
	seen     map[[4]uint32]struct{}
}

// errBulkIDs: the bulk writer keeps ids in 32 bits.
var errBulkIDs = errors.New("bulk build: more than 2^32 nodes and quads")

// newBulkWriter creates a new store file at path (removing one left over)
// and initializes it as Cayley does.
func newBulkWriter(path string) (*bulkWriter, error) {
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	kvdb, err := hbolt.Open(path, &bolt.Options{Timeout: time.Second, InitialMmapSize: 1 << 30,
		NoSync: true, NoGrowSync: true, NoFreelistSync: true, FreelistType: bolt.FreelistMapType})
	if err != nil {
		return nil, err
	}
	w := &bulkWriter{path: path, db: kvdb.DB(), now: time.Now().UnixNano(),
		runTuples: bulkRunTuples, txEntries: bulkTxEntries}
	fail := func(err error) (*bulkWriter, error) {
		w.db.Close()
		os.Remove(path)
		return nil, err
	}
	if err := kv.Init(kvdb, nil); err != nil {
		return fail(err)
	}
	bw, err := newBoltWriter(w.db)
	if err != nil || bw == nil {
		return fail(fmt.Errorf("bulk build: unknown quad index layout (%v)", err))
	}
	for _, dirs := range bw.indexes {
		if len(dirs) > 3 {
			return fail(fmt.Errorf("bulk build: quad index %v has more than three directions", dirs))
		}
		w.indexes = append(w.indexes, &indexRuns{dirs: dirs})
	}
	return w, nil
}

// begin starts a write transaction if none is in progress.
func (w *bulkWriter) begin() error {
	if w.tx != nil {
		return nil
	}
	tx, err := w.db.Begin(true)
	if err != nil {
		return err
	}
	w.tx, w.txPuts = tx, 0
	w.logb = tx.Bucket(bktLog)
	w.logb.FillPercent = 1.0
	w.modelsb, err = tx.CreateBucketIfNotExists(bktModels)
	return err
}

// commit ends the write transaction in progress.
func (w *bulkWriter) commit() error {
	if w.tx == nil {
		return nil
	}
	err := w.tx.Commit()
	w.tx, w.logb, w.modelsb, w.a = nil, nil, nil, arena{}
	return err
}

// put counts one key put, committing when the transaction is full.
func (w *bulkWriter) put() error {
	if w.txPuts++; w.txPuts >= w.txEntries {
		return w.commit()
	}
	return nil
}

func (w *bulkWriter) nextID() uint32 {
	w.horizon++
	return uint32(w.horizon)
}

// addDoc writes one document's quads (all new, in encode's order) to the
// log and its packed model to the models bucket.
func (w *bulkWriter) addDoc(doc string, quads []quad.Quad, packed []byte) error {
	if w.horizon+uint64(5*len(quads)) >= math.MaxUint32 {
		return errBulkIDs
	}
	if err := w.begin(); err != nil {
		return err
	}
	if w.docNodes == nil {
		w.docNodes = make(map[quad.Value]uint32)
		w.seen = make(map[[4]uint32]struct{})
	}
	clear(w.docNodes)
	clear(w.seen)
	// A document's nodes, each once: hashed and counted in the table,
	// and, when new, written to the log.
	refs := make(map[quad.Value]uint32)
	for _, q := range quads {
		for _, dir := range quad.Directions {
			if v := q.Get(dir); v != nil {
				refs[v]++
			}
		}
	}
	var h [quad.HashSize]byte
	for _, q := range quads {
		for _, dir := range quad.Directions {
			v := q.Get(dir)
			if v == nil {
				continue
			}
			if _, ok := w.docNodes[v]; ok {
				continue
			}
			quad.HashTo(v, h[:])
			id, isNew := w.nodes.add(&h, refs[v], w.nextID)
			w.docNodes[v] = id
			if !isNew {
				continue
			}
			raw, err := pquads.MarshalValue(v)
			if err != nil {
				return fmt.Errorf("bulk build: encode %v: %w", v, err)
			}
			if err := w.logb.Put(w.a.be64(uint64(id)), primitive(&w.a, uint64(id), [4]uint64{}, w.now, raw)); err != nil {
				return err
			}
			if err := w.put(); err != nil {
				return err
			}
			if err := w.begin(); err != nil {
				return err
			}
		}
	}
	for _, q := range quads {
		var ids [4]uint32
		var ids64 [4]uint64
		for d, dir := range quad.Directions {
			if v := q.Get(dir); v != nil {
				ids[d] = w.docNodes[v]
				ids64[d] = uint64(ids[d])
			}
		}
		if _, dup := w.seen[ids]; dup {
			// Two values of one hash: Cayley stores the quad once, and
			// counts its nodes once.
			for d := range ids {
				if ids[d] != 0 {
					w.unref(q.Get(quad.Directions[d]))
				}
			}
			continue
		}
		w.seen[ids] = struct{}{}
		qid := w.nextID()
		if err := w.logb.Put(w.a.be64(uint64(qid)), primitive(&w.a, uint64(qid), ids64, w.now, nil)); err != nil {
			return err
		}
		w.size++
		for _, ix := range w.indexes {
			var k [3]uint64
			for j, d := range ix.dirs {
				k[j] = uint64(ids[d-quad.Subject])
			}
			ix.buf = append(ix.buf, tuple{k[0]<<32 | k[1], k[2]<<32 | uint64(qid)})
			if len(ix.buf) >= w.runTuples {
				if err := ix.spill(w.path); err != nil {
					return err
				}
			}
		}
		if err := w.put(); err != nil {
			return err
		}
		if err := w.begin(); err != nil {
			return err
		}
	}
	if doc != "" && packed != nil {
		if err := w.modelsb.Put([]byte(doc), packed); err != nil {
			return err
		}
	}
	return nil
}

// unref takes back one use of a node counted for a quad not written.
func (w *bulkWriter) unref(v quad.Value) {
	var h [quad.HashSize]byte
	quad.HashTo(v, h[:])
	s := &w.nodes.shards[h[0]]
	if e := &s.slots[s.slot(&h)]; e.id != 0 && e.refs > 0 {
		e.refs--
	}
}

// spill sorts the buffered entries and writes them to an unlinked
// temporary file beside the store (nothing is left behind if the process
// dies).
func (ix *indexRuns) spill(near string) error {
	slices.SortFunc(ix.buf, cmpTuple)
	f, err := os.CreateTemp(filepath.Dir(near), filepath.Base(near)+".run-*")
	if err != nil {
		return fmt.Errorf("bulk build: %w", err)
	}
	os.Remove(f.Name())
	bw := bufio.NewWriterSize(f, 1<<20)
	var b [16]byte
	for _, t := range ix.buf {
		binary.BigEndian.PutUint64(b[:8], t[0])
		binary.BigEndian.PutUint64(b[8:], t[1])
		bw.Write(b[:])
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("bulk build: write run: %w", err)
	}
	ix.runs = append(ix.runs, f)
	ix.buf = ix.buf[:0]
	return nil
}

// runReader reads one sorted run.
type runReader struct {
	r   *bufio.Reader
	mem []tuple // the last run, still in memory
	cur tuple
}

func (r *runReader) next() (bool, error) {
	if r.r == nil {
		if len(r.mem) == 0 {
			return false, nil
		}
		r.cur, r.mem = r.mem[0], r.mem[1:]
		return true, nil
	}
	var b [16]byte
	if _, err := io.ReadFull(r.r, b[:]); err != nil {
		if err == io.EOF {
			return false, nil
		}
		return false, err
	}
	r.cur = tuple{binary.BigEndian.Uint64(b[:8]), binary.BigEndian.Uint64(b[8:])}
	return true, nil
}

type runHeap []*runReader

func (h runHeap) Len() int           { return len(h) }
func (h runHeap) Less(i, j int) bool { return cmpTuple(h[i].cur, h[j].cur) < 0 }
func (h runHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *runHeap) Push(x any)        { *h = append(*h, x.(*runReader)) }
func (h *runHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// merge calls fn for each entry of the index in order.
func (ix *indexRuns) merge(fn func(tuple) error) error {
	slices.SortFunc(ix.buf, cmpTuple)
	h := make(runHeap, 0, len(ix.runs)+1)
	for _, f := range ix.runs {
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return err
		}
		h = append(h, &runReader{r: bufio.NewReaderSize(f, 1<<20)})
	}
	h = append(h, &runReader{mem: ix.buf})
	live := h[:0]
	for _, r := range h {
		ok, err := r.next()
		if err != nil {
			return err
		}
		if ok {
			live = append(live, r)
		}
	}
	h = live
	heap.Init(&h)
	for len(h) > 0 {
		r := h[0]
		if err := fn(r.cur); err != nil {
			return err
		}
		ok, err := r.next()
		if err != nil {
			return err
		}
		if ok {
			heap.Fix(&h, 0)
		} else {
			heap.Pop(&h)
		}
	}
	return nil
}

func (ix *indexRuns) close() {
	for _, f := range ix.runs {
		f.Close()
	}
	ix.runs, ix.buf = nil, nil
}

// writeIndex writes one quad index's bucket from its runs: a key per
// distinct key ids, the quad ids as uvarints, ascending.
func (w *bulkWriter) writeIndex(ix *indexRuns) error {
	name := indexBucket(ix.dirs)
	nk := len(ix.dirs)
	var (
		b    *bolt.Bucket
		list []byte
		have bool
		last tuple
	)
	bucket := func() error {
		if err := w.begin(); err != nil {
			return err
		}
		if b != nil && b.Tx() == w.tx {
			return nil
		}
		var err error
		if b, err = w.tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
		b.FillPercent = 1.0
		return nil
	}
	flush := func() error {
		if !have {
			return nil
		}
		if err := bucket(); err != nil {
			return err
		}
		k := w.a.alloc(8 * nk)
		ids := [3]uint64{last[0] >> 32, last[0] & math.MaxUint32, last[1] >> 32}
		for j := 0; j < nk; j++ {
			binary.BigEndian.PutUint64(k[8*j:], ids[j])
		}
		v := w.a.alloc(len(list))
		copy(v, list)
		if err := b.Put(k, v); err != nil {
			return err
		}
		list = list[:0]
		return w.put()
	}
	err := ix.merge(func(t tuple) error {
		if have && (t[0] != last[0] || t[1]>>32 != last[1]>>32) {
			if err := flush(); err != nil {
				return err
			}
		}
		last, have = t, true
		list = binary.AppendUvarint(list, t[1]&math.MaxUint32)
		return nil
	})
	if err != nil {
		return err
	}
	return flush()
}

// writeNodes writes the count buckets ("n" + the hash's first two bytes:
// hash → references) and then the value buckets ("v" + …: hash → id), in
// key order.
func (w *bulkWriter) writeNodes() error {
	w.nodes.sorted()
	for _, prefix := range []byte{'n', 'v'} {
		var (
			b   *bolt.Bucket
			cur [2]byte
		)
		for i := range w.nodes.shards {
			for _, e := range w.nodes.shards[i].slots {
				if err := w.begin(); err != nil {
					return err
				}
				if b == nil || b.Tx() != w.tx || cur != [2]byte{e.hash[0], e.hash[1]} {
					cur = [2]byte{e.hash[0], e.hash[1]}
					var err error
					if b, err = w.tx.CreateBucketIfNotExists([]byte{prefix, cur[0], cur[1]}); err != nil {
						return err
					}
					b.FillPercent = 1.0
				}
				val := uint64(e.id)
				if prefix == 'n' {
					val = uint64(e.refs)
				}
				if err := b.Put(w.a.alloc20(e.hash), w.a.uvarint(val)); err != nil {
					return err
				}
				if err := w.put(); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// finish writes the indexes, nodes and meta, syncs and closes the file.
func (w *bulkWriter) finish() error {
	if err := w.commit(); err != nil {
		return err
	}
	for _, ix := range w.indexes {
		if err := w.writeIndex(ix); err != nil {
			return fmt.Errorf("bulk build: index %s: %w", indexBucket(ix.dirs), err)
		}
		ix.close()
	}
	if err := w.writeNodes(); err != nil {
		return fmt.Errorf("bulk build: nodes: %w", err)
	}
	w.nodes = nodeTable{}
	// The last transaction writes the freelist, as the store's own commits
	// do, so that opening the file does not walk every page of it.
	w.db.NoFreelistSync = false
	if err := w.begin(); err != nil {
		return err
	}
	meta := w.tx.Bucket(bktMeta)
	if err := putMetaInt(meta, "horizon", int64(w.horizon)); err != nil {
		return err
	}
	if err := putMetaInt(meta, "size", w.size); err != nil {
		return err
	}
	if err := putModelsTx(w.tx, nil); err != nil {
		return err
	}
	if err := w.commit(); err != nil {
		return err
	}
	if err := w.db.Sync(); err != nil {
		return err
	}
	err := w.db.Close()
	w.db = nil
	return err
}

// abort drops the file.
func (w *bulkWriter) abort() {
	if w.tx != nil {
		w.tx.Rollback()
		w.tx = nil
	}
	for _, ix := range w.indexes {
		ix.close()
	}
	if w.db != nil {
		w.db.Close()
		w.db = nil
	}
	os.Remove(w.path)
}
