package extract

// The state of one extraction and the records it keeps: one entity per
// thing, one relation per fact, evidence for each.

import (
	"hash/maphash"
	"slices"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/kgraph/kg"
)

// doc is the state of one extraction: the text, what was found so far and
// the index that keeps one entity per thing and one relation per fact.
type doc struct {
	lx  *lexicon
	tax *Taxonomy
	st  *structure
	rs  []rune
	// text is the document's text (string(rs)) and off[i] the byte offset
	// of rs[i] in it (off[len(rs)] = len(text)), so that evidence texts
	// are substrings of it rather than copies; nil when text is not valid
	// UTF-8 (then string(rs) differs from it).
	text string
	off  []int32
	id   string
	out  *kg.Extraction
	ents recIndex // entity (type, name) → index in out.Entities
	rels recIndex // relation → index in out.Relations
	seed maphash.Seed
	// shorts caches ShortName of legal names.
	shorts map[string]string
	// areaNames are the places found by their suffix (豹澥街道, 未来科技城).
	areaNames []areaName
	// indMatches are the industry names of the text, sentence by sentence
	// from indFirst[sentence].
	indMatches []match
	indFirst   []int
	// stageHits, devHits and planHits are the stage verbs, product verbs
	// and plan words of the text, sentence by sentence.
	stageHits, devHits, planHits sentHits
	// bufs are scan buffers, one per call site that never nests in itself.
	bufs [nBufs][]match
	// segBuf is splitList's result buffer, segs clauseSegs'.
	segBuf []seg
	segs   []clauseSeg
	// idBuf holds the ids items returns, a piece for each call.
	idBuf []string
	// sentEv caches the evidence of sentences, lists of one cut from
	// evSlab.
	sentEv [][]kg.Evidence
	evSlab []kg.Evidence
	// focus is where the fact being recorded was read (a rune offset),
	// for evidence from very long sentences.
	focus int
	// topic is the project a sentence opens with before a colon
	// (1.X项目：总投资…，已签约。): its clauses that start with a stage verb
	// and name nothing are about it.
	topic string
	// topicPara: the topic opened its paragraph (1.X项目：…。进度：…；…),
	// so that it holds past a semicolon, where an inline list's ends.
	topicPara bool
	// subj is what the sentence's last clause that opened with a name
	// gave a stage to: a next clause that opens with its verb is about it.
	subj string
	// listStage is the stage of a list's head (主要签约项目有：, 新开工项目
	// 如下：): the projects listed after it, in its sentence or in the
	// numbered paragraphs that follow, are at that stage.
	listStage   string
	listPlanned bool
	// listInline: the list is in the head's sentence (A，总投资…；B…).
	listInline bool
	// head is the stage a section heading gives the projects under it
	// (签约项目, （一）新开工项目); see stageHeading.
	head headStage
	// lastFirm is the name of the firm named last, which 其 refers to,
	// and lastFirmAt the focus where it was named.
	lastFirm   string
	lastFirmAt int
	// chainProj is the project given a stage last, in sentence chainSent-1:
	// a later clause of it that opens with 落户 or 选址 and names nothing
	// is about it (X项目签约，总投资…，落户Y).
	chainProj string
	chainSent int
	// writtenAs maps a project's name to the form the text wrote it in,
	// with the owner's legal name (X股份有限公司Y项目 → XY项目).
	writtenAs map[string]string
	firms     map[string]string
	// firmLens has bit lenBit(n) in the set of r when a name in firms
	// opens with r and has n runes: most prefixes of a name need no
	// lookup in firms. Read it by firmLensOf.
	firmLens runeLens
	zone     string // the document's own zone (from the title), a place id
	// titleChain is the one chain a title is about (关于我市光伏新能源产业链
	// 发展情况的调研报告): the industry of the sections that name none.
	titleChain industryRef
	// parkIndustry is the industry of a park of one industry (from the
	// title: 临颍县休闲食品产业园), for clauses with no industry of their own.
	parkIndustry industryRef
	nind         int
	named        map[*Node]bool // taxonomy nodes the text names
	// chained holds chainOut for the nodes whose subIndustryOf chain is
	// out and chainBelow for the parents of such nodes.
	chained map[*Node]uint8
	// ownIndustries are the document's own industry names (海洋新能源).
	ownIndustries []string
	// conjNamed are the short names the text gives in brackets that hold
	// 和, 与 or 及 (see conjNames).
	conjNamed [][]rune
	// nameSet holds the names and aliases of the document's firms and
	// projects once the rules have run, and nameLens their lengths by
	// first rune (as firmLens), for industryMentions.
	nameSet  map[string]struct{}
	nameLens runeLens
	// localPlaces are the document's own places (its zone, written short
	// forms) by name: written form → id.
	localPlaces map[string]string
	// localSorted caches localNames, and localFirst holds their first
	// runes, which placePrefix compares before the names.
	localSorted []string
	localFirst  []rune
	// areaBits has the low bits of the first runes of the first
	// areasSeen areaNames and of their short forms, which turn down most
	// names at one test (areaPrefix).
	areaBits  uint64
	areasSeen int
	// strs holds the ids made by joining words (enterprise/X,
	// indicator/doc/7): one buffer for many of them, not one allocation
	// each (see join).
	strs []byte
	// aliases holds the first aliases of entities.
	aliases []string
	// kept is the last name keepStr was given and keptS its string.
	kept  []rune
	keptS string
	// genLens[i] is the set of lengths of the generic words at rs[i]
	// with bit 31 set (see trie.lengths), 0 until genericAt asks; nil
	// when the lexicon's generic words are too long for the sets.
	genLens []uint32
}

// industryRef is an industry the text speaks about: a taxonomy node or a
// name of the document's own.
type industryRef struct {
	id   string
	node *Node
	// title is true for a lead that is a sub-section's title ((一)创新药。),
	// which replaces its section's industry; an inline lead (动力电池领域，)
	// adds to it.
	title bool
	// segment is true for a lead that names a segment of a chain
	// (上游材料环节，), which lies under its section's industry.
	segment bool
	// park is true for the industry of a park of one industry, which
	// its firms are in (not every project there: a park's own platforms
	// and utilities are not).
	park bool
}

