package graph

// The mapping between the domain (kg.Document, kg.Extraction) and quads. See
// doc.go for the vocabulary and a worked example. encode and decode are
// inverses: decode(encode(d)) == d for a normalized docModel, which is what
// lets the store rebuild its index from the quads alone.

import (
	"fmt"
	"hash/fnv"
	"sort"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/kgraph/kg"
)

// Namespaces.
const (
	// Base is the IRI every node of the product starts with.
	Base   = "https://kgraph.github.io/"
	nsKG   = Base + "ns#"
	nsID   = Base + "id/"
	nsDoc  = Base + "doc/"
	nsRDF  = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	nsRDFS = "http://www.w3.org/2000/01/rdf-schema#"
	nsSKOS = "http://www.w3.org/2004/02/skos/core#"
	nsPROV = "http://www.w3.org/ns/prov#"
	nsDCT  = "http://purl.org/dc/terms/"
)

// Vocabulary.
var (
	pType       = quad.IRI(nsRDF + "type")
	pLabel      = quad.IRI(nsRDFS + "label")
	pAltLabel   = quad.IRI(nsSKOS + "altLabel")
	pBroader    = quad.IRI(nsSKOS + "broader")
	pSubject    = quad.IRI(nsRDF + "subject")
	pPredicate  = quad.IRI(nsRDF + "predicate")
	pObject     = quad.IRI(nsRDF + "object")
	pDerived    = quad.IRI(nsPROV + "wasDerivedFrom")
	pQuoted     = quad.IRI(nsPROV + "wasQuotedFrom")
	pTitle      = quad.IRI(nsDCT + "title")
	pSource     = quad.IRI(nsDCT + "source")
	pPartOf     = quad.IRI(nsDCT + "isPartOf")
	pText       = quad.IRI(nsKG + "text")
	pYear       = quad.IRI(nsKG + "year")
	pStart      = quad.IRI(nsKG + "start")
	pEnd        = quad.IRI(nsKG + "end")
	pConfidence = quad.IRI(nsKG + "confidence")
	pPlanned    = quad.IRI(nsKG + "planned")
	pInferred   = quad.IRI(nsKG + "inferred")
	pValue      = quad.IRI(nsKG + "value")
	pUnit       = quad.IRI(nsKG + "unit")
	pMeasure    = quad.IRI(nsKG + "measure")
	pAbout      = quad.IRI(nsKG + "subject")
	attrPrefix  = nsKG + "attr_"
)

func typeIRI(t string) quad.IRI { return quad.IRI(nsKG + t) }

// predIRI maps a domain predicate to its IRI: the taxonomy edge is
// skos:broader, the others live in the product's namespace.
func predIRI(p string) quad.IRI {
	if p == kg.PredSubIndustryOf {
		return pBroader
	}
	return quad.IRI(nsKG + escape(p, false))
}

func predName(v quad.IRI) string {
	if v == pBroader {
		return kg.PredSubIndustryOf
	}
	return unescape(strings.TrimPrefix(string(v), nsKG))
}

func entityIRI(id string) quad.IRI { return quad.IRI(nsID + escape(id, true)) }

// entityID returns the id of an entity IRI, or false.
func entityID(v quad.Value) (string, bool) {
	i, ok := v.(quad.IRI)
	if !ok || !strings.HasPrefix(string(i), nsID) {
		return "", false
	}
	return unescape(string(i[len(nsID):])), true
}

func docIRI(id string) quad.IRI { return quad.IRI(nsDoc + escape(id, false)) }

func sentenceIRI(doc string, n int) quad.IRI {
	return quad.IRI(nsDoc + escape(doc, false) + "/s/" + strconv.Itoa(n))
}

func evidenceIRI(e kg.Evidence) quad.IRI {
	return quad.IRI(string(sentenceIRI(e.Document, e.Sentence)) + "/" + strconv.Itoa(e.Start) + "-" + strconv.Itoa(e.End))
}

