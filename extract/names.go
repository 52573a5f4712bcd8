package extract

// Names: the shape of project and firm names, owner prefixes, place
// prefixes and the generic words projects are named with.

import (
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgraph/kg"
)

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
	lens := d.firmLensOf(w[0])
	if lens == 0 {
		return 0
	}
	if p := d.runeIndex(w); p >= 0 && d.off != nil {
		// A piece of the text, as most names are: its prefixes are cut
		// from the text at the runes' offsets.
		for k := min(len(w)-1, 16); k >= 2; k-- {
			if lens&lenBit(k) != 0 {
				if _, ok := d.firms[d.text[d.off[p]:d.off[p+k]]]; ok {
					return k
				}
			}
		}
		return 0
	}
	// One conversion; prefixes are cut at rune boundaries of it.
	s := d.runeStr(w[:min(len(w)-1, 16)])
	var ends [17]int
	n, off := 0, 0
	for _, r := range w[:min(len(w)-1, 16)] {
		off += utf8.RuneLen(r)
		n++
		ends[n] = off
	}
	for k := n; k >= 2; k-- {
		if lens&lenBit(k) == 0 {
			continue
		}
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
	// Speech points at a thing or asks about it (这个项目, 这些片区,
	// 请问今年有哪些项目): no names.
	if (w[0] == '这' || w[0] == '那') && runeIn("个些", w[1]) || w[0] == '请' && w[1] == '问' {
		return false
	}
	han := 0
	for i, r := range w {
		switch {
		case isHan(r):
			han++
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || runeIn("()+-.·& ", r)):
		case runeIn("（）·", r):
		default:
			return false
		}
		if r == '的' || r == '了' || r == '在' {
			return false
		}
		// 达到, 建成后, 以上, 亿元, 万元 and 一家 (江苏一家光伏企业: a firm the
		// text leaves unnamed), tested as runes after r.
		switch r {
		case '达':
			if has2(w, i, '达', '到') {
				return false
			}
		case '建':
			if i+2 < len(w) && w[i+1] == '成' && w[i+2] == '后' {
				return false
			}
		case '以':
			if has2(w, i, '以', '上') {
				return false
			}
		case '亿', '万':
			if has2(w, i, r, '元') {
				return false
			}
		case '一':
			if has2(w, i, '一', '家') {
				return false
			}
		}
		// A count (22个, 6家) inside is a phrase, not a name.
		if isDigit(r) && i+1 < len(w) && runeIn("个家项名处批", w[i+1]) &&
			!(i+2 < len(w) && w[i+1] == '项' && w[i+2] == '目') && !(i > 0 && w[i-1] < 0x80 && unicode.IsLetter(w[i-1])) {
			return false
		}
		if i > 0 && d.lx.inner.starts(r) {
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
	if _, ok := d.firms[d.runeStr(w)]; ok {
		return true
	}
	// An English name (ABB, IBM).
	return latinName(w) && !unicode.IsDigit(w[0])
}

// latinName reports whether w is an English firm's name as reports write
// it: two or more capitals, digits, & or - (ABB, SKIET, 3M).
func latinName(w []rune) bool {
	for _, r := range w {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '&' || r == '-') {
			return false
		}
	}
	return len(w) >= 2
}

func (d *doc) placePrefix(w []rune) int {
	_, n := d.lx.place.longest(w, 0, len(w))
	names := d.localNames()
	for i, name := range names {
		if len(w) > 0 && d.localFirst[i] == w[0] && hasAt(w, 0, name) {
			if k := runeLen(name); k > n && k < len(w) && !isZoneShort(name) {
				n = k
			}
		}
	}
	return n
}