// industryCtx is the industry context of a clause: the paragraph's lead
// industry and the section's, narrowest first.
type industryCtx []industryRef

func (e *Extractor) extractText(id, source, text string) *kg.Extraction {
	d, _ := e.docs.Get().(*doc)
	if d == nil {
		d = &doc{st: &structure{}}
	}
	d.reset(e, text)
	st := d.st
	sents := make([]kg.Span, len(st.sents))
	for i, s := range st.sents {
		sents[i] = kg.Span{Start: s.start, End: s.end}
	}
	title := st.title
	if title == "" {
		title = id
	}
	d.id = id
	d.out.Documents = append(d.out.Documents, kg.Document{ID: id, Title: title, Year: st.year,
		Source: source, Text: text, Sentences: sents})
	d.findZone()
	d.mentions()
	d.conjNames()
	d.run()
	d.industryMentions()
	d.ownersByLegalName()
	// The records were gathered in the doc's own slices, which the next
	// document reuses: the extraction gets copies of the right size.
	x := &kg.Extraction{
		Documents:  d.out.Documents,
		Entities:   append(make([]kg.Entity, 0, len(d.out.Entities)), d.out.Entities...),
		Relations:  append(make([]kg.Relation, 0, len(d.out.Relations)), d.out.Relations...),
		Indicators: append(make([]kg.Indicator, 0, len(d.out.Indicators)), d.out.Indicators...),
	}
	d.out.Documents = nil
	e.docs.Put(d)
	return x
}

// reset makes d the state of a new extraction of text, keeping the
// memory of the one before: its runes, sentences, hit lists, tables and
// maps are refilled rather than made again for each document (most
// documents of a corpus are small, and making them was a third of the
// bytes an extraction allocated). What the extraction returns (records,
// evidence, ids) is never reused.
func (d *doc) reset(e *Extractor, text string) {
	st := d.st.parse(text)
	n := len(st.sents)
	out := d.out
	if out == nil {
		out = &kg.Extraction{}
	}
	// Sized for what reports hold (one or two entities, two or three
	// relations and a figure or less a sentence): grown tables are copied.
	*out = kg.Extraction{
		Documents:  []kg.Document{},
		Entities:   slices.Grow(out.Entities[:0], n*3/2+16),
		Relations:  slices.Grow(out.Relations[:0], 2*n+16),
		Indicators: slices.Grow(out.Indicators[:0], n/2+16),
	}
	clear(d.firms)
	clear(d.named)
	clear(d.localPlaces)
	clear(d.chained)
	clear(d.shorts)
	clear(d.sentEv)
	clear(d.nameSet)
	genLens := d.genLens
	*d = doc{
		lx: e.lex, tax: e.tax, st: st, rs: st.runes, out: out,
		ents: d.ents.reset(n + 16), rels: d.rels.reset(2*n + 16), seed: e.seed,
		firms: orNew(d.firms), named: orNew(d.named), localPlaces: orNew(d.localPlaces),
		chained: orNew(d.chained), shorts: orNew(d.shorts), firmLens: d.firmLens.reset(),
		areaNames: d.areaNames[:0], indMatches: d.indMatches[:0], indFirst: d.indFirst[:0],
		stageHits: d.stageHits.reset(), devHits: d.devHits.reset(), planHits: d.planHits.reset(),
		bufs: d.bufs, segBuf: d.segBuf[:0], segs: d.segs[:0], idBuf: d.idBuf[:0],
		sentEv: d.sentEv[:0], ownIndustries: d.ownIndustries[:0],
		nameSet: orNew(d.nameSet), nameLens: d.nameLens.reset(), localFirst: d.localFirst[:0],
	}
	if st.off != nil {
		d.text, d.off = text, st.off
	}
	if e.lex.generic.maxLen <= 31 {
		d.genLens = slices.Grow(genLens[:0], len(d.rs))[:len(d.rs)]
		clear(d.genLens)
	}
}

// orNew returns m, or a new map if m is nil.
func orNew[K comparable, V any](m map[K]V) map[K]V {
	if m == nil {
		return map[K]V{}
	}
	return m
}

// ---- entities and relations ----

func (d *doc) entity(typ, name string, aliases ...string) string {
	i, slot := d.findEntity(typ, name)
	if i < 0 {
		i = len(d.out.Entities)
		d.out.Entities = append(d.out.Entities, kg.Entity{ID: d.join(idPrefix(typ), name, ""), Type: typ, Name: name, Aliases: []string{}})
		d.ents.put(slot, i, func(j int) uint64 {
			return entHash(d.seed, d.out.Entities[j].Type, d.out.Entities[j].Name)
		})
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
		if dup {
			continue
		}
		if cap(e.Aliases) == 0 {
			// A first alias: a list of one cut from the document's array
			// of them (the next alias copies it, as append would).
			if len(d.aliases) == cap(d.aliases) {
				d.aliases = make([]string, 0, 32)
			}
			d.aliases = append(d.aliases, a)
			e.Aliases = d.aliases[len(d.aliases)-1 : len(d.aliases) : len(d.aliases)]
			continue
		}
		e.Aliases = append(e.Aliases, a)
	}
	return e.ID
}

// join returns a+b+c, cut from the document's buffer of ids. The buffer
// is only ever appended to, and a new one started when it is full, so
// that the strings cut from it never change.
func (d *doc) join(a, b, c string) string {
	n := len(a) + len(b) + len(c)
	if n == 0 {
		return ""
	}
	if n > cap(d.strs)-len(d.strs) {
		// Sized for a report's ids: about half its text.
		size := max(1024, len(d.text)/2, 2*n)
		d.strs = make([]byte, 0, size)
	}
	k := len(d.strs)
	d.strs = append(append(append(d.strs, a...), b...), c...)
	return unsafe.String(&d.strs[k], n)
}

