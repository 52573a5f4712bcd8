package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgraph/kg"
)

// developVerbs introduce a product: X参与研制的“P”, X自主研发的“P”,
// 首台“P” (the first unit off a line).
var developVerbs = []string{"自主品牌", "参与研制的", "自主研制的", "自主研发的", "联合研制的", "联合研发的", "研制的", "研发的", "推出的", "发布的", "生产的", "发布", "推出", "研制出", "研发出",
	"开发的", "自主开发的", "联合开发的", "首台", "首套", "首款", "设计的", "自主设计的"}

// develops reads X…研制的…“P”: the firm X develops the product P. Without
// X (其研制的“P”, 自主开发的“P”, 首台“P”下线, 其“P”系列) the firm is the one
// that opens the clause chain. mk marks the clause rs[a:b].
func (d *doc) develops(si, a, b int, mk *clauseMarks, ctx industryCtx) {
	if mk.product < 0 {
		// Each reading below names a product that is quoted or a model
		// (a Latin capital) in rs[a:b], where mk.product marks the first
		// of them: most clauses hold neither.
		return
	}
	rs := d.rs
	d.bufs[bufDevelop] = d.clauseHits(&d.devHits, si, a, b, d.lx.develop, d.bufs[bufDevelop])
	for _, m := range d.bufs[bufDevelop] {
		v, k := developVerbs[m.val], m.start
		// The product: the first quoted name after the verb (right after
		// it for a verb without 的: 发布“X”).
		// 推出中型纯电轿车“P”: 推出 names what it launches before the name.
		q0, q1 := d.quotedAfter(k+runeLen(v), b, strings.HasSuffix(v, "的") || v == "推出")
		if q0 < 0 {
			// An unquoted model right after the verb: 推出的FC-W8智能手表.
			if q0, q1 = modelAt(rs, k+runeLen(v), b); q0 < 0 {
				continue
			}
		}
		start, _ := d.stripLead(a, k)
		fa, fb := d.trimItem(start, k)
		for _, adv := range []string{"参与", "自主", "联合", "独立", "牵头", "成功"} {
			if fb-fa > runeLen(adv) && d.runeStr(rs[fb-runeLen(adv):fb]) == adv {
				fb -= runeLen(adv)
			}
		}
		// X新推出的: X, when X is a firm named before.
		if fb-fa > 3 && rs[fb-1] == '新' && d.firms[d.runeStr(rs[fa:fb-1])] != "" {
			fb--
		}
		// X联合高校研制的, X与Y联合研发的: X.
		for _, with := range []string{"联合", "携手", "与"} {
			if j := indexRunes(rs, fa+2, fb, with); j > 0 {
				fb = j
			}
		}
		var firm string
		switch {
		case fb == fa || fb-fa == 1 && rs[fa] == '其':
			if firm = d.chainFirm(si, k); firm == "" && rs[fa] == '其' && d.lastFirm != "" {
				firm = d.firm(d.lastFirm) // 其自主研发的“P”: the firm named last
			}
		case fb-fa >= 2 && d.plausibleName(rs[fa:fb]):
			firm = d.firm(d.runeStr(d.resolveLegal(rs[fa:fb])))
		}
		if firm == "" {
			continue
		}
		d.product(si, firm, q0, q1, k, b, ctx)
		d.moreProducts(si, firm, q1, b, ctx)
		return
	}
	// 其“P”系列, 其M-100型X: the quoted name or the model right after 其 is
	// a product of the firm that opens the chain.
	for i := mk.qi; i >= 0 && i+1 < b; i++ {
		if rs[i] != '其' {
			continue
		}
		p := i + 1
		for _, w := range [...]string{"新一代", "新款", "新型", "最新"} {
			if hasAt(rs, p, w) {
				p += runeLen(w) // 其新一代HQ13大功率燃气发动机
				break
			}
		}
		if _, e := modelAt(rs, p, b); !isQuoteMark(rs[p]) && e < 0 {
			continue
		}
		q0, q1 := d.namedProductAt(p, b)
		if q0 < 0 {
			continue
		}
		if firm := d.chainFirm(si, i); firm != "" {
			d.product(si, firm, q0, q1, i, b, ctx)
			d.moreProducts(si, firm, q1, b, ctx)
		}
		return
	}
	// X的“P”, XM-100型Y: a clause that opens with a firm named before, then
	// (after 的) a quoted name or a model.
	if n := d.knownFirmPrefix(rs[a:min(b, a+17)]); n > 0 {
		p := a + n
		of := p < b && rs[p] == '的'
		if of {
			p++
		}
		q0, q1 := d.namedProductAt(p, b)
		if q0 < 0 && of {
			// X的L4级自动驾驶系统“P”: a model's name in quotes after what it
			// is.
			if c0, c1 := d.quotedAfter(p, b, true); c0 >= 0 && c0-p <= 13 && hasDigit(rs[c0:c1]) {
				q0, q1 = c0, c1
			}
		}
		if q0 >= 0 {
			firm := d.firm(d.runeStr(rs[a : a+n]))
			d.product(si, firm, q0, q1, a, b, ctx)
			d.moreProducts(si, firm, q1, b, ctx)
			return
		}
	}
	d.clauseProduct(si, a, mk.product, b, ctx)
}

// clauseProduct reads a product that a clause names without a product
// verb: a model before what it is (主打产品KT-320红外测温模组, 首批LX-64线
// 激光雷达, 恒铣数控的HX-V600立式加工中心), a quoted series (新增“QS-Audio”
// 系列TWS耳机) or a quoted name after 产品 (产品“P”热沉片). Its firm is the
// one the clause opens with, else the one that opens the clause chain,
// else the firm the sentence named last. No name starts before from.
func (d *doc) clauseProduct(si, a, from, b int, ctx industryCtx) {
	rs := d.rs
	for i := from; i < b; i++ {
		r := rs[i]
		if (r < 'A' || r > 'Z') && !openQuote(r) {
			continue // most runes: one test
		}
		q0, q1 := -1, -1
		if openQuote(r) {
			c0, c1 := d.quotedAfter(i, b, false)
			if c0 < 0 || !hasAt(rs, c1+1, "系列") && !(i-2 >= a && hasAt(rs, i-2, "产品")) {
				continue
			}
			q0, q1 = c0, c1
		} else {
			if i > a && (rs[i-1] < 0x80 || isLatinLetter(rs[i-1])) {
				continue // inside a Latin word or after a figure
			}
			if i-2 >= a && isDigit(rs[i-2]) && runeIn("架台艘辆套部", rs[i-1]) {
				continue // 引进2架A321neo飞机: units bought, not made
			}
			m0, m1 := modelAt(rs, i, b)
			if m0 < 0 {
				continue
			}
			i = m1 - 1
			// What it is follows: 型 or a Han word that begins no
			// project (B20项目) nor a measure (PM2.5浓度).
			if m1 >= b || !isHan(rs[m1]) || d.lx.heads.any(rs, m1, min(b, m1+4)) || hasAt(rs, m1, "浓度") ||
				hasAt(rs, m1, "平均") || hasAt(rs, m1, "年均") || hasAt(rs, m1, "认证") || hasAt(rs, m1, "标准") {
				continue
			}
			q0, q1 = m0, m1
		}
		firm := d.productFirm(si, a, i)
		if firm == "" {
			return
		}
		d.product(si, firm, q0, q1, a, b, ctx)
		d.moreProducts(si, firm, q1, b, ctx)
		return
	}
}

