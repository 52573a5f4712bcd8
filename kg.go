package kg

import "sort"

// Entity types of the ontology.
const (
	TypeEnterprise   = "Enterprise"
	TypeOrganization = "Organization"
	TypeProject      = "Project"
	TypeProduct      = "Product"
	TypeIndustry     = "Industry"
	TypePlace        = "Place"
	TypeDocument     = "Document"
	TypeIndicator    = "Indicator"
)

// Predicates of the ontology.
const (
	PredInIndustry    = "inIndustry"
	PredSubIndustryOf = "subIndustryOf"
	PredHasProject    = "hasProject"
	PredDevelops      = "develops"
	PredStage         = "stage"
	PredLocatedIn     = "locatedIn"
	PredPartOf        = "partOf"
)

// Stages is the canonical stage vocabulary, in pipeline order.
var Stages = []string{"签约", "立项", "拿地", "开工", "在建", "封顶", "竣工", "落地", "入驻", "投产", "运营", "扩产", "揭牌"}

// Document is one ingested document.
type Document struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Year  int    `json:"year,omitempty"`
	// Source is the file name the document was read from, when known.
	Source string `json:"source,omitempty"`
	// Warnings name what was read on a best-effort basis (bytes replaced,
	// no year found…): the document loads, and the user is told.
	Warnings []string `json:"warnings,omitempty"`
	// Text is the normalized text that evidence offsets point into. It is not
	// part of the contract's JSON (which would repeat the whole document).
	Text string `json:"-"`
	// Sentences are the rune spans [start,end) of the sentences of Text,
	// numbered from 0; evidence refers to them by number.
	Sentences []Span `json:"-"`
}

// Span is a half-open rune range of a document's text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Entity is a node of the graph: a firm, organization, project, product,
// industry or place.
type Entity struct {
	ID      string   `json:"id"`
	Type    string   `json:"type"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
	// Attrs carries optional extra attributes (for industries: level,
	// segment, taxonomy code; for firms: the full legal name...).
	Attrs map[string]string `json:"attrs,omitempty"`
}

// Evidence is where a fact was read: a sentence of a document, with rune
// offsets into the document text. Text equals the document text at [Start,End).
type Evidence struct {
	Document string `json:"document"`
	Sentence int    `json:"sentence"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
}

// Relation is an edge subject -predicate-> object, or for the stage predicate
// subject -stage-> Value.
type Relation struct {
	Subject    string  `json:"subject"`
	Predicate  string  `json:"predicate"`
	Object     string  `json:"object,omitempty"`
	Value      string  `json:"value,omitempty"`
	Planned    bool    `json:"planned,omitempty"`
	Confidence float64 `json:"confidence,omitempty"`
	// Inferred is true when the fit was inferred from keywords rather than
	// stated by the document's structure or words.
	Inferred bool       `json:"inferred,omitempty"`
	Year     int        `json:"year,omitempty"`
	Evidence []Evidence `json:"evidence"`
}

// Indicator is a reported figure.
type Indicator struct {
	ID       string     `json:"id"`
	Name     string     `json:"name"`
	Value    float64    `json:"value"`
	Unit     string     `json:"unit"`
	Measure  string     `json:"measure,omitempty"`
	Subject  string     `json:"subject,omitempty"`
	Year     int        `json:"year,omitempty"`
	Evidence []Evidence `json:"evidence"`
}

// Extraction is the contract's JSON object: everything read from one or more
// documents.
type Extraction struct {
	Documents  []Document  `json:"documents"`
	Entities   []Entity    `json:"entities"`
	Relations  []Relation  `json:"relations"`
	Indicators []Indicator `json:"indicators"`
}

// Merge appends other into x, joining entities with the same id (their
// aliases are united) so that the result is one object for all documents.
func (x *Extraction) Merge(other *Extraction) {
	idx := make(map[string]int, len(x.Entities))
	for i, e := range x.Entities {
		idx[e.ID] = i
	}
	for _, e := range other.Entities {
		i, ok := idx[e.ID]
		if !ok {
			idx[e.ID] = len(x.Entities)
			x.Entities = append(x.Entities, e)
			continue
		}
		x.Entities[i].Aliases = unionStrings(x.Entities[i].Aliases, e.Aliases, x.Entities[i].Name)
	}
	x.Documents = append(x.Documents, other.Documents...)
	x.Relations = append(x.Relations, other.Relations...)
	x.Indicators = append(x.Indicators, other.Indicators...)
}

func unionStrings(a, b []string, except string) []string {
	seen := make(map[string]bool, len(a)+len(b))
	out := make([]string, 0, len(a)+len(b))
	for _, s := range append(append([]string{}, a...), b...) {
		if s == except || seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}
