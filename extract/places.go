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
	// local: the place is below the level of cities (see isLocal).
	local bool
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
	for i := range out {
		out[i].local = isLocal(out[i], out)
	}
	return out, nil
}

// isLocal reports whether p, a place of the gazetteer places, is below
// the level of cities: a district, town, street or zone, or a place
// whose parent has a parent of its own.
func isLocal(p place, places []place) bool {
	if p.parent == "" {
		return false
	}
	if strings.HasSuffix(p.name, "区") || strings.HasSuffix(p.name, "县") || strings.HasSuffix(p.name, "镇") ||
		strings.HasSuffix(p.name, "乡") || strings.HasSuffix(p.name, "街道") || strings.HasSuffix(p.name, "新城") {
		return true
	}
	for _, q := range places {
		if q.name == p.parent {
			return q.parent != ""
		}
	}
	return true
}
