package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgraph/kg"
)

// doc is the state of one extraction: the text, what was found so far and
// the index that keeps one entity per thing and one relation per fact.
type doc struct {
	lx   *lexicon
	tax  *Taxonomy
	st   *structure
	rs   []rune
	id   string
	out  *kg.Extraction
	ents map[string]int // entity id → index in out.Entities
	rels map[relKey]int // relation → index in out.Relations
	// sentText caches the text of sentences used as evidence.
	sentText []string
	// focus is where the fact being recorded was read (a rune offset),
	// for evidence from very long sentences.
	focus   int
	firms   map[string]string
	zone    string // the document's own zone (from the title), a place id
	nind    int
	buf     []match
	named   map[*Node]bool // taxonomy nodes the text names
	chained map[*Node]bool // nodes whose subIndustryOf chain is out
	// ownIndustries are the document's own industry names (海洋新能源).
	ownIndustries []string
	// localPlaces are the document's own places (its zone, written short
	// forms) by name: written form → id.
	localPlaces map[string]string
}

// industryRef is an industry the text speaks about: a taxonomy node or a
// name of the document's own.
type industryRef struct {
	id   string
	node *Node
}

// industryCtx is the industry context of a clause: the paragraph's lead
// industry and the section's, narrowest first.
type industryCtx []industryRef

func (e *Extractor) extractText(id, source, text string) *kg.Extraction {
	st := parseStructure(text)
	d := &doc{
		lx: e.lex, tax: e.tax, st: st, rs: st.runes, id: id,
		out: &kg.Extraction{
			Documents:  []kg.Document{},
			Entities:   []kg.Entity{},
			Relations:  make([]kg.Relation, 0, len(st.sents)),
			Indicators: []kg.Indicator{},
		},
		ents: map[string]int{}, rels: map[relKey]int{}, firms: map[string]string{},
		named: map[*Node]bool{}, localPlaces: map[string]string{}, chained: map[*Node]bool{},
	}
	sents := make([]kg.Span, len(st.sents))
	for i, s := range st.sents {
		sents[i] = kg.Span{Start: s.start, End: s.end}
	}
	title := st.title
	if title == "" {
		title = id
	}
	d.out.Documents = append(d.out.Documents, kg.Document{ID: id, Title: title, Year: st.year,
		Source: source, Text: text, Sentences: sents})
	d.findZone()
	d.mentions()
	d.run()
	d.industryMentions()
	return d.out
}

// ---- entities and relations ----

func (d *doc) entity(typ, name string, aliases ...string) string {
	id := idPrefix(typ) + name
	i, ok := d.ents[id]
	if !ok {
		i = len(d.out.Entities)
		d.ents[id] = i
		d.out.Entities = append(d.out.Entities, kg.Entity{ID: id, Type: typ, Name: name, Aliases: []string{}})
	}
	e := &d.out.Entities[i]
	for _, a := range aliases {
		if a == "" || a == e.Name {
			continue
		}
		dup := false
		for _, b := range e.Aliases {
			if a == b {
				dup = true
				break
			}
		}
		if !dup {
			e.Aliases = append(e.Aliases, a)
		}
	}
	return id
}

// idPrefix is the id prefix of an entity type: "enterprise/" for Enterprise.
func idPrefix(typ string) string {
	switch typ {
	case kg.TypeEnterprise:
		return "enterprise/"
	case kg.TypeOrganization:
		return "organization/"
	case kg.TypeProject:
		return "project/"
	case kg.TypeProduct:
		return "product/"
	case kg.TypeIndustry:
		return "industry/"
	case kg.TypePlace:
		return "place/"
	}
	return strings.ToLower(typ) + "/"
}

// maxEvidence is the longest evidence span, in runes: a fact read from a
// longer sentence (a converted table, text without punctuation) cites the
// window around where it was read.
const maxEvidence = 300

func (d *doc) evidence(sent int) []kg.Evidence {
	if sent < 0 || sent >= len(d.st.sents) {
		return []kg.Evidence{}
	}
	s := d.st.sents[sent]
	if s.end-s.start > maxEvidence {
		a := s.start
		if d.focus > s.start && d.focus < s.end {
			a = max(s.start, d.focus-maxEvidence/2)
		}
		b := min(s.end, a+maxEvidence)
		return []kg.Evidence{{Document: d.id, Sentence: sent, Start: a, End: b, Text: string(d.rs[a:b])}}
	}
	if d.sentText == nil {
		d.sentText = make([]string, len(d.st.sents))
	}
	if d.sentText[sent] == "" {
		d.sentText[sent] = string(d.rs[s.start:s.end])
	}
	return []kg.Evidence{{Document: d.id, Sentence: sent, Start: s.start, End: s.end, Text: d.sentText[sent]}}
}

// relKey identifies a fact: one relation per subject, predicate and object
// or value.
type relKey struct{ s, p, o, v string }

func (d *doc) relate(r kg.Relation, sent int) {
	if r.Subject == "" || r.Subject == r.Object {
		return
	}
	key := relKey{r.Subject, r.Predicate, r.Object, r.Value}
	if i, ok := d.rels[key]; ok {
		// A fact stated as done wins over the same fact stated as a plan.
		if !r.Planned {
			d.out.Relations[i].Planned = false
		}
		return
	}
	if r.Confidence == 0 {
		r.Confidence = 0.9
	}
	r.Year = d.st.year
	r.Evidence = d.evidence(sent)
	d.rels[key] = len(d.out.Relations)
	d.out.Relations = append(d.out.Relations, r)
}

// industry makes sure an industry entity exists, with its chain up the
// taxonomy (subIndustryOf to the parent ids).
func (d *doc) industry(ref industryRef, written string, sent int) {
	if ref.node == nil {
		d.entity(kg.TypeIndustry, strings.TrimPrefix(ref.id, "industry/"), written)
		return
	}
	n := ref.node
	alias := written
	if alias == n.Name {
		alias = ""
	}
	d.entity(kg.TypeIndustry, n.Name, alias)
	d.chain(n, sent)
}

