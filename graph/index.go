package graph

// The in-memory index that answers Reader calls. It is derived from the
// quads (decode) and changed only under Store.mu, so that reads never walk
// Cayley's iterators (slow on the kv stores, see cayley-notes) and never see a
// half-loaded document. Adding a document costs in proportion to that
// document, not to how many others mention the same entities: an industry
// named by ten thousand reports is merged incrementally.

import (
	"slices"
	"sort"
	"strings"

	"github.com/kgraph/kg"
)

type relRef struct {
	doc string
	rel *kg.Relation
}

// merged is one entity's merged view and what it is made of. Most
// entities are named by one document: their parts are short lists, not
// maps (two maps an entity were a gigabyte at 10,000 reports).
type merged struct {
	entity kg.Entity
	// winner is the document whose contribution names the entity.
	winner string
	// contrib holds each document's contribution, one per document.
	contrib []contribution
	// names counts, for every name and alias, the contributions using it.
	names []nameCount
}

type contribution struct {
	doc string
	e   *kg.Entity
}

type nameCount struct {
	name string
	n    int
}

// of returns doc's contribution, or nil.
func (me *merged) of(doc string) *kg.Entity {
	for _, c := range me.contrib {
		if c.doc == doc {
			return c.e
		}
	}
	return nil
}

// count adds d to the count of name, dropping it at zero.
func (me *merged) count(name string, d int) {
	for i := range me.names {
		if me.names[i].name == name {
			if me.names[i].n += d; me.names[i].n <= 0 {
				me.names = slices.Delete(me.names, i, i+1)
			}
			return
		}
	}
	if d > 0 {
		me.names = append(me.names, nameCount{name, d})
	}
}

type index struct {
	docs     map[string]*docModel
	entities map[string]*merged
	// rels lists, per entity id, the relations touching it.
	rels map[string][]relRef
	// keys maps a resolution key (see resolve.go) to the entity id owning it.
	keys map[string]string
	// parent, when set, is consulted by resolve for what keys and entities
	// lack (an overlay of documents staged in one transaction).
	parent *index

	// lean: the index of a store opened for loading (lean.go). docs then
	// hold the documents' headers only, packed their models, entities
	// leanEntity for every id, and rels nothing.
	lean   bool
	packed map[string][]byte
	full   map[string]*docModel // models that could not be packed
}

func newIndex(lean bool) *index {
	x := &index{
		docs:     make(map[string]*docModel),
		entities: make(map[string]*merged),
		rels:     make(map[string][]relRef),
		keys:     make(map[string]string),
		lean:     lean,
	}
	if lean {
		x.packed = make(map[string][]byte)
		x.full = make(map[string]*docModel)
	}
	return x
}

// entity returns the merged view of an entity, or nil.
func (x *index) entity(id string) *kg.Entity {
	if m, ok := x.entities[id]; ok {
		return &m.entity
	}
	return nil
}

// touched returns the entity ids a document relates.
func (m *docModel) related() map[string]bool {
	ids := make(map[string]bool)
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
	if x.lean {
		x.putLean(m, nil)
		return
	}
	if _, ok := x.docs[m.doc.ID]; ok {
		x.remove(m.doc.ID)
	}
	x.docs[m.doc.ID] = m
	for i := range m.entities {
		x.addContribution(m.doc.ID, &m.entities[i])
	}
	for i := range m.relations {
		r := &m.relations[i]
		x.rels[r.Subject] = append(x.rels[r.Subject], relRef{m.doc.ID, r})
		if r.Object != "" && r.Object != r.Subject {
			x.rels[r.Object] = append(x.rels[r.Object], relRef{m.doc.ID, r})
		}
	}
}

