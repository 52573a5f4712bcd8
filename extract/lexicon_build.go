package extract

// lexicon holds the word lists compiled into tries, built once per
// Extractor and only read afterwards.
type lexicon struct {
	stage    *trie // value: index into stageWords
	lead     *trie
	inner    *trie
	trail    *trie
	heads    *trie
	generic  *trie // generic words, heads, industry names and keywords
	modifier *trie // generic words that are not heads
	firmSuf  *trie
	orgSuf   *trie
	legal    *trie
	plan     *trie
	indStop  *trie
	industry *trie // names and aliases; value: index into tax.Nodes
	keyword  *trie // keywords; value: index into tax.Nodes
	place    *trie // value: index into places
	places   []place
	unit     *trie // value: index into units
	measure  *trie // value: index into measures
	area     *trie // value: index into areaSuffixes
	develop  *trie // value: index into developVerbs
	nodes    []*Node
	// sentence scans place, industry, area, stage, develop and plan in
	// one pass over a sentence (see doc.mentions).
	sentence *scanner
	// fit scans industry and keyword in one pass over a name (see
	// doc.inIndustry).
	fit *scanner
}

func wordTrie(lists ...[]string) *trie {
	t := newTrie()
	for _, l := range lists {
		for _, w := range l {
			t.add(w, 0)
		}
	}
	return t
}

// indexTrie is a trie of words whose values are their indexes.
func indexTrie(words []string) *trie {
	t := newTrie()
	for i, w := range words {
		t.add(w, i)
	}
	return t
}

func newLexicon(tax *Taxonomy, places []place) *lexicon {
	lx := &lexicon{
		stage:   newTrie(),
		lead:    wordTrie(leadWords),
		inner:   wordTrie(innerVerbs),
		trail:   wordTrie(trailWords),
		heads:   wordTrie(projectHeads),
		firmSuf: wordTrie(firmSuffixes),
		orgSuf:  wordTrie(orgSuffixes),
		legal:   wordTrie(legalSuffixes),
		plan:    wordTrie(planWords),
		indStop: wordTrie(industryStop),
		places:  places,
		nodes:   tax.Nodes,
	}
	for i, s := range stageWords {
		lx.stage.add(s.word, i)
	}
	lx.industry = newTrie()
	lx.keyword = newTrie()
	lx.generic = wordTrie(genericWords, projectHeads)
	isHead := map[string]bool{}
	for _, h := range projectHeads {
		isHead[h] = true
	}
	lx.modifier = newTrie()
	for _, w := range genericWords {
		if !isHead[w] {
			lx.modifier.add(w, 0)
		}
	}
	for i, n := range tax.Nodes {
		for _, w := range append([]string{n.Name}, n.Aliases...) {
			lx.industry.add(w, i)
			lx.generic.add(w, 0)
			lx.modifier.add(w, 0)
		}
		for _, w := range n.Keywords {
			lx.keyword.add(w, i)
			lx.generic.add(w, 0)
			lx.modifier.add(w, 0)
		}
	}
	lx.place = newTrie()
	for i, p := range places {
		lx.place.add(p.name, i)
		for _, a := range p.aliases {
			lx.place.add(a, i)
		}
	}
	lx.unit = indexTrie(units)
	lx.area = indexTrie(areaSuffixes)
	lx.develop = indexTrie(developVerbs)
	lx.measure = newTrie()
	for i, m := range measures {
		lx.measure.add(m.word, i)
	}
	for _, t := range []*trie{lx.stage, lx.lead, lx.inner, lx.trail, lx.heads, lx.generic, lx.modifier,
		lx.firmSuf, lx.orgSuf, lx.legal, lx.plan, lx.indStop, lx.industry, lx.keyword, lx.place,
		lx.unit, lx.measure, lx.area, lx.develop} {
		t.freeze()
	}
	lx.sentence = newScanner(lx.place, lx.industry, lx.area, lx.stage, lx.develop, lx.plan)
	lx.fit = newScanner(lx.industry, lx.keyword)
	return lx
}

// units of reported figures, as written after the number.
var units = []string{
	"%", "‰", "个百分点", "百分点", "亿元", "万元", "千元", "元", "亿美元", "万美元", "美元", "亿元人民币",
	"家", "个", "项", "名", "人", "人次", "万人", "万人次", "张", "亩", "万亩", "公顷", "平方米", "万平方米",
	"平方公里", "平米", "万平米", "吨", "万吨", "亿吨", "千瓦", "万千瓦", "兆瓦", "千瓦时", "万千瓦时",
	"亿千瓦时", "微克/立方米", "立方米", "万立方米", "处", "件", "届", "批", "版", "座", "栋", "条", "公里",
	"千米", "辆", "台", "套", "所", "倍", "户", "宗", "场", "篇", "款", "台套", "万", "亿", "万户", "万辆",
	"万台", "万套", "万件", "GW", "MW", "kW", "GWh", "万标准煤", "吨标准煤", "万吨标准煤", "例", "床", "位", "天", "片", "万片", "亿片",
	"亿欧元", "万欧元", "欧元", "亿日元", "亿港元", "万港元", "万标箱", "标箱", "万TEU", "TEU", "万单", "亿单",
	"亿件", "万票", "万架次", "架次", "万列", "PFlops", "EFlops", "万吨/年",
}

// measure is a word that says what a figure measures.
type measureWord struct {
	word, measure string
}

var measures = []measureWord{
	{"同比增长", "同比增长"}, {"同比增加", "同比增长"}, {"同比提高", "同比增长"}, {"同比上升", "同比增长"},
	{"同比下降", "同比下降"}, {"同比减少", "同比下降"}, {"同比降低", "同比下降"},
	{"环比增长", "环比增长"}, {"环比增加", "环比增长"}, {"环比下降", "环比下降"}, {"环比", "环比"},
	{"增长", "增长"}, {"增加", "增长"}, {"提高", "增长"}, {"提升", "增长"}, {"下降", "下降"}, {"减少", "下降"},
	{"降低", "下降"}, {"累计", "累计"}, {"新增", "新增"}, {"达到", "总量"}, {"达", "总量"}, {"超过", "总量"},
	{"超", "总量"}, {"突破", "总量"}, {"实现", "总量"}, {"完成", "总量"}, {"总计", "总量"}, {"合计", "总量"},
	{"共计", "总量"}, {"共", "总量"}, {"约", "总量"}, {"为", "总量"}, {"占比", "占比"}, {"占", "占比"},
	{"增速", "增长"}, {"增幅", "增长"},
}