// chain records the subIndustryOf edges from n up to its root, once.
func (d *doc) chain(n *Node, sent int) {
	if d.chained[n] {
		return
	}
	d.chained[n] = true
	for c := n; c.Parent != nil; c = c.Parent {
		d.relate(kg.Relation{Subject: c.ID, Predicate: kg.PredSubIndustryOf, Object: c.Parent.ID, Confidence: 1}, sent)
	}
}

// firm registers an enterprise or organization under its short name.
func (d *doc) firm(name string) string {
	name = trimQuotes(name)
	short := name
	var alias string
	if d.hasLegalSuffix(name) {
		if s := d.knownShort(name); s != "" && s != name {
			short, alias = s, name
		}
	}
	typ := kg.TypeEnterprise
	if d.isOrgName([]rune(short)) {
		typ = kg.TypeOrganization
	}
	id := d.entity(typ, short, alias)
	d.firms[short] = id
	if alias != "" {
		d.firms[alias] = id
	}
	return id
}

func (d *doc) hasLegalSuffix(name string) bool {
	return strings.HasSuffix(name, "公司") || strings.HasSuffix(name, "集团") || strings.HasSuffix(name, "Ltd.") ||
		strings.HasSuffix(name, "Inc.") || strings.HasSuffix(name, "GmbH")
}

func (d *doc) isOrgName(rs []rune) bool {
	if len(rs) < 2 {
		return false
	}
	_, n := d.lx.orgSuf.suffix(rs, 4)
	if n == 0 {
		return false
	}
	// 总部, 全部, 内部 end in 部 but are not bodies.
	if n == 1 && len(rs) >= 2 && strings.ContainsRune("总全内外东西南北中干局", rs[len(rs)-2]) {
		return false
	}
	return true
}

// ---- the document ----

// findZone reads the zone or district the report is about from its title
// (某某经济技术开发区管委会…工作总结 → 某某经济技术开发区, 深圳市坪山区2023年…
// → 坪山区) and remembers its short forms (坪山, 经开区).
func (d *doc) findZone() {
	t := []rune(d.st.title)
	// The title up to the year or the office.
	end := len(t)
	for i, r := range t {
		if isDigit(r) {
			end = i
			break
		}
	}
	head := string(t[:end])
	for _, office := range []string{"党工委", "管委会", "人民政府", "政府", "管理委员会"} {
		if k := strings.Index(head, office); k > 0 {
			head = head[:k]
		}
	}
	hr := []rune(head)
	if len(hr) < 2 || len(hr) > 24 {
		return
	}
	// Drop the city in front of a district (深圳市|坪山区).
	var parent string
	if v, n := d.lx.place.longest(hr, 0, len(hr)); n > 0 && n < len(hr)-1 && !hasZoneSuffix(string(hr)) {
		parent = d.lx.places[v].name
		hr = hr[n:]
	}
	name := string(hr)
	if !hasZoneSuffix(name) && !strings.HasSuffix(name, "区") && !strings.HasSuffix(name, "县") {
		return
	}
	if v, n := d.lx.place.longest(hr, 0, len(hr)); n == len(hr) {
		name = d.lx.places[v].name
	}
	d.zone = d.entity(kg.TypePlace, name)
	d.localPlaces[name] = d.zone
	if parent != "" {
		d.relate(kg.Relation{Subject: d.zone, Predicate: kg.PredPartOf, Object: "place/" + parent, Confidence: 1}, 0)
	}
	// Short forms: 坪山区 → 坪山; 南京江北新区 → 江北新区; …经济技术开发区 → 经开区.
	rn := []rune(name)
	if _, n := d.lx.place.longest(rn, 0, len(rn)); n > 0 && len(rn)-n >= 3 {
		d.localPlaces[string(rn[n:])] = d.zone
	}
	if strings.HasSuffix(name, "区") && !hasZoneSuffix(name) && len(rn) >= 3 {
		d.localPlaces[string(rn[:len(rn)-1])] = d.zone
	}
	for _, short := range []string{"经开区", "开发区", "高新区", "新区"} {
		if isShortOf(short, name) {
			d.localPlaces[short] = d.zone
		}
	}
}

