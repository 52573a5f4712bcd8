package extract

import (
	"math/bits"
	"slices"
	"sort"
	"unicode/utf8"
)

// trie is a dictionary of words over runes with a value per word, matched
// leftmost-longest. The root's children sit in an array indexed by rune,
// so that most positions of a text are rejected with one load; deeper
// nodes keep theirs in short slices scanned in order.
type trie struct {
	// marks[r>>6][0] (first) marks the runes < 65536 that start a word:
	// a bitset that stays in cache rejects most positions of a text.
	// marks[r>>6][1] (single) marks the runes that are words of their
	// own, and pairs the hashes of the first two runes of the other words
	// (see pairBit; sized by freeze to the trie, so that small tries keep
	// theirs in a few cache lines): most positions whose rune starts some
	// word (产, 新, 中 start hundreds) are rejected by them, without the
	// walk's loads from the nodes. A rune's first and single bits share a
	// cache line.
	marks [1024][2]uint64
	// last marks the runes < 65536 that end a word, which suffix tests
	// first (lastWide: some word ends with another rune).
	last      [1024]uint64
	lastWide  bool
	pairs     []uint64 // nil until freeze
	pairShift uint32   // a pair's bit is pairBit >> pairShift
	// singles has bit singleBit(r) set for each word r of one rune: 64
	// bits that stay in cache, which most positions whose pair starts no
	// word are turned down by, without a load from marks.
	singles uint64
	// bmp holds the root's children for runes < 65536 (0: none): one
	// array load per position of a text.
	bmp   []int32
	root  map[rune]int32 // the root's other children
	nodes []tnode        // nodes[0] is the root
	// flat is nodes packed for matching (see freeze): 12 bytes a node and
	// each node's edges side by side, so that a walk touches few cache
	// lines. nil until freeze, and again after an add.
	flat  []fnode
	edges []tedge
	// In flat, the root's children are nodes 1, 2, … in the order of
	// their runes: the child of a rune r < 65536 is 1 + its rank among
	// the first runes, rank[r>>6] plus the marked runes below it in
	// marks[r>>6][0], found without a load from bmp (256 KB a trie,
	// which stays out of cache). wide holds the others.
	rank [1024]int32
	wide map[rune]int32
	// rev is the words written backwards, packed like flat, for suffix:
	// one walk from a text's last rune finds every word it ends with.
	// The root's children are rev[1], rev[2], … in the order of their
	// runes, found like flat's by rank (revRank, last); revWide holds the
	// others. nil until freeze, and again after an add.
	rev      []fnode
	revEdges []tedge
	revRank  [1024]int32
	revWide  map[rune]int32
	// maxLen is the rune length of the longest word.
	maxLen int
}

// fnode is a node of the packed trie: its edges are edges[lo:lo+n].
type fnode struct {
	val   int32 // as in tnode
	lo, n int32
}

type tedge struct {
	key rune
	kid int32
}

type tnode struct {
	keys []rune
	kids []int32
	val  int32 // value+1 of the word ending here; 0: none
}

func newTrie() *trie {
	return &trie{bmp: make([]int32, 65536), root: map[rune]int32{}, nodes: []tnode{{}}}
}

// add stores word with value v (v ≥ 0). A later add of the same word wins.
func (t *trie) add(word string, v int) {
	if word == "" {
		return
	}
	if r0, size := utf8.DecodeRuneInString(word); size == len(word) {
		if r0 >= 0 && r0 < 65536 {
			t.marks[r0>>6][1] |= 1 << (uint(r0) & 63)
		}
		t.singles |= 1 << singleBit(r0)
	}
	if r, _ := utf8.DecodeLastRuneInString(word); r >= 0 && r < 65536 {
		t.last[r>>6] |= 1 << (uint(r) & 63)
	} else {
		t.lastWide = true
	}
	t.maxLen = max(t.maxLen, utf8.RuneCountInString(word))
	cur := int32(0)
	for _, r := range word {
		next := t.child(cur, r)
		if next < 0 {
			next = int32(len(t.nodes))
			t.nodes = append(t.nodes, tnode{})
			if cur == 0 {
				if r >= 0 && r < 65536 {
					t.bmp[r] = next
					t.marks[r>>6][0] |= 1 << (uint(r) & 63)
				} else {
					t.root[r] = next
				}
			}
			// Keep keys sorted: wide nodes are searched by halves.
			nd := &t.nodes[cur]
			i := sort.Search(len(nd.keys), func(i int) bool { return nd.keys[i] >= r })
			nd.keys = append(nd.keys, 0)
			nd.kids = append(nd.kids, 0)
			copy(nd.keys[i+1:], nd.keys[i:])
			copy(nd.kids[i+1:], nd.kids[i:])
			nd.keys[i], nd.kids[i] = r, next
		}
		cur = next
	}
	t.nodes[cur].val = int32(v) + 1
	t.flat, t.edges, t.pairs, t.rev = nil, nil, nil, nil
}

