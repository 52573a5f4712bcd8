package formats

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// The HTML reader works on the tokenizer, not on html.Parse: the parser's
// scope checks walk the stack of open elements for many start tags, which
// makes a page nested 100,000 levels deep cost minutes. The tokenizer is
// linear; the element stack below is ours and capped at Limits.MaxDepth.

// maxNodes bounds the elements kept as structure, whatever their depth;
// maxRuns the pieces of text (a page of single letters in tags would
// otherwise cost 60 bytes of bookkeeping per byte of text).
const (
	maxNodes = 1 << 19
	maxRuns  = 1 << 21
)

// hnode is one element kept as structure.
type hnode struct {
	tag        atom.Atom
	parent     *hnode
	first, end int // the runs [first,end) inside the element
	score      float64
	hint       bool // id or class names an article container
}

// run is a piece of text, or a break when text is "": a line break (<br>)
// or, with para set, the end of a block.
type run struct {
	text string
	node *hnode // innermost kept element
	link bool   // inside <a>
	para bool
}

// skipped elements hold no article text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Svg: true, atom.Math: true,
	atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
	atom.Form: true, atom.Button: true, atom.Select: true, atom.Textarea: true,
	atom.Object: true, atom.Embed: true, atom.Canvas: true,
}

// blocks end a line of text.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.Tr: true, atom.Table: true, atom.Tbody: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Section: true, atom.Article: true, atom.Main: true, atom.Blockquote: true,
	atom.Pre: true, atom.Dd: true, atom.Dt: true, atom.Dl: true, atom.Hr: true,
	atom.Center: true, atom.Caption: true, atom.Figcaption: true, atom.Address: true,
}

// paragraphs are the blocks that hold text rather than other blocks.
var paragraphs = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Li: true, atom.Pre: true, atom.Blockquote: true, atom.Dd: true, atom.Dt: true,
}

// voids never have an end tag.
var voids = map[atom.Atom]bool{
	atom.Br: true, atom.Hr: true, atom.Img: true, atom.Input: true, atom.Meta: true,
	atom.Link: true, atom.Area: true, atom.Base: true, atom.Col: true, atom.Wbr: true,
	atom.Source: true, atom.Track: true, atom.Param: true, atom.Embed: true,
}

