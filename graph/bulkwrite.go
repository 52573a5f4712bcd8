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
// The buckets' pages are written by hand, in order, full (boltpages.go);
// bbolt then opens the file for Cayley's meta bucket and the documents'
// models, and syncs it once.

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
	"strings"
	"time"

	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"
	bolt "go.etcd.io/bbolt"
)

const (
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
	pf      *pageFile
	log     *treeWriter
	indexes []*indexRuns
	nodes   nodeTable
	horizon uint64
	size    int64
	now     int64
	// runTuples is bulkRunTuples (tests make it small).
	runTuples int
	// models holds the documents' packed models until the end (an
	// unlinked temporary file), modelAt where each is.
	models  *os.File
	mw      *bufio.Writer
	modelAt []modelRef
	mend    int64

	// Per document: its nodes' ids, and its quads' (for duplicates).
	ids  []uint32
	seen map[[4]uint32]struct{}
	key  [8]byte
	val  []byte
	// spilled counts the runs spilled (for tests).
	spilled int
}

type modelRef struct {
	doc      string
	off, len int64
}

// errBulkIDs: the bulk writer keeps ids in 32 bits.
var errBulkIDs = errors.New("bulk build: more than 2^32 nodes and quads")

// newBulkWriter creates a new store file at path (removing one left
// over), for a store of these quad indexes.
func newBulkWriter(path string, indexes [][]quad.Direction) (*bulkWriter, error) {
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	w := &bulkWriter{path: path, now: time.Now().UnixNano(), runTuples: bulkRunTuples}
	for _, dirs := range indexes {
		if len(dirs) > 3 {
			return nil, fmt.Errorf("bulk build: quad index %v has more than three directions", dirs)
		}
		w.indexes = append(w.indexes, &indexRuns{dirs: dirs})
	}
	var err error
	if w.models, err = tempBeside(path, ".models-*"); err != nil {
		return nil, err
	}
	w.mw = bufio.NewWriterSize(w.models, 1<<20)
	if w.pf, err = createPageFile(path); err != nil {
		w.models.Close()
		return nil, fmt.Errorf("bulk build: %w", err)
	}
	w.log = newTreeWriter(w.pf)
	return w, nil
}

// tempBeside creates an unlinked temporary file in path's directory:
// nothing is left behind if the process dies.
func tempBeside(path, pattern string) (*os.File, error) {
	f, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+pattern)
	if err != nil {
		return nil, fmt.Errorf("bulk build: %w", err)
	}
	os.Remove(f.Name())
	return f, nil
}

func (w *bulkWriter) nextID() uint32 {
	w.horizon++
	return uint32(w.horizon)
}

// bulkDoc is one document made ready for the bulk writer without it (in
// the loading goroutine, while the writer writes the documents before):
// its distinct nodes hashed and encoded, its quads as indexes of them.
type bulkDoc struct {
	id     string
	packed []byte
	nodes  []bulkNode
	quads  [][4]int32 // -1: no node in that direction
}

type bulkNode struct {
	hash [quad.HashSize]byte
	raw  []byte // the value as Cayley stores it (pquads)
	refs uint32 // the document's quads using it, one per direction
}

// prepareBulk makes one document's quads (all new, in encode's order) and
// packed model ready for the writer.
func prepareBulk(id string, quads []quad.Quad, packed []byte) (*bulkDoc, error) {
	d := &bulkDoc{id: id, packed: packed, quads: make([][4]int32, len(quads))}
	index := make(map[quad.Value]int32, len(quads))
	for i, q := range quads {
		for k, dir := range quad.Directions {
			v := q.Get(dir)
			if v == nil {
				d.quads[i][k] = -1
				continue
			}
			j, ok := index[v]
			if !ok {
				j = int32(len(d.nodes))
				index[v] = j
				raw, err := pquads.MarshalValue(v)
				if err != nil {
					return nil, fmt.Errorf("bulk build: encode %v: %w", v, err)
				}
				d.nodes = append(d.nodes, bulkNode{raw: raw})
				quad.HashTo(v, d.nodes[j].hash[:])
			}
			d.nodes[j].refs++
			d.quads[i][k] = j
		}
	}
	return d, nil
}

