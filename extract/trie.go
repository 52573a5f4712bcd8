package extract

// trie is a dictionary of words over runes with a value per word, matched
// leftmost-longest. Lookups walk from a start rune; most runes of a text
// start no word, so a scan costs about one map probe per rune.
type trie struct {
	root *tnode
}

type tnode struct {
	next map[rune]*tnode
	val  int // index+1 of the word's value; 0: no word ends here
}

func newTrie() *trie { return &trie{root: &tnode{}} }

// add stores word with value v (v ≥ 0). A later add of the same word wins.
func (t *trie) add(word string, v int) {
	n := t.root
	for _, r := range word {
		if n.next == nil {
			n.next = map[rune]*tnode{}
		}
		c := n.next[r]
		if c == nil {
			c = &tnode{}
			n.next[r] = c
		}
		n = c
	}
	if n != t.root {
		n.val = v + 1
	}
}

// longest returns the value and length of the longest word starting at
// rs[i] and ending at or before lim, or -1, 0.
func (t *trie) longest(rs []rune, i, lim int) (v, n int) {
	v, n = -1, 0
	cur := t.root
	for j := i; j < lim; j++ {
		cur = cur.next[rs[j]]
		if cur == nil {
			break
		}
		if cur.val > 0 {
			v, n = cur.val-1, j-i+1
		}
	}
	return v, n
}

// match is one word found in a text.
type match struct {
	start, end int
	val        int
}

// scan returns the leftmost-longest non-overlapping words in rs[from:lim].
func (t *trie) scan(rs []rune, from, lim int, out []match) []match {
	for i := from; i < lim; {
		if t.root.next[rs[i]] == nil {
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

// hasPrefix reports the value and length of the longest word that rs starts with.
func (t *trie) prefix(rs []rune) (v, n int) { return t.longest(rs, 0, len(rs)) }

// suffix returns the value and length of the longest word rs ends with,
// trying suffixes up to max runes.
func (t *trie) suffix(rs []rune, max int) (v, n int) {
	v, n = -1, 0
	for k := 1; k <= max && k <= len(rs); k++ {
		if w, m := t.longest(rs, len(rs)-k, len(rs)); m == k {
			v, n = w, k
		}
	}
	return v, n
}
