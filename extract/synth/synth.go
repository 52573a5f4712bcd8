package synth

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// Options configures a Generator. The zero value writes UTF-8 reports
// without PDF artefacts from seed 0.
type Options struct {
	// Seed selects the corpus: the same seed gives the same bytes.
	Seed uint64
	// GB18030Share is the share of reports encoded in GB18030 (0..1).
	GB18030Share float64
	// PDFShare is the share of reports that carry PDF-conversion artefacts:
	// lines broken mid-word, blank lines, spaces between Chinese and digits.
	PDFShare float64
	// SharedFirms is the size of the corpus-wide pool of firms that recur
	// across reports (0: 20,000).
	SharedFirms int
}

// Generator writes reports. It holds no mutable state, so it is safe for
// concurrent use.
type Generator struct {
	opts Options
}

// New returns a Generator.
func New(opts Options) *Generator {
	if opts.SharedFirms <= 0 {
		opts.SharedFirms = 20000
	}
	return &Generator{opts: opts}
}

// Doc is one generated report.
type Doc struct {
	// Name is the file base name without extension; it is also the
	// document id the extractor derives from the file name.
	Name string
	// Text is the report in UTF-8, artefacts included.
	Text string
	// Data is Text in Encoding: the bytes to write to disk.
	Data []byte
	// Encoding is "utf-8" or "gb18030".
	Encoding string
	Truth    Truth
}

// Truth is what was planted in one report.
type Truth struct {
	Document      string      `json:"document"`
	Title         string      `json:"title"`
	Year          int         `json:"year"`
	Zone          string      `json:"zone"`
	Encoding      string      `json:"encoding"`
	PDF           bool        `json:"pdf"`
	Chains        []string    `json:"chains"`
	Firms         []Firm      `json:"firms"`
	Organizations []string    `json:"organizations"`
	Projects      []Project   `json:"projects"`
	Stages        []Stage     `json:"stages"`
	Products      []Product   `json:"products"`
	Places        []string    `json:"places"`
	Indicators    []Indicator `json:"indicators"`
}

// nonNil makes empty lists encode as [] rather than null.
func (t *Truth) nonNil() {
	for _, p := range []*[]string{&t.Chains, &t.Organizations, &t.Places} {
		if *p == nil {
			*p = []string{}
		}
	}
	if t.Firms == nil {
		t.Firms = []Firm{}
	}
	if t.Projects == nil {
		t.Projects = []Project{}
	}
	if t.Stages == nil {
		t.Stages = []Stage{}
	}
	if t.Products == nil {
		t.Products = []Product{}
	}
	if t.Indicators == nil {
		t.Indicators = []Indicator{}
	}
}

// Firm is a planted enterprise: its short name, and the full legal name
// when the report also writes it.
type Firm struct {
	Name     string `json:"name"`
	FullName string `json:"fullName,omitempty"`
	Chain    string `json:"chain"`
	Segment  string `json:"segment,omitempty"`
}

// Project is a planted project; Owner is "" when the name has no firm in it.
type Project struct {
	Name  string `json:"name"`
	Owner string `json:"owner,omitempty"`
	Chain string `json:"chain,omitempty"`
	Place string `json:"place,omitempty"`
}

// Stage is a planted stage statement about a project, or about a firm whose
// project the report names only by the firm.
type Stage struct {
	Subject string `json:"subject"`
	Stage   string `json:"stage"`
	Planned bool   `json:"planned,omitempty"`
	Text    string `json:"text"` // the words that state it
}

// Product is a planted product and its developer.
type Product struct {
	Name      string `json:"name"`
	Developer string `json:"developer"`
}

// Indicator is a planted figure, its value as written.
type Indicator struct {
	Name    string  `json:"name"`
	Value   float64 `json:"value"`
	Unit    string  `json:"unit"`
	Measure string  `json:"measure"`
	Subject string  `json:"subject,omitempty"`
}

// Version changes whenever the generator writes different reports for the
// same seed, so that a kept corpus can be told stale.
const Version = 3

// Name returns the file base name of report i.
func Name(i int) string { return fmt.Sprintf("synth-%06d", i) }