// addDoc writes one document's nodes (those new to the store) and quads to
// the log, its index entries to the runs and its model to the models
// bucket.
func (w *bulkWriter) addDoc(d *bulkDoc) error {
	if w.horizon+uint64(len(d.nodes)+len(d.quads)) >= math.MaxUint32 {
		return errBulkIDs
	}
	if w.seen == nil {
		w.seen = make(map[[4]uint32]struct{})
	}
	clear(w.seen)
	w.ids = slices.Grow(w.ids[:0], len(d.nodes))[:len(d.nodes)]
	for j := range d.nodes {
		n := &d.nodes[j]
		id, isNew := w.nodes.add(&n.hash, n.refs, w.nextID)
		w.ids[j] = id
		if !isNew {
			continue
		}
		if err := w.putLog(uint64(id), [4]uint64{}, n.raw); err != nil {
			return err
		}
	}
	for _, q := range d.quads {
		var ids [4]uint32
		var ids64 [4]uint64
		for k, j := range q {
			if j >= 0 {
				ids[k] = w.ids[j]
				ids64[k] = uint64(ids[k])
			}
		}
		if _, dup := w.seen[ids]; dup {
			// Two values of one hash: Cayley stores the quad once, and
			// counts its nodes once.
			for _, j := range q {
				if j >= 0 {
					w.nodes.unref(&d.nodes[j].hash)
				}
			}
			continue
		}
		w.seen[ids] = struct{}{}
		qid := w.nextID()
		if err := w.putLog(uint64(qid), ids64, nil); err != nil {
			return err
		}
		w.size++
		for _, ix := range w.indexes {
			var k [3]uint64
			for j, dir := range ix.dirs {
				k[j] = uint64(ids[dir-quad.Subject])
			}
			ix.buf = append(ix.buf, tuple{k[0]<<32 | k[1], k[2]<<32 | uint64(qid)})
			if len(ix.buf) >= w.runTuples {
				if err := ix.spill(w.path); err != nil {
					return err
				}
				w.spilled++
			}
		}
	}
	if d.id != "" && d.packed != nil {
		if _, err := w.mw.Write(d.packed); err != nil {
			return fmt.Errorf("bulk build: %w", err)
		}
		w.modelAt = append(w.modelAt, modelRef{doc: d.id, off: w.mend, len: int64(len(d.packed))})
		w.mend += int64(len(d.packed))
	}
	return nil
}

// putLog appends a primitive to the log.
func (w *bulkWriter) putLog(id uint64, ids [4]uint64, value []byte) error {
	binary.BigEndian.PutUint64(w.key[:], id)
	var a arena
	a.buf = w.val[:0]
	v := primitive(&a, id, ids, w.now, value)
	w.val = a.buf // reused: the tree writer copies the value
	return w.log.put(0, w.key[:], v)
}

// unref takes back one use of a node counted for a quad not written.
func (t *nodeTable) unref(h *[quad.HashSize]byte) {
	s := &t.shards[h[0]]
	if e := &s.slots[s.slot(h)]; e.id != 0 && e.refs > 0 {
		e.refs--
	}
}

