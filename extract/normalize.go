package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// normalize turns decoded text into the stored text: one paragraph a line,
// PDF line breaks joined, full-width ASCII folded, stray spaces removed.
// All offsets of the extraction point into its result.
func normalize(text string) string { return normalizeText(text, false) }

// normalizeText is normalize; with blocks, the text is a reader's of a
// structured format (HTML, .docx), whose blank lines are the ends of its
// blocks: a short block with no clause in it (a heading, <h1>–<h6>, a
// bold line) followed by a longer one (a paragraph) then stands alone,
// instead of being joined to it as a line cut by a PDF's layout would be.
// Pages that hold a PDF's text a line to a block keep their lines joined:
// their blocks are all short.
func normalizeText(text string, blocks bool) string {
	var out strings.Builder
	out.Grow(len(text))
	open := -1 // offset in out where the open paragraph starts; -1: none
	first := true
	all := text         // the whole input, where running headers repeat
	afterPage := false  // the last line kept or dropped was a page number
	afterBlank := false // with blocks: a blank line ends the last block
	var buf []byte      // cleanLine's, for the lines it changes
	var header []string // the labels of the tab-separated table being read
	for len(text) > 0 {
		raw := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			raw, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		cells := raw
		tabs := strings.IndexByte(raw, '\t') >= 0
		if !tabs && raw != "" && (raw[0] == '|' || raw[0] == ' ' || raw[0] == 0xEF) {
			// A table written with pipes (Markdown, a web editor's):
			// | 序号 | 项目名称 | 建设单位 |, under it | --- | --- | --- |.
			var rule bool
			if cells, rule = pipeCells(raw); rule {
				continue
			}
			tabs = cells != raw
		}
		var line string // raw cleaned, when it has no tab
		cleaned := !tabs
		if cleaned {
			var pair bool
			if line, pair = cleanLineSpaces(raw, &buf); pair {
				cells = spaceCells(raw) // columns aligned with spaces: the same table
				tabs = strings.IndexByte(cells, '\t') >= 0
			}
		}
		if tabs {
			var row string
			if header, row = tableRow(header, cells); row != "" {
				if out.Len() > 0 {
					out.WriteByte('\n')
				}
				out.WriteString(row)
				open, first = -1, false
				continue
			} else if header != nil {
				open = -1
				continue // the header line, or a row of totals
			}
		} else if header != nil && !blank(raw) && !groupRow(raw) {
			header = nil
		}
		if !cleaned {
			line = cleanLineInto(raw, &buf) // a line with tabs that no table read
		}
		if line == "" {
			afterBlank = blocks
			continue
		}
		if len(line) <= 32 && isPageNumber(line) {
			afterPage = true
			continue
		}
		if afterPage && isRunningHeader(all, raw, line) {
			continue
		}
		afterPage = false
		wasBlank := afterBlank
		afterBlank = false
		switch {
		case open < 0:
			if out.Len() > 0 {
				out.WriteByte('\n')
			}
			open = out.Len()
		case breaksBefore(out.String()[open:], line),
			wasBlank && headingBlock(out.String()[open:]) && runeLen(line) > 40:
			out.WriteByte('\n')
			open = out.Len()
		default:
			out.WriteString(joinSpace(out.String()[open:], line))
		}
		out.WriteString(line)
		// The first line is the title when it is short and not a sentence.
		if first {
			first = false
			if s := out.String()[open:]; runeLen(s) <= 60 && !strings.ContainsAny(s, "。！？") {
				open = -1
			}
		}
	}
	return out.String()
}

