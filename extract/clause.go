package extract

// Clauses: stage verbs, the lists of names around them and what each name
// is (a project, a firm, a firm with an implicit project).

import (
	"slices"
	"strings"

	"github.com/kgraph/kg"
)

// sentence reads the facts of one sentence, clause by clause.
func (d *doc) sentence(si int, ctx industryCtx, planned bool) {
	s := d.st.sents[si]
	rs := d.rs
	cs := s.start
	if lv, n := sectionMarkerRunes(rs[cs:min(s.end, cs+12)]); n > 0 && (s.start == d.st.paras[s.para].start || lv >= 3) {
		cs += n // 一、 opens a paragraph; 2. and ① may follow a sentence
	} else if n := itemMarker(rs, cs, s.end); n > 0 {
		cs += n // …达到428.6亿元。1）X公司投资的…
	}
	for cs < s.end && rs[cs] == ' ' {
		cs++
	}
	if cs < s.end && isBullet(rs[cs]) {
		cs++ // ▶ X项目。由Y投资建设: a bullet opens an item
		for cs < s.end && rs[cs] == ' ' {
			cs++
		}
	}
	var named []rune // 【X项目】建设单位为Y: the item's project
	if n, project := d.bracketAt(cs, s.end); n > 0 {
		if project {
			named = rs[cs+1 : cs+n-1]
		}
		cs += n // 【电子信息】X…
	}
	sentPlanned := planned
	d.subj = ""
	d.focus = s.start // firms named before the first clause are named in it
	segs, upper := d.clauseSegs(s)
	if upper {
		d.latinFirms(si, ctx)
	}
	if si == d.st.paras[s.para].first {
		d.topic, d.topicPara = "", false // a topic holds to the end of its paragraph
		if d.listStage != "" && cs == s.start {
			d.listStage = "" // a paragraph that is no item ends the list
		}
	}
	if named != nil {
		if id, _ := d.item(si, named, "", "", ctx, planned, false, ""); strings.HasPrefix(id, "project/") {
			d.itemTopic(si, id, planned)
			d.topicPara = si == d.st.paras[s.para].first
		}
	} else if k := d.topicHead(si, cs, s.end, segs, ctx, planned); k > 0 {
		cs = k
		d.topicPara = si == d.st.paras[s.para].first
	}
	if labelled(rs, segs, cs, s.end) { // most sentences: no label of a list
		d.segmentList(si, cs, s.end, ctx)
	}
	plans := !d.planHits.none(si) // most sentences hold no plan word
	item := false                 // the clause at cs opens an item of an inline list
	ps := 0                       // the piece of segs that holds cs
	for cs <= s.end {
		for segs[ps].end < cs {
			ps++
		}
		i := segs[ps].end // the next clause end
		if i > cs {
			pl := plans && d.planned(si, cs, i)
			if pl && rs[min(i, s.end-1)] != '，' {
				sentPlanned = true
			}
			if item && d.listInline {
				d.items(si, seg{cs, i}, i, d.listStage, ctx, d.listPlanned, false)
			} else if i < s.end && (rs[i] == '：' || rs[i] == ':') && d.listHeadAt(si, cs, i) {
				d.listPlanned = sentPlanned || pl
				d.listInline = i+1 < s.end
			} else {
				d.clause(si, cs, i, ctx, sentPlanned || pl, &segs[ps])
			}
		}
		item = i < s.end && (rs[i] == '；' || rs[i] == ';' || rs[i] == '：' || rs[i] == ':')
		cs = i + 1
		if item {
			// The next item of a list run into one sentence:
			// ①X项目：…；②Y项目：…, 项目包括：1. X项目：….
			if _, n := sectionMarkerRunes(rs[cs:min(s.end, cs+12)]); n > 0 {
				p := cs + n
				for p < s.end && rs[p] == ' ' {
					p++
				}
				if k := d.topicHead(si, p, s.end, segs, ctx, planned); k > 0 {
					cs = k
				}
			} else {
				cs += itemMarker(rs, cs, s.end) // …；2）X与Y合资设立Z: the item without its number
				if rs[i] == '；' || rs[i] == ';' {
					d.subj = ""
					if !d.topicPara {
						d.topic = ""
					}
				}
			}
		}
	}
	if d.listInline {
		d.listStage, d.listInline = "", false
	}
}

// labelled reports whether a colon follows rs[a] within the 14 runes
// segmentList looks for a label in (up to b), two runes or more after a:
// the end of one of the sentence's pieces, segs, not a scan of its runes.
func labelled(rs []rune, segs []clauseSeg, a, b int) bool {
	lim := min(b, a+14)
	for _, sg := range segs {
		if sg.end < a {
			continue
		}
		if sg.end >= lim {
			return false
		}
		if rs[sg.end] == '：' || rs[sg.end] == ':' {
			return sg.end >= a+2
		}
	}
	return false
}

// segmentList reads the firms a sentence lists under a tier or a segment
// of its section's chain, each with what it makes in brackets
// (上游（材料）：A科技（正极材料）、B新材（负极材料）; 中游：C动力（储能电芯，链主企业）),
// under a segment whose name ends theirs (隔膜环节：D隔膜、E隔膜；铜箔环节：F铜箔),
// or under a label of firms (本地企业：, 招商目标企业：): the names are firms
// of the chain, though none ends in 有限公司. A list of segments
// (上游环节：稀土永磁材料、锂电材料) names no firm: no brackets, no label of
// firms.
func (d *doc) segmentList(si, a, b int, ctx industryCtx) {
	rs := d.rs
	label := func(p int) (seg []rune, firms bool, k int) {
		k = -1
		for q := p; q < min(b, p+14); q++ {
			if rs[q] == '：' || rs[q] == ':' {
				k = q
				break
			}
		}
		if k < p+2 {
			return nil, false, -1
		}
		l := rs[p:k]
		if e := indexRunes(l, 0, len(l), "("); e > 0 && l[len(l)-1] == ')' {
			l = l[:e] // 上游(材料)
		}
		switch {
		case tierOpens(l):
			return nil, false, k
		case len(l) >= 4 && hasAt(l, len(l)-2, "环节"):
			return l[:len(l)-2], false, k
		case len(l) >= 4 && hasAt(l, len(l)-2, "企业") && !containsAny(l, '，', '、'):
			return nil, true, k
		}
		return nil, false, -1
	}
	seg, firms, k := label(a)
	if k < 0 {
		return
	}
	type name struct {
		a, b    int
		bracket bool
		seg     []rune
		firms   bool
	}
	var names [16]name
	n := 0
	start, depth, brk := k+1, 0, false
	for i := k + 1; i <= b && n < len(names); i++ {
		r := rune('。')
		if i < b {
			r = rs[i]
		}
		switch {
		case r == '(' || r == '（':
			if depth == 0 {
				names[n] = name{a: start, b: i, seg: seg, firms: firms}
			}
			depth++
		case r == ')' || r == '）':
			depth--
			if depth == 0 {
				brk = true
			}
		case depth == 0 && (r == '、' || r == '；' || r == ';' || r == '。' || r == '，' && brk):
			if !brk {
				names[n] = name{a: start, b: i, seg: seg, firms: firms}
			}
			names[n].bracket = brk
			n++
			start, brk = i+1, false
			if r == '，' || r == '。' {
				i = b + 1 // the list ends at its first clause after a bracket, or the sentence's end
				break
			}
			if r == '；' || r == ';' {
				// the next segment: 铜箔环节：F铜箔
				if s2, f2, k2 := label(i + 1); k2 > 0 {
					seg, firms, start = s2, f2, k2+1
					i = k2
				}
			}
		}
	}
	for _, nm := range names[:n] {
		x, y := d.trimItem(nm.a, nm.b)
		if y-x < 2 || y-x > 20 {
			continue
		}
		w := rs[x:y]
		if _, m := d.lx.legal.suffix(w, 8); m > 0 {
			continue // a legal name: the items' rules read it
		}
		ok := nm.bracket || nm.firms
		if len(nm.seg) > 0 && len(w) >= len(nm.seg)+2 && hasAt(w, len(w)-len(nm.seg), string(nm.seg)) {
			ok = true // 隔膜环节：华鼎隔膜
		}
		if !ok || len(w) > 8 || !allHan(w) && !latinName(w) || !d.firmLike(w) || d.isProjectName(w) {
			continue
		}
		if _, m := d.lx.industry.longest(w, 0, len(w)); m == len(w) {
			continue
		}
		id := d.firm(d.runeStr(w))
		d.inIndustry(id, ctx, si, w)
	}
}

// belongsTo reads a clause that says which chain the sentence's project
// belongs to (…，属于智能液压及装备制造产业链): the project and its owners are
// in it. It reports whether it did.
func (d *doc) belongsTo(si, a, b int) bool {
	topic := d.topic
	if topic == "" {
		topic = d.subj
	}
	if topic == "" || !strings.HasPrefix(topic, "project/") {
		return false
	}
	ref, ok := d.leadIndustry(a, b, si, false, true)
	if !ok || ref.id == "" {
		return false
	}
	ctx := industryCtx{ref}
	d.inIndustry(topic, ctx, si, nil)
	for i := len(d.out.Relations) - 1; i >= 0 && i >= len(d.out.Relations)-64; i-- {
		if r := d.out.Relations[i]; r.Predicate == kg.PredHasProject && r.Object == topic {
			d.inIndustry(r.Subject, ctx, si, nil)
		}
	}
	return true
}

// isBullet reports whether r is a bullet that opens an item of a list
// (▶ X项目。, ● X项目：).
func isBullet(r rune) bool {
	switch r {
	case '▶', '►', '▸', '▷', '●', '■', '◆', '◇', '○', '•', '★', '☆', '◎', '❖', '➢', '➤':
		return true
	}
	return false
}

// bracketAt returns the length of a bracketed title at rs[a:b], and whether
// it names a project (【X智能工厂二期】, up to 40 runes) rather than an
// industry or a topic (【电子信息】, up to 18); 0 for none.
func (d *doc) bracketAt(a, b int) (n int, project bool) {
	rs := d.rs
	n = bracketTitle(rs[a:min(b, a+40)])
	switch {
	case n == 0:
		return 0, false
	case d.bracketProject(rs[a+1 : a+n-1]):
		return n, true
	case n > 18:
		return 0, false // a long bracket that names no project: text
	}
	return n, false
}

// bracketProject reports whether the words of a bracketed title name a
// project (【X智能工厂二期】), not an industry (【电子信息】).
func (d *doc) bracketProject(w []rune) bool {
	if len(w) < 4 || !allHanOrLatin(w) || !d.isProjectName(w) || !d.plausibleName(w) || d.allGeneric(w) {
		return false
	}
	// 【新开工项目】, 【前期项目】, 【重点项目】: a group of projects.
	if p := w[:len(w)-2]; hasAt(w, len(w)-2, "项目") {
		for _, q := range [...]string{"重点", "前期", "新", "已"} {
			if hasAt(p, 0, q) {
				p = p[runeLen(q):]
			}
		}
		if _, n := d.lx.stage.longest(p, 0, len(p)); len(p) == 0 || n == len(p) || d.allGeneric(p) {
			return false
		}
	}
	return true
}

// allHanOrLatin reports whether w is made of Han, ASCII letters and
// digits only (a name, not a phrase with punctuation).
func allHanOrLatin(w []rune) bool {
	for _, r := range w {
		if !isHan(r) && !isLatinWord(r) {
			return false
		}
	}
	return true
}

// itemMarker returns the length of the number of an item of a list run
// into a paragraph at rs[i:b] (1）, 12)), or 0.
func itemMarker(rs []rune, i, b int) int {
	j := i
	for j < b && j-i < 2 && isDigit(rs[j]) {
		j++
	}
	if j == i || j >= b || rs[j] != ')' && rs[j] != '）' || i > 0 && (isDigit(rs[i-1]) || rs[i-1] == '(' || rs[i-1] == '（') {
		return 0
	}
	return j + 1 - i
}

// listHeadAt reports whether clause rs[a:b], which a colon ends, heads a
// list of projects at one stage (主要签约项目有, 新开工亿元以上项目包括,
// 重点签约项目如下), and if so makes that stage d.listStage.
func (d *doc) listHeadAt(si, a, b int) bool {
	rs := d.rs
	if b-a < 4 || b-a > 20 || !hasAt(rs, b-2, "如下") && indexRunes(rs, a, b, "项目") < 0 {
		return false
	}
	ms := d.clauseHits(&d.stageHits, si, a, b, d.lx.stage, d.bufs[bufStage])
	d.bufs[bufStage] = ms
	if len(ms) == 0 {
		return false
	}
	m := ms[len(ms)-1]
	if m.start-a > 10 {
		return false
	}
	p := indexRunes(rs, m.end, min(b, m.end+10), "项目")
	if p < 0 {
		return false
	}
	for _, r := range rs[m.end:p] {
		if r == '、' || isDigit(r) && m.end == p-1 {
			return false
		}
	}
	k := p + 2
	for _, v := range [...]string{"主要有", "主要包括", "主要为", "主要是", "分别是", "分别为", "包括", "有", "为", "如下", "清单如下", "情况如下"} {
		if hasAt(rs, k, v) && k+runeLen(v) == b {
			d.listStage = stageWords[m.val].stage
			return true
		}
	}
	return false
}