// freeze packs the trie for matching. Call it once the words are added;
// the lexicon does so for all its tries.
func (t *trie) freeze() {
	// Eight bits a pair of first runes: one pair in eight that starts no
	// word passes.
	ps := t.firstPairs(nil)
	t.pairs, t.pairShift = pairSet(ps, 8)
	// Nodes in breadth-first order from the root, whose children (keys
	// sorted) come first.
	order := append(make([]int32, 0, len(t.nodes)), 0)
	for k := 0; k < len(order); k++ {
		order = append(order, t.nodes[order[k]].kids...)
	}
	id := make([]int32, len(t.nodes))
	for i, old := range order {
		id[old] = int32(i)
	}
	t.flat = make([]fnode, len(t.nodes))
	t.edges = t.edges[:0]
	for i, old := range order {
		nd := &t.nodes[old]
		t.flat[i] = fnode{val: nd.val, lo: int32(len(t.edges)), n: int32(len(nd.keys))}
		for k, key := range nd.keys {
			t.edges = append(t.edges, tedge{key, id[nd.kids[k]]})
		}
	}
	n := int32(0)
	for w := range t.rank {
		t.rank[w] = n
		n += int32(bits.OnesCount64(t.marks[w][0]))
	}
	t.wide = make(map[rune]int32, len(t.root))
	for r, c := range t.root {
		t.wide[r] = id[c]
	}
	t.freezeRev()
}

// freezeRev packs the words written backwards into rev (see suffix).
func (t *trie) freezeRev() {
	// The reversed words, in a trie under construction without the
	// root's arrays (a word's last rune is its first here).
	rt := &trie{root: map[rune]int32{}, nodes: []tnode{{}}}
	var word []rune
	var walk func(n int32)
	walk = func(n int32) {
		nd := &t.nodes[n]
		if nd.val > 0 {
			cur := int32(0)
			for k := len(word) - 1; k >= 0; k-- {
				next := rt.revChild(cur, word[k])
				if next < 0 {
					next = int32(len(rt.nodes))
					rt.nodes = append(rt.nodes, tnode{})
					kn := &rt.nodes[cur]
					i, _ := slices.BinarySearch(kn.keys, word[k])
					kn.keys = slices.Insert(kn.keys, i, word[k])
					kn.kids = slices.Insert(kn.kids, i, next)
				}
				cur = next
			}
			rt.nodes[cur].val = nd.val
		}
		for k, r := range nd.keys {
			word = append(word, r)
			walk(nd.kids[k])
			word = word[:len(word)-1]
		}
	}
	walk(0)
	// Breadth-first, as freeze: the root's children, keys sorted, are
	// nodes 1, 2, … in the order of their runes.
	order := append(make([]int32, 0, len(rt.nodes)), 0)
	for k := 0; k < len(order); k++ {
		order = append(order, rt.nodes[order[k]].kids...)
	}
	id := make([]int32, len(rt.nodes))
	for i, old := range order {
		id[old] = int32(i)
	}
	t.rev = make([]fnode, len(rt.nodes))
	t.revEdges = t.revEdges[:0]
	for i, old := range order {
		nd := &rt.nodes[old]
		t.rev[i] = fnode{val: nd.val, lo: int32(len(t.revEdges)), n: int32(len(nd.keys))}
		for k, key := range nd.keys {
			t.revEdges = append(t.revEdges, tedge{key, id[nd.kids[k]]})
		}
	}
	n := int32(0)
	for w := range t.revRank {
		t.revRank[w] = n
		n += int32(bits.OnesCount64(t.last[w]))
	}
	t.revWide = map[rune]int32{}
	for k, r := range rt.nodes[0].keys {
		if r < 0 || r >= 65536 {
			t.revWide[r] = id[rt.nodes[0].kids[k]]
		}
	}
}

