package extract

import (
	"strconv"
	"strings"
	"unicode"
	"unsafe"

	"github.com/kgraph/kg"
)

// indicators reads the figures of one sentence: a number with a unit, its
// name from the words before it (or after it: 52个项目落地), its measure
// (同比增长, 累计, 新增…), the place it is about and the year.
func (d *doc) indicators(si int) {
	s := d.st.sents[si]
	rs := d.rs
	year := -1 // read at the sentence's first figure: most have none
	segStart := s.start
	lastName, lastMeasure := "", ""
	count := 0
	han := rs[:s.end]
	for i := s.start; i < s.end; i++ {
		// Han has no digit, clause end or bracket: its runs are skipped
		// in a loop of their own (without bounds checks).
		for uint(i) < uint(len(han)) && uint32(han[i])-0x4e00 <= 0x9fff-0x4e00 {
			i++
		}
		if i >= s.end {
			break
		}
		r := rs[i]
		if !isDigit(r) {
			if isClauseEnd(r) || r == '(' || r == ')' || r == '（' || r == '）' {
				segStart = i + 1
			}
			continue
		}
		// Not part of a code or a word (PM2.5, 5G, K30), not an ordinal.
		if i > s.start {
			p := rs[i-1]
			if p < 0x80 && (unicode.IsLetter(p) || p == '.' || p == '-' || p == '+' || p == '/') || p == '第' {
				i = skipNumber(rs, i, s.end) - 1
				continue
			}
		}
		j := skipNumber(rs, i, s.end)
		numText := d.runeStr(rs[i:j])
		k := j
		for k < s.end && (rs[k] == '余' || rs[k] == '多') {
			k++
		}
		if k < s.end && rs[k] < 0x80 && unicode.IsLetter(rs[k]) {
			if _, n := d.lx.unit.longest(rs, k, s.end); n == 0 {
				i = j - 1
				continue
			}
		}
		v, n := d.lx.unit.longest(rs, k, s.end)
		if k+n < s.end && rs[k+n] == '级' {
			n = 0 // 20万吨级 is a class, not a figure
		}
		if n == 0 || (j < s.end && (rs[j] == '年' || rs[j] == '月' || rs[j] == '日' || rs[j] == '号')) {
			i = j - 1
			continue
		}
		unit := units[v]
		if unit == "万人" && k+n < s.end && isHan(rs[k+n]) {
			unit, n = "万", 1 // 20万人群
		}
		value, err := parseFigure(numText)
		if err != nil {
			i = j - 1
			continue
		}
		name, measure, subject := d.indicatorName(segStart, i, k+n, s.end, countsThings(unit))
		if unit == "%" && strings.HasSuffix(name, "的") {
			if share := planShare(rs, segStart, i, lastName); share != "" {
				name = share
			}
		}
		switch {
		case strings.HasPrefix(name, "占") && lastName != "":
			name = lastName + name // X…，占Y比重: X's share
		case name == "和" || name == "及" || name == "以及":
			// 分别增长16.3%、24.8%和12.5%: the list's last figure is of
			// the same measure as the one before it.
			name, measure = lastName, lastMeasure
		case name == "" || isAggregate(name) || strings.HasPrefix(name, "降幅") || strings.HasPrefix(name, "增幅") || strings.HasPrefix(name, "增速"):
			name = lastName
		}
		if k := lastIndexGongsi(name); k >= 0 && len(name)-k > len("公司") {
			name = name[k+len("公司"):] // …有限公司年产 → 年产
		}
		if name == "" {
			i = k + n - 1
			continue
		}
		lastName, lastMeasure = name, measure
		if count++; count > maxFiguresPerSentence {
			return // a table flattened into one line, not prose
		}
		d.focus = i
		if subject == "" {
			subject = d.zone // a zone's report speaks of the zone
		}
		if year < 0 {
			if year = yearIn(rs[s.start:s.end]); year == 0 {
				year = d.st.year
			}
		}
		d.nind++
		d.out.Indicators = append(d.out.Indicators, kg.Indicator{
			ID: d.indicatorID(d.nind), Name: name, Value: value, Unit: unit,
			Measure: measure, Subject: subject, Year: year, Evidence: d.evidence(si),
		})
		segStart = k + n
		i = k + n - 1
	}
}

// lastIndexGongsi is strings.LastIndex(s, "公司"), which hashes every
// byte of s to find a word that few names hold: here the bytes are
// compared from the end, a first byte (0xE5, which opens many runes) and
// then the word.
func lastIndexGongsi(s string) int {
	const w = "公司"
	for i := len(s) - len(w); i >= 0; i-- {
		if s[i] == w[0] && s[i:i+len(w)] == w {
			return i
		}
	}
	return -1
}

