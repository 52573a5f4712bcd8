package graph

// The fast write path for bolt: quads added straight into the bbolt file in
// the key-value layout that Cayley's kv quad store reads (graph/kv in
// cayley, at the version in go.mod), one bbolt transaction per batch.
//
// Cayley's own path (kv.QuadStore.ApplyDeltas) spends two thirds of a load
// outside the disk: every Put goes through hidalgo's nested-bucket lookup
// with CreateBucketIfNotExists, every value and index list is copied twice,
// primitives are marshalled through reflection-based protobuf, and an
// in-memory buffer of index lists is rebuilt and re-sorted per batch. This
// writer keeps the layout and does the same work once:
//
//	bucket "meta"         "horizon" (last id, int64 LE), "size" (live quads)
//	bucket "log"          id (uint64 BE) → Primitive (protobuf): a node
//	                      {ID, Timestamp, Value: pquads value} or a quad
//	                      {ID, Subject, Predicate, Object, Label, Timestamp}
//	buckets "v"+h[0]+h[1] value hash h (quad.HashOf) → node id (uvarint)
//	buckets "n"+h[0]+h[1] value hash → reference count (uvarint): the quads
//	                      using the node, one per direction
//	index buckets         one per quad index in meta "indexes" (by default
//	                      "sp" and "ops"): the ids of the directions, 8 bytes
//	                      BE each → the quad ids having them (uvarints, ascending)
//
// It only adds. A batch that removes quads (a replaced or removed document)
// goes through Cayley's ApplyDeltas, which also keeps Cayley's cache of IRI
// ids right when it deletes nodes; this writer never deletes a node, so
// that cache cannot go stale through it. The store_test round trips read
// everything written here back through Cayley's iterators, and
// TestBoltWriterLayout compares the bytes with Cayley's own writer.

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	bolt "go.etcd.io/bbolt"
	"google.golang.org/protobuf/encoding/protowire"
)

var (
	bktMeta = []byte("meta")
	bktLog  = []byte("log")
)

type boltWriter struct {
	db *bolt.DB
	// indexes are the quad indexes Cayley keeps, as direction lists.
	indexes [][]quad.Direction
}

// newBoltWriter reads the quad indexes of an initialized store. It returns
// nil (use Cayley's path) for a layout it does not know.
func newBoltWriter(db *bolt.DB) (*boltWriter, error) {
	w := &boltWriter{db: db}
	err := db.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bktMeta)
		if meta == nil {
			return fmt.Errorf("no meta bucket")
		}
		var list []struct {
			Dirs   []quad.Direction `json:"dirs"`
			Unique bool             `json:"unique"`
		}
		data := meta.Get([]byte("indexes"))
		if data == nil {
			return nil // legacy layout
		}
		if err := json.Unmarshal(data, &list); err != nil {
			return fmt.Errorf("read quad indexes: %w", err)
		}
		for _, ind := range list {
			w.indexes = append(w.indexes, ind.Dirs)
		}
		return nil
	})
	if err != nil || len(w.indexes) == 0 {
		return nil, err
	}
	// The existence check below reads the subject-predicate index.
	if !slices.Equal(w.indexes[0], []quad.Direction{quad.Subject, quad.Predicate}) {
		return nil, nil
	}
	return w, nil
}

// arena hands out byte slices that stay valid until the transaction
// commits (bbolt keeps references to keys and values until then) without
// one allocation each.
type arena struct{ buf []byte }

func (a *arena) alloc(n int) []byte {
	if len(a.buf)+n > cap(a.buf) {
		size := 1 << 20
		if n > size {
			size = n
		}
		a.buf = make([]byte, 0, size)
	}
	s := a.buf[len(a.buf) : len(a.buf)+n : len(a.buf)+n]
	a.buf = a.buf[:len(a.buf)+n]
	return s
}