// Container ids and classes of article bodies on Chinese government sites
// (TRS and other CMSs) and elsewhere; and of the boilerplate around them.
var (
	articleHint = regexp.MustCompile(`(?i)trs_editor|trs_ueditor|custom_unionstyle|ucap-content|artibody|newscon|wenzhang|article|content|zoom|detail|main[-_]?text|wzcon|xxgk|zwgk|textbox|pages?_con|con_?text|bt_content|(^|[\s_-])(con|text|view|body)([\s_-]|$)`)
	boilerHint  = regexp.MustCompile(`(?i)(^|[\s_-])(nav|navbar|menu|breadcrumbs?|crumbs?|footer|foot|header|head|top|bottom|sidebar|side|share|print|comment|related|links?|copyright|login|search|toolbar|pager|pagination)([\s_-]|$)|daohang|wzdh`)
	metaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_-]+)`)
	titleSplit  = regexp.MustCompile(`\s*[_|｜－]\s*|\s+-\s+|\s*——\s*|\s+—\s+`)
)

// htmlDecoder picks the page's encoding: a BOM, then <meta charset> (also
// further in than the 1024 bytes the standard prescan reads), then UTF-8 if
// the bytes are valid UTF-8, else GB18030, the superset of what Chinese
// sites without a declaration use.
func htmlDecoder(data []byte) (encoding.Encoding, string) {
	enc, name, certain := charset.DetermineEncoding(data, "text/html")
	if !certain && name == "windows-1252" {
		enc, name = nil, ""
		if m := metaCharset.FindSubmatch(data[:min(len(data), 64<<10)]); m != nil {
			if e, n := charset.Lookup(string(m[1])); e != nil {
				enc, name = e, n
			}
		}
		if enc == nil {
			if utf8.Valid(data) {
				return encoding.Nop, "utf-8"
			}
			return simplifiedchinese.GB18030, "gb18030"
		}
	}
	// GB2312 and GBK labels are often wrong about the characters used;
	// GB18030 reads all of them.
	if name == "gbk" || name == "gb2312" || name == "gb18030" {
		return simplifiedchinese.GB18030, "gb18030"
	}
	return enc, name
}

func readHTML(name string, data []byte, lim Limits) (Text, error) {
	var t Text
	enc, encName := htmlDecoder(data)
	var src io.Reader = bytes.NewReader(data)
	if enc != encoding.Nop && encName != "utf-8" {
		src = transform.NewReader(src, enc.NewDecoder())
	}
	// The decoded page may grow (GB18030 → UTF-8 takes 3 bytes for 2).
	src = io.LimitReader(src, 2*lim.MaxOutput)

	z := html.NewTokenizer(src)
	z.SetMaxBuf(int(min(lim.MaxOutput, 1<<30)))
	p := newPage(lim)
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			switch err := z.Err(); {
			case err == io.EOF:
				return p.finish(t)
			case err == html.ErrBufferExceeded:
				return t, tooLarge(name, "an HTML token is longer than %d bytes", lim.MaxOutput)
			default:
				return t, undecodable(name, "reading HTML: %v", err)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			tn, hasAttr := z.TagName()
			var id, class string
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch string(k) {
				case "id":
					id = string(v)
				case "class":
					class = string(v)
				}
			}
			p.start(atom.Lookup(tn), id+" "+class, tt == html.SelfClosingTagToken)
		case html.EndTagToken:
			tn, _ := z.TagName()
			p.end(atom.Lookup(tn))
		case html.TextToken:
			if !p.text(string(z.Text())) {
				return t, tooLarge(name, "HTML text is over the limit of %d bytes or %d pieces", lim.MaxOutput, maxRuns)
			}
		}
	}
}

// page is the structure kept of an HTML page while it is tokenized: the
// text runs in document order and the elements holding them.
type page struct {
	lim       Limits
	runs      []run
	nodes     []*hnode // nodes[0] is the root
	stack     []*hnode // open kept elements
	overflow  int      // open elements not kept (too deep or too many)
	flattened bool
	skipDepth int // > 0 inside a skipped element
	skipTag   atom.Atom
	inLink    int
	preDepth  int
	inTitle   bool
	title     strings.Builder
	heads     []string // h1/h2 texts, in order
	headBuf   *strings.Builder
	outBytes  int64
}

func newPage(lim Limits) *page {
	return &page{lim: lim, nodes: []*hnode{{}}}
}

// top is the innermost open kept element.
func (p *page) top() *hnode {
	if len(p.stack) == 0 {
		return p.nodes[0]
	}
	return p.stack[len(p.stack)-1]
}

// brk ends the current line: a block break when para is set, else a <br>.
func (p *page) brk(para bool) {
	switch {
	case len(p.runs) == 0:
	case p.runs[len(p.runs)-1].text != "":
		p.runs = append(p.runs, run{node: p.top(), para: para})
	case para:
		p.runs[len(p.runs)-1].para = true
	}
}

// start handles a start tag; attrs holds its id and class.
func (p *page) start(a atom.Atom, attrs string, selfClosing bool) {
	if p.skipDepth > 0 {
		if a == p.skipTag && !selfClosing {
			p.skipDepth++
		}
		return
	}
	if a == atom.Title {
		p.inTitle = !selfClosing
		return
	}
	if skipped[a] || (a != atom.Body && a != atom.Html && boilerHint.MatchString(attrs) && !articleHint.MatchString(attrs)) {
		if !selfClosing && !voids[a] {
			p.skipDepth, p.skipTag = 1, a
		}
		return
	}
	switch {
	case blocks[a]:
		p.brk(a != atom.Br)
	case (a == atom.Td || a == atom.Th) && len(p.runs) > 0 && p.runs[len(p.runs)-1].text != "":
		p.runs = append(p.runs, run{text: "\t", node: p.top()})
	}
	if selfClosing || voids[a] {
		return
	}
	switch a {
	case atom.A:
		p.inLink++
	case atom.Pre:
		p.preDepth++
	case atom.H1, atom.H2:
		p.headBuf = &strings.Builder{}
	}
	if len(p.stack) >= p.lim.MaxDepth || len(p.nodes) >= maxNodes {
		p.overflow++
		p.flattened = true
		return
	}
	n := &hnode{tag: a, parent: p.top(), first: len(p.runs), hint: articleHint.MatchString(attrs)}
	p.nodes = append(p.nodes, n)
	p.stack = append(p.stack, n)
}

// end handles an end tag.
func (p *page) end(a atom.Atom) {
	if p.skipDepth > 0 {
		if a == p.skipTag {
			p.skipDepth--
		}
		return
	}
	switch a {
	case atom.Title:
		p.inTitle = false
		return
	case atom.A:
		p.inLink = max(0, p.inLink-1)
	case atom.Pre:
		p.preDepth = max(0, p.preDepth-1)
	case atom.H1, atom.H2:
		if p.headBuf != nil {
			if s := strings.TrimSpace(p.headBuf.String()); s != "" {
				p.heads = append(p.heads, s)
			}
			p.headBuf = nil
		}
	}
	if blocks[a] {
		p.brk(a != atom.Br)
	}
	if p.overflow > 0 {
		p.overflow--
		return
	}
	// Close up to the matching element; a stray end tag closes nothing.
	for i := len(p.stack) - 1; i >= 0; i-- {
		if p.stack[i].tag == a {
			for _, n := range p.stack[i:] {
				n.end = len(p.runs)
			}
			p.stack = p.stack[:i]
			return
		}
	}
}

// text handles a text token; it reports false when the page's text goes
// over the output limit.
func (p *page) text(raw string) bool {
	if p.skipDepth > 0 {
		return true
	}
	if p.inTitle {
		p.title.WriteString(raw)
		return true
	}
	s := raw
	if p.preDepth == 0 {
		s = collapseSpace(raw)
	}
	if strings.TrimSpace(s) == "" {
		if s != "" && len(p.runs) > 0 && p.runs[len(p.runs)-1].text != "" {
			p.runs = append(p.runs, run{text: " ", node: p.top()})
			p.outBytes++
		}
		return true
	}
	p.outBytes += int64(len(s))
	if p.outBytes > p.lim.MaxOutput || len(p.runs) >= maxRuns {
		return false
	}
	if p.headBuf != nil {
		p.headBuf.WriteString(s)
	}
	p.runs = append(p.runs, run{text: s, node: p.top(), link: p.inLink > 0})
	return true
}

// finish picks the article body and writes it, after its title, into t.
func (p *page) finish(t Text) (Text, error) {
	for _, n := range p.stack {
		n.end = len(p.runs)
	}
	root := p.nodes[0]
	root.first, root.end = 0, len(p.runs)
	if p.flattened {
		t.Warnings = append(t.Warnings, fmt.Sprintf("HTML nested deeper than %d levels or over %d elements: the rest was read as part of their ancestors", p.lim.MaxDepth, maxNodes))
	}
	best := pickBody(p.runs, p.nodes)
	body := renderRuns(p.runs[best.first:best.end])
	if ttl := pageTitle(p.title.String(), p.heads); ttl != "" && !strings.Contains(firstLines(body, 3), ttl) {
		body = ttl + "\n\n" + body
	}
	t.Data = []byte(strings.ToValidUTF8(body, "\uFFFD"))
	return t, nil
}

// pickBody chooses the element that holds the article: the one where most
// sentence text (not link text) sits in its own paragraphs, with a bonus for
// container names that CMSs give article bodies.
func pickBody(runs []run, nodes []*hnode) *hnode {
	for _, r := range runs {
		if r.text == "" || r.link {
			continue
		}
		n := countText(r.text)
		// Chinese sentence punctuation marks prose, not menus.
		w := float64(n) + 5*float64(strings.Count(r.text, "，")+strings.Count(r.text, "。"))
		p := blockOf(r.node)
		p.score += w
		if p.parent != nil {
			p.parent.score += w / 2
		}
	}
	root := nodes[0]
	best := root
	for _, n := range nodes[1:] {
		if n.hint {
			n.score *= 1.5
		}
		if n.score > best.score {
			best = n
		}
	}
	if best == root || best.end <= best.first {
		return root
	}
	// One paragraph is not the article: a short report with one long
	// paragraph would otherwise lose its headings.
	if paragraphs[best.tag] && best.parent != nil {
		best = best.parent
	}
	// A container the CMS named as the article, a few levels up, is it.
	for n, i := best, 0; n != nil && n != root && i < 3; n, i = n.parent, i+1 {
		if n.hint {
			return n
		}
	}
	// A body split in several sibling blocks credits their container only
	// half: climb while the parent holds much more of the text.
	for best.parent != nil && best.parent != root {
		in, all := proseText(runs[best.first:best.end]), proseText(runs[best.parent.first:best.parent.end])
		if float64(in) >= 0.8*float64(all) {
			break
		}
		best = best.parent
	}
	return best
}

// blockOf returns the innermost block element at or above n.
func blockOf(n *hnode) *hnode {
	for m := n; m != nil; m = m.parent {
		// Table cells count as blocks here: old sites lay pages out in
		// tables, with the menu and the article in sibling cells.
		if blocks[m.tag] || m.tag == atom.Td || m.tag == atom.Th || m.parent == nil {
			return m
		}
	}
	return n
}

// proseText counts the letters and digits of runs outside links.
func proseText(runs []run) int {
	n := 0
	for _, r := range runs {
		if !r.link {
			n += countText(r.text)
		}
	}
	return n
}

// countText counts the letters, digits and ideographs of s.
func countText(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

// renderRuns joins runs into lines: a blank line between blocks, as in
// the plain-text reports, and a line break for <br>. A line made only of
// link text is a menu or a list of other pages, and is left out.
func renderRuns(runs []run) string {
	var b strings.Builder
	var line strings.Builder
	sep := ""
	prose := false // the line has text outside links
	flush := func(next string) {
		s := strings.TrimFunc(line.String(), isSpace)
		line.Reset()
		if !prose {
			s = ""
		}
		prose = false
		if s != "" {
			if b.Len() > 0 {
				b.WriteString(sep)
			}
			b.WriteString(s)
			sep = next
		} else if next == "\n\n" {
			sep = next
		}
	}
	for _, r := range runs {
		if r.text == "" {
			if r.para {
				flush("\n\n")
			} else {
				flush("\n")
			}
			continue
		}
		if !r.link && strings.TrimFunc(r.text, isSpace) != "" {
			prose = true
		}
		if strings.Contains(r.text, "\n") { // inside <pre>
			parts := strings.Split(r.text, "\n")
			for i, p := range parts {
				if i > 0 && !r.link && strings.TrimFunc(p, isSpace) != "" {
					prose = true
				}
				line.WriteString(p)
				if i < len(parts)-1 {
					flush("\n")
				}
			}
			continue
		}
		line.WriteString(r.text)
	}
	flush("")
	return b.String()
}

// pageTitle chooses the document's title: the first h1/h2 that the <title>
// contains, else the <title> up to the site name that follows "_" or "|".
func pageTitle(title string, heads []string) string {
	title = strings.TrimFunc(collapseSpace(title), isSpace)
	for _, h := range heads {
		h = strings.TrimFunc(collapseSpace(h), isSpace)
		if h != "" && (title == "" || strings.Contains(title, h)) {
			return h
		}
	}
	if title == "" {
		return ""
	}
	return strings.TrimFunc(titleSplit.Split(title, 2)[0], isSpace)
}

// firstLines returns the first n lines of s.
func firstLines(s string, n int) string {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		j := strings.IndexByte(s[i:], '\n')
		if j < 0 {
			return s
		}
		i += j + 1
	}
	return s[:i]
}

// collapseSpace turns every run of HTML white space into one space, as a
// browser renders it. The ideographic space stays: it indents paragraphs.
func collapseSpace(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

// isSpace trims line ends: white space, no-break and ideographic spaces.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u3000'
}
