package graph

// Writing a bbolt file page by page, for the bulk build (bulkwrite.go).
// bbolt's Put costs about a microsecond of CPU per key even when keys come
// in order (a cursor seek from the root, a binary search of the leaf and a
// slice insertion per key, the tree split and written at each commit);
// the bulk build puts over a hundred million keys. When every key of a
// bucket is known in order, its pages can be written once, full, leaves
// first and then the branches above them, which is what this file does.
//
// The format is bbolt's (go.etcd.io/bbolt v1.3, on a little-endian
// machine): pages of 4096 bytes; a page header {id uint64, flags uint16,
// count uint16, overflow uint32}; leaf elements {flags, pos, ksize, vsize
// uint32} and branch elements {pos, ksize uint32, pgid uint64}, pos
// counted from the element to its key, keys and values after the
// elements; a bucket's value {root pgid, sequence uint64}, followed by the
// bucket's one leaf page when the bucket is inline (root 0); pages 0 and 1
// the meta {magic, version, pageSize, flags uint32, root bucket, freelist,
// high-water pgid, txid, checksum (FNV-64a of the fields before it)}, page
// 2 an empty freelist. The file is opened by bbolt afterwards for the few
// small writes left; a test checks it with bbolt's own consistency check
// (Tx.Check) and reads it back through Cayley.

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"os"
)

const (
	boltPageSize     = 4096
	boltPageHeader   = 16
	boltElemSize     = 16 // leaf and branch elements alike
	boltBranchPage   = 0x01
	boltLeafPage     = 0x02
	boltMetaPage     = 0x04
	boltFreelistPage = 0x10
	boltBucketLeaf   = 0x01
	boltMagic        = 0xED0CDAED
	boltVersion      = 2
	// boltInlineMax is the largest bucket bbolt keeps inline in its
	// parent's leaf (a quarter page).
	boltInlineMax = boltPageSize / 4
)

var le = binary.LittleEndian

// pageFile writes the pages of a new bbolt file in page id order.
type pageFile struct {
	f    *os.File
	w    *bufio.Writer
	next uint64 // the id of the next page
}

func createPageFile(path string) (*pageFile, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return nil, err
	}
	pf := &pageFile{f: f, w: bufio.NewWriterSize(f, 1<<20), next: 3}
	// The meta pages and the freelist are written last.
	if _, err := pf.w.Write(make([]byte, 3*boltPageSize)); err != nil {
		f.Close()
		return nil, err
	}
	return pf, nil
}

// write writes a page (a multiple of the page size: a page and its
// overflow), setting its id, and returns the id.
func (pf *pageFile) write(p []byte) (uint64, error) {
	id := pf.next
	le.PutUint64(p[0:8], id)
	pf.next += uint64(len(p) / boltPageSize)
	_, err := pf.w.Write(p)
	return id, err
}

// finish writes the meta pages (root: the root bucket's page) and the
// freelist, and closes the file.
func (pf *pageFile) finish(root uint64) error {
	err := pf.w.Flush()
	if err == nil {
		err = pf.writeMeta(root)
	}
	if cerr := pf.f.Close(); err == nil {
		err = cerr
	}
	return err
}

func (pf *pageFile) writeMeta(root uint64) error {
	free := make([]byte, boltPageSize)
	le.PutUint64(free[0:], 2)
	le.PutUint16(free[8:], boltFreelistPage)
	if _, err := pf.f.WriteAt(free, 2*boltPageSize); err != nil {
		return err
	}
	for txid := uint64(0); txid < 2; txid++ {
		p := make([]byte, boltPageSize)
		le.PutUint64(p[0:], txid)
		le.PutUint16(p[8:], boltMetaPage)
		m := p[boltPageHeader:]
		le.PutUint32(m[0:], boltMagic)
		le.PutUint32(m[4:], boltVersion)
		le.PutUint32(m[8:], boltPageSize)
		le.PutUint32(m[12:], 0)
		le.PutUint64(m[16:], root) // root bucket: root page, sequence 0
		le.PutUint64(m[24:], 0)
		le.PutUint64(m[32:], 2) // freelist page
		le.PutUint64(m[40:], pf.next)
		le.PutUint64(m[48:], txid)
		h := fnv.New64a()
		h.Write(m[:56])
		le.PutUint64(m[56:], h.Sum64())
		if _, err := pf.f.WriteAt(p, int64(txid)*boltPageSize); err != nil {
			return err
		}
	}
	return nil
}

// pageBuilder gathers the elements of one page.
type pageBuilder struct {
	branch bool
	flags  []uint32
	keys   [][]byte
	vals   [][]byte // leaf values
	ids    []uint64 // branch children
	size   int      // header, elements and data
	buf    []byte   // keys and values copied
}

func (b *pageBuilder) reset() {
	b.flags, b.keys, b.vals, b.ids = b.flags[:0], b.keys[:0], b.vals[:0], b.ids[:0]
	b.size, b.buf = boltPageHeader, b.buf[:0]
}