// headStage is the stage a section heading gives the projects under it
// (【签约项目】, （一）新开工项目, 三、重点在建项目推进情况): the project
// each paragraph under it opens with (X项目。项目由…投资建设) is at that
// stage, up to the next heading of the same or a higher level.
type headStage struct {
	stage   string // a stage, or two joined by + (竣工投产项目)
	planned bool   // 拟签约项目, or a heading in a section about plans
	level   int    // the heading's level; 0 for a stand-alone line
	// topic is the project the current paragraph opens with, and stated
	// the stages its clauses give it (bit stageOrder).
	topic  string
	stated uint16
}

// headingStage starts or ends the scope of a stage heading at paragraph p.
func (d *doc) headingStage(p *para) {
	if p.title {
		return
	}
	alone := p.level == 0 && d.standAlone(p)
	if d.head.stage != "" && (p.level > 0 && p.level <= d.head.level || d.head.level == 0 && (p.heading || alone)) {
		d.head = headStage{}
	}
	if !p.heading && !alone {
		return
	}
	if stage, planned := d.stageHeading(p); stage != "" {
		d.head = headStage{stage: stage, planned: planned || p.planned, level: p.level}
	}
}

// standAlone reports whether paragraph p is a short line with no clause
// break in it: a web page's heading block (签约项目) or a 【title】.
func (d *doc) standAlone(p *para) bool {
	if p.end-p.start > 20 {
		return false
	}
	for _, r := range d.rs[p.start:p.end] {
		if isClauseEnd(r) || r == '、' {
			return false
		}
	}
	return true
}

// stageHeading returns the stage of heading p when its words are a stage
// verb and 项目 (签约项目, 新开工项目, 竣工投产项目, 二、主要签约项目情况),
// and whether it is a plan (四、在谈及拟签约项目情况); "" when they are not
// (一、项目建设提速增效, 前期项目进展).
func (d *doc) stageHeading(p *para) (stage string, planned bool) {
	rs := d.rs
	a, e := p.start, p.end
	if _, n := sectionMarkerRunes(rs[a:min(e, a+12)]); n > 0 {
		a += n
	}
	for a < e && rs[a] == ' ' {
		a++
	}
	for e > a && rs[e-1] == ' ' {
		e--
	}
	if e-a > 2 && (rs[a] == '【' || rs[a] == '[') && (rs[e-1] == '】' || rs[e-1] == ']') {
		a, e = a+1, e-1
	}
	// A table's group row counts its rows: 一、竣工投产项目（8个）.
	if e-a > 6 && (rs[e-1] == ')' || rs[e-1] == '）') {
		k := e - 2
		for k > a && isDigit(rs[k-1]) {
			k--
		}
		if k < e-2 && (rs[e-2] == '个' || rs[e-2] == '项') && k > a && (rs[k-1] == '(' || rs[k-1] == '（') {
			e = k - 1
		}
	}
	for _, suf := range [...]string{"推进情况", "进展情况", "情况", "清单", "名单", "一览表"} {
		if n := runeLen(suf); e-a > n+3 && hasAt(rs, e-n, suf) {
			e -= n
			break
		}
	}
	if e-a < 4 || e-a > 16 || !hasAt(rs, e-2, "项目") {
		return "", false
	}
	e -= 2
	planned = indexRunes(rs, a, e, "拟") >= 0
	if hasAt(rs, e-2, "在建") {
		return "在建", planned
	}
	if hasAt(rs, e-2, "储备") {
		return "开工", true // projects kept ready to start
	}
	for j := a; j < e; j++ {
		if !d.lx.stage.starts(rs[j]) {
			continue
		}
		if v, n := d.lx.stage.longest(rs, j, e); n > 0 && j+n == e {
			// 重点建设项目, 新建项目, 引进项目: projects, at no stage.
			if w := stageWords[v]; !w.pre && w.word != "建设" {
				return w.stage, planned
			}
			return "", false
		}
	}
	return "", false
}

// stageOrder is where stage s comes in a project's life (签约 0 … 运营
// 7), or -1 for stages outside it (扩产, 揭牌).
func stageOrder(s string) int {
	switch s {
	case "签约":
		return 0
	case "落地", "立项", "拿地", "入驻":
		return 1
	case "开工":
		return 2
	case "在建":
		return 3
	case "封顶":
		return 4
	case "竣工":
		return 5
	case "投产":
		return 6
	case "运营":
		return 7
	}
	return -1
}

// headTopicStage gives the project a paragraph under a stage heading
// opened with the heading's stage, as of sentence si.
func (d *doc) headTopicStage(si int) {
	h := &d.head
	first, _, _ := strings.Cut(h.stage, "+")
	// 签约项目 and 开工项目 report the period's events, which the steps a
	// paragraph tells (3月签约，8月取得土地) came before or after; 在建 and
	// 竣工投产 name the state reached, which a stage the paragraph gives
	// at or after it (7月竣工, 9月投入运营) tells more exactly.
	if o := stageOrder(first); o <= 2 || h.stated>>o == 0 {
		d.relate(kg.Relation{Subject: h.topic, Predicate: kg.PredStage, Value: h.stage, Planned: h.planned}, si)
	}
	h.topic, h.stated = "", 0
}

// topicHead reads a sentence that opens with a project and a colon
// (1.X项目：总投资…，已签约。): it records the project as the sentence's
// topic and returns where the rest begins, or 0.
func (d *doc) topicHead(si, a, end int, segs []clauseSeg, ctx industryCtx, planned bool) int {
	rs := d.rs
	// The first clause end at or after a, or end, no further than 41
	// runes on: the end of the first of the sentence's pieces (segs)
	// that ends there, not a scan of the runes again.
	k := a
	if a < end {
		k = end
		for _, sg := range segs {
			if sg.end >= a {
				k = sg.end
				break
			}
		}
		k = min(k, a+41)
	}
	// （1）X项目。 as a numbered line's whole first sentence names its
	// topic too.
	// Under a stage heading, a paragraph's first sentence may be the
	// name alone (蒙禾乳业婴幼儿配方奶粉智能工厂项目。项目由…).
	first := si == d.st.paras[d.st.sents[si].para].first
	named := k+1 == end && (rs[k] == '。' || rs[k] == '.') && (a > d.st.sents[si].start || first && d.head.stage != "")
	// 3. X项目，总投资…，已投产； in a numbered list of projects too.
	listed := k < end && rs[k] == '，' && a > d.st.sents[si].start && hasAt(rs, k+1, "总投资")
	if k >= end || k-a > 40 || rs[k] != '：' && rs[k] != ':' && !named && !listed {
		return 0
	}
	ha, hb := d.trimItem(a, k)
	hb = ha + len(phaseCut(rs[ha:hb])) // 6. X项目（一期）：竣工验收
	if hb-ha < 4 || !d.isProjectName(rs[ha:hb]) {
		return 0
	}
	w := d.resolveLegal(rs[ha:hb])
	if !d.plausibleName(w) {
		return 0
	}
	id, _ := d.item(si, w, "", "", ctx, planned, false, "")
	if !strings.HasPrefix(id, "project/") {
		return 0
	}
	d.itemTopic(si, id, planned)
	return k + 1
}

// itemTopic makes project id the topic of the sentences of its item (X项目：…,
// 【X项目】…): the heading's topic as well when it opens its paragraph, and
// at the list's stage when the item is one of a list (1.X项目：… under
// 重点签约项目如下：).
func (d *doc) itemTopic(si int, id string, planned bool) {
	d.topic = id
	if si == d.st.paras[d.st.sents[si].para].first && d.head.stage != "" {
		d.head.topic, d.head.stated = id, 0
	}
	if d.listStage != "" && !d.listInline {
		d.relate(kg.Relation{Subject: id, Predicate: kg.PredStage, Value: d.listStage, Planned: planned || d.listPlanned}, si)
	}
}

// topicStage reads a clause about the sentence's topic that starts with
// its stage verbs (已签约落户X, 已完成立项备案), and reports whether it did.
func (d *doc) topicStage(si, start, b int, ms []match, planned bool) bool {
	rs := d.rs
	if start >= b {
		return false // an empty clause (the sentence ends where it starts)
	}
	topic, parts := d.topic, true
	if topic == "" {
		// X项目完成供地，10月开工建设: the subject of the clause before;
		// the clause names no part of it.
		topic, parts = d.subj, false
	}
	if topic == "" {
		return false
	}
	// 选址X, 位于X: where the topic is.
	if has2(rs, start, '选', '址') || has2(rs, start, '位', '于') || hasAt(rs, start, "坐落于") {
		k := start + 2
		if rs[start] == '坐' {
			k++
		}
		if pid := d.placeSpan(k, b); pid != "" {
			d.relate(kg.Relation{Subject: topic, Predicate: kg.PredLocatedIn, Object: pid}, si)
			return true
		}
	}
	// 在Y建设X (6月在Y摘牌拿地): the topic is in Y.
	at := start + timeAt(rs, start, b)
	if at < b && rs[at] == '在' {
		if pid, e := d.placeBefore(at+1, b); pid != "" {
			d.relate(kg.Relation{Subject: topic, Predicate: kg.PredLocatedIn, Object: pid}, si)
			for len(ms) > 0 && ms[0].start < e {
				ms = ms[1:]
			}
			start = e
		}
	}
	if len(ms) == 0 {
		return false
	}
	if ms[0].start != start && !d.partOnly(start, ms[0].start, parts) {
		return false
	}
	if w := stageWords[ms[0].val]; w.pre || w.word == "建设" {
		// 建设X: what the project builds, another name of it, not its
		// stage.
		if ms[0].start == start {
			if oa, ob := d.trimItem(ms[0].end, b); ob-oa >= 4 && d.isProjectName(rs[oa:ob]) && d.plausibleName(rs[oa:ob]) {
				d.entity(kg.TypeProject, nameOf(topic), d.runeStr(rs[oa:ob]))
				return true
			}
		}
		return false
	}
	// The verbs in a row, then the clause's end or the place of 落户.
	n := 1
	for n < len(ms) && d.verbsJoined(ms[n-1].end, ms[n].start) {
		n++
	}
	j := ms[n-1].end
	var place string
	if j < b && rs[j] == '后' {
		return false // 达产后年产X: what follows, not a stage
	}
	if j+1 == b && rs[j] == '了' {
		j = b // 已经在6月份投产了: speech
	}
	if j < b && rs[j] == '并' {
		// 已签约并进入规划设计阶段: the stage, and more.
		j = b
	}
	if j < b {
		w := stageWords[ms[n-1].val]
		if !w.locates() {
			return false
		}
		if place = d.placeSpan(j, b); place == "" {
			return false
		}
	}
	for _, m := range ms[:n] {
		d.relate(kg.Relation{Subject: topic, Predicate: kg.PredStage, Value: stageWords[m.val].stage, Planned: planned}, si)
	}
	if place != "" {
		d.relate(kg.Relation{Subject: topic, Predicate: kg.PredLocatedIn, Object: place}, si)
	}
	return true
}

// placeOpening reads the place that opens rs[a:b] before a facility of
// it in generic words (入驻X产业园标准化厂房 → X产业园): its id, or "".
func (d *doc) placeOpening(a, b int) string {
	a, b = d.trimItem(a, b)
	for e := b - 2; e >= a+3; e-- {
		if hasPlaceSuffix(d.rs[a:e]) && d.allGeneric(d.rs[e:b]) {
			return d.placeSpan(a, e)
		}
	}
	return ""
}

// placeVerbs follow the place of 在 (在Y取得土地, 在Y注册成立).
var placeVerbs = [...]string{"取得", "注册", "投资", "首批", "设立", "成立"}

// placeBefore reads the place that opens rs[k:b] and ends where a verb
// begins (乌兰木伦镇取得…, 友协街道注册成立): its id and end, or "", 0.
func (d *doc) placeBefore(k, b int) (string, int) {
	rs := d.rs
	for e := k + 2; e < min(b, k+17); e++ {
		verb := false
		if rs[e] == '于' && e+1 < b && (isDigit(rs[e+1]) || countStart(rs[e+1])) {
			verb = true // X在Y于8月开工: a date ends the place
		} else if _, n := d.lx.lead.longest(rs, e, b); n > 0 {
			verb = true
		} else if _, n := d.lx.stage.longest(rs, e, b); n > 0 {
			verb = true
		} else {
			for _, v := range placeVerbs {
				if hasAt(rs, e, v) {
					verb = true
					break
				}
			}
		}
		if !verb {
			continue
		}
		if name, _ := d.placeName(k, e); name != "" {
			return d.placeSpan(k, e), e
		}
	}
	return "", 0
}