// localNames are the document's own place names, longest first.
// Names are only ever added to localPlaces, so the sorted list stays
// right while its length does; callers only read it.
func (d *doc) localNames() []string {
	if d.localSorted != nil && len(d.localSorted) == len(d.localPlaces) {
		return d.localSorted
	}
	names := make([]string, 0, len(d.localPlaces))
	for n := range d.localPlaces {
		names = append(names, n)
	}
	// Longest first, then in byte order: a total order of distinct names,
	// sorted without sort.Slice's reflection (an allocation each time).
	slices.SortFunc(names, func(a, b string) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return strings.Compare(a, b)
	})
	d.localSorted = names
	d.localFirst = d.localFirst[:0]
	for _, n := range names {
		r, _ := utf8.DecodeRuneInString(n)
		d.localFirst = append(d.localFirst, r)
	}
	return names
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
	name := d.runeStr(w)
	ownerLen := 0 // ownerName's runes, known where it is cut
	town, pid := 0, ""
	n := d.placePrefix(w)
	if n == 0 {
		if town = townPrefix(w); town == 0 {
			town, pid = d.areaPrefix(w)
		}
	}
	if town > 0 {
		// 银坑镇农副产品加工产业园, 沣东新城氢能示范线: a town, street,
		// quarter or area the gazetteer lacks opens the name.
		proj = d.entity(kg.TypeProject, name)
		if pid == "" {
			pid = d.localPlaces[d.runeStr(w[:town])]
		}
		if pid == "" {
			pid = d.entity(kg.TypePlace, d.runeStr(w[:town]))
		}
		d.relate(kg.Relation{Subject: proj, Predicate: kg.PredLocatedIn, Object: pid}, si)
		rest := w[town:]
		if d.genericAt(rest, 0) > 0 {
			return proj, "", ""
		}
		if k := d.ownerSplit(rest); k > 0 && d.isFirmName(rest[:k]) {
			ownerName, ownerLen = d.runeStr(rest[:k]), k
		}
	} else if n > 0 && n < len(w) && !d.orgInside(w) && !d.firmSuffixAt(w, n) && !d.cityInFirmName(w, n) {
		if d.isCategory(w[n:]) && d.isCategory(w) {
			return "", "", ""
		}
		proj = d.entity(kg.TypeProject, name)
		d.locatedIn(proj, w[:n], si)
		rest := w[n:]
		if len(rest) >= 5 && runeIn("东南西北中", rest[0]) && rest[1] == '区' {
			// 综保区南区仓储中心二期: a part of the place, no owner.
			pid := d.entity(kg.TypePlace, d.runeStr(w[:n+2]))
			d.relate(kg.Relation{Subject: proj, Predicate: kg.PredLocatedIn, Object: pid}, si)
			return proj, "", ""
		}
		if d.genericAt(rest, 0) > 0 {
			return proj, "", ""
		}
		if k := d.ownerSplit(rest); k > 0 {
			ownerName, ownerLen = d.runeStr(rest[:k]), k
		}
	} else if k := d.ownerSplit(w); k > 0 && !d.isArea(name) {
		ownerName, ownerLen = d.runeStr(w[:k]), k
		proj = d.entity(kg.TypeProject, name)
	} else if inherit != "" && d.genericAt(w, 0) > 0 && d.allGeneric(w) {
		ownerName, ownerLen = inherit, runeLen(inherit)
		proj = d.entity(kg.TypeProject, inherit+name, name)
	} else {
		if d.isCategory(w) {
			return "", "", ""
		}
		proj = d.entity(kg.TypeProject, name)
	}
	as, written := d.writtenAs[name]
	if written {
		d.entity(kg.TypeProject, name, as)
	}
	if ownerName != "" {
		// The project is also called without its owner (大兆瓦风电整机项目,
		// 年产5万吨X项目), and so is one the text wrote after its owner's
		// legal name, even in generic words (X有限公司先进封测基地二期).
		if strings.HasPrefix(name, ownerName) {
			if rest := w[ownerLen:]; len(rest) >= 4 && d.hasHead(rest) && (written || !d.allGeneric(rest)) {
				d.entity(kg.TypeProject, name, d.runeStr(rest))
			}
		}
		owner = d.firm(ownerName)
		d.relate(kg.Relation{Subject: owner, Predicate: kg.PredHasProject, Object: proj}, si)
		// A park or area of the document inside the name: X未来科技城研发中心,
		// X松山湖研发基地.
		for _, a := range d.areaNames {
			// Its first rune after w's first, before the names are compared.
			if slices.Contains(w[1:], a.first) && strings.Contains(name, a.name) && !strings.HasPrefix(name, a.name) {
				d.relate(kg.Relation{Subject: proj, Predicate: kg.PredLocatedIn, Object: a.id}, si)
				break
			}
		}
		if rest, ok := strings.CutPrefix(name, ownerName); ok {
			found := false
			for _, lp := range d.localNames() {
				if strings.HasPrefix(rest, lp) && !isZoneShort(lp) {
					d.relate(kg.Relation{Subject: proj, Predicate: kg.PredLocatedIn, Object: d.localPlaces[lp]}, si)
					found = true
					break
				}
			}
			// A district or town after the owner: X金坛三期, X北滘灯塔工厂.
			if !found {
				rr := w[ownerLen:] // rest's runes
				if v, n := d.lx.place.longest(rr, 0, len(rr)); n > 0 && n < len(rr) && d.local(d.lx.places[v]) {
					d.locatedIn(proj, rr[:n], si)
				} else if n, id := d.areaPrefix(rr); n > 0 {
					d.relate(kg.Relation{Subject: proj, Predicate: kg.PredLocatedIn, Object: id}, si)
				}
			}
		}
	}
	return proj, owner, ownerName
}