// Generate writes report i. It depends only on the seed and i.
func (g *Generator) Generate(i int) Doc {
	w := &writer{
		g:    g,
		rng:  rand.New(rand.NewPCG(g.opts.Seed, uint64(i)*0x9E3779B97F4A7C15+1)),
		used: make(map[string]bool),
	}
	w.t.Document = Name(i)
	// Draw the document's traits first, so that they do not depend on how
	// many draws its text takes.
	gb := w.rng.Float64() < g.opts.GB18030Share
	pdf := w.rng.Float64() < g.opts.PDFShare
	target := 2048 + w.rng.IntN(17*1024)
	w.report(target)
	text := w.b.String()
	if pdf {
		text = pdfArtefacts(w.rng, text)
	}
	w.t.PDF = pdf
	d := Doc{Name: w.t.Document, Text: text, Encoding: "utf-8"}
	d.Data = []byte(text)
	if gb {
		// GB18030 encodes every Unicode code point, so this cannot fail.
		if b, err := simplifiedchinese.GB18030.NewEncoder().Bytes(d.Data); err == nil {
			d.Data, d.Encoding = b, "gb18030"
		}
	}
	w.t.Encoding = d.Encoding
	d.Truth = w.t
	d.Truth.nonNil()
	return d
}

// firm is a firm as the writer knows it.
type firm struct {
	short, full string
	chain       int
}

// writer builds one report.
type writer struct {
	g     *Generator
	rng   *rand.Rand
	b     strings.Builder
	t     Truth
	used  map[string]bool // names already given to something in this report
	firms []firm
	city  string
	zone  string // the short name used in the text
	year  int
	// leading are the report's leading chains; next cycles through them.
	leading []int
	next    int
	// planned is set while writing the 下一步 section.
	planned bool
}

func (w *writer) pick(s []string) string { return s[w.rng.IntN(len(s))] }

func (w *writer) chance(p float64) bool { return w.rng.Float64() < p }

func (w *writer) report(target int) {
	w.city = w.pick(cities)
	kind := zoneKinds[w.rng.IntN(len(zoneKinds))]
	w.zone = w.city + kind[1]
	w.year = 2016 + w.rng.IntN(10)
	w.t.Zone, w.t.Year = w.zone, w.year
	w.t.Title = fmt.Sprintf("%s%s管委会%d年度工作总结", w.city, kind[0], w.year)
	if w.chance(0.3) {
		w.t.Title = fmt.Sprintf("%s%s%d年工作总结", w.city, kind[0], w.year)
	}
	w.b.WriteString(w.t.Title)
	w.b.WriteString("\n\n")
	w.leading = w.rng.Perm(len(chains))[:2+w.rng.IntN(5)]
	w.opening()

	style := w.rng.IntN(4)
	n := 1
	kinds := w.rng.Perm(len(sectionTitles) - 1)
	for k := 0; k == 0 || w.b.Len() < max(target-1500, 1800); k++ {
		// The industry section comes first, as in real reports.
		title := sectionTitles[0]
		if k > 0 {
			title = sectionTitles[1+kinds[(k-1)%len(kinds)]]
		}
		fmt.Fprintf(&w.b, "%s、%s\n\n", cnum(n), title)
		n++
		w.section(title, style, target-1200)
	}
	fmt.Fprintf(&w.b, "%s、", cnum(n))
	t := w.pick(nextTitles)
	if strings.Contains(t, "%d") {
		t = fmt.Sprintf(t, w.year+1)
	}
	w.b.WriteString(t)
	w.b.WriteString("\n\n")
	w.planned = true
	w.nextSteps()
	w.planned = false
}