// chainPlace reads a clause that opens with 落户, 入驻, 选址 or 位于 and
// names nothing but a place (X项目签约，总投资…，落户Y): the place is the
// one of the project given a stage before it in the sentence. It reports
// whether it did.
func (d *doc) chainPlace(si, start, b int, ms []match, planned bool) bool {
	if d.chainSent != si+1 || d.topic != "" || b-start < 4 {
		return false
	}
	rs := d.rs
	k, stage := 0, ""
	switch {
	case has2(rs, start, '选', '址') || has2(rs, start, '位', '于'):
		k = start + 2
	case len(ms) > 0 && ms[0].start == start:
		w := stageWords[ms[0].val]
		if w.stage != "落地" && w.stage != "入驻" && w.word != "签约落户" || w.pre {
			return false
		}
		k, stage = ms[0].end, w.stage
	default:
		return false
	}
	if k < b && rs[k] == '于' {
		k++
	}
	pid := d.placeSpan(k, b)
	if pid == "" {
		return false
	}
	if stage != "" {
		d.relate(kg.Relation{Subject: d.chainProj, Predicate: kg.PredStage, Value: stage, Planned: planned}, si)
	}
	d.relate(kg.Relation{Subject: d.chainProj, Predicate: kg.PredLocatedIn, Object: pid}, si)
	return true
}

// partOnly reports whether rs[a:b], before a stage verb in a clause about
// the sentence's topic, only names a phase or a part of it and when
// (一期已于6月, 二期厂房主体结构, 4月, 12栋厂房全部, 储能电站): words of no
// name of its own. Without parts, only counts, times and adverbs.
func (d *doc) partOnly(a, b int, parts bool) bool {
	rs := d.rs
	p := a
	for p < b {
		if n := numeralAt(rs[:b], p); n > 0 {
			p += n // 一期, 12栋
			continue
		}
		_, n := d.lx.lead.longest(rs, p, b)
		if _, k := d.lx.trail.longest(rs, p, b); k > n {
			n = k // 已经: not 已 then 经
		}
		if n > 0 {
			p += n
			continue
		}
		if n := timeAt(rs, p, b); n > 0 {
			p += n
			continue
		}
		if hasAt(rs, p, "首") && p+1 < b && isFirstCounter(rs[p+1]) && !firmsCounted(rs, p+2, b) {
			// 首台变频压缩机下线, 首条SMT产线满产: the first unit of the
			// topic's line (not 首批9家企业入驻: firms in it).
			return true
		}
		if !parts {
			return false
		}
		if rs[p] == '、' && p > a {
			p++ // 还原车间、精馏车间主体工程完工: parts listed
			continue
		}
		if _, n := d.lx.generic.longest(rs, p, b); n > 0 {
			p += n
			continue
		}
		if _, n := d.lx.heads.longest(rs, p, b); n > 0 {
			p += n
			continue
		}
		if n := facilityPart(rs, p, b); n > 0 {
			p += n
			continue
		}
		return false
	}
	return true
}

// firmsCounted reports whether rs[k:b] opens with firms counted (9家企业,
// 企业), which 首批 before them brings in, not a unit made.
func firmsCounted(rs []rune, k, b int) bool {
	for k < b && (isDigit(rs[k]) || chineseNumeral(rs[k])) {
		k++
	}
	return k < b && (rs[k] == '家' || hasAt(rs, k, "企业"))
}

// facilityParts are the parts of a project a progress report names before
// their stage: 总装车间主体结构封顶, 1号至4号楼封顶, 二期厂房竣工.
var facilityParts = [...]string{"车间", "厂房", "楼", "生产线", "产线", "装置", "机组", "仓库", "屋面", "路基"}

// facilityPart returns the length of a part of a project at rs[p:b]: at
// most four runes of its own (letters, digits, 号, 至) and a word of
// facilityParts, or 0.
func facilityPart(rs []rune, p, b int) int {
	for q := p + 1; q <= min(b, p+5); q++ {
		switch rs[min(q, len(rs)-1)] { // the parts' first runes: most runes open none
		case '车', '厂', '楼', '生', '产', '装', '机', '仓', '屋', '路':
			for _, w := range facilityParts {
				if hasAt(rs, q, w) && q+runeLen(w) <= b {
					return q - p + runeLen(w)
				}
			}
		}
		if r := rs[q-1]; !isHan(r) && !isDigit(r) || isClauseEnd(r) || r == '的' {
			return 0
		}
	}
	return 0
}

// isFirstCounter reports whether r counts the first unit made (首台, 首车,
// 首条, 首批, 首片, 首套, 首件, 首辆).
func isFirstCounter(r rune) bool {
	return runeIn("台车条批片套件辆", r)
}

// timeAt returns the length of a time at rs[p:b] (于6月, 6月份, 年底,
// 上半年), or 0.
func timeAt(rs []rune, p, b int) int {
	q := p
	if rs[q] == '于' || rs[q] == '在' && p+1 < b && (isDigit(rs[p+1]) || runeIn("今去明本上下这年", rs[p+1])) {
		q++ // 于4月, 在今年6月份
	}
	k := q
	for k < b && (isDigit(rs[k]) || chineseNumeral(rs[k])) {
		k++
	}
	if k > q && k < b && rs[k] == '月' {
		k++
		if k < b && (rs[k] == '份' || rs[k] == '底' || rs[k] == '初') {
			k++
		}
		return k - p
	}
	if k > q && k+2 <= b && has2(rs, k, '季', '度') {
		return k + 2 - p // 三季度
	}
	if q >= len(rs) {
		return 0
	}
	if k > q && k-q == 4 && k < b && rs[k] == '年' {
		// 2027年, 2027年底: a year, as speech dates a plan (预计2027年建成投产).
		k++
		if k < b && (rs[k] == '底' || rs[k] == '初') {
			k++
		}
		return k - p
	}
	// 年底, 年初, 年中, 年内, 上半年, 下半年, 目前, 今年, 同月, 次月, 上个月,
	// 下个月, 这个月, 本月, 上月, 下月, 去年, 明年: a switch on the first rune
	// and the second (no two of the words that share a first rune share a
	// second), not a search for each word.
	if q+1 >= len(rs) {
		return 0
	}
	r1 := rs[q+1]
	switch rs[q] {
	case '年':
		if r1 == '底' || r1 == '初' || r1 == '中' || r1 == '内' {
			return q - p + 2
		}
	case '上', '下':
		switch {
		case r1 == '月':
			return q - p + 2
		case q+2 < len(rs) && (r1 == '半' && rs[q+2] == '年' || r1 == '个' && rs[q+2] == '月'):
			return q - p + 3
		}
	case '目':
		if r1 == '前' {
			return q - p + 2
		}
	case '今', '去', '明':
		if r1 == '年' {
			return q - p + 2
		}
	case '同', '次', '本':
		if r1 == '月' {
			return q - p + 2
		}
	case '这':
		if q+2 < len(rs) && r1 == '个' && rs[q+2] == '月' {
			return q - p + 3
		}
	}
	return 0
}

// timeBefore returns where a month that ends rs[a:b] begins (于4月, 在5月,
// 12月份, 于2024年3月底), or b when rs[a:b] ends in none.
func timeBefore(rs []rune, a, b int) int {
	e := b
	if e > a && (rs[e-1] == '份' || rs[e-1] == '底' || rs[e-1] == '初') {
		e--
	}
	if e <= a || rs[e-1] != '月' {
		return b
	}
	k := e - 1
	for k > a && (isDigit(rs[k-1]) || chineseNumeral(rs[k-1])) {
		k--
	}
	if k == e-1 {
		return b
	}
	if k-1 > a && rs[k-1] == '年' && isDigit(rs[k-2]) {
		k--
		for k > a && isDigit(rs[k-1]) {
			k--
		}
	} else if k-2 > a && rs[k-1] == '年' && runeIn("今去明当同", rs[k-2]) {
		k -= 2 // 今年4月份, as speech dates a stage
	}
	if k > a && (rs[k-1] == '于' || rs[k-1] == '在') {
		k-- // 于5月, 在5月
	}
	return k
}

// verbsJoined reports whether rs[p:q], between two stage verbs, joins
// them: nothing, a joiner, or a joiner and a lead word (当年签约、当年开工).
func (d *doc) verbsJoined(p, q int) bool {
	rs := d.rs
	for p < q && runeIn("、和及并", rs[p]) {
		p++
	}
	if p == q {
		return true
	}
	_, n := d.lx.lead.longest(rs, p, q)
	return n == q-p
}

// bracketTitle returns the rune length of a 【title】 that rs opens with, or 0.
func bracketTitle(rs []rune) int {
	if len(rs) < 3 || rs[0] != '【' && rs[0] != '[' {
		return 0
	}
	for i := 1; i < len(rs); i++ {
		if rs[i] == '】' || rs[i] == ']' {
			if i >= 3 {
				return i + 1
			}
			return 0
		}
	}
	return 0
}

// planned reports whether clause rs[a:b] of sentence si states a plan
// (将, 计划, 力争, 拟 …). Its plan words are read from the sentence's one
// pass.
func (d *doc) planned(si, a, b int) bool {
	if d.planHits.none(si) {
		return false // most sentences: no plan word
	}
	d.bufs[bufPlan] = d.clauseHits(&d.planHits, si, a, b, d.lx.plan, d.bufs[bufPlan])
	for _, m := range d.bufs[bufPlan] {
		if d.planWord(a, b, m.start, m.end-m.start) {
			return true
		}
		if m.end-m.start > 1 {
			// A word inside the one turned down may be a plan (预计划):
			// try every position after its start.
			return d.plannedFrom(a, m.start+1, b)
		}
	}
	return false
}

// plannedFrom is planned with the plan words starting at i ≥ a looked
// up position by position.
func (d *doc) plannedFrom(a, i, b int) bool {
	rs := d.rs
	for ; i < b; i++ {
		if !d.lx.plan.starts(rs[i]) {
			continue // most runes: no call
		}
		if _, n := d.lx.plan.longest(rs, i, b); n > 0 && d.planWord(a, b, i, n) {
			return true
		}
	}
	return false
}

// planWord reports whether the plan word rs[i:i+n] of clause rs[a:b]
// states a plan.
func (d *doc) planWord(a, b, i, n int) bool {
	rs := d.rs
	w := d.runeStr(rs[i : i+n])
	next := rune(0)
	if i+n < b {
		next = rs[i+n]
	}
	prev := rune(0)
	if i > a {
		prev = rs[i-1]
	}
	switch w {
	case "将":
		if openQuote(next) || next == '其' || next == '之' || next == '近' || i+n >= b || prev == '即' {
			return false
		}
	case "拟":
		if prev == '模' || prev == '虚' || prev == '草' {
			return false
		}
	case "计划":
		if next == 0 || runeIn("、，。；”", next) || prev == '划' {
			return false
		}
		if i+n+1 < b && (rs[i+n] == '和' || rs[i+n] == '与') {
			return false
		}
	case "预计":
		// 预计 before a figure is an estimate of this year, not a plan;
		// before a stage, and a date, it is one (预计2028年建成投产,
		// 预计明年一季度可以投入运营).
		return d.stageNext(i+n, b)
	}
	return true
}

// stageNext reports whether a stage verb opens rs[p:b] after a date and
// the adverbs that come before a verb (2028年, 明年一季度, 可以).
func (d *doc) stageNext(p, b int) bool {
	rs := d.rs
	for p < b {
		if n := timeAt(rs, p, b); n > 0 {
			p += n
		} else if _, n := d.lx.trail.longest(rs, p, b); n > 0 {
			p += n
		} else {
			break
		}
	}
	_, n := d.lx.stage.longest(rs, p, b)
	return n > 0
}

// ---- one clause ----

type seg struct{ a, b int }