// indicatorID is "indicator/" + d.id + "/" + n, from the buffer of ids.
func (d *doc) indicatorID(n int) string {
	// n's digits written from the end: n counts from 1.
	var buf [24]byte
	i := len(buf)
	for {
		i--
		buf[i] = byte('0' + n%10)
		if n /= 10; n == 0 {
			break
		}
	}
	i--
	buf[i] = '/'
	return d.join("indicator/", d.id, unsafe.String(&buf[i], len(buf)-i))
}

// planShare names a share of the year's plan in rs[a:num] (完成年度目标的
// 108.2%, 完成全年目标任务的79.7%) after the figure it measures, named
// last: 完成投资完成年度计划 is what the investment reached of its plan. The
// verb stays before a bare 投资 (完成投资, the figure's usual name). It
// returns "" when rs[a:num] holds no such share.
func planShare(rs []rune, a, num int, last string) string {
	k := indexRunes(rs, a, num, "完成")
	if k < 0 {
		return ""
	}
	c, e := k+2, num
	for e > c && (rs[e-1] == ' ' || rs[e-1] == '的') {
		e--
	}
	core := rs[c:e]
	if len(core) >= 2 && (has2(core, 0, '年', '度') || has2(core, 0, '全', '年')) {
		core = core[2:]
	}
	if len(core) >= 2 && has2(core, len(core)-2, '任', '务') {
		core = core[:len(core)-2]
	}
	if len(core) != 2 || !has2(core, 0, '目', '标') && !has2(core, 0, '计', '划') {
		return ""
	}
	if last == "投资" {
		last = "完成投资"
	}
	return last + "完成" + string(rs[c:e])
}

func skipNumber(rs []rune, i, end int) int {
	j := i
	for j < end && (isDigit(rs[j]) || (rs[j] == '.' || rs[j] == ',') && j+1 < end && isDigit(rs[j+1]) && j > i) {
		j++
	}
	return j
}

// maxFiguresPerSentence bounds the figures read from one sentence.
const maxFiguresPerSentence = 64

// isAggregate reports whether a figure's name names it only by
// reference to the one before (新增企业412家，总数达2390家). (A switch: a map
// hashes the name of every figure.)
func isAggregate(name string) bool {
	switch name {
	case "总数", "总量", "总计", "合计", "总额", "规模", "总体", "其中", "全年":
		return true
	}
	return false
}

// countsThings reports whether a unit counts things; a noun right after
// it names the figure (37家新升规企业).
func countsThings(unit string) bool {
	switch unit {
	case "家", "个", "项", "名", "处", "批", "万", "亿", "座", "条", "件", "所", "台", "套", "人", "户", "辆":
		return true
	}
	return false
}

// parseFigure is strconv.ParseFloat of a number as skipNumber finds it,
// with its thousands separators (1,200) dropped. A figure of 15 digits
// or less (all but a few) is its digits as an integer divided by a power
// of ten, both exact in a float64, so that the quotient is rounded as
// ParseFloat rounds it (which does the same, after a longer way to it).
func parseFigure(num string) (float64, error) {
	m, digits, decimals, dot := 0, 0, 0, false
	for i := 0; i < len(num); i++ {
		switch c := num[i]; {
		case c >= '0' && c <= '9':
			m = m*10 + int(c-'0')
			digits++
			if dot {
				decimals++
			}
		case c == '.' && !dot:
			dot = true
		case c == ',':
		default:
			digits = len(pow10) // not a figure of the simple kind
		}
	}
	if digits == 0 || digits > 15 {
		return strconv.ParseFloat(strings.ReplaceAll(num, ",", ""), 64)
	}
	return float64(m) / pow10[decimals], nil
}

// pow10 are the powers of ten a figure's digits are divided by.
var pow10 = [16]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}