// The call sites of scans with a buffer of their own.
const (
	bufStage = iota
	bufDevelop
	bufPlace
	bufArea
	bufInIndustry
	bufInKeyword
	bufPlan
	bufSplit
	nBufs
)

// areaName is a place found by its suffix: its name as written, its id,
// and what areaPrefix tests at every name of a project, worked out once:
// the name's rune length and its short form (梓山 for 梓山镇; the name
// itself when it has none) with the short form's rune length.
type areaName struct {
	name, id   string
	n          int
	short      string
	shortRunes int
	// The first runes of name and short, which areaPrefix tests before
	// the names.
	first, shortFirst rune
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
		return []kg.Evidence{{Document: d.id, Sentence: sent, Start: a, End: b, Text: d.str(a, b)}}
	}
	// One evidence list per sentence, shared by the facts read from it; its
	// capacity is its length, so that an append copies.
	if len(d.sentEv) == 0 {
		d.sentEv = slices.Grow(d.sentEv[:0], len(d.st.sents))[:len(d.st.sents)]
	}
	if d.sentEv[sent] == nil {
		// The lists are cut from one array of the document's.
		if len(d.evSlab) == cap(d.evSlab) {
			d.evSlab = make([]kg.Evidence, 0, len(d.st.sents)-sent)
		}
		k := len(d.evSlab)
		d.evSlab = append(d.evSlab, kg.Evidence{Document: d.id, Sentence: sent, Start: s.start, End: s.end, Text: d.str(s.start, s.end)})
		d.sentEv[sent] = d.evSlab[k : k+1 : k+1]
	}
	return d.sentEv[sent][:1:1]
}

// str is string(d.rs[a:b]), shared with the document's text when it can be.
func (d *doc) str(a, b int) string {
	if d.off != nil {
		return d.text[d.off[a]:d.off[b]]
	}
	return string(d.rs[a:b])
}

func (d *doc) relate(r kg.Relation, sent int) {
	if r.Subject == "" || r.Subject == r.Object {
		return
	}
	if a, b, two := strings.Cut(r.Value, "+"); two {
		r.Value = a
		d.relate(r, sent)
		r.Value = b
	}
	if r.Predicate == kg.PredStage && r.Subject == d.head.topic && !r.Planned {
		if o := stageOrder(r.Value); o >= 0 {
			d.head.stated |= 1 << o
		}
	}
	i, slot := d.findRelation(&r)
	if i >= 0 {
		// A fact stated as done wins over the same fact stated as a plan.
		if !r.Planned {
			d.out.Relations[i].Planned = false
		}
		return
	}
	if r.Predicate == kg.PredStage && strings.HasPrefix(r.Subject, "project/") {
		d.chainProj, d.chainSent = r.Subject, sent+1
	}
	if r.Confidence == 0 {
		r.Confidence = 0.9
	}
	r.Year = d.st.year
	r.Evidence = d.evidence(sent)
	d.out.Relations = append(d.out.Relations, r)
	d.rels.put(slot, len(d.out.Relations)-1, func(j int) uint64 { return relHash(d.seed, &d.out.Relations[j]) })
}

// firm registers an enterprise or organization under its short name.
func (d *doc) firm(name string) string {
	name = trimQuotes(name)
	if name == "该公司" || name == "该企业" {
		if id, ok := d.firms[d.lastFirm]; ok {
			return id // the firm named last
		}
	}
	if id, ok := d.firms[name]; ok {
		d.lastFirm, d.lastFirmAt = nameOf(id), d.focus
		return id // named before, under this name or as an alias
	}
	short := name
	var alias string
	if d.hasLegalSuffix(name) {
		if s := d.knownShort(name); s != "" && s != name {
			short, alias = s, name
		}
	}
	typ := kg.TypeEnterprise
	if d.isOrgNameOf(short) {
		typ = kg.TypeOrganization
	}
	id := d.entity(typ, short, alias)
	d.addFirm(short, id)
	if alias != "" {
		d.addFirm(alias, id)
	}
	d.lastFirm, d.lastFirmAt = short, d.focus
	return id
}

// addFirm records that name names the firm id.
func (d *doc) addFirm(name, id string) {
	d.firms[name] = id
	r, _ := utf8.DecodeRuneInString(name)
	d.firmLens.add(r, lenBit(runeLen(name)))
}

// firmLensOf is the set of r in firmLens: the lengths of the names in
// firms that open with r (bits lenBit(n)).
func (d *doc) firmLensOf(r rune) uint64 { return d.firmLens.of(r) }

// lenBit is the bit of firmLens for a name of n runes (63: 63 or more).
func lenBit(n int) uint64 {
	return 1 << min(n, 63)
}

func (d *doc) hasLegalSuffix(name string) bool {
	return strings.HasSuffix(name, "公司") || strings.HasSuffix(name, "集团") || strings.HasSuffix(name, "Ltd.") ||
		strings.HasSuffix(name, "Inc.") || strings.HasSuffix(name, "GmbH")
}

// appendRunes appends the runes of s to buf, as []rune(s) would decode
// them (U+FFFD for a broken byte), three-byte runes in place.
func appendRunes(buf []rune, s string) []rune {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			buf = append(buf, rune(c))
			i++
		case c >= 0xe1 && c < 0xf0 && c != 0xed && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80:
			// Never overlong, never a surrogate: what utf8 would decode.
			buf = append(buf, rune(c&0x0f)<<12|rune(s[i+1]&0x3f)<<6|rune(s[i+2]&0x3f))
			i += 3
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			buf = append(buf, r)
			i += n
		}
	}
	return buf
}