func (d *doc) clause(si, a, b int, ctx industryCtx, planned bool, p *clauseSeg) {
	rs := d.rs
	d.focus = a
	if d.topic != "" && a < len(rs) && (rs[a] == '由' || rs[a] == '系' || rs[a] == '项' && hasAt(rs, a, "项目由") || rs[a] == '该' && hasAt(rs, a, "该项目由")) {
		// 由X投资建设, 项目由X投资建设 (after X项目。): X owns the topic.
		defer func(before string) {
			if id, ok := d.firms[d.lastFirm]; ok && d.lastFirm != before {
				d.relate(kg.Relation{Subject: id, Predicate: kg.PredHasProject, Object: d.topic}, si)
			}
		}(d.lastFirm)
	}
	// Strip the verbs and adverbs that open the clause.
	start := a
	if d.lx.lead.mayStart(rs, a, b) { // most clauses: no call
		start, _ = d.stripLead(a, b)
	}
	if has2(rs, start, '属', '于') && d.belongsTo(si, start+2, b) {
		return
	}
	mk := p.marks(rs, a, start, b)
	// Most clauses hold none of the words firmPatterns and develops read
	// (their marks) and open with no rune a firm named before opens with
	// (firmLens): no calls.
	if len(ctx) > 0 && (mk.leader || len(d.firms) > 0 && start < b && d.firmLensOf(rs[start]) != 0) || mk.chengwei >= 0 || mk.with || mk.shangshi >= 0 || mk.gongsi {
		d.firmPatterns(si, a, b, start, mk, ctx)
	}
	if mk.product >= 0 {
		d.develops(si, a, b, mk, ctx) // after the legal names firmPatterns records (X有限公司的“P”)
	}
	lead := start > a
	done := start-a >= 2 && indexRunes(rs, a, start, "完成") >= 0 // most clauses: no verbs to search
	var where string
	if has2(rs, start, '位', '于') {
		// 位于X的Y: Y is in X.
		if k := indexRunes(rs, start+2, b, "的"); k > 0 {
			where = d.placeSpan(start+2, k)
			start = k + 1
			*mk = marksIn(rs, start, start, b)
		}
	}
	if where != "" {
		defer func(n int) {
			for _, r := range d.out.Relations[n:] {
				if r.Predicate == kg.PredStage && strings.HasPrefix(r.Subject, "project/") {
					d.relate(kg.Relation{Subject: r.Subject, Predicate: kg.PredLocatedIn, Object: where}, si)
				}
			}
		}(len(d.out.Relations))
	}
	// X项目选址Y镇: the project is placed in Y.
	if k := mk.xuanzhi; k > 0 && has2(rs, k-2, '项', '目') {
		if pid := d.placeSpan(k+2, b); pid != "" {
			for _, id := range d.items(si, seg{start, k}, b, "", ctx, planned, false) {
				d.relate(kg.Relation{Subject: id, Predicate: kg.PredLocatedIn, Object: pid}, si)
			}
			return
		}
	}
	ms := d.bufs[bufStage][:0]
	if !d.stageHits.none(si) {
		ms = d.clauseHits(&d.stageHits, si, start, b, d.lx.stage, d.bufs[bufStage])
	}
	d.bufs[bufStage] = ms
	// topicStage reads only a clause about a topic or a subject, and
	// chainPlace one of the sentence whose project was given a stage.
	if (d.topic != "" || d.subj != "") && d.topicStage(si, start, b, ms, planned) || d.chainSent == si+1 && d.chainPlace(si, start, b, ms, planned) {
		return
	}
	// A list under its stage: 新开工项目主要有A、B、C, 签约亿元以上项目包括A、B
	// (新竣工项目…: 新 and a stage verb).
	if len(ms) > 0 && (ms[0].start == start || ms[0].start == start+1 && rs[start] == '新') {
		if k := listHead(rs, ms[0].end, b); k > 0 {
			d.items(si, seg{k, b}, b, stageWords[ms[0].val].stage, ctx, planned, false)
			return
		}
	}
	// Drop stage words that are part of a name (扩产项目, 建设者).
	deng := mk.deng
	kept := ms[:0]
	for _, m := range ms {
		hasDeng := deng >= 0 && deng < m.start
		if m.end < b {
			nx := rs[m.end]
			if !hasDeng && (has2(rs, m.end, '项', '目') || has2(rs, m.end, '工', '程')) {
				continue
			}
			if runeIn("者用单方性规资投", nx) && stageWords[m.val].word == "建设" {
				continue
			}
			if stageWords[m.val].word == "挂牌" && has2(rs, m.end, '上', '市') || has2(rs, m.end, '活', '动') {
				continue // 挂牌上市; 在集中签约活动中签约Y: a noun
			}
			// After its object a stage verb ends the clause or is followed
			// by another verb or a list (落地运营, 开工、…); else it is a noun
			// (建设三年行动计划, 工程建设和…).
			pre := stageWords[m.val].pre && !stageWords[m.val].both
			st := stageWords[m.val].stage
			locating := strings.HasSuffix(st, "入驻") || stageWords[m.val].word == "落户" || stageWords[m.val].word == "签约落户" || stageWords[m.val].word == "签约落地"
			if m.start > start && !pre && !locating && !d.stageFollower(m.end, b) && !(hasDeng && (has2(rs, m.end, '项', '目') || has2(rs, m.end, '企', '业'))) {
				continue
			}
			if hasDeng && has2(rs, m.end, '项', '目') && d.lx.stage.any(rs, m.end+2, min(b, m.end+32)) {
				continue // 等企业增资扩产项目落地: 落地 is the verb
			}
		}
		kept = append(kept, m)
	}
	ms = kept
	if len(ms) == 0 {
		// No stage: firms listed as 企业 (X、Y等企业实施智能化改造) and projects
		// named after a governing verb (加快推进临港物流基地转型升级) still count.
		k := deng
		if k >= 0 && k < start+2 {
			k = indexRunes(rs, start+2, b, "等")
		}
		if k > 0 && (indexRunes(rs, k, min(b, k+12), "企业") > 0) {
			d.items(si, seg{start, k + 1}, b, "", ctx, planned, false)
		} else if lead && d.lx.heads.any(rs, start, b) {
			d.items(si, seg{start, b}, b, "", ctx, planned, true)
		} else if b-start >= 8 && firmListEnd(rs, start, b) > 0 {
			d.items(si, seg{start, b}, b, "", ctx, planned, false)
		} else if !lead {
			d.nameClause(si, start, b, ctx, planned)
		}
		return
	}
	d.stageClause(si, start, b, ms, ctx, planned, done)
}

// stageClause reads a clause rs[start:b] whose stage verbs are ms (one or
// more): what each verb is said of, before it or after it, gets its
// stage. (A function of its own: most clauses return from clause before
// it, and a smaller clause measured faster.)
func (d *doc) stageClause(si, start, b int, ms []match, ctx industryCtx, planned, done bool) {
	rs := d.rs
	// A verb before its object: 建成X, 打造X, 布局X.
	if m := ms[0]; m.start == start && (stageWords[m.val].pre || stageWords[m.val].both) && !(m.end < b && runeIn("后前时的", rs[m.end])) {
		end := b
		if len(ms) > 1 {
			end = ms[1].start
		}
		stage := stageWords[m.val].stage
		d.items(si, seg{m.end, end}, b, stage, ctx, planned, false)
		return
	}
	prev := start
	var last []string
	for k, m := range ms {
		stage := stageWords[m.val].stage
		if stage == "在建" && done && stageWords[m.val].word == "建设" {
			stage = "竣工"
		}
		if stageWords[m.val].pre && !stageWords[m.val].both && m.start > prev {
			// 打造/布局 in the middle: what follows is its object; a park
			// before it is where (X产业园引进Y项目).
			end := b
			if k+1 < len(ms) {
				end = ms[k+1].start
			}
			ids := d.items(si, seg{m.end, end}, b, stage, ctx, planned, false)
			var projs []string
			for _, id := range ids {
				if strings.HasPrefix(id, "project/") {
					projs = append(projs, id)
				}
			}
			ha, hb := d.trimItem(prev, m.start)
			brings := len(projs) > 0 || indexRunes(rs, m.end, end, "项目") >= 0 || indexRunes(rs, m.end, end, "企业") >= 0
			if brings && hb-ha >= 3 && hasPlaceSuffix(rs[ha:hb]) && d.isProjectName(rs[ha:hb]) && d.plausibleName(rs[ha:hb]) {
				if host, _, _ := d.project(si, rs[ha:hb], ""); host != "" {
					for _, id := range projs {
						d.relate(kg.Relation{Subject: id, Predicate: kg.PredLocatedIn, Object: host}, si)
					}
				}
			}
			prev = end
			continue
		}
		// 并, and after a verb 和, 及 or 、, join the verbs (签约并开工,
		// 开工和投产); a clause that opens with 和 names a firm of it
		// (，和盈材料X项目取得土地).
		for prev < m.start && (rs[prev] == '并' || prev > start && (rs[prev] == '和' || rs[prev] == '及' || rs[prev] == '、')) {
			prev++
		}
		if _, n := d.lx.lead.longest(rs, prev, m.start); m.start <= prev || n == m.start-prev {
			// Verbs in a row (落地运营, 竣工验收并试生产, 当年签约、当年开工):
			// the same objects.
			for _, id := range last {
				d.relate(kg.Relation{Subject: id, Predicate: kg.PredStage, Value: stage, Planned: planned}, si)
			}
			prev = m.end
			continue
		}
		segEnd := m.start
		if k := honorAt(rs, prev+2, segEnd); k > 0 {
			segEnd = k // 白马湖实验室获批省实验室并揭牌运行
		}
		if k := doneBefore(rs, prev+2, segEnd); k > 0 {
			segEnd = k // X项目完成设备更新后实现达产: X is what reaches it
		}
		if k == len(ms)-1 && m.end < b {
			// X有限公司签约Y项目, X有限公司在Z落户Y项目: the verb's object is
			// the firm's project.
			if proj := d.firmVerbProject(si, prev, segEnd, m.end, b, stage, ctx, planned, stageWords[m.val].locates()); proj != "" {
				last = []string{proj}
				break
			}
		}
		last = d.items(si, seg{prev, segEnd}, b, stage, ctx, planned, false)
		if len(last) == 0 {
			last = d.firmDoes(si, prev, segEnd, stage, ctx, planned)
		}
		if len(last) > 0 && prev == start {
			d.subj = last[0]
		}
		prev = m.end
		if stageWords[m.val].locates() {
			// 入驻光谷生物城, 落户软件新城: the place follows the verb.
			end := b
			if k+1 < len(ms) {
				end = ms[k+1].start
			}
			pid := d.placeSpan(m.end, end)
			if pid == "" {
				pid = d.placeOpening(m.end, end)
			}
			if pid != "" {
				for _, id := range last {
					d.relate(kg.Relation{Subject: id, Predicate: kg.PredLocatedIn, Object: pid}, si)
				}
				prev = end
			}
		}
		for prev < b && runeIn("、和及与并", rs[prev]) {
			prev++
		}
	}
}

// doneBefore returns where 完成 opens a clause of what was done before
// the verb at b (X完成设备更新后实现达产, X完成改造后投产), or 0.
func doneBefore(rs []rune, a, b int) int {
	e := b
	for _, w := range [...][2]rune{{'实', '现'}, {'正', '式'}, {'全', '面'}} {
		if e-2 > a && has2(rs, e-2, w[0], w[1]) {
			e -= 2
		}
	}
	if e-1 <= a || rs[e-1] != '后' {
		return 0
	}
	return max(indexRunes(rs, a, e-1, "完成"), 0)
}

// The topic verbs, 完成, 实现, 进入, 开展, 启动 and 已, follow a project
// that a clause names without a stage (X项目完成设备调试，正式量产): the
// next clauses' stages are its. (nameClause tests their first runes,
// 完实进开启已, before them.)

// topicBits has bit r&63 set for the first runes of the topic verbs.
const topicBits uint64 = 1<<('完'&63) | 1<<('实'&63) | 1<<('进'&63) | 1<<('开'&63) | 1<<('启'&63) | 1<<('已'&63)

// topicVerbAt reports whether a topic verb is at rs[e]: a switch on its
// first rune, then a test of the second (it was a search for each verb in
// turn, and nameClause asks at every rune that opens one).
func topicVerbAt(rs []rune, e int) bool {
	if e < 0 || e >= len(rs) {
		return false
	}
	var next rune
	switch rs[e] {
	case '已':
		return true
	case '完':
		next = '成'
	case '实':
		next = '现'
	case '进':
		next = '入'
	case '开':
		next = '展'
	case '启':
		next = '动'
	default:
		return false
	}
	return e+1 < len(rs) && rs[e+1] == next
}

// clauseTopic makes the project that opens a clause without a stage the
// topic of the sentence's next clauses, when a topic verb follows its
// head word. nameClause calls it for a clause of six runes or more that
// holds a topic verb at start+3 or after, within 32 runes (most clauses
// hold none where a head word could end).
func (d *doc) clauseTopic(si, start, b int, ctx industryCtx, planned bool) {
	rs := d.rs
	lim := min(b, start+32)
	for _, h := range d.lx.heads.scan(rs, start+2, lim, d.bufs[bufSplit][:0]) {
		e := h.end
		if !topicVerbAt(rs, e) {
			continue
		}
		a, z := d.trimItem(start, e)
		if z-a < 4 || !d.isProjectName(rs[a:z]) || !d.plausibleName(rs[a:z]) {
			return
		}
		if d.topic != "" && d.partOnly(a, z, true) {
			return // 涂装车间完成设备调试: a part of the topic
		}
		if d.isArea(d.runeStr(rs[a:z])) {
			return // 狮子岭工业园完成标准化改造: a place, no project
		}
		if id, _ := d.item(si, rs[a:z], "", "", ctx, planned, false, ""); strings.HasPrefix(id, "project/") {
			d.topic = id
		}
		return
	}
}

