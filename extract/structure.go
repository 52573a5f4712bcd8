package extract

import (
	"math/bits"
	"slices"
	"unicode/utf8"
)

// structure is the layout of a normalized text: title, year, paragraphs
// and sentences, as rune offsets into runes.
type structure struct {
	// runes are the text's runes and off their offsets: pieces of
	// runeBuf and offBuf, which the next document's parse reuses, capped
	// at their length, so that a slice past the text's end panics rather
	// than reading runes of the document before.
	runes   []rune
	runeBuf []rune
	offBuf  []int32
	// brkBuf holds the offsets in runes of the line breaks and sentence
	// ends (\n 。！？!?), which decodeRunesInto finds as it decodes, so
	// that parse and addPara read them instead of every rune again.
	brkBuf []int32
	// off[i] is the byte offset of runes[i] in the text (off[len(runes)]
	// is its length); nil when the text is not valid UTF-8, whose runes
	// then do not map back to bytes one to one.
	off   []int32
	text  string // the text, when off is not nil
	title string
	year  int
	paras []para
	sents []sentence
}

// para is one paragraph (one line of the normalized text).
type para struct {
	start, end int
	// level is the section level of a heading (1: 一、, 2: (一), 3: 1.,
	// 4: (1)); 0 for body text.
	level   int
	heading bool
	title   bool
	// planned is true inside a section about next year's work.
	planned    bool
	first, lim int // its sentences: sents[first:lim]
}

// sentence is one sentence of a paragraph.
type sentence struct {
	start, end int
	para       int
}

// isChineseDigit reports whether r is a digit of a Chinese numeral
// (〇零一二三四五六七八九十百两).
func isChineseDigit(r rune) bool {
	switch r {
	case '〇', '零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '百', '两':
		return true
	}
	return false
}

// sectionMarker returns the level and rune length of the section number
// that s starts with (一、 (一) 1. (1) 第一部分), or 0, 0.
func sectionMarker(s string) (level, n int) {
	// Most lines open with a rune no marker opens with: turned down
	// before the runes are decoded (normalize asks of every line).
	if r, _ := utf8.DecodeRuneInString(s); !opensMarker(r) {
		return 0, 0
	}
	var buf [12]rune
	return sectionMarkerRunes(headRunes(s, buf[:]))
}

