package formats

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/kgraph/kg"
	"github.com/kgraph/kg/extract/formats/formatstest"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// numberingXML defines list 1 as 一、 / （一）, list 2 as 1. and list 3
// as bullets.
const numberingXML = `<?xml version="1.0"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="10"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="11"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="12"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="11"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="12"/></w:num>
</w:numbering>`

// numbered is a paragraph of list numID at level ilvl.
func numbered(numID string, ilvl int, text string) string {
	return fmt.Sprintf(`<w:p><w:pPr><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%s"/></w:numPr></w:pPr><w:r><w:t>%s</w:t></w:r></w:p>`, ilvl, numID, text)
}

func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func gbk(t testing.TB, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// toUnicodeCMap maps code 1 to 京, 2–3 to 东丝 (a range with a string
// destination), 4–5 to 方花 (a range with an array) and 7 to the Kangxi
// radical ⾼, which PDF producers emit for 高.
const toUnicodeCMap = `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
2 beginbfchar
<0001> <4EAC>
<0007> <2FBC>
endbfchar
2 beginbfrange
<0002> <0003> <4E1C>
<0004> <0005> [<65B9> <82B1>]
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end`

func TestRead(t *testing.T) {
	dev := func(name string) []byte { return readFixture(t, filepath.Join("..", "..", "testdata", "dev", name)) }
	type1 := "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
	type0 := func(enc string, toUnicode bool) string {
		s := "<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /" + enc + " /DescendantFonts [] "
		if toUnicode {
			s += "/ToUnicode 6 0 R "
		}
		return s + ">>"
	}
	tests := []struct {
		name    string
		file    string
		data    []byte
		lim     Limits
		kind    Kind
		want    []string // substrings of the text (line breaks removed for PDF)
		notWant []string
		exact   string // the whole text, when set
		warn    string // a substring of a warning
	}{
		{name: "utf8 text passes through", file: "a.txt", data: []byte("北京经济技术开发区管委会2022年度工作总结\n\n京东方B20重大项目落地。"),
			kind: KindText, exact: "北京经济技术开发区管委会2022年度工作总结\n\n京东方B20重大项目落地。"},
		{name: "gb18030 text passes through undecoded", file: "hefei.txt", data: dev("hefei-hitech-2023.txt"),
			kind: KindText, exact: string(dev("hefei-hitech-2023.txt"))},
		{name: "utf16 text passes through", file: "chengdu.txt", data: dev("chengdu-hitech-2021.txt"),
			kind: KindText, exact: string(dev("chengdu-hitech-2021.txt"))},
		{name: "html named .txt is still html", file: "page.txt", data: []byte("<!DOCTYPE html><html><body><p>苏州工业园区纳米城三期封顶。</p></body></html>"),
			kind: KindHTML, exact: "苏州工业园区纳米城三期封顶。"},
		{name: "government page in gb2312", file: "gov-gbk.html", data: readFixture(t, "gov-gbk.html"), kind: KindHTML,
			want: []string{"合肥高新区2023年重点工作完成情况\n\n2023年，合肥高新区", "本源量子量子计算产业园一期竣工", "“本源悟空”", "指标\t数值",
				"一、产业发展\n\n一是量子信息", "竣工。\n大众安徽MEB工厂投产。"},
			notWant: []string{"首页", "统计代码", "搜索", "当前位置", "经济运行调度会", "发布时间", "分享到", "主办单位", "ICP", "加载完成", "_hmt", "text-indent"}},
		{name: "portal page without CMS classes", file: "portal-utf8.html", data: readFixture(t, "portal-utf8.html"), kind: KindHTML,
			want:    []string{"苏州工业园区管委会2023年工作总结\n\n2023年", "三星半导体、和舰芯片及友达光电", "人工智能企业   1250家"},
			notWant: []string{"园区概况", "相关阅读", "人才新政", "版权所有", "新闻"}},
		{name: "page laid out in tables", file: "table-layout.html", data: readFixture(t, "table-layout.html"), kind: KindHTML,
			want:    []string{"青岛西海岸新区2023年工作总结\n\n2023年，西海岸新区", "中船海洋动力部件项目投产。\n二、新能源汽车", "比亚迪青岛工厂签约。"},
			notWant: []string{"新区概况", "办事服务", "上一篇", "主办", "ICP"}},
		{name: "html charset declared after the first kilobyte", file: "late.html",
			data: append(append([]byte("<html><head><!-- "+strings.Repeat("x", 2000)+" -->"), []byte(`<meta charset="gbk"></head><body><p>`)...), append(gbk(t, "坪山区比亚迪坪山基地三期扩建工程投产。"), "</p></body></html>"...)...),
			kind: KindHTML, exact: "坪山区比亚迪坪山基地三期扩建工程投产。"},
		{name: "mht saved by a browser, quoted-printable", file: "report.mht", kind: KindMHT,
			data: formatstest.MHT(readFixture(t, "portal-utf8.html"), "quoted-printable", ""),
			want: []string{"苏州工业园区管委会2023年工作总结\n\n2023年", "三星半导体、和舰芯片及友达光电"}, notWant: []string{"园区概况", "版权所有"}},
		{name: ".doc that Word saved as a web page, base64 in gb2312", file: "report.doc", kind: KindMHT,
			data:    formatstest.MHT(readFixture(t, "gov-gbk.html"), "base64", "gb2312"),
			want:    []string{"合肥高新区2023年重点工作完成情况\n\n2023年，合肥高新区", "本源量子量子计算产业园一期竣工"},
			notWant: []string{"首页", "主办单位"}},
		{name: "html title without h1, site name after a dash", file: "title.html", data: []byte("<html><head><title>坪山区2023年工作总结——深圳市坪山区人民政府门户网站</title></head><body><div class=\"content\"><p>全区实现地区生产总值1228.6亿元。</p><p>比亚迪坪山基地三期扩建工程投产。</p></div></body></html>"),
			kind: KindHTML, exact: "坪山区2023年工作总结\n\n全区实现地区生产总值1228.6亿元。\n\n比亚迪坪山基地三期扩建工程投产。"},
		{name: "html in utf-16 with a BOM", file: "utf16.htm", data: utf16le("\ufeff<html><body><p>成都高新区腾讯西部云中心投入运营。</p></body></html>"),
			kind: KindHTML, exact: "成都高新区腾讯西部云中心投入运营。"},
		{name: "html without charset in gb18030", file: "nocharset.html",
			data: append(append([]byte("<html><body><div>"), gbk(t, "西安高新区奕斯伟硅片项目竣工。")...), "</div></body></html>"...),
			kind: KindHTML, exact: "西安高新区奕斯伟硅片项目竣工。"},
		{name: "html nested 100,000 levels", file: "deep.html",
			data: []byte("<html><body>" + strings.Repeat("<div>", 100000) + "深圳坪山区2023年工作总结。" + strings.Repeat("</div>", 100000) + "</body></html>"),
			kind: KindHTML, exact: "深圳坪山区2023年工作总结。", warn: "nested deeper"},
		{name: "html with 100,000 unclosed tags", file: "unclosed.html",
			data: []byte("<html><body>" + strings.Repeat("<b><table><td>", 100000) + "武汉东湖高新区光谷科学岛一期竣工。"),
			kind: KindHTML, want: []string{"武汉东湖高新区光谷科学岛一期竣工。"}},
		{name: "docx paragraphs in order", file: "report.docx", kind: KindDOCX,
			data: formatstest.DOCX("[Content_Types].xml", formatstest.ContentTypes, "word/document.xml", formatstest.WordDocument(
				formatstest.Para("武汉东湖新技术开发区管委会", "2022年工作总结")+
					formatstest.Para("一、光电子信息产业")+
					`<w:p><w:r><w:t>长江存储</w:t></w:r><w:del><w:r><w:delText>删除的文字</w:delText></w:r></w:del><w:ins><w:r><w:t>国家存储器基地二期开工</w:t></w:r></w:ins><w:r><w:br/><w:t>第二行</w:t></w:r></w:p>`+
					`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>HYPERLINK "http://x"</w:instrText></w:r><w:r><w:t>华工科技</w:t></w:r><w:r><w:tab/><w:t>投产</w:t></w:r></w:p>`+
					`<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:t>文本框</w:t></mc:Choice><mc:Fallback><w:t>文本框</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>`+
					`<w:tbl><w:tr><w:tc>`+formatstest.Para("指标")+`</w:tc><w:tc>`+formatstest.Para("2647亿元")+`</w:tc></w:tr></w:tbl>`)),
			exact: "武汉东湖新技术开发区管委会2022年工作总结\n\n一、光电子信息产业\n\n长江存储国家存储器基地二期开工\n第二行\n\n华工科技\t投产\n\n文本框\n\n指标\t2647亿元"},
		{name: "docx with automatic numbering", file: "numbered.docx", kind: KindDOCX,
			data: formatstest.DOCX("word/numbering.xml", numberingXML, "word/document.xml", formatstest.WordDocument(
				numbered("1", 0, "加快产业集群化发展")+numbered("1", 1, "新一代信息技术产业做强做优。")+numbered("1", 1, "生物医药产业加快集聚。")+
					numbered("1", 0, "着力完善科技创新体系")+numbered("1", 1, "创新平台建设提速。")+numbered("2", 0, "第一项")+numbered("2", 0, "第二项")+
					numbered("3", 0, "要点")+numbered("0", 0, "不编号")+
					`<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr><w:pPrChange><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:r><w:t>第三项</w:t></w:r></w:p>`)),
			exact: "一、加快产业集群化发展\n\n（一）新一代信息技术产业做强做优。\n\n（二）生物医药产业加快集聚。\n\n二、着力完善科技创新体系\n\n（一）创新平台建设提速。\n\n1.第一项\n\n2.第二项\n\n要点\n\n不编号\n\n3.第三项"},
		{name: "docx in the strict namespace", file: "strict.docx", kind: KindDOCX,
			data:  formatstest.DOCX("word/document.xml", `<?xml version="1.0"?><w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body><w:p><w:r><w:t>合肥高新区</w:t></w:r></w:p></w:body></w:document>`),
			exact: "合肥高新区"},
		{name: "pdf printed by chromium", file: "report.pdf", data: readFixture(t, "report.pdf"), kind: KindPDF,
			want: []string{"成都高新区管委会2021年工作总结", "德州仪器（成都）有限公司十二英寸晶圆凸点加工厂竣工投产", "AI研发中心落户天府软件园",
				"科伦博泰自主研发的“SKB264”"}},
		{name: "pdf simple font", file: "simple.pdf", kind: KindPDF,
			data:  formatstest.OnePage("BT /F1 12 Tf 72 700 Td (Hello PDF 2023) Tj 0 -20 Td [(second) -600 (line)] TJ ET", type1),
			exact: "Hello PDF 2023\nsecond line"},
		{name: "pdf 2.0 header", file: "v2.pdf", kind: KindPDF,
			data: formatstest.PDF("2.0", "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
				formatstest.Stream("", []byte("BT /F1 12 Tf (PDF 2.0) Tj ET")), type1),
			exact: "PDF 2.0"},
		{name: "pdf ToUnicode map with ranges and a radical", file: "tounicode.pdf", kind: KindPDF,
			data:  formatstest.OnePage("BT /F1 12 Tf 72 700 Td <000100020004> Tj <0007> Tj ET", type0("Identity-H", true), formatstest.Stream("", []byte(toUnicodeCMap))),
			exact: "京东方高"},
		{name: "pdf predefined UCS2 CMap", file: "ucs2.pdf", kind: KindPDF,
			data:  formatstest.OnePage("BT /F1 12 Tf 72 700 Td <5F005DE5> Tj ET", type0("UniGB-UCS2-H", false)),
			exact: "开工"},
		{name: "pdf predefined GBK CMap", file: "gbk.pdf", kind: KindPDF,
			data:  formatstest.OnePage(fmt.Sprintf("BT /F1 12 Tf 72 700 Td <%X> Tj ET", gbk(t, "投产")), type0("GBK-EUC-H", false)),
			exact: "投产"},
		{name: "pdf text in a form xobject", file: "form.pdf", kind: KindPDF,
			data: formatstest.PDF("1.4", "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /X1 6 0 R /Im 7 0 R >> >> /Contents 4 0 R >>",
				formatstest.Stream("", []byte("/Im Do q 1 0 0 1 0 100 cm /X1 Do Q BT /F1 12 Tf 72 600 Td (Body text.) Tj ET")), formatstest.Helvetica,
				formatstest.Stream("/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Matrix [1 0 0 1 0 0] /Resources << /Font << /F1 5 0 R >> >>", []byte("BT /F1 10 Tf 72 700 Td (Header in a form) Tj ET")),
				formatstest.Stream("/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8", []byte{0})),
			exact: "Header in a form\n\nBody text."},
		{name: "pdf form xobject drawing itself", file: "selfform.pdf", kind: KindPDF,
			data: formatstest.PDF("1.4", "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /X1 6 0 R >> >> /Contents 4 0 R >>",
				formatstest.Stream("", []byte("/X1 Do")), formatstest.Helvetica,
				formatstest.Stream("/Type /XObject /Subtype /Form /Resources << /Font << /F1 5 0 R >> /XObject << /X1 6 0 R >> >>", []byte("BT /F1 10 Tf 72 700 Td (Loop) Tj ET /X1 Do /X1 Do"))),
			want: []string{"Loop"}},
		{name: "pdf running heads and feet dropped", file: "heads.pdf", kind: KindPDF,
			data: formatstest.Pages(
				"BT /F1 10 Tf 1 0 0 1 72 800 Tm (Annual Report) Tj 1 0 0 1 72 700 Tm (Page one text.) Tj 1 0 0 1 72 40 Tm (Page 1 of 3) Tj ET",
				"BT /F1 10 Tf 1 0 0 1 72 800 Tm (Annual Report) Tj 1 0 0 1 72 700 Tm (Page two text.) Tj 1 0 0 1 72 40 Tm (Page 2 of 3) Tj ET",
				"BT /F1 10 Tf 1 0 0 1 72 800 Tm (Annual Report) Tj 1 0 0 1 72 700 Tm (Page three text.) Tj 1 0 0 1 72 40 Tm (Page 3 of 3) Tj ET"),
			exact: "Annual Report\n\nPage one text.\n\nPage two text.\n\nPage three text."},
		{name: "pdf compressed content and page numbers", file: "flate.pdf", kind: KindPDF,
			data: formatstest.PDF("1.4", "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
				formatstest.Stream("/Filter /FlateDecode", formatstest.Deflate([]byte("BT /F1 12 Tf 1 0 0 1 72 700 Tm (First line) Tj 1 0 0 1 72 600 Tm (Far below) Tj 1 0 0 1 300 40 Tm (- 3 -) Tj ET"))), type1),
			exact: "First line\n\nFar below"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read(tt.file, tt.data, tt.lim)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if got.Kind != tt.kind {
				t.Errorf("kind = %q, want %q", got.Kind, tt.kind)
			}
			text := string(got.Data)
			if tt.kind != KindText && !utf8.ValidString(text) {
				t.Errorf("text is not valid UTF-8")
			}
			if tt.exact != "" && text != tt.exact {
				t.Errorf("text =\n%q\nwant\n%q", text, tt.exact)
			}
			joined := text
			if tt.kind == KindPDF {
				joined = strings.ReplaceAll(text, "\n", "")
			}
			for _, w := range tt.want {
				if !strings.Contains(joined, w) {
					t.Errorf("text lacks %q:\n%s", w, text)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(text, w) {
					t.Errorf("text holds boilerplate %q:\n%s", w, text)
				}
			}
			if tt.warn != "" && !strings.Contains(strings.Join(got.Warnings, "\n"), tt.warn) {
				t.Errorf("warnings = %q, want one with %q", got.Warnings, tt.warn)
			}
		})
	}
}

// TestReadHostile checks that bad input ends in a clear *kg.Error naming
// the file and the reason, never a panic, a hang or a huge allocation: the
// shared table of formatstest.Hostile, and the limits set lower than their
// defaults.
func TestReadHostile(t *testing.T) {
	type hostile struct {
		name   string
		file   string
		data   []byte
		lim    Limits
		code   string
		reason string
	}
	noFonts := "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
	tests := []hostile{
		{"over a lowered size limit", "big.txt", bytes.Repeat([]byte("年"), 1<<20), Limits{MaxInput: 1 << 20}, kg.ETooLarge, "over the limit"},
		{"zip bomb under a lowered limit", "bomb.docx", formatstest.ZipBomb(2 << 20), Limits{MaxOutput: 1 << 20}, kg.ETooLarge, "decompress"},
		{"too many zip entries for a lowered limit", "many.docx", formatstest.DOCXEntries(11), Limits{MaxEntries: 10}, kg.ETooLarge, "entries"},
		{"html token over a lowered limit", "token.html", []byte("<html><body><p " + strings.Repeat("a", 2<<20) + "></p></body></html>"), Limits{MaxOutput: 1 << 20}, kg.ETooLarge, "longer than"},
		{"html of three million tagged letters", "letters.html", []byte("<html><body>" + strings.Repeat("<b>字</b> ", 3<<20)), Limits{}, kg.ETooLarge, "pieces"},
		{"pdf over a lowered operator budget", "ops.pdf", formatstest.OnePage(strings.Repeat("BT /F1 12 Tf (a) Tj ET\n", 100), noFonts), Limits{PDFOps: 50}, kg.ETooLarge, "operators"},
		{"pdf content nested deep", "deepcontent.pdf", formatstest.OnePage("BT /F1 12 Tf "+strings.Repeat("[", 5000)+" TJ ET", noFonts), Limits{}, kg.EUndecodable, "nested"},
		{"pdf nesting hidden after an unterminated stream", "hidden.pdf", formatstest.PDF("1.4", "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>", "<< /Length 5 >>\nstream\n"+strings.Repeat("[", 20000)), Limits{}, kg.EUndecodable, "nested"},
		{"pdf size behind a comment", "comment.pdf", bytes.Replace(formatstest.OnePage("BT (a) Tj ET", noFonts), []byte("/Size 6"), []byte("/Size %hidden\n 5000000"), 1), Limits{}, kg.EUndecodable, "for /Size"},
		{"pdf size under an escaped name", "escaped.pdf", bytes.Replace(formatstest.OnePage("BT (a) Tj ET", noFonts), []byte("/Size 6"), []byte("/Si#7Ae 5000000"), 1), Limits{}, kg.EUndecodable, "for /Size"},
		{"pdf integer beyond int64", "huge.pdf", bytes.Replace(formatstest.OnePage("BT (a) Tj ET", noFonts), []byte("/Count 1"), []byte("/Count 99999999999999999999999"), 1), Limits{}, kg.EUndecodable, "99999999999999999999999"},
		{"pdf escaped xref stream type", "xrefesc.pdf", bytes.Replace(formatstest.ObjStmCycle(), []byte("/Type /XRef"), []byte("/Type /X#52ef"), 1), Limits{}, kg.EUndecodable, "unusual"},
		{"pdf xref stream with wide fields", "w.pdf", formatstest.OnePage("BT (a) Tj ET", noFonts, formatstest.Stream("/Type /XRef /Size 7 /W [1 2000000000 1]", nil)), Limits{}, kg.EUndecodable, "/W"},
	}
	for _, c := range formatstest.Hostile() {
		// The 200 MB file is left to formatstest's pipeline test.
		if c.Code == "" || c.Size > 10<<20 {
			continue
		}
		tests = append(tests, hostile{c.Name, c.File, c.Data(), Limits{}, c.Code, c.Reason})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read(tt.file, tt.data, tt.lim)
			if err == nil {
				t.Fatalf("Read succeeded (kind %s, %d bytes), want a %s error", got.Kind, len(got.Data), tt.code)
			}
			var ke *kg.Error
			if !errors.As(err, &ke) {
				t.Fatalf("error %v (%T) is not a *kg.Error", err, err)
			}
			if ke.Code != tt.code {
				t.Errorf("code = %s, want %s (%v)", ke.Code, tt.code, err)
			}
			if !strings.Contains(ke.Message, tt.file) || !strings.Contains(ke.Message, tt.reason) {
				t.Errorf("message %q should name %q and say %q", ke.Message, tt.file, tt.reason)
			}
		})
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	// A sparse file: 200 MB on paper, nothing on disk, never read.
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(200 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	tests := []struct {
		path string
		kind Kind
		code string
	}{
		{filepath.Join("testdata", "gov-gbk.html"), KindHTML, ""},
		{filepath.Join("testdata", "report.pdf"), KindPDF, ""},
		{big, "", kg.ETooLarge},
		{filepath.Join(dir, "missing.txt"), "", kg.EInternal},
	}
	for _, tt := range tests {
		got, err := ReadFile(tt.path, Limits{})
		if kg.ErrorCode(err) != tt.code || got.Kind != tt.kind {
			t.Errorf("ReadFile(%s) = %q, %v; want kind %q, code %q", tt.path, got.Kind, err, tt.kind, tt.code)
		}
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		file string
		data string
		want Kind
	}{
		{"a.html", "北京经济技术开发区 <b>不是</b> 网页", KindText},
		{"a.txt", "\ufeff<!doctype html><p>x</p>", KindHTML},
		{"a", "  \n<HTML><BODY>x", KindHTML},
		{"a", "<!-- 注释 --><html>", KindHTML},
		{"a", "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">", KindHTML},
		{"a", "<?xml version=\"1.0\"?><data/>", KindText},
		{"a.bin", "junk\n%PDF-1.4\n", KindPDF},
		{"a.dat", "PK\x03\x04rest", KindDOCX},
		{"a.mht", "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n", KindMHT},
		{"a.txt", "From: 某某\n主题：工作总结\n正文", KindText},
		{"mz.txt", "MZ 开头的文本，不是可执行文件。" + strings.Repeat("园区", 40), KindText},
	}
	for _, tt := range tests {
		got, err := Detect(tt.file, []byte(tt.data))
		if err != nil || got != tt.want {
			t.Errorf("Detect(%q, %q) = %q, %v; want %q", tt.file, tt.data, got, err, tt.want)
		}
	}
}

func TestParseToUnicode(t *testing.T) {
	m := parseToUnicode([]byte(toUnicodeCMap))
	if m == nil {
		t.Fatal("no map")
	}
	tests := []struct {
		code string
		want string
		ok   bool
	}{
		{"\x00\x01", "京", true},
		{"\x00\x03", "丝", true},
		{"\x00\x05", "花", true},
		{"\x00\x07", "⾼", true},
		{"\x00\x09", "", false},
	}
	for _, tt := range tests {
		got, n, ok := m.lookup(tt.code, true)
		if got != tt.want || ok != tt.ok || n != 2 {
			t.Errorf("lookup(%q) = %q, %d, %v; want %q, 2, %v", tt.code, got, n, ok, tt.want, tt.ok)
		}
	}
	if got := normalizeGlyphs("⾼新区⻓江落戶落\u2F3E"); got != "高新区长江落户落户" {
		t.Errorf("normalizeGlyphs = %q", got)
	}
}

func BenchmarkReadHTMLDeep(b *testing.B) {
	data := []byte("<html><body>" + strings.Repeat("<div>", 100000) + "正文。" + strings.Repeat("</div>", 100000) + "</body></html>")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Read("deep.html", data, Limits{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadPDF(b *testing.B) {
	data := readFixture(b, "report.pdf")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Read("report.pdf", data, Limits{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRead(b *testing.B) {
	xian, err := os.ReadFile(filepath.Join("..", "testdata", "dev", "xian-hitech-2022.txt"))
	if err != nil {
		b.Fatal(err)
	}
	paras := formatstest.Paragraphs(strings.Repeat(string(xian)+"\n", 20))
	files := []struct {
		name string
		data []byte
	}{
		{"gov-gbk.html", readFixture(b, "gov-gbk.html")},
		{"report.html", formatstest.HTMLPage(paras)},
		{"report.docx", formatstest.TextDOCX(paras)},
		{"report.pdf", formatstest.TextPDF(paras, 36)},
	}
	for _, f := range files {
		b.Run(f.name, func(b *testing.B) {
			b.SetBytes(int64(len(f.data)))
			for b.Loop() {
				if _, err := Read(f.name, f.data, Limits{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestPDFPrevChain: a chain of cross-reference sections through /Prev is
// followed to its end, and one that comes back to a section is refused,
// whether the loop is at once or after another section.
func TestPDFPrevChain(t *testing.T) {
	one := formatstest.OnePage("BT (a) Tj ET", formatstest.Helvetica)
	if err := pdfPrevChainOK(one); err != nil {
		t.Errorf("a PDF without /Prev: %v", err)
	}
	if err := pdfPrevChainOK(formatstest.PrevCycle(one)); err == nil || !strings.Contains(err.Error(), "a loop") {
		t.Errorf("a /Prev to its own section: %v", err)
	}
	// An incremental update: a second section whose /Prev is the first,
	// then the same with the first's /Prev pointing at the second.
	s := string(one)
	first := strings.Fields(s[strings.LastIndex(s, "startxref")+len("startxref"):])[0]
	second := len(s)
	update := s + "xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 6 /Root 1 0 R /Prev " + first + " >>\nstartxref\n" + fmt.Sprint(second) + "\n%%EOF\n"
	if err := pdfPrevChainOK([]byte(update)); err != nil {
		t.Errorf("an incremental update: %v", err)
	}
	if txt, err := Read("update.pdf", []byte(update), Limits{}); err != nil || !strings.Contains(string(txt.Data), "a") {
		t.Errorf("reading an incremental update: %q, %v", txt.Data, err)
	}
	// The first trailer's /Prev at the second section, which the
	// insertion moves by its own length.
	at := second
	for range 3 {
		at = second + len(" /Prev "+fmt.Sprint(at))
	}
	looped := strings.Replace(update, "/Root 1 0 R >>", "/Root 1 0 R /Prev "+fmt.Sprint(at)+" >>", 1)
	looped = strings.Replace(looped, "startxref\n"+fmt.Sprint(second)+"\n", "startxref\n"+fmt.Sprint(at)+"\n", 1)
	if err := pdfPrevChainOK([]byte(looped)); err == nil || !strings.Contains(err.Error(), "a loop") {
		t.Errorf("a loop through two sections: %v", err)
	}
	if _, err := Read("loop.pdf", []byte(looped), Limits{}); err == nil || !strings.Contains(err.Error(), "a loop") {
		t.Errorf("reading a loop through two sections: %v", err)
	}
}