// nameClause reads a clause without a stage or lead words that may name
// a project after its owner (ownerClause), a firm that builds one
// (firmBuilds) or the sentence's topic (clauseTopic), tried in that
// order. The words each looks for first (the last 的, the last of each
// build verb, a topic verb) are found in one pass from the clause's end,
// where each rule scanned the clause itself.
func (d *doc) nameClause(si, start, b int, ctx industryCtx, planned bool) {
	if b-start < 6 {
		return // too short for any of the three
	}
	rs := d.rs
	de := -1 // the last 的 at start+2 or after
	last := [len(buildVerbs)]int{-1, -1, -1, -1, -1, -1}
	builds := b-start >= 10 // and a firm named (asked after ownerClause, which may name one)
	topic, verb := false, false
	// rs[b] (the clause's end, or the next sentence's first rune) may
	// open a topic verb within the window.
	if b <= start+32 {
		topic = topicVerbAt(rs, b)
	}
	for i := b - 1; i >= start+2; i-- {
		r := rs[i]
		if nameBits&(1<<(uint(r)&63)) == 0 {
			continue // most runes: one test
		}
		v := -1
		switch r {
		case '的':
			if de < 0 {
				de = i
			}
			continue
		case '投':
			v = 0
		case '新':
			v = 1
		case '建':
			v = 2
		case '实':
			v = 3
			if !topic && i >= start+3 && i <= start+32 {
				topic = i+1 < len(rs) && rs[i+1] == '现'
			}
		case '签':
			v = 4
		case '落':
			v = 5
		case '完', '进', '开', '启', '已':
			if !topic && i >= start+3 && i <= start+32 {
				topic = topicVerbAt(rs, i)
			}
			continue
		default:
			continue
		}
		if builds && last[v] < 0 && i >= start+4 && i <= b-2 && hasAt(rs[:b], i, buildVerbs[v].word) {
			last[v] = i
			verb = true
		}
	}
	if de >= 0 && b-(de+1) >= 4 && d.ownerClause(si, start, b, ctx, planned) {
		return
	}
	if verb && len(d.firms) > 0 && d.firmBuilds(si, start, b, &last, ctx, planned) {
		return
	}
	if topic {
		d.clauseTopic(si, start, b, ctx, planned)
	}
}

// nameBits has bit r&63 set for the runes nameClause looks for.
const nameBits = 1<<('的'&63) | buildBits | topicBits

// ownerClause reads a clause without a stage that names a project after
// its owner and 的 (X牵头实施的Y项目，总投资…，4月完成土地摘牌): X owns Y, and
// the next clauses' stages are Y's. It reports whether it did.
func (d *doc) ownerClause(si, a, b int, ctx industryCtx, planned bool) bool {
	rs := d.rs
	k := lastIndexRune(rs[a:b], '的')
	if k < 2 || b-(a+k+1) < 4 {
		return false
	}
	pa, pb := d.trimItem(a+k+1, b)
	w := d.resolveLegal(rs[pa:pb])
	if len(w) < 4 || !d.isProjectName(w) || !d.plausibleName(w) {
		return false
	}
	firm, legal := d.investor(a, a+k)
	if firm == "" || !legal && d.ownerSplit(w) != 0 {
		return false
	}
	id := d.firm(firm)
	d.inIndustry(id, ctx, si, w)
	d.subj = d.ownedProject(si, id, d.runeStr(w), "", planned)
	return true
}

// firmBuilds reads a clause without a stage in which a firm builds a
// project named without it (X有限公司投资6.5亿元建设Y项目): X owns Y. It
// reports whether it did. last holds the last of each of buildVerbs in
// rs[a+4:b-1] (X在集中签约活动中签约Y), -1 for none, which nameClause
// finds; the first verb of the list that occurs wins.
func (d *doc) firmBuilds(si, a, b int, last *[len(buildVerbs)]int, ctx industryCtx, planned bool) bool {
	rs := d.rs
	for j, v := range &buildVerbs {
		k := last[j]
		if k < 0 {
			continue
		}
		e := k
		// 投资6.5亿元建设: the amount is no part of the firm.
		if p := indexRunes(rs, a+2, k, "投资"); p > 0 && p+2 < k && isDigit(rs[p+2]) {
			e = p
		}
		return d.firmVerbProject(si, a, e, k+runeLen(v.word), b, v.stage, ctx, planned, v.word == "落户") != ""
	}
	return false
}

// buildVerbs are firmBuilds' verbs and their stages, in the order they
// win. (A package's array: a literal in firmBuilds was built at each of
// its calls.)
var buildVerbs = [...]struct{ word, stage string }{{"投资建设", ""}, {"新建", ""}, {"建设", ""}, {"实施", ""}, {"签约", "签约"}, {"落户", "落地"}}

// buildBits has bit r&63 set for the first runes of firmBuilds' verbs.
const buildBits uint64 = 1<<('投'&63) | 1<<('新'&63) | 1<<('建'&63) | 1<<('实'&63) | 1<<('签'&63) | 1<<('落'&63)

// firmVerbProject reads a firm in rs[a:e] (its name, or its name and 在
// and a place or time) whose verb's object rs[o:b] is a project named
// without an owner (签约光模块封装项目): the project is the firm's, under the
// firm's name and the name as written, with the verb's stage. It returns
// the project's id, or "". locates: the verb is one of settling (落户,
// 入驻), whose object may be a park, which is no project of the firm's.
func (d *doc) firmVerbProject(si, a, e, o, b int, stage string, ctx industryCtx, planned, locates bool) string {
	rs := d.rs
	if e-a < 2 || b-o < 4 || len(d.firms) == 0 {
		return ""
	}
	pa, pb := d.trimItem(o, b)
	for _, v := range [...]string{"投资建设", "建设", "新建"} {
		if hasAt(rs, pa, v) {
			pa += runeLen(v) // 签约建设Y
			break
		}
	}
	if pb-pa < 4 || pb-pa > 24 {
		return ""
	}
	w := rs[pa:pb]
	if containsAny(w, '、', '和', '及', '与', '的') || !d.isProjectName(w) || !d.plausibleName(w) ||
		d.placePrefix(w) > 0 || locates && hasPlaceSuffix(w) {
		return ""
	}
	named := d.knownFirmPrefix(w) > 0 // 签约建设X储能电池项目: named after its owner
	if k := indexRunes(rs, a+2, e, "在"); k > 0 {
		e = k // X在12月集中签约活动中签约Y, X在Z街道落户Y
	}
	fa, fb := d.trimItem(a, e)
	if fb-fa > 2 && rs[fb-1] == ')' {
		if k := lastIndexRune(rs[fa:fb], '('); k > 1 {
			fb = fa + k // X有限公司(X简称)
		}
	}
	if fb <= fa {
		return ""
	}
	id, ok := d.firms[d.str(fa, fb)]
	if !ok || !strings.HasPrefix(id, "enterprise/") {
		return ""
	}
	name := d.runeStr(w)
	if !named {
		full := nameOf(id) + name
		d.entity(kg.TypeProject, full, name)
		name = full
	}
	d.inIndustry(id, ctx, si, w)
	d.subj = d.ownedProject(si, id, name, stage, planned)
	return d.subj
}

// firmDoes reads a stage of a firm whose project the text names only by
// what it does (X完成二期产线技改扩产, X实现满产): the firm carries the
// stage. It returns the firm's id, or nil.
func (d *doc) firmDoes(si, a, b int, stage string, ctx industryCtx, planned bool) []string {
	rs := d.rs
	a, b = d.trimItem(a, b)
	k := 0
	for p := a + 2; p < min(b-1, a+12); p++ {
		if has2(rs, p, '完', '成') || has2(rs, p, '实', '现') || has2(rs, p, '启', '动') {
			k = p - a
			break
		}
	}
	if k == 0 {
		return nil
	}
	w := rs[a : a+k]
	id, ok := d.firms[d.runeStr(w)]
	if !ok {
		if !d.isFirmName(w) || !d.firmLike(w) || d.isProjectName(w) {
			return nil
		}
		id = d.firm(d.runeStr(w))
	}
	d.relate(kg.Relation{Subject: id, Predicate: kg.PredStage, Value: stage, Planned: planned}, si)
	d.inIndustry(id, ctx, si, rs[a:a+k])
	return []string{id}
}

// firmListEnd returns where 为 or 组成 follows a list of names that the
// rest of the clause rs[a:b] calls firms or a block of a chain (A、B和C组成
// 上游锂盐板块, A、B为上游骨干企业), or -1: a list of two names or more
// (、 between them), the verb, and at most twelve runes after it that end
// with 企业 or 板块.
func firmListEnd(rs []rune, a, b int) int {
	if b-a < 8 || !(has2(rs, b-2, '企', '业') || has2(rs, b-2, '板', '块')) {
		return -1
	}
	for k := max(a+4, b-15); k < b-2; k++ {
		n := 0
		switch {
		case rs[k] == '为':
			n = 1
		case has2(rs, k, '组', '成'):
			n = 2
		default:
			continue
		}
		if b-(k+n) > 12 || indexRunes(rs, a, k, "、") < 0 {
			return -1
		}
		return k
	}
	return -1
}

// listHead returns where the list starts after a stage word that ends at
// i and heads it (新开工|项目主要有：A、B; 签约的重点项目包括A、B), or 0.
func listHead(rs []rune, i, b int) int {
	p := indexRunes(rs, i, min(b, i+10), "项目")
	if p < 0 {
		return 0
	}
	for _, r := range rs[i:p] {
		if isClauseEnd(r) || r == '、' {
			return 0
		}
	}
	k := p + 2
	for _, v := range [...]string{"主要有", "主要包括", "主要为", "主要是", "分别是", "分别为", "包括", "有", "为"} {
		if hasAt(rs, k, v) {
			k += runeLen(v)
			if k < b && (rs[k] == '：' || rs[k] == ':') {
				k++
			}
			if b-k >= 4 {
				return k
			}
			return 0
		}
	}
	return 0
}

// sentHits are the words of one trie in the sentences of the text, found
// by the one pass over each sentence (doc.mentions): sentence si's are
// ms[first[si]:first[si+1]].
type sentHits struct {
	ms    []match
	first []int
}

// none reports whether sentence si holds no word of h, at fewer tests
// than a call of clauseHits.
func (h *sentHits) none(si int) bool {
	lim := len(h.ms)
	if si+1 < len(h.first) {
		lim = h.first[si+1]
	}
	return h.first[si] == lim
}

// reset returns h emptied, its slices kept for reuse.
func (h sentHits) reset() sentHits {
	return sentHits{ms: h.ms[:0], first: h.first[:0]}
}

// clauseHits returns in buf what t.scan(d.rs, a, b, buf[:0]) would, the
// leftmost-longest words in rs[a:b] of sentence si, read from the
// sentence's hits h. They are the same unless a word of the sentence runs
// across a or b (clauses end at punctuation, which no word holds): then
// rs[a:b] is scanned.
func (d *doc) clauseHits(h *sentHits, si, a, b int, t *trie, buf []match) []match {
	lim := len(h.ms)
	if si+1 < len(h.first) {
		lim = h.first[si+1]
	}
	out := buf[:0]
	for _, m := range h.ms[h.first[si]:lim] {
		if m.end <= a {
			continue
		}
		if m.start >= b {
			break
		}
		if m.start < a || m.end > b {
			return t.scan(d.rs, a, b, buf[:0])
		}
		out = append(out, m)
	}
	return out
}

// clauseMarks are where words the clause rules look for first occur in a
// clause's words rs[start:b] (-1: nowhere), and whether the clause rs[a:b]
// holds others at all, found in one pass.
type clauseMarks struct {
	deng     int  // 等
	chengwei int  // 成为
	shangshi int  // 上市
	xuanzhi  int  // 选址, from start+2 on (after a name of two runes or more)
	with     bool // 与 or 同 in rs[a:b]
	gongsi   bool // 公司 in rs[a:b]
	leader   bool // 链主 or 龙头 in rs[a:b]
	// qi is the first 其 in rs[a:b], and product the first Latin capital
	// or opening quote there (where clauseProduct's names may start).
	qi, product int
}

// markBits has bit r&63 set for each rune r that marksIn looks for.
// (All of them are Han runes; the runes below U+4E00 are tested apart.)
const markBits uint64 = 1<<('与'&63) | 1<<('同'&63) | 1<<('公'&63) | 1<<('链'&63) | 1<<('龙'&63) |
	1<<('其'&63) | 1<<('等'&63) | 1<<('成'&63) | 1<<('上'&63) | 1<<('选'&63)

func marksIn(rs []rune, a, start, b int) clauseMarks {
	mk := newMarks()
	for i := a; i < b; i++ {
		if r := rs[i]; r < 0x4e00 {
			if mk.product < 0 && (r >= 'A' && r <= 'Z' || openQuote(r)) {
				mk.product = i
			}
			continue
		}
		if markBits&(1<<(uint(rs[i])&63)) != 0 { // most runes: one test, not the switches
			mk.mark(rs, i, start, b)
		}
	}
	return mk
}

// newMarks returns the marks of a clause without any of their words.
func newMarks() clauseMarks {
	return clauseMarks{deng: -1, chengwei: -1, shangshi: -1, xuanzhi: -1, qi: -1, product: -1}
}

// mark adds the Han rune rs[i] of clause rs[:b], whose words start at
// start, to mk.
func (mk *clauseMarks) mark(rs []rune, i, start, b int) {
	switch rs[i] {
	case '其':
		if mk.qi < 0 {
			mk.qi = i
		}
		return
	case '与', '同':
		mk.with = true
		return
	case '公':
		mk.gongsi = mk.gongsi || i+1 < b && rs[i+1] == '司'
		return
	case '链':
		mk.leader = mk.leader || i+1 < b && rs[i+1] == '主'
		return
	case '龙':
		mk.leader = mk.leader || i+1 < b && rs[i+1] == '头'
		return
	}
	if i < start {
		return
	}
	switch rs[i] {
	case '等':
		if mk.deng < 0 {
			mk.deng = i
		}
	case '成':
		if mk.chengwei < 0 && i+1 < b && rs[i+1] == '为' {
			mk.chengwei = i
		}
	case '上':
		if mk.shangshi < 0 && i+1 < b && rs[i+1] == '市' {
			mk.shangshi = i
		}
	case '选':
		if mk.xuanzhi < 0 && i >= start+2 && i+1 < b && rs[i+1] == '址' {
			mk.xuanzhi = i
		}
	}
}