func (w *writer) opening() {
	fmt.Fprintf(&w.b, "%d年是%s发展进程中极不平凡的一年。面对复杂严峻的外部环境，%s坚持稳中求进工作总基调，统筹推进稳增长、调结构、促改革、惠民生各项工作，经济社会发展取得新成效。\n\n",
		w.year, w.zone, w.zone)
	fmt.Fprintf(&w.b, "%d年，%s", w.year, w.zone)
	n := 3 + w.rng.IntN(4)
	start := w.rng.IntN(len(indicatorSpecs))
	for k := 0; k < n; k++ {
		if k > 0 {
			w.b.WriteString("；")
		}
		w.indicator(indicatorSpecs[(start+k)%len(indicatorSpecs)], w.zone)
	}
	w.b.WriteString("。主要指标好于预期。\n\n")
}

// indicator writes one figure as a clause and records it.
func (w *writer) indicator(s indicatorSpec, subject string) {
	v := s.lo + w.rng.Float64()*(s.hi-s.lo)
	num := strconv.FormatFloat(v, 'f', s.decimals, 64)
	val, _ := strconv.ParseFloat(num, 64)
	switch s.measure {
	case "总量":
		fmt.Fprintf(&w.b, "%s达到%s%s", s.name, num, s.unit)
	case "累计":
		fmt.Fprintf(&w.b, "%s累计%s%s", s.name, num, s.unit)
	case "新增":
		fmt.Fprintf(&w.b, "新增%s%s%s", s.name, num, s.unit)
	default:
		fmt.Fprintf(&w.b, "%s%s%s%s", s.name, s.measure, num, s.unit)
	}
	w.t.Indicators = append(w.t.Indicators, Indicator{Name: s.name, Value: val, Unit: s.unit, Measure: s.measure, Subject: subject})
}

// section writes one numbered section until the text reaches limit.
func (w *writer) section(title string, style, limit int) {
	w.b.WriteString(w.pick(fillers))
	w.b.WriteString(w.pick(fillers))
	w.b.WriteString("\n\n")
	var paras int
	switch {
	case title == sectionTitles[0]:
		paras = 2 + w.rng.IntN(4)
	default:
		paras = 1 + w.rng.IntN(4)
	}
	for p := 0; p < paras && w.b.Len() < limit; p++ {
		switch style {
		case 1:
			fmt.Fprintf(&w.b, "（%s）", cnum(p+1))
		case 2:
			fmt.Fprintf(&w.b, "%d. ", p+1)
		}
		switch {
		case title == sectionTitles[0] || title == sectionTitles[9] || w.chance(0.3):
			w.chainParagraph(style == 3)
		case title == sectionTitles[1] || w.chance(0.3):
			w.projectParagraph()
		case title == sectionTitles[2]:
			w.innovationParagraph()
		default:
			w.fillerParagraph()
		}
		w.b.WriteString("\n\n")
	}
}

// chainParagraph writes an industry paragraph led by its chain sentence.
func (w *writer) chainParagraph(yishi bool) {
	// A report dwells on its few leading chains.
	ci := w.leading[w.next%len(w.leading)]
	w.next++
	c := &chains[ci]
	w.addChain(ci)
	fmt.Fprintf(&w.b, w.pick(leads), c.name)
	n := 2 + w.rng.IntN(5)
	for k := 0; k < n; k++ {
		if yishi {
			w.b.WriteString(cnum(k+1) + "是")
		}
		w.chainSentence(ci)
		if yishi && k < n-1 {
			w.b.WriteString("；")
		} else {
			w.b.WriteString("。")
		}
	}
	if w.chance(0.3) {
		spec := indicatorSpec{c.name + "产业产值", "亿元", "总量", 20, 1500, 1}
		w.b.WriteString("全年")
		w.indicator(spec, c.name)
		w.b.WriteString("。")
	}
}

// chainSentence writes one sentence (without its end) about chain ci.
func (w *writer) chainSentence(ci int) {
	switch x := w.rng.IntN(20); {
	case x < 8:
		w.stageClause(w.project(ci), w.pick(stageOrder))
		if w.chance(0.3) {
			w.b.WriteString("，")
			w.stageClause(w.project(ci), w.pick(stageOrder))
		}
	case x < 11:
		w.listClause(ci)
	case x < 13:
		w.implicitClause(ci)
	case x < 15:
		w.productClause(ci)
	case x < 17:
		w.segmentClause(ci)
	default:
		w.firmClause(ci)
	}
}

