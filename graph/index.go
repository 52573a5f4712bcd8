package graph

// The in-memory index that answers Reader calls. It is derived from the
// quads (decode) and changed only under Store.mu, so that reads never walk
// Cayley's iterators (slow on the kv stores, see cayley-notes) and never see a
// half-loaded document.

import (
	"sort"

	"github.com/kgraph/kg"
)

type relRef struct {
	doc string
	rel *kg.Relation
}

type index struct {
	docs map[string]*docModel
	// entities is the merged view of every document's contributions.
	entities map[string]*kg.Entity
	// mentions lists, per entity id, the documents contributing it.
	mentions map[string]map[string]bool
	// rels lists, per entity id, the relations touching it.
	rels map[string][]relRef
	// keys maps a resolution key (see resolve.go) to the entity id owning it.
	keys map[string]string
	// parent, when set, is consulted by resolve for what keys and entities
	// lack (an overlay of documents staged in one transaction).
	parent *index
}

func newIndex() *index {
	return &index{
		docs:     make(map[string]*docModel),
		entities: make(map[string]*kg.Entity),
		mentions: make(map[string]map[string]bool),
		rels:     make(map[string][]relRef),
		keys:     make(map[string]string),
	}
}

// touched returns the entity ids a document contributes or relates.
func (m *docModel) touched() map[string]bool {
	ids := make(map[string]bool)
	for _, e := range m.entities {
		ids[e.ID] = true
	}
	for _, r := range m.relations {
		ids[r.Subject] = true
		if r.Object != "" {
			ids[r.Object] = true
		}
	}
	return ids
}

// put adds or replaces one document.
func (x *index) put(m *docModel) {
	affected := m.touched()
	if old, ok := x.docs[m.doc.ID]; ok {
		for id := range old.touched() {
			affected[id] = true
		}
		x.unlink(old)
	}
	x.docs[m.doc.ID] = m
	for _, e := range m.entities {
		if x.mentions[e.ID] == nil {
			x.mentions[e.ID] = make(map[string]bool)
		}
		x.mentions[e.ID][m.doc.ID] = true
	}
	for i := range m.relations {
		r := &m.relations[i]
		x.rels[r.Subject] = append(x.rels[r.Subject], relRef{m.doc.ID, r})
		if r.Object != "" && r.Object != r.Subject {
			x.rels[r.Object] = append(x.rels[r.Object], relRef{m.doc.ID, r})
		}
	}
	x.remerge(affected)
}

// remove drops one document.
func (x *index) remove(doc string) {
	old, ok := x.docs[doc]
	if !ok {
		return
	}
	x.unlink(old)
	delete(x.docs, doc)
	x.remerge(old.touched())
}

func (x *index) unlink(m *docModel) {
	for _, e := range m.entities {
		delete(x.mentions[e.ID], m.doc.ID)
		if len(x.mentions[e.ID]) == 0 {
			delete(x.mentions, e.ID)
		}
	}
	for id := range m.touched() {
		refs := x.rels[id][:0:0]
		for _, r := range x.rels[id] {
			if r.doc != m.doc.ID {
				refs = append(refs, r)
			}
		}
		if len(refs) == 0 {
			delete(x.rels, id)
		} else {
			x.rels[id] = refs
		}
	}
}

// remerge recomputes the merged view of some entities from the documents
// that still mention them: the name and type come from the document with the
// smallest id whose name matches the id (else the smallest id), aliases are
// the union of every name and alias, attributes are merged with the same
// precedence.
func (x *index) remerge(set map[string]bool) {
	// In id order, so that which entity owns a shared resolution key does
	// not depend on map iteration.
	ids := make([]string, 0, len(set))
	for id := range set {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if old, ok := x.entities[id]; ok {
			for _, k := range resolutionKeys(old) {
				if x.keys[k] == id {
					delete(x.keys, k)
				}
			}
			delete(x.entities, id)
		}
		docs := make([]string, 0, len(x.mentions[id]))
		for d := range x.mentions[id] {
			docs = append(docs, d)
		}
		if len(docs) == 0 {
			continue
		}
		sort.Strings(docs)
		var contrib []kg.Entity
		for _, d := range docs {
			for _, e := range x.docs[d].entities {
				if e.ID == id {
					contrib = append(contrib, e)
				}
			}
		}
		sort.SliceStable(contrib, func(i, j int) bool {
			return idName(id) == contrib[i].Name && idName(id) != contrib[j].Name
		})
		merged := kg.Entity{ID: id, Type: contrib[0].Type, Name: contrib[0].Name}
		var names []string
		for _, c := range contrib {
			names = append(names, c.Name)
			names = append(names, c.Aliases...)
			for k, v := range c.Attrs {
				if merged.Attrs == nil {
					merged.Attrs = make(map[string]string)
				}
				if _, ok := merged.Attrs[k]; !ok {
					merged.Attrs[k] = v
				}
			}
		}
		merged.Aliases = sortedSet(names, merged.Name)
		x.entities[id] = &merged
		for _, k := range resolutionKeys(&merged) {
			if _, taken := x.keys[k]; !taken {
				x.keys[k] = id
			}
		}
	}
}

// idName is the name part of an id like "enterprise/京东方".
func idName(id string) string {
	for i := len(id) - 1; i >= 0; i-- {
		if id[i] == '/' {
			return id[i+1:]
		}
	}
	return id
}

func copyEntity(e *kg.Entity) kg.Entity {
	c := *e
	c.Aliases = append([]string{}, e.Aliases...)
	if e.Attrs != nil {
		c.Attrs = make(map[string]string, len(e.Attrs))
		for k, v := range e.Attrs {
			c.Attrs[k] = v
		}
	}
	return c
}

func copyRelation(r *kg.Relation) kg.Relation {
	c := *r
	c.Evidence = append([]kg.Evidence{}, r.Evidence...)
	return c
}