// marks returns marksIn(rs, a, start, b) for the clause rs[a:b] that ends
// the piece: the piece's own marks when the clause is all of it and no
// word of the marks is in the verbs that open it (rs[a:start]), where it
// could hide one after them. They are the piece's, which its one clause
// reads and may change (a pointer: the rules do not copy them).
func (p *clauseSeg) marks(rs []rune, a, start, b int) *clauseMarks {
	mk := &p.mk
	if a == p.start && b == p.end && (start == a || (mk.deng < 0 || mk.deng >= start) && (mk.chengwei < 0 || mk.chengwei >= start) &&
		(mk.shangshi < 0 || mk.shangshi >= start) && (mk.xuanzhi < 0 || mk.xuanzhi >= start+2)) {
		return mk
	}
	*mk = marksIn(rs, a, start, b)
	return mk
}

// clauseSeg is a piece of a sentence up to a clause end (，；：。 …, or
// the sentence's end): where it starts and ends and the marks of its runes
// (marksIn from its start).
type clauseSeg struct {
	start, end int
	mk         clauseMarks
}

// clauseSegs cuts sentence s at its clause ends and marks each piece, in
// one pass over its runes. upper reports whether s holds a Latin capital.
// The pieces are in a buffer of the doc's, which the next sentence reuses.
func (d *doc) clauseSegs(s sentence) (segs []clauseSeg, upper bool) {
	rs := d.rs[:s.end]
	segs = d.segs[:0]
	cur := clauseSeg{start: s.start, mk: newMarks()}
	for i := s.start; i < len(rs); i++ {
		r := rs[i]
		if uint32(r)-0x4e00 <= 0x9fff-0x4e00 { // Han: no clause end, no capital
			if markBits&(1<<(uint(r)&63)) != 0 {
				// rs[i+1] is the piece's or a clause end, which no word
				// of the marks holds: the sentence's end bounds the words.
				cur.mk.mark(rs, i, cur.start, s.end)
			}
			continue
		}
		if isClauseEnd(r) {
			cur.end = i
			segs = append(segs, cur)
			cur = clauseSeg{start: i + 1, mk: newMarks()}
			continue
		}
		if r >= 'A' && r <= 'Z' {
			upper = true
		}
		if cur.mk.product < 0 && (r >= 'A' && r <= 'Z' || openQuote(r)) {
			cur.mk.product = i
		}
	}
	cur.end = s.end
	d.segs = append(segs, cur)
	return d.segs, upper
}

// honorAt returns where the first of 获批, 入选, 获评, 被评为 and 成为 is in
// rs[a:b], or -1. (No two of them overlap, so the first of all is the
// first of the first of each.)
func honorAt(rs []rune, a, b int) int {
	for i := a; i+1 < b; i++ {
		switch rs[i] {
		case '获':
			if rs[i+1] == '批' || rs[i+1] == '评' {
				return i
			}
		case '入':
			if rs[i+1] == '选' {
				return i
			}
		case '被':
			if i+2 < b && rs[i+1] == '评' && rs[i+2] == '为' {
				return i
			}
		case '成':
			if rs[i+1] == '为' {
				return i
			}
		}
	}
	return -1
}

// stageFollower reports whether what follows a stage verb at i lets it
// be the verb of its clause.
func (d *doc) stageFollower(i, b int) bool {
	rs := d.rs
	if i >= b {
		return true
	}
	if runeIn("、等了并”\"", rs[i]) || isDigit(rs[i]) {
		return true
	}
	if _, n := d.lx.stage.longest(rs, i, b); n > 0 {
		return true
	}
	switch rs[i] { // the words' first runes: most runes open none
	case '发', '成', '顺', '运', '使', '生', '达', '仪', '活', '工', '产', '厂', '车', '交', '阶', '完':
		for _, w := range []string{"发电", "成功", "顺利", "运行", "使用", "生产", "达产", "仪式", "活动", "工作", "产能", "生产线", "厂房", "车间", "交付", "阶段", "完毕"} {
			if hasAt(rs, i, w) {
				return true
			}
		}
	}
	// A place (落户光谷, 开工于X镇), the dearest test, last.
	name, _ := d.placeName(i, b)
	return name != ""
}

// leadAt returns the length of the lead word at rs[i] (before b), or 0;
// 将 before 军 opens a name (将军庙产业园), it is no plan word.
func (d *doc) leadAt(rs []rune, i, b int) int {
	if rs[i] == '将' && i+1 < b && rs[i+1] == '军' {
		return 0
	}
	_, n := d.lx.lead.longest(rs, i, b)
	if n == 1 && len(d.conjNamed) > 0 && (rs[i] == '和' || rs[i] == '与' || rs[i] == '及') && d.conjNameAt(i) {
		return 0 // 和美发艺负责人介绍: a firm's name, not a conjunction
	}
	if n == 1 && rs[i] == '为' && i+1 < b {
		// 为X、Y等企业提供: for firms; 为打造X, 为某市建设X: a purpose.
		if _, k := d.lx.stage.longest(rs, i+1, b); k > 0 {
			return 0
		}
		if _, k := d.lx.lead.longest(rs, i+1, b); k > 0 {
			return 0
		}
		if _, k := d.lx.place.longest(rs, i+1, b); k > 0 && i+1+k < b {
			if _, v := d.lx.stage.longest(rs, i+1+k, b); v > 0 {
				return 0
			}
		}
	}
	return n
}

// stripLead skips the verbs and adverbs that open a clause and returns the
// new start.
func (d *doc) stripLead(a, b int) (int, bool) {
	rs := d.rs
	i := a
	for i < b {
		n := d.leadAt(rs, i, b)
		if n == 0 {
			break
		}
		i += n
	}
	return i, i > a
}

// representedAfter reports whether 为代表 follows rs[i] in its clause
// (以A、B为代表的…), with no more than a short list before it.
func representedAfter(rs []rune, i int) bool {
	for k := i; k < min(len(rs)-2, i+40); k++ {
		switch rs[k] {
		case '为':
			if rs[k+1] == '代' && rs[k+2] == '表' {
				return true
			}
		case '，', '。', '；', '：', ',', ';':
			return false
		}
	}
	return false
}

// items reads the list of names in s, gives them the stage and the
// industry context, and returns the ids that carry the stage.
func (d *doc) items(si int, s seg, clauseEnd int, stage string, ctx industryCtx, planned, onlyProjects bool) []string {
	rs := d.rs
	if ids := d.jointProject(si, s, stage, ctx, planned); ids != nil {
		return ids
	}
	// X等一批项目 / X等6家企业: the names are before 等, the kind after.
	hint := ""
	var distributive []rune
	distWhere := ""
	if k := firmListEnd(rs, s.a, clauseEnd); k > 0 && k <= s.b {
		// A、B和C组成上游X板块, A、B为上游骨干企业: firms, named before
		// the verb.
		hint, s.b = "firm", k
	}
	for k := s.a + 1; k < s.b && hint == ""; k++ {
		if rs[k] == '为' && k+2 < s.b && rs[k+1] == '代' && rs[k+2] == '表' {
			// 以A、B为代表的X企业: the names are before 为代表 (trimItem
			// drops the 以), the kind after.
			desc := d.runeStr(rs[k:min(clauseEnd, k+24)])
			if strings.Contains(desc, "企业") || strings.Contains(desc, "公司") {
				hint = "firm"
			} else if strings.Contains(desc, "项目") {
				hint = "project"
			}
			s.b = k
			break
		}
		if rs[k] != '等' {
			continue
		}
		desc := d.runeStr(rs[k:min(clauseEnd, k+24)])
		switch {
		case strings.Contains(desc, "企业") || strings.Contains(desc, "公司"):
			hint = "firm"
			// X、Y等企业研发中心: each firm's own project.
			e := indexRunes(rs, k, s.b, "企业")
			if e > 0 && s.b-(e+2) >= 2 {
				// X、Y等企业在Z扩建产能: in Z, and the object follows the verb.
				if z := indexRunes(rs, e+2, s.b, "在"); z == e+2 {
					if pid := d.placeSpan(z+1, s.b); pid != "" {
						distWhere = pid
					}
				} else if a, b := d.trimItem(e+2, s.b); b-a >= 2 && d.hasHead(rs[a:b]) {
					distributive = rs[a:b]
				}
			}
			if distributive == nil && e > 0 {
				// …等企业扩建生产线: what they build is each one's project.
				if v, n := d.lx.stage.longest(rs, s.b, clauseEnd); n > 0 && (stageWords[v].stage == "扩产" || stageWords[v].stage == "在建" || stageWords[v].stage == "开工") {
					if a, b := d.trimItem(s.b+n, clauseEnd); b-a >= 2 && b-a <= 8 && allHan(rs[a:b]) {
						if name, _ := d.placeName(a, b); name == "" {
							distributive = rs[a:b]
						}
					}
				}
			}
		case strings.Contains(desc, "项目"):
			hint = "project"
			// X等一批项目在Z签约: in Z.
			if z := indexRunes(rs, k, s.b, "在"); z > 0 {
				if pid := d.placeSpan(z+1, s.b); pid != "" {
					distWhere = pid
				}
			}
		}
		s.b = k
		break
	}
	// X、Y两个项目 / X、Y三家企业: a count ends the list like 等 does.
	if hint == "" {
		for k := s.a + 2; k < s.b; k++ {
			if !countStart(rs[k]) {
				continue
			}
			if n := numeralAt(rs[:s.b], k); n > 0 && (rs[k+n-1] == '个' || rs[k+n-1] == '家' || rs[k+n-1] == '批') {
				rest := d.runeStr(rs[k+n : min(s.b, k+n+8)])
				switch {
				case strings.HasPrefix(rest, "企业") || strings.HasPrefix(rest, "公司"):
					hint = "firm"
				case strings.Contains(rest, "项目"):
					hint = "project"
				default:
					continue
				}
				s.b = k
				break
			}
		}
	}
	// X项目于4月开工: the date is no part of the last name.
	if k := timeBefore(rs, s.a, s.b); k < s.b && k > s.a+1 {
		s.b = k
	}
	// X在Y竣工: Y is where.
	where := ""
	for k := s.a + 2; k < s.b-1; k++ {
		if rs[k] == '在' || rs[k] == '于' {
			// X于6月在Y竣工: the month is no part of the name, and Y is where.
			if t := timeAt(rs, k+1, s.b); t > 0 && k+1+t < s.b-1 && (rs[k+1+t] == '在' || rs[k+1+t] == '于') {
				if pid := d.placeSpan(k+2+t, s.b); pid != "" {
					where = pid
					s.b = k
					break
				}
			}
			if pid := d.placeSpan(k+1, s.b); pid != "" {
				where = pid
				s.b = k
			} else if pid, e := d.placeBefore(k+1, s.b); pid != "" {
				// X项目在Y取得备案; X在Y投资建设的Z (the name after 的), but
				// not X在Y投资N亿元建设Z, where Z is what is in Y.
				switch {
				case indexRunes(rs, e, s.b, "的") >= 0:
					where = pid
				case !hasAt(rs, e, "投资"):
					where, s.b = pid, k
				}
			}
			break
		}
	}
	// The ids are appended to the doc's buffer and returned as a piece
	// of it that an append copies (no call of items runs while one is
	// built).
	first := len(d.idBuf)
	owner := ""
	for _, it := range d.splitList(si, s) {
		a, b := d.trimItem(it.a, it.b)
		if b-a < 2 {
			continue
		}
		// 总投资50亿元的X项目, 由Y承建的X: the name follows the last 的;
		// 由Y投资建设的X: Y owns X.
		investor, legal := "", false
		if k := lastIndexRune(rs[a:b], '的'); k >= 0 && b-(a+k+1) >= 2 {
			investor, legal = d.investor(a, a+k)
			a, b = d.trimItem(a+k+1, b)
		}
		w := d.resolveLegal(rs[a:b])
		if len(w) < 2 || len(w) > 30 {
			continue
		}
		if investor == "" {
			if firm, k := d.firmBuildsIn(w); k > 0 {
				investor, w = firm, w[k:] // 支持X建设Y: X's Y
			}
		}
		if id := d.quotedOwner(si, a, w, stage, ctx, planned, where, distWhere); id != "" {
			d.idBuf = append(d.idBuf, id)
			continue
		}
		// The investor owns the project unless its name opens with a firm
		// the document named (X集团投资建设的岚溪冷链物流园一期: 岚溪 is no
		// owner).
		if investor != "" && d.isProjectName(w) && (legal || d.ownerSplit(w) == 0 || d.knownFirmPrefix(w) == 0) {
			firm := d.firm(investor)
			d.inIndustry(firm, ctx, si, w)
			d.idBuf = append(d.idBuf, d.ownedProject(si, firm, d.runeStr(w), stage, planned, where, distWhere))
			continue
		}
		if distributive != nil && d.firmLike(w) && !d.isProjectName(w) {
			// Each firm's own project: firm + what the clause says they build.
			firm := d.firm(d.runeStr(w))
			d.inIndustry(firm, ctx, si, w)
			proj := d.ownedProject(si, firm, d.runeStr(w)+d.runeStr(distributive), stage, planned, where, distWhere)
			d.idBuf = append(d.idBuf, proj)
			continue
		}
		id, o := d.item(si, w, hint, stage, ctx, planned, onlyProjects, owner)
		if id != "" {
			d.idBuf = append(d.idBuf, id)
			if where != "" {
				d.relate(kg.Relation{Subject: id, Predicate: kg.PredLocatedIn, Object: where}, si)
			}
			if distWhere != "" {
				d.relate(kg.Relation{Subject: id, Predicate: kg.PredLocatedIn, Object: distWhere}, si)
			}
		}
		owner = o
	}
	return d.idBuf[first:len(d.idBuf):len(d.idBuf)]
}