// isOrgNameOf is isOrgName of the runes of s: of its last five, all that
// isOrgName reads, decoded without a copy of s.
func (d *doc) isOrgNameOf(s string) bool {
	var buf [5]rune
	k := len(buf)
	for e := len(s); e > 0 && k > 0; {
		r, size := lastRune(s[:e])
		k--
		buf[k] = r
		e -= size
	}
	return d.isOrgName(buf[k:])
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
	if n == 1 && len(rs) >= 2 && runeIn("总全内外东西南北中干局", rs[len(rs)-2]) {
		return false
	}
	return true
}

// ---- the document ----

// findZone reads the zone or district the report is about from its title
// (某某经济技术开发区管委会…工作总结 → 某某经济技术开发区, 深圳市坪山区2023年…
// → 坪山区) and remembers its short forms (坪山, 经开区).
func (d *doc) findZone() {
	var t []rune // the title's runes, a piece of d.rs
	if len(d.st.paras) > 0 && d.st.paras[0].title {
		t = d.rs[d.st.paras[0].start:d.st.paras[0].end]
	}
	d.titleChain = d.chainOfTitle(t)
	if d.titleChain.id == "" && len(d.st.paras) > 1 && d.st.paras[0].title {
		// A PDF's title from its running header (X新闻发布会文字实录),
		// the document's own on the first line of its text.
		if p := d.st.paras[1]; p.end-p.start <= 60 && p.lim-p.first == 1 && !containsAny(d.rs[p.start:p.end], '。', '，') {
			d.titleChain = d.chainOfTitle(d.rs[p.start:p.end])
		}
	}
	if d.titleChain.id == "" && len(d.st.paras) > 2 && d.st.paras[0].title {
		d.titleChain = d.replyChain()
	}
	// The title up to the year or the office.
	end := len(t)
	for i, r := range t {
		if isDigit(r) {
			end = i
			break
		}
	}
	head := d.runeStr(t[:end])
	for _, office := range []string{"党工委", "管委会", "人民政府", "政府", "管理委员会"} {
		if k := strings.Index(head, office); k > 0 {
			head = head[:k]
		}
	}
	// 广州开发区(黄埔区): the bracketed name is another name of the zone.
	var also string
	if k := strings.IndexAny(head, "(（"); k > 0 {
		rest := head[k:]
		if e := strings.IndexAny(rest, ")）"); e > 0 {
			also = strings.TrimSpace(rest[len("("):e])
			if strings.HasPrefix(rest, "（") {
				also = strings.TrimSpace(rest[len("（"):e])
			}
		}
		head = head[:k]
	}
	defer func() {
		if also != "" && d.zone != "" && runeLen(also) >= 2 && runeLen(also) <= 10 {
			d.entity(kg.TypePlace, nameOf(d.zone), also)
			d.localPlaces[also] = d.zone
		}
	}()
	hr := []rune(head)
	if len(hr) < 2 || len(hr) > 24 {
		return
	}
	// Drop the city in front of a district (深圳市|坪山区).
	var parent string
	if v, n := d.lx.place.longest(hr, 0, len(hr)); n > 0 && n < len(hr)-1 && !hasZoneSuffix(d.runeStr(hr)) {
		parent = d.lx.places[v].name
		hr = hr[n:]
	}
	if d.industryPark(hr) {
		return
	}
	name := d.runeStr(hr)
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
		d.localPlaces[d.runeStr(rn[n:])] = d.zone
	}
	if strings.HasSuffix(name, "区") && !hasZoneSuffix(name) && len(rn) >= 3 {
		d.localPlaces[d.runeStr(rn[:len(rn)-1])] = d.zone
	}
	for _, short := range []string{"经开区", "开发区", "高新区", "新区", "综保区"} {
		if isShortOf(short, name) {
			d.localPlaces[short] = d.zone
		}
	}
	// 昆山综合保税区 → 昆山综保区: the city's name before the short kind.
	if own, ok := strings.CutSuffix(name, "综合保税区"); ok && own != "" {
		d.localPlaces[own+"综保区"] = d.zone
	}
	// The zone's own name without its kind: 松山湖高新区 → 松山湖.
	for _, kind := range []string{"经济技术开发区", "高新技术产业开发区", "经济开发区", "高新区", "开发区", "新区"} {
		if k := strings.LastIndex(name, kind); k > 0 && runeLen(name[:k]) >= 2 {
			own := []rune(name[:k])
			_, n := d.lx.place.longest(own, 0, len(own))
			if n == len(own) {
				break // 北京经济技术开发区: 北京 is the city, not the zone
			}
			own = own[n:] // 东莞松山湖 → 松山湖
			if len(own) >= 2 {
				d.localPlaces[d.runeStr(own)] = d.zone
			}
			break
		}
	}
}

// replyChain reads the chain of a letter that answers a proposal, whose
// first line is the office that writes it (X市经济和信息化局) and whose
// title, on a line of its own, says what it answers (关于…第26号建议的
// 答复): the chain the proposal's title names in its first paragraphs
// (您提出的《关于加快我市X产业链发展的建议》收悉), or "".
func (d *doc) replyChain() industryRef {
	paras := d.st.paras[1:min(len(d.st.paras), 7)]
	reply := false
	for _, p := range paras[:2] {
		w := d.rs[p.start:p.end]
		if p.end-p.start <= 60 && hasAt(w, 0, "关于") && (hasAt(w, len(w)-2, "答复") || hasAt(w, len(w)-3, "的复函")) {
			reply = true
		}
	}
	if !reply {
		return industryRef{}
	}
	for _, p := range paras {
		w := d.rs[p.start:p.end]
		a := indexRunes(w, 0, len(w), "《")
		if a < 0 {
			continue
		}
		if b := indexRunes(w, a+1, min(len(w), a+40), "》"); b > a {
			if ref := d.chainOfTitle(w[a+1 : b]); ref.id != "" {
				return ref
			}
		}
	}
	return industryRef{}
}