func hasZoneSuffix(s string) bool {
	for _, suf := range []string{"开发区", "高新区", "新区", "经开区", "自贸区", "保税区", "园区"} {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

func (d *doc) run() {
	var secCtx [6]industryRef
	for pi := range d.st.paras {
		p := &d.st.paras[pi]
		if p.title {
			continue
		}
		if p.heading {
			if p.level > 0 && p.level < len(secCtx) {
				for l := p.level; l < len(secCtx); l++ {
					secCtx[l] = industryRef{}
				}
				if ref, ok := d.leadIndustry(p.start, p.end, p.first, true, true); ok {
					secCtx[p.level] = ref
				}
			}
			continue
		}
		var sec industryRef
		for l := len(secCtx) - 1; l > 0; l-- {
			if secCtx[l].id != "" {
				sec = secCtx[l]
				break
			}
		}
		var lead industryRef
		for si := p.first; si < p.lim; si++ {
			s := d.st.sents[si]
			if ref, ok := d.leadIndustry(s.start, s.end, si, si == p.first, false); ok {
				lead = ref
			}
			// The paragraph's own lead wins over its section's.
			var ctx industryCtx
			if lead.id != "" {
				ctx = append(ctx, lead)
			} else if sec.id != "" {
				ctx = append(ctx, sec)
			}
			d.sentence(si, ctx, p.planned)
			d.indicators(si)
		}
	}
}

// leadIndustry reads an industry named at the start of a sentence or
// heading (新一代信息技术产业做强做优。数字经济高质量发展，…) or a short
// lead that is a section title of its own ((一)创新药。半导体及集成电路。).
func (d *doc) leadIndustry(start, end, sent int, first, heading bool) (industryRef, bool) {
	rs := d.rs
	i := start
	if first {
		if _, n := sectionMarkerRunes(rs[i:min(end, i+12)]); n > 0 {
			i += n
		}
	}
	if _, n := d.lx.lead.longest(rs, i, end); n == 2 && rs[i+1] == '是' {
		i += n // 一是…
	}
	for i < end && (rs[i] == ' ' || rs[i] == '“' || rs[i] == '"') {
		i++
	}
	// A short title sentence: 半导体及集成电路。新能源。
	e := end
	for e > i && strings.ContainsRune("。！？!?", rs[e-1]) {
		e--
	}
	if first && e-i >= 2 && e-i <= 16 && e < end && !containsAny(rs[i:e], "，,；：、") {
		w := trimIndustrySuffix(rs[i:e])
		if node := d.industryPhrase(w); node != nil {
			return d.docIndustry(w, node, sent), true
		}
	}
	clauseEnd := i
	for clauseEnd < end && !strings.ContainsRune("，。；：,;", rs[clauseEnd]) {
		clauseEnd++
	}
	if v, n := d.lx.industry.longest(rs, i, clauseEnd); n > 0 {
		j := i + n
		k := j
		for _, suf := range []string{"产业链", "产业集群", "产业", "领域", "集群", "板块", "行业"} {
			if hasAt(rs, k, suf) {
				k += runeLen(suf)
				break
			}
		}
		node := d.lx.nodes[v]
		switch {
		case k < end && strings.ContainsRune("、和与及”", rs[k]):
		case node.Parent == nil:
			// the root (高精尖产业) is no chain of its own
		case k == j && !strings.HasSuffix(string(rs[i:j]), "产业") && (j < clauseEnd && isHan(rs[j])) &&
			(indexRunes(rs, j, clauseEnd, "产业") >= 0 || !heading && !hasGrowthWord(rs[j:clauseEnd])):
			// the name goes on (光电子信息产业): read it below
		default:
			return d.docIndustry(trimIndustrySuffix(rs[i:j]), node, sent), true
		}
	}
	// W产业 at the start of a short lead: an industry of the document's own.
	lim := min(end, i+14)
	for j := i + 2; j+1 < lim; j++ {
		if rs[j] != '产' || rs[j+1] != '业' {
			continue
		}
		w := rs[i:j]
		if !allHan(w) || len(w) > 10 {
			return industryRef{}, false
		}
		for x := range w {
			if _, n := d.lx.indStop.longest(w, x, len(w)); n > 0 {
				return industryRef{}, false
			}
		}
		if _, n := d.lx.lead.longest(w, 0, len(w)); n > 0 {
			return industryRef{}, false
		}
		k := j + 2
		if k < end && strings.ContainsRune("、和与及链", rs[k]) {
			return industryRef{}, false
		}
		// The lead is short: the industry and a short predicate.
		stop := k
		for stop < end && !strings.ContainsRune("，。；：,;", rs[stop]) {
			stop++
		}
		if !heading && (stop-k > 16 || !hasGrowthWord(rs[k:min(stop, k+6)]) || hasAt(rs, k, "加速器") || hasAt(rs, k, "孵化器") || hasAt(rs, k, "园")) {
			return industryRef{}, false
		}
		if d.placePrefix(w) > 0 {
			return industryRef{}, false // 坪山生物医药产业加速器 names a park
		}
		var node *Node
		if ms := d.lx.industry.scan(w, 0, len(w), nil); len(ms) > 0 {
			node = d.lx.nodes[ms[0].val]
		}
		return d.docIndustry(w, node, sent), true
	}
	return industryRef{}, false
}

// industryPhrase returns the first taxonomy node of a phrase made only of
// industry names and connectors (半导体及集成电路, 光子与增材制造), nil for
// anything else.
func (d *doc) industryPhrase(w []rune) *Node {
	var first *Node
	for i := 0; i < len(w); {
		if v, n := d.lx.industry.longest(w, i, len(w)); n > 0 {
			if first == nil {
				first = d.lx.nodes[v]
			}
			i += n
			continue
		}
		if strings.ContainsRune("及与和、", w[i]) && i > 0 && i+1 < len(w) {
			i++
			continue
		}
		return nil
	}
	return first
}

// trimIndustrySuffix removes 产业, 产业链, 产业集群 from the end of a name.
func trimIndustrySuffix(w []rune) []rune {
	for _, suf := range []string{"产业集群", "产业链", "产业", "集群", "领域"} {
		n := runeLen(suf)
		if len(w) > n+1 && hasAt(w, len(w)-n, suf) {
			return w[:len(w)-n]
		}
	}
	return w
}

// docIndustry records an industry under the name the document uses: the
// taxonomy node itself when the name is the node's, else an entity of its
// own linked into the taxonomy (subIndustryOf the node).
func (d *doc) docIndustry(w []rune, node *Node, sent int) industryRef {
	name := string(w)
	if v, n := d.lx.industry.longest(w, 0, len(w)); n == len(w) {
		node = d.lx.nodes[v] // a name or alias of the node: the node itself
		ref := industryRef{id: node.ID, node: node}
		d.industry(ref, name, sent)
		return ref
	}
	id := d.entity(kg.TypeIndustry, name)
	d.ownIndustries = append(d.ownIndustries, name)
	if node != nil {
		// Linked into the taxonomy by relations only: the taxonomy's own
		// nodes are loaded once by the graph (Taxonomy.Graph).
		d.relate(kg.Relation{Subject: id, Predicate: kg.PredSubIndustryOf, Object: node.ID, Confidence: 0.8}, sent)
		d.chain(node, sent)
	}
	return industryRef{id: id, node: node}
}

// hasGrowthWord reports whether a lead's predicate speaks of an industry's
// development (做强做优, 加速推进, 平稳增长, 成为新增长极).
func hasGrowthWord(rs []rune) bool {
	s := string(rs)
	for _, w := range []string{"发展", "增长", "推进", "突破", "做强", "做优", "做大", "壮大", "提速", "成为",
		"加速", "集聚", "培育", "聚集", "稳步", "快速", "持续", "蓬勃", "迈上", "实现", "提升", "取得", "领跑", "提质",
		"升级", "起步", "崛起", "发力", "跃升", "巩固", "增效", "加快", "成势", "成链", "扩容", "领先", "突围",
		"齐升", "扩量", "延伸", "挺起", "转型", "蓄势", "跨越", "营收", "产值", "规模", "能级", "集聚",
		"活力", "迸发", "繁荣", "兴起", "活跃"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// isClauseEnd reports whether r ends a clause.
func isClauseEnd(r rune) bool {
	switch r {
	case '，', '；', '：', ',', ';', ':', '。', '！', '？', '!', '?':
		return true
	}
	return false
}

func hasAt(rs []rune, i int, s string) bool {
	for _, r := range s {
		if i >= len(rs) || rs[i] != r {
			return false
		}
		i++
	}
	return true
}

func allHan(rs []rune) bool {
	for _, r := range rs {
		if !isHan(r) {
			return false
		}
	}
	return len(rs) > 0
}

// sentence reads the facts of one sentence, clause by clause.
func (d *doc) sentence(si int, ctx industryCtx, planned bool) {
	s := d.st.sents[si]
	rs := d.rs
	cs := s.start
	if s.start == d.st.paras[s.para].start {
		if _, n := sectionMarkerRunes(rs[cs:min(s.end, cs+12)]); n > 0 {
			cs += n
		}
	}
	sentPlanned := planned
	for i := cs; i <= s.end; i++ {
		if i < s.end && !isClauseEnd(rs[i]) {
			continue
		}
		if i > cs {
			pl := d.planned(cs, i)
			if pl && rs[min(i, s.end-1)] != '，' {
				sentPlanned = true
			}
			d.clause(si, cs, i, ctx, sentPlanned || pl)
		}
		cs = i + 1
	}
}

// planned reports whether a clause states a plan (将, 计划, 力争, 拟 …).
func (d *doc) planned(a, b int) bool {
	rs := d.rs
	for i := a; i < b; i++ {
		_, n := d.lx.plan.longest(rs, i, b)
		if n == 0 {
			continue
		}
		w := string(rs[i : i+n])
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
			if next == '“' || next == '其' || next == '之' || next == '近' || i+n >= b || prev == '即' {
				continue
			}
		case "拟":
			if prev == '模' || prev == '虚' || prev == '草' {
				continue
			}
		case "计划":
			if next == 0 || strings.ContainsRune("、，。；”", next) || prev == '划' {
				continue
			}
			if i+n+1 < b && (rs[i+n] == '和' || rs[i+n] == '与') {
				continue
			}
		case "预计":
			// 预计 before a figure is an estimate of this year, not a plan.
			continue
		}
		return true
	}
	return false
}

// ---- one clause ----

type seg struct{ a, b int }

func (d *doc) clause(si, a, b int, ctx industryCtx, planned bool) {
	rs := d.rs
	d.focus = a
	d.develops(si, a, b, ctx)
	d.firmPatterns(si, a, b, ctx)
	// Strip the verbs and adverbs that open the clause.
	start, _ := d.stripLead(a, b)
	lead := start > a
	done := indexRunes(rs, a, start, "完成") >= 0
	var where string
	if hasAt(rs, start, "位于") {
		// 位于X的Y: Y is in X.
		if k := indexRunes(rs, start+2, b, "的"); k > 0 {
			where = d.placeSpan(start+2, k)
			start = k + 1
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
	ms := d.lx.stage.scan(rs, start, b, d.buf[:0])
	// Drop stage words that are part of a name (扩产项目, 建设者).
	deng := indexRunes(rs, start, b, "等")
	kept := ms[:0]
	for _, m := range ms {
		hasDeng := deng >= 0 && deng < m.start
		if m.end < b {
			nx := rs[m.end]
			if !hasDeng && (hasAt(rs, m.end, "项目") || hasAt(rs, m.end, "工程")) {
				continue
			}
			if strings.ContainsRune("者用单方性规资投", nx) && stageWords[m.val].word == "建设" {
				continue
			}
			if stageWords[m.val].word == "挂牌" && hasAt(rs, m.end, "上市") {
				continue
			}
			// After its object a stage verb ends the clause or is followed
			// by another verb or a list (落地运营, 开工、…); else it is a noun
			// (建设三年行动计划, 工程建设和…).
			pre := stageWords[m.val].pre && !stageWords[m.val].both
			if m.start > start && !pre && !d.stageFollower(m.end, b) && !(hasDeng && (hasAt(rs, m.end, "项目") || hasAt(rs, m.end, "企业"))) {
				continue
			}
			if hasDeng && hasAt(rs, m.end, "项目") && len(d.lx.stage.scan(rs, m.end+2, min(b, m.end+32), nil)) > 0 {
				continue // 等企业增资扩产项目落地: 落地 is the verb
			}
		}
		kept = append(kept, m)
	}
	ms = kept
	if len(ms) == 0 {
		// No stage: firms listed as 企业 (X、Y等企业实施智能化改造) and projects
		// named after a governing verb (加快推进临港物流基地转型升级) still count.
		if k := indexRunes(rs, start+2, b, "等"); k > 0 && (indexRunes(rs, k, min(b, k+12), "企业") > 0) {
			d.items(si, seg{start, k + 1}, b, "", ctx, planned, false)
		} else if lead && len(d.lx.heads.scan(rs, start, b, nil)) > 0 {
			d.items(si, seg{start, b}, b, "", ctx, planned, true)
		}
		return
	}
	// A verb before its object: 建成X, 打造X, 布局X.
	if m := ms[0]; m.start == start && (stageWords[m.val].pre || stageWords[m.val].both) && !(m.end < b && strings.ContainsRune("后前时的", rs[m.end])) {
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
			// 打造/布局 in the middle: what follows is its object.
			end := b
			if k+1 < len(ms) {
				end = ms[k+1].start
			}
			d.items(si, seg{m.end, end}, b, stage, ctx, planned, false)
			prev = end
			continue
		}
		for prev < m.start && strings.ContainsRune("并和及、", rs[prev]) {
			prev++
		}
		if m.start <= prev {
			// Verbs in a row (落地运营, 竣工验收并试生产): the same objects.
			for _, id := range last {
				d.relate(kg.Relation{Subject: id, Predicate: kg.PredStage, Value: stage, Planned: planned}, si)
			}
			prev = m.end
			continue
		}
		segEnd := m.start
		for _, v := range []string{"获批", "入选", "获评", "被评为", "成为"} {
			if k := indexRunes(rs, prev+2, segEnd, v); k > 0 {
				segEnd = k // 白马湖实验室获批省实验室并揭牌运行
			}
		}
		last = d.items(si, seg{prev, segEnd}, b, stage, ctx, planned, false)
		prev = m.end
		if stage == "落地" || stage == "入驻" || stageWords[m.val].word == "签约落户" {
			// 入驻光谷生物城, 落户软件新城: the place follows the verb.
			end := b
			if k+1 < len(ms) {
				end = ms[k+1].start
			}
			if pid := d.placeSpan(m.end, end); pid != "" {
				for _, id := range last {
					d.relate(kg.Relation{Subject: id, Predicate: kg.PredLocatedIn, Object: pid}, si)
				}
				prev = end
			}
		}
		for prev < b && strings.ContainsRune("、和及与并", rs[prev]) {
			prev++
		}
	}
}

// stageFollower reports whether what follows a stage verb at i lets it
// be the verb of its clause.
func (d *doc) stageFollower(i, b int) bool {
	rs := d.rs
	if i >= b {
		return true
	}
	if strings.ContainsRune("、等了并”\"", rs[i]) {
		return true
	}
	if _, n := d.lx.stage.longest(rs, i, b); n > 0 {
		return true
	}
	if name, _ := d.placeName(i, b); name != "" {
		return true
	}
	for _, w := range []string{"发电", "成功", "顺利", "运行", "使用", "生产", "达产", "仪式", "活动", "工作"} {
		if hasAt(rs, i, w) {
			return true
		}
	}
	return false
}

// stripLead skips the verbs and adverbs that open a clause and returns the
// new start.
func (d *doc) stripLead(a, b int) (int, bool) {
	rs := d.rs
	i := a
	for i < b {
		_, n := d.lx.lead.longest(rs, i, b)
		if n == 0 {
			break
		}
		i += n
	}
	return i, i > a
}

// items reads the list of names in s, gives them the stage and the
// industry context, and returns the ids that carry the stage.
func (d *doc) items(si int, s seg, clauseEnd int, stage string, ctx industryCtx, planned, onlyProjects bool) []string {
	rs := d.rs
	// X等一批项目 / X等6家企业: the names are before 等, the kind after.
	hint := ""
	var distributive []rune
	for k := s.a + 1; k < s.b; k++ {
		if rs[k] != '等' {
			continue
		}
		desc := string(rs[k:min(clauseEnd, k+24)])
		switch {
		case strings.Contains(desc, "企业") || strings.Contains(desc, "公司"):
			hint = "firm"
			// X、Y等企业研发中心: each firm's own project.
			if e := indexRunes(rs, k, s.b, "企业"); e > 0 && s.b-(e+2) >= 2 {
				if a, b := d.trimItem(e+2, s.b); b-a >= 2 && d.hasHead(rs[a:b]) {
					distributive = rs[a:b]
				}
			}
		case strings.Contains(desc, "项目"):
			hint = "project"
		}
		s.b = k
		break
	}
	// X、Y两个项目 / X、Y三家企业: a count ends the list like 等 does.
	if hint == "" {
		for k := s.a + 2; k < s.b; k++ {
			if n := numeralAt(rs[:s.b], k); n > 0 && (rs[k+n-1] == '个' || rs[k+n-1] == '家' || rs[k+n-1] == '批') {
				rest := string(rs[k+n : min(s.b, k+n+8)])
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
	// X在Y竣工: Y is where.
	where := ""
	for k := s.a + 2; k < s.b-1; k++ {
		if rs[k] == '在' || rs[k] == '于' {
			if pid := d.placeSpan(k+1, s.b); pid != "" {
				where = pid
				s.b = k
			}
			break
		}
	}
	var ids []string
	owner := ""
	for _, it := range d.splitList(s) {
		a, b := d.trimItem(it.a, it.b)
		if b-a < 2 {
			continue
		}
		// 总投资50亿元的X项目, 由Y承建的X: the name follows the last 的.
		if k := lastIndexRune(rs[a:b], '的'); k >= 0 && b-(a+k+1) >= 2 {
			a, b = d.trimItem(a+k+1, b)
		}
		w := d.resolveLegal(rs[a:b])
		if len(w) < 2 || len(w) > 30 {
			continue
		}
		if distributive != nil && d.firmLike(w) && !d.isProjectName(w) {
			firm := d.firm(string(w))
			d.inIndustry(firm, ctx, si, w)
			w = append(append([]rune{}, w...), distributive...)
		}
		id, o := d.item(si, w, hint, stage, ctx, planned, onlyProjects, owner)
		if id != "" {
			ids = append(ids, id)
			if where != "" {
				d.relate(kg.Relation{Subject: id, Predicate: kg.PredLocatedIn, Object: where}, si)
			}
		}
		owner = o
	}
	return ids
}

// splitList splits on 、 and on 及/以及/和/与 outside industry names
// (生物技术和大健康 stays one).
func (d *doc) splitList(s seg) []seg {
	rs := d.rs
	var out []seg
	a := s.a
	for i := s.a; i < s.b; i++ {
		if _, n := d.lx.industry.longest(rs, i, s.b); n > 1 {
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
		case (rs[i] == '及' || rs[i] == '和' || rs[i] == '与') && i-a >= 2 && s.b-i > 2:
			out = append(out, seg{a, i})
			a = i + 1
		}
	}
	return append(out, seg{a, s.b})
}

// trimItem removes quotes, lead and trail words and fillers around a name.
func (d *doc) trimItem(a, b int) (int, int) {
	rs := d.rs
	for changed := true; changed && a < b; {
		changed = false
		for a < b && strings.ContainsRune("“”\"'‘’《》「」 ", rs[a]) {
			a++
			changed = true
		}
		for a < b && strings.ContainsRune("“”\"'‘’《》「」 ", rs[b-1]) {
			b--
			changed = true
		}
		if _, n := d.lx.lead.longest(rs, a, b); n > 0 && n < b-a {
			a += n
			changed = true
		}
		if _, n := d.lx.trail.suffix(rs[a:b], 6); n > 0 && n < b-a {
			w := string(rs[b-n : b])
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
	// Cheap tests first: most spans are neither project- nor firm-shaped.
	proj := d.isProjectName(w)
	if !proj && (onlyProjects || hint == "" && !d.isFirmName(w)) {
		return "", ""
	}
	if !d.plausibleName(w) {
		return "", ""
	}
	name := string(w)
	if _, n := d.lx.industry.longest(w, 0, len(w)); n == len(w) {
		return "", "" // an industry
	}
	if _, n := d.lx.place.longest(w, 0, len(w)); n == len(w) {
		return "", "" // a place
	}
	if _, ok := d.localPlaces[name]; ok || hasZoneSuffix(name) && !d.isProjectName(w) {
		return "", ""
	}
	var carrier, owner, ownerName string
	switch {
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

// anchored reports whether a project name carries a place or a firm the
// document named before: without a stage verb only such names count.
func (d *doc) anchored(w []rune) bool {
	if n := d.placePrefix(w); n > 0 && n < len(w) {
		return true
	}
	return d.knownFirmPrefix(w) > 0
}

// knownFirmPrefix returns the rune length of the longest firm the document
// already named that w starts with (shorter than w), or 0.
func (d *doc) knownFirmPrefix(w []rune) int {
	if len(d.firms) == 0 || len(w) < 3 {
		return 0
	}
	// One conversion; prefixes are cut at rune boundaries of it.
	s := string(w[:min(len(w)-1, 16)])
	var ends [17]int
	n, off := 0, 0
	for _, r := range w[:min(len(w)-1, 16)] {
		off += utf8.RuneLen(r)
		n++
		ends[n] = off
	}
	for k := n; k >= 2; k-- {
		if _, ok := d.firms[s[:ends[k]]]; ok {
			return k
		}
	}
	return 0
}

// plausibleName rejects spans that are clauses rather than names.
func (d *doc) plausibleName(w []rune) bool {
	if len(w) < 2 {
		return false
	}
	han := 0
	for i, r := range w {
		switch {
		case isHan(r):
			han++
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("()+-.·& ", r)):
		case strings.ContainsRune("（）·", r):
		default:
			return false
		}
		if r == '的' || r == '了' || r == '在' {
			return false
		}
		if hasAt(w, i, "达到") || hasAt(w, i, "建成后") {
			return false
		}
		// A count (22个, 6家) inside is a phrase, not a name.
		if isDigit(r) && i+1 < len(w) && strings.ContainsRune("个家项名处批", w[i+1]) &&
			!(i+2 < len(w) && w[i+1] == '项' && w[i+2] == '目') && !(i > 0 && w[i-1] < 0x80 && unicode.IsLetter(w[i-1])) {
			return false
		}
		if i > 0 {
			if _, n := d.lx.inner.longest(w, i, len(w)); n >= 2 {
				return false
			}
		}
	}
	return true
}

func (d *doc) isProjectName(w []rune) bool {
	if _, n := d.lx.heads.suffix(w, 4); n > 0 && n < len(w) {
		return true
	}
	// A code or a version at the end: K30, 2.0.
	last := w[len(w)-1]
	if last < 0x80 && (unicode.IsDigit(last) || unicode.IsLetter(last)) {
		k := len(w) - 1
		for k > 0 && w[k-1] < 0x80 && (unicode.IsLetter(w[k-1]) || unicode.IsDigit(w[k-1]) || w[k-1] == '.') {
			k--
		}
		return k > 0 && isHan(w[k-1]) && hasDigit(w[k:])
	}
	return false
}

func hasDigit(rs []rune) bool {
	for _, r := range rs {
		if isDigit(r) {
			return true
		}
	}
	return false
}

func (d *doc) isFirmName(w []rune) bool {
	if _, n := d.lx.firmSuf.suffix(w, 5); n > 0 && n < len(w) {
		return true
	}
	if _, ok := d.firms[string(w)]; ok {
		return true
	}
	// An English name (ABB, IBM).
	for _, r := range w {
		if !(r < 0x80 && (unicode.IsUpper(r) || unicode.IsDigit(r) || r == '&' || r == '-')) {
			return false
		}
	}
	return len(w) >= 2 && !unicode.IsDigit(w[0])
}

func (d *doc) placePrefix(w []rune) int {
	_, n := d.lx.place.longest(w, 0, len(w))
	for name := range d.localPlaces {
		if k := runeLen(name); k > n && k < len(w) && hasAt(w, 0, name) && !isZoneShort(name) {
			n = k
		}
	}
	return n
}

// isZoneShort reports whether name is a generic short form (经开区, 新区)
// rather than a proper name.
func isZoneShort(name string) bool {
	switch name {
	case "经开区", "开发区", "高新区", "新区":
		return true
	}
	return false
}

// project records a project name: its place prefix (locatedIn) or its
// owner prefix (hasProject). It returns the project id and the owner id.
func (d *doc) project(si int, w []rune, inherit string) (proj, owner, ownerName string) {
	name := string(w)
	if n := d.placePrefix(w); n > 0 && n < len(w) && !d.orgInside(w) {
		if d.isCategory(w[n:]) && d.isCategory(w) {
			return "", "", ""
		}
		proj = d.entity(kg.TypeProject, name)
		d.locatedIn(proj, w[:n], si)
		rest := w[n:]
		if d.genericAt(rest, 0) > 0 {
			return proj, "", ""
		}
		if k := d.ownerSplit(rest); k > 0 {
			ownerName = string(rest[:k])
		}
	} else if k := d.ownerSplit(w); k > 0 {
		ownerName = string(w[:k])
		proj = d.entity(kg.TypeProject, name)
	} else if inherit != "" && d.genericAt(w, 0) > 0 && d.allGeneric(w) {
		ownerName = inherit
		proj = d.entity(kg.TypeProject, inherit+name, name)
	} else {
		if d.isCategory(w) {
			return "", "", ""
		}
		proj = d.entity(kg.TypeProject, name)
	}
	if ownerName != "" {
		owner = d.firm(ownerName)
		d.relate(kg.Relation{Subject: owner, Predicate: kg.PredHasProject, Object: proj}, si)
	}
	return proj, owner, ownerName
}

func (d *doc) locatedIn(id string, place []rune, si int) {
	v, n := d.lx.place.longest(place, 0, len(place))
	if n != len(place) {
		return
	}
	p := d.lx.places[v]
	if !d.local(p) {
		return // a province or city in front of a name is part of the name
	}
	pid := d.entity(kg.TypePlace, p.name, string(place))
	d.relate(kg.Relation{Subject: id, Predicate: kg.PredLocatedIn, Object: pid}, si)
}

// local reports whether a gazetteer place is below the level of cities
// (a district, town, street or zone).
func (d *doc) local(p place) bool {
	if p.parent == "" {
		return false
	}
	if strings.HasSuffix(p.name, "区") || strings.HasSuffix(p.name, "县") || strings.HasSuffix(p.name, "镇") ||
		strings.HasSuffix(p.name, "乡") || strings.HasSuffix(p.name, "街道") {
		return true
	}
	for _, q := range d.lx.places {
		if q.name == p.parent {
			return q.parent != ""
		}
	}
	return true
}

// genericAt returns the length of the generic word (or numeral, or code)
// at w[i], 0 if none.
func (d *doc) genericAt(w []rune, i int) int {
	if i >= len(w) {
		return 0
	}
	if n := numeralAt(w, i); n > 0 {
		return n
	}
	if w[i] < 0x80 && (unicode.IsLetter(w[i]) || unicode.IsDigit(w[i])) {
		k := i
		for k < len(w) && w[k] < 0x80 && (unicode.IsLetter(w[k]) || unicode.IsDigit(w[k]) || w[k] == '.') {
			k++
		}
		return k - i
	}
	_, n := d.lx.generic.longest(w, i, len(w))
	return n
}

// numeralAt matches 两个, 三期, 六大, 20个 at w[i].
func numeralAt(w []rune, i int) int {
	k := i
	for k < len(w) && (strings.ContainsRune("一二三四五六七八九十两百千万", w[k]) || isDigit(w[k])) {
		k++
	}
	if k > i && k < len(w) && strings.ContainsRune("个期大座栋批号", w[k]) {
		return k - i + 1
	}
	return 0
}

// isCategory reports whether a project name only names a kind of facility
// (绿色工厂, 国家级平台): generic words only, no industry name, no phase.
func (d *doc) isCategory(w []rune) bool {
	if !d.allGeneric(w) {
		return false
	}
	for i := 0; i < len(w); i++ {
		if n := numeralAt(w, i); n > 0 && w[i+n-1] == '期' {
			return false
		}
		if _, n := d.lx.industry.longest(w, i, len(w)); n > 0 {
			return false
		}
	}
	return true
}

// allGeneric reports whether a name is made of generic words only (绿色工厂).
func (d *doc) allGeneric(w []rune) bool {
	for i := 0; i < len(w); {
		n := d.genericAt(w, i)
		if n == 0 || (n > 0 && w[i] < 0x80) {
			return false
		}
		i += n
	}
	return true
}

// ownerSplit finds where an owner's name ends and its project begins
// (海川|全球创新中心, 海澜达|K30, 联创中心|整车试验室, OPPO|成都研发中心);
// 0 when the name has no owner.
func (d *doc) ownerSplit(w []rune) int {
	// A firm the document already named.
	if k := d.knownFirmPrefix(w); k > 0 {
		return k
	}
	// An English name: OPPO|成都研发中心, vivo|全球AI研发中心.
	if w[0] < 0x80 && unicode.IsLetter(w[0]) {
		k := 0
		for k < len(w) && w[k] < 0x80 && (unicode.IsLetter(w[k]) || unicode.IsDigit(w[k]) || w[k] == '&' || w[k] == '-') {
			k++
		}
		// A bare phase (NAND三期) names a product line, not an owner.
		letters := 0
		for _, r := range w[:k] {
			if unicode.IsLetter(r) {
				letters++
			}
		}
		if letters >= 2 && k < len(w) && isHan(w[k]) && d.restIsProject(w[k:]) && numeralAt(w, k) == 0 {
			return k
		}
		return 0
	}
	// A place after the owner: 英特尔|成都封装测试基地, 航天科工|武汉产业基地.
	for i := 2; i < len(w)-2; i++ {
		if _, n := d.lx.place.longest(w, i, len(w)); n > 0 && i+n < len(w) && isHan(w[i+n]) &&
			d.hasHead(w[i+n:]) && !d.allGeneric(w[:i]) && d.ownerLike(w[:i]) {
			return i
		}
	}
	if d.genericAt(w, 0) > 0 && !d.regionAt(w) {
		return 0
	}
	for i := 2; i < len(w)-1; i++ {
		// A government body or a university: 国家林草局|三大中心, 某某大学|创新港二期.
		if strings.ContainsRune("局委", w[i]) && len(w)-i > 2 && d.isOrgName(w[:i+1]) {
			return i + 1
		}
		if i+2 < len(w) && (hasAt(w, i, "大学") || hasAt(w, i, "集团") || hasAt(w, i, "公司") || hasAt(w, i, "医院") || hasAt(w, i, "学院")) && d.hasHead(w[i+2:]) {
			return i + 2
		}
	}
	for i := 2; i < len(w); i++ {
		n := d.genericAt(w, i)
		if n == 0 {
			// A firm suffix that is no generic word: 蓝岸能源|董家口海上风电一期项目.
			if _, f := d.lx.firmSuf.longest(w, i, len(w)); f > 0 && i+f < len(w) && d.hasHead(w[i+f:]) && d.ownerLike(w[:i+f]) {
				if _, g := d.lx.firmSuf.suffix(w[:i], 4); g > 0 {
					return i
				}
				return i + f
			}
			continue
		}
		word := string(w[i : i+n])
		// A place name before 景区/片区 is no owner (琅琊台景区提升工程).
		if word == "景区" || word == "片区" || word == "园区" || word == "社区" {
			return 0
		}
		if w[i] < 0x80 && !isHan(w[i-1]) {
			continue
		}
		// A firm suffix stays with the owner (云氢能源|项目, 远峰电池|刀片电池二期项目).
		if _, m := d.lx.firmSuf.longest(w, i, i+n); m == n && i+n < len(w) && d.hasHead(w[i+n:]) {
			if _, f := d.lx.firmSuf.suffix(w[:i], 4); f > 0 && d.restIsProject(w[i:]) {
				return i // one firm suffix is enough (华工科技|激光智能装备产业园)
			}
			return i + n
		}
		// An organization's 中心 stays with it (联创中心|整车试验室).
		if (word == "中心" || word == "研究院") && i+n < len(w) && d.restIsProject(w[i+n:]) {
			return i + n
		}
		if d.restIsProject(w[i:]) && d.ownerLike(w[:i]) {
			return i
		}
		return 0
	}
	return 0
}

// regionAt reports whether w starts with a region word that also opens
// firms' names (华中数控, 西南证券).
func (d *doc) regionAt(w []rune) bool {
	for _, r := range []string{"华北", "华东", "华南", "华中", "西南", "西北", "东北"} {
		if hasAt(w, 0, r) && len(w) > 4 {
			return true
		}
	}
	return false
}

// orgInside reports whether a name holds a university, hospital or group
// that owns what follows (深圳技术大学二期).
func (d *doc) orgInside(w []rune) bool {
	for i := 2; i+2 < len(w); i++ {
		if hasAt(w, i, "大学") || hasAt(w, i, "学院") || hasAt(w, i, "医院") || hasAt(w, i, "集团") {
			return true
		}
	}
	return false
}

// ownerLike rejects owners that are places or facilities themselves
// (光谷科学岛|一期).
func (d *doc) ownerLike(w []rune) bool {
	if len(w) < 2 {
		return false
	}
	last := w[len(w)-1]
	if strings.ContainsRune("岛园谷港镇村街", last) || last == '城' && len(w) >= 3 {
		return false
	}
	if s := string(w); strings.HasSuffix(s, "单元") || strings.HasSuffix(s, "片区") || strings.HasSuffix(s, "地块") {
		return false
	}
	_, n := d.lx.place.longest(w, 0, len(w))
	return n != len(w)
}

// hasHead reports whether w ends with a project head word after at least
// one other rune, or is a phase or code.
func (d *doc) hasHead(w []rune) bool {
	if len(w) == 0 {
		return false
	}
	if _, n := d.lx.heads.suffix(w, 4); n > 0 {
		return true
	}
	return d.isProjectName(append([]rune{'项'}, w...))
}

// restIsProject reports whether w is the generic part of a project name:
// generic words with a modifier besides the final head, or a code or a
// phase.
func (d *doc) restIsProject(w []rune) bool {
	if len(w) == 0 {
		return false
	}
	if w[0] < 0x80 || numeralAt(w, 0) > 0 {
		return true
	}
	mod := false
	for i := 0; i < len(w); {
		n := d.genericAt(w, i)
		if n == 0 {
			i++
			continue
		}
		if _, h := d.lx.heads.longest(w, i, len(w)); !(h == n && i+n == len(w)) {
			mod = true
		}
		i += n
	}
	return mod
}

// inIndustry links a firm or project to the clause's industry context, and
// to a narrower chain of that context where the words of its name say so.
func (d *doc) inIndustry(id string, ctx industryCtx, si int, words []rune) {
	for _, c := range ctx {
		d.relate(kg.Relation{Subject: id, Predicate: kg.PredInIndustry, Object: c.id, Confidence: 0.9}, si)
	}
	if len(ctx) == 0 || ctx[0].node == nil {
		return
	}
	top := ctx[0].node
	for _, t := range []*trie{d.lx.industry, d.lx.keyword} {
		for _, m := range t.scan(words, 0, len(words), nil) {
			n := d.lx.nodes[m.val]
			if n == top || !n.Under(top) {
				continue
			}
			conf := 0.7
			if t == d.lx.keyword {
				// A keyword only points to a chain the document names.
				if !d.named[n] {
					continue
				}
				conf = 0.5
			}
			d.industry(industryRef{id: n.ID, node: n}, "", si)
			d.relate(kg.Relation{Subject: id, Predicate: kg.PredInIndustry, Object: n.ID,
				Confidence: conf, Inferred: true}, si)
		}
	}
}

func trimQuotes(s string) string {
	return strings.Trim(s, "“”\"'‘’《》「」 ")
}