func (a *arena) uvarint(x uint64) []byte {
	var tmp [binary.MaxVarintLen64]byte
	n := binary.PutUvarint(tmp[:], x)
	b := a.alloc(n)
	copy(b, tmp[:n])
	return b
}

func (a *arena) be64(x uint64) []byte {
	b := a.alloc(8)
	binary.BigEndian.PutUint64(b, x)
	return b
}

type wnode struct {
	hash [quad.HashSize]byte
	val  quad.Value
	raw  []byte // the value as Cayley stores it (pquads)
	inc  uint64
	id   uint64
	new  bool
	dec  uint64 // quads of inc not written (duplicates)
}

// boltBatch is a batch of quads made ready for writing without the store:
// its distinct nodes hashed, encoded and in hash order. Preparing the next
// batch overlaps with writing the current one.
type boltBatch struct {
	quads []quad.Quad
	// models are the packed models of the batch's documents, written in
	// the same transaction (boltmodels.go).
	models map[string][]byte
	order  []*wnode    // the distinct nodes, in hash order
	refs   [][4]*wnode // each quad's nodes, by direction
}

func prepareBolt(quads []quad.Quad) (*boltBatch, error) {
	b := &boltBatch{quads: quads, refs: make([][4]*wnode, len(quads))}
	nodes := make(map[quad.Value]*wnode, len(quads))
	for i, q := range quads {
		for d, dir := range quad.Directions {
			v := q.Get(dir)
			if v == nil {
				continue
			}
			n := nodes[v]
			if n == nil {
				n = &wnode{val: v}
				quad.HashTo(v, n.hash[:])
				raw, err := pquads.MarshalValue(v)
				if err != nil {
					return nil, fmt.Errorf("bolt store: encode %v: %w", v, err)
				}
				n.raw = raw
				nodes[v] = n
				b.order = append(b.order, n)
			}
			n.inc++
			b.refs[i][d] = n
		}
	}
	// Nodes in hash order: the value and count buckets are visited in
	// key order.
	slices.SortFunc(b.order, func(x, y *wnode) int { return bytes.Compare(x.hash[:], y.hash[:]) })
	return b, nil
}

// add writes quads in one transaction, skipping those already stored, and
// returns how many it wrote.
func (w *boltWriter) add(quads []quad.Quad) (int, error) {
	b, err := prepareBolt(quads)
	if err != nil {
		return 0, err
	}
	return w.write(b)
}

// write writes a prepared batch in one transaction.
func (w *boltWriter) write(b *boltBatch) (int, error) {
	written := 0
	err := w.db.Update(func(tx *bolt.Tx) error {
		n, err := w.addTx(tx, b)
		written = n
		return err
	})
	return written, err
}