// chainOfTitle returns the chain a title names before 产业链 when it
// names one (关于我市光伏新能源产业链发展情况的调研报告: 光伏新能源), the
// industry a report about one chain is about throughout.
func (d *doc) chainOfTitle(t []rune) industryRef {
	k := indexRunes(t, 0, len(t), "产业链")
	if k < 2 || indexRunes(t, k+3, len(t), "产业链") >= 0 {
		return industryRef{}
	}
	for j := max(0, k-8); j <= k-2; j++ {
		w := t[j:k]
		if !allHan(w) || runeIn("我全本关于的和及与年", w[0]) || containsAny(w, '区', '县', '市', '镇', '园', '省', '州') {
			continue // not a place's name before the chain's (吉林高新区|碳纤维及复合材料)
		}
		var node *Node
		if v, n := d.lx.industry.longest(w, 0, len(w)); n == len(w) {
			node = d.lx.nodes[v]
		} else if v, ok := d.lx.industry.first(w, 0, len(w)); ok {
			node = d.lx.nodes[v]
		}
		if (node != nil && len(w) <= 3 || hasIndustryWord(w)) && d.plausibleName(w) {
			return d.docIndustry(w, node, 0) // a chain of the document's own when the taxonomy has none
		}
	}
	return industryRef{}
}

// industryPark reads a title's park of one industry (临颍县休闲食品产业园):
// the park is the document's zone, the county before it a place, and the
// industry between them the one the park's firms are in wherever the text
// names no other (parkIndustry). It reports whether hr is such a park.
func (d *doc) industryPark(hr []rune) bool {
	if len(hr) < 8 || !hasAt(hr, len(hr)-3, "产业园") {
		return false
	}
	k := countyLen(hr[:3]) // the county before the industry (来安县, countyLen)
	if k == 0 {
		k = countyLen(hr[:4])
	}
	if k == 0 {
		return false
	}
	w := hr[k : len(hr)-3]
	if len(w) < 2 || len(w) > 8 || !allHan(w) {
		return false
	}
	var node *Node
	if v, ok := d.lx.industry.first(w, 0, len(w)); ok {
		node = d.lx.nodes[v]
	}
	if node == nil && !hasIndustryWord(w) {
		return false
	}
	county := d.entity(kg.TypePlace, d.runeStr(hr[:k]))
	name := d.runeStr(hr)
	d.zone = d.entity(kg.TypePlace, name)
	d.localPlaces[name] = d.zone
	d.localPlaces[d.runeStr(hr[k:])] = d.zone
	d.relate(kg.Relation{Subject: d.zone, Predicate: kg.PredPartOf, Object: county, Confidence: 1}, 0)
	d.parkIndustry = d.docIndustry(w, node, 0)
	d.parkIndustry.park = true
	return true
}

