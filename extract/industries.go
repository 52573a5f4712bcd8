package extract

// Industries: the lead sentences and headings that name a paragraph's
// industry, the document's own industry names and their links into the
// taxonomy.

import (
	"strings"

	"github.com/kgraph/kg"
)

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

// The flags of doc.chained.
const (
	chainOut   = 1 << iota // the node's subIndustryOf chain is out
	chainBelow             // a child's is (see chainedUnder)
)

// chain records the subIndustryOf edges from n up to its root, once.
func (d *doc) chain(n *Node, sent int) {
	if d.chained[n]&chainOut != 0 {
		return
	}
	d.chained[n] |= chainOut
	if n.Parent != nil {
		d.chained[n.Parent] |= chainBelow
	}
	for c := n; c.Parent != nil; c = c.Parent {
		d.relate(kg.Relation{Subject: c.ID, Predicate: kg.PredSubIndustryOf, Object: c.Parent.ID, Confidence: 1}, sent)
	}
}

// leadIndustry reads an industry named at the start of a sentence or
// heading (新一代信息技术产业做强做优。数字经济高质量发展，…) or a short
// lead that is a section title of its own ((一)创新药。半导体及集成电路。).
func (d *doc) leadIndustry(start, end, sent int, first, heading bool) (industryRef, bool) {
	rs := d.rs
	i := start
	// A lead after a section number or 一是 is a section's title in a
	// sentence (第一，轨道交通装备产业稳中有进。): its predicate need not be
	// one of growth.
	led := false
	if first {
		if _, n := sectionMarkerRunes(rs[i:min(end, i+12)]); n > 0 {
			i += n
			led = true
		}
	}
	if _, n := d.lx.lead.longest(rs, i, end); n == 2 && rs[i+1] == '是' {
		i += n // 一是…
		led = true
	}
	if heading || led {
		// 聚焦集成电路，…; 做强生物医药产业: the verbs of a title before
		// the industry it names.
		for k := 0; k < 2 && i < end; k++ {
			n := titleVerbAt(rs, i)
			if n == 0 {
				_, n = d.lx.lead.longest(rs, i, end)
			}
			if n == 0 || i+n >= end {
				break
			}
			if _, m := d.lx.industry.longest(rs, i+n, end); m == 0 && !d.ownTitleAt(i+n, end) {
				break
			}
			i += n
		}
	}
	// 【电子信息】X…: the bracketed title names the paragraph's industry.
	if n, project := d.bracketAt(i, end); project {
		return industryRef{}, false // 【X项目】: the item's project
	} else if n > 0 {
		w := trimIndustrySuffix(rs[i+1 : i+n-1])
		if allHan(w) && len(w) >= 2 {
			var node *Node
			if v, ok := d.lx.industry.first(w, 0, len(w)); ok {
				node = d.lx.nodes[v]
			}
			if node != nil || hasIndustryWord(w) {
				ref := d.docIndustry(w, node, sent)
				ref.title = true
				return ref, true
			}
		}
		return industryRef{}, false
	}
	for i < end && (rs[i] == ' ' || rs[i] == '“' || rs[i] == '"' || rs[i] == '「' || rs[i] == '『') {
		i++
	}
	// A short title sentence: 半导体及集成电路。新能源。
	e := end
	for e > i && isSentenceEnd(rs[e-1]) {
		e--
	}
	if first && e-i >= 2 && e-i <= 16 && e < end && !containsAny(rs[i:e], '，', ',', '；', '：', '、') {
		w := trimIndustrySuffix(rs[i:e])
		if e-i >= 5 && has2(rs, e-2, '环', '节') && !heading {
			// A segment's title ((四)医药及中间体环节。) narrows the
			// section's chain, as X环节，does; in (二)中游精细化学品环节。 the
			// segment is also named without its place in the chain.
			s := tierCopula(rs[i : e-2])
			var node *Node
			if v, ok := d.lx.industry.first(s, 0, len(s)); ok {
				node = d.lx.nodes[v]
			}
			tiered := len(s) >= 4 && tierOpens(s)
			if allHan(s) && d.plausibleName(s) && (node != nil || tiered || hasIndustryWord(s)) {
				ref := d.docIndustry(s, node, sent)
				if tiered {
					d.entity(kg.TypeIndustry, nameOf(ref.id), d.runeStr(s[2:]))
				}
				ref.segment = true
				return ref, true
			}
		}
		node := d.industryPhrase(w)
		if _, n := d.lx.indStop.longest(w, 0, len(w)); n > 0 && n == len(w) {
			// (一)全力壮大主导产业链: which industries, not one.
			return industryRef{}, false
		}
		if node == nil && len(w) < e-i && allHan(w[:len(w)-qualifierLen(w)]) && d.plausibleName(w) {
			// (一)新一代电子信息产业。, (一)新能源(光伏)产业链。: a title
			// naming an industry of its own, with its qualifier.
			if v, ok := d.lx.industry.first(w, 0, len(w)); ok {
				node = d.lx.nodes[v]
			}
			ref := d.docIndustry(w, node, sent)
			ref.title = true
			return ref, true
		}
		if node != nil {
			ref := d.docIndustry(w, node, sent)
			ref.title = true
			return ref, true
		}
	}
	// An industry name at i, in the clause that starts there. Most
	// sentences open with none: the clause's end is sought only when the
	// sentence does (a name that runs past it is looked up again).
	v, n := d.lx.industry.longest(rs, i, end)
	clauseEnd := end
	if n > 0 {
		clauseEnd = i
		for clauseEnd < end && !isClauseEnd(rs[clauseEnd]) {
			clauseEnd++
		}
		if i+n > clauseEnd {
			v, n = d.lx.industry.longest(rs, i, clauseEnd)
		}
	}
	if n > 0 {
		j := i + n
		k := j
		for _, suf := range []string{"产业链", "产业集群", "产业", "领域", "集群", "板块", "行业"} {
			if hasAt(rs, k, suf) {
				k += runeLen(suf)
				break
			}
		}
		node := d.lx.nodes[v]
		// A与B产业: one industry of the document's own (新型显示与集成电路).
		if k == j && j+1 < clauseEnd && runeIn("与和及", rs[j]) {
			if p := indexRunes(rs, j+1, min(clauseEnd, j+10), "产业"); p > j+2 && allHan(rs[j+1:p]) {
				return d.docIndustry(rs[i:p], node, sent), true
			}
			// 二、生物医药与新能源汽车 (a heading): A与B to its end.
			if _, n2 := d.lx.industry.longest(rs, j+1, clauseEnd); heading && n2 > 0 && j+1+n2 == clauseEnd {
				return d.docIndustry(rs[i:clauseEnd], node, sent), true
			}
			// A和B协同推进: the industry runs up to the predicate.
			for p := j + 3; p < min(clauseEnd, j+9); p++ {
				if hasGrowthWord(rs[p:min(clauseEnd, p+2)]) && allHan(rs[j+1:p]) && (first || heading) {
					return d.docIndustry(rs[i:p], node, sent), true
				}
			}
		}
		switch {
		case k < end && runeIn("、和与及”", rs[k]):
		case node.Parent == nil:
			// the root (高精尖产业) is no chain of its own
		case k == j && !strings.HasSuffix(d.runeStr(rs[i:j]), "产业") && (j < clauseEnd && isHan(rs[j])) &&
			(indexRunes(rs, j, clauseEnd, "产业") >= 0 || !heading && !led && !hasGrowthWord(rs[j:clauseEnd])):
			// the name goes on (光电子信息产业): read it below
		default:
			return d.docIndustry(trimIndustrySuffix(rs[i:j]), node, sent), true
		}
	}
	// W产业, X经济, X制造业 at the start of a short lead: an industry of the
	// document's own (平台经济规范健康发展, 先进制造业基地建设提速).
	lim := min(end, i+14)
	for j := i + 2; j+1 < lim; j++ {
		switch rs[j] {
		case '产', '板', '经', '制', '服', '领', '方', '环', '链':
		default:
			continue // no case below opens with rs[j]: most runes
		}
		var w []rune
		switch {
		case rs[j] == '产' && rs[j+1] == '业' && (j+2 >= lim || !(rs[j+2] == '化' || rs[j+2] == '园' || rs[j+2] == '城' || has2(rs, j+2, '基', '地') || has2(rs, j+2, '项', '目'))):
			// Not X产业化基地, X产业基地, X产业园(区), X产业城 or X产业项目:
			// a project or a place, whose X is its owner (助推X产业基地实现
			// 并网) or a qualifier (重大产业项目), not an industry (but
			// X产业基本盘 is X's).
			w = rs[i:j]
		case (first || heading) && rs[j] == '板' && rs[j+1] == '块':
			w = rs[i:j] // 整车板块稳中有进: the sector is an industry
		case (first || heading) && rs[j] == '经' && rs[j+1] == '济':
			w = rs[i : j+2]
		case (first || heading) && j+2 < lim && (rs[j] == '制' || rs[j] == '服') && (hasAt(rs, j, "制造业") || hasAt(rs, j, "服务业")):
			w = rs[i : j+3]
		case heading && (has2(rs, j, '领', '域') || has2(rs, j, '方', '面')) && j+2 == end:
			// (四)智能制造方面: a title naming an industry of the document's own.
			w = rs[i:j]
		case (has2(rs, j, '领', '域') || has2(rs, j, '环', '节') || has2(rs, j, '方', '向') || has2(rs, j, '方', '面') || has2(rs, j, '链', '上')) && j+2 < end && (rs[j+2] == '，' || rs[j+2] == ','):
			// 新能源整车领域，X…: the clause's firms are in X. 上游材料环节，X…:
			// X is in a segment of the section's chain. 一是保税研发方向，引进了X…
			// and 保税维修方面，X…: X is in the direction the sentence names.
			// (在)港航物流链上，X…: X is in the chain.
			w := tierCopula(rs[i:j])
			if rs[j] == '链' && w[0] == '在' {
				w = w[1:]
			}
			if len(w) == 2 && w[1] == '游' {
				// 上游环节，X…: a tier of the chain the section or the
				// document is about, no industry of its own.
				return industryRef{}, false
			}
			if allHan(w) && len(w) <= 8 && d.plausibleName(w) {
				var node *Node
				if v, ok := d.lx.industry.first(w, 0, len(w)); ok {
					node = d.lx.nodes[v]
				}
				if rs[j] == '方' && node == nil && !directionWord(w) {
					return industryRef{}, false // 民生方面，…; 招商引资方向，…: a topic
				}
				ref := d.docIndustry(w, node, sent)
				ref.segment = rs[j] == '环'
				if ref.segment && len(w) >= 4 && tierOpens(w) {
					// 上游制氢环节: the segment is 制氢 as well.
					d.entity(kg.TypeIndustry, nameOf(ref.id), d.runeStr(w[2:]))
				}
				return ref, true
			}
			return industryRef{}, false
		default:
			continue
		}
		if len(w) > j-i {
			j = i + len(w) - 2 // the predicate starts after the name
		}
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
		if k < end && rs[k] == '链' && (led || heading || first) && rs[j] == '产' {
			k++ // 第一，动力装备产业链稳住了基本盘: a section's chain
			if k < end && rs[k] == '条' {
				k++ // X产业链条持续做强
			}
		} else if k < end && runeIn("、和与及链", rs[k]) {
			return industryRef{}, false
		}
		for _, no := range []string{"指标", "运行", "工作", "总量", "形势", "数据"} {
			if hasAt(rs, k, no) {
				return industryRef{}, false // 主要经济指标 is no industry
			}
		}
		// The lead is short: the industry and a short predicate.
		stop := k
		for stop < end && !isClauseEnd(rs[stop]) {
			stop++
		}
		// X产业链是经开区的第一大产业链，…: a copula naming what the chain
		// is to the place leads its paragraph as growth does.
		copula := first && k < stop && rs[k] == '是' && indexRunes(rs, k, stop, "产业") > k
		if !heading && (stop-k > 16 || !led && !copula && !hasGrowthWord(rs[k:min(stop, k+6)]) || hasAt(rs, k, "加速器") || hasAt(rs, k, "孵化器") || hasAt(rs, k, "园")) {
			return industryRef{}, false
		}
		if d.placePrefix(w) > 0 {
			return industryRef{}, false // 坪山生物医药产业加速器 names a park
		}
		var node *Node
		if v, ok := d.lx.industry.first(w, 0, len(w)); ok {
			node = d.lx.nodes[v]
		}
		return d.docIndustry(w, node, sent), true
	}
	return industryRef{}, false
}

