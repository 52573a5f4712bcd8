package extract

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestScanner checks that one pass of a scanner finds what a scan of each
// of its tries finds, on the sample and on texts made of the tries' words
// run together (overlaps, words inside words, runes past the BMP).
func TestScanner(t *testing.T) {
	t.Parallel()
	ex := newTestExtractor(t)
	lx := ex.lex
	_, sample := Sample()
	texts := []string{string(sample), "", "区", "𠀀高新区𠀀开发区", "北京经济技术开发区生物医药产业园", "新能源汽车产业链和集成电路产业"}
	for _, w := range []string{"高新区", "经济开发区", "生物医药", "新能源", "北京市", "街道", "产业园"} {
		texts = append(texts, w+w[:3]+w+"和"+w)
	}
	tries := []*trie{lx.place, lx.industry, lx.area, lx.stage}
	s := newScanner(tries...)
	for _, text := range texts {
		rs := []rune(text)
		for _, from := range []int{0, 1, len(rs) / 2} {
			if from > len(rs) {
				continue
			}
			got := make([][]match, len(tries))
			got[1] = []match{{0, 0, 0}} // appended to, as mentions does
			s.scan(rs, from, len(rs), got)
			for k, tr := range tries {
				want := []match(nil)
				if k == 1 {
					want = []match{{0, 0, 0}}
				}
				want = tr.scan(rs, from, len(rs), want)
				if !slices.Equal(got[k], want) {
					t.Errorf("%.20q from %d, trie %d: %v, want %v", text, from, k, got[k], want)
				}
			}
		}
	}
}

// TestClauseHits checks that the words of a clause read from its
// sentence's one pass are those a scan of the clause finds, for clauses
// that start or end inside a word too.
func TestClauseHits(t *testing.T) {
	t.Parallel()
	ex := newTestExtractor(t)
	lx := ex.lex
	texts := []string{"", "建成投产", "推动研发的“芯片”项目建成投产，新签约项目开工建设", "签约落户签约落户和竣工投产"}
	for _, tr := range []*trie{lx.stage, lx.develop} {
		for _, text := range texts {
			rs := []rune(text)
			// Sentence 0 has no words, sentence 1 (the last) all of rs.
			d := &doc{rs: rs, stageHits: sentHits{ms: tr.scan(rs, 0, len(rs), nil), first: []int{0, 0}}}
			for a := 0; a <= len(rs); a++ {
				for b := a; b <= len(rs); b++ {
					got := d.clauseHits(&d.stageHits, 1, a, b, tr, nil)
					want := tr.scan(rs, a, b, nil)
					if !slices.Equal(got, want) {
						t.Errorf("%q [%d:%d]: %v, want %v", text, a, b, got, want)
					}
				}
			}
		}
	}
}

// TestPlannedHits checks planned, which reads the plan words of the
// sentence's one pass, against the lookup at every position of a clause,
// on words that are turned down and hold another (预计划).
func TestPlannedHits(t *testing.T) {
	t.Parallel()
	ex := newTestExtractor(t)
	texts := []string{"", "将", "预计划建设", "预计全年增长", "计划和预算即将发布", "将“其”拟", "模拟计划", "将于明年开工", "我们预计划"}
	for _, text := range texts {
		rs := []rune(text)
		d := &doc{lx: ex.lex, rs: rs, planHits: sentHits{ms: ex.lex.plan.scan(rs, 0, len(rs), nil), first: []int{0}}}
		for a := 0; a <= len(rs); a++ {
			for b := a; b <= len(rs); b++ {
				if got, want := d.planned(0, a, b), d.plannedFrom(a, a, b); got != want {
					t.Errorf("%q [%d:%d]: planned %v, want %v", text, a, b, got, want)
				}
			}
		}
	}
}

// TestSuffix checks suffix, one walk of the words written backwards,
// against the lookup at each of the last positions, for every trie of the
// lexicon on the ends of the sample's sentences and on words run together.
func TestSuffix(t *testing.T) {
	t.Parallel()
	ex := newTestExtractor(t)
	lx := ex.lex
	_, sample := Sample()
	texts := []string{string(sample), "", "𠀀", "区𠀀", "𠀀高新区", "有限公司(中国)", "Co.,Ltd.", "研发中心项目"}
	for _, w := range append(append(append([]string{}, projectHeads...), firmSuffixes...), legalSuffixes...) {
		texts = append(texts, w, "某"+w, w+w, "项"+w)
	}
	tries := []*trie{lx.stage, lx.lead, lx.inner, lx.trail, lx.heads, lx.generic, lx.modifier, lx.firmSuf,
		lx.orgSuf, lx.legal, lx.plan, lx.indStop, lx.industry, lx.keyword, lx.place, lx.unit, lx.measure, lx.area, lx.develop}
	for _, text := range texts {
		rs := []rune(text)
		for e := 0; e <= len(rs); e++ {
			for _, most := range []int{0, 1, 3, 4, 5, 6, 40} {
				w := rs[max(0, e-50):e]
				for k, tr := range tries {
					v, n := tr.suffix(w, most)
					wv, wn := tr.suffixBuilding(w, most)
					if v != wv || n != wn {
						t.Fatalf("trie %d, %q, max %d: %d %d, want %d %d", k, string(w), most, v, n, wv, wn)
					}
				}
			}
		}
	}
}

