package extract

import (
	_ "embed"
	"fmt"
	"strings"
)

//go:embed data/places.txt
var embeddedPlaces string

// place is one entry of the gazetteer.
type place struct {
	name    string
	aliases []string
	parent  string
	// parentID is "place/" + parent ("" without a parent), made once.
	parentID string
}

// parsePlaces reads the gazetteer: one place a line, name|aliases|parent.
func parsePlaces(text string) ([]place, error) {
	var out []place
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "|")
		if len(f) != 3 || f[0] == "" {
			return nil, fmt.Errorf("places line %d: want name|aliases|parent", i+1)
		}
		p := place{name: f[0], parent: f[2]}
		if p.parent != "" {
			p.parentID = "place/" + p.parent
		}
		for _, a := range strings.Split(f[1], ",") {
			if a = strings.TrimSpace(a); a != "" {
				p.aliases = append(p.aliases, a)
			}
		}
		out = append(out, p)
	}
	return out, nil
}