// productFirm is the firm of a product named at rs[k] in clause rs[a:b]
// of sentence si: the firm the clause opens with (X的M型Y, where X may be
// a known firm's name without its last words: 恒铣数控 for 恒铣数控机床),
// the one that opens the clause chain, or the one the sentence named
// last; "" if none.
func (d *doc) productFirm(si, a, k int) string {
	rs := d.rs
	p, _ := d.stripLead(a, k)
	if n := d.knownFirmPrefix(rs[p:min(k+1, p+17)]); n > 0 {
		return d.firms[d.runeStr(rs[p:p+n])]
	}
	if j := indexRunes(rs, p, k, "的"); j-p >= 4 {
		if id := d.firmByPrefix(rs[p:j]); id != "" {
			return id
		}
	}
	if id := d.chainFirm(si, k); id != "" {
		return id
	}
	if id, ok := d.firms[d.lastFirm]; ok && d.lastFirmAt >= d.st.sents[si].start {
		return id
	}
	if strings.HasPrefix(d.topic, "project/") {
		// 7.X项目：Y公司投资建设…。进度：…，主打产品M型Z实现量产: the
		// topic's owner.
		for i := len(d.out.Relations) - 1; i >= 0; i-- {
			if r := &d.out.Relations[i]; r.Predicate == kg.PredHasProject && r.Object == d.topic {
				return r.Subject
			}
		}
	}
	return ""
}

// firmByPrefix returns the id of the firm the document named whose name,
// after its place (许昌瑞衡电控设备), goes on from w by at most three runes
// (恒铣数控 for 恒铣数控机床, 瑞衡电控 for 许昌瑞衡电控设备), or "". It walks
// the firms: call it only where a firm is expected.
func (d *doc) firmByPrefix(w []rune) string {
	if len(w) < 4 {
		return ""
	}
	s := d.runeStr(w)
	best := ""
	for name, id := range d.firms {
		if !strings.Contains(name, s) || strings.HasSuffix(name, "公司") {
			continue // most names
		}
		nr := []rune(name)
		if p := d.placePrefix(nr); p > 0 && hasAt(nr, p, s) {
			nr = nr[p:]
		}
		if n := len(nr) - len(w); n > 0 && n <= 3 && hasAt(nr, 0, s) && (best == "" || id < best) {
			best = id // map order is random: ties go to the smaller id
		}
	}
	return best
}

// namedProductAt returns the span of a product's name right at rs[p]: a
// quoted name followed by the noun of what it names (not 其“十四五”规划 nor
// a quoted project, 其“X”项目), or a model number; -1, -1 if none.
func (d *doc) namedProductAt(p, b int) (int, int) {
	rs := d.rs
	if m0, m1 := modelAt(rs, p, b); m0 >= 0 {
		if d.lx.heads.any(rs, m1, min(b, m1+4)) {
			return -1, -1 // X有限公司C2F扩建项目: a project's code
		}
		return m0, m1
	}
	q0, q1 := d.quotedAfter(p, b, false)
	if q0 < 0 || q1+1 >= b || !isHan(rs[q1+1]) || allNumerals(rs[q0:q1]) || d.lx.heads.any(rs, q1+1, min(b, q1+3)) {
		return -1, -1
	}
	for _, w := range notProducts {
		if hasAt(rs, q1-runeLen(w), w) {
			return -1, -1 // X“Y关键技术”获奖
		}
	}
	return q0, q1
}

// notProducts end quoted names that are no product: a technique, a
// process, a way of working.
var notProducts = [...]string{"技术", "工艺", "模式", "方案", "工程", "行动", "计划"}

// moreProducts reads the products listed after the one that ends at q1
// (“P”系列涂料、M-200型泵、“Q”胶囊): each item after 、 that opens with a
// quoted name or a model is also a product of firm.
func (d *doc) moreProducts(si int, firm string, q1, b int, ctx industryCtx) {
	rs := d.rs
	for q1 < b {
		j := q1
		for j < b && j-q1 < 16 && rs[j] != '、' && (isHan(rs[j]) || closeQuote(rs[j])) {
			j++
		}
		if j >= b || rs[j] != '、' {
			return
		}
		q0, e := d.namedProductAt(j+1, b)
		if q0 < 0 {
			return
		}
		d.product(si, firm, q0, e, j, b, ctx)
		q1 = e
	}
}

// modelAt returns the span of a model number at rs[i:b] (HC-300, FC-W8,
// WT-5.5MW, EV-280Ah: a Latin capital, then letters, digits, hyphens
// and points between digits, with a digit; 型 after it is no part of
// it), or -1, -1.
func modelAt(rs []rune, i, b int) (int, int) {
	if i >= b || rs[i] < 'A' || rs[i] > 'Z' {
		return -1, -1
	}
	k := i
	digit := false
	for k < b && k-i < 16 && modelRune(rs, k, b, digit) {
		digit = digit || isDigit(rs[k])
		k++
	}
	for k > i && rs[k-1] == '-' {
		k--
	}
	if !digit || k-i < 3 || k < b && rs[k] < 0x80 && unicode.IsLetter(rs[k]) {
		return -1, -1 // no digit, or a longer Latin word
	}
	return i, k
}

// modelRune reports whether rs[k] goes on a model number: a capital, a
// digit, a hyphen, a small letter after a digit (a unit: 314Ah, 2500kW)
// or a point between digits.
func modelRune(rs []rune, k, b int, digit bool) bool {
	switch r := rs[k]; {
	case r >= 'A' && r <= 'Z' || r == '-' || isDigit(r):
		return true
	case r >= 'a' && r <= 'z':
		return digit
	case r == '.':
		return digit && isDigit(rs[k-1]) && k+1 < b && isDigit(rs[k+1])
	}
	return false
}

// quotedAfter returns the span of the first quoted name (2 to 20 runes)
// within 30 runes after i, or right at i when !far, or -1, -1.
func (d *doc) quotedAfter(i, b int, far bool) (int, int) {
	rs := d.rs
	q0 := -1
	for j := i; j < min(b, i+30); j++ {
		if !far && j > i {
			break
		}
		if openQuote(rs[j]) {
			q0 = j + 1
			break
		}
	}
	if q0 < 0 {
		return -1, -1
	}
	q1 := q0
	for q1 < b && !closeQuote(rs[q1]) {
		q1++
	}
	if q1 >= b || q1-q0 < 2 || q1-q0 > 20 {
		return -1, -1
	}
	return q0, q1
}

// product records the product rs[q0:q1] of firm, read in clause rs[k:b].
func (d *doc) product(si int, firm string, q0, q1, k, b int, ctx industryCtx) {
	prod := d.entity(kg.TypeProduct, d.runeStr(d.rs[q0:q1]))
	d.relate(kg.Relation{Subject: firm, Predicate: kg.PredDevelops, Object: prod}, si)
	d.inIndustry(firm, ctx, si, d.rs[k:b])
}

// allNumerals reports whether w holds only Chinese numerals (十四五).
func allNumerals(w []rune) bool {
	for _, r := range w {
		if !chineseNumeral(r) {
			return false
		}
	}
	return true
}

// chainVerbs follow the firm that opens a clause chain (X入选…，其…).
var chainVerbs = [...]string{"入选", "获评", "荣获", "获得", "入围", "跻身", "成为", "联合", "携手", "通过", "牵头", "与"}

// chainVerb reports whether a verb that follows a firm opening a clause
// chain starts at rs[p:b].
func (d *doc) chainVerb(p, b int) bool {
	if _, n := d.lx.lead.longest(d.rs, p, b); n > 0 {
		return true
	}
	for _, v := range chainVerbs {
		if hasAt(d.rs, p, v) {
			return true
		}
	}
	return false
}