// spill sorts the buffered entries and writes them to an unlinked
// temporary file beside the store (nothing is left behind if the process
// dies).
func (ix *indexRuns) spill(near string) error {
	slices.SortFunc(ix.buf, cmpTuple)
	f, err := tempBeside(near, ".run-*")
	if err != nil {
		return err
	}
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
// distinct key ids, the quad ids as uvarints, ascending; it returns the
// bucket's value for the root.
func (w *bulkWriter) writeIndex(ix *indexRuns) ([]byte, error) {
	t := newTreeWriter(w.pf)
	nk := len(ix.dirs)
	var (
		key  [24]byte
		list []byte
		have bool
		last tuple
	)
	flush := func() error {
		if !have {
			return nil
		}
		ids := [3]uint64{last[0] >> 32, last[0] & math.MaxUint32, last[1] >> 32}
		for j := 0; j < nk; j++ {
			binary.BigEndian.PutUint64(key[8*j:], ids[j])
		}
		err := t.put(0, key[:8*nk], list)
		list = list[:0]
		return err
	}
	err := ix.merge(func(tu tuple) error {
		if have && (tu[0] != last[0] || tu[1]>>32 != last[1]>>32) {
			if err := flush(); err != nil {
				return err
			}
		}
		last, have = tu, true
		list = binary.AppendUvarint(list, tu[1]&math.MaxUint32)
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return nil, err
	}
	return t.bucket()
}

// rootEntry is one bucket of the root.
type rootEntry struct {
	name, value []byte
}

// writeNodes writes the count buckets ("n" + the hash's first two bytes:
// hash → references) and the value buckets ("v" + …: hash → id), and
// returns their entries for the root.
func (w *bulkWriter) writeNodes() ([]rootEntry, error) {
	w.nodes.sorted()
	var out []rootEntry
	var val []byte
	for _, prefix := range []byte{'n', 'v'} {
		var (
			t   *treeWriter
			cur [2]byte
		)
		end := func() error {
			if t == nil {
				return nil
			}
			v, err := t.bucket()
			out = append(out, rootEntry{name: []byte{prefix, cur[0], cur[1]}, value: v})
			return err
		}
		for i := range w.nodes.shards {
			for _, e := range w.nodes.shards[i].slots {
				if t == nil || cur != [2]byte{e.hash[0], e.hash[1]} {
					if err := end(); err != nil {
						return nil, err
					}
					cur = [2]byte{e.hash[0], e.hash[1]}
					t = newTreeWriter(w.pf)
				}
				n := uint64(e.id)
				if prefix == 'n' {
					n = uint64(e.refs)
				}
				val = binary.AppendUvarint(val[:0], n)
				if err := t.put(0, e.hash[:], val); err != nil {
					return nil, err
				}
			}
		}
		if err := end(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// finish writes the indexes, nodes and root, then opens the file with
// bbolt to write Cayley's meta bucket and the models, syncs and closes it.
func (w *bulkWriter) finish() error {
	logv, err := w.log.bucket()
	if err != nil {
		return fmt.Errorf("bulk build: log: %w", err)
	}
	root := []rootEntry{{name: bktLog, value: logv}}
	for _, ix := range w.indexes {
		v, err := w.writeIndex(ix)
		if err != nil {
			return fmt.Errorf("bulk build: index %s: %w", indexBucket(ix.dirs), err)
		}
		ix.close()
		root = append(root, rootEntry{name: indexBucket(ix.dirs), value: v})
	}
	nodes, err := w.writeNodes()
	if err != nil {
		return fmt.Errorf("bulk build: nodes: %w", err)
	}
	w.nodes = nodeTable{}
	root = append(root, nodes...)
	slices.SortFunc(root, func(a, b rootEntry) int { return bytes.Compare(a.name, b.name) })
	t := newTreeWriter(w.pf)
	for _, e := range root {
		if err := t.put(boltBucketLeaf, e.name, e.value); err != nil {
			return err
		}
	}
	rv, err := t.bucket()
	if err != nil {
		return err
	}
	rootPage := le.Uint64(rv)
	if rootPage == 0 { // inline: the root bucket needs a page of its own
		if rootPage, err = w.pf.write(padPage(rv[16:])); err != nil {
			return err
		}
	}
	err = w.pf.finish(rootPage)
	w.pf = nil
	if err != nil {
		return fmt.Errorf("bulk build: %w", err)
	}
	return w.finishWithBolt()
}

// padPage turns an inline page into a whole one.
func padPage(p []byte) []byte {
	out := make([]byte, (len(p)+boltPageSize-1)/boltPageSize*boltPageSize)
	copy(out, p)
	return out
}

// finishWithBolt initializes Cayley's meta bucket, writes the horizon and
// size, the models and their fingerprint, and syncs the file.
func (w *bulkWriter) finishWithBolt() error {
	if err := w.mw.Flush(); err != nil {
		return fmt.Errorf("bulk build: models: %w", err)
	}
	kvdb, err := hbolt.Open(w.path, &bolt.Options{Timeout: time.Second, InitialMmapSize: mmapSize(w.path),
		NoSync: true, FreelistType: bolt.FreelistMapType})
	if err != nil {
		return fmt.Errorf("bulk build: %w", err)
	}
	db := kvdb.DB()
	if err := w.initWithBolt(kvdb); err != nil {
		db.Close()
		return fmt.Errorf("bulk build: %w", err)
	}
	if err := db.Close(); err != nil {
		return fmt.Errorf("bulk build: %w", err)
	}
	return w.models.Close()
}

func (w *bulkWriter) initWithBolt(kvdb *hbolt.DB) error {
	db := kvdb.DB()
	if err := kv.Init(kvdb, nil); err != nil {
		return fmt.Errorf("init: %w", err)
	}
	bw, err := newBoltWriter(db)
	if err != nil || bw == nil || !slices.EqualFunc(bw.indexes, w.indexes, func(a []quad.Direction, b *indexRuns) bool {
		return slices.Equal(a, b.dirs)
	}) {
		return fmt.Errorf("Cayley's quad indexes changed (%v)", err)
	}
	slices.SortFunc(w.modelAt, func(a, b modelRef) int { return strings.Compare(a.doc, b.doc) })
	err = db.Update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bktMeta)
		if err := putMetaInt(meta, "horizon", int64(w.horizon)); err != nil {
			return err
		}
		if err := putMetaInt(meta, "size", w.size); err != nil {
			return err
		}
		b, err := tx.CreateBucketIfNotExists(bktModels)
		if err != nil {
			return err
		}
		b.FillPercent = 1.0
		for _, m := range w.modelAt {
			v := make([]byte, m.len)
			if _, err := w.models.ReadAt(v, m.off); err != nil {
				return fmt.Errorf("models: %w", err)
			}
			if err := b.Put([]byte(m.doc), v); err != nil {
				return err
			}
		}
		return putModelsTx(tx, nil)
	})
	if err != nil {
		return err
	}
	return db.Sync()
}

// abort drops the file.
func (w *bulkWriter) abort() {
	for _, ix := range w.indexes {
		ix.close()
	}
	if w.pf != nil {
		w.pf.f.Close()
		w.pf = nil
	}
	if w.models != nil {
		w.models.Close()
	}
	os.Remove(w.path)
}