// tableRow reads a line of a tab-separated table. A line of three or more
// short cells without sentences, when no table is open, is its header:
// its labels are returned and the line is dropped ("" row). A line with as
// many cells as the header is a row, written as a record (records.go):
// "N.label：cell；label：cell". A header's year is dropped (2024年进展 is
// 进展), its unit goes to the figures of its column (总投资（亿元） and 8.5
// are 总投资：8.5亿元), and a first column of numbers (序号) becomes the
// row's number. A row of totals (合计) and the dashes of empty cells are
// dropped. Any other line gives a nil header and "", and is read as text.
func tableRow(header []string, raw string) ([]string, string) {
	cells := strings.Split(strings.TrimRight(raw, "\r"), "\t")
	if len(cells) < 3 {
		return nil, ""
	}
	for i, c := range cells {
		cells[i] = cleanLine(strings.TrimSpace(c))
	}
	if header == nil {
		var buf [6]rune
		for i, c := range cells {
			// (cleanLine's cells are valid UTF-8: the runes after the
			// first five are the bytes after theirs.)
			if rs := headRunes(c, buf[:]); len(rs) > 5 && rs[4] == '年' && yearIn(rs[:5]) > 0 {
				k := 0
				for _, r := range rs[:5] {
					k += utf8.RuneLen(r)
				}
				c = c[k:]
				cells[i] = c
			}
			// 进度（截至11月底）: the column's date is no part of its label.
			if k := strings.Index(c, "(截"); k > 0 && strings.HasSuffix(c, ")") {
				c = c[:k]
				cells[i] = c
			}
			if label, _ := cellUnit(c); label == "" || runeLen(label) > 12 || strings.ContainsAny(c, "，。；") {
				return nil, ""
			}
		}
		return cells, ""
	}
	if len(cells) != len(header) {
		return nil, ""
	}
	if first := cells[0]; first == "合计" || first == "小计" || first == "总计" || first == "合 计" {
		return header, ""
	}
	// Room for the record at once (appending grew it a few times a row):
	// the cells, their labels and the marks between them.
	n := len(raw) + len("。")
	for _, h := range header {
		n += len(h) + len("；：")
	}
	var b strings.Builder
	b.Grow(n)
	sep := ""
	for i, c := range cells {
		switch {
		case c == "" || c == "—" || c == "-" || c == "——" || c == "/":
		case i == 0 && strings.Trim(c, "0123456789") == "":
			b.WriteString(c)
			b.WriteByte('.')
		default:
			label, unit := cellUnit(header[i])
			if unit != "" && unit != "%" && strings.Trim(c, "0123456789.") == "" {
				// A figure: written as a text writes it (总投资8.5亿元),
				// which the indicators read. (A column of shares is a
				// table of indicators' own, read as before.)
				b.WriteString(sep)
				b.WriteString(label)
				b.WriteString(c)
				b.WriteString(unit)
			} else {
				b.WriteString(sep)
				b.WriteString(label)
				b.WriteString("：")
				b.WriteString(c)
			}
			sep = "；"
		}
	}
	b.WriteString("。")
	return header, b.String()
}

// spaceCells returns a line whose cells are aligned in columns with runs
// of spaces (a spreadsheet or a table saved as text: 序号  项目名称    建设单位)
// with a tab between its cells, which tableRow reads as it reads a
// tab-separated table's; a line of fewer than three cells comes back as
// it is. One space stays inside a cell; two or more, ASCII or
// ideographic, end it.
func spaceCells(raw string) string {
	line := strings.TrimSpace(strings.TrimRight(raw, "\r"))
	if !twoSpaceRuns(line) {
		return raw // fewer than three cells: most indented paragraphs
	}
	var b strings.Builder
	n, run := 1, 0
	for _, r := range line {
		if r == ' ' || r == '\u3000' {
			run++
			continue
		}
		if run >= 2 {
			b.WriteByte('\t')
			n++
		} else if run == 1 {
			b.WriteByte(' ')
		}
		run = 0
		b.WriteRune(r)
	}
	if n < 3 {
		return raw
	}
	return b.String()
}

