package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgraph/kg"
)

// placeSuffixes end the names of areas, towns, streets and parks used as
// locations.
var placeSuffixes = []string{
	"街道", "镇", "乡", "区", "县", "新城", "商圈", "园", "园区", "产业园", "科技园", "软件园", "生物城",
	"城", "谷", "岛", "小镇", "片区", "新区", "开发区", "高新区", "经开区", "示范区", "集聚区", "产业基地", "基地", "办事处",
}

// placeSpan reads rs[a:b] as a location (光谷生物城, 软件新城, 大兴区) and
// returns its place id, or "".
func (d *doc) placeSpan(a, b int) string {
	name, written := d.placeName(a, b)
	if name == "" {
		return ""
	}
	if id, ok := d.localPlaces[written]; ok {
		return id
	}
	return d.entity(kg.TypePlace, name, written)
}

// placeName reads rs[a:b] as a location and returns its canonical name and
// the form written, or "", "". It records nothing.
func (d *doc) placeName(a, b int) (name, written string) {
	if b-a > 24 {
		return "", "" // no place name is that long
	}
	a, b = d.trimItem(a, b)
	// X周边的Y, X内的Y: the place is Y.
	if k := lastIndexRune(d.rs[a:b], '的'); k >= 0 && b-(a+k+1) >= 2 {
		a += k + 1
	}
	if b-a < 2 || b-a > 16 {
		return "", ""
	}
	w := d.rs[a:b]
	if v, n := d.lx.place.longest(w, 0, len(w)); n == len(w) {
		return d.lx.places[v].name, d.runeStr(w)
	}
	ws := d.runeStr(w)
	if id, ok := d.localPlaces[ws]; ok {
		return strings.TrimPrefix(id, "place/"), ws
	}
	for _, ar := range d.areaNames {
		if ar.name == ws {
			// Found by its suffix, whatever it holds (永和街道).
			return strings.TrimPrefix(ar.id, "place/"), ar.name
		}
	}
	// A place inside another: 秦汉新城窑店街道 is in 窑店街道, 来安县汊河镇
	// in 汊河镇.
	for _, ar := range d.areaNames {
		if n := ar.n; n < len(w) && n >= 3 && d.runeStr(w[len(w)-n:]) == ar.name && (d.isArea(d.runeStr(w[:len(w)-n])) || countyLen(w[:len(w)-n]) > 0) {
			return strings.TrimPrefix(ar.id, "place/"), ar.name
		}
	}
	if b-a < 3 || !d.plausibleName(w) || d.isProjectName(w) && !hasPlaceSuffix(w) {
		return "", ""
	}
	if !hasPlaceSuffix(w) || d.isCategory(w) {
		return "", ""
	}
	for _, r := range w {
		if r == '、' || r == '和' || r == '等' || r == '建' {
			return "", ""
		}
	}
	return d.runeStr(w), d.runeStr(w)
}

// isZoneKind reports whether an area suffix is a kind of development zone.
func isZoneKind(suf string) bool {
	switch suf {
	case "高新区", "经济开发区", "经济技术开发区", "高新技术产业开发区":
		return true
	}
	return false
}

// isParkName reports whether an area suffix is a name of its own
// (知识城, 科学城), which may stand without a prefix.
func isParkName(suf string) bool {
	switch suf {
	case "知识城", "科学城", "科技城", "生物岛", "生态城", "科技岛":
		return true
	}
	return false
}

// hasPlaceSuffix reports whether w ends with one of placeSuffixes after
// two runes or more.
func hasPlaceSuffix(w []rune) bool {
	for _, suf := range placeSuffixRunes {
		if len(w) > len(suf)+1 && slices.Equal(w[len(w)-len(suf):], suf) {
			return true
		}
	}
	return false
}

// placeSuffixRunes are placeSuffixes as runes, which hasPlaceSuffix
// compares with a name's last runes in place.
var placeSuffixRunes = func() [][]rune {
	out := make([][]rune, len(placeSuffixes))
	for i, s := range placeSuffixes {
		out[i] = []rune(s)
	}
	return out
}()

// areaSuffixes end place names recognized anywhere in the text.
var areaSuffixes = []string{"知识城", "科学城", "科技城", "生物岛", "生态城", "科技岛", "镇", "乡", "街道", "经济技术开发区", "经济开发区", "高新技术产业开发区", "高新区", "新城", "商圈", "科技园", "软件园", "生物城", "科教创新区", "片区", "工业园区", "产业园区", "办事处",
	"工业区", "园区", "岛", "东区", "西区", "南区", "北区", "中区", "产业园", "工业园"}