// revChild is child on a trie whose root keeps its children in its node,
// as deeper nodes do.
func (t *trie) revChild(n int32, r rune) int32 {
	nd := &t.nodes[n]
	if i, ok := slices.BinarySearch(nd.keys, r); ok {
		return nd.kids[i]
	}
	return -1
}

func (t *trie) child(n int32, r rune) int32 {
	if n == 0 {
		if r >= 0 && r < 65536 {
			if c := t.bmp[r]; c > 0 {
				return c
			}
			return -1
		}
		if c, ok := t.root[r]; ok {
			return c
		}
		return -1
	}
	nd := &t.nodes[n]
	keys := nd.keys
	if len(keys) <= 8 {
		for i, k := range keys {
			if k == r {
				return nd.kids[i]
			}
		}
		return -1
	}
	lo, hi := 0, len(keys)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if keys[m] < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(keys) && keys[lo] == r {
		return nd.kids[lo]
	}
	return -1
}

// starts reports whether some word may start with r.
func (t *trie) starts(r rune) bool {
	if r >= 0 && r < 65536 {
		return t.marks[r>>6][0]&(1<<(uint(r)&63)) != 0
	}
	_, ok := t.root[r]
	return ok
}

// longest returns the value and length of the longest word starting at
// rs[i] and ending at or before lim, or -1, 0.
//
// It is the innermost loop of the extractor (most rules try a trie at
// every position of a clause), so the root step is a bitset test and
// deeper steps search the node's keys in place, without calls; leaves
// stop the walk without a lookup.
func (t *trie) longest(rs []rune, i, lim int) (v, n int) {
	// Inlined. Most positions are turned down by the pair of their rune
	// and the next, in the trie's bitset of pairs (a few hundred bytes,
	// which stay in cache), and singles; a rune's bits in marks (16 KB a
	// trie, of which the rules' text touches lines all over the 5 KB of
	// Han, for each of twenty tries) are read only where a word may
	// start, so that the tries take less of the cache the rest of the
	// work needs.
	if i+1 < lim && t.pairs != nil {
		r := rs[i]
		b := pairBit(r, rs[i+1]) >> t.pairShift
		if t.pairs[b>>6]&(1<<(b&63)) == 0 && t.singles&(1<<singleBit(r)) == 0 {
			return -1, 0
		}
		return t.longestFrom(rs, i, lim)
	}
	if i < lim {
		if r := rs[i]; uint32(r) >= 65536 || t.marks[r>>6][0]&(1<<(uint(r)&63)) != 0 {
			return t.longestStarting(rs, i, lim)
		}
	}
	return -1, 0
}

// mayStart reports whether a word of t may start at rs[i] and end at or
// before lim: false where longest's first tests turn the position down
// (then longest returns -1, 0), without a call.
func (t *trie) mayStart(rs []rune, i, lim int) bool {
	if i+1 < lim && t.pairs != nil {
		r := rs[i]
		b := pairBit(r, rs[i+1]) >> t.pairShift
		return t.pairs[b>>6]&(1<<(b&63)) != 0 || t.singles&(1<<singleBit(r)) != 0
	}
	return i < lim
}

// singleBit is the bit of a word of one rune, r, in a set of 64
// (trie.singles); the scanner's set of 256 takes two bits more of the
// same hash (scanner.singleBit).
func singleBit(r rune) uint32 {
	return uint32(r) * 0x9e3779b1 >> 26
}

// longestStarting is longest at a position i < lim whose rune starts a
// word of t (the scanner knows which do).
func (t *trie) longestStarting(rs []rune, i, lim int) (v, n int) {
	if t.flat == nil {
		return t.longestBuilding(rs, i, lim)
	}
	return t.walk(t.rootChild(rs, i, lim), rs, i, lim)
}

// longestFrom is longestStarting at a position whose pair of runes
// longest has tested already.
func (t *trie) longestFrom(rs []rune, i, lim int) (v, n int) {
	if t.flat == nil {
		return t.longestBuilding(rs, i, lim)
	}
	return t.walk(t.firstChild(rs[i]), rs, i, lim)
}