// pipeCells returns a row of a table written with pipes (| a | b | c |,
// ASCII or full-width) with a tab between its cells, as tableRow reads
// them, and whether the line is the rule under its header (| --- | :-: |),
// which holds no cell. Any other line comes back as it is.
func pipeCells(raw string) (string, bool) {
	line := strings.TrimSpace(strings.TrimRight(raw, "\r"))
	line = strings.ReplaceAll(line, "｜", "|")
	if len(line) < 2 || line[0] != '|' || line[len(line)-1] != '|' {
		return raw, false
	}
	cells := strings.Split(line[1:len(line)-1], "|")
	if len(cells) < 3 {
		return raw, false
	}
	rule := true
	for i, c := range cells {
		c = strings.TrimSpace(c)
		cells[i] = c
		if strings.Trim(c, "-:— ") != "" || c == "" {
			rule = false
		}
	}
	if rule {
		return "", true
	}
	return strings.Join(cells, "\t"), false
}

// twoSpaceRuns reports whether s holds two runs of two or more spaces
// (ASCII or ideographic), which cut a line trimmed of its spaces into
// three cells or more. A space is found by byte searches (U+3000's bytes,
// E3 80 80, are that rune wherever they stand), so that a line with no
// run inside it is turned down before any cell is built.
func twoSpaceRuns(s string) bool {
	runs := 0
	for {
		i := strings.IndexByte(s, ' ')
		t := s
		if i >= 0 {
			t = s[:i]
		}
		if j := strings.Index(t, "\u3000"); j >= 0 {
			i = j
		}
		if i < 0 {
			return false
		}
		n := 0 // the run's spaces
		for i < len(s) {
			if s[i] == ' ' {
				i++
			} else if strings.HasPrefix(s[i:], "\u3000") {
				i += len("\u3000")
			} else {
				break
			}
			n++
		}
		if n >= 2 {
			if runs++; runs == 2 {
				return true
			}
		}
		s = s[i:]
	}
}

// cellUnit splits a header's label from the unit in brackets after it:
// 总投资(亿元) is 总投资 and 亿元 (cleanLine has made the brackets ASCII).
func cellUnit(c string) (label, unit string) {
	if !strings.HasSuffix(c, ")") {
		return c, ""
	}
	k := strings.LastIndexByte(c, '(')
	if k <= 0 {
		return c, ""
	}
	u := c[k+1 : len(c)-1]
	if u == "" || runeLen(u) > 4 || strings.ContainsAny(u, "，、,") {
		return c, ""
	}
	return c[:k], u
}

// groupRow reports whether a line without tabs inside a table is a row
// that groups the rows under it (一、竣工投产项目（8个）): a numbered
// short line with no sentence in it. The table stays open across it.
func groupRow(raw string) bool {
	line := strings.TrimSpace(strings.TrimRight(raw, "\r"))
	if _, n := sectionMarker(line); n == 0 || len(line) > 90 || runeLen(line) > 30 {
		return false
	}
	return !strings.ContainsAny(line, "，。；,;")
}

// isRunningHeader reports whether line, the first after a page number,
// is a page's running header left by PDF conversion (XX县XX产业园2024年
// 工作总结 on top of every page): short, no sentence, and written again
// elsewhere in the input all. Dropped, it no longer lands inside the
// sentence (or the firm's name) that goes on across the page break.
func isRunningHeader(all, raw, line string) bool {
	n := runeLen(line)
	if n < 6 || n > 40 || strings.ContainsAny(line, "，。；！？,;") {
		return false
	}
	// Written twice: the second occurrence is looked for after the first
	// (what strings.Count finds), not counted over the whole text. The
	// line itself is one, at raw's place in all: the first is found in
	// the text up to it, and when it ends before the line (a header of a
	// page after the first) that is the answer, with no search of the
	// text after it.
	w := strings.TrimSpace(raw)
	p := int(uintptr(unsafe.Pointer(unsafe.StringData(w))) - uintptr(unsafe.Pointer(unsafe.StringData(all))))
	if w == "" || p < 0 || p > len(all)-len(w) || all[p:p+len(w)] != w {
		// Not a line of all: both searched for in all of it.
		k := strings.Index(all, w)
		return k >= 0 && strings.Contains(all[k+len(w):], w)
	}
	k := strings.Index(all[:p+len(w)], w) // the first: the line itself at the latest
	return k+len(w) <= p || strings.Contains(all[k+len(w):], w)
}