func (w *writer) projectParagraph() {
	w.b.WriteString(w.pick([]string{"重大项目建设提速。", "项目储备持续充实。", "重点项目加快推进。", "招商引资成效显著。"}))
	n := 2 + w.rng.IntN(4)
	for k := 0; k < n; k++ {
		ci := w.rng.IntN(len(chains))
		if w.chance(0.5) {
			w.listClause(ci)
		} else {
			w.implicitClause(ci)
		}
		w.b.WriteString("。")
	}
	if w.chance(0.5) {
		w.b.WriteString("全年")
		w.indicator(indicatorSpec{"重点项目", "个", "新增", 10, 120, 0}, w.zone)
		w.b.WriteString("。")
	}
}

func (w *writer) innovationParagraph() {
	w.b.WriteString(w.pick([]string{"创新平台加快集聚。", "科技成果加速转化。", "企业创新主体作用充分发挥。"}))
	n := 2 + w.rng.IntN(3)
	for k := 0; k < n; k++ {
		ci := w.rng.IntN(len(chains))
		switch w.rng.IntN(3) {
		case 0:
			w.stageClause(w.org(ci), w.pick([]string{"揭牌", "落地", "运营", "入驻"}))
		case 1:
			w.productClause(ci)
		default:
			fs := w.distinctFirms(ci, 2)
			text := fmt.Sprintf("%s等%d家企业入驻", names(fs), len(fs)+w.rng.IntN(20))
			w.b.WriteString(text)
			for _, f := range fs {
				w.stage(f.short, "入驻", text)
			}
		}
		w.b.WriteString("。")
	}
	w.b.WriteString(w.pick(fillers))
}

func (w *writer) fillerParagraph() {
	n := 2 + w.rng.IntN(5)
	for k := 0; k < n; k++ {
		w.b.WriteString(w.pick(fillers))
	}
	if w.chance(0.4) {
		w.b.WriteString("全年")
		w.indicator(indicatorSpecs[w.rng.IntN(len(indicatorSpecs))], w.zone)
		w.b.WriteString("。")
	}
	if w.chance(0.3) {
		p := w.place()
		fmt.Fprintf(&w.b, "加快%s土地一级开发，推动%s整体提升。", p, p)
	}
}

// nextSteps writes the planned section: every stage in it is a plan.
func (w *writer) nextSteps() {
	fmt.Fprintf(&w.b, "%d年，%s将坚持稳中求进，全力以赴拼经济、抓项目、促发展。", w.year+1, w.zone)
	n := 2 + w.rng.IntN(4)
	for k := 0; k < n; k++ {
		ci := w.rng.IntN(len(chains))
		w.addChain(ci)
		fmt.Fprintf(&w.b, w.pick([]string{"聚焦%s产业，", "做强%s产业，", "围绕%s产业链，"}), chains[ci].name)
		w.plannedClause(w.project(ci), w.pick(stageOrder))
		w.b.WriteString("，")
		w.plannedClause(w.project(ci), w.pick(stageOrder))
		w.b.WriteString("。")
	}
	w.b.WriteString(w.pick(fillers))
	w.b.WriteString("\n")
}

func (w *writer) plannedClause(p, stage string) {
	form, _ := w.form(stage)
	text := fmt.Sprintf(w.pick(plannedForms), fmt.Sprintf(form, p))
	w.b.WriteString(text)
	w.stage(p, stage, text)
}

// stageClause writes `<project><verb>` (or `<verb><project>`) and records it.
func (w *writer) stageClause(p, stage string) {
	form, verbFirst := w.form(stage)
	switch {
	case verbFirst:
	case w.chance(0.15):
		where := w.place()
		fmt.Fprintf(&w.b, "位于%s的", where)
		w.locate(p, where)
	case w.chance(0.3):
		w.b.WriteString(w.pick([]string{"推动", "实现", "助推", "促成"}))
	}
	text := fmt.Sprintf(form, p)
	w.b.WriteString(text)
	w.stage(p, stage, text)
}

