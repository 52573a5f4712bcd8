package extract

// Records: project lists written as forms, one field a line or a line of
// fields separated by ；,
//
//	1．项目名称：X
//	建设单位：Y有限公司
//	建设地点：Z镇
//	进展情况：已开工，完成投资18.6亿元
//
// The fields are read as one project: Y owns X, X lies in Z, and the
// stage verbs of the progress field that have no subject of their own are
// X's. A numbered heading of the name alone may stand for the name field
// (1. X项目（三期）, then （1）建设单位：Y有限公司 and （2）本周进度：…; see
// doc.namedProject).

import (
	"strings"
	"unicode/utf8"

	"github.com/kgraph/kg"
)

type fieldKind uint8

const (
	fieldName fieldKind = iota + 1
	fieldOwner
	fieldPlace
	fieldProgress
	fieldChain
	fieldOther
)

// recordLabels are the labels of a record's fields, each read only when
// a colon follows it at the start of a line or after a separator.
var recordLabels = []struct {
	label string
	kind  fieldKind
}{
	{"项目名称", fieldName}, {"项目", fieldName}, {"名称", fieldName}, {"项目全称", fieldName},
	{"建设单位", fieldOwner}, {"实施单位", fieldOwner}, {"实施主体", fieldOwner}, {"建设主体", fieldOwner},
	{"投资主体", fieldOwner}, {"投资方", fieldOwner}, {"投资单位", fieldOwner}, {"项目单位", fieldOwner},
	{"业主单位", fieldOwner}, {"投资企业", fieldOwner}, {"签约企业", fieldOwner}, {"项目业主", fieldOwner},
	{"建设业主", fieldOwner}, {"业主", fieldOwner},
	{"建设地点", fieldPlace}, {"项目地点", fieldPlace}, {"建设地址", fieldPlace}, {"项目选址", fieldPlace},
	{"选址", fieldPlace}, {"落户地点", fieldPlace}, {"地点", fieldPlace}, {"所在地", fieldPlace},
	{"建设位置", fieldPlace}, {"项目位置", fieldPlace}, {"落户区域", fieldPlace}, {"所在区域", fieldPlace},
	{"进展", fieldProgress}, {"进展情况", fieldProgress}, {"项目进展", fieldProgress}, {"建设进度", fieldProgress},
	{"进度", fieldProgress}, {"最新进展", fieldProgress}, {"当前进展", fieldProgress}, {"目前进展", fieldProgress},
	{"推进情况", fieldProgress}, {"完成情况", fieldProgress}, {"建设进展", fieldProgress}, {"项目进度", fieldProgress},
	{"形象进度", fieldProgress}, {"当前进度", fieldProgress}, {"工程进度", fieldProgress},
	{"本周进度", fieldProgress}, {"本月进度", fieldProgress}, {"本期进度", fieldProgress},
	{"本周进展", fieldProgress}, {"本月进展", fieldProgress}, {"本期进展", fieldProgress},
	{"备注", fieldOther}, {"建设内容", fieldOther}, {"建设内容及规模", fieldOther}, {"建设规模及内容", fieldOther},
	{"主要建设内容", fieldOther}, {"项目内容", fieldOther}, {"项目概况", fieldOther}, {"项目简介", fieldOther}, {"建设规模", fieldOther}, {"总投资", fieldOther},
	{"计划总投资", fieldOther}, {"投资额", fieldOther}, {"年度计划", fieldOther}, {"主要内容", fieldOther},
	{"责任单位", fieldOther}, {"牵头单位", fieldOther}, {"攻坚目标", fieldOther},
	{"所属产业链", fieldChain}, {"所属产业", fieldChain}, {"产业类别", fieldChain}, {"产业链", fieldChain},
}

// recordLabelFirst holds the first rune of each of recordLabels, which
// labelAt compares before the label.
var recordLabelFirst = func() []rune {
	first := make([]rune, len(recordLabels))
	for j, l := range recordLabels {
		first[j], _ = utf8.DecodeRuneInString(l.label)
	}
	return first
}()