// isParkOf reports whether an area suffix after a place names a park or a
// quarter of that place (瀛海镇工业区), which still mentions the place.
func isParkOf(suf string) bool {
	return suf == "工业区" || suf == "园区" || suf == "岛" || isQuarter(suf)
}

// isQuarter reports whether an area suffix is a quarter of a zone (西区,
// 中区), which is a name of its own only standing alone.
func isQuarter(suf string) bool {
	switch suf {
	case "东区", "西区", "南区", "北区", "中区":
		return true
	}
	return false
}

// areas finds place names by their suffix anywhere in a sentence
// (豹澥街道, 蜀山经济开发区, 交子公园商圈): the Han run before the suffix,
// back to a list separator, a preposition or punctuation. The suffixes
// are in d.bufs[bufArea], found by mentions.
func (d *doc) areas(si int) {
	s := d.st.sents[si]
	rs := d.rs
	for _, m := range d.bufs[bufArea] {
		i, end, suf := m.start, m.end, areaSuffixes[m.val]
		for once := true; once; once = false {
			j := i
			if isQuarter(suf) {
				// 西区、中区完成…: alone between separators, else part of a
				// longer name (市中区, 华东区) or a phrase (东区域).
				if i > s.start && (isHan(rs[i-1]) && !runeIn("、和与及在于至到", rs[i-1])) ||
					end < s.end && isHan(rs[end]) && !runeIn("、和与及新完建落引入实开签累共已扩投竣封", rs[end]) {
					break
				}
				d.area(suf, d.entity(kg.TypePlace, suf))
				break
			}
			if isParkName(suf) {
				// 知识城, 未来科技城, 广州知识城: a short name, or none.
				for j > s.start && i-j < 2 && isHan(rs[j-1]) && !runeIn("、和与及在于的至是将向由从等对为院", rs[j-1]) {
					j--
				}
				if v, n := d.lx.place.suffix(rs[max(s.start, j-3):j], 3); n > 0 && v >= 0 {
					j -= n // 广州|知识城
				}
				name := d.runeStr(rs[j:end])
				d.area(name, d.entity(kg.TypePlace, name, d.runeStr(rs[i:end])))
				break
			}
			// Back to a separator or preposition, unless that would leave
			// less than two runes (中和街道).
			for j > s.start && i-j < 6 && isHan(rs[j-1]) && (i-j < 2 && suf == "街道" || !runeIn("、和与及在于的至是将向由从等对为", rs[j-1]) ||
				rs[j-1] == '于' && (j-1 == s.start || !isHan(rs[j-2]))) { // 于 opening a name (于都县)
				j--
			}
			if j > s.start+1 && i-j < 6 && rs[j-1] == '和' && d.inPlace(s.start, j-1, i) {
				// 呼和浩特经济技术开发区: back to the start of the city's
				// name, across its 和.
				for j > s.start && i-j < 8 && isHan(rs[j-1]) && !runeIn("、与及在于的至是将向由从等对为", rs[j-1]) {
					j--
				}
			}
			if j > s.start && j < i && rs[j-1] == '将' && rs[j] == '军' {
				j-- // 将军 is a word of names (将军庙), not 将 (will)
			}
			// Not back across another area (秦汉新城|窑店街道): the inner one
			// is a place of its own.
			for _, o := range d.bufs[bufArea] {
				if o.end > j && o.end <= i-2 && o.start < i {
					j = o.end
				}
			}
			if i-j < 2 {
				break
			}
			if suf == "园区" || suf == "工业区" || suf == "产业园" || suf == "工业园" {
				// 同集园区, 南港工业区: the whole name back to a separator, not
				// a park inside a longer name (未来科技城园区, X园区二期) nor a
				// town's park (瀛海镇工业区, a project of the town).
				if j > s.start && isHan(rs[j-1]) && !runeIn("、和与及在于至是将向由从等对为", rs[j-1]) ||
					runeIn("城镇区岛谷园道乡村", rs[i-1]) || containsAny(rs[j:i], '镇', '乡') ||
					end < s.end && (numeralAt(rs[:s.end], end) > 0 || hasAt(rs, end, "企业")) {
					break
				}
			}
			c := j // the county's start: after a verb (落地来安县汊河镇)
			// A few words at most: scanned into an array, not a new slice.
			var buf [8]match
			for _, m := range d.lx.stage.scan(rs, max(s.start, j-3), i, buf[:0]) {
				c = max(c, m.end)
			}
			if i-2-c == 4 && runeIn("内外的是到", rs[c]) {
				c++ // 园区内|泰兴市黄桥镇
			}
			if (suf == "镇" || suf == "乡") && i-c > 2 && countyLen(rs[c:i-2]) == i-2-c {
				// 来安县|汊河镇: a town after its county, which is a place
				// of its own.
				county := d.entity(kg.TypePlace, d.runeStr(rs[c:i-2]))
				town := d.runeStr(rs[i-2 : end])
				id := d.entity(kg.TypePlace, town)
				d.relate(kg.Relation{Subject: id, Predicate: kg.PredPartOf, Object: county, Confidence: 1}, si)
				d.area(town, id)
				break
			}
			if (suf == "镇" || suf == "乡" || suf == "岛") && (i-j != 2 || j > s.start && isHan(rs[j-1]) && !runeIn("、和与及在于至", rs[j-1])) {
				break // only a two-rune town name standing alone (琅琊镇, not 旅游强镇)
			}
			if _, n := d.lx.lead.suffix(rs[j:i], 4); n > 0 {
				break
			}
			for j < i {
				n := d.leadAt(rs, j, i)
				if n == 0 {
					break
				}
				j += n // 拟申报X新城
			}
			// Not across a verb (研发中心落户天府软件园 → 天府软件园).
			for _, m := range d.lx.stage.scan(rs, j, i, buf[:0]) {
				j = m.end
			}
			if i-j < 2 || d.allGeneric(rs[j:i]) {
				break
			}
			// A zone's kind after a long name that is no place (洪都航空高新区产业园)
			// is the zone itself, not a place of that name.
			if isZoneKind(suf) && i-j > 3 && d.placePrefix(rs[j:i]) == 0 {
				break
			}
			// Names that end in common words must end a phrase too
			// (软件新城。 but not 新城共同体).
			if suf == "新城" && end < s.end && runeIn("市区镇共", rs[end]) {
				break
			}
			if (suf == "产业园" || suf == "工业园") && (i-j > 3 || !d.parkName(j, i, end, s)) {
				// 五彩湾产业园, 药谷工业园: a park's own short name, standing
				// alone; a longer one says what the park is for (跨境电商产业园).
				break
			}
			name := d.runeStr(rs[j:end])
			if v, n := d.lx.place.longest(rs, j, end); n == end-j {
				name = d.lx.places[v].name
			}
			d.area(d.runeStr(rs[j:end]), d.entity(kg.TypePlace, name, d.runeStr(rs[j:end])))
		}
	}
}

