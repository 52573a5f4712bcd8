package extract

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"os"

	"github.com/kgraph/kg"
)

//go:embed data/taxonomy.json
var embeddedTaxonomy []byte

// Taxonomy is the industry-chain tree: chains, sub-chains and segments.
type Taxonomy struct {
	// Roots are the top nodes.
	Roots []*Node
	// Nodes lists every node, parents before children.
	Nodes  []*Node
	byName map[string]*Node // names and aliases
}

// Node is one industry, chain or segment of the taxonomy.
type Node struct {
	// ID is the entity id of the node: "industry/" + Name.
	ID       string
	Code     string
	Name     string
	Aliases  []string
	Keywords []string
	// Level is 1 for roots, 2 for their children, and so on.
	Level int
	// Segment is upstream, midstream or downstream for chain segments.
	Segment  string
	Parent   *Node
	Children []*Node
}

type nodeJSON struct {
	Code     string     `json:"code"`
	Name     string     `json:"name"`
	Aliases  []string   `json:"aliases"`
	Keywords []string   `json:"keywords"`
	Segment  string     `json:"segment"`
	Children []nodeJSON `json:"children"`
}

// LoadTaxonomy reads a taxonomy file (JSON, the shape of the embedded
// extract/data/taxonomy.json); "" loads the embedded one.
func LoadTaxonomy(path string) (*Taxonomy, error) {
	data := embeddedTaxonomy
	if path != "" {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("taxonomy: %w", err)
		}
		data = b
	}
	t, err := parseTaxonomy(data)
	if err != nil {
		name := path
		if name == "" {
			name = "embedded taxonomy"
		}
		return nil, &kg.Error{Code: kg.EInvalid, Op: "taxonomy", Message: name, Err: err}
	}
	return t, nil
}

func parseTaxonomy(data []byte) (*Taxonomy, error) {
	var doc struct {
		Nodes []nodeJSON `json:"nodes"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	if len(doc.Nodes) == 0 {
		return nil, fmt.Errorf("no nodes")
	}
	t := &Taxonomy{byName: map[string]*Node{}}
	var add func(j nodeJSON, parent *Node, level int) (*Node, error)
	add = func(j nodeJSON, parent *Node, level int) (*Node, error) {
		if j.Name == "" {
			return nil, fmt.Errorf("a node without a name (under %v)", parent)
		}
		n := &Node{ID: "industry/" + j.Name, Code: j.Code, Name: j.Name, Aliases: nonNil(j.Aliases),
			Keywords: nonNil(j.Keywords), Level: level, Segment: j.Segment, Parent: parent}
		for _, name := range append([]string{j.Name}, j.Aliases...) {
			if o, dup := t.byName[name]; dup {
				return nil, fmt.Errorf("name %q used twice (%s, %s)", name, o.Name, j.Name)
			}
			t.byName[name] = n
		}
		t.Nodes = append(t.Nodes, n)
		for _, c := range j.Children {
			cn, err := add(c, n, level+1)
			if err != nil {
				return nil, err
			}
			n.Children = append(n.Children, cn)
		}
		return n, nil
	}
	for _, j := range doc.Nodes {
		n, err := add(j, nil, 1)
		if err != nil {
			return nil, err
		}
		t.Roots = append(t.Roots, n)
	}
	return t, nil
}

func (n *Node) String() string {
	if n == nil {
		return "top"
	}
	return n.Name
}

// Lookup returns the node with that name or alias.
func (t *Taxonomy) Lookup(name string) (*Node, bool) {
	n, ok := t.byName[name]
	return n, ok
}

// Under reports whether n is anc or lies below it.
func (n *Node) Under(anc *Node) bool {
	for c := n; c != nil; c = c.Parent {
		if c == anc {
			return true
		}
	}
	return false
}

// Entity returns the node as an Industry entity.
func (n *Node) Entity() kg.Entity {
	attrs := map[string]string{"level": fmt.Sprint(n.Level), "code": n.Code}
	if n.Segment != "" {
		attrs["segment"] = n.Segment
	}
	return kg.Entity{ID: n.ID, Type: kg.TypeIndustry, Name: n.Name, Aliases: append([]string{}, n.Aliases...), Attrs: attrs}
}

// Graph returns the whole taxonomy as Industry entities and subIndustryOf
// relations (child → parent), for loading into the graph once.
func (t *Taxonomy) Graph() ([]kg.Entity, []kg.Relation) {
	ents := make([]kg.Entity, 0, len(t.Nodes))
	rels := make([]kg.Relation, 0, len(t.Nodes))
	for _, n := range t.Nodes {
		ents = append(ents, n.Entity())
		if n.Parent != nil {
			rels = append(rels, kg.Relation{Subject: n.ID, Predicate: kg.PredSubIndustryOf, Object: n.Parent.ID,
				Confidence: 1, Evidence: []kg.Evidence{}})
		}
	}
	return ents, rels
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