// walk returns the value and length of the longest word starting at rs[i]
// and ending at or before lim, from cur, the root's child of rs[i] in
// the frozen trie (-1: none).
func (t *trie) walk(cur int32, rs []rune, i, lim int) (v, n int) {
	v, n = -1, 0
	if cur < 0 {
		return v, n
	}
	flat, edges := t.flat, t.edges
	for j := i + 1; ; j++ {
		nd := flat[cur]
		if nd.val > 0 {
			v, n = int(nd.val-1), j-i
		}
		if j >= lim || nd.n == 0 {
			return v, n
		}
		cur = edgeTo(edges[nd.lo:nd.lo+nd.n], rs[j])
		if cur < 0 {
			return v, n
		}
	}
}

// rootChild returns the node of the frozen trie's words that start with
// rs[i], or -1, turning most positions down by the bitsets of first runes
// and of first-rune pairs (rs[i+1] read only below lim) before any load
// from the packed nodes.
func (t *trie) rootChild(rs []rune, i, lim int) int32 {
	r := rs[i]
	if i+1 < lim && r >= 0 && r < 65536 {
		b := pairBit(r, rs[i+1]) >> t.pairShift
		if t.pairs[b>>6]&(1<<(b&63)) == 0 && t.marks[r>>6][1]&(1<<(uint(r)&63)) == 0 {
			return -1
		}
	}
	return t.firstChild(r)
}

// firstChild returns the root's child of r in the frozen trie, or -1. It
// inlines.
func (t *trie) firstChild(r rune) int32 {
	if r < 0 || r >= 65536 {
		return t.wideChild(r)
	}
	m, bit := t.marks[r>>6][0], uint64(1)<<(uint(r)&63)
	if m&bit == 0 {
		return -1
	}
	return 1 + t.rank[r>>6] + int32(bits.OnesCount64(m&(bit-1)))
}

// wideChild is rootChild for a rune beyond the first runes' bitsets.
func (t *trie) wideChild(r rune) int32 {
	if c, ok := t.wide[r]; ok {
		return c
	}
	return -1
}

// lengths returns the lengths of the words starting at rs[i], of up to
// 31 runes, as a set: bit n-1 for a word of n runes. The longest word
// starting at i and ending at or before lim is the highest bit below
// lim-i (see doc.genericAt, which keeps the sets of a document's
// positions). The trie must be frozen.
func (t *trie) lengths(rs []rune, i int) uint32 {
	var set uint32
	cur := t.rootChild(rs, i, len(rs))
	if cur < 0 {
		return 0
	}
	flat, edges := t.flat, t.edges
	for j := i + 1; ; j++ {
		nd := flat[cur]
		if nd.val > 0 && j-i <= 31 {
			set |= 1 << (j - i - 1)
		}
		if j >= len(rs) || nd.n == 0 {
			return set
		}
		cur = edgeTo(edges[nd.lo:nd.lo+nd.n], rs[j])
		if cur < 0 {
			return set
		}
	}
}

// edgeTo returns the node that the edge keyed r leads to among a node's
// edges es, or -1. Keys are sorted (see add): a short list is scanned, a
// long one searched by halves.
func edgeTo(es []tedge, r rune) int32 {
	if len(es) <= 8 {
		for _, e := range es {
			if e.key == r {
				return e.kid
			}
		}
		return -1
	}
	lo, hi := 0, len(es)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if es[m].key < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(es) && es[lo].key == r {
		return es[lo].kid
	}
	return -1
}

// firstPairs appends to ps the first two runes of the words of two runes
// or more.
func (t *trie) firstPairs(ps [][2]rune) [][2]rune {
	for k, c := range t.nodes[0].kids {
		for _, r1 := range t.nodes[c].keys {
			ps = append(ps, [2]rune{t.nodes[0].keys[k], r1})
		}
	}
	return ps
}

// pairSet returns a bitset of pairs with perPair bits a pair (at least
// 512) and the shift of pairBit that gives a pair's bit in it.
func pairSet(ps [][2]rune, perPair int) ([]uint64, uint32) {
	size, shift := 512, uint32(32-9)
	for size < perPair*len(ps) {
		size, shift = size<<1, shift-1
	}
	set := make([]uint64, size/64)
	for _, p := range ps {
		b := pairBit(p[0], p[1]) >> shift
		set[b>>6] |= 1 << (b & 63)
	}
	return set, shift
}