func (w *boltWriter) addTx(tx *bolt.Tx, batch *boltBatch) (int, error) {
	meta := tx.Bucket(bktMeta)
	logb := tx.Bucket(bktLog)
	if meta == nil || logb == nil {
		return 0, fmt.Errorf("bolt store not initialized")
	}
	// Log keys only grow: fill pages completely.
	logb.FillPercent = 1.0
	var a arena
	horizon := uint64(metaInt(meta, "horizon"))
	// Ids above start are new in this batch: an index key holding one is
	// not stored yet.
	start := horizon
	size := metaInt(meta, "size")
	written := 0
	now := time.Now().UnixNano()
	quads, order, qs := batch.quads, batch.order, batch.refs
	for _, n := range order {
		n.id, n.new, n.dec = 0, false, 0
	}

	var (
		vb, nb   *bolt.Bucket
		vbk, nbk [2]byte
		err      error
	)
	for i, n := range order {
		if i == 0 || vbk != [2]byte{n.hash[0], n.hash[1]} {
			vbk = [2]byte{n.hash[0], n.hash[1]}
			if vb, err = tx.CreateBucketIfNotExists([]byte{'v', vbk[0], vbk[1]}); err != nil {
				return 0, err
			}
		}
		if i == 0 || nbk != vbk {
			nbk = vbk
			if nb, err = tx.CreateBucketIfNotExists([]byte{'n', nbk[0], nbk[1]}); err != nil {
				return 0, err
			}
		}
		key := a.alloc(len(n.hash))
		copy(key, n.hash[:])
		if v := vb.Get(key); v != nil {
			id, k := binary.Uvarint(v)
			if k <= 0 {
				return 0, fmt.Errorf("bolt store: bad node id for %v", n.val)
			}
			n.id = id
			var refs uint64
			if c := nb.Get(key); c != nil {
				refs, _ = binary.Uvarint(c)
			}
			if err := nb.Put(key, a.uvarint(refs+n.inc)); err != nil {
				return 0, err
			}
			continue
		}
		horizon++
		n.id, n.new = horizon, true
		raw := n.raw
		if err := vb.Put(key, a.uvarint(n.id)); err != nil {
			return 0, err
		}
		if err := nb.Put(key, a.uvarint(n.inc)); err != nil {
			return 0, err
		}
		if err := logb.Put(a.be64(n.id), primitive(&a, n.id, [4]uint64{}, now, raw)); err != nil {
			return 0, err
		}
	}

	// The quads, in input order, each once.
	seen := make(map[[4]uint64]struct{}, len(quads))
	lists := make([]map[string][]uint64, len(w.indexes))
	for i := range lists {
		lists[i] = make(map[string][]uint64)
	}
	sp := tx.Bucket(indexBucket(w.indexes[0]))
	for i := range quads {
		var ids [4]uint64
		isNew := false
		for d, n := range qs[i] {
			if n != nil {
				ids[d] = n.id
				isNew = isNew || n.new
			}
		}
		if _, dup := seen[ids]; dup {
			w.unref(qs[i])
			continue
		}
		seen[ids] = struct{}{}
		if !isNew && sp != nil {
			found, err := quadStored(sp, logb, ids)
			if err != nil {
				return 0, err
			}
			if found {
				w.unref(qs[i])
				continue
			}
		}
		horizon++
		id := horizon
		if err := logb.Put(a.be64(id), primitive(&a, id, ids, now, nil)); err != nil {
			return 0, err
		}
		for k, dirs := range w.indexes {
			key := make([]byte, 8*len(dirs))
			for j, d := range dirs {
				binary.BigEndian.PutUint64(key[8*j:], ids[d-quad.Subject])
			}
			lists[k][string(key)] = append(lists[k][string(key)], id)
		}
		written++
	}
	// Quads skipped as duplicates still counted in their nodes' references.
	for _, n := range order {
		if n.dec == 0 {
			continue
		}
		nb := tx.Bucket([]byte{'n', n.hash[0], n.hash[1]})
		var refs uint64
		if c := nb.Get(n.hash[:]); c != nil {
			refs, _ = binary.Uvarint(c)
		}
		if refs < n.dec {
			refs = n.dec
		}
		if err := nb.Put(a.alloc20(n.hash), a.uvarint(refs-n.dec)); err != nil {
			return 0, err
		}
	}

	// The index lists, each bucket in key order, appended to what is stored.
	for k, dirs := range w.indexes {
		b, err := tx.CreateBucketIfNotExists(indexBucket(dirs))
		if err != nil {
			return 0, err
		}
		keys := make([]string, 0, len(lists[k]))
		for key := range lists[k] {
			keys = append(keys, key)
		}
		slices.Sort(keys)
		for _, key := range keys {
			kb := a.alloc(len(key))
			copy(kb, key)
			var old []byte
			if !hasNewID(kb, start) {
				old = b.Get(kb)
			}
			ids := lists[k][key]
			v := a.alloc(len(old) + binary.MaxVarintLen64*len(ids))[:len(old)]
			copy(v, old)
			for _, id := range ids {
				v = binary.AppendUvarint(v, id)
			}
			if err := b.Put(kb, v); err != nil {
				return 0, err
			}
		}
	}
	if err := putMetaInt(meta, "horizon", int64(horizon)); err != nil {
		return 0, err
	}
	if written > 0 {
		if err := putMetaInt(meta, "size", size+int64(written)); err != nil {
			return 0, err
		}
	}
	if batch.models != nil {
		if err := putModelsTx(tx, batch.models); err != nil {
			return 0, err
		}
	}
	return written, nil
}