// joinSpace is the separator when a line is joined to the next: nothing
// between Chinese, one space between two Latin words.
func joinSpace(a, b string) string {
	ra, _ := utf8.DecodeLastRuneInString(a)
	rb, _ := utf8.DecodeRuneInString(b)
	if isLatinWord(ra) && isLatinWord(rb) {
		return " "
	}
	return ""
}

func isLatinWord(r rune) bool {
	return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// breaksBefore reports whether the paragraph cur ends before the line next.
func breaksBefore(cur, next string) bool {
	if endsSentence(cur) {
		return true
	}
	if isDocNumber(next) || isDocNumber(cur) {
		return true // a letter's number (宜经信函〔2026〕41号) stands alone
	}
	if strings.HasPrefix(cur, "关于") && len(cur) <= 180 && docKindEnd(cur) {
		return true // 关于…的通报, a letter's title, before 各县（区）：
	}
	// next's first rune, decoded once for the three tests of it.
	r, _ := utf8.DecodeRuneInString(next)
	if opensMarker(r) {
		if _, n := sectionMarker(next); n > 0 {
			return true
		}
	}
	if opensLabel(r) && opensRecordField(next) {
		return true // 建设单位：… on a line of its own
	}
	if r == '，' || r == '、' || r == '。' || r == '；' {
		return false // a line that opens with a comma goes on the one before
	}
	// A heading; not an item that goes on after its colon in clauses
	// (4. X项目：总投资…，由), nor one cut inside a clause or a figure
	// (2. X项目，总投资12.6 | 亿元，在建，).
	if _, n := sectionMarker(cur); n > 0 && len(cur) <= 240 && !endsAnySentence(cur) && runeLen(cur) <= 60 && !cutInClause(cur) {
		// The first colon of either width (IndexAny would test each rune
		// of cur against both).
		k := strings.Index(cur, "：")
		if c := strings.IndexByte(cur, ':'); c >= 0 && (k < 0 || c < k) {
			k = c
		}
		return k < 0 || !strings.Contains(cur[k:], "，") && strings.IndexByte(cur[k:], ',') < 0
	}
	return false
}

// docKindEnd reports whether s ends with the kind of an official
// document (答复, 通报, 通知, 报告, 意见, 复函, 批复, 决定, 请示).
func docKindEnd(s string) bool {
	for _, k := range [...]string{"答复", "通报", "通知", "报告", "意见", "复函", "批复", "决定", "请示"} {
		if strings.HasSuffix(s, k) {
			return true
		}
	}
	return false
}

// isDocNumber reports whether a line is an official document's number:
// an issuer's abbreviation, the year in brackets and the number (宜经信函
// 〔2026〕41号, 曲重项办通[2026]17号), short and alone on its line.
func isDocNumber(s string) bool {
	if len(s) > 60 || !strings.HasSuffix(s, "号") {
		return false
	}
	for _, open := range [...]string{"〔", "[", "［"} {
		k := strings.Index(s, open)
		if k <= 0 {
			continue
		}
		y := s[k+len(open):]
		if len(y) < 5 || strings.Trim(y[:4], "0123456789") != "" {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(y[4:]); r == '〕' || r == ']' || r == '］' {
			return strings.Trim(y[4+utf8.RuneLen(r):len(y)-len("号")], "0123456789") == ""
		}
	}
	return false
}

// headingBlock reports whether a block of a structured format is one that
// stands alone: short (40 runes at most), with no clause or sentence
// break in it (a PDF's lines pasted into a page, one block each, have).
func headingBlock(s string) bool {
	return len(s) <= 160 && runeLen(s) <= 40 && !strings.ContainsAny(s, "，,、；;。！？!?")
}

// cutInClause reports whether a line that holds a comma ends where no
// heading does: on a comma, or inside a figure (a digit, or 亿 or 万
// after one).
func cutInClause(s string) bool {
	if strings.IndexByte(s, ',') < 0 && !strings.Contains(s, "，") {
		return false
	}
	r, n := lastRune(s)
	switch {
	case r == '，' || r == ',' || r == '、' || isDigit(r):
		return true
	case r == '亿' || r == '万':
		p, _ := lastRune(s[:len(s)-n])
		return isDigit(p)
	}
	return false
}

func endsSentence(s string) bool {
	// The closing quotes and brackets are stripped from the end first:
	// a rune at a time from the end, not with a cutset (TrimRight tests
	// each rune against every rune of the set).
	for len(s) > 0 {
		r, n := lastRune(s)
		switch r {
		case '。', '！', '？', '!', '?', '；', ';', '：', ':', '…':
			return true
		case '”', '’', '」', '』', ')', '）', '》', '"', '\'':
			s = s[:len(s)-n]
			continue
		}
		return false
	}
	return false
}

// lastRune is utf8.DecodeLastRuneInString with the three-byte runes of
// Chinese text (U+1000 to U+FFFF, never a surrogate) decoded in place.
func lastRune(s string) (rune, int) {
	if n := len(s); n >= 3 {
		if r, ok := rune3(s[n-3], s[n-2], s[n-1]); ok {
			return r, 3
		}
	}
	return utf8.DecodeLastRuneInString(s)
}

// rune3 decodes c0 c1 c2 when they are a three-byte rune that utf8 would
// decode the same way without its general path: a lead that is never
// overlong nor a surrogate (E1 to EF but ED) and two continuation bytes.
// Chinese text is nearly all such runes.
func rune3(c0, c1, c2 byte) (rune, bool) {
	if c0 < 0xe1 || c0 == 0xed || c0 >= 0xf0 || c1&0xc0 != 0x80 || c2&0xc0 != 0x80 {
		return 0, false
	}
	return rune(c0&0x0f)<<12 | rune(c1&0x3f)<<6 | rune(c2&0x3f), true
}

// endsAnySentence reports whether s holds 。, ！ or ？ (three searches for
// a byte string, faster than one IndexAny over non-ASCII runes).
func endsAnySentence(s string) bool {
	return strings.Contains(s, "。") || strings.Contains(s, "！") || strings.Contains(s, "？")
}

// blank reports whether s is empty or white space only
// (strings.TrimSpace(s) == "" without trimming).
func blank(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c != ' ' && (c < '\t' || c > '\r') {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			return false
		}
		i += n
	}
	return true
}

// cleanLine folds widths, drops control and zero-width characters and
// removes white space next to Chinese characters.
func cleanLine(s string) string {
	var buf []byte
	return cleanLineInto(s, &buf)
}

// cleanLineInto is cleanLine writing a line that changes into *buf, which
// it reuses: the result is s itself or a view of *buf, good until the
// next call.
func cleanLineInto(s string, buf *[]byte) string {
	line, _ := cleanLineSpaces(s, buf)
	return line
}

// cleanLineSpaces is cleanLineInto, and reports whether s holds two ASCII
// spaces or two ideographic spaces in a row (strings.Contains(s, "  ") ||
// strings.Contains(s, "　　"), which normalize asks of every line): every
// white space of s is decoded below, where a search for the ideographic
// pair would test most of the line's runes again (its first byte, E3,
// opens 、 and 。).
func cleanLineSpaces(s string, buf *[]byte) (line string, pair bool) {
	var spR rune = -1 // the last white space decoded, which ends at spEnd
	spEnd := 0
	b := (*buf)[:0]    // written to from the first change on
	var prev rune = -1 // last rune written
	pendingSpace := false
	// Most runes are kept as they are: s[copied:i] is such a run, written
	// in one piece when a rune that changes (or goes) ends it, instead of
	// rune by rune.
	copied := 0
	flush := func(i int) {
		if copied < i {
			if cap(b) < len(s) {
				// Room for the line at once: a cleaned line is seldom
				// longer, and appending grew *buf a few times a document.
				b = slices.Grow(b, len(s)-len(b))
			}
			b = append(b, s[copied:i]...)
		}
	}
	for i, size := 0, 0; i < len(s); i += size {
		if !pendingSpace {
			// A run of runes that stay as they are and ask for nothing of
			// the next (printable ASCII, and the three-byte runes that are
			// neither folded, white space nor dropped: Han and Chinese
			// punctuation), passed over without decoding them.
			// (Unsigned comparisons and an index masked to the table's
			// rows let the compiler drop the bounds checks of the run.)
			j, last := i, -1
			for uint(j) < uint(len(s)) {
				c := s[j]
				k := keptLead[c]
				if k == keptASCII {
					last, j = j, j+1
					continue
				}
				if k == keptNone || uint(j+2) >= uint(len(s)) {
					break
				}
				c1, c2 := s[j+1], s[j+2]
				if (uint(c1)<<8|uint(c2))&0xc0c0 != 0x8080 || keptSomeBits[(k-keptSome)&3][c1&0x3f]&(1<<(c2&0x3f)) == 0 {
					break
				}
				last, j = j, j+3
			}
			if last >= 0 {
				if c := s[last]; c < utf8.RuneSelf {
					prev = rune(c)
				} else {
					prev = rune(c&0x0f)<<12 | rune(s[last+1]&0x3f)<<6 | rune(s[last+2]&0x3f)
				}
				size = j - i
				continue
			}
		}
		// Decoded here: Chinese text is nearly all three-byte runes, for
		// which range over the string makes a call each.
		var r0 rune
		switch c := s[i]; {
		case c < utf8.RuneSelf:
			r0, size = rune(c), 1
		case c >= 0xe4 && c <= 0xe9 && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80:
			// U+4000 to U+9FFF: never overlong, never a surrogate.
			r0, size = rune(c&0x0f)<<12|rune(s[i+1]&0x3f)<<6|rune(s[i+2]&0x3f), 3
		default:
			r0, size = utf8.DecodeRuneInString(s[i:])
		}
		r := fold(r0)
		switch {
		case r == ' ' || r == '\t' || r == '\u00a0' || r == '\u3000' || r == '\r' || r == '\f' || r == '\v':
			// (fold makes no white space: r is the rune of s.)
			if r == spR && i == spEnd && (r == ' ' || r == '\u3000') {
				pair = true
			}
			spR, spEnd = r, i+size
			flush(i)
			copied = i + size
			if prev >= 0 {
				pendingSpace = true
			}
			continue
		case r < 0x20 || r == 0x7f || r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff' || r == '\u2028' || r == '\u2029':
			flush(i)
			copied = i + size
			continue
		}
		if pendingSpace {
			flush(i)
			copied = i
			if !isCJK(prev) && !isCJK(r) {
				b = append(b, ' ')
			}
			pendingSpace = false
		}
		if r != r0 || r0 == utf8.RuneError {
			// A folded rune, or a bad byte that becomes U+FFFD.
			flush(i)
			copied = i + size
			b = utf8.AppendRune(b, r)
		}
		prev = r
	}
	if copied == 0 {
		return s, pair // nothing changed (most lines): no copy
	}
	flush(len(s))
	*buf = b
	return unsafe.String(unsafe.SliceData(b), len(b)), pair
}

// The kinds of a byte that opens a rune, for cleanLineInto's runs of
// runes kept as they are.
const (
	keptNone  = iota // a rune that may change, or white space
	keptASCII        // printable ASCII
	keptThree        // a three-byte rune that is always kept (U+1000 to U+CFFF, U+E000 to U+EFFF)
	// A three-byte rune that keptAsIs tells (U+2000 to U+3FFF, U+F000 to
	// U+FFFF): keptSome+0 opens with E2, +1 with E3, +2 with EF, the row
	// of keptSomeBits that holds its answers.
	keptSome
)

var keptLead = func() (t [256]uint8) {
	for c := '!'; c < 0x7f; c++ {
		t[c] = keptASCII
	}
	for c := 0xe1; c <= 0xec; c++ {
		t[c] = keptThree
	}
	t[0xee] = keptThree
	t[0xe2], t[0xe3], t[0xef] = keptSome, keptSome+1, keptSome+2
	return t
}()

// keptSomeBits[k][c1&0x3f] has bit c2&0x3f set when the rune of lead
// kind keptSome+k and continuation bytes c1 c2 is kept as it is
// (keptAsIs): one load and a test for the Chinese punctuation (，。：；、)
// that breaks every few runes of Han, where keptAsIs decodes the rune and
// switches on it (2 KB, which stays in cache).
//
// Its fourth row, (keptThree-keptSome)&3, has every bit set: a rune of
// kind keptThree is kept too, and is told by the same load and test,
// not by a branch on its kind (Han and punctuation alternate every few
// runes, which the branch mispredicted).
var keptSomeBits = func() (t [4][64]uint64) {
	if (keptThree-keptSome)&3 != 3 {
		panic("extract: keptSomeBits' fourth row is not keptThree's")
	}
	for c1 := range 64 {
		t[3][c1] = ^uint64(0)
	}
	for k, c0 := range []byte{0xe2, 0xe3, 0xef} {
		for c1 := range 64 {
			for c2 := range 64 {
				if keptAsIs(c0, 0x80|byte(c1), 0x80|byte(c2)) {
					t[k][c1] |= 1 << c2
				}
			}
		}
	}
	return t
}()

// keptAsIs reports whether the three-byte rune c0 c1 c2 (with a lead of
// kind keptSome) is kept as it is: not folded, not white space, not a
// dropped zero-width or line separator, not U+FFFD.
func keptAsIs(c0, c1, c2 byte) bool {
	r, _ := rune3(c0, c1, c2)
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2028', '\u2029', '\u3000', '\ufeff', utf8.RuneError:
		return false
	}
	return fold(r) == r
}