// areaPrefix returns the length and id of the longest place found by its
// suffix in the document (沣东新城, 哈南工业新城) that opens a project's
// name and leaves three runes or more of it, or 0, "".
func (d *doc) areaPrefix(w []rune) (int, string) {
	for ; d.areasSeen < len(d.areaNames); d.areasSeen++ { // areaNames are only appended to
		a := &d.areaNames[d.areasSeen]
		d.areaBits |= 1<<(uint(a.first)&63) | 1<<(uint(a.shortFirst)&63)
	}
	if len(w) == 0 || d.areaBits&(1<<(uint(w[0])&63)) == 0 {
		return 0, "" // no area opens with w's first rune: most names
	}
	n, id := 0, ""
	for _, a := range d.areaNames {
		if k := a.n; k > n && w[0] == a.first && (len(w)-k >= 3 || len(w)-k >= 2 && isPhase(w[k:]) && !d.firmInside(w[:k])) && hasAt(w, 0, a.name) {
			n, id = k, a.id
			continue
		}
		// A town or street under its short name (梓山 for 梓山镇), not a
		// firm named after its town (贡江服饰).
		if k := a.shortRunes; k < a.n && k >= 2 && k > n && len(w)-k >= 3 && w[0] == a.shortFirst && hasAt(w, 0, a.short) && d.knownFirmPrefix(w) <= k {
			if _, f := d.lx.firmSuf.longest(w, k, len(w)); f == 0 {
				n, id = k, a.id
			}
		}
	}
	return n, id
}

// firmInside reports whether a firm's name opens w (越铭数据|软件园):
// a phase of w (X软件园二期) is then the firm's project, not one in a
// place w.
func (d *doc) firmInside(w []rune) bool {
	if d.knownFirmPrefix(w) > 0 {
		return true
	}
	for j := 3; j < len(w); j++ {
		if _, n := d.lx.firmSuf.suffix(w[:j], 4); n > 0 && n < j {
			return true
		}
	}
	return false
}