// form picks a way to write stage; verbFirst is true when the verb comes
// before the project (加快…建设).
func (w *writer) form(stage string) (form string, verbFirst bool) {
	form = w.pick(stageVerbs[stage])
	if form[0] == '+' {
		return form[1:], true
	}
	return form, false
}

// listClause writes `A、B和C<verb>`.
func (w *writer) listClause(ci int) {
	stage := w.pick(stageOrder)
	n := 2 + w.rng.IntN(3)
	names := make([]string, n)
	for k := range names {
		names[k] = w.project(ci)
	}
	form, _ := w.form(stage)
	sep := w.pick([]string{"和", "及", "、"})
	list := strings.Join(names[:n-1], "、") + sep + names[n-1]
	fmt.Fprintf(&w.b, form, list)
	for _, p := range names {
		w.stage(p, stage, fmt.Sprintf(form, list))
	}
}

// implicitClause writes `A、B等一批项目<verb>`: the stage belongs to the firms.
func (w *writer) implicitClause(ci int) {
	v := implicitVerbs[w.rng.IntN(len(implicitVerbs))]
	fs := w.distinctFirms(ci, 1+w.rng.IntN(3))
	var text string
	if w.chance(0.5) {
		text = fmt.Sprintf("%s等一批项目%s", names(fs), v[1])
	} else {
		text = fmt.Sprintf("%s等%d个项目%s", names(fs), len(fs)+w.rng.IntN(12), v[1])
	}
	w.b.WriteString("实现" + text)
	for _, f := range fs {
		w.stage(f.short, v[0], text)
	}
}

// productClause writes `X自主研发的“Y”<event>`.
func (w *writer) productClause(ci int) {
	f := w.firm(ci)
	c := &chains[ci]
	var y string
	for try := 0; ; try++ {
		switch w.rng.IntN(3) {
		case 0:
			y = w.syllables(2) + w.pick(c.products)
		case 1:
			y = w.syllables(2) + w.pick([]string{"一号", "二号", "三号", "Pro", "X1"})
		default:
			y = fmt.Sprintf("%s-%d", w.syllables(2), 10*(1+w.rng.IntN(99)))
		}
		if !w.used[y] || try > 5 {
			break
		}
	}
	w.used[y] = true
	fmt.Fprintf(&w.b, "%s%s的“%s”%s", f.short, w.pick([]string{"自主研发", "研制", "参与研制", "自主设计"}), y,
		w.pick([]string{"成功发布", "实现量产", "获批上市", "首飞成功", "成功发射", "通过认证"}))
	w.t.Products = append(w.t.Products, Product{Name: y, Developer: f.short})
}

// segmentClause names a chain segment and the firms that fit it.
func (w *writer) segmentClause(ci int) {
	c := &chains[ci]
	seg := w.pick(c.segments)
	fs := w.distinctFirms(ci, 1+w.rng.IntN(3))
	text := fmt.Sprintf("引进%s等龙头企业", names(fs))
	fmt.Fprintf(&w.b, "在%s环节，%s", seg, text)
	for _, f := range fs {
		w.setSegment(f.short, seg)
		w.stage(f.short, "落地", text)
	}
}

// firmClause writes a firm-level statement, sometimes under the full name.
func (w *writer) firmClause(ci int) {
	f := w.firm(ci)
	name := f.short
	if w.chance(0.6) {
		name = f.full
		w.setFull(f.short, f.full)
	}
	switch w.rng.IntN(4) {
	case 0:
		text := "与" + name + "签署协议"
		w.b.WriteString(text)
		w.stage(f.short, "签约", text)
	case 1:
		p := w.place()
		text := name + "入驻" + p
		w.b.WriteString(text)
		w.stage(f.short, "入驻", text)
		w.locate(f.short, p)
	case 2:
		text := name + "增资扩产"
		w.b.WriteString(text)
		w.stage(f.short, "扩产", text)
	default:
		text := name + "签约落户" + w.zone
		w.b.WriteString(text)
		w.stage(f.short, "签约", text)
	}
}