// tierOpens reports whether w opens with a tier of a chain: 上游, 中游 or
// 下游.
func tierOpens(w []rune) bool {
	return len(w) >= 2 && w[1] == '游' && runeIn("上中下", w[0])
}

// qualifierLen returns the rune length of a bracketed Han qualifier that
// ends an industry's name (新能源(光伏), 新材料(化工新材料)), or 0.
func qualifierLen(w []rune) int {
	if len(w) < 5 || w[len(w)-1] != ')' {
		return 0
	}
	for k := len(w) - 2; k >= 2; k-- {
		switch {
		case w[k] == '(':
			if len(w)-k >= 4 && len(w)-k <= 10 {
				return len(w) - k
			}
			return 0
		case !isHan(w[k]):
			return 0
		}
	}
	return 0
}

// titleVerbs are the verbs of titleVerbAt, longest first where one opens
// another; titleVerbFirst holds their first runes.
var titleVerbs = [...]string{"加快发展", "大力发展", "发展壮大", "培育壮大", "做大做强", "做强做优", "发展", "壮大", "做强", "做优", "打造", "布局", "提升", "突破", "聚焦", "推动", "培育", "深耕", "攻坚"}

var titleVerbFirst = firstRunes(titleVerbs[:])

// titleVerbAt returns the rune length of a verb that opens a section's
// title before the industry it names (做强, 发展壮大), or 0.
func titleVerbAt(rs []rune, i int) int {
	if i >= len(rs) || !runeIn(titleVerbFirst, rs[i]) {
		return 0 // most runes open no title verb: one test, not one a verb
	}
	for _, v := range titleVerbs {
		if hasAt(rs, i, v) {
			return runeLen(v)
		}
	}
	return 0
}