// labelDoc returns the document id of a quad label (a document or one of its
// sentences) and the sentence number (-1 for the document itself).
func labelDoc(v quad.Value) (doc string, sentence int, ok bool) {
	i, isIRI := v.(quad.IRI)
	if !isIRI || !strings.HasPrefix(string(i), nsDoc) {
		return "", 0, false
	}
	rest := string(i[len(nsDoc):])
	j := strings.Index(rest, "/s/")
	if j < 0 {
		if strings.Contains(rest, "/") {
			return "", 0, false
		}
		return unescape(rest), -1, true
	}
	n, err := strconv.Atoi(rest[j+3:])
	if err != nil {
		return "", 0, false
	}
	return unescape(rest[:j]), n, true
}

// escape percent-encodes what may not appear in an IRI (and "/" when
// keepSlash is false, so that a document id is one path segment). Chinese
// stays as it is.
func escape(s string, keepSlash bool) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= 0x20 || c == 0x7f || strings.IndexByte("<>\"{}|^`\\%#?", c) >= 0 || (c == '/' && !keepSlash) {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

func unescape(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) {
			if n, err := strconv.ParseUint(s[i+1:i+3], 16, 8); err == nil {
				b.WriteByte(byte(n))
				i += 2
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// docModel is one document's share of the graph, normalized: entities sorted
// by id, relations by (subject, predicate, object, value), evidence by
// position, aliases sorted, empty lists non-nil. The document's Text is not
// kept (it is read from the store when asked for).
type docModel struct {
	doc        kg.Document
	entities   []kg.Entity
	relations  []kg.Relation
	indicators []kg.Indicator
}

func normalize(m *docModel) {
	if m.entities == nil {
		m.entities = []kg.Entity{}
	}
	if m.relations == nil {
		m.relations = []kg.Relation{}
	}
	if m.indicators == nil {
		m.indicators = []kg.Indicator{}
	}
	sort.Slice(m.entities, func(i, j int) bool { return m.entities[i].ID < m.entities[j].ID })
	for i := range m.entities {
		e := &m.entities[i]
		e.Aliases = sortedSet(e.Aliases, e.Name)
		if len(e.Attrs) == 0 {
			e.Attrs = nil
		}
	}
	for i := range m.relations {
		sortEvidence(m.relations[i].Evidence)
	}
	sort.SliceStable(m.relations, func(i, j int) bool { return relLess(&m.relations[i], &m.relations[j]) })
	for i := range m.indicators {
		sortEvidence(m.indicators[i].Evidence)
	}
	sort.Slice(m.indicators, func(i, j int) bool { return naturalLess(m.indicators[i].ID, m.indicators[j].ID) })
}

func relLess(a, b *kg.Relation) bool {
	if a.Subject != b.Subject {
		return a.Subject < b.Subject
	}
	if a.Predicate != b.Predicate {
		return a.Predicate < b.Predicate
	}
	if a.Object != b.Object {
		return a.Object < b.Object
	}
	if a.Value != b.Value {
		return a.Value < b.Value
	}
	if a.Planned != b.Planned {
		return !a.Planned
	}
	return evLess(a.Evidence, b.Evidence)
}

func evLess(a, b []kg.Evidence) bool {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return evidenceLess(a[i], b[i])
		}
	}
	return len(a) < len(b)
}

func evidenceLess(a, b kg.Evidence) bool {
	if a.Document != b.Document {
		return a.Document < b.Document
	}
	if a.Sentence != b.Sentence {
		return a.Sentence < b.Sentence
	}
	if a.Start != b.Start {
		return a.Start < b.Start
	}
	return a.End < b.End
}

func sortEvidence(ev []kg.Evidence) {
	sort.Slice(ev, func(i, j int) bool { return evidenceLess(ev[i], ev[j]) })
}

// naturalLess orders "indicator/x/2" before "indicator/x/10".
func naturalLess(a, b string) bool {
	if len(a) != len(b) {
		pa, pb := strings.LastIndexByte(a, '/'), strings.LastIndexByte(b, '/')
		if pa == pb && a[:pa+1] == b[:pb+1] {
			return len(a) < len(b)
		}
	}
	return a < b
}

func sortedSet(in []string, except string) []string {
	out := make([]string, 0, len(in))
	seen := make(map[string]bool, len(in))
	for _, s := range in {
		if s == "" || s == except || seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// statementIRI names the reified statement of a relation: stable for the same
// fact, distinct for repeated facts (k counts them).
func statementIRI(doc string, r *kg.Relation, k int) quad.IRI {
	h := fnv.New64a()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%t", r.Subject, r.Predicate, r.Object, r.Value, r.Planned)
	s := string(docIRI(doc)) + "/r/" + strconv.FormatUint(h.Sum64(), 16)
	if k > 0 {
		s += "." + strconv.Itoa(k)
	}
	return quad.IRI(s)
}

// quadSet collects quads without duplicates, in the order first added.
type quadSet struct {
	seen map[quad.Quad]struct{}
	list []quad.Quad
}

func (s *quadSet) add(sub, pred, obj, label quad.Value) {
	q := quad.Quad{Subject: sub, Predicate: pred, Object: obj, Label: label}
	if s.seen == nil {
		s.seen = make(map[quad.Quad]struct{})
	}
	if _, ok := s.seen[q]; ok {
		return
	}
	s.seen[q] = struct{}{}
	s.list = append(s.list, q)
}

// encode turns one document's model into quads. text is the document text
// (stored on the document node); it may be "" when only the other quads are
// wanted.
func encode(m *docModel, text string) []quad.Quad {
	var s quadSet
	d := m.doc
	dn := docIRI(d.ID)
	s.add(dn, pType, typeIRI(kg.TypeDocument), dn)
	s.add(dn, pTitle, quad.String(d.Title), dn)
	if d.Year != 0 {
		s.add(dn, pYear, quad.Int(d.Year), dn)
	}
	if d.Source != "" {
		s.add(dn, pSource, quad.String(d.Source), dn)
	}
	if text != "" {
		s.add(dn, pText, quad.String(text), dn)
	}
	for i, sp := range d.Sentences {
		sn := sentenceIRI(d.ID, i)
		s.add(sn, pPartOf, dn, dn)
		s.add(sn, pStart, quad.Int(sp.Start), dn)
		s.add(sn, pEnd, quad.Int(sp.End), dn)
	}
	for _, e := range m.entities {
		en := entityIRI(e.ID)
		s.add(en, pType, typeIRI(e.Type), dn)
		s.add(en, pLabel, quad.String(e.Name), dn)
		for _, a := range e.Aliases {
			s.add(en, pAltLabel, quad.String(a), dn)
		}
		keys := make([]string, 0, len(e.Attrs))
		for k := range e.Attrs {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			s.add(en, quad.IRI(attrPrefix+escape(k, false)), quad.String(e.Attrs[k]), dn)
		}
	}
	evidence := func(node quad.IRI, ev []kg.Evidence) {
		for _, e := range ev {
			en := evidenceIRI(e)
			s.add(node, pDerived, en, dn)
			s.add(en, pQuoted, sentenceIRI(e.Document, e.Sentence), dn)
			s.add(en, pStart, quad.Int(e.Start), dn)
			s.add(en, pEnd, quad.Int(e.End), dn)
			s.add(en, pText, quad.String(e.Text), dn)
		}
	}
	seen := make(map[quad.IRI]int)
	for i := range m.relations {
		r := &m.relations[i]
		sub, pred := entityIRI(r.Subject), predIRI(r.Predicate)
		var obj quad.Value = quad.String(r.Value)
		if r.Object != "" {
			obj = entityIRI(r.Object)
		}
		// The fact itself, once per sentence it was read from.
		if len(r.Evidence) == 0 {
			s.add(sub, pred, obj, dn)
		}
		for _, e := range r.Evidence {
			s.add(sub, pred, obj, sentenceIRI(e.Document, e.Sentence))
		}
		// Its reification, holding what a plain quad cannot.
		k0 := statementIRI(d.ID, r, 0)
		st := statementIRI(d.ID, r, seen[k0])
		seen[k0]++
		s.add(st, pSubject, sub, dn)
		s.add(st, pPredicate, pred, dn)
		s.add(st, pObject, obj, dn)
		if r.Confidence != 0 {
			s.add(st, pConfidence, quad.Float(r.Confidence), dn)
		}
		if r.Planned {
			s.add(st, pPlanned, quad.Bool(true), dn)
		}
		if r.Inferred {
			s.add(st, pInferred, quad.Bool(true), dn)
		}
		// A relation's year is most often its document's: written only
		// where it differs.
		if r.Year != d.Year {
			s.add(st, pYear, quad.Int(r.Year), dn)
		}
		evidence(st, r.Evidence)
	}
	for _, in := range m.indicators {
		n := entityIRI(in.ID)
		s.add(n, pType, typeIRI(kg.TypeIndicator), dn)
		s.add(n, pLabel, quad.String(in.Name), dn)
		s.add(n, pValue, quad.Float(in.Value), dn)
		s.add(n, pUnit, quad.String(in.Unit), dn)
		if in.Measure != "" {
			s.add(n, pMeasure, quad.String(in.Measure), dn)
		}
		if in.Subject != "" {
			s.add(n, pAbout, entityIRI(in.Subject), dn)
		}
		if in.Year != 0 {
			s.add(n, pYear, quad.Int(in.Year), dn)
		}
		evidence(n, in.Evidence)
	}
	return s.list
}

// decode rebuilds one document's model from its quads (those labelled with
// the document or one of its sentences). The document text is returned
// separately.
func decode(docID string, quads []quad.Quad) (*docModel, string) {
	dn := docIRI(docID)
	bySubject := make(map[quad.Value][]quad.Quad)
	var order []quad.Value
	for _, q := range quads {
		if _, ok := bySubject[q.Subject]; !ok {
			order = append(order, q.Subject)
		}
		bySubject[q.Subject] = append(bySubject[q.Subject], q)
	}
	m := &docModel{doc: kg.Document{ID: docID}}
	var text string
	type evNode struct {
		start, end int
		text       string
		sentence   int
	}
	evidence := func(v quad.Value) (kg.Evidence, bool) {
		var e kg.Evidence
		qs, ok := bySubject[v]
		if !ok {
			return e, false
		}
		for _, q := range qs {
			switch q.Predicate {
			case pQuoted:
				doc, n, ok := labelDoc(q.Object)
				if ok {
					e.Document, e.Sentence = doc, n
				}
			case pStart:
				e.Start = intOf(q.Object)
			case pEnd:
				e.End = intOf(q.Object)
			case pText:
				e.Text = stringOf(q.Object)
			}
		}
		return e, true
	}
	sentences := make(map[int]kg.Span)
	var statements []int
	for _, sub := range order {
		qs := bySubject[sub]
		switch {
		case sub == dn:
			for _, q := range qs {
				switch q.Predicate {
				case pTitle:
					m.doc.Title = stringOf(q.Object)
				case pYear:
					m.doc.Year = intOf(q.Object)
				case pSource:
					m.doc.Source = stringOf(q.Object)
				case pText:
					text = stringOf(q.Object)
				}
			}
		case isStatement(sub, dn):
			r := kg.Relation{Evidence: []kg.Evidence{}, Year: -1}
			for _, q := range qs {
				switch q.Predicate {
				case pSubject:
					r.Subject, _ = entityID(q.Object)
				case pPredicate:
					if p, ok := q.Object.(quad.IRI); ok {
						r.Predicate = predName(p)
					}
				case pObject:
					if id, ok := entityID(q.Object); ok {
						r.Object = id
					} else {
						r.Value = stringOf(q.Object)
					}
				case pConfidence:
					r.Confidence = floatOf(q.Object)
				case pPlanned:
					r.Planned = boolOf(q.Object)
				case pInferred:
					r.Inferred = boolOf(q.Object)
				case pYear:
					r.Year = intOf(q.Object)
				case pDerived:
					if e, ok := evidence(q.Object); ok {
						r.Evidence = append(r.Evidence, e)
					}
				}
			}
			statements = append(statements, len(m.relations))
			m.relations = append(m.relations, r)
		default:
			if _, ok := entityID(sub); ok {
				decodeNode(m, sub, qs, evidence)
				continue
			}
			if doc, n, ok := labelDoc(sub); ok && doc == docID && n >= 0 {
				var sp kg.Span
				for _, q := range qs {
					switch q.Predicate {
					case pStart:
						sp.Start = intOf(q.Object)
					case pEnd:
						sp.End = intOf(q.Object)
					}
				}
				sentences[n] = sp
			}
		}
	}
	for _, i := range statements {
		if m.relations[i].Year == -1 {
			m.relations[i].Year = m.doc.Year
		}
	}
	m.doc.Sentences = make([]kg.Span, len(sentences))
	for n, sp := range sentences {
		if n < len(m.doc.Sentences) {
			m.doc.Sentences[n] = sp
		}
	}
	if len(m.doc.Sentences) == 0 {
		m.doc.Sentences = nil
	}
	normalize(m)
	return m, text
}

// isStatement tells a reified statement by its IRI: <doc>/r/….
func isStatement(sub quad.Value, doc quad.IRI) bool {
	i, ok := sub.(quad.IRI)
	return ok && strings.HasPrefix(string(i), string(doc)+"/r/")
}

// decodeNode reads an entity contribution or an indicator. Fact quads (the
// domain predicates) are skipped: the statements carry them.
func decodeNode(m *docModel, sub quad.Value, qs []quad.Quad, evidence func(quad.Value) (kg.Evidence, bool)) {
	id, _ := entityID(sub)
	var typ string
	for _, q := range qs {
		if q.Predicate == pType {
			if t, ok := q.Object.(quad.IRI); ok && strings.HasPrefix(string(t), nsKG) {
				typ = string(t[len(nsKG):])
			}
		}
	}
	switch typ {
	case "":
		return
	case kg.TypeIndicator:
		in := kg.Indicator{ID: id, Evidence: []kg.Evidence{}}
		for _, q := range qs {
			switch q.Predicate {
			case pLabel:
				in.Name = stringOf(q.Object)
			case pValue:
				in.Value = floatOf(q.Object)
			case pUnit:
				in.Unit = stringOf(q.Object)
			case pMeasure:
				in.Measure = stringOf(q.Object)
			case pAbout:
				in.Subject, _ = entityID(q.Object)
			case pYear:
				in.Year = intOf(q.Object)
			case pDerived:
				if e, ok := evidence(q.Object); ok {
					in.Evidence = append(in.Evidence, e)
				}
			}
		}
		m.indicators = append(m.indicators, in)
	default:
		e := kg.Entity{ID: id, Type: typ, Aliases: []string{}}
		for _, q := range qs {
			switch {
			case q.Predicate == pLabel:
				e.Name = stringOf(q.Object)
			case q.Predicate == pAltLabel:
				e.Aliases = append(e.Aliases, stringOf(q.Object))
			case strings.HasPrefix(string(iriOf(q.Predicate)), attrPrefix):
				if e.Attrs == nil {
					e.Attrs = make(map[string]string)
				}
				e.Attrs[unescape(string(iriOf(q.Predicate))[len(attrPrefix):])] = stringOf(q.Object)
			}
		}
		m.entities = append(m.entities, e)
	}
}

func iriOf(v quad.Value) quad.IRI {
	i, _ := v.(quad.IRI)
	return i
}

func stringOf(v quad.Value) string {
	switch x := v.(type) {
	case quad.String:
		return string(x)
	case nil:
		return ""
	}
	if n := quad.NativeOf(v); n != nil {
		if s, ok := n.(string); ok {
			return s
		}
	}
	return v.String()
}

func intOf(v quad.Value) int {
	switch x := v.(type) {
	case quad.Int:
		return int(x)
	case quad.Float:
		return int(x)
	case quad.String:
		n, _ := strconv.Atoi(string(x))
		return n
	case quad.TypedString:
		if n, err := x.ParseValue(); err == nil {
			return intOf(n)
		}
	}
	return 0
}

func floatOf(v quad.Value) float64 {
	switch x := v.(type) {
	case quad.Float:
		return float64(x)
	case quad.Int:
		return float64(x)
	case quad.TypedString:
		if n, err := x.ParseValue(); err == nil {
			return floatOf(n)
		}
	}
	return 0
}

func boolOf(v quad.Value) bool {
	switch x := v.(type) {
	case quad.Bool:
		return bool(x)
	case quad.TypedString:
		if n, err := x.ParseValue(); err == nil {
			return boolOf(n)
		}
	}
	return false
}