// chainFirm returns the id of the firm that opens the clause chain holding
// position k of sentence si (from the sentence's start or its last ；),
// which 其 and a clause without a subject refer to, or "".
func (d *doc) chainFirm(si, k int) string {
	rs := d.rs
	s := d.st.sents[si]
	a := k
	for a > s.start && k-a < 200 && rs[a-1] != '；' && rs[a-1] != ';' {
		a--
	}
	if _, n := sectionMarkerRunes(rs[a:min(k, a+12)]); n > 0 {
		a += n
	} else {
		a += itemMarker(rs, a, k)
	}
	a, _ = d.stripLead(a, k)
	for pass := 0; pass < 2 && k-a >= 2; pass++ {
		if id := d.knownFirmAt(a, k); id != "" {
			return id
		}
		// A name the document has not named yet, before a verb:
		// 璟和生物完成…, 澜江电子入选….
		for p := a + 2; p < min(k, a+10); p++ {
			if d.chainVerb(p, k) {
				if d.firmLike(rs[a:p]) && !d.isOrgName(rs[a:p]) {
					return d.firm(d.runeStr(rs[a:p]))
				}
				break
			}
		}
		// What the firm is, before its name: 本土创新企业X.
		j := indexRunes(rs, a, min(k, a+10), "企业")
		if j < 0 {
			break
		}
		a = j + 2
	}
	return ""
}

// firmPatterns reads firms from the words around them: X成为…企业,
// 与X签署…协议, X成功上市, …有限公司. The clause is rs[a:b], and its
// words start at start, after its opening verbs and adverbs; mk marks
// them.
func (d *doc) firmPatterns(si, a, b, start int, mk *clauseMarks, ctx industryCtx) {
	rs := d.rs
	// 链主企业X, 龙头企业X, and a clause that opens with a firm the
	// document named before (X产业链实现产值…，Y跻身…): the firm is in the
	// clause's industry.
	if len(ctx) > 0 {
		var id string
		k := start
		for _, role := range [...]string{"链主企业", "龙头企业", "链主"} {
			if !mk.leader {
				break // most clauses: no role to look for
			}
			if j := indexRunes(rs, a, b, role); j >= 0 {
				k = j + runeLen(role)
				id = d.knownFirmAt(k, b)
				break
			}
		}
		if id == "" && k == start {
			if n := d.knownFirmPrefix(rs[k:min(b+1, k+25, len(rs))]); n > 0 {
				id = d.firms[d.runeStr(rs[k:k+n])]
			}
		}
		if id != "" {
			d.inIndustry(id, ctx, si, rs[k:b])
		}
	}
	// X成为…企业/龙头/独角兽, within 14 runes of the start.
	if k := mk.chengwei; k > start && k+2 <= min(b, start+14) {
		rest := d.runeStr(rs[k:b])
		if strings.Contains(rest, "企业") || strings.Contains(rest, "龙头") || strings.Contains(rest, "独角兽") || strings.Contains(rest, "公司") {
			if fa, fb := d.trimItem(start, k); fb-fa >= 2 && d.firmLike(rs[fa:fb]) {
				id := d.firm(d.runeStr(rs[fa:fb]))
				d.inIndustry(id, ctx, si, rs[k:b])
			}
		}
	}
	// 与X签署/签订/签约.
	for i := a; i < b && mk.with; i++ {
		if rs[i] != '与' && rs[i] != '同' {
			continue
		}
		if k := signVerb(rs, i+1, min(b, i+40)); k >= 0 {
			fa, fb := d.trimItem(i+1, k)
			name := d.resolveLegal(rs[fa:fb])
			if len(name) >= 2 && d.firmLike(name) {
				id := d.firm(string(name))
				d.inIndustry(id, ctx, si, name)
				planned := d.planned(si, a, b)
				// 与X签约共建Y: Y is X's project, signed.
				if j := d.coBuilt(k, b); j > 0 {
					if pa, pb := d.trimItem(j, b); pb-pa >= 2 && d.isProjectName(rs[pa:pb]) && d.plausibleName(rs[pa:pb]) {
						d.ownedProject(si, id, d.runeStr(rs[pa:pb]), "签约", planned)
						continue
					}
				}
				d.relate(kg.Relation{Subject: id, Predicate: kg.PredStage, Value: "签约", Planned: planned}, si)
			}
		}
	}
	// X(成功)上市 / X在…上市 at the start of a clause.
	if k := mk.shangshi; k > start && (k+2 == b || hasAt(rs, k+2, "交易")) {
		j := k
		for _, adv := range []string{"成功", "正式", "挂牌", "顺利"} {
			if j-runeLen(adv) > start && d.runeStr(rs[j-runeLen(adv):j]) == adv {
				j -= runeLen(adv)
			}
		}
		if z := indexRunes(rs, start, j, "在"); z > start {
			j = z
		}
		if fa, fb := d.trimItem(start, j); fb-fa >= 2 && d.firmLike(rs[fa:fb]) {
			id := d.firm(d.runeStr(rs[fa:fb]))
			d.inIndustry(id, ctx, si, rs[fa:b])
		}
	}
	// Full legal names anywhere: …有限公司, …股份公司.
	for i := a; i+1 < b && mk.gongsi; i++ {
		if rs[i] != '公' || rs[i+1] != '司' || i > a && rs[i-1] == '子' && i+2 < b && isHan(rs[i+2]) {
			continue // X集团全资子公司Y有限公司: Y's legal name follows
		}
		end := i + 2
		j := i
		for j > a && i-j < 40 && (isHan(rs[j-1]) || rs[j-1] < 0x80 && (unicode.IsLetter(rs[j-1]) || unicode.IsDigit(rs[j-1])) || runeIn("()（）", rs[j-1])) {
			// 和 inside a name (诺和诺德…公司) is kept when a name goes on before it.
			if (rs[j-1] == '与' || rs[j-1] == '及' || rs[j-1] == '由' || rs[j-1] == '的' || rs[j-1] == '和' && (j < 2 || !isHan(rs[j-2]) || i-j > 4) && !d.inPlace(a, j-1, i) && !d.oneRuneBefore(a, j-1) && !d.placeOpensName(a, j-1)) &&
				(len(d.conjNamed) == 0 || !d.conjNameAt(j-1)) {
				break
			}
			if rs[j-1] == '为' && j-1 > a && runeIn("业位体方商", rs[j-2]) {
				break // 链主企业为X有限公司, 投资主体为X公司 (华为 goes on)
			}
			if _, n := d.lx.lead.suffix(rs[a:j], 4); n >= 2 {
				break
			}
			j--
		}
		// Not across a verb or a list (…等项目落地某某科技公司); 建设 before
		// a name's word is the name's (X开发建设集团有限公司).
		var buf [8]match // a few words at most: no allocation
		for _, m := range d.lx.stage.scan(rs, j, i, buf[:0]) {
			if stageWords[m.val].word == "建设" && runeIn("集投工发有股", rs[m.end]) {
				continue
			}
			j = m.end
			if j < i && rs[j] == '了' {
				j++ // 引进了X有限公司
			}
		}
		if k := lastIndexRune(rs[j:i], '等'); k >= 0 {
			j += k + 1
		}
		if end-j >= 6 && end-j <= 40 {
			// Trim verbs stuck in front (引进北京…公司).
			fa, _ := d.stripLead(j, end)
			if end-fa >= 6 {
				legal := d.runeStr(rs[fa:end])
				var id string
				if short := shortGiven(rs, end, b); short != "" {
					id = d.firmNamed(short, legal) // …有限公司(简称“X”)
				} else {
					id = d.firm(legal)
				}
				d.inIndustry(id, ctx, si, rs[fa:end])
			}
		}
		i = end
	}
}

