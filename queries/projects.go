package queries

import (
	"context"
	"sort"
	"strings"

	"github.com/kgraph/kg"
)

// ProjectParams filter the project pipeline; they combine.
type ProjectParams struct {
	Stage    string // latest stage
	Industry string // industry id or name: projects in it (or owned by a firm in it)
	Year     int    // projects with a stage reported for that year
	Place    string // place id or name
	Limit    int
}

// StageEvent is one reported stage of a project in one document.
type StageEvent struct {
	Stage    string        `json:"stage"`
	Year     int           `json:"year,omitempty"`
	Document string        `json:"document"`
	Planned  bool          `json:"planned"`
	Evidence []kg.Evidence `json:"evidence"`
}

// ProjectView is a project in the pipeline.
type ProjectView struct {
	Entity     kg.Entity    `json:"entity"`
	Owner      *Ref         `json:"owner,omitempty"`
	Stage      string       `json:"stage"`
	Planned    bool         `json:"planned"`
	Year       int          `json:"year,omitempty"`
	History    []StageEvent `json:"history"`
	Industries []Ref        `json:"industries"`
	Places     []Ref        `json:"places"`
}

// Pipeline is the answer of Projects.
type Pipeline struct {
	Stages    []string      `json:"stages"`
	Projects  []ProjectView `json:"projects"`
	Truncated bool          `json:"truncated"`
}

// Project pipeline limits.
const (
	DefaultProjectLimit = 1000
	MaxProjectLimit     = 20000
)

// Projects returns the project pipeline: projects ordered by their latest
// stage along kg.Stages, each with its stage history across documents.
func (s *Service) Projects(ctx context.Context, p ProjectParams) (*Pipeline, error) {
	ix, err := s.index(ctx)
	if err != nil {
		return nil, err
	}
	limit, err := clampLimit(p.Limit, DefaultProjectLimit, MaxProjectLimit)
	if err != nil {
		return nil, err
	}
	if p.Stage != "" && stageRank(p.Stage) < 0 {
		return nil, kg.Errorf(kg.EInvalid, "unknown stage %q (one of %s)", p.Stage, strings.Join(kg.Stages, " "))
	}
	var members map[string]bool
	if p.Industry != "" {
		ind, err := ix.resolve(p.Industry, kg.TypeIndustry)
		if err != nil {
			return nil, err
		}
		members = ix.fits(ind, true).memberSet()
	}
	var within map[string]bool
	if p.Place != "" {
		pl, err := ix.resolve(p.Place, kg.TypePlace)
		if err != nil {
			return nil, err
		}
		within = ix.placesWithin(pl)
	}
	out := &Pipeline{Stages: kg.Stages, Projects: []ProjectView{}}
	for _, v := range ix.allProjects() {
		if members != nil && !members[v.Entity.ID] {
			continue
		}
		if within != nil && !ix.projectIn(ix.nodes[v.Entity.ID], within) {
			continue
		}
		if p.Stage != "" && v.Stage != p.Stage {
			continue
		}
		if p.Year != 0 && !hasYear(v.History, p.Year) {
			continue
		}
		if len(out.Projects) == limit {
			out.Truncated = true
			break
		}
		out.Projects = append(out.Projects, v)
	}
	return out, nil
}

// allProjects is every project's view in pipeline order, computed once per
// index.
func (ix *index) allProjects() []ProjectView {
	ix.projectsOnce.Do(func() {
		for _, n := range ix.order {
			if n.Type == kg.TypeProject {
				ix.projects = append(ix.projects, ix.projectView(n))
			}
		}
		sort.SliceStable(ix.projects, func(i, j int) bool {
			a, b := ix.projects[i], ix.projects[j]
			if ra, rb := stageRank(a.Stage), stageRank(b.Stage); ra != rb {
				return ra < rb
			}
			return a.Entity.Name < b.Entity.Name
		})
	})
	return ix.projects
}

func hasYear(h []StageEvent, y int) bool {
	for _, e := range h {
		if e.Year == y {
			return true
		}
	}
	return false
}

// projectIn tells whether a project, or its owner, is located in places.
func (ix *index) projectIn(n *node, places map[string]bool) bool {
	if ix.locatedIn(n, places) {
		return true
	}
	for _, r := range n.in {
		if r.Predicate == kg.PredHasProject && ix.locatedIn(ix.nodes[r.Subject], places) {
			return true
		}
	}
	return false
}