// remove drops one document.
func (x *index) remove(doc string) {
	if x.lean {
		delete(x.docs, doc)
		delete(x.packed, doc)
		delete(x.full, doc)
		return
	}
	m, ok := x.docs[doc]
	if !ok {
		return
	}
	delete(x.docs, doc)
	for i := range m.entities {
		x.removeContribution(doc, &m.entities[i])
	}
	for id := range m.related() {
		refs := x.rels[id][:0:0]
		for _, r := range x.rels[id] {
			if r.doc != doc {
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

// precedes tells whether document a's contribution c names entity id before
// the current winner's: a contribution whose name is the id's name part
// first, then the smaller document id.
func precedes(id, a string, c *kg.Entity, b string, w *kg.Entity) bool {
	am, bm := c.Name == idName(id), w.Name == idName(id)
	if am != bm {
		return am
	}
	return a < b
}

func (x *index) addContribution(doc string, c *kg.Entity) {
	me, ok := x.entities[c.ID]
	if !ok {
		me = &merged{}
		x.entities[c.ID] = me
	}
	// A document is put once (put removes its earlier version first).
	me.contrib = append(me.contrib, contribution{doc, c})
	me.count(c.Name, 1)
	for _, a := range c.Aliases {
		me.count(a, 1)
	}
	if !ok || precedes(c.ID, doc, c, me.winner, me.of(me.winner)) {
		x.rename(c.ID, me, doc)
	} else {
		for k, v := range c.Attrs {
			if _, ok := me.entity.Attrs[k]; !ok {
				if me.entity.Attrs == nil {
					me.entity.Attrs = make(map[string]string)
				}
				me.entity.Attrs[k] = v
			}
		}
		me.entity.Aliases = aliasList(me)
	}
	x.claimKeys(c.ID, &me.entity)
}

func (x *index) removeContribution(doc string, c *kg.Entity) {
	me, ok := x.entities[c.ID]
	if !ok {
		return
	}
	me.contrib = slices.DeleteFunc(me.contrib, func(c contribution) bool { return c.doc == doc })
	me.count(c.Name, -1)
	for _, a := range c.Aliases {
		me.count(a, -1)
	}
	for _, k := range resolutionKeys(&me.entity) {
		if x.keys[k] == c.ID {
			delete(x.keys, k)
		}
	}
	if len(me.contrib) == 0 {
		delete(x.entities, c.ID)
		return
	}
	// Removal is rare: recompute the winner and attributes from scratch.
	win := me.contrib[0]
	for _, o := range me.contrib[1:] {
		if precedes(c.ID, o.doc, o.e, win.doc, win.e) {
			win = o
		}
	}
	x.rename(c.ID, me, win.doc)
	x.claimKeys(c.ID, &me.entity)
}

// rename makes doc's contribution the one naming the entity and rebuilds
// its attributes: the winner's first, then the others' by document id.
func (x *index) rename(id string, me *merged, doc string) {
	w := me.of(doc)
	me.winner = doc
	me.entity = kg.Entity{ID: id, Type: w.Type, Name: w.Name}
	byDoc := slices.Clone(me.contrib)
	slices.SortFunc(byDoc, func(a, b contribution) int { return strings.Compare(a.doc, b.doc) })
	for _, c := range append([]contribution{{doc, w}}, byDoc...) {
		for k, v := range c.e.Attrs {
			if me.entity.Attrs == nil {
				me.entity.Attrs = make(map[string]string)
			}
			if _, ok := me.entity.Attrs[k]; !ok {
				me.entity.Attrs[k] = v
			}
		}
	}
	me.entity.Aliases = aliasList(me)
}

func aliasList(me *merged) []string {
	out := make([]string, 0, len(me.names))
	for _, n := range me.names {
		if n.name != "" && n.name != me.entity.Name {
			out = append(out, n.name)
		}
	}
	sort.Strings(out)
	return out
}

// claimKeys gives the entity the resolution keys nobody holds yet.
func (x *index) claimKeys(id string, e *kg.Entity) {
	for _, k := range resolutionKeys(e) {
		if _, taken := x.keys[k]; !taken {
			x.keys[k] = id
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