// signVerb returns where the first of 签署, 签订, 签约 and 达成 that occurs
// in rs[a:e] is, in that order of preference (the first 签署 if there is
// one, else the first 签订, …), or -1: one pass, not a search a verb.
func signVerb(rs []rune, a, e int) int {
	first := [4]int{-1, -1, -1, -1}
	for k := a; k+1 < e; k++ {
		j := -1
		switch rs[k] {
		case '签':
			switch rs[k+1] {
			case '署':
				j = 0
			case '订':
				j = 1
			case '约':
				j = 2
			}
		case '达':
			if rs[k+1] == '成' {
				j = 3
			}
		}
		if j == 0 {
			return k
		}
		if j > 0 && first[j] < 0 {
			first[j] = k
		}
	}
	for _, k := range first {
		if k >= 0 {
			return k
		}
	}
	return -1
}

// oneRuneBefore reports whether one Han rune stands before rs[k] in
// rs[a:k], after a separator or a place (由内蒙古瑞和新材料…公司): too
// little for a name, so that the 和 at k joins no two names.
// beforeName holds the runes that end what precedes a name (由X, 与X,
// 的X, 在X), which oneRuneBefore and placeOpensName look behind.
const beforeName = "由与及和、的为在是"

// placeOpensName reports whether a province or city of the gazetteer
// stands right before the 和 at rs[k] and opens the name, after no other
// Han rune (甘肃和盛铝业有限公司: a legal name's place, not a list of a
// place and a firm).
func (d *doc) placeOpensName(a, k int) bool {
	rs := d.rs
	_, n := d.lx.place.suffix(rs[max(a, k-6):k], 6)
	return n >= 2 && (k-n == a || !isHan(rs[k-n-1]) || runeIn(beforeName, rs[k-n-1]))
}

func (d *doc) oneRuneBefore(a, k int) bool {
	rs := d.rs
	if k-1 < a || !isHan(rs[k-1]) {
		return false
	}
	if k-2 < a || !isHan(rs[k-2]) || runeIn(beforeName, rs[k-2]) {
		return true
	}
	_, n := d.lx.place.suffix(rs[max(a, k-7):k-1], 6)
	return n > 0
}

// knownFirmAt returns the id of the firm the document named before whose
// name, or its name without a business word at its end (X风电 for
// X风电装备), opens rs[k:b], or "". It walks the document's firms when
// the name is not known as written: call it after a word that announces a
// firm (链主企业), not at every clause.
func (d *doc) knownFirmAt(k, b int) string {
	rs := d.rs
	if n := d.knownFirmPrefix(rs[k:min(b+1, k+25, len(rs))]); n > 0 {
		return d.firms[d.runeStr(rs[k:k+n])]
	}
	if b-k < 4 || d.firmLensOf(rs[k]) == 0 {
		return ""
	}
	best, bestLen := "", 0
	for name, id := range d.firms {
		r, _ := utf8.DecodeRuneInString(name)
		if r != rs[k] {
			continue
		}
		nr := []rune(name)
		if _, n := d.lx.firmSuf.suffix(nr, 4); n > 0 && len(nr)-n >= 3 {
			nr = nr[:len(nr)-n]
		}
		// Map order is random: ties go to the smaller id.
		if (len(nr) > bestLen || len(nr) == bestLen && id < best) && len(nr) < b-k && hasAt(rs, k, string(nr)) {
			best, bestLen = id, len(nr)
		}
	}
	return best
}

// coBuilt returns where the object of 共建/合作共建/共同建设 begins after the
// signing verb at k (与X签约共建Y, 签署协议，共建Y), or 0.
func (d *doc) coBuilt(k, b int) int {
	for _, v := range []string{"共建", "合作共建", "共同建设", "合作建设", "联合建设", "共同打造"} {
		if j := indexRunes(d.rs, k, min(b, k+16), v); j > 0 {
			return j + runeLen(v)
		}
	}
	return 0
}