// hasNewID tells whether an index key (ids, 8 bytes BE each) holds an id
// above start.
func hasNewID(key []byte, start uint64) bool {
	for i := 0; i+8 <= len(key); i += 8 {
		if binary.BigEndian.Uint64(key[i:]) > start {
			return true
		}
	}
	return false
}

func (a *arena) alloc20(h [quad.HashSize]byte) []byte {
	b := a.alloc(len(h))
	copy(b, h[:])
	return b
}

// unref notes that a quad was not written after all.
func (w *boltWriter) unref(ns [4]*wnode) {
	for _, n := range ns {
		if n != nil {
			n.dec++
		}
	}
}

// quadStored tells whether a live quad with these node ids is stored,
// through the subject-predicate index, as Cayley's duplicate check does.
func quadStored(sp, logb *bolt.Bucket, ids [4]uint64) (bool, error) {
	var key [16]byte
	binary.BigEndian.PutUint64(key[:8], ids[0])
	binary.BigEndian.PutUint64(key[8:], ids[1])
	list := sp.Get(key[:])
	var lk [8]byte
	for len(list) > 0 {
		id, n := binary.Uvarint(list)
		if n <= 0 {
			return false, fmt.Errorf("bolt store: bad index list")
		}
		list = list[n:]
		binary.BigEndian.PutUint64(lk[:], id)
		p := logb.Get(lk[:])
		if p == nil {
			continue
		}
		f, err := parsePrimitive(p)
		if err != nil {
			return false, err
		}
		if !f.deleted && f.ids == ids {
			return true, nil
		}
	}
	return false, nil
}

func indexBucket(dirs []quad.Direction) []byte {
	b := make([]byte, len(dirs))
	for i, d := range dirs {
		b[i] = d.Prefix()
	}
	return b
}

func metaInt(meta *bolt.Bucket, key string) int64 {
	v := meta.Get([]byte(key))
	if len(v) != 8 {
		return 0
	}
	return int64(binary.LittleEndian.Uint64(v))
}

func putMetaInt(meta *bolt.Bucket, key string, v int64) error {
	buf := make([]byte, 8)
	binary.LittleEndian.PutUint64(buf, uint64(v))
	return meta.Put([]byte(key), buf)
}

// primitive encodes Cayley's Primitive message (graph/proto): fields 1 ID,
// 2–5 the quad's directions, 7 Timestamp, 8 Value, zero fields left out as
// proto3 does.
func primitive(a *arena, id uint64, ids [4]uint64, ts int64, value []byte) []byte {
	var tmp [80]byte
	b := tmp[:0]
	b = protowire.AppendTag(b, 1, protowire.VarintType)
	b = protowire.AppendVarint(b, id)
	for i, v := range ids {
		if v != 0 {
			b = protowire.AppendTag(b, protowire.Number(2+i), protowire.VarintType)
			b = protowire.AppendVarint(b, v)
		}
	}
	if ts != 0 {
		b = protowire.AppendTag(b, 7, protowire.VarintType)
		b = protowire.AppendVarint(b, uint64(ts))
	}
	n := len(b)
	if len(value) > 0 {
		n += protowire.SizeTag(8) + protowire.SizeBytes(len(value))
	}
	out := a.alloc(n)[:0]
	out = append(out, b...)
	if len(value) > 0 {
		out = protowire.AppendTag(out, 8, protowire.BytesType)
		out = protowire.AppendBytes(out, value)
	}
	return out
}