func (b *pageBuilder) n() int { return len(b.keys) }

// fits tells whether an element of a key and value of these sizes still
// fits in one page.
func (b *pageBuilder) fits(k, v int) bool {
	return b.size+boltElemSize+k+v <= boltPageSize
}

func (b *pageBuilder) add(flags uint32, k, v []byte, id uint64) {
	// Copied: the caller's slices may be reused.
	start := len(b.buf)
	b.buf = append(b.buf, k...)
	b.buf = append(b.buf, v...)
	b.flags = append(b.flags, flags)
	b.keys = append(b.keys, b.buf[start:start+len(k):start+len(k)])
	b.vals = append(b.vals, b.buf[start+len(k):len(b.buf):len(b.buf)])
	b.ids = append(b.ids, id)
	b.size += boltElemSize + len(k) + len(v)
}

// page lays the page out: size bytes (padded to whole pages unless
// inline), id left for pageFile.write.
func (b *pageBuilder) page(inline bool) []byte {
	size := b.size
	if !inline {
		size = (b.size + boltPageSize - 1) / boltPageSize * boltPageSize
	}
	p := make([]byte, size)
	if b.branch {
		le.PutUint16(p[8:], boltBranchPage)
	} else {
		le.PutUint16(p[8:], boltLeafPage)
	}
	le.PutUint16(p[10:], uint16(b.n()))
	if !inline {
		le.PutUint32(p[12:], uint32(size/boltPageSize-1))
	}
	data := boltPageHeader + boltElemSize*b.n()
	for i, k := range b.keys {
		e := p[boltPageHeader+boltElemSize*i:]
		pos := uint32(data - (boltPageHeader + boltElemSize*i))
		if b.branch {
			le.PutUint32(e[0:], pos)
			le.PutUint32(e[4:], uint32(len(k)))
			le.PutUint64(e[8:], b.ids[i])
			data += copy(p[data:], k)
			continue
		}
		le.PutUint32(e[0:], b.flags[i])
		le.PutUint32(e[4:], pos)
		le.PutUint32(e[8:], uint32(len(k)))
		le.PutUint32(e[12:], uint32(len(b.vals[i])))
		data += copy(p[data:], k)
		data += copy(p[data:], b.vals[i])
	}
	return p
}

// pageRef is a page written: its first key and id.
type pageRef struct {
	key []byte
	id  uint64
}

// treeWriter writes one bucket's B+tree from its keys in ascending order.
type treeWriter struct {
	pf     *pageFile
	leaf   pageBuilder
	leaves []pageRef
	last   []byte
}

func newTreeWriter(pf *pageFile) *treeWriter {
	t := &treeWriter{pf: pf}
	t.leaf.reset()
	return t
}

// put adds a key (greater than the one before) and its value.
func (t *treeWriter) put(flags uint32, k, v []byte) error {
	if t.last != nil && bytes.Compare(k, t.last) <= 0 {
		return fmt.Errorf("bolt pages: key %x after %x", k, t.last)
	}
	if t.leaf.n() > 0 && !t.leaf.fits(len(k), len(v)) {
		if err := t.flush(); err != nil {
			return err
		}
	}
	t.leaf.add(flags, k, v, 0)
	t.last = t.leaf.keys[t.leaf.n()-1]
	return nil
}

func (t *treeWriter) flush() error {
	id, err := t.pf.write(t.leaf.page(false))
	if err != nil {
		return err
	}
	t.leaves = append(t.leaves, pageRef{key: bytes.Clone(t.leaf.keys[0]), id: id})
	t.last = bytes.Clone(t.last)
	t.leaf.reset()
	return nil
}

// bucket ends the tree and returns the bucket's value for its parent: the
// bucket inline when it is small and fits in one leaf, else its root page
// (after writing the branch pages).
func (t *treeWriter) bucket() ([]byte, error) {
	if len(t.leaves) == 0 && t.leaf.size <= boltInlineMax {
		p := t.leaf.page(true)
		return append(make([]byte, 16, 16+len(p)), p...), nil
	}
	if t.leaf.n() > 0 || len(t.leaves) == 0 {
		if err := t.flush(); err != nil {
			return nil, err
		}
	}
	refs := t.leaves
	for len(refs) > 1 {
		var (
			b    = pageBuilder{branch: true}
			next []pageRef
		)
		b.reset()
		write := func() error {
			id, err := t.pf.write(b.page(false))
			next = append(next, pageRef{key: bytes.Clone(b.keys[0]), id: id})
			b.reset()
			return err
		}
		for _, r := range refs {
			if b.n() > 0 && !b.fits(len(r.key), 0) {
				if err := write(); err != nil {
					return nil, err
				}
			}
			b.add(0, r.key, nil, r.id)
		}
		if err := write(); err != nil {
			return nil, err
		}
		refs = next
	}
	v := make([]byte, 16)
	le.PutUint64(v, refs[0].id)
	return v, nil
}