// isGovernment reports whether a name is a government body (区政府,
// 管委会), which signs agreements but is no firm.
func isGovernment(s string) bool {
	for _, suf := range []string{"政府", "管委会", "委员会", "党工委", "管理局", "办事处"} {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

// shortGiven reads (以下简称“X”), (简称“X”), (以下称“X”) or (下称“X”) at
// rs[i:b] and returns X.
func shortGiven(rs []rune, i, b int) string {
	if i >= b || rs[i] != '(' && rs[i] != '（' {
		return ""
	}
	j := i + 1
	switch {
	case hasAt(rs, j, "以下简称"):
		j += 4
	case hasAt(rs, j, "以下称") || hasAt(rs, j, "下称"):
		j += 3
		if rs[i+1] == '下' {
			j--
		}
	case hasAt(rs, j, "简称"):
		j += 2
	default:
		return ""
	}
	k := j
	for k < b && k-j < 20 && rs[k] != ')' && rs[k] != '）' {
		k++
	}
	if k >= b || k-j > 19 {
		return ""
	}
	short := trimQuotes(string(rs[j:k]))
	if runeLen(short) < 2 {
		return ""
	}
	return short
}

// firmLike reports whether a span can be a firm's name: a plausible name,
// not a place, industry or generic phrase.
func (d *doc) firmLike(w []rune) bool {
	if len(w) < 2 || len(w) > 24 || !d.plausibleName(w) {
		return false
	}
	if _, n := d.lx.place.longest(w, 0, len(w)); n == len(w) {
		return false
	}
	if _, n := d.lx.industry.longest(w, 0, len(w)); n == len(w) {
		return false
	}
	if _, ok := d.localPlaces[d.runeStr(w)]; ok || hasZoneSuffix(d.runeStr(w)) || isGovernment(d.runeStr(w)) {
		return false
	}
	if d.allGeneric(w) {
		return false
	}
	if runeIn("我全本各该其", w[0]) || containsAny(w, '、', '，') {
		return false // 我区, 全市, 本区…
	}
	return true
}

// mentions adds the places and industries the text names anywhere.
func (d *doc) mentions() {
	rs := d.rs
	n := len(d.st.sents)
	d.indFirst = slices.Grow(d.indFirst[:0], n)
	d.stageHits.first = slices.Grow(d.stageHits.first[:0], n)
	d.devHits.first = slices.Grow(d.devHits.first[:0], n)
	d.planHits.first = slices.Grow(d.planHits.first[:0], n)
	// Sized for what reports hold, so that they are seldom grown.
	d.stageHits.ms = slices.Grow(d.stageHits.ms[:0], n/2+8)
	d.planHits.ms = slices.Grow(d.planHits.ms[:0], n/4+8)
	d.indMatches = slices.Grow(d.indMatches[:0], n/2+8)
	for si, s := range d.st.sents {
		// One pass finds the places, industries and area suffixes, and the
		// stage, product and plan verbs the clause rules read.
		first := len(d.indMatches)
		d.stageHits.first = append(d.stageHits.first, len(d.stageHits.ms))
		d.devHits.first = append(d.devHits.first, len(d.devHits.ms))
		d.planHits.first = append(d.planHits.first, len(d.planHits.ms))
		hits := [6][]match{d.bufs[bufPlace][:0], d.indMatches, d.bufs[bufArea][:0], d.stageHits.ms, d.devHits.ms, d.planHits.ms}
		d.lx.sentence.scan(rs, s.start, s.end, hits[:])
		d.bufs[bufPlace], d.indMatches, d.bufs[bufArea] = hits[0], hits[1], hits[2]
		d.stageHits.ms, d.devHits.ms, d.planHits.ms = hits[3], hits[4], hits[5]
		for _, m := range d.bufs[bufPlace] {
			p := d.lx.places[m.val]
			// A province or city inside a name (浙江大学, 江苏银行) is no mention,
			// nor a place that a longer area name goes on from (蜀山经济开发区).
			if !d.local(p) && m.end < s.end && isHan(rs[m.end]) && !runeIn("省市、和与及等的区县", rs[m.end]) {
				continue
			}
			// A country before a firm's Latin name (德国Ahlberg GmbH) is
			// the firm's, not a place of the report's.
			if m.end < s.end && rs[m.end] >= 'A' && rs[m.end] <= 'Z' && !d.local(p) {
				continue
			}
			if v, n := d.lx.area.longest(rs, m.end, s.end); n > 1 && !isParkOf(areaSuffixes[v]) || hasAt(rs, m.end, "经济") || hasAt(rs, m.end, "高新") {
				continue
			}
			written := d.runeStr(rs[m.start:m.end])
			id := d.entity(kg.TypePlace, p.name, written)
			if p.parent != "" {
				d.relate(kg.Relation{Subject: id, Predicate: kg.PredPartOf, Object: p.parentID, Confidence: 1}, si)
			}
		}
		// Industry names: kept for industryMentions, which runs after the
		// rules (one scan of the text, not two).
		for _, m := range d.indMatches[first:] {
			d.named[d.lx.nodes[m.val]] = true
			if m.end+2 < s.end && rs[m.end+1] == '大' && chineseNumeral(rs[m.end]) {
				d.countedIndustries(si, m.end)
			}
		}
		d.indFirst = append(d.indFirst, first)
		d.areas(si)
	}
	// The document's own places under their short forms (坪山, 经开区).
	text := d.out.Documents[0].Text
	names := make([]string, 0, len(d.localPlaces))
	for name := range d.localPlaces {
		names = append(names, name)
	}
	sort.Strings(names) // a stable order of aliases
	for _, name := range names {
		if strings.Contains(text, name) {
			d.entity(kg.TypePlace, strings.TrimPrefix(d.localPlaces[name], "place/"), name)
		}
	}
}

// conjNames collects the short names given in brackets anywhere in the
// text ((以下简称和泰电驱), (简称瑞和医药)) that hold 和, 与 or 及: a
// list is not cut there, nor is a legal name, nor is a clause's first 和
// read as a conjunction, also before the bracket that gives them
// (许昌和泰电驱、莲城线束等). The bracket is read by givenShort, as a legal
// name's is (normalize has folded the brackets to ASCII).
func (d *doc) conjNames() {
	d.conjNamed = d.conjNamed[:0]
	text := d.out.Documents[0].Text
	for off := 0; ; {
		k := strings.Index(text[off:], "简称")
		if k < 0 {
			return
		}
		k += off
		off = k + len("简称")
		start := max(0, k-len("(以下"))
		o := strings.LastIndexByte(text[start:k], '(')
		c := strings.IndexByte(text[k:], ')')
		if o < 0 || c < 0 || c > 36 {
			continue
		}
		short := givenShort(text[start+o+1 : k+c])
		if !strings.ContainsAny(short, "和与及") {
			continue
		}
		if w := []rune(short); len(w) >= 3 && allHanOrLatin(w) {
			d.conjNamed = append(d.conjNamed, w)
		}
	}
}

// conjNameAt reports whether the 和, 与 or 及 at rs[i] is inside one of
// conjNames' names.
func (d *doc) conjNameAt(i int) bool {
	for _, w := range d.conjNamed {
		for c, r := range w {
			if r != d.rs[i] {
				continue
			}
			if s := i - c; s >= 0 && s+len(w) <= len(d.rs) && slices.Equal(d.rs[s:s+len(w)], w) {
				return true
			}
		}
	}
	return false
}

// industryMentions adds the industries the text names anywhere, after the
// rules have run: a name inside one of the document's own industry names
// (新能源 in 海洋新能源) is no mention of its own, nor is one inside a
// firm's or project's name (新材料 in X新材料有限公司), and A和B产业 names an
// industry of the document's own.
func (d *doc) industryMentions() {
	rs := d.rs
	indexed := false // nameSet is filled at the first name it is asked about
	for si, s := range d.st.sents {
		lim := len(d.indMatches)
		if si+1 < len(d.indFirst) {
			lim = d.indFirst[si+1]
		}
		ms := d.indMatches[d.indFirst[si]:lim]
		for k, m := range ms {
			n := d.lx.nodes[m.val]
			if m.end < s.end && rs[m.end] < 0x80 && m.start > s.start && rs[m.start-1] < 0x80 {
				continue // inside a Latin word
			}
			if m.end < s.end && rs[m.end-1] < 0x80 && isLatinLetter(rs[m.end]) {
				continue // the start of a Latin word or unit (5G in 5GWh)
			}
			if d.insideOwnIndustry(m.start, m.end) || problemListed(rs, m.end, s.end) {
				continue
			}
			if !indexed {
				d.indexNames()
				indexed = true
			}
			if d.insideName(s.start, s.end, m.start, m.end) && !d.chainedUnder(n) {
				// 新材料 in X新材料有限公司 names no industry, but is a
				// name the text has for one a rule found.
				if i, _ := d.findEntity(kg.TypeIndustry, n.Name); i >= 0 {
					d.entity(kg.TypeIndustry, n.Name, d.runeStr(rs[m.start:m.end]))
				}
				continue
			}
			// A modifier of a compound is no mention (新能源整车, 新能源汽车有限公司).
			if _, f := d.lx.keyword.longest(rs, m.end, s.end); f > 0 && f < 4 {
				continue
			}
			d.industry(industryRef{id: n.ID, node: n}, d.runeStr(rs[m.start:m.end]), si)
			// A和B产业: one industry of the document's own as well.
			if k+1 < len(ms) && ms[k+1].start == m.end+1 && runeIn("和与及", rs[m.end]) &&
				(hasAt(rs, ms[k+1].end, "产业") || strings.HasSuffix(d.runeStr(rs[ms[k+1].start:ms[k+1].end]), "产业")) {
				name := strings.TrimSuffix(d.runeStr(rs[m.start:ms[k+1].end]), "产业")
				id := d.entity(kg.TypeIndustry, name)
				d.relate(kg.Relation{Subject: id, Predicate: kg.PredSubIndustryOf, Object: n.ID, Confidence: 0.8}, si)
			}
		}
	}
}

// countedIndustries reads a list of industries counted after its last
// item (围绕A、B、C和D四大产业链; e is at 四): each item is an industry of
// the document's own, when the list holds as many as the count says.
func (d *doc) countedIndustries(si, e int) {
	rs := d.rs
	s := d.st.sents[si]
	n := strings.IndexRune("〇一两三四五六七八九十", rs[e]) / 3 // each rune of three bytes
	if rs[e] == '二' {
		n = 2
	}
	if n < 2 || !hasAt(rs, e+2, "产业") && !hasAt(rs, e+2, "主导产业") && !hasAt(rs, e+2, "支柱产业") {
		return
	}
	// The items, last first, and whether 和 opens each.
	var items [11][2]int
	var and [11]bool
	k, b := 0, e
	for i := e - 1; i >= s.start && k < len(items); i-- {
		r := rs[i]
		if r != '、' && r != '和' && !isSentenceEnd(r) && !runeIn("，：；,;:", r) && i > s.start && b-i <= 10 {
			continue
		}
		a := i + 1
		if i == s.start && !runeIn("、和", r) {
			a = i
		}
		if r != '、' && r != '和' {
			a, _ = d.stripLead(a, b) // 围绕A: the list's first item
		}
		if b-a < 2 || b-a > 10 {
			return
		}
		items[k], and[k] = [2]int{a, b}, r == '和'
		k++
		if r != '、' && r != '和' {
			break
		}
		b = i
	}
	if k == n+1 {
		// One 和 inside an industry's name (软件和信息服务): join its two
		// items, if it is the only 和.
		j := -1
		for x := 0; x < k; x++ {
			if and[x] {
				if j >= 0 {
					return
				}
				j = x
			}
		}
		if j < 0 || j+1 >= k || items[j][1]-items[j+1][0] > 10 {
			return
		}
		items[j+1][1] = items[j][1]
		copy(items[j:k-1], items[j+1:k])
		k--
	}
	if k != n {
		return
	}
	for _, it := range items[:k] {
		w := trimIndustrySuffix(rs[it[0]:it[1]])
		if !allHan(w) || !d.plausibleName(w) {
			return
		}
	}
	for _, it := range items[:k] {
		w := trimIndustrySuffix(rs[it[0]:it[1]])
		var node *Node
		if v, ok := d.lx.industry.first(w, 0, len(w)); ok {
			node = d.lx.nodes[v]
		}
		d.docIndustry(w, node, si)
	}
}

// problemListed reports whether the word ending at i is an item of a
// list of firms' problems (用工、融资、物流等问题), which names no industry.
func problemListed(rs []rune, i, end int) bool {
	for k := i; k < min(end, i+12); k++ {
		switch rs[k] {
		case '等':
			return hasAt(rs, k+1, "问题") || hasAt(rs, k+1, "难题") || hasAt(rs, k+1, "方面问题") || hasAt(rs, k+1, "方面的问题")
		case '，', '。', '；', '：', ',', ';':
			return false
		}
	}
	return false
}

// indexNames fills nameSet and nameLens from the firms and projects the
// rules found: an industry's word inside one of their names (X新材料有限公司,
// X新能源, X动力电池项目) is a word of the name, not the document naming the
// industry.
func (d *doc) indexNames() {
	for i := range d.out.Entities {
		e := &d.out.Entities[i]
		if e.Type != kg.TypeEnterprise && e.Type != kg.TypeProject {
			continue
		}
		d.indexName(e.Name)
		for _, a := range e.Aliases {
			d.indexName(a)
		}
	}
}

func (d *doc) indexName(name string) {
	r, size := utf8.DecodeRuneInString(name)
	if size == len(name) {
		return
	}
	d.nameSet[name] = struct{}{}
	d.nameLens.add(r, lenBit(runeLen(name)))
}

// chainedUnder reports whether an industry the rules found is a chain
// just under n: n is then the document's, even when written only inside a
// name (显示 in X显示 for X's 显示终端).
func (d *doc) chainedUnder(n *Node) bool {
	return d.chained[n]&chainBelow != 0
}

// insideName reports whether rs[a:b], in the sentence [lo, hi), lies
// inside a longer occurrence of a name of nameSet.
func (d *doc) insideName(lo, hi, a, b int) bool {
	for k := max(lo, a-16); k <= a; k++ {
		lens := d.nameLens.of(d.rs[k])
		if lens == 0 {
			continue
		}
		for n := max(b-k, 2); n < 63 && k+n <= hi && lens>>uint(n) != 0; n++ {
			if lens&lenBit(n) == 0 || k == a && n == b-a {
				continue
			}
			if _, ok := d.nameSet[d.str(k, k+n)]; ok {
				return true
			}
		}
	}
	return false
}

// insideOwnIndustry reports whether rs[a:b] lies inside an occurrence of
// one of the document's own industry names.
func (d *doc) insideOwnIndustry(a, b int) bool {
	word := d.str(a, b)
	if w := strings.TrimSuffix(word, "产业"); w != "" {
		word = w // 生物医药产业 inside 海洋生物医药产业
	}
	for _, own := range d.ownIndustries {
		o := strings.Index(own, word)
		if o < 0 || own == word {
			continue
		}
		start := a - runeLen(own[:o])
		if start >= 0 && hasAt(d.rs, start, own) {
			return true
		}
	}
	return false
}

// isShortOf reports whether short (经开区) abbreviates the zone's name.
func isShortOf(short, zone string) bool {
	switch short {
	case "经开区":
		return strings.HasSuffix(zone, "经济技术开发区") || strings.HasSuffix(zone, "经济开发区")
	case "高新区":
		return strings.HasSuffix(zone, "高新技术产业开发区") || strings.HasSuffix(zone, "高新区")
	case "开发区":
		return strings.HasSuffix(zone, "开发区")
	case "新区":
		return strings.HasSuffix(zone, "新区")
	case "综保区":
		return strings.HasSuffix(zone, "综合保税区") || strings.HasSuffix(zone, "综保区")
	}
	return false
}

// ShortName is the short form of a firm's name, used to resolve firms
// across documents: the region in front, the bracketed region and the legal
// and generic suffixes are removed (海川科技集团股份有限公司 → 海川,
// 北京云帆科技有限责任公司 → 云帆). A name without them is returned as is.
func ShortName(full string) string {
	s := trimSpace(trimQuotes(full))
	// A bracketed region or note: 中国(北京)…, …(中国)有限公司. Most names
	// have none, and are kept as they are.
	if !plainName(s) {
		var b strings.Builder
		depth := 0
		for _, r := range []rune(s) {
			switch r {
			case '(', '（':
				depth++
				continue
			case ')', '）':
				if depth > 0 {
					depth--
				}
				continue
			}
			if depth == 0 {
				b.WriteRune(r)
			}
		}
		s = b.String()
	}
	for changed := true; changed; {
		changed = false
		// When the last byte of s ends none of the suffixes (most names,
		// once their legal suffix is gone), none of them matches: one
		// test instead of one a suffix.
		for _, suf := range shortSuffixes {
			if len(s) == 0 || shortSuffixLast[s[len(s)-1]>>6]&(1<<(s[len(s)-1]&63)) == 0 {
				break
			}
			if suf[len(suf)-1] != s[len(s)-1] || !strings.HasSuffix(s, suf) {
				continue // most suffixes end in another byte: no call
			}
			if rest := trimSpace(s[:len(s)-len(suf)]); hasRunes(rest, 2) && rest != "有限" && rest != "股份有限" {
				s = rest
				changed = true
			}
		}
		// The prefixes are tried in their order, only those that open
		// with s's first rune (most names open with none).
		for k := 0; ; k++ {
			r, _ := utf8.DecodeRuneInString(s)
			k = nextRegion(r, k)
			if k < 0 {
				break
			}
			if pre := regionPrefixes[k]; strings.HasPrefix(s, pre) && hasRunes(s[len(pre):], 2) {
				s = s[len(pre):]
				changed = true
			}
		}
	}
	// Business words the short form drops: X集成电路(制造) is X集成,
	// X生物医药 is X生物.
	for _, suf := range []string{"集成电路制造", "集成电路"} {
		if strings.HasSuffix(s, suf) && runeLen(s) > runeLen(suf)+1 {
			s = strings.TrimSuffix(s, suf) + "集成"
		}
	}
	for _, pair := range [...]struct{ word, drop string }{{"生物医药", "医药"}, {"生物制药", "制药"}, {"半导体技术", "技术"}, {"电子技术", "技术"}} {
		if strings.HasSuffix(s, pair.word) && runeLen(s) > runeLen(pair.word)+1 {
			s = strings.TrimSuffix(s, pair.drop)
		}
	}
	if s == "" {
		return strings.TrimSpace(full)
	}
	return s
}

// plainName reports whether s is valid UTF-8 with no bracket, ( ) （ ）,
// in one pass that tests three-byte runes in place (ShortName asked four
// searches and utf8.ValidString).
func plainName(s string) bool {
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c < utf8.RuneSelf:
			if c == '(' || c == ')' {
				return false
			}
			i++
		case c >= 0xe1 && c < 0xf0 && c != 0xed && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80:
			// Never overlong, never a surrogate: valid. （ is EF BC 88, ） EF BC 89.
			if c == 0xef && s[i+1] == 0xbc && (s[i+2] == 0x88 || s[i+2] == 0x89) {
				return false
			}
			i += 3
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				return false
			}
			i += size
		}
	}
	return true
}