// fold maps full-width digits, letters, brackets and common symbols to
// ASCII; Chinese punctuation (，。：；) stays.
func fold(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E {
		a := r - 0xFF01 + 0x21
		switch {
		case a >= '0' && a <= '9', a >= 'A' && a <= 'Z', a >= 'a' && a <= 'z':
			return a
		}
		switch a {
		case '(', ')', '[', ']', '{', '}', '%', '+', '-', '.', '/', '<', '>', '=', '&', '#', '@', '_', '~', '*':
			return a
		}
	}
	return r
}

// isCJK reports whether r is a Chinese character or CJK punctuation, next to
// which white space is a conversion artefact.
func isCJK(r rune) bool {
	switch {
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0x3400 && r <= 0x4DBF, r >= 0x20000 && r <= 0x2FFFF:
		return true
	case r >= 0x3000 && r <= 0x303F, r >= 0xFF00 && r <= 0xFFEF:
		return true
	case r == '“' || r == '”' || r == '‘' || r == '’' || r == '…' || r == '—' || r == '·':
		return true
	}
	return false
}

func isHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF || r >= 0x20000 && r <= 0x2FFFF
}

// isPageNumber reports whether a line is a page number left by PDF
// conversion: - 3 -, 3, 第3页, 3/12, 第 3 页 共 12 页.
func isPageNumber(line string) bool {
	s := strings.Trim(line, "-—– ")
	s = strings.TrimSuffix(strings.TrimPrefix(s, "第"), "页")
	if s == "" || len(s) > 16 {
		return false
	}
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '/' || r == ' ' || r == '共' || r == '页':
		default:
			return false
		}
	}
	return digits > 0
}
