package graph

// Entity resolution across documents. The extractor already makes one entity
// per real thing within a document; across documents the same firm may come
// with a different id (京东方 in one report, 京东方科技集团股份有限公司 in
// another). The rule, applied when a document is loaded:
//
//  1. An incoming entity whose id already exists in the store keeps it.
//  2. Otherwise, for an Enterprise or Organization, every name and alias is
//     reduced to its key with shortName (extract.ShortName: the legal form,
//     generic words, a leading region and a bracketed region stripped);
//     if an entity of the same type already in the store has the same key,
//     the incoming entity takes that entity's id, and its name becomes an
//     alias there. The id first loaded wins.
//  4. A key that is only a place (北京科技 → 北京) is not used: the whole
//     name is the key then.
//  3. Other types (projects, industries, places…) merge by id only: their
//     names are too short and generic for a safe fuzzy rule.

import (
	"strings"
	"unicode/utf8"

	"github.com/kgraph/kg"
	"github.com/kgraph/kg/extract"
)

// genericKeys are short forms too generic to identify a firm: what is left of
// 北京科技 or 中国集团 once the legal and generic words are gone.
var genericKeys = map[string]bool{
	"中国": true, "北京": true, "上海": true, "天津": true, "重庆": true, "深圳": true, "广州": true,
	"杭州": true, "南京": true, "苏州": true, "武汉": true, "成都": true, "西安": true, "合肥": true,
}

// shortName is the key cross-document resolution compares: the extractor's
// short form of a firm's name (京东方科技集团股份有限公司 → 京东方,
// 北京小米科技有限责任公司 → 小米, 施耐德电气（中国）有限公司 → 施耐德电气),
// lower-cased, or the whole name when the short form is only a place.
func shortName(name string) string {
	s := strings.TrimSpace(extract.ShortName(name))
	if s == "" || genericKeys[s] || utf8.RuneCountInString(s) < 2 {
		s = strings.TrimSpace(name)
	}
	return strings.ToLower(s)
}

func resolvable(typ string) bool {
	return typ == kg.TypeEnterprise || typ == kg.TypeOrganization
}

// resolutionKeys are the keys under which an entity can be found by the rule.
func resolutionKeys(e *kg.Entity) []string {
	if !resolvable(e.Type) {
		return nil
	}
	keys := make([]string, 0, 1+len(e.Aliases))
	seen := make(map[string]bool)
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		k := shortName(n)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		keys = append(keys, e.Type+"\x00"+k)
	}
	return keys
}

// resolve rewrites the ids of m's entities that the rule maps onto entities
// already in the index (other than m's own earlier version), and returns the
// mapping applied.
func (x *index) resolve(m *docModel) map[string]string {
	remap := make(map[string]string)
	known := func(id string) bool {
		_, ok := x.entities[id]
		if !ok && x.parent != nil {
			_, ok = x.parent.entities[id]
		}
		return ok
	}
	owner := func(k string) (string, bool) {
		id, ok := x.keys[k]
		if !ok && x.parent != nil {
			id, ok = x.parent.keys[k]
		}
		return id, ok
	}
	for i := range m.entities {
		e := &m.entities[i]
		if known(e.ID) {
			continue
		}
		for _, k := range resolutionKeys(e) {
			if owner, ok := owner(k); ok && owner != e.ID {
				remap[e.ID] = owner
				break
			}
		}
	}
	if len(remap) == 0 {
		return remap
	}
	id := func(s string) string {
		if t, ok := remap[s]; ok {
			return t
		}
		return s
	}
	// Entities that now share an id are joined.
	byID := make(map[string]int)
	out := m.entities[:0]
	for _, e := range m.entities {
		e.ID = id(e.ID)
		if j, ok := byID[e.ID]; ok {
			out[j].Aliases = append(out[j].Aliases, e.Name)
			out[j].Aliases = append(out[j].Aliases, e.Aliases...)
			continue
		}
		byID[e.ID] = len(out)
		out = append(out, e)
	}
	m.entities = out
	for i := range m.relations {
		m.relations[i].Subject = id(m.relations[i].Subject)
		if m.relations[i].Object != "" {
			m.relations[i].Object = id(m.relations[i].Object)
		}
	}
	for i := range m.indicators {
		if m.indicators[i].Subject != "" {
			m.indicators[i].Subject = id(m.indicators[i].Subject)
		}
	}
	normalize(m)
	return remap
}

// stage adds a document's entities and keys to an overlay, where the parent
// index lacks them; the first document staged keeps a key.
func (x *index) stage(m *docModel) {
	for i := range m.entities {
		e := &m.entities[i]
		if x.parent.entity(e.ID) == nil {
			if _, ok := x.entities[e.ID]; !ok {
				x.entities[e.ID] = &merged{entity: *e}
			}
		}
		for _, k := range resolutionKeys(e) {
			if _, ok := x.parent.keys[k]; ok {
				continue
			}
			if _, ok := x.keys[k]; !ok {
				x.keys[k] = e.ID
			}
		}
	}
}