// ownTitleAt reports whether rs[i:end] opens with an industry of the
// document's own in a title: W产业 or W领域/W方面 as the whole of it.
func (d *doc) ownTitleAt(i, end int) bool {
	rs := d.rs
	for j := i + 2; j+1 < end && j < i+12; j++ {
		if !isHan(rs[j]) {
			return false
		}
		if has2(rs, j, '产', '业') || (has2(rs, j, '领', '域') || has2(rs, j, '方', '面')) && j+2 == end {
			return allHan(rs[i:j])
		}
	}
	return false
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
		if runeIn("及与和、", w[i]) && i > 0 && i+1 < len(w) {
			i++
			continue
		}
		return nil
	}
	return first
}

// hasIndustryWord reports whether a title reads like an industry's name
// (…装备, …制造, …健康, …信息) rather than a topic (区域发展).
// tierCopula returns the segment a tier is said to be (上游为硅片及光伏辅材,
// 中游是电池片和组件: 硅片及光伏辅材, 电池片和组件), or w as it is.
func tierCopula(w []rune) []rune {
	if len(w) >= 5 && tierOpens(w) && (w[2] == '为' || w[2] == '是') {
		return w[3:]
	}
	return w
}

func hasIndustryWord(w []rune) bool {
	s := string(w)
	for _, suf := range []string{"装备", "制造", "健康", "信息", "医药", "材料", "能源", "汽车", "经济", "服务", "技术", "电子", "产业", "智能", "航空", "航天", "物流", "文旅", "消费",
		"化工", "家电", "纺织", "食品", "机械", "仪器", "器械", "软件", "金融", "网", "储能", "光伏", "电池", "冶金", "建材", "商贸", "电商", "大数据", "算力", "农业", "旅游", "芯片", "器件", "设备", "制药", "安防", "环保", "节能", "海工", "船舶", "物联"} {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

// directionWord reports whether a direction's name (一是X方向，X方面，)
// reads like a line of business rather than a topic (民生, 招商引资).
func directionWord(w []rune) bool {
	if hasIndustryWord(w) {
		return true
	}
	for _, suf := range [...]string{"研发", "维修", "检测"} {
		if len(w) > 2 && hasAt(w, len(w)-2, suf) {
			return true
		}
	}
	return false
}

// trimIndustrySuffix removes 产业, 产业链, 产业集群 from the end of a name.
func trimIndustrySuffix(w []rune) []rune {
	for _, suf := range [...]struct {
		word string
		n    int // its runes
	}{{"产业集群", 4}, {"产业链", 3}, {"产业", 2}, {"集群", 2}, {"领域", 2}} {
		if len(w) > suf.n+1 && hasAt(w, len(w)-suf.n, suf.word) {
			return trimIndustryRank(w[:len(w)-suf.n])
		}
	}
	return w
}

// trimIndustryRank drops the rank a document gives its industry before
// 产业 (纺织服装首位产业, 电子信息主导产业).
func trimIndustryRank(w []rune) []rune {
	for _, q := range [...]string{"首位", "主导", "支柱", "特色", "优势", "龙头"} {
		if len(w) > 3 && hasAt(w, len(w)-2, q) {
			return w[:len(w)-2]
		}
	}
	return w
}

// docIndustry records an industry under the name the document uses: the
// taxonomy node itself when the name is the node's, else an entity of its
// own linked into the taxonomy (subIndustryOf the node).
func (d *doc) docIndustry(w []rune, node *Node, sent int) industryRef {
	name := d.runeStr(w)
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

// growthWords are the words hasGrowthWord looks for.
var growthWords = [...]string{"发展", "增长", "推进", "突破", "做强", "做优", "做大", "壮大", "提速", "成为",
	"加速", "集聚", "培育", "聚集", "稳步", "快速", "持续", "蓬勃", "迈上", "实现", "提升", "取得", "领跑", "提质",
	"升级", "起步", "崛起", "发力", "跃升", "巩固", "增效", "加快", "成势", "成链", "扩容", "领先", "突围",
	"齐升", "扩量", "延伸", "挺起", "转型", "蓄势", "跨越", "营收", "产值", "规模", "能级", "集聚",
	"活力", "迸发", "繁荣", "兴起", "活跃", "强链", "补链", "延链", "协同", "规范", "健康发展",
	"稳中有进", "向好", "上扬", "起势", "回升", "强劲", "良好", "亮眼", "势头", "韧性", "扩张", "攀升"}

// growthPairs holds the growth words of two runes, and 稳中有进's first
// two; growthFirst has bit r&1023 set for their first runes r. (健康发展
// holds 发展: it needs no test of its own.)
var growthPairs, growthFirst = func() (map[[2]rune]bool, [16]uint64) {
	pairs := map[[2]rune]bool{}
	var first [16]uint64
	for _, w := range growthWords {
		if w == "健康发展" {
			continue // its 发展 is a word of its own
		}
		rs := []rune(w)
		pairs[[2]rune{rs[0], rs[1]}] = true
		first[uint(rs[0])>>6&15] |= 1 << (uint(rs[0]) & 63)
	}
	return pairs, first
}()

// hasGrowthWord reports whether a lead's predicate w speaks of an industry's
// development (做强做优, 加速推进, 平稳增长, 成为新增长极): whether a growth
// word is in it. The words are looked up by the pairs of runes of w, which
// most pairs are turned down for by their first rune's bit, where a search
// of w for each of seventy words took one call each.
func hasGrowthWord(w []rune) bool {
	for i := 0; i+1 < len(w); i++ {
		r := w[i]
		if growthFirst[uint(r)>>6&15]&(1<<(uint(r)&63)) == 0 {
			continue
		}
		if growthPairs[[2]rune{r, w[i+1]}] && (r != '稳' || w[i+1] != '中' || i+3 < len(w) && w[i+2] == '有' && w[i+3] == '进') {
			return true
		}
	}
	return false
}

// inIndustry links a firm or project to the clause's industry context, and
// to a narrower chain of that context where the words of its name say so.
func (d *doc) inIndustry(id string, ctx industryCtx, si int, words []rune) {
	for _, c := range ctx {
		if c.park && !strings.HasPrefix(id, "enterprise/") {
			continue
		}
		d.relate(kg.Relation{Subject: id, Predicate: kg.PredInIndustry, Object: c.id, Confidence: 0.9}, si)
	}
	if len(ctx) == 0 || ctx[0].node == nil {
		return
	}
	top := ctx[0].node
	if len(top.Children) == 0 {
		return // only a node below top would be a narrower chain
	}
	// Called for every firm and project: one pass finds the industry names
	// and keywords, into buffers for all its calls (nothing in the loops
	// scans into them).
	hits := [2][]match{d.bufs[bufInIndustry][:0], d.bufs[bufInKeyword][:0]}
	d.lx.fit.scan(words, 0, len(words), hits[:])
	d.bufs[bufInIndustry], d.bufs[bufInKeyword] = hits[0], hits[1]
	for k, ms := range hits {
		for _, m := range ms {
			n := d.lx.nodes[m.val]
			if n == top || !n.Under(top) {
				continue
			}
			conf := 0.7
			if k == 1 {
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