// recordLabelMax is the rune length of the longest of recordLabels.
var recordLabelMax = func() int {
	n := 0
	for _, l := range recordLabels {
		n = max(n, utf8.RuneCountInString(l.label))
	}
	return n
}()

// field is one field of a record: its kind and its value rs[a:b].
type field struct {
	kind fieldKind
	a, b int
}

// record is the project a record names, while its fields are read.
type record struct {
	ids []string // what the name field names: projects, or firms of X等企业
	ctx industryCtx
}

// labelAt returns the kind of a record label at rs[i:] followed by a colon
// and where its value starts, or 0.
func labelAt(rs []rune, i, end int) (fieldKind, int) {
	if i >= end {
		return 0, 0
	}
	if !opensLabel(rs[i]) {
		return 0, 0 // most runes open no label
	}
	// A label is followed by its colon: without a colon as far as the
	// longest label reaches, none is here, whichever it would be.
	colon := false
	for k := i + 1; k < min(end, i+recordLabelMax+1) && !colon; k++ {
		colon = rs[k] == '：' || rs[k] == ':'
	}
	if !colon {
		return 0, 0
	}
	for j, l := range recordLabels {
		if recordLabelFirst[j] != rs[i] || !hasAt(rs, i, l.label) {
			continue
		}
		k := i + runeLen(l.label)
		if k < end && (rs[k] == '：' || rs[k] == ':') {
			return l.kind, k + 1
		}
	}
	return 0, 0
}

// opensLabel reports whether a record's label may open with r.
func opensLabel(r rune) bool {
	switch r {
	case '项', '名', '建', '实', '投', '业', '签', '地', '所', '选', '落', '进', '最', '当', '目', '推', '完', '备', '计', '年', '主', '责', '牵', '产', '形', '工', '攻', '本':
		return true
	}
	return false
}

// opensRecordField reports whether a line opens with a record's label
// (建设单位：), which starts a line of its own.
func opensRecordField(line string) bool {
	var buf [8]rune
	if rs := headRunes(line, buf[:1]); len(rs) == 0 || !opensLabel(rs[0]) {
		return false // most lines: no rune decoded past the first
	}
	rs := headRunes(line, buf[:])
	k, _ := labelAt(rs, 0, len(rs))
	return k != 0
}

// recordFields returns the fields of paragraph p, or nil when it is no
// line of a record: the line must open with a label (after its number).
func (d *doc) recordFields(p *para, buf []field) []field {
	rs := d.rs
	i := p.start
	if _, n := sectionMarkerRunes(rs[i:min(p.end, i+12)]); n > 0 {
		i += n
	}
	for i < p.end && rs[i] == ' ' {
		i++
	}
	kind, v := labelAt(rs, i, p.end)
	if kind == 0 {
		return nil
	}
	out := buf[:0]
	for {
		// The value runs to the next label after a separator, or the end.
		next, nv, nk := p.end, 0, fieldKind(0)
		for j := v; j < p.end; j++ {
			switch rs[j] {
			case '；', ';', '，', ',', '。', ' ', '\t':
				if k, w := labelAt(rs, j+1, p.end); k != 0 {
					next, nv, nk = j, w, k
				}
			}
			if nk != 0 {
				break
			}
		}
		a, b := v, next
		for b > a && (isClauseEnd(rs[b-1]) || rs[b-1] == ' ') {
			b--
		}
		for a < b && rs[a] == ' ' {
			a++
		}
		out = append(out, field{kind, a, b})
		if nk == 0 {
			return out
		}
		kind, v = nk, nv
	}
}

// sentenceAt returns the sentence of paragraph p that holds rune i.
func (d *doc) sentenceAt(p *para, i int) int {
	for si := p.first; si < p.lim; si++ {
		if i < d.st.sents[si].end {
			return si
		}
	}
	return p.lim - 1
}