// project returns a new project name in chain ci and records it.
func (w *writer) project(ci int) string {
	c := &chains[ci]
	for try := 0; ; try++ {
		var name, owner string
		x := w.rng.IntN(20)
		if x < 18 {
			f := w.firm(ci)
			owner = f.short
			switch {
			case x < 8:
				name = f.short + w.pick(genericProjectKinds)
				if w.chance(0.25) {
					name += w.pick(phases)
				}
			case x < 14:
				name = f.short + w.pick(c.projects)
				if w.chance(0.15) {
					name += w.pick(phases)
				}
			case x < 16 || isAcronym(f.short):
				// An acronym with a code after it (ABCF12) would not be
				// readable as two names, even by a person.
				name = f.short + w.pick(phases)
			default:
				name = fmt.Sprintf("%s%c%d", f.short, acronymLetters[w.rng.IntN(len(acronymLetters))], 1+w.rng.IntN(30))
			}
		} else {
			name = w.place() + w.pick([]string{"智造基地", "产业园", "物流基地", "科创园", "数字经济产业园"})
		}
		if w.used[name] && try < 5 {
			continue
		}
		if !w.used[name] {
			w.used[name] = true
			w.t.Projects = append(w.t.Projects, Project{Name: name, Owner: owner, Chain: c.name})
		}
		return name
	}
}

// firm returns a firm of chain ci: one already named in this report, one of
// the corpus-wide pool, or a new one.
func (w *writer) firm(ci int) firm {
	if w.chance(0.15) {
		for _, f := range w.firms {
			if f.chain == ci {
				return f
			}
		}
	}
	var f firm
	for try := 0; try < 8; try++ {
		if w.chance(0.35) {
			per := max(1, w.g.opts.SharedFirms/len(chains))
			f = pooledFirm(w.g.opts.Seed, ci+len(chains)*w.rng.IntN(per))
		} else {
			f = newFirm(w.rng, ci, w.pick(cities))
		}
		if !w.used[f.short] {
			break
		}
	}
	if w.used[f.short] {
		// A name clash that retries could not avoid: reuse the firm.
		return f
	}
	w.used[f.short] = true
	w.firms = append(w.firms, f)
	w.t.Firms = append(w.t.Firms, Firm{Name: f.short, Chain: chains[ci].name})
	return f
}

func isAcronym(s string) bool { return strings.Trim(s, acronymLetters) == "" }

// distinctFirms returns up to n firms of chain ci with distinct names.
func (w *writer) distinctFirms(ci, n int) []firm {
	out := make([]firm, 0, n)
	for try := 0; len(out) < n && try < 3*n; try++ {
		f := w.firm(ci)
		if !slices.ContainsFunc(out, func(g firm) bool { return g.short == f.short }) {
			out = append(out, f)
		}
	}
	return out
}

// names lists firms on 、.
func names(fs []firm) string {
	s := make([]string, len(fs))
	for i, f := range fs {
		s[i] = f.short
	}
	return strings.Join(s, "、")
}

// pooledFirm is firm k of the corpus-wide pool: its chain is k mod the
// number of chains, its name a function of (seed, k).
func pooledFirm(seed uint64, k int) firm {
	r := rand.New(rand.NewPCG(seed^0x5eed5eed5eed5eed, uint64(k)))
	return newFirm(r, k%len(chains), cities[r.IntN(len(cities))])
}

// newFirm builds a firm of chain ci from brand syllables and descriptors.
func newFirm(r *rand.Rand, ci int, city string) firm {
	c := &chains[ci]
	syl := func() string { return brandSyllables[r.IntN(len(brandSyllables))] }
	brand := syl()
	for s := syl(); ; s = syl() {
		if s != brand {
			brand += s
			break
		}
	}
	desc := c.descs[r.IntN(len(c.descs))]
	legal := legalForms[r.IntN(len(legalForms))]
	if strings.HasSuffix(desc, "科技") && strings.HasPrefix(legal, "科技") {
		legal = "有限公司"
	}
	f := firm{chain: ci}
	switch x := r.IntN(20); {
	case x == 0:
		n := 2 + r.IntN(3)
		var b strings.Builder
		for range n {
			b.WriteByte(acronymLetters[r.IntN(len(acronymLetters))])
		}
		f.short = b.String()
		f.full = f.short + "（中国）有限公司"
	case x < 3:
		f.short = "中科" + brand
		f.full = city + f.short + "科技有限公司"
	case x < 5:
		f.short = brand + syl()
		f.full = city + f.short + "科技股份有限公司"
	default:
		f.short = brand + desc
		f.full = city + brand + desc + legal
	}
	return f
}