// TestGenericLengths checks genericAt on pieces of a document's text,
// read from the sets of lengths it keeps per position, against the lookup
// on a copy of each piece.
func TestGenericLengths(t *testing.T) {
	t.Parallel()
	ex := newTestExtractor(t)
	_, sample := Sample()
	text := string(sample) + "国家级智能制造示范工厂数据中心项目12英寸晶圆𠀀研发中心"
	rs := []rune(text)
	d := &doc{lx: ex.lex, rs: rs, genLens: make([]uint32, len(rs))}
	for a := 0; a < len(rs); a++ {
		for b := a + 1; b <= min(len(rs), a+40); b++ {
			w := rs[a:b]
			c := append([]rune(nil), w...)
			for i := range w {
				if got, want := d.genericAt(w, i), d.genericAt(c, i); got != want {
					t.Fatalf("%q at %d: %d, want %d", string(w), i, got, want)
				}
			}
		}
	}
}

// TestRuneIn checks runeIn against strings.ContainsRune on the sets the
// rules use and on runes of every width, invalid ones included.
func TestRuneIn(t *testing.T) {
	t.Parallel()
	sets := []string{"", "、和及与并", "()（）", "者用单方性规资投", "a€𠀀", "\uFFFD", "省市、和与及等的区县"}
	runes := []rune{-1, 0, 'a', '(', 0x7f, 0x80, 'é', '€', '、', '和', '县', '（', 0xd800, 0xfffd, 0xffff, 0x10000, '𠀀', 0x110000}
	for _, set := range sets {
		for _, r := range runes {
			if got, want := runeIn(set, r), strings.ContainsRune(set, r); got != want {
				t.Errorf("runeIn(%q, %U) = %v, want %v", set, r, got, want)
			}
		}
		for _, r := range set {
			if !runeIn(set, r) {
				t.Errorf("runeIn(%q, %q) = false", set, r)
			}
		}
	}
}

// TestTrieFirst checks that first finds the first word scan finds.
func TestTrieFirst(t *testing.T) {
	t.Parallel()
	ex := newTestExtractor(t)
	for _, text := range []string{"", "新能源", "发展新能源汽车和集成电路", "的的的生物医药产业园", "𠀀人工智能𠀀"} {
		rs := []rune(text)
		for from := 0; from <= len(rs); from++ {
			v, ok := ex.lex.industry.first(rs, from, len(rs))
			ms := ex.lex.industry.scan(rs, from, len(rs), nil)
			if ok != (len(ms) > 0) || ok && v != ms[0].val {
				t.Errorf("%q from %d: first %d, %v; scan %v", text, from, v, ok, ms)
			}
		}
	}
}

// TestRuneLen checks runeLen against utf8.RuneCountInString, bad bytes,
// overlong forms, surrogates and cut runes included.
func TestRuneLen(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"", "abc", "中文名称", "a中b文", "\xe0\x80\x80x", "\xe0\xa0\x80", "\xed\xa0\x80",
		"\xed\x9f\xbf", "\xff\xfe中", "中\xe4\xb8", "a\xe4", "𝄞中", "\uFFFD", "\xe1\x80", "\xef\xbf\xbf", "€é"} {
		if got, want := runeLen(s), utf8.RuneCountInString(s); got != want {
			t.Errorf("runeLen(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestRuneLens checks the table of name lengths by first rune against a
// map, through growth and a reset.
func TestRuneLens(t *testing.T) {
	t.Parallel()
	var x runeLens
	want := map[rune]uint64{}
	for round := 0; round < 2; round++ {
		for i := 0; i < 300; i++ {
			r := rune(0x4e00 + i*37%2000)
			if i%7 == 0 {
				r = rune(i) // ASCII, 0 and controls too
			}
			x.add(r, lenBit(i%9))
			want[r] |= lenBit(i % 9)
		}
		for r := rune(0); r < 0x5700; r++ {
			if got := x.of(r); got != want[r] {
				t.Fatalf("round %d: of(%U) = %b, want %b", round, r, got, want[r])
			}
		}
		x = x.reset()
		clear(want)
		if got := x.of(0x4e00); got != 0 {
			t.Fatalf("after reset: of(U+4E00) = %b", got)
		}
	}
}