// record reads the fields of one line of a record into rec, which a name
// field starts; it returns the record the next line continues.
func (d *doc) record(p *para, fs []field, rec *record, ctx industryCtx) *record {
	for _, f := range fs {
		if f.b-f.a < 2 {
			continue
		}
		si := d.sentenceAt(p, f.a)
		d.focus = f.a
		switch f.kind {
		case fieldName:
			rec = &record{ctx: ctx}
			if len(fs) < 4 || fs[1].kind != fieldOwner {
				rec.ids = append(rec.ids, d.items(si, seg{f.a, f.b}, f.b, "", ctx, p.planned, false)...)
			}
			// A table's row names its owner in a cell of its own: its
			// name is one project's, whatever firm-like words open it.
			if len(rec.ids) == 0 {
				// A record names a project even when its name has no head
				// word of projects.
				if a, b := d.trimItem(f.a, f.b); b-a >= 3 && b-a <= 30 && d.plausibleName(d.rs[a:b]) {
					w := d.resolveLegal(d.rs[a:b])
					if _, n := d.lx.industry.longest(w, 0, len(w)); n < len(w) {
						id := d.entity(kg.TypeProject, d.runeStr(w))
						d.inIndustry(id, ctx, si, w)
						rec.ids = append(rec.ids, id)
					}
				}
			}
			if h := &d.head; h.stage != "" && len(rec.ids) > 0 && strings.HasPrefix(rec.ids[0], "project/") {
				// A row under a group row of a stage (二、续建项目).
				h.topic, h.stated = rec.ids[0], 0
			}
		case fieldOwner:
			if rec != nil {
				d.recordOwner(rec, si, f)
			}
		case fieldPlace:
			if rec != nil {
				d.recordPlace(rec, si, f)
			}
		case fieldProgress:
			if rec != nil {
				d.recordProgress(rec, p, f)
			}
		case fieldChain:
			if rec != nil {
				d.recordChain(rec, si, f)
			}
		case fieldOther:
			if rec != nil {
				d.recordWhere(rec, si, f)
			}
		}
	}
	return rec
}

// recordOwner reads the owner field: the firms it names own the record's
// projects.
func (d *doc) recordOwner(rec *record, si int, f field) {
	rs := d.rs
	a := f.a
	for i := f.a; i <= f.b; i++ {
		if i < f.b && rs[i] != '、' && rs[i] != '；' && rs[i] != ';' {
			continue
		}
		ia, ib := d.trimItem(a, i)
		a = i + 1
		if ib-ia < 2 {
			continue
		}
		w := d.resolveLegal(rs[ia:ib])
		if !d.firmLike(w) {
			continue
		}
		firm := d.firm(d.runeStr(w))
		d.inIndustry(firm, rec.ctx, si, w)
		for _, id := range rec.ids {
			if id != firm && len(id) > len("project/") && id[:len("project/")] == "project/" {
				d.relate(kg.Relation{Subject: firm, Predicate: kg.PredHasProject, Object: id}, si)
			}
		}
	}
}

// recordPlace reads the place field: the record's projects lie there. In
// this field any short name is a place, whatever its suffix.
func (d *doc) recordPlace(rec *record, si int, f field) {
	rs := d.rs
	a := f.a
	for i := f.a; i <= f.b; i++ {
		if i < f.b && rs[i] != '、' && rs[i] != '，' && rs[i] != ',' {
			continue
		}
		ia, ib := d.trimItem(a, i)
		a = i + 1
		pid := d.placeSpan(ia, ib)
		if pid == "" {
			w := rs[ia:ib]
			if len(w) < 2 || len(w) > 12 || !allHan(w) || !d.plausibleName(w) {
				continue
			}
			if _, n := d.lx.industry.longest(w, 0, len(w)); n == len(w) {
				continue
			}
			pid = d.entity(kg.TypePlace, d.runeStr(w))
		}
		for _, id := range rec.ids {
			d.relate(kg.Relation{Subject: id, Predicate: kg.PredLocatedIn, Object: pid}, si)
		}
	}
}