// hasZoneSuffix reports whether s ends with the suffix of a zone's name
// (开发区, 新区, 园区, …). All of them end in 区, which is tested first:
// item asks at every name.
func hasZoneSuffix(s string) bool {
	if !strings.HasSuffix(s, "区") {
		return false
	}
	for _, suf := range []string{"开发区", "高新区", "新区", "经开区", "自贸区", "保税区", "园区", "实验区", "试验区", "示范区", "合作区"} {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

func (d *doc) run() {
	var secCtx [6]industryRef
	var rec *record // the project record whose fields are being read
	var fields []field
	// named is the project a numbered line of its name alone names
	// (1. X项目（三期）), whose fields the lines under it give
	// (（1）建设单位：Y有限公司。（2）本周进度：主体结构封顶).
	named := ""
	// asked is the industry a press conference's question names (记者：…
	// 请问石化新材料产业方面有哪些项目…？): the answers after it are about it.
	var asked industryRef
	for pi := range d.st.paras {
		p := &d.st.paras[pi]
		if p.title {
			continue
		}
		if q, ok := d.question(p); ok {
			asked = q
		} else if hasAt(d.rs, p.start, "主持人") {
			asked = industryRef{}
		}
		fields = d.recordFields(p, fields)
		if fields == nil {
			rec = nil
		}
		d.headingStage(p)
		if p.heading && fields == nil {
			d.listStage = ""
			if p.level > 0 && p.level < len(secCtx) {
				for l := p.level; l < len(secCtx); l++ {
					secCtx[l] = industryRef{}
				}
				if ref, ok := d.leadIndustry(p.start, p.end, p.first, true, true); ok {
					secCtx[p.level] = ref
				}
			}
			named = ""
			if pi+1 < len(d.st.paras) && d.nameLine(p) && d.recordFields(&d.st.paras[pi+1], nil) != nil {
				named = d.namedProject(p, secCtx[:])
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
		if sec.id == "" {
			sec = asked
		}
		if sec.id == "" {
			sec = d.titleChain
		}
		// A record's owner and place lines are read by the record alone
		// (建设单位：X（Y）有限公司 holds no list to split).
		ownerOrPlaceLine := fields != nil && rec != nil
		for _, f := range fields {
			if f.kind != fieldOwner && f.kind != fieldPlace {
				ownerOrPlaceLine = false
			}
		}
		// So is a table's row (a name, an owner and two more fields on a
		// line): its 建设内容 cell tells the parts of the project, not
		// projects of their own.
		if len(fields) >= 4 && fields[0].kind == fieldName && fields[1].kind == fieldOwner {
			ownerOrPlaceLine = true
		}
		if fields != nil {
			var ctx industryCtx
			if sec.id != "" {
				ctx = industryCtx{sec}
			}
			if rec == nil && named != "" && fields[0].kind != fieldName {
				rec = &record{ids: []string{named}, ctx: ctx}
			}
			rec = d.record(p, fields, rec, ctx)
		}
		var lead industryRef
		// Two refs at most, in an array of the loop's rather than a slice
		// made for each sentence (the rules only read it).
		var ctxBuf [2]industryRef
		if p.level > 0 && p.level < len(secCtx) {
			// A numbered paragraph (第一，…。(三)X规范健康发展，…) opens a
			// section: the one before ends here. (Its own lead is not kept
			// for the paragraphs after it: those are often the part's
			// summary.)
			for l := p.level; l < len(secCtx); l++ {
				secCtx[l] = industryRef{}
			}
			sec = industryRef{}
			for l := p.level - 1; l > 0; l-- {
				if secCtx[l].id != "" {
					sec = secCtx[l]
					break
				}
			}
		}
		for si := p.first; si < p.lim; si++ {
			s := d.st.sents[si]
			if ref, ok := d.leadIndustry(s.start, s.end, si, si == p.first, false); ok {
				lead = ref
				if ref.segment && sec.id != "" && sec.id != ref.id {
					d.relate(kg.Relation{Subject: ref.id, Predicate: kg.PredSubIndustryOf, Object: sec.id, Confidence: 0.8}, si)
				}
				if si == p.first && ref.title && p.level > 0 && p.level < len(secCtx) {
					// (二)X产业链。全链实现产值…: a run-in title, which
					// the rest of its paragraph and the paragraphs after
					// it are about.
					secCtx[p.level] = ref
					sec = ref
				}
			}
			// A sub-section's title replaces its section's industry; an
			// inline lead narrows it, and both hold.
			ctx := industryCtx(ctxBuf[:0])
			if lead.id != "" {
				ctx = append(ctx, lead)
			}
			if sec.id != "" && sec.id != lead.id && !lead.title && !(lead.node != nil && sec.node != nil && lead.node.Under(sec.node)) {
				ctx = append(ctx, sec)
			}
			if len(ctx) == 0 && d.parkIndustry.id != "" && !p.planned {
				ctx = append(ctx, d.parkIndustry)
			}
			if !ownerOrPlaceLine {
				d.sentence(si, ctx, p.planned)
			}
			d.indicators(si)
		}
		if d.head.topic != "" {
			d.headTopicStage(p.first)
		}
		named = ""
	}
}

// question reports whether paragraph p is a reporter's question at a
// press conference (记者：…, 问：…), and returns the industry it asks
// about: the first that a clause of it opens with, after 请问 or the
// question's preamble (请问港航物流方面…, 绿色能源产业今年发展情况怎么样).
// A question that names none gives an empty ref, which ends the answers'
// industry before it.
func (d *doc) question(p *para) (industryRef, bool) {
	rs := d.rs
	i := p.start
	// Most paragraphs open with neither 问 nor 提, nor hold a colon
	// in their first sixteen runes: a rune's test each, not a search.
	if !(i < len(rs) && (rs[i] == '问' && hasAt(rs, i, "问：") || rs[i] == '提' && hasAt(rs, i, "提问："))) {
		k := -1
		for j := i; j < min(p.end, i+16); j++ {
			if rs[j] == '：' {
				k = j
				break
			}
		}
		if k < i+2 || !has2(rs, k-2, '记', '者') {
			return industryRef{}, false
		}
	}
	for si := p.first; si < p.lim; si++ {
		s := d.st.sents[si]
		for a := s.start; a < s.end; {
			e := a
			for e < s.end && !isClauseEnd(rs[e]) {
				e++
			}
			c := a
			if k := indexRunes(rs, a, e, "请问"); k >= 0 {
				c = k + 2
			} else if k := indexRunes(rs, a, e, "："); k >= 0 {
				c = k + 1
			}
			if k := indexRunes(rs, c, min(e, c+8), "在"); k >= 0 {
				c = k + 1 // 高新区在生物医药产业链方面, 明年在碳纤维领域
			}
			if ref, ok := d.leadIndustry(c, e, si, false, true); ok && ref.id != "" {
				return ref, true
			}
			a = e + 1
		}
	}
	return industryRef{}, true
}

// namedProject returns the project a numbered heading of a name alone
// names (1. X项目（三期）) before the fields of its record, in the
// narrowest industry of the sections above it, or "".
func (d *doc) namedProject(p *para, secCtx []industryRef) string {
	if stage, _ := d.stageHeading(p); stage != "" {
		return "" // 二、新开工项目 heads a group of rows, not a project
	}
	_, n := sectionMarkerRunes(d.rs[p.start:min(p.end, p.start+12)])
	a, b := d.trimItem(p.start+n, p.end)
	if b-a < 4 {
		return ""
	}
	w := d.rs[a:b]
	w = phaseCut(w)
	if !d.isProjectName(w) || !d.plausibleName(w) || d.allGeneric(w) {
		return ""
	}
	proj, _, _ := d.project(p.first, w, "")
	if proj == "" {
		return ""
	}
	for l := len(secCtx) - 1; l > 0; l-- {
		if secCtx[l].id != "" {
			d.inIndustry(proj, industryCtx{secCtx[l]}, p.first, w)
			break
		}
	}
	return proj
}

// nameLine reports whether paragraph p is a numbered line that holds a
// name alone: one sentence, no clause end inside it.
func (d *doc) nameLine(p *para) bool {
	if p.lim-p.first != 1 || p.end-p.start > 48 {
		return false
	}
	rs := d.rs
	i := p.start
	_, n := sectionMarkerRunes(rs[i:min(p.end, i+12)])
	if n == 0 {
		return false
	}
	for _, r := range rs[i+n : p.end] {
		if isClauseEnd(r) {
			return false
		}
	}
	return true
}

// isClauseEnd reports whether r ends a clause.
func isClauseEnd(r rune) bool {
	if r > '?' && r < '！' && r != '。' {
		return false // most runes (Han, letters) at one test
	}
	switch r {
	case '，', '；', '：', ',', ';', ':', '。', '！', '？', '!', '?':
		return true
	}
	return false
}

// hasAt reports whether rs holds s at i. The rules call it with literal
// words at most positions of a clause, so it decodes s itself: a
// three-byte rune (all of CJK) without a call, anything else through utf8.
func hasAt(rs []rune, i int, s string) bool {
	for j := 0; j < len(s); i++ {
		if i >= len(rs) {
			return false
		}
		var r rune
		if c := s[j]; c < utf8.RuneSelf {
			r = rune(c)
			j++
		} else if c&0xf0 == 0xe0 && j+2 < len(s) && s[j+1]&0xc0 == 0x80 && s[j+2]&0xc0 == 0x80 &&
			(c != 0xe0 || s[j+1] >= 0xa0) && (c != 0xed || s[j+1] < 0xa0) {
			// Not overlong, not a surrogate: what utf8 would decode.
			r = rune(c&0x0f)<<12 | rune(s[j+1]&0x3f)<<6 | rune(s[j+2]&0x3f)
			j += 3
		} else {
			var size int
			r, size = utf8.DecodeRuneInString(s[j:])
			j += size
		}
		if rs[i] != r {
			return false
		}
	}
	return true
}

// runeIn reports whether r is one of the runes of set, as
// strings.ContainsRune(set, r) does, without encoding r and searching: the
// rules test the runes of clauses against short literal sets (“、和及与并”)
// at most positions. A Han rune (three bytes) is compared with set's
// runes in place, a rune at a time; a lead byte of three never continues a
// rune, so a match is one of set's runes.
func runeIn(set string, r rune) bool {
	if r >= 0 && r < utf8.RuneSelf {
		return strings.IndexByte(set, byte(r)) >= 0
	}
	if r < 0x800 || r > 0xffff || r >= 0xd800 && r < 0xe000 {
		return strings.ContainsRune(set, r)
	}
	b0, b1, b2 := byte(0xe0|r>>12), byte(0x80|r>>6&0x3f), byte(0x80|r&0x3f)
	for i := 0; i+2 < len(set); {
		c := set[i]
		if c < 0xe0 {
			i++ // ASCII, a two-byte rune's bytes: never b0
			continue
		}
		if c == b0 && set[i+1] == b1 && set[i+2] == b2 {
			return true
		}
		i += 3 // past a three-byte rune (a fourth byte continues: < 0xe0)
	}
	return false
}

// has2 reports whether rs holds r0 r1 at i: hasAt for the rules' two-rune
// words, inlined.
func has2(rs []rune, i int, r0, r1 rune) bool {
	return i >= 0 && i+1 < len(rs) && rs[i] == r0 && rs[i+1] == r1
}

// isQuoteMark reports whether r is one of “”"'‘’《》「」『』 and space, which
// are trimmed from names. (A switch: strings.ContainsRune encodes r and
// searches, and trimItem asks at both ends of every item.)
func isQuoteMark(r rune) bool {
	switch r {
	case '“', '”', '"', '\'', '‘', '’', '《', '》', '「', '」', '『', '』', ' ':
		return true
	}
	return false
}

// openQuote and closeQuote report whether r opens or closes a quoted
// name: “” and "" as on the mainland, 《》 for titles, and the corner
// brackets 「」『』 that some reports (and Hong Kong's and Taiwan's) use
// for the same purpose.
func openQuote(r rune) bool {
	switch r {
	case '“', '"', '《', '「', '『':
		return true
	}
	return false
}

func closeQuote(r rune) bool {
	switch r {
	case '”', '"', '》', '」', '』':
		return true
	}
	return false
}

func allHan(rs []rune) bool {
	for _, r := range rs {
		if !isHan(r) {
			return false
		}
	}
	return len(rs) > 0
}

func trimQuotes(s string) string {
	// strings.Trim(s, "“”\"'‘’《》「」『』 "), testing runes by a switch.
	// Most names have none at either end, which their first and last
	// bytes tell: the marks' lead bytes are E2, E3 and ASCII, their last
	// bytes 8A–8F, 98–9D and ASCII.
	if len(s) > 0 {
		c0, c1 := s[0], s[len(s)-1]
		if c0 != 0xe2 && c0 != 0xe3 && c0 != '"' && c0 != '\'' && c0 != ' ' &&
			!(c1 >= 0x8a && c1 <= 0x8f || c1 >= 0x98 && c1 <= 0x9d || c1 == '"' || c1 == '\'' || c1 == ' ') {
			return s
		}
	}
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		if !isQuoteMark(r) {
			break
		}
		s = s[n:]
	}
	for len(s) > 0 {
		r, n := utf8.DecodeLastRuneInString(s)
		if !isQuoteMark(r) {
			break
		}
		s = s[:len(s)-n]
	}
	return s
}

// nameOf is the name in an entity id ("enterprise/X" → "X").
func nameOf(id string) string {
	if i := strings.IndexByte(id, '/'); i >= 0 {
		return id[i+1:]
	}
	return id
}

// runeIndex returns the index in d.rs of w[0] when w is a piece of d.rs,
// or -1.
func (d *doc) runeIndex(w []rune) int {
	if len(w) > 0 {
		// Addresses are compared, never turned back into pointers.
		base := uintptr(unsafe.Pointer(unsafe.SliceData(d.rs)))
		p := uintptr(unsafe.Pointer(unsafe.SliceData(w)))
		if p >= base && p < base+uintptr(len(d.rs))*4 {
			if a := int((p - base) >> 2); a+len(w) <= len(d.rs) {
				return a
			}
		}
	}
	return -1
}

// runeStr is string(w), shared with the document's text when w is a piece
// of d.rs, as nearly every span the rules name is: no copy, no encoding.
func (d *doc) runeStr(w []rune) string {
	if d.off != nil && len(w) > 0 {
		// Addresses are compared, never turned back into pointers.
		base := uintptr(unsafe.Pointer(unsafe.SliceData(d.rs)))
		p := uintptr(unsafe.Pointer(unsafe.SliceData(w)))
		if p >= base && p < base+uintptr(len(d.rs))*4 {
			if a := int((p - base) >> 2); a+len(w) <= len(d.rs) {
				return d.text[d.off[a]:d.off[a+len(w)]]
			}
		}
	}
	return d.keptStr(w)
}

// keepStr records that str is string(w) for a name w that is no piece of
// d.rs (resolveLegal makes them: 海川12英寸硅片项目 from 海川科技有限公司
// 12英寸硅片项目), which nothing writes to after: runeStr then cuts w and
// its prefixes from str rather than encoding them again, as item, project
// and ownerSplit do each.
func (d *doc) keepStr(w []rune, str string) {
	if d.runeIndex(w) < 0 {
		d.kept, d.keptS = w, str
	}
}

// keptStr is string(w), cut from keepStr's string when w is a piece of
// its name (a prefix, as item and ownerSplit cut, or the rest after a
// place or an owner, as project cuts).
func (d *doc) keptStr(w []rune) string {
	if len(w) == 0 {
		return "" // string(w) would allocate for it
	}
	if len(w) > len(d.kept) {
		return string(w)
	}
	// Addresses are compared, never turned back into pointers.
	base := uintptr(unsafe.Pointer(unsafe.SliceData(d.kept)))
	p := uintptr(unsafe.Pointer(unsafe.SliceData(w)))
	if p < base || p >= base+uintptr(len(d.kept))*4 {
		return string(w)
	}
	a := int((p - base) >> 2)
	if a+len(w) > len(d.kept) {
		return string(w)
	}
	i := 0 // the byte offset of w in keptS
	for _, r := range d.kept[:a] {
		k := utf8.RuneLen(r)
		if k < 0 {
			return string(w) // encoded as U+FFFD: keptS's bytes are not its own
		}
		i += k
	}
	n := i
	for _, r := range w {
		k := utf8.RuneLen(r)
		if k < 0 {
			return string(w)
		}
		n += k
	}
	return d.keptS[i:n]
}

// ownersByLegalName gives a project whose owner was cut from its name
// before the firm's legal name was read (（3）澜驰电驱电机扩产项目：宜城澜驰
// 电驱科技有限公司投资… cuts 澜驰) to the firm of the legal name: a firm with
// a legal name whose short name, without the place in front, opens the
// project's name and differs from the cut owner by a few runes at its end.
// The cut owner, a name without a legal one, is dropped and what was said of
// it is said of the firm. It runs once the document is read: the indexes of
// records are not used after it.
func (d *doc) ownersByLegalName() {
	type legal struct{ short, id string }
	var firms []legal
	for i := range d.out.Entities {
		e := &d.out.Entities[i]
		if e.Type != kg.TypeEnterprise || len(e.Aliases) == 0 || !d.hasLegalSuffix(e.Aliases[0]) {
			continue
		}
		short := e.Name
		var buf [40]rune // on the stack: []rune decoded each rune with a call
		nr := appendRunes(buf[:0], e.Name)
		if p := d.placePrefix(nr); p > 0 && len(nr)-p >= 2 {
			if utf8.ValidString(short) {
				short = short[len(string(nr[:p])):] // no copy of the rest
			} else {
				short = string(nr[p:])
			}
		}
		firms = append(firms, legal{short, e.ID})
	}
	if len(firms) == 0 {
		return
	}
	moved := map[string]string{} // cut owner's id → the firm's
	for _, r := range d.out.Relations {
		if r.Predicate != kg.PredHasProject || !strings.HasPrefix(r.Subject, "enterprise/") {
			continue
		}
		owner, proj := nameOf(r.Subject), nameOf(r.Object)
		for _, f := range firms {
			// The project's name opens with the firm's short name (tested
			// from its first byte: most do not), and is longer.
			if len(f.short) == 0 || len(proj) <= len(f.short) || proj[0] != f.short[0] || !strings.HasPrefix(proj, f.short) ||
				f.id == r.Subject || f.short == owner {
				continue
			}
			short, long := owner, f.short
			if len(short) > len(long) {
				short, long = long, short
			}
			if !strings.HasPrefix(long, short) || runeLen(short) < 2 || runeLen(long)-runeLen(short) > 3 {
				continue
			}
			if i, _ := d.findEntity(kg.TypeEnterprise, owner); i >= 0 && len(d.out.Entities[i].Aliases) == 0 {
				moved[r.Subject] = f.id
			}
			break
		}
	}
	if len(moved) == 0 {
		return
	}
	// The relations were distinct facts; two are the same fact now only when
	// one was moved to a firm, so only those about the firms are compared.
	var to []string // the firms moved to, a few
	for _, id := range moved {
		if !slices.Contains(to, id) {
			to = append(to, id)
		}
	}
	seen := map[[4]string]int{}
	rels := d.out.Relations[:0]
	for _, r := range d.out.Relations {
		if id, ok := moved[r.Subject]; ok {
			r.Subject = id
		}
		if id, ok := moved[r.Object]; ok {
			r.Object = id
		}
		if !slices.Contains(to, r.Subject) && !slices.Contains(to, r.Object) {
			rels = append(rels, r)
			continue
		}
		k := [4]string{r.Subject, r.Predicate, r.Object, r.Value}
		if j, ok := seen[k]; ok {
			rels[j].Planned = rels[j].Planned && r.Planned // done wins over planned
			continue
		}
		seen[k] = len(rels)
		rels = append(rels, r)
	}
	d.out.Relations = rels
	ents := d.out.Entities[:0]
	for _, e := range d.out.Entities {
		if _, ok := moved[e.ID]; !ok {
			ents = append(ents, e)
		}
	}
	d.out.Entities = ents
}

// phaseCut returns a project's name w without the phase in brackets that
// ends it (X项目（三期）, X项目(一期)): the phase is the line's, the name
// X项目. Other brackets (X物流中心（B型）) stay.
func phaseCut(w []rune) []rune {
	n := len(w)
	if n < 7 || w[n-1] != ')' && w[n-1] != '）' || w[n-2] != '期' {
		return w
	}
	for k := n - 3; k >= 4 && k >= n-7; k-- {
		if w[k] == '(' || w[k] == '（' {
			return w[:k]
		}
	}
	return w
}