func (w *writer) org(ci int) string {
	c := &chains[ci]
	var name string
	switch w.rng.IntN(3) {
	case 0:
		name = w.pick(orgPrefixes) + c.name + w.pick(orgKinds)
	case 1:
		name = w.city + w.syllables(2) + "大学" + c.name + "研究院"
	default:
		name = w.syllables(2) + w.pick(orgKinds)
	}
	if !w.used[name] {
		w.used[name] = true
		w.t.Organizations = append(w.t.Organizations, name)
	}
	return name
}

// place returns a town, street or district of the zone.
func (w *writer) place() string {
	for try := 0; ; try++ {
		name := w.syllablesFrom(placeSyllables, 2) + w.pick(placeKinds)
		if w.used[name] && try < 3 {
			continue
		}
		if !w.used[name] {
			w.used[name] = true
			w.t.Places = append(w.t.Places, name)
		}
		return name
	}
}

func (w *writer) syllables(n int) string { return w.syllablesFrom(brandSyllables, n) }

func (w *writer) syllablesFrom(s []string, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(w.pick(s))
	}
	return b.String()
}

func (w *writer) addChain(ci int) {
	name := chains[ci].name
	for _, c := range w.t.Chains {
		if c == name {
			return
		}
	}
	w.t.Chains = append(w.t.Chains, name)
}

func (w *writer) stage(subject, stage, text string) {
	w.t.Stages = append(w.t.Stages, Stage{Subject: subject, Stage: stage, Planned: w.planned, Text: text})
}

func (w *writer) locate(subject, place string) {
	for i := range w.t.Projects {
		if w.t.Projects[i].Name == subject {
			w.t.Projects[i].Place = place
		}
	}
}

func (w *writer) setSegment(name, seg string) {
	for i := range w.t.Firms {
		if w.t.Firms[i].Name == name {
			w.t.Firms[i].Segment = seg
		}
	}
}

func (w *writer) setFull(name, full string) {
	for i := range w.t.Firms {
		if w.t.Firms[i].Name == name {
			w.t.Firms[i].FullName = full
		}
	}
}

// cnum writes 1..99 in Chinese numerals.
func cnum(n int) string {
	d := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return d[n]
	case n < 20:
		return "十" + d[n-10]
	default:
		return d[n/10] + "十" + d[n%10]
	}
}

// pdfArtefacts imitates text converted from PDF: spaces between Chinese
// and digits, and paragraphs broken mid-word by blank lines.
func pdfArtefacts(r *rand.Rand, text string) string {
	rs := []rune(text)
	var b strings.Builder
	b.Grow(len(text) + len(text)/10)
	b.WriteString("\n\n")
	isNum := func(c rune) bool { return c >= '0' && c <= '9' || c == '.' || c == '%' }
	run := 0 // runes since the last line break
	for i, c := range rs {
		if i > 0 {
			prev := rs[i-1]
			hanThenNum := unicode.Is(unicode.Han, prev) && c >= '0' && c <= '9'
			numThenHan := isNum(prev) && unicode.Is(unicode.Han, c)
			if (hanThenNum || numThenHan) && r.IntN(10) < 7 {
				b.WriteByte(' ')
			}
			// Break a long line between two Han characters, as a PDF page
			// or column end does.
			if run > 60 && unicode.Is(unicode.Han, prev) && unicode.Is(unicode.Han, c) && r.IntN(200) == 0 {
				b.WriteString("\n\n")
				run = 0
			}
		}
		if c == '\n' {
			run = 0
		} else {
			run++
		}
		b.WriteRune(c)
	}
	return b.String()
}