// townPrefix returns the length of a town, street or quarter that opens
// a project's name (岭背镇新能源电池回收利用项目: 岭背镇), written as two
// to four Han runes and 镇, 乡, 街道 or 片区, or 0.
func townPrefix(w []rune) int {
	for k := 2; k <= 4 && k < len(w); k++ {
		if !isHan(w[k-1]) {
			return 0
		}
		switch w[k-1] {
		case '的', '在', '和', '与', '及', '、', '区', '县', '市', '省':
			return 0
		}
		n := 0 // the suffix 街道, 片区, 镇 or 乡 at w[k]
		switch w[k] {
		case '街':
			if k+1 < len(w) && w[k+1] == '道' {
				n = k + 2
			}
		case '片':
			if k+1 < len(w) && w[k+1] == '区' {
				n = k + 2
			}
		case '镇', '乡':
			n = k + 1
		}
		if n == 0 {
			continue
		}
		if len(w)-n >= 3 {
			return n
		}
		return 0
	}
	return 0
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
// (a district, town, street or zone), which parsePlaces works out once.
func (d *doc) local(p place) bool { return p.local }

// genericAt returns the length of the generic word (or numeral, or code)
// at w[i], 0 if none.
func (d *doc) genericAt(w []rune, i int) int {
	if i >= len(w) {
		return 0
	}
	if countStart(w[i]) {
		if n := numeralAt(w, i); n > 0 {
			return n
		}
	}
	if w[i] < 0x80 && (unicode.IsLetter(w[i]) || unicode.IsDigit(w[i])) {
		k := i
		for k < len(w) && w[k] < 0x80 && (unicode.IsLetter(w[k]) || unicode.IsDigit(w[k]) || w[k] == '.') {
			k++
		}
		return k - i
	}
	if p := d.runeIndex(w); p >= 0 && d.genLens != nil {
		// A piece of the text, as most names are: the lengths of the
		// generic words at each position are found once a document (the
		// rules ask again and again of the same names).
		set := d.genLens[p+i]
		if set == 0 {
			set = d.lx.generic.lengths(d.rs, p+i) | 1<<31
			d.genLens[p+i] = set
		}
		if rest := len(w) - i; rest < 31 {
			set &= 1<<rest - 1
		} else {
			set &^= 1 << 31
		}
		return bits.Len32(set)
	}
	_, n := d.lx.generic.longest(w, i, len(w))
	return n
}

// countStart reports whether a count (numeralAt) can start with r. Most
// runes open none, and callers that try every position of a span test
// this first: it inlines, numeralAt does not.
func countStart(r rune) bool {
	return r == '第' || isDigit(r) || chineseNumeral(r)
}

// numeralAt matches 两个, 三期, 六大, 20个 at w[i].
func numeralAt(w []rune, i int) int {
	if i >= len(w) || !countStart(w[i]) {
		return 0
	}
	k := i
	if k < len(w) && w[k] == '第' {
		k++ // 第10.5代, 第二期
	}
	d := k
	for k < len(w) && (isDigit(w[k]) || chineseNumeral(w[k]) || w[k] == '.' && k > d) {
		k++
	}
	if k > d && k < len(w) && isCounter(w[k]) {
		return k - i + 1
	}
	return 0
}

// isCounter reports whether r is one of 个期大座栋批号代条, which end a count.
func isCounter(r rune) bool {
	switch r {
	case '个', '期', '大', '座', '栋', '批', '号', '代', '条':
		return true
	}
	return false
}

// chineseNumeral reports whether r is a Chinese numeral of a count or an
// ordinal (一 … 十, 两, 百, 千, 万).
func chineseNumeral(r rune) bool {
	if chineseNumeralBits&(1<<(uint(r)&63)) == 0 {
		return false // four runes in five, at one test
	}
	switch r {
	case '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '两', '百', '千', '万':
		return true
	}
	return false
}

// chineseNumeralBits has bit r&63 set for the runes chineseNumeral knows.
const chineseNumeralBits uint64 = 1<<('一'&63) | 1<<('二'&63) | 1<<('三'&63) | 1<<('四'&63) | 1<<('五'&63) |
	1<<('六'&63) | 1<<('七'&63) | 1<<('八'&63) | 1<<('九'&63) | 1<<('十'&63) | 1<<('两'&63) | 1<<('百'&63) |
	1<<('千'&63) | 1<<('万'&63)

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
	// A place after the owner: 英特尔|成都封装测试基地, 航天科工|武汉产业基地;
	// not inside a place that opens the name (粤港澳|大湾区).
	_, p0 := d.lx.place.longest(w, 0, len(w))
	for i := max(2, p0); i < len(w)-2; i++ {
		if _, n := d.lx.place.longest(w, i, len(w)); n > 0 && i+n < len(w) && (isHan(w[i+n]) || isDigit(w[i+n])) &&
			d.hasHead(w[i+n:]) && !d.allGeneric(w[:i]) && d.ownerLike(w[:i]) {
			return i
		}
	}
	if d.genericAt(w, 0) > 0 && !d.regionAt(w) {
		return 0
	}
	for i := 2; i < len(w)-1; i++ {
		// A government body or a university: 国家林草局|三大中心, 某某大学|创新港二期.
		if (w[i] == '局' || w[i] == '委') && len(w)-i > 2 && d.isOrgName(w[:i+1]) {
			return i + 1
		}
		if i+2 < len(w) && (has2(w, i, '大', '学') || has2(w, i, '集', '团') || has2(w, i, '公', '司') || has2(w, i, '医', '院') || has2(w, i, '学', '院')) && d.hasHead(w[i+2:]) {
			return i + 2
		}
	}
	for i := 2; i < len(w); i++ {
		n := d.genericAt(w, i)
		if n == 1 && isHan(w[i]) {
			n = 0 // one rune (线, 园) is too little to cut a name at
		}
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
		word := d.runeStr(w[i : i+n])
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
		if (word == "中心" || word == "研究院" || word == "实验室" || word == "研究所") && i+n < len(w) && d.restIsProject(w[i+n:]) {
			if numeralAt(w, i+n) == len(w)-i-n {
				return 0 // 之江实验室二期: a phase of the institute itself
			}
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
	if len(w) <= 4 {
		return false
	}
	// 华北, 华东, 华南, 华中, 西南, 西北, 东北, compared as runes.
	switch w[0] {
	case '华':
		if w[1] != '北' && w[1] != '东' && w[1] != '南' && w[1] != '中' {
			return false
		}
	case '西':
		if w[1] != '南' && w[1] != '北' {
			return false
		}
	case '东':
		if w[1] != '北' {
			return false
		}
	default:
		return false
	}
	// 华中数控 is a firm; 华南研发中心 a project.
	_, f := d.lx.firmSuf.longest(w, 2, len(w))
	return d.genericAt(w, 2) == 0 || f > 0
}

// cityInFirmName reports whether a city or province that opens a name is
// part of a firm's name (宁德|时代重庆基地): the word after it is no generic
// word of projects.
func (d *doc) cityInFirmName(w []rune, n int) bool {
	v, m := d.lx.place.longest(w, 0, n)
	if m != n || d.local(d.lx.places[v]) {
		return false
	}
	return d.genericAt(w, n) == 0
}

// firmSuffixAt reports whether a firm suffix starts at w[i] (德州|仪器: the
// place is part of the firm's name).
func (d *doc) firmSuffixAt(w []rune, i int) bool {
	_, n := d.lx.firmSuf.longest(w, i, len(w))
	return n > 0 && d.genericAt(w, i) == 0 // 物流基地 is generic, 仪器 is not
}

// orgInside reports whether a name holds a university, hospital or group
// that owns what follows (深圳技术大学二期).
func (d *doc) orgInside(w []rune) bool {
	for i := 2; i+2 < len(w); i++ {
		if has2(w, i, '大', '学') || has2(w, i, '学', '院') || has2(w, i, '医', '院') || has2(w, i, '集', '团') {
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
	if runeIn("岛园谷港镇村街(（", last) || last == '城' && len(w) >= 3 {
		return false
	}
	if s := d.runeStr(w); strings.HasSuffix(s, "单元") || strings.HasSuffix(s, "片区") || strings.HasSuffix(s, "地块") {
		return false
	}
	_, n := d.lx.place.longest(w, 0, len(w))
	if n == len(w) {
		return false
	}
	// A city and an industry (烟台|船舶配套产业园) name what a park is for,
	// not who owns it.
	if n > 0 && len(w)-n >= 2 {
		if _, m := d.lx.industry.longest(w, n, len(w)); m == len(w)-n || d.allGeneric(w[n:]) {
			_, known := d.firms[d.runeStr(w)]
			return known
		}
	}
	return true
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
	// isProjectName of 项 and w (a head inside 项w is one of w, found
	// above), without making 项w: a code or a version at the end.
	last := w[len(w)-1]
	if last < 0x80 && (unicode.IsDigit(last) || unicode.IsLetter(last)) {
		k := len(w) - 1
		for k > 0 && w[k-1] < 0x80 && (unicode.IsLetter(w[k-1]) || unicode.IsDigit(w[k-1]) || w[k-1] == '.') {
			k--
		}
		return (k == 0 || isHan(w[k-1])) && hasDigit(w[k:])
	}
	return false
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

// isPhase reports whether w only names a phase (一期, 二期, 首期, 3期),
// which is no project of its own.
func isPhase(w []rune) bool {
	if len(w) < 2 || len(w) > 3 || w[len(w)-1] != '期' {
		return false
	}
	for _, r := range w[:len(w)-1] {
		if !isDigit(r) && !chineseNumeral(r) && r != '首' && r != '第' {
			return false
		}
	}
	return true
}

// countFirst reports whether w opens with a count of things (两条, 5栋,
// 三座), which makes it no name.
func countFirst(w []rune) bool {
	if len(w) < 3 || w[0] == '第' || !countStart(w[0]) {
		return false
	}
	k := 1
	for k < len(w)-1 && (isDigit(w[k]) || chineseNumeral(w[k])) {
		k++
	}
	switch w[k] {
	case '条', '栋', '座', '家', '台', '套', '幢', '处':
		return true
	}
	return false
}