// firmBuildsIn reads a name that opens with a firm the document named and
// a verb of building (X建设五轴机床研发中心, X启动Y项目三期: what a plan
// supports X in building). It returns the firm's name and where its
// project's name begins, or 0.
func (d *doc) firmBuildsIn(w []rune) (string, int) {
	for i := 2; i+6 <= len(w); i++ {
		if !has2(w, i, '建', '设') && !has2(w, i, '启', '动') && !has2(w, i, '新', '建') {
			continue
		}
		if d.firmLensOf(w[0])&lenBit(i) == 0 || has2(w, i+2, '项', '目') || has2(w, i+2, '工', '程') {
			continue // X新建项目二期 is X's project of that name
		}
		id, ok := d.firms[d.runeStr(w[:i])]
		if ok && strings.HasPrefix(id, "enterprise/") && d.isProjectName(w[i+2:]) {
			return nameOf(id), i + 2
		}
	}
	return "", 0
}

// quotedOwner reads a list's item “X”Y项目, a project whose name opens with
// its firm's name in quotes (“曜芯”车载存储模组项目 → the firm 曜芯 and its
// project 曜芯车载存储模组项目); a is where the item begins after its
// opening quote. What follows the quote names a thing (光模块项目, not a
// bare 项目 or 工程: “高阻隔薄膜”项目 is the project's name). It records
// both and returns the project's id, or "".
func (d *doc) quotedOwner(si, a int, w []rune, stage string, ctx industryCtx, planned bool, places ...string) string {
	if a == 0 || !openQuote(d.rs[a-1]) {
		return ""
	}
	k := 0
	for k < len(w) && !closeQuote(w[k]) {
		k++
	}
	if k < 2 || k > 10 || len(w)-k-1 < 4 || !allHan(w[:k]) || !d.hasHead(w[k+1:]) {
		return ""
	}
	name := make([]rune, 0, len(w)-1)
	name = append(append(name, w[:k]...), w[k+1:]...)
	if !d.isProjectName(name) || d.isCategory(w[:k]) {
		return ""
	}
	firm := d.firm(d.runeStr(w[:k]))
	d.inIndustry(firm, ctx, si, name)
	return d.ownedProject(si, firm, d.runeStr(name), stage, planned, places...)
}

// isAcademy reports whether a name is a university or research body's.
func isAcademy(name string) bool {
	for _, suf := range []string{"大学", "学院", "科学院", "研究所", "研究院", "实验室"} {
		if strings.HasSuffix(name, suf) {
			return true
		}
	}
	return false
}

// jointVerbs end what precedes the 的 of a project two firms own
// together (A与B合资建设的X, A和B共同投资的X).
var jointVerbs = [...]string{"合资建设", "合资兴建", "合资设立", "合资", "共同投资建设", "共同投资", "共同建设", "联合投资", "合作建设", "合作投资"}

// jointProject reads s as A与B合资建设的X (和, 及 for 与; 共同投资, 联合投资
// for 合资): X is a project of both firms. It returns X's id, or nil when
// s says no such thing.
func (d *doc) jointProject(si int, s seg, stage string, ctx industryCtx, planned bool) []string {
	rs := d.rs
	k := lastIndexRune(rs[s.a:s.b], '的')
	if k < 6 || s.b-(s.a+k+1) < 2 {
		return nil
	}
	k += s.a
	if rs[k-2] != '资' && rs[k-2] != '建' && rs[k-1] != '资' && rs[k-1] != '设' {
		return nil // most names before 的: no verb of joint investment
	}
	e := 0
	for _, v := range jointVerbs {
		if n := runeLen(v); k-n > s.a && hasAt(rs, k-n, v) {
			e = k - n
			break
		}
	}
	if e == 0 {
		return nil
	}
	a := s.a
	if r := rs[a]; r == '由' {
		a++
	}
	var owners [2][]rune
	n := 0
	for i := a + 2; i < e-2 && n == 0; i++ {
		if r := rs[i]; r == '与' || r == '和' || r == '及' {
			owners[0], owners[1] = rs[a:i], rs[i+1:e]
			n = 2
		}
	}
	if n == 0 {
		return nil
	}
	var ids [2]string
	for j, w := range owners {
		w = d.resolveLegal(w)
		if len(w) < 2 || !d.firmLike(w) {
			return nil
		}
		ids[j] = d.firm(d.runeStr(w))
	}
	pa, pb := d.trimItem(k+1, s.b)
	if pb-pa < 3 || !d.isProjectName(rs[pa:pb]) {
		return nil
	}
	proj := d.ownedProject(si, ids[0], d.runeStr(rs[pa:pb]), stage, planned)
	for _, id := range ids {
		d.relate(kg.Relation{Subject: id, Predicate: kg.PredHasProject, Object: proj}, si)
		d.inIndustry(id, ctx, si, rs[pa:pb])
	}
	d.inIndustry(proj, ctx, si, rs[pa:pb])
	return []string{proj}
}

// ownedProject records a project of owner, with its stage (if any) and
// the places it lies in, and returns its id.
func (d *doc) ownedProject(si int, owner, name, stage string, planned bool, places ...string) string {
	proj := d.entity(kg.TypeProject, name)
	d.relate(kg.Relation{Subject: owner, Predicate: kg.PredHasProject, Object: proj}, si)
	if stage != "" {
		d.relate(kg.Relation{Subject: proj, Predicate: kg.PredStage, Value: stage, Planned: planned}, si)
	}
	for _, pid := range places {
		if pid != "" {
			d.relate(kg.Relation{Subject: proj, Predicate: kg.PredLocatedIn, Object: pid}, si)
		}
	}
	return proj
}

// investVerbs end what precedes the 的 of a project whose owner they
// name (X投资建设的Y, X牵头实施的Y, X在Y街道实施的Z).
var investVerbs = [...]string{"投资建设", "投资兴建", "投资", "投建", "牵头实施", "牵头建设", "实施", "建设", "承建", "新建"}

// investVerbRunes are investVerbs as runes, which investor compares with
// the text's without decoding the words at each name.
var investVerbRunes = func() (t [len(investVerbs)][]rune) {
	for i, v := range investVerbs {
		t[i] = []rune(v)
	}
	return t
}()

// investor reads 由X投资建设 / X投资 in rs[a:b] (what precedes 的) and
// returns the firm X, or "". legal: rs[a:b] is the firm's legal name
// (X有限公司的Y项目), so that X owns Y whatever Y's name begins with.
func (d *doc) investor(a, b int) (firm string, legal bool) {
	rs := d.rs
	if b-a > 6 && has2(rs, b-2, '公', '司') {
		fa, fb := d.trimItem(a, b)
		if id, ok := d.firms[d.runeStr(rs[fa:fb])]; ok {
			return nameOf(id), true
		}
	}
	// X投资21亿元的Y: the amount is no part of the verb.
	if b-a > 6 && rs[b-1] == '元' {
		for k := b - 4; k > a; k-- {
			if has2(rs, k, '投', '资') {
				if isDigit(rs[k+2]) && rs[k-1] != '总' { // 总投资N亿元的Y: Y's own
					b = k + 2
				}
				break
			}
		}
	}
	for _, v := range investVerbRunes {
		n := len(v)
		if b-a <= n || !slices.Equal(rs[b-n:b], v) {
			continue
		}
		s, e := a, b-n
		// X投资8.6亿元建设的Y: the amount is no part of the firm.
		if e > a+3 && rs[e-1] == '元' {
			if k := indexRunes(rs, a+2, e, "投资"); k > 0 && isDigit(rs[k+2]) {
				e = k
			}
		}
		if k := indexRunes(rs, a, b-n, "由"); k >= 0 {
			s = k + 1
		}
		if k := indexRunes(rs, s, e, "在"); k > s {
			e = k // X在Y投资建设的
		}
		fa, fb := d.trimItem(s, e)
		p := fa
		for p > 0 && rs[p-1] == ' ' {
			p--
		}
		if p > 0 && rs[p-1] == ',' || fb-fa > 2 && (has2(rs, fb-2, '合', '资') || has2(rs, fb-2, '合', '作') || has2(rs, fb-2, '共', '同')) {
			return "", false // a Latin name cut at its comma (Co., Ltd.); X与Y合资建设的: two owners
		}
		// 上海企业X投资的Y: what the firm is, before its name.
		if k := indexRunes(rs, fa+1, min(fb, fa+6), "企业"); k > 0 && fb-(k+2) >= 2 {
			fa = k + 2
		}
		w := d.resolveLegal(rs[fa:fb])
		if len(w) >= 2 && d.firmLike(w) {
			return d.runeStr(w), false
		}
		return "", false
	}
	return d.spokenOwner(a, b), false
}

// spokenOwner returns the firm a short name before 的 names, as speech
// writes a firm's project (一个是X的Y项目, 像X的Y项目): three to six runes
// of Han after the clause's start or a word that opens the name (是, 像,
// 有), a firm the document named or one like a firm's name that it names
// again, and neither a place, a time nor a pronoun; "" otherwise.
func (d *doc) spokenOwner(a, b int) string {
	rs := d.rs
	fa, fb := d.trimItem(a, b)
	for k := fb - 1; k > fa && fb-k <= 7; k-- {
		if r := rs[k-1]; r == '是' || r == '像' || r == '有' {
			fa = k
			break
		}
	}
	if n := fb - fa; n < 3 || n > 6 || !allHan(rs[fa:fb]) {
		return ""
	}
	w := rs[fa:fb]
	if id, ok := d.firms[d.runeStr(w)]; ok {
		return nameOf(id)
	}
	if runeIn("这那今去明前上下我本全该各其此每", w[0]) || runeIn("区镇县市园村省国局委会们", w[len(w)-1]) ||
		d.placePrefix(w) > 0 || !d.firmLike(w) {
		return ""
	}
	// A firm is named again (旗山精密和海西封测这几家), or ends its name
	// with what a firm does after two runes of its own (X化工, X物流); a
	// phrase before 的 (延链补链的, X共建的) seldom does either.
	name := d.runeStr(w)
	if _, n := d.lx.firmSuf.suffix(w, 5); n > 0 && len(w)-n >= 2 {
		return name
	}
	if d.text == "" {
		return ""
	}
	// strings.Count(d.text, name) >= 2, which stops at the second: the
	// first is seldom far from here.
	if i := indexHan(d.text, name); i < 0 || indexHan(d.text[i+len(name):], name) < 0 {
		return ""
	}
	return name
}

// indexHan is strings.Index(s, name) for a name of Han runes (three bytes
// each, two runes or more) in a text of them. strings.Index looks for the
// name's first byte, which opens most runes of the text (E4 to E9), and
// soon compares the name at every byte; here the search is for its third
// byte (the end of its first rune), which few of the text's bytes are,
// and the name is compared only where that byte is.
func indexHan(s, name string) int {
	if len(name) < 6 {
		return strings.Index(s, name)
	}
	c := name[2]
	for i := 2; i < len(s); {
		j := strings.IndexByte(s[i:], c)
		if j < 0 {
			return -1
		}
		j += i
		if q := j - 2; q+len(name) <= len(s) && s[q:q+len(name)] == name {
			return q
		}
		i = j + 1
	}
	return -1
}

