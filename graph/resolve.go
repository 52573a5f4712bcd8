package graph

// Entity resolution across documents. The extractor already makes one entity
// per real thing within a document; across documents the same firm may come
// with a different id (京东方 in one report, 京东方科技集团股份有限公司 in
// another). The rule, applied when a document is loaded:
//
//  1. An incoming entity whose id already exists in the store keeps it.
//  2. Otherwise, for an Enterprise or Organization, every name and alias is
//     reduced to its key with shortName (legal form, 集团/控股/股份 and a
//     leading place name in brackets or a province/city prefix stripped);
//     if an entity of the same type already in the store has the same key,
//     the incoming entity takes that entity's id, and its name becomes an
//     alias there. The id first loaded wins.
//  3. Other types (projects, industries, places…) merge by id only: their
//     names are too short and generic for a safe fuzzy rule.

import (
	"strings"
	"unicode/utf8"

	"github.com/kgraph/kg"
)

// legalSuffixes are stripped repeatedly from the end of a firm's name, longest
// first.
var legalSuffixes = []string{
	"股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "股份公司", "总公司", "分公司", "公司",
	"集团", "控股", "股份", "科技", "技术", "实业", "Co., Ltd.", "Co.,Ltd.", "Ltd.", "Inc.", "Corp.",
}

// placePrefixes are stripped from the start of a firm's name when enough is
// left.
var placePrefixes = []string{
	"中国", "北京市", "北京", "上海市", "上海", "天津市", "天津", "重庆市", "重庆", "深圳市", "深圳",
	"广州市", "广州", "杭州市", "杭州", "南京市", "南京", "苏州市", "苏州", "武汉市", "武汉", "成都市", "成都",
	"西安市", "西安", "合肥市", "合肥",
}

// shortName reduces a firm's name to the key cross-document resolution
// compares: 京东方科技集团股份有限公司 → 京东方, 北京小米科技有限责任公司 →
// 小米, 施耐德电气（中国）有限公司 → 施耐德电气.
func shortName(name string) string {
	s := strings.TrimSpace(name)
	// Parenthesized places: （中国）, (北京).
	for _, p := range [][2]string{{"（", "）"}, {"(", ")"}} {
		for {
			i := strings.Index(s, p[0])
			j := strings.Index(s, p[1])
			if i < 0 || j < i {
				break
			}
			s = s[:i] + s[j+len(p[1]):]
		}
	}
	for changed := true; changed; {
		changed = false
		for _, suf := range legalSuffixes {
			if strings.HasSuffix(s, suf) && utf8.RuneCountInString(s)-utf8.RuneCountInString(suf) >= 2 {
				s = strings.TrimSpace(strings.TrimSuffix(s, suf))
				changed = true
			}
		}
	}
	for _, pre := range placePrefixes {
		if s == pre {
			// Nothing but a place is left (北京科技): too generic a key.
			return strings.ToLower(strings.TrimSpace(name))
		}
		if strings.HasPrefix(s, pre) && utf8.RuneCountInString(s)-utf8.RuneCountInString(pre) >= 2 {
			s = s[len(pre):]
			break
		}
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