// pairBit is the hash of the first two runes of words, r0 and r1, whose
// high bits are their bit of t.pairs.
func pairBit(r0, r1 rune) uint32 {
	return uint32(r0)*0x9e3779b1 ^ uint32(r1)*0x85ebca6b
}

// longestBuilding is longestStarting on a trie that is not frozen.
func (t *trie) longestBuilding(rs []rune, i, lim int) (v, n int) {
	v, n = -1, 0
	cur := t.child(0, rs[i])
	if cur < 0 {
		return v, n
	}
	for j := i + 1; ; j++ {
		if val := t.nodes[cur].val; val > 0 {
			v, n = int(val-1), j-i
		}
		if j >= lim {
			return v, n
		}
		if cur = t.child(cur, rs[j]); cur < 0 {
			return v, n
		}
	}
}

// match is one word found in a text.
type match struct {
	start, end int
	val        int
}

// scan returns the leftmost-longest non-overlapping words in rs[from:lim].
func (t *trie) scan(rs []rune, from, lim int, out []match) []match {
	for i := from; i < lim; {
		if !t.starts(rs[i]) {
			i++
			continue
		}
		v, n := t.longest(rs, i, lim)
		if n == 0 {
			i++
			continue
		}
		out = append(out, match{i, i + n, v})
		i += n
	}
	return out
}

// first returns the value of the first word scan finds in rs[from:lim]
// (the leftmost, and the longest there), without making the list.
func (t *trie) first(rs []rune, from, lim int) (v int, ok bool) {
	for i := from; i < lim; i++ {
		if t.starts(rs[i]) {
			if v, n := t.longest(rs, i, lim); n > 0 {
				return v, true
			}
		}
	}
	return -1, false
}

// any reports whether some word occurs in rs[from:lim].
func (t *trie) any(rs []rune, from, lim int) bool {
	for i := from; i < lim; i++ {
		if t.starts(rs[i]) {
			if _, n := t.longest(rs, i, lim); n > 0 {
				return true
			}
		}
	}
	return false
}

// suffix returns the value and length of the longest word rs ends with,
// trying suffixes up to max runes.
//
// It walks the words written backwards (rev) from rs's last rune: one
// walk, where a walk from each of the last max positions would take one
// each.
func (t *trie) suffix(rs []rune, max int) (v, n int) {
	v, n = -1, 0
	if len(rs) == 0 || max < 1 {
		return v, n
	}
	r := rs[len(rs)-1]
	if r >= 0 && r < 65536 && t.last[r>>6]&(1<<(uint(r)&63)) == 0 || (r < 0 || r >= 65536) && !t.lastWide {
		return v, n // no word ends with rs's last rune
	}
	if t.rev == nil {
		return t.suffixBuilding(rs, max)
	}
	var cur int32
	if r >= 0 && r < 65536 {
		m, bit := t.last[r>>6], uint64(1)<<(uint(r)&63)
		cur = 1 + t.revRank[r>>6] + int32(bits.OnesCount64(m&(bit-1)))
	} else if c, ok := t.revWide[r]; ok {
		cur = c
	} else {
		return v, n
	}
	rev, edges := t.rev, t.revEdges
	for k := 1; ; k++ {
		nd := rev[cur]
		if nd.val > 0 {
			v, n = int(nd.val-1), k
		}
		if k >= max || k >= len(rs) || nd.n == 0 {
			return v, n
		}
		cur = edgeTo(edges[nd.lo:nd.lo+nd.n], rs[len(rs)-1-k])
		if cur < 0 {
			return v, n
		}
	}
}

// suffixBuilding is suffix on a trie that is not frozen: a lookup at
// each of the last max positions.
func (t *trie) suffixBuilding(rs []rune, max int) (v, n int) {
	v, n = -1, 0
	for k := 1; k <= max && k <= len(rs); k++ {
		if !t.starts(rs[len(rs)-k]) {
			continue
		}
		if w, m := t.longest(rs, len(rs)-k, len(rs)); m == k {
			v, n = w, k
		}
	}
	return v, n
}

