package extract

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kgraph/kg"
	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

func newTestExtractor(t testing.TB) *Extractor {
	t.Helper()
	ex, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	return ex
}

func encodeWith(t *testing.T, s string, enc interface{ Bytes([]byte) ([]byte, error) }) []byte {
	t.Helper()
	b, err := enc.Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecode(t *testing.T) {
	const text = "经开区2022年工作总结\n京东方B20项目落地。"
	gb := encodeWith(t, text, simplifiedchinese.GB18030.NewEncoder())
	u16le := encodeWith(t, text, xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder())
	u16be := encodeWith(t, text, xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM).NewEncoder())
	tests := []struct {
		name    string
		in      []byte
		want    string
		wantErr bool
	}{
		{"utf8", []byte(text), text, false},
		{"utf8 bom", append([]byte{0xEF, 0xBB, 0xBF}, text...), text, false},
		{"gb18030", gb, text, false},
		{"utf16le bom", u16le, text, false},
		{"utf16be bom", u16be, text, false},
		{"empty", nil, "", true},
		{"blank", []byte(" \n\t "), "", true},
		{"nul bytes", []byte("abc\x00\x00def"), "", true},
		{"binary", []byte{0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'}, "", true},
		{"odd utf16", []byte{0xFF, 0xFE, 'a'}, "", true},
		{"invalid gb18030", bytes.Repeat([]byte{0xFF, 0xFF, 0x80}, 20), "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decode("f.txt", tt.in)
			if tt.wantErr {
				if kg.ErrorCode(err) != kg.EUndecodable {
					t.Fatalf("decode = %q, %v; want an EUndecodable error", got, err)
				}
				if !strings.Contains(err.Error(), "f.txt") {
					t.Errorf("error %q does not name the file", err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("decode = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

// TestScanUTF8 checks scanUTF8 against utf8.ValidString and countRunes,
// on texts that take each of its paths.
func TestScanUTF8(t *testing.T) {
	_, sample := Sample()
	for _, s := range []string{
		"", "abc", "abcdefghijklmnop", "\x01\x02abcdefgh\n\tijk", "开发区2022年", string(sample),
		"\uFFFD", "a\uFFFDb\uFFFD", "é中\U0001F600x", "\xef\xbf", "\xe4\xb8", "\xed\xa0\x80",
		"\xe0\x80\x80", "\xe0\xa0\x80", "\xf4\x90\x80\x80", "\xc0\xaf", "中\xff文", "12345678\x80",
	} {
		ok, n, bad, ctrl := scanUTF8(s)
		if ok != utf8.ValidString(s) {
			t.Errorf("scanUTF8(%q) valid = %v", s, ok)
			continue
		}
		if !ok {
			continue
		}
		if wn, wbad, wctrl := countRunes(s, false); n != wn || bad != wbad || ctrl != wctrl {
			t.Errorf("scanUTF8(%q) = %d, %d, %d; countRunes says %d, %d, %d", s, n, bad, ctrl, wn, wbad, wctrl)
		}
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"pdf break across blank lines", "标题\n\n推动中芯京城、小米智\n\n能制造基地等重大项目落地。", "标题\n推动中芯京城、小米智能制造基地等重大项目落地。"},
		{"sentence end keeps paragraphs", "标题\n第一段。\n第二段。", "标题\n第一段。\n第二段。"},
		{"heading stands alone", "标题\n一、加快产业发展\n全年实现52个项目落地。", "标题\n一、加快产业发展\n全年实现52个项目落地。"},
		{"item going on after its colon", "标题\n2. 瑞丰电池项目：总投资 8 亿元，由瑞\n\n丰科技投资建设。", "标题\n2.瑞丰电池项目：总投资8亿元，由瑞丰科技投资建设。"},
		{"heading with a colon", "标题\n一、智能装备产业：打造装备高地\n全年产值增长。", "标题\n一、智能装备产业：打造装备高地\n全年产值增长。"},
		{"line before a heading", "标题\n积极\n二、下一步", "标题\n积极\n二、下一步"},
		{"spaces between chinese and digits", "标题\n2022 年，增长 8% 。", "标题\n2022年，增长8%。"},
		{"latin words keep a space", "标题\nMercedes Benz 项目落地。", "标题\nMercedes Benz项目落地。"},
		{"full width folded", "标题\n２０２２年（一）ＡＢＣ％。", "标题\n2022年(一)ABC%。"},
		{"ideographic space and crlf", "标题\r\n增长　8%。\r\n", "标题\n增长8%。"},
		{"zero width removed", "标题\n京\u200b东方。", "标题\n京东方。"},
		{"numbered item broken by pdf", "标题\n2. 青山储能基地：总投资 9 亿元，由青山\n\n集团投资建设\n\n，已开工。", "标题\n2.青山储能基地：总投资9亿元，由青山集团投资建设，已开工。"},
		{"numbered item cut inside a figure", "标题\n1. 青禾新材年产5万吨薄膜项目，总投资 12.6\n亿元，已投产；\n2. 云溪化工扩产项目，总投资 8 亿元，在建，\n年度完成投资3亿元；", "标题\n1.青禾新材年产5万吨薄膜项目，总投资12.6亿元，已投产；\n2.云溪化工扩产项目，总投资8亿元，在建，年度完成投资3亿元；"},
		{"heading with a comma stands alone", "标题\n（一）坚持创新驱动，加快产业升级\n全年新增企业12家。", "标题\n(一)坚持创新驱动，加快产业升级\n全年新增企业12家。"},
		{"page numbers dropped", "标题\n晟光微\n\n- 3 -\n\n电子投产。\n第4页\n", "标题\n晟光微电子投产。"},
		{"page footers with the page count dropped", "青川经济开发区年度报告\n全区新增企业\n第 2 页 共 5 页\n青川经济开发区年度报告\n12家。", "青川经济开发区年度报告\n全区新增企业12家。"},
		{"tab-separated table read as records", "标题\n序号\t项目名称\t建设单位\t2023年进展\n1\t青禾冷链基地\t青禾食品有限公司\t5月开工\n\n2\t远拓轴承项目\t远拓精工有限公司\t已投产\n全年投资增长。",
			"标题\n1.项目名称：青禾冷链基地；建设单位：青禾食品有限公司；进展：5月开工。\n2.项目名称：远拓轴承项目；建设单位：远拓精工有限公司；进展：已投产。\n全年投资增长。"},
		{"running header after a page number dropped", "岚山县岚山产业园2023年工作总结\n合资设立岚山晟\n\n- 1 -\n\n岚山县岚山产业园2023年工作总结\n\n光科技有限公司。", "岚山县岚山产业园2023年工作总结\n合资设立岚山晟光科技有限公司。"},
		{"a short line after a page number said once stays", "标题\n一、产业发展\n\n- 2 -\n\n二、项目建设\n青禾项目开工。", "标题\n一、产业发展\n二、项目建设\n青禾项目开工。"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := normalize(tt.in); got != tt.want {
				t.Errorf("normalize(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestNormalizeBlocks: in the text of a web page or a .docx, a short block
// without a clause (a heading) stands alone before a paragraph; blocks
// that are a PDF's lines, a line to a block, are still joined.
func TestNormalizeBlocks(t *testing.T) {
	for _, tt := range []struct{ name, in, want string }{
		{"heading then paragraph",
			"某区工作总结\n\n某区举行重大项目集中签约仪式\n\n11月5日上午，某区举行重大项目集中签约仪式，现场签约项目12个，总投资86亿元，涵盖新材料、生物医药等领域。",
			"某区工作总结\n某区举行重大项目集中签约仪式\n11月5日上午，某区举行重大项目集中签约仪式，现场签约项目12个，总投资86亿元，涵盖新材料、生物医药等领域。"},
		{"a PDF's lines, a block each",
			"某区工作总结\n\n光电子信息产业规模同比增长 11.6%。星河存储科技有限公司国家存储\n\n器基地二期项目开工，",
			"某区工作总结\n光电子信息产业规模同比增长11.6%。星河存储科技有限公司国家存储器基地二期项目开工，"},
		{"short blocks run on",
			"某区工作总结\n\n星河存储科技有限公司国家存储\n\n器基地二期项目开工",
			"某区工作总结\n星河存储科技有限公司国家存储器基地二期项目开工"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := normalizeText(tt.in, true); got != tt.want {
				t.Errorf("normalizeText(%q, true)\n got %q\nwant %q", tt.in, got, tt.want)
			}
			if tt.name == "heading then paragraph" {
				if got := normalize(tt.in); got == tt.want {
					t.Errorf("normalize (plain text) broke the heading off too: %q", got)
				}
			}
		})
	}
}

func TestSectionMarker(t *testing.T) {
	tests := []struct {
		in       string
		level, n int
	}{
		{"一、高效统筹", 1, 2},
		{"十二、其他", 1, 3},
		{"(一)创新药。", 2, 3},
		{"（二）医疗器械", 2, 3},
		{"1.半导体", 3, 2},
		{"12、光子", 3, 3},
		{"(3)人才", 4, 3},
		{"第二部分 工作安排", 1, 4},
		{"2.7万吨", 0, 0},
		{"2022年", 0, 0},
		{"一是量子信息", 0, 0},
		{"二十大胜利召开", 0, 0},
	}
	for _, tt := range tests {
		level, n := sectionMarker(tt.in)
		if level != tt.level || n != tt.n {
			t.Errorf("sectionMarker(%q) = %d, %d; want %d, %d", tt.in, level, n, tt.level, tt.n)
		}
	}
}

// TestLetterTitle checks that a letter's or notice's title is its 关于…
// line, not the office on the line before it.
func TestLetterTitle(t *testing.T) {
	for _, tt := range []struct{ text, title string }{
		{"澄州市经济和信息化局\n关于市人大五次会议第12号建议的答复\n澄经信函〔2026〕18号\n尊敬的代表：\n您提出的建议收悉。", "关于市人大五次会议第12号建议的答复"},
		{"岚州市重点项目推进工作领导小组办公室\n关于2026年第二季度重点项目督查情况的通报\n各县（区）：\n现将督查情况通报如下。", "关于2026年第二季度重点项目督查情况的通报"},
		{"澄州经开区2026年工作总结\n关于下一步工作，我们将继续努力。", "澄州经开区2026年工作总结"},
	} {
		if st := parseStructure(normalize(tt.text)); st.title != tt.title {
			t.Errorf("title = %q, want %q", st.title, tt.title)
		}
	}
}

func TestStructure(t *testing.T) {
	text := normalize("北京经济技术开发区管委会 2022 年度工作总结\n\n2022年是重要的一年。经济增长。\n\n一、产业发展\n\n新一代信息技术产业做强做优。京东方B20项目落地！\n\n二、2023年工作安排\n\n力争投产。")
	st := parseStructure(text)
	if st.title != "北京经济技术开发区管委会2022年度工作总结" {
		t.Errorf("title = %q", st.title)
	}
	if st.year != 2022 {
		t.Errorf("year = %d", st.year)
	}
	var sents []string
	for _, s := range st.sents {
		sents = append(sents, string(st.runes[s.start:s.end]))
	}
	want := []string{"北京经济技术开发区管委会2022年度工作总结", "2022年是重要的一年。", "经济增长。", "一、产业发展",
		"新一代信息技术产业做强做优。", "京东方B20项目落地！", "二、2023年工作安排", "力争投产。"}
	if strings.Join(sents, "|") != strings.Join(want, "|") {
		t.Errorf("sentences\n got %q\nwant %q", sents, want)
	}
	if y := yearIn([]rune("某区二〇二一年工作总结")); y != 2021 {
		t.Errorf("year in Chinese digits = %d", y)
	}
	var planned []bool
	for _, p := range st.paras {
		planned = append(planned, p.planned)
	}
	if got := planned[len(planned)-1]; !got {
		t.Errorf("the paragraph under 2023年工作安排 is not planned: %v", planned)
	}
	if planned[3] {
		t.Errorf("a paragraph of this year's work is planned: %v", planned)
	}
}

// extractText runs the whole pipeline on a short text with a title line.
func extractString(t *testing.T, ex *Extractor, body string) *kg.Extraction {
	t.Helper()
	x, err := ex.Extract("t.txt", []byte("测试区管委会2022年工作总结\n\n"+body))
	if err != nil {
		t.Fatal(err)
	}
	return x
}

func has(x *kg.Extraction, subj, pred, obj string) bool {
	for _, r := range x.Relations {
		if r.Subject == subj && r.Predicate == pred && (r.Object == obj || r.Value == obj) {
			return true
		}
	}
	return false
}

// hasAlias reports whether entity id has alias a.
func hasAlias(x *kg.Extraction, id, a string) bool {
	for _, e := range x.Entities {
		if e.ID == id {
			return slices.Contains(e.Aliases, a)
		}
	}
	return false
}

// TestBareProjectAlias: a project named after its owner is also known by
// what the text wrote after the owner.
func TestBareProjectAlias(t *testing.T) {
	ex := newTestExtractor(t)
	tests := []struct{ name, body, id, alias string }{
		{"after a legal name, in generic words", "常州青屿半导体有限公司先进封装测试基地二期开工建设。",
			"project/青屿半导体先进封装测试基地二期", "先进封装测试基地二期"},
		{"a capacity after a short name", "澄远新材年产6万吨电子级双氧水项目完成备案。",
			"project/澄远新材年产6万吨电子级双氧水项目", "年产6万吨电子级双氧水项目"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := extractString(t, ex, tt.body)
			if !hasAlias(x, tt.id, tt.alias) {
				t.Errorf("%s lacks the alias %s in %v", tt.id, tt.alias, x.Entities)
			}
		})
	}
}

func hasEntity(x *kg.Extraction, id string) bool {
	for _, e := range x.Entities {
		if e.ID == id {
			return true
		}
	}
	return false
}

// TestWholeDocuments: facts that need a document of their own, without the
// title extractString puts before a body.
//   - a report whose title names one chain is about it where its sections
//     name none, and its tiers (上游为X环节) are that chain's segments;
//   - a PDF's title may be its running header: the chain is then named on
//     the text's first line; a question's subject before 在 is no part of
//     the industry it asks about.
func TestWholeDocuments(t *testing.T) {
	ex := newTestExtractor(t)
	tests := []struct {
		name, body string
		want       [][3]string
		not        [][3]string
	}{
		{"a report about one chain", "关于我市储能电池产业链发展情况的调研报告\n一、基本情况\n上游为正极材料环节。岚峰锂材科技有限公司（以下简称岚峰锂材）年产正极材料5万吨。\n二、存在问题\n澄湖动力等企业配套率不高。\n",
			[][3]string{{"industry/正极材料", "subIndustryOf", "industry/储能电池"}, {"enterprise/岚峰锂材", "inIndustry", "industry/正极材料"}, {"enterprise/澄湖动力", "inIndustry", "industry/储能电池"}}, nil},
		{"a reply to a proposal is about the chain the proposal names", "澄州市经济和信息化局\n关于市人大五次会议第12号建议的答复\n澄经信函〔2026〕18号\n尊敬的代表：\n您提出的《关于加快我市温控装备产业链发展的建议》收悉。现答复如下：\n一、基本情况\n上游环节，岚峰精工科技有限公司主要生产温控阀体。下游环节，青岚电器股份有限公司主要生产整机。\n",
			[][3]string{{"enterprise/岚峰精工", "inIndustry", "industry/温控装备"}, {"enterprise/青岚电器", "inIndustry", "industry/温控装备"}},
			[][3]string{{"enterprise/岚峰精工", "inIndustry", "industry/上游"}}},
		{"a chain on the first line", "岚湖高新区新闻发布会文字实录\n岚湖高新区氢能装备产业链发展新闻发布会（文字实录）\n问：请问今年有哪些进展？\n答：岚峰氢能的储氢瓶项目正式开工。\n问：请问高新区在生物医药产业链方面有什么进展？\n答：青岚药业的制剂项目已经投产。\n",
			[][3]string{{"enterprise/岚峰氢能", "inIndustry", "industry/氢能装备"}, {"enterprise/青岚药业", "inIndustry", "industry/生物技术和大健康"}},
			[][3]string{{"enterprise/青岚药业", "inIndustry", "industry/高新区在生物医药"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x, err := ex.Extract("t.txt", []byte(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range tt.want {
				if !has(x, r[0], r[1], r[2]) {
					t.Errorf("missing %v", r)
				}
			}
			for _, r := range tt.not {
				if has(x, r[0], r[1], r[2]) {
					t.Errorf("unwanted %v", r)
				}
			}
		})
	}
}

func TestRelations(t *testing.T) {
	ex := newTestExtractor(t)
	type rel struct{ s, p, o string }
	tests := []struct {
		name string
		body string
		want []rel
		not  []rel
	}{
		{"owner and code", "示范产业做强做优。海澜达B30重大项目落地。", []rel{
			{"enterprise/海澜达", "hasProject", "project/海澜达B30"}, {"project/海澜达B30", "stage", "落地"}}, nil},
		{"list on 及 with owner", "科泰全球研发中心及品牌总部落地。", []rel{
			{"enterprise/科泰", "hasProject", "project/科泰全球研发中心"}, {"enterprise/科泰", "hasProject", "project/科泰品牌总部"},
			{"project/科泰品牌总部", "stage", "落地"}}, nil},
		{"及 inside one owner's project", "推动丰禾农业集团果蔬加工及冷链配送项目开工。", []rel{
			{"project/丰禾农业集团果蔬加工及冷链配送项目", "stage", "开工"}}, []rel{{"project/冷链配送项目", "stage", "开工"}}},
		{"及 between two owners' projects", "推动丰禾农业集团果蔬加工项目及青岚电子传感器项目开工。", []rel{
			{"project/青岚电子传感器项目", "stage", "开工"}}, nil},
		{"a facility ends a project's name", "鹏远航修宽体机维修机库竣工验收，青港物流冷链仓库建成投用。", []rel{
			{"project/鹏远航修宽体机维修机库", "stage", "竣工"}, {"project/青港物流冷链仓库", "stage", "运营"}}, nil},
		{"a row of a table", "重点项目进展如下。\n序号\t项目名称\t建设单位\t2023年进展\n1\t冷链物流基地\t青禾食品有限公司\t5月开工", []rel{
			{"enterprise/青禾食品", "hasProject", "project/冷链物流基地"}, {"project/冷链物流基地", "stage", "开工"}}, nil},
		{"a table aligned with spaces", "重点项目进展情况表\n序号  项目名称          建设单位                本月进展\n1     冷链物流基地      青禾食品有限公司        5月开工\n2     精密轴承项目      浙江岚峰精工有限公司    主体封顶\n", []rel{
			{"enterprise/青禾食品", "hasProject", "project/冷链物流基地"}, {"project/冷链物流基地", "stage", "开工"},
			{"enterprise/岚峰精工", "hasProject", "project/精密轴承项目"}, {"project/精密轴承项目", "stage", "封顶"}}, nil},
		{"a table's content column places its project, a dated progress column its stage", "重点项目推进情况表\n序号\t项目名称\t建设单位\t建设内容及规模\t进度（截至10月底）\n1\t精密铸件项目\t岚峰精工有限公司\t在澄湖工业园区建设铸件生产线，年产铸件3万吨\t主体封顶\n", []rel{
			{"project/精密铸件项目", "locatedIn", "place/澄湖工业园区"}, {"project/精密铸件项目", "stage", "封顶"}}, nil},
		{"a table written with pipes", "附件：重点项目清单\n| 序号 | 项目名称 | 建设单位 | 进展 |\n| --- | --- | --- | --- |\n| 1 | 精密铸件项目 | 岚峰精工有限公司 | 竣工投产 |\n| 2 | 温控阀项目 | 澄湖温控科技有限公司 | 主体封顶 |\n", []rel{
			{"enterprise/岚峰精工", "hasProject", "project/精密铸件项目"}, {"project/精密铸件项目", "stage", "投产"},
			{"enterprise/澄湖温控", "hasProject", "project/温控阀项目"}, {"project/温控阀项目", "stage", "封顶"}}, nil},
		{"a chain's paragraph opens with what the chain is", "一、产业发展\n智能温控产业链是新区的第一大产业链，聚集规上企业30家。青岚温控、岚峰电器等企业扩大产能。", []rel{
			{"enterprise/青岚温控", "inIndustry", "industry/智能温控"}, {"enterprise/岚峰电器", "inIndustry", "industry/智能温控"}}, nil},
		{"a list is not cut at a short name that opens with 和", "曹湖热能、宜昌和顺电机、澄江线束等一批企业实现投产。宜昌和顺电机科技有限公司（以下简称和顺电机）电机项目开工。", []rel{
			{"enterprise/澄江线束", "stage", "投产"}}, []rel{{"enterprise/顺电机", "stage", "投产"}}},
		{"a project two firms invest in together", "岚峰电气与澄湖能源合资建设的储能系统集成项目落地。青岚化工和澄江新材共同投资的电子化学品项目开工。", []rel{
			{"enterprise/岚峰电气", "hasProject", "project/储能系统集成项目"}, {"enterprise/澄湖能源", "hasProject", "project/储能系统集成项目"},
			{"project/储能系统集成项目", "stage", "落地"}, {"enterprise/澄江新材", "hasProject", "project/电子化学品项目"}},
			[]rel{{"enterprise/岚峰电气", "stage", "落地"}}},
		{"a clause that opens with 和 names a firm", "岚峰微电子封装测试项目开工建设，和澄材料电子级树脂项目取得土地并开工。", []rel{
			{"enterprise/和澄材料", "hasProject", "project/和澄材料电子级树脂项目"}, {"project/和澄材料电子级树脂项目", "stage", "拿地"}}, nil},
		{"a legal name holds 和", "新材料产业加快发展，甘肃和岚铝业有限公司再生铝项目获批立项。澄州瑞和医药科技有限公司（以下简称瑞和医药）制剂项目投产。", []rel{
			{"enterprise/和岚铝业", "hasProject", "project/和岚铝业再生铝项目"}, {"enterprise/瑞和医药", "hasProject", "project/瑞和医药制剂项目"}},
			[]rel{{"enterprise/岚铝业", "hasProject", "project/岚铝业再生铝项目"}}},
		{"a title of which chains names none", "二、2027年工作安排\n（一）全力壮大主导产业链。智能终端产业链：推动岚峰电子智能终端项目开工建设。", []rel{
			{"project/岚峰电子智能终端项目", "stage", "开工"}}, []rel{{"enterprise/岚峰电子", "inIndustry", "industry/主导"}}},
		{"另有 opens no firm's name", "另有青屿半导体科技有限公司功率器件封测线开工。", []rel{
			{"enterprise/青屿半导体", "hasProject", "project/青屿半导体功率器件封测线"}}, nil},
		{"implicit project", "实现云帆微电等一批项目落地，星辰二期等一批项目开工建设。", []rel{
			{"enterprise/云帆微电", "hasProject", "project/云帆微电项目"}, {"project/云帆微电项目", "stage", "落地"},
			{"project/星辰二期", "stage", "开工"}}, nil},
		{"firms 等N家企业", "奥林智芯等6家企业入驻。", []rel{{"enterprise/奥林智芯", "stage", "入驻"}}, nil},
		{"a numbered name line heads its record's fields", "一、储能电池产业链\n1. 澄湖动力储能电芯项目（二期）\n（1）建设单位：江苏澄湖动力科技有限公司。\n（2）本周进度：主体结构封顶；幕墙施工。\n2. 二期工程\n说明：略。", []rel{
			{"enterprise/澄湖动力", "hasProject", "project/澄湖动力储能电芯项目"}, {"project/澄湖动力储能电芯项目", "stage", "封顶"},
			{"project/澄湖动力储能电芯项目", "inIndustry", "industry/储能电池"}}, nil},
		{"a phase in brackets after a project's name", "重点项目进展：\n3. 青岚新材负极材料项目（一期）：竣工验收；生产线联调。\n4. 澄江物流保税中心（B型）：封关运作。", []rel{
			{"project/青岚新材负极材料项目", "stage", "竣工"}, {"enterprise/青岚新材", "hasProject", "project/青岚新材负极材料项目"}}, nil},
		{"a list that forms a block of its chain", "（一）储能电池产业链。全链产值增长9%。\n上游：澄湖矿业、青岚化工和云岫锂材组成上游锂盐板块。岚峰智控、澄江动力装备为下游骨干企业。", []rel{
			{"enterprise/澄湖矿业", "inIndustry", "industry/储能电池"}, {"enterprise/云岫锂材", "inIndustry", "industry/储能电池"},
			{"enterprise/澄江动力装备", "inIndustry", "industry/储能电池"}}, []rel{{"enterprise/澄江", "inIndustry", "industry/储能电池"}}},
		{"a firm's project in speech", "答：我举几个例子。鹏远化工的高性能树脂项目，总投资大概是45亿元，今年4月份正式开工，预计2027年建成投产。华屹新材的年产5万吨碳纤维项目，一期已经在今年6月份投产了，现在二期也已经开工。", []rel{
			{"enterprise/鹏远化工", "hasProject", "project/高性能树脂项目"}, {"project/高性能树脂项目", "stage", "开工"}, {"project/高性能树脂项目", "stage", "投产"},
			{"enterprise/华屹新材", "hasProject", "project/年产5万吨碳纤维项目"}, {"project/年产5万吨碳纤维项目", "stage", "投产"}, {"project/年产5万吨碳纤维项目", "stage", "开工"}}, nil},
		{"a reporter's question names the answer's industry", "记者：我是江淮晨报记者。请问新材料产业方面，今年有哪些项目取得了进展？\n答：谢谢。瑞丰化工的高性能树脂项目今年4月份正式开工。\n主持人：谢谢。\n答：金桥助剂的改性塑料项目已经开工。", []rel{
			{"enterprise/瑞丰化工", "inIndustry", "industry/新材料"}}, []rel{{"enterprise/金桥助剂", "inIndustry", "industry/新材料"}}},
		{"firms listed under a chain's tier or segment", "二、储能电池产业链\n（二）本地企业。\n上游（材料）：岚峰锂业（碳酸锂，年产能2万吨）、青禾新材（负极材料）。\n隔膜环节：华屹隔膜、澄湖隔膜；铜箔环节：云岫铜箔。\n上游环节：正极材料、负极材料。\n", []rel{
			{"enterprise/岚峰锂业", "inIndustry", "industry/储能电池"}, {"enterprise/青禾新材", "inIndustry", "industry/储能电池"},
			{"enterprise/华屹隔膜", "inIndustry", "industry/储能电池"}, {"enterprise/云岫铜箔", "inIndustry", "industry/储能电池"}},
			[]rel{{"enterprise/正极材料", "inIndustry", "industry/储能电池"}}},
		{"bulleted and bracketed items under a stage", "一、集中签约项目\n本次集中签约的3个项目分别是：\n▶ 青禾冷链物流中心项目。由青禾食品有限公司投资建设，总投资5亿元。\n▶ 岚峰精密轴承项目。由浙江岚峰精工有限公司投资6亿元建设。\n二、集中开工项目\n【云岫新材碳纤维预浸料项目】建设单位为云岫新材，总投资3亿元。\n【新开工项目】\n", []rel{
			{"project/青禾冷链物流中心项目", "stage", "签约"}, {"project/岚峰精密轴承项目", "stage", "签约"}, {"project/云岫新材碳纤维预浸料项目", "stage", "开工"}},
			[]rel{{"project/新开工项目", "stage", "开工"}}},
		{"a project belongs to a chain", "一、集中签约项目\n▶ 岚峰精密轴承项目。由浙江岚峰精工有限公司投资6亿元建设，主要生产风电轴承，属于高端装备制造产业链。\n", []rel{
			{"project/岚峰精密轴承项目", "inIndustry", "industry/智能装备"}, {"enterprise/岚峰精工", "inIndustry", "industry/智能装备"}}, nil},
		{"a daily capacity opens the project after its owner", "青源玻璃日熔化量2400吨光伏玻璃项目9月主体结构封顶。", []rel{
			{"enterprise/青源玻璃", "hasProject", "project/青源玻璃日熔化量2400吨光伏玻璃项目"}}, nil},
		{"spoken stage verbs split by 了", "答：岚峰化工的碳纤维部件项目今年4月份签了约，土地也已经拿到了土地证。青禾化工的树脂项目上个月开了工。", []rel{
			{"project/碳纤维部件项目", "stage", "签约"}, {"project/树脂项目", "stage", "开工"}}, nil},
		{"industry context", "生物技术和大健康产业平稳增长。推进瑞科生物研发生产基地建设。", []rel{
			{"enterprise/瑞科生物", "inIndustry", "industry/生物技术和大健康"},
			{"project/瑞科生物研发生产基地", "stage", "在建"}}, nil},
		{"name with 和 stays whole", "机器人和智能制造产业突破发展。推进海川重工三期开工。", []rel{
			{"enterprise/海川重工", "inIndustry", "industry/机器人和智能制造"}}, nil},
		{"develops", "远星航天自主研发的“天河二号”成功发射。", []rel{{"enterprise/远星航天", "develops", "product/天河二号"}}, nil},
		{"其 is the firm that opens the chain", "恒远医疗完成上市辅导。澜江电子入选国家级单项冠军企业，其自主研发的“澜芯K5”控制芯片批量供货。", []rel{
			{"enterprise/澜江电子", "develops", "product/澜芯K5"}}, []rel{{"enterprise/恒远医疗", "develops", "product/澜芯K5"}}},
		{"firm with a partner develops", "青岚重工股份有限公司联合高校研制的“青岚一号”掘进机下线。", []rel{
			{"enterprise/青岚重工", "develops", "product/青岚一号"}}, nil},
		{"develops without a subject", "启明汽车二期项目投产，自主开发的“启明S3”车型上市。", []rel{
			{"enterprise/启明汽车", "develops", "product/启明S3"}}, nil},
		{"first unit off the line", "链主企业北辰重工大型风机项目主体完工，首台“北辰BX-6”风电机组下线。", []rel{
			{"enterprise/北辰重工", "develops", "product/北辰BX-6"}}, nil},
		{"其 and a quoted brand", "本土企业松原食品完成扩产，其“林间小屋”系列果汁进入华南市场。", []rel{
			{"enterprise/松原食品", "develops", "product/林间小屋"}}, nil},
		{"a run-in chain title sets its section's industry", "（一）储能电池产业链。全链实现产值80亿元，同比增长12%。\n沧澜电池年产10GWh储能电池项目竣工投产，云岫科技完成扩产。\n（二）绿色食品产业链。全链产值增长9%。", []rel{
			{"enterprise/沧澜电池", "inIndustry", "industry/储能电池"}, {"enterprise/云岫科技", "inIndustry", "industry/储能电池"}}, nil},
		{"a chain title with its qualifier, and its segments", "（一）新材料（碳纤维）产业链。全链实现产值80亿元，同比增长12%。\n上游原丝环节，云岭碳材年产3000吨原丝项目开工建设。\n下游复材环节，青川复合材料有限公司完成扩产。", []rel{
			{"enterprise/云岭碳材", "inIndustry", "industry/新材料(碳纤维)"}, {"enterprise/青川复合材料", "inIndustry", "industry/新材料(碳纤维)"},
			{"enterprise/云岭碳材", "inIndustry", "industry/上游原丝"}, {"industry/上游原丝", "subIndustryOf", "industry/新材料(碳纤维)"}}, nil},
		{"a segment in its chain title's paragraph", "（一）氢能产业链。构建全链条。中游电堆环节，澄湖动力年产1万套电堆项目主体封顶。", []rel{
			{"enterprise/澄湖动力", "inIndustry", "industry/氢能"}, {"industry/中游电堆", "subIndustryOf", "industry/氢能"}}, nil},
		{"a direction of the year's work names its firms' line of business", "一是保税研发方向，青屿生物保税研发中心投入使用。二是民生方面，新建学校3所。三是保税维修方面，澜川精密完成扩产。", []rel{
			{"enterprise/青屿生物", "inIndustry", "industry/保税研发"}, {"enterprise/澜川精密", "inIndustry", "industry/保税维修"}},
			[]rel{{"enterprise/澜川精密", "inIndustry", "industry/保税研发"}}},
		{"a firm's verb and its project named without it", "宁波岚川电子有限公司投资6.5亿元建设智能控制板项目，9月开工。南通澜汀医用材料有限公司签约医用敷料扩产项目，总投资2.6亿元。苏州青屿环保科技有限公司（青屿环保）在民安街道落户钢渣综合利用项目。青禾电子有限公司在滨江街道入驻智造产业园。", []rel{
			{"enterprise/岚川电子", "hasProject", "project/岚川电子智能控制板项目"},
			{"enterprise/澜汀医用材料", "hasProject", "project/澜汀医用材料医用敷料扩产项目"}, {"project/澜汀医用材料医用敷料扩产项目", "stage", "签约"},
			{"enterprise/青屿环保", "hasProject", "project/青屿环保钢渣综合利用项目"}, {"project/青屿环保钢渣综合利用项目", "stage", "落地"}},
			[]rel{{"enterprise/青禾电子", "hasProject", "project/青禾电子智造产业园"}}},
		{"a chain's firms after X链上", "镁质新材料链上，澜汀镁业有限公司扩建项目竣工。高端装备链上，引进配套企业11家。", []rel{
			{"enterprise/澜汀镁业", "inIndustry", "industry/镁质新材料"}}, nil},
		{"a segment's title in its paragraph", "（二）中游精细化学品环节。江苏澜汀化学有限公司年产5万吨助剂项目竣工投产。\n（三）存在的薄弱环节。青禾电子完成扩产。", []rel{
			{"enterprise/澜汀化学", "inIndustry", "industry/中游精细化学品"}}, []rel{{"enterprise/青禾电子", "inIndustry", "industry/存在的薄弱"}}},
		{"places of projects: after 签约落地, before a date, after an investor", "青禾电子年产50万台控制器项目签约落地宜良县狗街镇。日本松岛电机株式会社投资的微电机工厂在阳朔县白沙镇于8月开始试生产。", []rel{
			{"project/青禾电子年产50万台控制器项目", "locatedIn", "place/狗街镇"}, {"project/微电机工厂", "locatedIn", "place/白沙镇"}}, nil},
		{"what was done before reaching output", "云杉食品年产3万吨冻干果蔬项目完成全部设备更新后实现达产达效。", []rel{
			{"enterprise/云杉食品", "hasProject", "project/云杉食品年产3万吨冻干果蔬项目"}, {"project/云杉食品年产3万吨冻干果蔬项目", "stage", "投产"}}, nil},
		{"corner brackets quote a product", "晨岭材料自主研发的「晨岭C7」耐高温薄膜通过客户认证，其『霜叶』系列涂料出口东南亚。", []rel{
			{"enterprise/晨岭材料", "develops", "product/晨岭C7"}, {"enterprise/晨岭材料", "develops", "product/霜叶"}}, nil},
		{"unquoted model after a product verb", "岚峰智能推出的LF-W6智能手表出货量增长，青川传动生产的QC-180型减速器进入整车配套。", []rel{
			{"enterprise/岚峰智能", "develops", "product/LF-W6"}, {"enterprise/青川传动", "develops", "product/QC-180"}}, nil},
		{"a code without a digit is no model", "岚峰智能推出的AI-PC新品上市。", nil, []rel{{"enterprise/岚峰智能", "develops", "product/AI-PC"}}},
		{"model numbers after the verb, in a list", "松岩机械推出的SY-200K数控折弯机、SY-310系列剪板机已批量出口。", []rel{
			{"enterprise/松岩机械", "develops", "product/SY-200K"}, {"enterprise/松岩机械", "develops", "product/SY-310"}}, nil},
		{"a quoted brand, then a model", "霁川家居有限公司投产，霁川家居新推出的“云朵”沙发、JC-7折叠床销往欧洲。", []rel{
			{"enterprise/霁川家居", "develops", "product/云朵"}, {"enterprise/霁川家居", "develops", "product/JC-7"}}, nil},
		{"a firm named before, then its model", "浙江青禾精工科技有限公司减速器项目竣工，青禾精工QH-25减速器通过验证。", []rel{
			{"enterprise/青禾精工", "develops", "product/QH-25"}}, nil},
		{"a firm named before, 的 and a quoted name", "瑶光生物科技有限公司提取项目投产，瑶光生物的“瑶草”胶囊获批。", []rel{
			{"enterprise/瑶光生物", "develops", "product/瑶草"}}, nil},
		{"其 and a model", "柘溪数控科技有限公司上市，其TX-F300激光切割机销量第一。", []rel{
			{"enterprise/柘溪数控", "develops", "product/TX-F300"}}, nil},
		{"a quoted technique is no product", "鹿鸣材料有限公司投产，鹿鸣材料“薄膜低温制备关键技术”获省科技奖。", nil, []rel{
			{"enterprise/鹿鸣材料", "develops", "product/薄膜低温制备关键技术"}}},
		{"其 and a plan is no product", "翠湖科技完成融资，其“十四五”规划获批。", nil, []rel{{"enterprise/翠湖科技", "develops", "product/十四五"}}},
		{"street inside an area", "云舟储能电池项目签约，落户滨江新城长岭街道。", []rel{
			{"project/云舟储能电池项目", "locatedIn", "place/长岭街道"}}, nil},
		{"area opening a project's name", "汉阳新城智能装备产业园二期竣工，汉阳新城全年新增企业40家。", []rel{
			{"project/汉阳新城智能装备产业园二期", "locatedIn", "place/汉阳新城"}}, nil},
		{"place of 在 before a verb", "云岭新材特种膜项目在青石镇取得项目备案。", []rel{
			{"project/云岭新材特种膜项目", "locatedIn", "place/青石镇"}}, nil},
		{"numbered list of projects with their investment", "附：重点项目推进情况\n1. 青禾新材年产5万吨薄膜项目，总投资12亿元，已投产；\n2. 云溪化工扩产项目，总投资8亿元，主体封顶；", []rel{
			{"project/青禾新材年产5万吨薄膜项目", "stage", "投产"}, {"enterprise/青禾新材", "hasProject", "project/青禾新材年产5万吨薄膜项目"},
			{"project/云溪化工扩产项目", "stage", "封顶"}}, nil},
		{"topic built in a place", "3. 海映光学镜头项目：港资企业海映光学投资5亿元，在白沙街道建设光学镜头生产基地，当年开工。", []rel{
			{"project/海映光学镜头项目", "locatedIn", "place/白沙街道"}}, nil},
		{"落户 clause after the project", "松川储能电池项目签约，总投资20亿元，落户滨江新城长岭街道。", []rel{
			{"project/松川储能电池项目", "locatedIn", "place/长岭街道"}}, nil},
		{"town under its short name", "青石镇发展特色农业。青石果蔬冷链物流园一期建成投用。", []rel{
			{"project/青石果蔬冷链物流园一期", "locatedIn", "place/青石镇"}}, nil},
		{"firm named after its town", "青石镇发展特色农业。青石服饰有限公司(青石服饰)智能缝制车间改造项目竣工。", nil, []rel{
			{"project/青石服饰智能缝制车间改造项目", "locatedIn", "place/青石镇"}}},
		{"phase with a count", "松岭片区标准厂房二期8栋全部封顶。", []rel{
			{"project/松岭片区标准厂房二期", "stage", "封顶"}, {"project/松岭片区标准厂房二期", "locatedIn", "place/松岭片区"}}, nil},
		{"park before its facility", "青禾食品有限公司(青禾食品)冷冻食品项目入驻松北食品产业园标准化厂房。", []rel{
			{"project/青禾食品冷冻食品项目", "locatedIn", "place/松北食品产业园"}}, nil},
		{"legal name and 简称", "苏州明远光电科技有限公司(以下简称“明远”)激光器产业化项目投产。", []rel{
			{"enterprise/明远", "hasProject", "project/明远激光器产业化项目"}, {"project/明远激光器产业化项目", "stage", "投产"}}, nil},
		{"firm in quotes before its project", "引进了松鹤电子封装项目、“青岚微”存储模组项目及“特种纸”项目。", []rel{
			{"enterprise/青岚微", "hasProject", "project/青岚微存储模组项目"}},
			[]rel{{"enterprise/特种纸", "hasProject", "project/特种纸项目"}}},
		{"the investor before 的 owns the project", "辽宁青屿供应链管理集团有限公司（青屿集团）投资建设的松岭冷链物流园一期投入运营。", []rel{
			{"enterprise/青屿集团", "hasProject", "project/松岭冷链物流园一期"}}, []rel{{"enterprise/松岭", "hasProject", "project/松岭冷链物流园一期"}}},
		{"english name", "ABB机器人全球研发中心揭牌。", []rel{{"enterprise/ABB", "hasProject", "project/ABB机器人全球研发中心"},
			{"project/ABB机器人全球研发中心", "stage", "揭牌"}}, nil},
		{"place after 落户", "宏图半导体总部落户软件新城。", []rel{{"project/宏图半导体总部", "locatedIn", "place/软件新城"}}, nil},
		{"place prefix", "加快马驹桥智造基地建设。", []rel{{"project/马驹桥智造基地", "locatedIn", "place/马驹桥镇"}}, nil},
		{"category is no project", "推动绿色工厂建设。", nil, []rel{{"project/绿色工厂", "stage", "在建"}}},
		{"verb as noun", "出台企业研发中心建设三年行动计划。", nil, []rel{{"project/企业研发中心", "stage", "在建"}}},
		{"planned", "力争华光二期竣工投产。", []rel{{"project/华光二期", "stage", "投产"}}, nil},
		{"co-built after signing", "与远航资本签约共建金融科技产业园。", []rel{{"enterprise/远航资本", "hasProject", "project/金融科技产业园"},
			{"project/金融科技产业园", "stage", "签约"}}, nil},
		{"modifier before 的", "总投资50亿元的紫晶光电显示面板项目正式开工。", []rel{
			{"enterprise/紫晶光电", "hasProject", "project/紫晶光电显示面板项目"}, {"project/紫晶光电显示面板项目", "stage", "开工"}}, nil},
		{"count ends a list", "实现鸿鹄科技、青檀智能两个项目签约。", []rel{{"project/青檀智能项目", "stage", "签约"}},
			[]rel{{"project/青檀智能两个项目", "stage", "签约"}}},
		{"government signs, no firm", "北京清源光电科技有限公司与区政府签署合作协议。", []rel{{"enterprise/清源光电", "stage", "签约"}},
			[]rel{{"organization/区政府", "stage", "签约"}, {"enterprise/区政府", "stage", "签约"}}},
		{"firms building each their own", "康和生物、诺远健华等企业在临港知识城扩建产能。", []rel{
			{"enterprise/康和生物", "hasProject", "project/康和生物产能"}, {"project/诺远健华产能", "stage", "扩产"},
			{"project/诺远健华产能", "locatedIn", "place/临港知识城"}}, nil},
		{"ordinal phase", "超明显示第10.5代液晶面板生产线满产。", []rel{
			{"enterprise/超明显示", "hasProject", "project/超明显示第10.5代液晶面板生产线"}}, nil},
		{"A与B industry lead", "(一)新型显示与集成电路产业强链补链。海岳光电二期项目投产。", []rel{
			{"enterprise/海岳光电", "inIndustry", "industry/新型显示与集成电路"}}, nil},
		{"X经济 lead", "(一)平台经济规范健康发展。云启科技华东总部开工。", []rel{
			{"enterprise/云启科技", "inIndustry", "industry/平台经济"}}, nil},
		{"investor before 的", "由远帆(中国)投资有限公司投资建设的氢燃料电池动力总成项目开工。", []rel{
			{"enterprise/远帆", "hasProject", "project/氢燃料电池动力总成项目"}, {"project/氢燃料电池动力总成项目", "stage", "开工"}}, nil},
		{"no industry from 主要经济指标", "一、主要经济指标\n\n瑞达三期开工。", nil, []rel{{"enterprise/瑞达", "inIndustry", "industry/主要经济"}}},
		{"distributive", "明川精工、拓远电子等企业增资扩产项目落地泊里镇。", []rel{
			{"enterprise/明川精工", "hasProject", "project/明川精工增资扩产项目"}, {"project/拓远电子增资扩产项目", "stage", "落地"}}, nil},
		{"two stages in one verb", "蓝岭电机产业园竣工投产，青枫大厦建成投用。", []rel{
			{"project/蓝岭电机产业园", "stage", "竣工"}, {"project/蓝岭电机产业园", "stage", "投产"},
			{"project/青枫大厦", "stage", "竣工"}, {"project/青枫大厦", "stage", "运营"}}, nil},
		{"phases of the topic", "1.青岚电池储能基地：总投资20亿元。一期已投产，二期开工建设。", []rel{
			{"project/青岚电池储能基地", "stage", "投产"}, {"project/青岚电池储能基地", "stage", "开工"}},
			[]rel{{"project/二期", "stage", "开工"}}},
		{"installing equipment", "鹏程精工轴承项目进入设备安装调试阶段。", []rel{{"project/鹏程精工轴承项目", "stage", "在建"}}, nil},
		{"inline list under its stage", "全年新签约项目30个。主要签约项目有：青禾食品冷链加工项目，总投资8亿元；远拓精密轴承项目，总投资5亿元。", []rel{
			{"project/青禾食品冷链加工项目", "stage", "签约"}, {"project/远拓精密轴承项目", "stage", "签约"}}, nil},
		{"numbered list under its stage", "重点开工项目如下：\n\n1.星河储能电池基地：总投资20亿元，建设电芯产线。\n\n2.蓝海光学镜头项目：总投资6亿元，年产镜头500万片。\n\n其他工作稳步推进，海岳大厦投入使用。", []rel{
			{"project/星河储能电池基地", "stage", "开工"}, {"project/蓝海光学镜头项目", "stage", "开工"}},
			[]rel{{"project/海岳大厦", "stage", "开工"}}},
		{"numbered line naming its project", "(2)雁北精工数控机床项目。总投资12亿元。完成情况：3月开工，10月主体完工，6栋厂房全部封顶。", []rel{
			{"project/雁北精工数控机床项目", "stage", "开工"}, {"project/雁北精工数控机床项目", "stage", "竣工"},
			{"project/雁北精工数控机床项目", "stage", "封顶"}}, nil},
		{"a foreign firm by its Latin name and legal form", "瑞士Albrecht Feinmechanik AG增资扩产，新增投资2000万美元。奥地利Steinbauer Pumpen GmbH与云川机电合资设立的泵阀工厂开工。", []rel{
			{"enterprise/Albrecht Feinmechanik", "stage", "扩产"}}, nil},
		{"a short name with the legal name in brackets after it", "岚泽物流（辽宁岚泽国际物流有限公司）冷链分拨中心在望江街道建成投用。", []rel{
			{"enterprise/岚泽物流", "hasProject", "project/岚泽物流冷链分拨中心"}, {"project/岚泽物流冷链分拨中心", "stage", "运营"}}, nil},
		{"a Latin name with its Chinese name in brackets", "Norvik Energy（诺维克能源）储能系统项目落地青石镇。", []rel{
			{"enterprise/Norvik Energy", "hasProject", "project/Norvik Energy(诺维克能源)储能系统项目"}}, nil},
		{"对 and the project of the firm named before", "链主企业青禾电器集团有限公司追加投资5亿元，对智能洗衣机工厂实施增资扩产。", []rel{
			{"enterprise/青禾电器", "hasProject", "project/青禾电器智能洗衣机工厂"}, {"project/青禾电器智能洗衣机工厂", "stage", "扩产"}},
			[]rel{{"project/对智能洗衣机工厂", "stage", "扩产"}}},
		{"a project's chosen site", "青禾精工精密轴承项目选址柳溪镇，已完成土地摘牌。", []rel{
			{"project/青禾精工精密轴承项目", "locatedIn", "place/柳溪镇"}}, nil},
		{"该公司 is the firm named last", "青禾食品有限公司年产5万吨饼干项目竣工投产。该公司推出的“禾香”系列饼干销往华南。", []rel{
			{"enterprise/青禾食品", "develops", "product/禾香"}}, []rel{{"enterprise/该公司", "develops", "product/禾香"}}},
		{"a progress report's entry: its parts and phases are the project's", "1.青霁储能电芯项目：总投资40亿元，选址东湖镇。责任单位：区发改局。进度：总装车间主体结构封顶，涂装车间完成设备进场调试；二期8月竣工，9月实现试生产。\n\n2.澄远电器洗衣机工厂项目：总投资9亿元。进度：6月在西林街道摘牌拿地，三季度开工，生产线于9月12日通线，首台滚筒洗衣机下线。", []rel{
			{"project/青霁储能电芯项目", "stage", "封顶"}, {"project/青霁储能电芯项目", "stage", "竣工"}, {"project/青霁储能电芯项目", "stage", "投产"},
			{"project/澄远电器洗衣机工厂项目", "stage", "拿地"}, {"project/澄远电器洗衣机工厂项目", "locatedIn", "place/西林街道"},
			{"project/澄远电器洗衣机工厂项目", "stage", "开工"}, {"project/澄远电器洗衣机工厂项目", "stage", "投产"}},
			[]rel{{"project/总装车间", "stage", "封顶"}, {"project/涂装车间", "stage", "竣工"}}},
		{"a legal name's project, and the first line of it", "常州青霁新材料有限公司的硅碳负极材料项目首条产线通线。", []rel{
			{"enterprise/青霁新材料", "hasProject", "project/硅碳负极材料项目"}, {"project/硅碳负极材料项目", "stage", "投产"}},
			[]rel{{"enterprise/硅碳", "hasProject", "project/硅碳负极材料项目"}}},
		{"建设 inside a legal name", "1.岚峰智造产业园：由常州岚峰开发建设集团有限公司投资建设，总投资12亿元。进度：1号至3号楼主体结构封顶。", []rel{
			{"project/岚峰智造产业园", "stage", "封顶"}}, []rel{{"enterprise/集团", "hasProject", "project/岚峰智造产业园"}, {"project/1号至3号楼", "stage", "封顶"}}},
		{"a sector's lead and a list of firms with their output", "整车板块稳中有进。青岚汽车集团有限公司（以下称青岚）推出中型纯电轿车“岚途S5”，青岚新能源总装工厂实现通线。\n\n零部件板块量质齐升。澄远座舱（产值16.3亿元）、嘉泰线束（产值11.7亿元）等骨干零部件企业产值超过10亿元。", []rel{
			{"enterprise/青岚", "inIndustry", "industry/整车"}, {"enterprise/青岚", "develops", "product/岚途S5"},
			{"enterprise/澄远座舱", "inIndustry", "industry/汽车零部件"}, {"enterprise/嘉泰线束", "inIndustry", "industry/汽车零部件"}}, nil},
		{"a legal name's product, named after what it is", "澄远智行科技（常州）有限公司的自动驾驶系统“CY-Drive 2.0”完成封闭场地测试。", []rel{
			{"enterprise/澄远智行", "develops", "product/CY-Drive 2.0"}}, nil},
		{"a project's code after a legal name is no product", "青屿微电子（常州）有限公司A3F扩建项目竣工。", nil, []rel{
			{"enterprise/青屿微电子", "develops", "product/A3F"}}},
		{"an industrialization base is no industry", "二、2026年工作安排\n\n一是推动青濮生物疫苗产业化基地年内竣工投产，力争赫达医疗骨科植入物项目开工建设。", nil, []rel{
			{"enterprise/赫达医疗", "inIndustry", "industry/青濮生物疫苗"}}},
		{"a numbered lead naming its chain", "第一，风电装备产业链稳住了基本盘。青屿重工股份有限公司上半年销量增长12%。\n\n第二，精密光学产业链跑出了加速度。澄光科技股份有限公司是这条链的链主。", []rel{
			{"enterprise/青屿重工", "inIndustry", "industry/风电装备"}, {"enterprise/澄光", "inIndustry", "industry/精密光学"}}, nil},
		{"其 and a generation before a model", "青屿重工股份有限公司上半年销量增长12%，其新一代QY12大功率风电齿轮箱在3月实现满产。", []rel{
			{"enterprise/青屿重工", "develops", "product/QY12"}}, nil},
		{"a date before the stage verb", "青屿半导体12英寸晶圆及封测项目二期于4月开工建设，岚山数据中心2024年3月底投入运营。", []rel{
			{"enterprise/青屿半导体", "hasProject", "project/青屿半导体12英寸晶圆及封测项目二期"}, {"project/青屿半导体12英寸晶圆及封测项目二期", "stage", "开工"},
			{"project/岚山数据中心", "stage", "运营"}}, []rel{{"project/封测项目二期", "stage", "开工"}}},
		{"在 and a month before the stage verb; a signing event is no verb", "青韵声学投资的微型扬声器模组工厂二期在5月试运行。岚衡光电科技有限公司在12月集中签约活动中签约光模块封装项目。", []rel{
			{"enterprise/青韵声学", "hasProject", "project/微型扬声器模组工厂二期"}, {"project/微型扬声器模组工厂二期", "stage", "运营"},
			{"enterprise/岚衡光电", "hasProject", "project/岚衡光电光模块封装项目"}, {"project/岚衡光电光模块封装项目", "stage", "签约"}},
			[]rel{{"enterprise/岚衡光电", "stage", "签约"}}},
		{"an owner's project after 的: an amount before the verb, a month before the place, two products under one head", "河南青香源食品股份有限公司是龙头企业。青香源投资8.6亿元建设的烘焙糕点智能工厂于6月在杜曲镇竣工投产。岚峰新材料投资的高纯钼靶材及溅射材料产业化项目2月开工建设。", []rel{
			{"enterprise/青香源", "hasProject", "project/烘焙糕点智能工厂"}, {"project/烘焙糕点智能工厂", "locatedIn", "place/杜曲镇"},
			{"enterprise/岚峰新材料", "hasProject", "project/高纯钼靶材及溅射材料产业化项目"}, {"project/高纯钼靶材及溅射材料产业化项目", "stage", "开工"}},
			[]rel{{"project/溅射材料产业化项目", "stage", "开工"}}},
		{"a plan supports a firm in building its project", "青川机床有限公司是龙头企业。支持青川机床建设五轴机床研发中心，青川机床新建项目二期开工，推动恒准仪表智能流量计扩产项目开工。", []rel{
			{"enterprise/青川机床", "hasProject", "project/五轴机床研发中心"}, {"enterprise/青川机床", "hasProject", "project/青川机床新建项目二期"}},
			[]rel{{"enterprise/青川机床", "hasProject", "project/青川机床建设五轴机床研发中心"}}},
		{"a firm's word of trade ends its name before its project", "澄溪铸造精密铸件技改项目开工，岚泉酒业葡萄酒生产线项目投产。", []rel{
			{"enterprise/澄溪铸造", "hasProject", "project/澄溪铸造精密铸件技改项目"}, {"enterprise/岚泉酒业", "hasProject", "project/岚泉酒业葡萄酒生产线项目"}}, nil},
		{"things counted are no project", "年底前三条新生产线已完成设备安装。", nil, []rel{{"project/三条新生产线", "stage", "在建"}}},
		{"a heading of finished projects, and an item that says how it finished", "（三）竣工投产项目\n1. 青岚光电标准化厂房二期，总投资3亿元。项目7月竣工。\n2. 澄湖动力电堆项目，总投资8亿元，建筑面积2万平方米。\n（四）其他工作\n3. 云岭碳材原丝项目，总投资5亿元。", []rel{
			{"project/青岚光电标准化厂房二期", "stage", "竣工"}, {"project/澄湖动力电堆项目", "stage", "投产"}},
			[]rel{{"project/青岚光电标准化厂房二期", "stage", "投产"}, {"project/云岭碳材原丝项目", "stage", "投产"}}},
		{"a heading with no stage in its words", "一、项目建设提速增效\n青岚光电显示模组项目。项目总投资12亿元。", nil,
			[]rel{{"project/青岚光电显示模组项目", "stage", "在建"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := extractString(t, ex, tt.body)
			for _, r := range tt.want {
				if !has(x, r.s, r.p, r.o) {
					t.Errorf("missing %s %s %s in %s", r.s, r.p, r.o, dumpRelations(x))
				}
			}
			for _, r := range tt.not {
				if has(x, r.s, r.p, r.o) {
					t.Errorf("unexpected %s %s %s", r.s, r.p, r.o)
				}
			}
		})
	}
}

// TestStageHeadingBlocks: on a web page, a heading block whose words are
// a stage (签约项目) gives it to the project each paragraph under it opens
// with, up to the next heading block.
func TestStageHeadingBlocks(t *testing.T) {
	ex := newTestExtractor(t)
	page := "<html><head><title>集中签约</title></head><body><h1>经开区举行重点项目集中签约暨集中开工仪式</h1>" +
		"<h3>签约项目</h3><p>青岚光电显示模组项目。项目由青岚光电科技有限公司投资建设，总投资12亿元，建设显示模组生产线和研发中心。</p>" +
		"<h3>开工项目</h3><p>澄湖动力电堆项目。项目由澄湖动力有限公司投资8亿元建设，今年3月签约，年产电堆2万套。</p>" +
		"<p>澄岭标准化厂房三期项目。项目由江苏岚和城市发展有限公司投资建设，总投资9.6亿元，建设标准化厂房和研发楼21栋，重点承接配套企业。</p>" +
		"<h3>服务保障</h3><p>云岭碳材原丝项目。项目总投资5亿元，经开区为项目开设绿色通道，审批用时压缩至28个工作日。</p></body></html>"
	x, err := ex.Extract("t.htm", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range [][3]string{{"project/青岚光电显示模组项目", "stage", "签约"}, {"project/澄湖动力电堆项目", "stage", "开工"},
		{"project/澄岭标准化厂房三期项目", "stage", "开工"}, {"enterprise/岚和城市", "hasProject", "project/澄岭标准化厂房三期项目"}} {
		if !has(x, r[0], r[1], r[2]) {
			t.Errorf("missing %s %s %s in %s", r[0], r[1], r[2], dumpRelations(x))
		}
	}
	for _, r := range [][3]string{{"project/青岚光电显示模组项目", "stage", "开工"}, {"project/云岭碳材原丝项目", "stage", "开工"}} {
		if has(x, r[0], r[1], r[2]) {
			t.Errorf("unexpected %s %s %s", r[0], r[1], r[2])
		}
	}
}

// TestIndustryPark: the firms of a park of one industry, named in the
// title, are in that industry where the text names no other.
func TestIndustryPark(t *testing.T) {
	ex := newTestExtractor(t)
	x, err := ex.Extract("t.txt", []byte("平乐县精细化工产业园2023年工作总结\n\n（一）龙头企业\n\n桂林森雅化工股份有限公司全年营业收入增长12%。\n\n催化剂环节，鸿拓新材年产5万吨催化剂项目竣工投产。"))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range [][3]string{
		{"enterprise/桂林森雅化工", "inIndustry", "industry/精细化工"},
		{"enterprise/鸿拓新材", "inIndustry", "industry/催化剂"},
	} {
		if !has(x, r[0], r[1], r[2]) {
			t.Errorf("missing %v in %s", r, dumpRelations(x))
		}
	}
	if has(x, "enterprise/鸿拓新材", "inIndustry", "industry/精细化工") {
		t.Errorf("a segment's firm is in the park's industry too")
	}
	for _, id := range []string{"place/平乐县精细化工产业园", "place/平乐县"} {
		if !hasEntity(x, id) {
			t.Errorf("missing %s", id)
		}
	}
}

// TestIndustryMentions: an industry named anywhere is kept, but not a
// Latin name that is the start of a longer word or unit.
func TestIndustryMentions(t *testing.T) {
	ex := newTestExtractor(t)
	x := extractString(t, ex, "岚川储能年产8GWh储能电池项目开工，全区加快发展5G、人工智能等产业。")
	if !hasEntity(x, "industry/5G") {
		t.Errorf("missing industry/5G")
	}
	x = extractString(t, ex, "岚川储能年产5GWh储能电池项目开工。")
	if hasEntity(x, "industry/5G") {
		t.Errorf("5G read inside 5GWh")
	}
	x = extractString(t, ex, "走访企业326家次，协调解决用工、融资、物流等问题214个。")
	if hasEntity(x, "industry/现代物流") {
		t.Errorf("物流 read in a list of firms' problems")
	}
	x = extractString(t, ex, "江苏澜汀新材料有限公司年产5万吨薄膜项目开工，澜汀新材料完成扩产。")
	if hasEntity(x, "industry/新材料") {
		t.Errorf("新材料 read inside a firm's name")
	}
	x = extractString(t, ex, "江苏澜汀新材料有限公司年产5万吨薄膜项目开工，全区新材料产业加快发展。")
	if !hasEntity(x, "industry/新材料") {
		t.Errorf("missing industry/新材料 named outside the firm's name")
	}
}

func TestPlaces(t *testing.T) {
	ex := newTestExtractor(t)
	tests := []struct {
		name, body string
		want, not  []string
	}{
		{"regions and countries", "产品销往珠三角、京津冀，出口越南、巴西等国家。", []string{"place/珠三角", "place/京津冀", "place/越南", "place/巴西"}, nil},
		{"areas apart", "推动滨江新城长岭街道城市更新。", []string{"place/滨江新城", "place/长岭街道"}, []string{"place/滨江新城长岭街道"}},
		{"于 opening a name", "于林县工业园区新增企业12家。", []string{"place/于林县工业园区"}, []string{"place/林县工业园区"}},
		{"no verb in an area's name", "拟申报滨江新城综合保税区。", nil, []string{"place/申报滨江新城"}},
		{"a verb or a share before 园区 is no name", "首台设备下线，填补了园区装备制造空白，带动园区产品销售增长，部分园区配套滞后。", nil,
			[]string{"place/填补了园区", "place/带动园区", "place/部分园区"}},
		{"a town after its county", "青禾电子项目签约落地宜良县狗街镇，远拓精工项目在阳朔县白沙镇开工。", []string{"place/狗街镇", "place/宜良县", "place/白沙镇"},
			[]string{"place/宜良县狗街镇", "place/地宜良县", "place/阳朔县白沙镇"}},
		{"a country before a firm's Latin name is the firm's", "奥地利Steinbauer Pumpen GmbH在区内设立研发中心，日本Mizuhara Koki株式会社投资的轴承工厂投产，产品出口越南。",
			[]string{"enterprise/Steinbauer Pumpen", "enterprise/Mizuhara Koki", "place/越南"}, []string{"place/奥地利", "place/日本"}},
		{"和 inside a city's name joins nothing", "呼和浩特青山工业园区新增企业12家，呼和浩特青山城市建设集团有限公司投资建设标准化厂房。",
			[]string{"place/呼和浩特青山工业园区"}, []string{"place/浩特青山工业园区", "enterprise/浩特青山城市建设"}},
		{"a town after its county after 内", "园区内宜良县狗街镇配套片区完成规划。", []string{"place/狗街镇", "place/宜良县"}, []string{"place/内宜良县"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := extractString(t, ex, tt.body)
			for _, id := range tt.want {
				if !hasEntity(x, id) {
					t.Errorf("missing %s", id)
				}
			}
			for _, id := range tt.not {
				if hasEntity(x, id) {
					t.Errorf("unexpected %s", id)
				}
			}
		})
	}
}

func TestPlanned(t *testing.T) {
	ex := newTestExtractor(t)
	x := extractString(t, ex, "力争华光二期竣工投产。\n\n瑞达三期开工。")
	for _, r := range x.Relations {
		if r.Predicate != kg.PredStage {
			continue
		}
		want := r.Subject == "project/华光二期"
		if r.Planned != want {
			t.Errorf("%s %s planned = %v, want %v", r.Subject, r.Value, r.Planned, want)
		}
	}
}

func dumpRelations(x *kg.Extraction) string {
	var b strings.Builder
	for _, r := range x.Relations {
		b.WriteString("\n  " + r.Subject + " " + r.Predicate + " " + r.Object + r.Value)
	}
	return b.String()
}

func TestIndicators(t *testing.T) {
	ex := newTestExtractor(t)
	type ind struct {
		name    string
		value   float64
		unit    string
		measure string
	}
	tests := []struct {
		body string
		want []ind
	}{
		{"全年地区生产总值同比增长8%(剔除疫苗因素)；工业产值同比下降8.6%。", []ind{
			{"地区生产总值", 8, "%", "同比增长"}, {"工业产值", 8.6, "%", "同比下降"}}},
		{"实现碳减排2.7万吨。", []ind{{"碳减排", 2.7, "万吨", "总量"}}},
		{"全年实现52个项目落地。", []ind{{"项目落地", 52, "个", "总量"}}},
		{"新增上市企业6家，累计达47家。", []ind{{"上市企业", 6, "家", "新增"}, {"上市企业", 47, "家", "累计"}}},
		{"PM2.5累计浓度32微克/立方米，同比下降8.6%。", []ind{
			{"PM2.5累计浓度", 32, "微克/立方米", "累计"}, {"PM2.5累计浓度", 8.6, "%", "同比下降"}}},
		{"1-11月，全区研发投入同比增长19.6%。", []ind{{"研发投入", 19.6, "%", "同比增长"}}},
		{"完成投资142.8亿元，完成年度计划的108.2%；城镇新增就业9860人，完成全年目标任务的101.6%。", []ind{
			{"投资", 142.8, "亿元", "总量"}, {"完成投资完成年度计划", 108.2, "%", "总量"},
			{"城镇新增就业", 9860, "人", "新增"}, {"城镇新增就业完成全年目标任务", 101.6, "%", "总量"}}},
		{"全区工业产值增长16.3%、24.8%和12.5%。", []ind{{"工业产值", 16.3, "%", "增长"}, {"工业产值", 24.8, "%", "增长"}, {"工业产值", 12.5, "%", "增长"}}},
		{"支持5G基站建设。", nil},
	}
	for _, tt := range tests {
		t.Run(tt.body, func(t *testing.T) {
			x := extractString(t, ex, tt.body)
			var got []ind
			for _, i := range x.Indicators {
				got = append(got, ind{i.Name, i.Value, i.Unit, i.Measure})
			}
			if len(got) != len(tt.want) {
				t.Fatalf("indicators = %+v, want %+v", got, tt.want)
			}
			for k := range got {
				if got[k] != tt.want[k] {
					t.Errorf("indicator %d = %+v, want %+v", k, got[k], tt.want[k])
				}
			}
		})
	}
}

func TestShortName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"京东方科技集团股份有限公司", "京东方"},
		{"北京小米科技有限责任公司", "小米"},
		{"三星(中国)半导体有限公司", "三星半导体"},
		{"苏州纳微科技股份有限公司", "纳微"},
		{"合肥晶合集成电路股份有限公司", "晶合集成"},
		{"杭州禾康生物医药有限公司", "禾康生物"},
		{"京东方", "京东方"},
		{"ABB", "ABB"},
		{"有限公司", "有限公司"},
	}
	for _, tt := range tests {
		if got := ShortName(tt.in); got != tt.want {
			t.Errorf("ShortName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTaxonomy(t *testing.T) {
	ex := newTestExtractor(t)
	tax := ex.Taxonomy()
	ents, rels := tax.Graph()
	if len(ents) != len(tax.Nodes) || len(rels) != len(tax.Nodes)-len(tax.Roots) {
		t.Fatalf("Graph: %d entities, %d relations for %d nodes", len(ents), len(rels), len(tax.Nodes))
	}
	ic, ok := tax.Lookup("集成电路")
	if !ok {
		t.Fatal("no 集成电路")
	}
	ngit, _ := tax.Lookup("新一代信息技术")
	if !ic.Under(ngit) || ic.Parent != ngit {
		t.Errorf("集成电路 is not under 新一代信息技术")
	}
	segs := map[string]bool{}
	for _, c := range ic.Children {
		segs[c.Segment] = true
	}
	for _, s := range []string{"upstream", "midstream", "downstream"} {
		if !segs[s] {
			t.Errorf("集成电路 has no %s segment", s)
		}
	}
	if _, err := parseTaxonomy([]byte(`{"nodes":[{"name":"a"},{"name":"a"}]}`)); err == nil {
		t.Error("a duplicate name was accepted")
	}
	if _, err := LoadTaxonomy("/nonexistent/taxonomy.json"); err == nil {
		t.Error("a missing taxonomy file was accepted")
	}
}

func TestExtractErrors(t *testing.T) {
	ex := newTestExtractor(t)
	for _, in := range [][]byte{nil, []byte("\x00\x01\x02"), []byte("   \n\n  ")} {
		_, err := ex.Extract("bad.txt", in)
		var e *kg.Error
		if !errors.As(err, &e) || e.Code != kg.EUndecodable || !strings.Contains(err.Error(), "bad.txt") {
			t.Errorf("Extract(%q) error = %v, want EUndecodable naming bad.txt", in, err)
		}
	}
	small, _ := New(Options{MaxBytes: 10})
	if _, err := small.Extract("big.txt", bytes.Repeat([]byte("字"), 20)); kg.ErrorCode(err) != kg.ETooLarge {
		t.Errorf("over the limit: %v", err)
	}
}

func TestDocID(t *testing.T) {
	for in, want := range map[string]string{"etown-2022.txt": "etown-2022", "/a/b/x.y.txt": "x.y", "noext": "noext", "": "document"} {
		if got := DocID(in); got != want {
			t.Errorf("DocID(%q) = %q, want %q", in, got, want)
		}
	}
}

// checkExtraction verifies the contract's invariants: one document,
// evidence inside the text and equal to it, valid UTF-8, no nil lists.
func checkExtraction(t testing.TB, x *kg.Extraction) {
	t.Helper()
	if len(x.Documents) != 1 {
		t.Fatalf("%d documents", len(x.Documents))
	}
	doc := x.Documents[0]
	if !utf8.ValidString(doc.Text) {
		t.Fatal("text is not valid UTF-8")
	}
	rs := []rune(doc.Text)
	if x.Entities == nil || x.Relations == nil || x.Indicators == nil {
		t.Fatal("nil list")
	}
	for _, s := range doc.Sentences {
		if s.Start < 0 || s.End > len(rs) || s.Start > s.End {
			t.Fatalf("sentence %v outside the text (%d runes)", s, len(rs))
		}
	}
	check := func(what string, evs []kg.Evidence) {
		if evs == nil {
			t.Fatalf("%s: nil evidence", what)
		}
		for _, ev := range evs {
			if ev.Start < 0 || ev.End > len(rs) || ev.Start > ev.End {
				t.Fatalf("%s: evidence %d-%d outside the text (%d runes)", what, ev.Start, ev.End, len(rs))
			}
			if string(rs[ev.Start:ev.End]) != ev.Text {
				t.Fatalf("%s: evidence text %q != text at its offsets", what, ev.Text)
			}
			if ev.Sentence < 0 || ev.Sentence >= len(doc.Sentences) {
				t.Fatalf("%s: sentence %d out of range", what, ev.Sentence)
			}
		}
	}
	for _, e := range x.Entities {
		if !utf8.ValidString(e.Name) || e.Aliases == nil || e.ID == "" {
			t.Fatalf("bad entity %+v", e)
		}
	}
	for _, r := range x.Relations {
		check(r.Subject+" "+r.Predicate, r.Evidence)
	}
	for _, i := range x.Indicators {
		if !utf8.ValidString(i.Name) {
			t.Fatalf("indicator name %q", i.Name)
		}
		check(i.ID, i.Evidence)
	}
}

func TestSampleInvariants(t *testing.T) {
	ex := newTestExtractor(t)
	name, data := Sample()
	x, err := ex.Extract(name, data)
	if err != nil {
		t.Fatal(err)
	}
	checkExtraction(t, x)
	if x.Documents[0].ID != "etown-2022" || x.Documents[0].Year != 2022 {
		t.Errorf("document = %+v", x.Documents[0])
	}
	for _, r := range x.Relations {
		if len(r.Evidence) == 0 && r.Predicate != kg.PredPartOf {
			t.Errorf("relation without evidence: %+v", r)
		}
	}
}

// TestConcurrentExtract runs one Extractor from several goroutines (run
// with -race): the results are the same as one at a time.
func TestConcurrentExtract(t *testing.T) {
	ex := newTestExtractor(t)
	name, data := Sample()
	want, err := ex.Extract(name, data)
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 4)
	for g := 0; g < 4; g++ {
		go func() {
			x, err := ex.Extract(name, data)
			if err == nil && (len(x.Entities) != len(want.Entities) || len(x.Relations) != len(want.Relations)) {
				err = errors.New("a concurrent extraction differs")
			}
			errs <- err
		}()
	}
	for g := 0; g < 4; g++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// TestBondedZoneShortForms: a 综合保税区's short forms (X综保区, 综保区) open
// the names of its own projects, which no firm owns, and 综保区北区 is a part
// of it.
func TestBondedZoneShortForms(t *testing.T) {
	ex := newTestExtractor(t)
	x, err := ex.Extract("t.txt", []byte("太仓综合保税区管委会2023年工作总结\n\n一、项目建设\n\n太仓综保区智能仓储中心二期开工；综保区北区标准厂房三期封顶。"))
	if err != nil {
		t.Fatal(err)
	}
	if !has(x, "project/综保区北区标准厂房三期", "locatedIn", "place/综保区北区") || !has(x, "project/太仓综保区智能仓储中心二期", "stage", "开工") {
		t.Errorf("missing the projects' place or stage in %s", dumpRelations(x))
	}
	for _, r := range x.Relations {
		if r.Predicate == "hasProject" {
			t.Errorf("unexpected %s hasProject %s", r.Subject, r.Object)
		}
	}
}

// TestVerbBeforeList: a verb before a list of firms (通过X、Y等链主企业,
// 紧盯X、Y等重点企业) or a legal name (引进了X有限公司) is no part of the
// first firm's name.
func TestVerbBeforeList(t *testing.T) {
	ex := newTestExtractor(t)
	x := extractString(t, ex, "通过青中新能源、驰湘动力等链主企业引荐落地配套项目11个。紧盯鼎澄电子、量芯半导体等重点企业的订单变化。邀请瀚岚海工、讯澄通信等龙头企业现身说法。引进了江苏青皖硅材料有限公司。"+
		"链主企业为江苏澜川动力有限公司。算力中心投入运营，为澄江智造、岚峰精工等企业提供仿真服务。主要配套企业福建青屿材料有限公司（青屿材料）扩产。项目投资方江苏澄峰材料有限公司是区内配套企业。")
	names := map[string]bool{}
	for _, e := range x.Entities {
		names[e.Name] = true
	}
	for _, want := range []string{"青中新能源", "鼎澄电子", "瀚岚海工", "青皖硅材料", "澜川动力", "澄江智造", "青屿材料", "澄峰材料"} {
		if !names[want] {
			t.Errorf("no firm %s in %v", want, names)
		}
	}
	for _, bad := range []string{"通过青中新能源", "紧盯鼎澄电子", "邀请瀚岚海工", "了江苏青皖硅材料", "为江苏澜川动力", "为澄江智造", "主要配套企业福建青屿材料", "项目投资方江苏澄峰材料"} {
		if names[bad] {
			t.Errorf("firm %s keeps the verb before it", bad)
		}
	}
}
