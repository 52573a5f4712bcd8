package extract

import (
	"hash/maphash"

	"github.com/kgraph/kg"
)

// recIndex finds the records of a document (its entities, its relations)
// by their keys: an open-addressing table of record numbers, compared with
// the records themselves. A slot takes 4 bytes where a map would copy the
// key (four strings for a relation) beside each number; a document makes
// two such indexes, and small documents are most of a corpus.
type recIndex struct {
	slots []int32 // record number + 1; 0: free
	n     int
}

func newRecIndex(hint int) recIndex {
	return recIndex{}.reset(hint)
}

// reset returns an empty index sized for hint records, in x's table when
// it is large enough.
func (x recIndex) reset(hint int) recIndex {
	size := 16
	for size < 2*hint {
		size <<= 1
	}
	if cap(x.slots) < size {
		return recIndex{slots: make([]int32, size)}
	}
	x.slots = x.slots[:size]
	clear(x.slots)
	return recIndex{slots: x.slots}
}

// put records that record i, whose key hashes to h, goes in free slot p,
// and doubles the table when it is half full (rehash gives the hash of
// record j).
func (x *recIndex) put(p, i int, rehash func(j int) uint64) {
	x.slots[p] = int32(i + 1)
	x.n++
	if 2*x.n <= len(x.slots) {
		return
	}
	old := x.slots
	x.slots = make([]int32, 2*len(old))
	mask := len(x.slots) - 1
	for _, k := range old {
		if k == 0 {
			continue
		}
		q := int(rehash(int(k-1))) & mask
		for x.slots[q] != 0 {
			q = (q + 1) & mask
		}
		x.slots[q] = k
	}
}

func entHash(seed maphash.Seed, typ, name string) uint64 {
	return maphash.String(seed, name) ^ uint64(len(typ))*0x9e3779b97f4a7c15
}

// relHash hashes the subject and the object (or the value, which a
// relation with no object has); the predicate, one of a few words, is
// mixed in by its length and last bytes rather than hashed.
func relHash(seed maphash.Seed, r *kg.Relation) uint64 {
	h := maphash.String(seed, r.Subject) * 0x9e3779b97f4a7c15
	if r.Object != "" {
		h ^= maphash.String(seed, r.Object)
	} else {
		h ^= maphash.String(seed, r.Value)
	}
	if p := r.Predicate; len(p) >= 2 {
		h ^= (uint64(len(p))<<16 | uint64(p[len(p)-2])<<8 | uint64(p[len(p)-1])) * 0xbf58476d1ce4e5b9
	}
	return h ^ h>>31
}

// findEntity returns the index in out.Entities of the entity typ/name, or
// -1 and the slot where it goes.
func (d *doc) findEntity(typ, name string) (i, slot int) {
	x := &d.ents
	mask := len(x.slots) - 1
	for p := int(entHash(d.seed, typ, name)) & mask; ; p = (p + 1) & mask {
		k := x.slots[p]
		if k == 0 {
			return -1, p
		}
		if e := &d.out.Entities[k-1]; e.Name == name && e.Type == typ {
			return int(k - 1), p
		}
	}
}

// findRelation returns the index in out.Relations of the fact r states
// (one per subject, predicate and object or value), or -1 and the slot
// where it goes.
func (d *doc) findRelation(r *kg.Relation) (i, slot int) {
	x := &d.rels
	mask := len(x.slots) - 1
	for p := int(relHash(d.seed, r)) & mask; ; p = (p + 1) & mask {
		k := x.slots[p]
		if k == 0 {
			return -1, p
		}
		if q := &d.out.Relations[k-1]; q.Subject == r.Subject && q.Object == r.Object && q.Predicate == r.Predicate && q.Value == r.Value {
			return int(k - 1), p
		}
	}
}

// runeLens maps runes to sets of name lengths (bits lenBit(n)): the
// lengths of a document's names by their first rune, which the rules ask
// at most positions of a text. An open-addressing table of the runes
// (plus one: 0 is a free slot), kept from one document to the next; a
// map would hash each rune and clear slower.
type runeLens struct {
	keys []int32
	sets []uint64
	n    int
}

// reset returns an empty table, in x's arrays.
func (x runeLens) reset() runeLens {
	if x.keys == nil {
		return runeLens{keys: make([]int32, 64), sets: make([]uint64, 64)}
	}
	clear(x.keys)
	return runeLens{keys: x.keys, sets: x.sets}
}

// slot is where r is, or goes.
func (x *runeLens) slot(r rune) int {
	mask := len(x.keys) - 1
	k := int32(r) + 1
	for p := int(uint32(r)*0x9e3779b1>>16) & mask; ; p = (p + 1) & mask {
		if x.keys[p] == k || x.keys[p] == 0 {
			return p
		}
	}
}

// of returns the set of r (0: none).
func (x *runeLens) of(r rune) uint64 {
	if x.keys == nil {
		return 0
	}
	if p := x.slot(r); x.keys[p] != 0 {
		return x.sets[p]
	}
	return 0
}

// add adds the bits set to r's set, doubling the table when it is half
// full.
func (x *runeLens) add(r rune, set uint64) {
	if x.keys == nil {
		*x = x.reset()
	}
	p := x.slot(r)
	if x.keys[p] != 0 {
		x.sets[p] |= set
		return
	}
	x.keys[p], x.sets[p] = int32(r)+1, set
	if x.n++; 2*x.n <= len(x.keys) {
		return
	}
	old, oldSets := x.keys, x.sets
	*x = runeLens{keys: make([]int32, 2*len(old)), sets: make([]uint64, 2*len(old)), n: x.n}
	for i, k := range old {
		if k != 0 {
			q := x.slot(k - 1)
			x.keys[q], x.sets[q] = k, oldSets[i]
		}
	}
}