// headRunes decodes the first runes of s into buf, as many as it holds,
// the three-byte runes of Chinese text in place (range over a string
// makes a call for each).
func headRunes(s string, buf []rune) []rune {
	k := 0
	for i := 0; i < len(s) && k < len(buf); k++ {
		c := s[i]
		if c < utf8.RuneSelf {
			buf[k] = rune(c)
			i++
			continue
		}
		if i+2 < len(s) {
			if r, ok := rune3(c, s[i+1], s[i+2]); ok {
				buf[k] = r
				i += 3
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		buf[k] = r
		i += n
	}
	return buf[:k]
}

// opensMarker reports whether a section marker may open with r: 第, a
// digit of a Chinese numeral, a bracket, a digit or ① to ⑳.
func opensMarker(r rune) bool {
	return r == '第' || isChineseDigit(r) || r == '(' || r == '（' || r >= '0' && r <= '9' || r >= '①' && r <= '⑳'
}

// sectionMarkerRunes is sectionMarker over runes.
func sectionMarkerRunes(rs []rune) (level, n int) {
	if len(rs) > 12 {
		rs = rs[:12]
	}
	i := 0
	if i < len(rs) && rs[i] == '第' {
		j := 1
		for j < len(rs) && isChineseDigit(rs[j]) {
			j++
		}
		if j > 1 && j < len(rs) && runeIn("部章节篇", rs[j]) {
			if j+2 < len(rs) && rs[j] == '部' && rs[j+1] == '分' {
				j++
			}
			return 1, j + 1
		}
		if j > 1 && j < len(rs) && runeIn("，、,", rs[j]) && j <= 3 {
			return 2, j + 1 // 第一，生物医药产业提速。
		}
		return 0, 0
	}
	for i < len(rs) && isChineseDigit(rs[i]) {
		i++
	}
	if i > 0 && i < len(rs) && (rs[i] == '、' || rs[i] == '.' || rs[i] == '，') && i <= 3 {
		return 1, i + 1
	}
	if len(rs) > 2 && (rs[0] == '(' || rs[0] == '（') {
		j := 1
		for j < len(rs) && isChineseDigit(rs[j]) {
			j++
		}
		if j > 1 && j < len(rs) && (rs[j] == ')' || rs[j] == '）') {
			return 2, j + 1
		}
		j = 1
		for j < len(rs) && rs[j] >= '0' && rs[j] <= '9' {
			j++
		}
		if j > 1 && j < len(rs) && (rs[j] == ')' || rs[j] == '）') {
			return 4, j + 1
		}
		return 0, 0
	}
	j := 0
	for j < len(rs) && rs[j] >= '0' && rs[j] <= '9' {
		j++
	}
	if j > 0 && j <= 2 && j < len(rs) && (rs[j] == '、' || rs[j] == '.' || rs[j] == '．') {
		if rs[j] == '.' && j+1 < len(rs) && rs[j+1] >= '0' && rs[j+1] <= '9' {
			return 0, 0 // a decimal number
		}
		return 3, j + 1
	}
	if len(rs) > 0 && rs[0] >= '①' && rs[0] <= '⑳' {
		return 4, 1
	}
	return 0, 0
}

// parseStructure splits the normalized text into paragraphs and sentences
// and finds the title and the year.
func parseStructure(text string) *structure {
	return (&structure{}).parse(text)
}

// parse is parseStructure into st, whose slices it reuses.
func (st *structure) parse(text string) *structure {
	*st = structure{runeBuf: st.runeBuf, offBuf: st.offBuf, brkBuf: st.brkBuf, paras: st.paras[:0], sents: st.sents[:0]}
	st.runes, st.off = decodeRunesInto(text, &st.runeBuf, &st.offBuf, &st.brkBuf)
	if st.off != nil {
		st.text = text
	}
	rs := st.runes
	// The paragraphs are the lines, from the breaks decodeRunesInto found
	// (the ends of sentences between them go to their paragraph).
	brk := st.brkBuf
	start, first := 0, 0 // the open line, and its first break
	for x, k := range brk {
		if rs[k] != '\n' {
			continue
		}
		if int(k) > start {
			st.addPara(start, int(k), brk[first:x])
		}
		start, first = int(k)+1, x+1
	}
	if len(rs) > start {
		st.addPara(start, len(rs), brk[first:])
	}
	if len(st.paras) > 0 && st.paras[0].level == 0 {
		p := &st.paras[0]
		if p.end-p.start <= 60 && !hasSentenceEnd(rs[p.start:p.end]) {
			p.title = true
			p.heading = true
			st.title = st.str(p.start, p.end)
			// A letter's or a notice's first line is the office that
			// issues it (X市经济和信息化局); its title is the line after
			// (关于…的答复), which the document is known by.
			if len(st.paras) > 1 && issuerLine(rs[p.start:p.end]) {
				q := st.paras[1]
				if q.end-q.start <= 60 && q.end-q.start > 4 && rs[q.start] == '关' && rs[q.start+1] == '于' && !hasSentenceEnd(rs[q.start:q.end]) {
					st.title = st.str(q.start, q.end)
				}
			}
		}
	}
	st.year = findYear(st)
	st.markPlanned()
	return st
}

// str is string(st.runes[a:b]), a piece of the text when it can be.
func (st *structure) str(a, b int) string {
	if st.off != nil {
		return st.text[st.off[a]:st.off[b]]
	}
	return string(st.runes[a:b])
}

// addPara adds the paragraph rs[start:end] and its sentences; ends are
// the offsets of its sentence ends (。！？!?), in order.
func (st *structure) addPara(start, end int, ends []int32) {
	rs := st.runes
	p := para{start: start, end: end}
	if lv, _ := sectionMarkerRunes(rs[start:min(end, start+16)]); lv > 0 {
		p.level = lv
		// An item of a list that ends with ； (①X项目：总投资…；) is no heading.
		p.heading = end-start <= 80 && !hasSentenceEnd(rs[start:end]) && rs[end-1] != '；' && rs[end-1] != ';'
	}
	p.first = len(st.sents)
	// Sentences end at 。！？!? (with closing quotes); a heading is one.
	s := start
	for _, e := range ends {
		j := int(e) + 1 // (never inside the closing quotes before: no end is one)
		for j < end && isClosingQuote(rs[j]) {
			j++
		}
		st.sents = append(st.sents, sentence{start: s, end: j, para: len(st.paras)})
		s = j
	}
	if s < end {
		st.sents = append(st.sents, sentence{start: s, end: end, para: len(st.paras)})
	}
	p.lim = len(st.sents)
	st.paras = append(st.paras, p)
}

// isSentenceEnd reports whether r is one of 。！？!?.
func isSentenceEnd(r rune) bool {
	switch r {
	case '。', '！', '？', '!', '?':
		return true
	}
	return false
}

// isClosingQuote reports whether r is one of ”’」』)）》", which a
// sentence's end takes with it.
func isClosingQuote(r rune) bool {
	switch r {
	case '”', '’', '」', '』', ')', '）', '》', '"':
		return true
	}
	return false
}

// hasSentenceEnd reports whether rs holds 。！？.
func hasSentenceEnd(rs []rune) bool {
	for _, r := range rs {
		if r == '。' || r == '！' || r == '？' {
			return true
		}
	}
	return false
}

func containsAny(rs []rune, set ...rune) bool {
	for _, r := range rs {
		for _, c := range set {
			if r == c {
				return true
			}
		}
	}
	return false
}

// issuerLine reports whether a first line names an office that issues
// letters and notices, and nothing else: 宜都市经济和信息化局, X市重大项目
// 推进工作领导小组办公室, X区人民政府.
func issuerLine(w []rune) bool {
	if len(w) < 4 || len(w) > 30 {
		return false
	}
	for _, suf := range [...]string{"局", "办公室", "委员会", "管委会", "人民政府", "政府", "工作部", "领导小组"} {
		if hasAt(w, len(w)-runeLen(suf), suf) {
			return true
		}
	}
	return false
}

// findYear reads the report's year from the title, else from the first
// paragraphs: the first 19xx/20xx followed by 年.
func findYear(st *structure) int {
	for i, p := range st.paras {
		if i >= 4 {
			break
		}
		if y := yearIn(st.runes[p.start:p.end]); y > 0 {
			return y
		}
	}
	return 0
}

func yearIn(rs []rune) int {
	for i := 0; i+4 < len(rs); i++ {
		if rs[i+4] != '年' || (i > 0 && (isDigit(rs[i-1]) || chineseDigit(rs[i-1]) >= 0)) {
			continue
		}
		y := 0
		ok := true
		for _, r := range rs[i : i+4] {
			d := chineseDigit(r)
			if isDigit(r) {
				d = int(r - '0')
			}
			if d < 0 {
				ok = false
				break
			}
			y = y*10 + d
		}
		if ok && y >= 1949 && y <= 2100 {
			return y
		}
	}
	return 0
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// chineseDigit is the value of a Chinese digit of a written year (二〇二二),
// or -1.
func chineseDigit(r rune) int {
	switch r {
	case '〇', '零':
		return 0
	case '一':
		return 1
	case '二':
		return 2
	case '三':
		return 3
	case '四':
		return 4
	case '五':
		return 5
	case '六':
		return 6
	case '七':
		return 7
	case '八':
		return 8
	case '九':
		return 9
	}
	return -1
}

// markPlanned marks the paragraphs of sections about future work: a
// heading with 工作安排, 下一步, 工作计划, 工作思路 or a later year's 工作.
func (st *structure) markPlanned() {
	planned := false
	plannedLevel := 0
	for i := range st.paras {
		p := &st.paras[i]
		if p.heading && !p.title {
			if planned && p.level <= plannedLevel {
				planned = false
			}
			if !planned && isPlanHeading(st.runes[p.start:p.end], st.year) {
				planned = true
				plannedLevel = p.level
			}
		}
		p.planned = planned
	}
}

// isPlanHeading reports whether the heading rs opens a section about
// future work: it holds 工作安排, 下一步, 工作计划, 工作思路, 重点任务,
// 工作打算 or 展望, or a later year's 工作. One pass over its runes finds
// the words by their first runes (seven searches of the string took a
// thousand instructions a heading).
func isPlanHeading(rs []rune, year int) bool {
	work := false // rs holds 工作
	for i, r := range rs {
		switch r {
		case '工':
			if has2(rs, i, '工', '作') {
				work = true
				if has2(rs, i+2, '安', '排') || has2(rs, i+2, '计', '划') || has2(rs, i+2, '思', '路') || has2(rs, i+2, '打', '算') {
					return true
				}
			}
		case '下':
			if hasAt(rs, i, "下一步") {
				return true
			}
		case '重':
			if hasAt(rs, i, "重点任务") {
				return true
			}
		case '展':
			if has2(rs, i, '展', '望') {
				return true
			}
		}
	}
	if !work || year <= 0 {
		return false
	}
	y := yearIn(rs)
	return y > 0 && y > year
}

// runeLen is utf8.RuneCountInString. The rules ask it of names and words,
// nearly all three-byte runes, which the standard one decodes with a call
// each: here a lead byte that is neither overlong nor a surrogate (E1 to
// EF but ED) and two continuation bytes are counted in place, anything
// else as utf8 would.
func runeLen(s string) int {
	n := 0
	for i := 0; i < len(s); n++ {
		switch c := s[i]; {
		case c < utf8.RuneSelf:
			i++
		case c >= 0xe1 && c < 0xf0 && c != 0xed && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80:
			i += 3
		default:
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
		}
	}
	return n
}

// decodeRunes is []rune(text) with the byte offset of each rune, in one
// pass: Chinese text is nearly all three-byte runes, decoded here without
// a call. off is nil when text is not valid UTF-8 (or too long for int32
// offsets).
func decodeRunes(text string) (rs []rune, off []int32) {
	var rbuf []rune
	var obuf, brk []int32
	return decodeRunesInto(text, &rbuf, &obuf, &brk)
}

// decodeRunesInto is decodeRunes into the buffers *rbuf and *obuf, grown
// when they are too small. The runes and offsets it returns are capped at
// their length (s[:k:k]): a slice past the text's end panics instead of
// reading what the buffers held before. It sets *brk to the offsets in
// the runes of the line breaks and sentence ends (\n 。！？!?), which it
// tells apart from the other runes in the tests it makes anyway (a byte
// below 0x80; a three-byte rune's lead, E3 or EF), where a loop over the
// runes after it would test every one again.
func decodeRunesInto(text string, rbuf *[]rune, obuf *[]int32, brk *[]int32) ([]rune, []int32) {
	if len(text) >= 1<<31 {
		rs := []rune(text)
		*brk = runeBreaks(rs, (*brk)[:0])
		return rs[:len(rs):len(rs)], nil
	}
	// Room for as many runes as bytes, a bound that saves counting them
	// first (rs and off are reused), except for long texts.
	n := len(text)
	if n > 1<<20 {
		n = runeStarts(text)
	}
	*rbuf = slices.Grow((*rbuf)[:0], n)
	*obuf = slices.Grow((*obuf)[:0], n+1)
	rs, off := (*rbuf)[:n], (*obuf)[:n+1]
	bs := (*brk)[:0]
	valid := true
	k := 0
	// (The unsigned comparisons let the compiler drop the bounds checks
	// of the loop's reads and writes.)
	for i := 0; uint(i) < uint(len(text)); {
		if uint(k) >= uint(len(rs)) || uint(k) >= uint(len(off)) {
			// More runes than rune starts: bytes that continue no rune.
			rs := []rune(text)
			*brk = runeBreaks(rs, bs[:0])
			return rs[:len(rs):len(rs)], nil
		}
		c := text[i]
		off[k] = int32(i)
		// One load of the lead's kind (runeLead) tells the runes apart.
		switch kind := runeLead[c]; {
		case kind >= leadThree && uint(i+2) < uint(len(text)) && (uint(text[i+1])<<8|uint(text[i+2]))&0xc0c0 == 0x8080:
			r := rune(c&0x0f)<<12 | rune(text[i+1]&0x3f)<<6 | rune(text[i+2]&0x3f)
			if kind == leadThreeEnd && isSentenceEnd(r) {
				bs = append(bs, int32(k))
			}
			rs[k] = r
			i += 3
			k++
			continue
		case kind == leadASCII || kind == leadBreak:
			if kind == leadBreak {
				bs = append(bs, int32(k))
			}
			rs[k] = rune(c)
			i++
			k++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && size == 1 {
			valid = false
		}
		rs[k] = r
		i += size
		k++
	}
	*brk = bs
	if !valid {
		return rs[:k:k], nil
	}
	off[k] = int32(len(text))
	return rs[:k:k], off[: k+1 : k+1]
}

// The kinds of a rune's first byte, for decodeRunesInto.
const (
	leadOther    = iota // decoded by utf8
	leadASCII           // ASCII
	leadBreak           // \n ! ?
	leadThree           // a three-byte rune that is never overlong nor a surrogate (E1 to EF but ED)
	leadThreeEnd        // the same, with a lead that 。！？ open with (E3, EF)
)

var runeLead = func() (t [256]uint8) {
	for c := range utf8.RuneSelf {
		t[c] = leadASCII
	}
	t['\n'], t['!'], t['?'] = leadBreak, leadBreak, leadBreak
	for c := 0xe1; c < 0xf0; c++ {
		t[c] = leadThree
	}
	t[0xed] = leadOther
	t[0xe3], t[0xef] = leadThreeEnd, leadThreeEnd
	return t
}()

// runeBreaks appends to bs the offsets of the line breaks and sentence
// ends of rs (decodeRunesInto's, for the texts it does not decode itself).
func runeBreaks(rs []rune, bs []int32) []int32 {
	for k, r := range rs {
		if r == '\n' || isSentenceEnd(r) {
			bs = append(bs, int32(k))
		}
	}
	return bs
}

// runeStarts counts the bytes of s that start a rune (are not 10xxxxxx),
// eight at a time: the number of runes of valid UTF-8, and never more
// than that of any text.
func runeStarts(s string) int {
	const msb = 0x8080808080808080
	n, i := 0, 0
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		n += 8 - bits.OnesCount64(x&^(x<<1)&msb)
	}
	for ; i < len(s); i++ {
		if s[i]&0xc0 != 0x80 {
			n++
		}
	}
	return n
}