// recordWhere reads where a field of the record's content says its
// projects are built: 建设内容：项目位于X街道，… or 在X工业园区建设…生产线.
func (d *doc) recordWhere(rec *record, si int, f field) {
	rs := d.rs
	a := f.a
	if hasAt(rs, a, "项目") {
		a += 2
	}
	if a+3 > f.b {
		return
	}
	if has2(rs, a, '位', '于') || has2(rs, a, '选', '址') {
		e := a + 2
		for e < f.b && !isClauseEnd(rs[e]) {
			e++
		}
		d.recordPlace(rec, si, field{fieldPlace, a + 2, e})
		return
	}
	if rs[a] != '在' {
		return
	}
	e := a + 1
	for e < f.b && !isClauseEnd(rs[e]) {
		e++
	}
	if pid, _ := d.placeBefore(a+1, e); pid != "" {
		for _, id := range rec.ids {
			d.relate(kg.Relation{Subject: id, Predicate: kg.PredLocatedIn, Object: pid}, si)
		}
	}
}

// recordProgress reads the progress field: a stage verb with nothing
// before it but adverbs and a few words of its own (已开工, 完成土地摘牌,
// 一期建成投用, 10月竣工投产) is the stage of the record's projects.
func (d *doc) recordProgress(rec *record, p *para, f field) {
	rs := d.rs
	cs := f.a
	for i := f.a; i <= f.b; i++ {
		if i < f.b && !isClauseEnd(rs[i]) {
			continue
		}
		ca, cb := cs, i
		cs = i + 1
		if cb-ca < 2 {
			continue
		}
		si := d.sentenceAt(p, ca)
		planned := p.planned || d.planned(si, ca, cb)
		start, _ := d.stripLead(ca, cb)
		prev := start
		for _, m := range d.lx.stage.scan(rs, start, cb, d.bufs[bufStage][:0]) {
			// Words before the verb: a few runes (主体, 10月, 土地), not a
			// name of its own.
			gap := m.start - prev
			if gap > 4 {
				break
			}
			if m.end < cb && (hasAt(rs, m.end, "企业") || hasAt(rs, m.end, "项目") || hasAt(rs, m.end, "工作")) {
				break // 入驻企业43家: 入驻 is no stage of the project
			}
			stage := stageWords[m.val].stage
			for _, id := range rec.ids {
				d.relate(kg.Relation{Subject: id, Predicate: kg.PredStage, Value: stage, Planned: planned}, si)
			}
			if stageWords[m.val].locates() {
				if pid := d.placeSpan(m.end, cb); pid != "" {
					for _, id := range rec.ids {
						d.relate(kg.Relation{Subject: id, Predicate: kg.PredLocatedIn, Object: pid}, si)
					}
				}
				break
			}
			prev = m.end
			for prev < cb && (rs[prev] == '并' || rs[prev] == '和' || rs[prev] == '、' || rs[prev] == '及') {
				prev++
			}
		}
	}
}

// recordChain reads the chain field (所属产业链：稀土新材料): the record's
// projects are in the industry it names.
func (d *doc) recordChain(rec *record, si int, f field) {
	e := f.a
	for e < f.b && !isClauseEnd(d.rs[e]) {
		e++ // 所属产业链：X；总投资8亿元: a figure written as text is no field
	}
	a, b := d.trimItem(f.a, e)
	w := trimIndustrySuffix(d.rs[a:b])
	// The column names chains: any short name is one (铝及铝后加工), but
	// a park's own works (园区配套) and the rest (其他).
	if len(w) < 2 || len(w) > 12 || !allHan(w) || hasAt(w, len(w)-2, "配套") || hasAt(w, 0, "其他") || hasAt(w, 0, "其它") {
		return
	}
	ref := d.docIndustry(w, nil, si)
	for _, id := range rec.ids {
		if strings.HasPrefix(id, "project/") {
			d.relate(kg.Relation{Subject: id, Predicate: kg.PredInIndustry, Object: ref.id, Confidence: 0.9}, si)
		}
	}
}