func (ix *index) projectView(n *node) ProjectView {
	v := ProjectView{Entity: n.Entity, History: []StageEvent{}, Industries: []Ref{}, Places: []Ref{}}
	for _, r := range n.in {
		if r.Predicate == kg.PredHasProject && v.Owner == nil {
			o := ix.nodes[r.Subject].ref()
			v.Owner = &o
		}
	}
	for _, r := range n.out {
		switch r.Predicate {
		case kg.PredInIndustry:
			v.Industries = append(v.Industries, Ref{ID: r.Object, Name: ix.nodes[r.Object].Name})
		case kg.PredLocatedIn:
			v.Places = append(v.Places, Ref{ID: r.Object, Name: ix.nodes[r.Object].Name})
		case kg.PredStage:
			byDoc := map[string][]kg.Evidence{}
			var docs []string
			for _, ev := range r.Evidence {
				if _, ok := byDoc[ev.Document]; !ok {
					docs = append(docs, ev.Document)
				}
				byDoc[ev.Document] = append(byDoc[ev.Document], ev)
			}
			for _, d := range docs {
				y := r.Year
				if y == 0 {
					y = ix.docByID[d].Year
				}
				v.History = append(v.History, StageEvent{Stage: r.Value, Year: y, Document: d, Planned: r.Planned, Evidence: byDoc[d]})
			}
			if len(docs) == 0 {
				v.History = append(v.History, StageEvent{Stage: r.Value, Year: r.Year, Planned: r.Planned, Evidence: []kg.Evidence{}})
			}
		}
	}
	sort.SliceStable(v.History, func(i, j int) bool {
		a, b := v.History[i], v.History[j]
		if a.Year != b.Year {
			return a.Year < b.Year
		}
		if a.Planned != b.Planned {
			return !a.Planned
		}
		return stageRank(a.Stage) < stageRank(b.Stage)
	})
	if st, ok := ix.latestStage(n); ok {
		v.Stage, v.Planned, v.Year = st.Value, st.Planned, ix.relYear(st)
	}
	return v
}

// IndicatorParams filter indicators.
type IndicatorParams struct {
	Document string // exact document id
	Name     string // substring of the indicator's name
	Subject  string // subject entity id
	Limit    int
}

// Indicators lists reported figures.
func (s *Service) Indicators(ctx context.Context, p IndicatorParams) ([]kg.Indicator, error) {
	ix, err := s.index(ctx)
	if err != nil {
		return nil, err
	}
	limit, err := clampLimit(p.Limit, 1000, 100000)
	if err != nil {
		return nil, err
	}
	if p.Document != "" {
		if _, ok := ix.docByID[p.Document]; !ok {
			return nil, kg.Errorf(kg.ENotFound, "no document %q", p.Document)
		}
	}
	q := norm(p.Name)
	out := []kg.Indicator{}
	for _, in := range ix.indicators {
		if p.Document != "" && !indicatorIn(in, p.Document) {
			continue
		}
		if q != "" && !strings.Contains(norm(in.Name), q) {
			continue
		}
		if p.Subject != "" && in.Subject != p.Subject {
			continue
		}
		if in.Evidence == nil {
			in.Evidence = []kg.Evidence{}
		}
		out = append(out, in)
		if len(out) == limit {
			break
		}
	}
	return out, nil
}

func indicatorIn(in kg.Indicator, doc string) bool {
	for _, ev := range in.Evidence {
		if ev.Document == doc {
			return true
		}
	}
	return strings.HasPrefix(in.ID, "indicator/"+doc+"/")
}

// DocumentSummary is a document with what it contributed.
type DocumentSummary struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Year      int    `json:"year,omitempty"`
	Source    string `json:"source,omitempty"`
	Entities  int    `json:"entities"`
	Relations int    `json:"relations"`
}

// Documents lists the documents with the number of entities and relations
// each mentions.
func (s *Service) Documents(ctx context.Context) ([]DocumentSummary, error) {
	ix, err := s.index(ctx)
	if err != nil {
		return nil, err
	}
	ix.docsOnce.Do(func() {
		ents := map[string]int{}
		rels := map[string]int{}
		for _, n := range ix.order {
			for d := range n.documents() {
				ents[d]++
			}
			for _, r := range n.out {
				seen := map[string]bool{}
				for _, ev := range r.Evidence {
					if !seen[ev.Document] {
						seen[ev.Document] = true
						rels[ev.Document]++
					}
				}
			}
		}
		ix.docSummaries = make([]DocumentSummary, 0, len(ix.docs))
		for _, d := range ix.docs {
			ix.docSummaries = append(ix.docSummaries, DocumentSummary{ID: d.ID, Title: d.Title, Year: d.Year, Source: d.Source,
				Entities: ents[d.ID], Relations: rels[d.ID]})
		}
	})
	return ix.docSummaries, nil
}

// Document returns one document with its text.
func (s *Service) Document(ctx context.Context, id string) (kg.Document, error) {
	return s.r.Document(ctx, id)
}