// splitList splits on 、 and on 及/以及/和/与 outside industry names
// (生物技术和大健康 stays one). s is in sentence si, whose industry names
// (the sentence's one pass) say where the names are.
//
// The result lives in a buffer of the doc, reused by the next call: items,
// the only caller, reads it before any other list is split.
func (d *doc) splitList(si int, s seg) []seg {
	rs := d.rs
	// The names are where a scan of s for them puts them: the loop below
	// steps over the same positions, a name at a time, except after 以及,
	// whose 及 it steps over; a name found at that 及 has names looked up
	// anew from there on (!hits).
	names := d.clauseHits(&sentHits{ms: d.indMatches, first: d.indFirst}, si, s.a, s.b, d.lx.industry, d.bufs[bufSplit])
	d.bufs[bufSplit] = names
	hits := true
	out := d.segBuf[:0]
	a := s.a
	for i := s.a; i < s.b; i++ {
		if hits {
			// No name here, no separator: most runes, stepped over at
			// one test each up to the next name.
			next := s.b
			if len(names) > 0 {
				next = min(next, names[0].start)
			}
			for i < next && splitBits&(1<<(uint(rs[i])&63)) == 0 {
				i++
			}
			if i >= s.b {
				break
			}
		}
		n := 0
		if hits {
			if len(names) > 0 && names[0].start == i {
				n, names = names[0].end-i, names[1:]
			}
		} else if d.lx.industry.starts(rs[i]) {
			_, n = d.lx.industry.longest(rs, i, s.b)
		}
		if n > 1 {
			i += n - 1
			continue
		}
		switch {
		case rs[i] == '、' || rs[i] == ',':
			out = append(out, seg{a, i})
			a = i + 1
		case rs[i] == '以' && i+1 < s.b && rs[i+1] == '及':
			out = append(out, seg{a, i})
			a = i + 2
			i++
			if hits && len(names) > 0 && names[0].start == i {
				hits = false
			}
		case (rs[i] == '及' || rs[i] == '和' || rs[i] == '与') && i-a >= 2 && s.b-i > 2 && !d.oneName(a, i, s.b) && !d.inPlace(a, i, s.b) &&
			(len(d.conjNamed) == 0 || !d.conjNameAt(i)) && !(rs[i] == '和' && d.placeOpensName(a, i) && legalNameFrom(rs, i, s.b)):
			out = append(out, seg{a, i})
			a = i + 1
		}
	}
	d.segBuf = append(out, seg{a, s.b})
	return d.segBuf
}

// legalNameFrom reports whether a firm's legal suffix (公司) ends the
// list's item that goes on from rs[i] (甘肃和岚铝业有限公司: a place, 和
// and the rest of one name).
func legalNameFrom(rs []rune, i, b int) bool {
	for k := i + 1; k+1 < b && k < i+30; k++ {
		switch rs[k] {
		case '、', ',', '，', '和', '及', '与':
			return false
		case '公':
			if rs[k+1] == '司' {
				return true
			}
		}
	}
	return false
}

// splitBits has bit r&63 set for the runes splitList splits at (、 , 以及
// 及 和 与).
const splitBits uint64 = 1<<('、'&63) | 1<<(','&63) | 1<<('以'&63) | 1<<('及'&63) | 1<<('和'&63) | 1<<('与'&63)

// oneName reports whether the 和 (及, 与) at rs[i] joins two words of one
// project's name (X研发和生产基地, X完成和交付中心): what precedes it is no
// name of its own (it ends in no head word or firm suffix), and what
// follows, up to the list's next separator, is a short head phrase
// without a name of its own, or any head phrase without an owner when
// what precedes opens with one (丰禾集团果蔬加工及冷链配送项目).
// inPlace reports whether rs[i], in rs[a:b], is inside the name of a
// place of the gazetteer that starts before it (呼和浩特: its 和 joins
// nothing).
func (d *doc) inPlace(a, i, b int) bool {
	for k := max(a, i-3); k < i; k++ {
		if _, n := d.lx.place.longest(d.rs, k, b); k+n > i {
			return true
		}
	}
	return false
}

func (d *doc) oneName(a, i, b int) bool {
	rs := d.rs
	e := i + 1
	for e < b && !runeIn("、,和及与", rs[e]) {
		e++
	}
	right := rs[i+1 : e]
	left := rs[a:i]
	if len(right) < 3 || len(left) < 4 || !d.hasHead(right) {
		return false
	}
	if _, n := d.lx.heads.suffix(left, 4); n > 0 {
		return false
	}
	if _, n := d.lx.firmSuf.suffix(left, 5); n > 0 {
		return false
	}
	_, h := d.lx.heads.suffix(right, 4)
	if h > 0 && (d.ownerOpens(left) && d.ownerSplit(right) == 0 || containsAny(left, '的') && d.knownFirmPrefix(right) == 0) {
		// An owner's two products under one head: 丰禾集团果蔬加工及冷链
		// 配送项目, X投资的高纯靶材及溅射材料项目 (what follows has no
		// owner of its own).
		return true
	}
	mod := right[:len(right)-h]
	if k := numeralAt(right, len(right)-2); k == 2 && len(right) > 4 {
		_, h = d.lx.heads.suffix(right[:len(right)-2], 4) // 生产基地一期
		mod = right[:len(right)-2-h]
	}
	return h > 0 && (len(mod) <= 2 || d.allGeneric(mod))
}

// ownerOpens reports whether w opens with an owner and goes on with at
// least two runes of its own: a firm the document named, or a name
// ending in a firm suffix (丰禾集团|果蔬加工).
func (d *doc) ownerOpens(w []rune) bool {
	if k := d.knownFirmPrefix(w); k > 0 && len(w)-k >= 2 {
		return true
	}
	for i := 2; i+2 < len(w); i++ {
		if _, f := d.lx.firmSuf.longest(w, i, len(w)-2); f > 1 && d.genericAt(w, i) == 0 {
			return true
		}
	}
	return false
}

// trimItem removes quotes, lead and trail words and fillers around a name.
func (d *doc) trimItem(a, b int) (int, int) {
	rs := d.rs
	// first is where 项目首 first occurs in rs[a:b] (-1: nowhere), looked
	// up again only when a has moved past it: a only grows and b only
	// shrinks, so that one lookup serves the loop's rounds.
	first := -2
	for changed := true; changed && a < b; {
		changed = false
		for a < b && isQuoteMark(rs[a]) {
			a++
			changed = true
		}
		for a < b && isQuoteMark(rs[b-1]) {
			b--
			changed = true
		}
		if n := d.leadAt(rs, a, b); n > 0 && n < b-a {
			a += n
			changed = true
		}
		if a+5 < b && isDigit(rs[a]) && rs[a+4] == '年' && isDigit(rs[a+3]) {
			// 预计2026年6月一期投产: a date, then what is done then.
			if n := timeAt(rs, a+5, b); n > 0 && a+5+n < b {
				a += 5 + n
				changed = true
			}
		}
		if rs[a] == '以' && b-a > 3 && representedAfter(rs, b) {
			a++ // 以A、B为代表的X企业: A and B
			changed = true
		}
		// A figure in brackets after a name: X（产值86.3亿元）, X（37.2亿元）
		// (normalize has folded the brackets to ASCII).
		if rs[b-1] == ')' {
			if k := lastIndexRune(rs[a:b-1], '('); k > 0 && hasDigit(rs[a+k:b]) {
				b = a + k
				changed = true
			}
		}
		// A date before the stage verb: X基地二期于4月, X项目2月.
		if k := timeBefore(rs, a, b); k < b && k > a+1 {
			b = k
			changed = true
		}
		// The first unit of a project's line: X项目首条产线, X项目首台样机.
		if first == -2 || first >= 0 && first < a {
			first = -1
			if a+2 < b {
				// 首 first (项目 is in most items), in a loop over a
				// piece of rs without bounds checks.
				for i, r := range rs[a+2 : b] {
					if r == '首' && rs[a+i+1] == '目' && rs[a+i] == '项' {
						first = a + i
						break
					}
				}
			}
		}
		if k := first; k > a && k+3 < b && isFirstCounter(rs[k+3]) {
			b = k + 2
			changed = true
		}
		// A count after 项目 or a phase: 碳纤维项目7个, 标准厂房三期12栋.
		if k := b; k-a > 3 && isDigit(rs[k-2]) && runeIn("个项栋座幢", rs[k-1]) {
			k -= 2
			for k > a && isDigit(rs[k-1]) {
				k--
			}
			if k-a > 2 && (has2(rs, k-2, '项', '目') || rs[k-1] == '期') {
				b = k
				changed = true
			}
		}
		if _, n := d.lx.trail.suffix(rs[a:b], 6); n > 0 && n < b-a {
			w := d.runeStr(rs[b-n : b])
			// 一期 and 建设 end names too (智慧停车一期); keep them when the
			// rest would not be a name on its own.
			if w == "一期" {
				break
			}
			b -= n
			changed = true
		}
	}
	return a, b
}

// item classifies one name and records it; it returns the id that carries
// the stage ("" when the name is no firm or project).
// A list's later project without an owner of its own takes the owner of
// the one before (海川全球创新中心及结算中心 → 海川结算中心): inherit is that
// owner's name. item returns the carrier id and its owner's name.
func (d *doc) item(si int, w []rune, hint, stage string, ctx industryCtx, planned, onlyProjects bool, inherit string) (string, string) {
	if isPhase(w) {
		// 一期竣工，二期开工: a phase of the project the sentence is about.
		if d.topic == "" {
			return "", ""
		}
		if stage != "" {
			d.relate(kg.Relation{Subject: d.topic, Predicate: kg.PredStage, Value: stage, Planned: planned}, si)
		}
		return d.topic, ""
	}
	if countFirst(w) {
		return "", "" // 两条进口生产线, 5栋厂房: things counted, not named
	}
	if len(w) >= 4 && (has2(w, len(w)-2, '大', '学') || has2(w, len(w)-2, '学', '院') && !has2(w, len(w)-4, '产', '业')) {
		// 与X大学、Y职业技术学院等院校合作: a school, no project of a firm
		// (a 产业学院 is one).
		d.firm(d.runeStr(w))
		return "", "" // nor what the clause says of the list's firms and projects
	}
	// Cheap tests first: most spans are neither project- nor firm-shaped.
	proj := d.isProjectName(w)
	if !proj && hint == "" && len(w) > 6 {
		// X华北基地新能源车型投产: the project ends at its head; what follows
		// is what it makes.
		var buf [8]match // a few words at most: no allocation
		if hs := d.lx.heads.scan(w, 2, len(w), buf[:0]); len(hs) > 0 {
			if h := hs[len(hs)-1]; h.end-h.start >= 2 && len(w)-h.end <= 6 && h.end >= 4 {
				w = w[:h.end]
				proj = d.isProjectName(w)
			}
		}
	}
	// 其X项目, 对X工厂(实施增资扩产): the project of the firm named last,
	// also known by its bare name.
	var bare []rune
	if len(w) >= 4 && (w[0] == '其' || w[0] == '对') && d.lastFirm != "" && !runeIn("他它余中次实", w[1]) && d.hasHead(w[1:]) {
		bare = w[1:]
		w = append([]rune(d.lastFirm), w[1:]...)
		proj = d.isProjectName(w)
	}
	if !proj && (onlyProjects || hint == "" && !d.isFirmName(w)) {
		return "", ""
	}
	if !d.plausibleName(w) {
		return "", ""
	}
	name := d.runeStr(w)
	if _, n := d.lx.industry.longest(w, 0, len(w)); n == len(w) {
		return "", "" // an industry
	}
	if _, n := d.lx.keyword.longest(w, 0, len(w)); n == len(w) {
		return "", "" // 引进精密轴承、减速器等配套项目: a chain's products
	}
	if len(d.ownIndustries) > 0 && len(w) > 4 && has2(w, len(w)-2, '项', '目') && slices.Contains(d.ownIndustries, d.runeStr(w[:len(w)-2])) {
		return "", "" // 硅基新材料项目完成投资…: the projects of an industry
	}
	if _, n := d.lx.place.longest(w, 0, len(w)); n == len(w) {
		return "", "" // a place
	}
	if _, ok := d.localPlaces[name]; ok || hasZoneSuffix(name) && !d.isProjectName(w) {
		return "", ""
	}
	var carrier, owner, ownerName string
	switch {
	case proj && stage == "签约" && inherit == "" && isAcademy(name) && d.ownerSplit(w) == 0 && !hasDigit(w):
		// A university or academy that signs is a partner, not a project.
		carrier = d.firm(name)
	case proj:
		if onlyProjects && !d.anchored(w) {
			return "", ""
		}
		var proj string
		proj, owner, ownerName = d.project(si, w, inherit)
		if proj == "" {
			return "", ""
		}
		carrier = proj
		if bare != nil && strings.HasPrefix(proj, "project/") {
			d.entity(kg.TypeProject, nameOf(proj), d.runeStr(bare))
		}
		if owner == "" {
			d.inIndustry(proj, ctx, si, w)
		}
	case onlyProjects:
		return "", ""
	case hint == "firm" || hint != "project" && d.isFirmName(w):
		if d.allGeneric(w) {
			return "", "" // 疫苗、药物、试剂等企业
		}
		owner = d.firm(name)
		carrier = owner
	case hint == "project":
		if strings.ContainsRune(name, '之') || d.placePrefix(w) > 0 {
			carrier = d.entity(kg.TypeProject, name, name+"项目")
			if n := d.placePrefix(w); n > 0 && n < len(w) {
				d.locatedIn(carrier, w[:n], si)
			}
			d.inIndustry(carrier, ctx, si, w)
		} else {
			owner = d.firm(name)
			carrier = d.entity(kg.TypeProject, name+"项目", name)
			d.relate(kg.Relation{Subject: owner, Predicate: kg.PredHasProject, Object: carrier}, si)
		}
	default:
		return "", ""
	}
	if owner != "" {
		d.inIndustry(owner, ctx, si, w)
	}
	if stage != "" {
		d.relate(kg.Relation{Subject: carrier, Predicate: kg.PredStage, Value: stage, Planned: planned}, si)
	}
	return carrier, ownerName
}