// indexRunes returns the first index ≥ a where s occurs in rs[a:b], or -1.
func indexRunes(rs []rune, a, b int, s string) int {
	var r0 rune
	var size int
	if c := s; len(c) >= 3 && c[0]&0xf0 == 0xe0 && c[0] != 0xe0 && c[0] != 0xed && c[1]&0xc0 == 0x80 && c[2]&0xc0 == 0x80 {
		// A Chinese rune (the rules' words), decoded without a call.
		r0, size = rune(c[0]&0x0f)<<12|rune(c[1]&0x3f)<<6|rune(c[2]&0x3f), 3
	} else if r0, size = utf8.DecodeRuneInString(s); size == 0 {
		return -1
	}
	rest := s[size:]
	for i := a; i < b; i++ {
		if rs[i] == r0 && hasAt(rs[:b], i+1, rest) {
			return i
		}
	}
	return -1
}

// scanner finds the words of several tries in one pass over a text: one
// load per position says which tries have a word starting with its rune,
// where a scan per trie would test each trie's bitset at each position,
// and one bitset of the first two runes of all their words turns down
// most of those positions for all the tries at once.
type scanner struct {
	tries []*trie // at most 8
	// first[r] has bit k set when tries[k] has a word starting with r,
	// and bit 8+k when r is a word of tries[k] (runes < 65536).
	first []uint16
	// pairs has bit pairBit(r0, r1)>>pairShift set when a word of some
	// trie, of two runes or more, starts with r0 r1.
	pairs     []uint64
	pairShift uint32
	// singles has bit singleBit(r) set when r is a word of some trie.
	singles [4]uint64
}

// singleBit is the bit of a word of one rune, r, in singles.
func (s *scanner) singleBit(r rune) uint32 {
	return uint32(r) * 0x9e3779b1 >> 24
}

// newScanner returns a scanner of tries, which must be complete.
func newScanner(tries ...*trie) *scanner {
	if len(tries) > 8 {
		panic("extract: a scanner of more than 8 tries")
	}
	s := &scanner{tries: tries, first: make([]uint16, 65536)}
	var ps [][2]rune
	for k, t := range tries {
		for r := range s.first {
			if t.starts(rune(r)) {
				s.first[r] |= 1 << k
			}
			if t.marks[r>>6][1]&(1<<(uint(r)&63)) != 0 {
				s.first[r] |= 1 << (8 + k)
				sb := s.singleBit(rune(r))
				s.singles[sb>>6] |= 1 << (sb & 63)
			}
		}
		ps = t.firstPairs(ps)
	}
	// Sixteen bits a pair: one pair in sixteen that starts no word passes.
	s.pairs, s.pairShift = pairSet(ps, 16)
	return s
}

// scan appends to outs[k] what tries[k].scan(rs, from, lim, outs[k])
// would: the leftmost-longest non-overlapping words in rs[from:lim].
func (s *scanner) scan(rs []rune, from, lim int, outs [][]match) {
	var next [8]int // where each trie's next word may start
	for i := from; i < lim; i++ {
		var ks uint8
		if r := rs[i]; r >= 0 && r < 65536 {
			// The pair of r and the next rune first: the bitset of pairs
			// (2 KB) stays in cache, where first (128 KB) would not, and
			// turns down nine positions in ten.
			if i+1 < lim {
				if b := pairBit(r, rs[i+1]) >> s.pairShift; s.pairs[b>>6]&(1<<(b&63)) == 0 {
					// No trie has a word of two runes or more starting
					// here: only those of which r is a word are walked.
					if sb := s.singleBit(r); s.singles[sb>>6]&(1<<(sb&63)) == 0 {
						continue
					}
					ks = uint8(s.first[r] >> 8)
				} else {
					ks = uint8(s.first[r])
				}
			} else {
				ks = uint8(s.first[r])
			}
		} else {
			for k, t := range s.tries {
				if t.starts(r) {
					ks |= 1 << k
				}
			}
		}
		for ; ks != 0; ks &= ks - 1 {
			k := bits.TrailingZeros8(ks)
			if i < next[k] {
				continue
			}
			if v, n := s.tries[k].longestStarting(rs, i, lim); n > 0 {
				outs[k] = append(outs[k], match{i, i + n, v})
				next[k] = i + n
			}
		}
	}
}