// parkName reports whether rs[j:i], before 产业园 or 工业园 ending at end
// in sentence s, is the park's own name: not after a firm's Latin name
// (PPG食品产业园), no 各, 该 or 村级 in it, no industry's or project's
// words (新能源产业园), and no stage verb after it (X产业园开工: a
// project).
func (d *doc) parkName(j, i, end int, s sentence) bool {
	rs := d.rs
	if j > s.start && rs[j-1] < 0x80 && (unicode.IsLetter(rs[j-1]) || unicode.IsDigit(rs[j-1])) {
		return false // PPG食品产业园: a firm's park
	}
	if containsAny(rs[j:i], '各', '该', '级') || d.allGeneric(rs[j:i]) {
		return false
	}
	for k := j; k < i; k++ {
		if _, n := d.lx.industry.longest(rs, k, i); n > 0 {
			return false
		}
	}
	_, n := d.lx.stage.longest(rs, end, s.end)
	return n == 0
}

// countyLen returns len(w) when w names a county, a district or a county
// town (来安县, 南谯区, 天长市): two or three Han runes and 县, 区 or 市;
// else 0.
func countyLen(w []rune) int {
	if len(w) < 3 || len(w) > 4 || !allHan(w) || !runeIn("县区市", w[len(w)-1]) {
		return 0
	}
	return len(w)
}

// isArea reports whether name is a place found by its suffix
// (裕龙湾化工园区), which no firm owns.
func (d *doc) isArea(name string) bool {
	for _, a := range d.areaNames {
		if a.name == name {
			return true
		}
	}
	return false
}

// area remembers a place found by its suffix, for names that hold it.
func (d *doc) area(name, id string) {
	for _, a := range d.areaNames {
		if a.name == name {
			return
		}
	}
	short := strings.TrimSuffix(strings.TrimSuffix(name, "镇"), "街道")
	first, _ := utf8.DecodeRuneInString(name)
	shortFirst, _ := utf8.DecodeRuneInString(short)
	d.areaNames = append(d.areaNames, areaName{name: name, id: id, n: runeLen(name), short: short, shortRunes: runeLen(short),
		first: first, shortFirst: shortFirst})
}