// indicatorName names the figure at [num, after): the words of its segment
// before it, without measure words, leading verbs and places.
func (d *doc) indicatorName(a, num, after, end int, counts bool) (name, measure, subject string) {
	rs := d.rs
	b := num
	// The measure: words just before the number (同比增长8%, 累计562家),
	// the longest of six runes or less first.
	for b > a {
		v, k := d.lx.measure.suffix(rs[a:b], 6)
		if k == 0 {
			break
		}
		// The more telling word wins: 累计达 is 累计.
		if measure == "" || measure == "总量" {
			measure = measures[v].measure
		}
		b -= k
	}
	for k := a; k+1 < b && measure == ""; k++ {
		if !d.lx.measure.starts(rs[k]) {
			continue
		}
		if v, n := d.lx.measure.longest(rs, k, b); n >= 2 {
			measure = measures[v].measure
		}
	}
	if measure == "" {
		measure = "总量"
	}
	// Leading verbs, time words and places.
	for changed := true; changed && a < b; {
		changed = false
		for a < b && isNameEdge(rs[a]) {
			a++
			changed = true
		}
		if _, n := d.lx.lead.longest(rs, a, b); n > 0 && n < b-a {
			a += n
			changed = true
		}
		if v, n := d.lx.place.longest(rs, a, b); n > 0 && n < b-a {
			if !containsAny(rs[a:b], '、', '等', '和') {
				subject = "place/" + d.lx.places[v].name // not one of a list
			}
			a += n
			changed = true
		}
		if y := yearAt(rs, a, b); y > 0 {
			a += y
			changed = true
		}
		// Each list's words open with a few runes; a starts with none of
		// them at most figures.
		if a < b && (rs[a] == '较' || rs[a] == '比') {
			for _, w := range []string{"较上年", "比上年", "较去年", "比去年", "较上年同期", "比上年同期", "较2"} {
				if hasAt(rs, a, w) && b-a >= runeLen(w) && w != "较2" {
					a += runeLen(w)
					changed = true
				}
			}
		}
		if a < b && (rs[a] == '预' || rs[a] == '全' || rs[a] == '同' || rs[a] == '年' || rs[a] == '月') {
			for _, w := range []string{"预计", "全年", "同口径", "年均", "月均"} {
				if hasAt(rs, a, w) && b-a > runeLen(w) && w != "同口径" && w != "月均" {
					a += runeLen(w)
					changed = true
				}
			}
		}
	}
	for b > a && isNameEdge(rs[b-1]) {
		b--
	}
	for k := b - 1; k > a; k-- {
		if rs[k] == '、' {
			a = k + 1 // 大兴、通州周边劳动力 → 通州周边劳动力
			break
		}
	}
	// X占Y比重: the figure is X's share.
	for k := a + 2; k < b; k++ {
		if rs[k] == '占' {
			if indexRunes(rs, k, b, "比重") > 0 || indexRunes(rs, k, b, "比例") > 0 {
				b = k
			}
			break
		}
	}
	pre := d.runeStr(rs[a:b])
	nounAfter := after < end && (isHan(rs[after]) || openQuote(rs[after])) && !runeIn("，。；、", rs[after])
	if b-a >= 1 && !strings.ContainsRune(pre, '、') && !strings.HasSuffix(pre, "等") && !onlyVerb(d, rs[a:b]) && !(counts && nounAfter) {
		return pre, measure, subject
	}
	// The words after the number: 52个项目落地, 10名“亦城工匠”.
	j := after
	for j < end && (openQuote(rs[j]) || closeQuote(rs[j])) {
		j++
	}
	k := j
	for k < end && k-j < 10 && (isHan(rs[k]) || rs[k] < 0x80 && unicode.IsLetter(rs[k]) || openQuote(rs[k]) || closeQuote(rs[k])) {
		if rs[k] == '、' {
			break
		}
		k++
	}
	post := strings.Map(func(r rune) rune {
		if openQuote(r) || closeQuote(r) {
			return -1
		}
		return r
	}, d.runeStr(rs[j:k]))
	if post != "" {
		return post, measure, subject
	}
	return "", measure, subject
}

// isNameEdge reports whether r is one of 、“”"‘’「」『』 and space, which are
// trimmed from a figure's name.
func isNameEdge(r rune) bool {
	switch r {
	case '、', '“', '”', '"', '‘', '’', '「', '」', '『', '』', ' ':
		return true
	}
	return false
}

// onlyVerb reports whether a name candidate is just a verb (完成, 拨付).
func onlyVerb(d *doc, w []rune) bool {
	if _, n := d.lx.lead.longest(w, 0, len(w)); n == len(w) {
		return true
	}
	if len(w) > 4 {
		return false // longer than the verbs below
	}
	switch d.runeStr(w) {
	case "拨付", "发放", "留住", "认定", "细化", "吸引", "覆盖", "扩容", "开设", "承接", "引育", "实施", "助企", "为", "在", "对接", "盘活", "累计实施", "累计完成":
		return true
	}
	return len(w) == 1 && !isHan(w[0])
}

// yearAt returns the length of a year or period (2022年, 1-11月) at rs[i].
func yearAt(rs []rune, i, b int) int {
	j := i
	for j < b && (isDigit(rs[j]) || rs[j] == '-' || rs[j] == '~') {
		j++
	}
	if j > i && j < b && (rs[j] == '年' || rs[j] == '月') {
		j++
		for j < b && (rs[j] == '，' || rs[j] == '以' || rs[j] == '来' || rs[j] == '度' || rs[j] == '份') {
			j++
		}
		return j - i
	}
	return 0
}