// trimSpace is strings.TrimSpace, which trims a name with no space at
// either end (nearly all of them: a Han rune first and last) without a
// call to decode each end.
func trimSpace(s string) string {
	if s == "" {
		return s
	}
	if n := len(s); n >= 3 && s[0] >= 0xe4 && s[0] < 0xf0 && s[n-3] >= 0xe4 && s[n-3] < 0xf0 && s[n-2]&0xc0 == 0x80 && s[n-1]&0xc0 == 0x80 {
		// A lead byte of U+4000–U+FFFF at each end, where no rune is a
		// space (nor is the U+FFFD a broken one decodes to).
		return s
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if !unicode.IsSpace(first) && !unicode.IsSpace(last) {
		return s
	}
	return strings.TrimSpace(s)
}

// hasRunes reports whether s holds n runes or more (runeLen(s) >= n),
// counting no further.
func hasRunes(s string, n int) bool {
	if len(s) > 4*(n-1) {
		return true // no rune is longer than four bytes
	}
	for range s {
		if n--; n <= 0 {
			return true
		}
	}
	return n <= 0
}

// shortSuffixes are the legal and generic suffixes ShortName removes, in
// the order it tries them; shortSuffixLast marks their last bytes.
var shortSuffixes = []string{"股份有限公司", "有限责任公司", "有限公司", "股份公司", "集团公司", "公司",
	"集团", "控股", "股份", "科技", "技术", "发展", "实业", "国际", "投资", "Co.,Ltd.", "Co., Ltd.", "Ltd.", "Inc.",
	"Corporation", "Corp.", "GmbH", "LLC"}

var shortSuffixLast = func() (set [4]uint64) {
	for _, suf := range shortSuffixes {
		c := suf[len(suf)-1]
		set[c>>6] |= 1 << (c & 63)
	}
	return set
}()

// firstRunes returns the first runes of words, each once, for a test of
// one rune that turns down most positions before the words are tried.
func firstRunes(words []string) string {
	var b strings.Builder
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !strings.ContainsRune(b.String(), r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// regionsBy lists the indexes in regionPrefixes of the prefixes that open
// with a rune, in order.
var regionsBy = func() map[rune][]int {
	m := map[rune][]int{}
	for k, pre := range regionPrefixes {
		r, _ := utf8.DecodeRuneInString(pre)
		m[r] = append(m[r], k)
	}
	return m
}()

// nextRegion returns the first index ≥ k in regionPrefixes of a prefix
// that opens with r, or -1.
func nextRegion(r rune, k int) int {
	for _, j := range regionsBy[r] {
		if j >= k {
			return j
		}
	}
	return -1
}

// regionPrefixes are the region names that open legal names of firms.
var regionPrefixes = append([]string{
	"河北省", "山西省", "辽宁省", "吉林省", "黑龙江省", "福建省", "江西省", "河南省", "湖南省", "广东省", "海南省",
	"贵州省", "云南省", "陕西省", "甘肃省", "青海省", "台湾省", "内蒙古", "广西", "西藏", "宁夏", "新疆", "山西",
	"辽宁", "黑龙江", "福建", "江西", "河南", "湖南", "海南", "贵州", "云南", "陕西", "甘肃", "青海",
	"长春", "哈尔滨", "石家庄", "太原", "沈阳", "大连", "南昌", "福州", "昆明", "贵阳", "南宁", "兰州", "西宁",
	"银川", "乌鲁木齐", "呼和浩特", "烟台", "潍坊", "徐州", "南通", "常州", "绍兴", "嘉兴", "温州", "珠海", "惠州",
	"中国", "北京市", "北京", "天津市", "天津", "上海市", "上海", "重庆市", "重庆", "深圳市", "深圳", "广州市", "广州",
	"苏州市", "苏州", "杭州市", "杭州", "南京市", "南京", "武汉市", "武汉", "成都市", "成都", "西安市", "西安",
	"合肥市", "合肥", "无锡市", "无锡", "宁波市", "宁波", "青岛市", "青岛", "厦门市", "厦门", "长沙市", "长沙",
	"郑州市", "郑州", "济南市", "济南", "东莞市", "东莞", "佛山市", "佛山", "江苏省", "江苏", "浙江省", "浙江",
	"广东省", "广东", "山东省", "山东", "河北省", "河北", "湖北省", "湖北", "四川省", "四川", "安徽省", "安徽",
}, foreignCountries...)

// foreignCountries are the countries (and 香港, 台湾) written before a
// foreign firm's name: 德国X汽车零部件（太仓）有限公司, 新加坡X Pte. Ltd..
var foreignCountries = []string{
	"德国", "美国", "日本", "韩国", "法国", "英国", "瑞士", "瑞典", "意大利", "荷兰", "丹麦", "新加坡",
	"以色列", "芬兰", "挪威", "奥地利", "比利时", "西班牙", "加拿大", "澳大利亚", "爱尔兰", "香港", "台湾",
}

// resolveLegal rewrites a name that holds a firm's full legal name: the
// firm is recorded under its short name (or the name given in 以下简称“X”),
// the legal name becomes its alias, and the rest keeps the short name in
// front (西安X硅片技术有限公司(以下简称“X”)12英寸硅片二期项目 → X12英寸硅片二期项目).
func (d *doc) resolveLegal(w []rune) []rune {
	// One pass for both tests (containsAny takes its set as a slice).
	bracket, si := false, false
	for _, r := range w {
		switch r {
		case '(', '（':
			bracket = true
		case '司':
			si = true
		}
	}
	if !bracket && !si {
		return w
	}
	out := w // no brackets (most names with 司): w itself, not a copy
	if bracket {
		out = d.unbracket(w)
	}
	// A legal name followed by its project: …有限公司N3工厂.
	s := d.runeStr(out)
	d.keepStr(out, s)
	if k := strings.Index(s, "公司"); k > 0 {
		rest := out[runeLen(s[:k])+2:]
		legal := s[:k+len("公司")]
		if len(rest) >= 2 && d.hasHead(rest) && runeLen(legal) >= 4 {
			short := d.knownShort(legal)
			if id, ok := d.firms[legal]; ok {
				short = nameOf(id)
			} else {
				d.firmNamed(short, legal)
			}
			named := append([]rune(short), rest...)
			if d.writtenAs == nil {
				d.writtenAs = map[string]string{}
			}
			d.keepStr(named, string(named))
			d.writtenAs[d.runeStr(named)] = s
			return named
		}
	}
	return out
}

// unbracket is resolveLegal's reading of the brackets in w: (以下简称“X”)
// names the firm before it X, (English name) gives it an alias, and other
// brackets stay.
func (d *doc) unbracket(w []rune) []rune {
	out := make([]rune, 0, len(w))
	for i := 0; i < len(w); i++ {
		if w[i] != '(' && w[i] != '（' {
			out = append(out, w[i])
			continue
		}
		q := i + 1
		for q < len(w) && w[q] != ')' && w[q] != '）' {
			q++
		}
		if q >= len(w) {
			out = append(out, w[i:]...)
			break
		}
		c := strings.TrimSpace(d.runeStr(w[i+1 : q]))
		switch {
		case givenShort(c) != "":
			if short := givenShort(c); runeLen(short) >= 2 {
				d.firmNamed(short, string(out))
				out = append(out[:0], []rune(short)...)
			}
		case d.bracketShort(out, w[i+1:q]):
			// 鸿图精密机械有限公司（鸿图精密）: a legal name's short name in
			// brackets, without 简称.
			short := trimQuotes(c)
			d.firmNamed(short, string(out))
			out = append(out[:0], []rune(short)...)
		case d.bracketShort(w[i+1:q], out):
			// 鸿图精密（安徽鸿图精密机械有限公司）: the short name first, the
			// legal name in brackets after it.
			d.firmNamed(string(out), c)
		case latinBefore(out) > 0 && len(c) >= 6 && len(c) <= 18 && allHan(w[i+1:q]):
			// ACM（艾科姆）, Norvik Energy（诺维克能源）: a Latin name first,
			// its Chinese name in brackets, both kept in what it names.
			d.firmNamed(string(out[len(out)-latinBefore(out):]), c)
			out = append(out, w[i:q+1]...)
		case isASCIIName(c) && len(out) >= 2:
			// An English name: (LONGi), (Thermo Fisher).
			legal := string(out)
			if d.hasLegalSuffix(legal) {
				d.firmNamed(ShortName(legal), legal, c)
			} else {
				d.firmNamed(legal, "", c)
			}
		default:
			out = append(out, w[i:q+1]...)
		}
		i = q
	}
	return out
}

// givenShort returns X of a bracket's content 以下简称“X”, 简称X, 以下称“X”
// or 下称“X”, or "".
func givenShort(c string) string {
	for _, p := range []string{"以下简称", "简称", "以下称", "下称"} {
		if strings.HasPrefix(c, p) {
			return trimQuotes(strings.TrimLeft(strings.TrimPrefix(c, p), ":：为 "))
		}
	}
	return ""
}

// bracketShort reports whether the bracket c that follows name is the
// name's short form: name is a legal name (…公司), c is 2 to 8 Han runes
// that begin as name begins after its region, and c is no region.
func (d *doc) bracketShort(name, c []rune) bool {
	if len(c) < 2 || len(c) > 8 || !d.hasLegalSuffix(d.runeStr(name)) {
		return false
	}
	for _, r := range c {
		if !isHan(r) {
			return false
		}
	}
	short := d.runeStr(c)
	if _, n := d.lx.place.longest(c, 0, len(c)); n == len(c) {
		return false
	}
	// The short form shares its first two runes with the name, after the
	// name's region or country (安徽鸿图精密…（鸿图精密）).
	full := d.runeStr(name)
	for i := range full {
		if strings.HasPrefix(full[i:], string(c[:2])) {
			return i < len(full)-len(short)
		}
	}
	return false
}

// knownShort is the short name of a legal name, preferring a firm the
// document already named (晶合集成 for 合肥晶合集成电路股份有限公司).
func (d *doc) knownShort(legal string) string {
	short, ok := d.shorts[legal]
	if !ok {
		short = ShortName(legal)
		d.shorts[legal] = short
	}
	// Its prefixes of 2 runes up to all but the last, longest first, cut
	// from short at rune boundaries rather than copied.
	var starts [64]int // where each rune of short starts
	n := 0
	broken := false // a U+FFFD, which may be a broken byte: asked below
	for i, r := range short {
		if n == len(starts) {
			n = -1 // a name this long is rare: copied below
			break
		}
		starts[n] = i
		n++
		broken = broken || r == utf8.RuneError
	}
	if n >= 0 && (!broken || utf8.ValidString(short)) {
		r, _ := utf8.DecodeRuneInString(short)
		lens := d.firmLensOf(r)
		for k := n - 1; k >= 2; k-- {
			if lens&lenBit(k) == 0 {
				continue
			}
			if id, ok := d.firms[short[:starts[k]]]; ok {
				return nameOf(id)
			}
		}
		return short
	}
	rs := []rune(short)
	for k := len(rs) - 1; k >= 2; k-- {
		if id, ok := d.firms[string(rs[:k])]; ok {
			return nameOf(id)
		}
	}
	return short
}

func isASCIIName(s string) bool {
	if s == "" {
		return false
	}
	letters := 0
	for _, r := range s {
		if r >= 0x80 {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// firmNamed records a firm under name with the given aliases.
func (d *doc) firmNamed(name string, aliases ...string) string {
	typ := kg.TypeEnterprise
	if d.isOrgNameOf(name) {
		typ = kg.TypeOrganization
	}
	id := d.entity(typ, name, aliases...)
	d.lastFirm, d.lastFirmAt = name, d.focus
	d.addFirm(name, id)
	for _, a := range aliases {
		if a != "" {
			d.addFirm(a, id)
		}
	}
	return id
}

func lastIndexRune(rs []rune, r rune) int {
	for i := len(rs) - 1; i >= 0; i-- {
		if rs[i] == r {
			return i
		}
	}
	return -1
}

// latinForms are the legal forms that end a foreign firm's Latin name,
// longest first.
var latinForms = []string{"Co., Ltd.", "Co.,Ltd.", "Pte. Ltd.", "Pty Ltd", "Limited", "Ltd.", "GmbH", "Inc.",
	"S.p.A.", "S.A.", "B.V.", "N.V.", "Corp.", "Corporation", "LLC", "AG", "SE"}

// latinFirms records the foreign firms a sentence names in Latin letters
// with their legal form (德国Ahlberg Werkzeug GmbH与…, 新加坡X Pte. Ltd.增资,
// 日本X株式会社在…): each under its name without the form, with the name as
// written and with the country before it as aliases, so that the clause
// rules find it where the sentence names it. A name in brackets is an
// alias of the firm before it, and left to the rules for those.
func (d *doc) latinFirms(si int, ctx industryCtx) {
	rs := d.rs
	s := d.st.sents[si]
	for i := s.start; i < s.end; i++ {
		if rs[i] < 'A' || rs[i] > 'Z' || i > s.start && isLatinLetter(rs[i-1]) {
			continue
		}
		j := i
		for j < s.end && (isLatinLetter(rs[j]) || rs[j] >= '0' && rs[j] <= '9' || strings.ContainsRune(" .,&-'", rs[j])) {
			j++
		}
		if i > s.start && (rs[i-1] == '(' || rs[i-1] == '（') {
			i = j
			continue
		}
		end := j
		for end > i && (rs[end-1] == ' ' || rs[end-1] == ',') {
			end--
		}
		start := i
		full := d.runeStr(rs[i:end])
		short := ""
		for _, f := range latinForms {
			if strings.IndexByte(full, ' ') < 0 {
				break // every form follows a space: most names, one test
			}
			if strings.HasSuffix(full, f) && len(full) > len(f)+2 && full[len(full)-len(f)-1] == ' ' {
				short = strings.TrimRight(full[:len(full)-len(f)], " ,")
				break
			}
		}
		if short == "" && end == j && hasAt(rs, j, "株式会社") {
			short, full = full, d.runeStr(rs[i:j+4])
		}
		i = j
		if short == "" || !isASCIIName(short) && !strings.ContainsRune(short, ' ') {
			continue
		}
		if _, ok := d.firms[full]; ok {
			continue // named before, in brackets after its Chinese name
		}
		country := ""
		for _, c := range foreignCountries {
			if n := runeLen(c); start >= n && hasAt(rs, start-n, c) {
				country = c + full
				break
			}
		}
		id := d.firmNamed(short, full, country)
		d.inIndustry(id, ctx, si, nil)
	}
}

// latinBefore returns the rune length of the Latin name that ends w
// (letters, digits and spaces, opening with a capital, of two letters or
// more, after no other Latin), or 0.
func latinBefore(w []rune) int {
	i := len(w)
	for i > 0 && (w[i-1] < 0x80 && (unicode.IsLetter(w[i-1]) || unicode.IsDigit(w[i-1]) || w[i-1] == ' ')) {
		i--
	}
	for i < len(w) && w[i] == ' ' {
		i++
	}
	if len(w)-i < 2 || w[i] < 'A' || w[i] > 'Z' || !isASCIIName(string(w[i:])) {
		return 0
	}
	return len(w) - i
}

// isLatinLetter reports whether r is a letter of the Latin alphabets
// (ASCII and the accented letters of Latin-1 and Latin Extended-A/B).
func isLatinLetter(r rune) bool {
	return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= 0xC0 && r <= 0x24F && r != 0xD7 && r != 0xF7
}
