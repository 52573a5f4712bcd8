package formatstest

import (
	"fmt"
	"html"
	"strings"
	"unicode/utf16"
)

// Paragraphs splits plain text into its non-empty lines.
func Paragraphs(text string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// HTMLPage publishes paragraphs the way a government site does: the first
// as the page title and h1, the rest as <p> in a TRS_Editor body, between a
// navigation bar, a breadcrumb, a list of other articles and a footer.
func HTMLPage(paras []string) []byte {
	var b strings.Builder
	title := ""
	if len(paras) > 0 {
		title = html.EscapeString(paras[0])
	}
	fmt.Fprintf(&b, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s_政务公开_管理委员会</title>
<script>var _hmt = [];</script><style>.TRS_Editor p{text-indent:2em}</style></head><body>
<div class="header"><div class="logo">管理委员会</div><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/tzgg/">通知公告</a></li></ul></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; 工作总结</div>
<div class="main"><div class="list-right"><h3>相关文章</h3><ul><li><a href="/a.html">召开安全生产工作会议</a></li><li><a href="/b.html">举办人才招聘活动</a></li></ul></div>
<div class="article"><h1>%s</h1><div class="info">发布时间：2024-01-15　来源：办公室</div><div class="TRS_Editor">
`, title, title)
	for _, p := range paras[min(1, len(paras)):] {
		fmt.Fprintf(&b, "<p>　　%s</p>\n", html.EscapeString(p))
	}
	b.WriteString(`</div></div></div><div class="footer"><p>主办单位：管理委员会　ICP备00000000号</p></div></body></html>`)
	return []byte(b.String())
}

// TextDOCX writes paragraphs as a .docx, each paragraph split into runs at
// its commas the way formatting changes split Word's runs.
func TextDOCX(paras []string) []byte {
	var body strings.Builder
	for _, p := range paras {
		var runs []string
		for _, part := range strings.SplitAfter(p, "，") {
			if part != "" {
				runs = append(runs, html.EscapeString(part))
			}
		}
		body.WriteString(Para(runs...))
	}
	return DOCX("[Content_Types].xml", ContentTypes, "word/document.xml", WordDocument(body.String()))
}

// TextPDF lays paragraphs out as an A4 PDF with a text layer: lines of at
// most width characters, paragraphs indented and set apart, pages of 40
// lines with a page number at the foot. The font is a composite font
// whose ToUnicode map gives each character used its own code, as PDF
// producers subset CJK fonts; it embeds no glyphs, so viewers show boxes,
// but the text layer is what readers extract.
func TextPDF(paras []string, width int) []byte {
	codes := map[rune]int{}
	var order []rune
	hex := func(s string) string {
		var b strings.Builder
		for _, r := range s {
			c, ok := codes[r]
			if !ok {
				c = len(order) + 1
				codes[r] = c
				order = append(order, r)
			}
			fmt.Fprintf(&b, "%04X", c)
		}
		return b.String()
	}
	var pages []string
	var page strings.Builder
	y, n := 780.0, 0
	flush := func() {
		fmt.Fprintf(&page, "BT /F1 9 Tf 1 0 0 1 290 30 Tm <%s> Tj ET\n", hex(fmt.Sprint(len(pages)+1)))
		pages = append(pages, page.String())
		page.Reset()
		y, n = 780, 0
	}
	for _, p := range paras {
		rs := []rune(p)
		for i := 0; i < len(rs); i += width {
			x := 72.0
			if i == 0 {
				x += 24
			}
			line := string(rs[i:min(len(rs), i+width)])
			fmt.Fprintf(&page, "BT /F1 12 Tf 1 0 0 1 %.0f %.0f Tm <%s> Tj ET\n", x, y, hex(line))
			y -= 18
			if n++; n == 40 {
				flush()
			}
		}
		y -= 8
	}
	if page.Len() > 0 || len(pages) == 0 {
		flush()
	}
	// Objects: 1 catalog, 2 pages, 3 font, 4 descendant, 5 ToUnicode, then
	// a page and its content per page.
	var cmap strings.Builder
	cmap.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for i := 0; i < len(order); i += 100 {
		chunk := order[i:min(len(order), i+100)]
		fmt.Fprintf(&cmap, "%d beginbfchar\n", len(chunk))
		for k, r := range chunk {
			var u strings.Builder
			for _, v := range utf16.Encode([]rune{r}) {
				fmt.Fprintf(&u, "%04X", v)
			}
			fmt.Fprintf(&cmap, "<%04X> <%s>\n", i+k+1, u.String())
		}
		cmap.WriteString("endbfchar\n")
	}
	cmap.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"",
		"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>",
		"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
		Stream("", []byte(cmap.String())),
	}
	kids := make([]string, len(pages))
	for i, c := range pages {
		kids[i] = fmt.Sprintf("%d 0 R", len(objs)+1)
		objs = append(objs,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", len(objs)+2),
			Stream("/Filter /FlateDecode", Deflate([]byte(c))))
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages))
	return PDF("1.5", objs...)
}
