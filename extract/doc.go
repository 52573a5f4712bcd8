// Package extract turns the text of a Chinese development-zone report into
// the entities, relations and indicators of the knowledge graph, each with
// the evidence it was read from.
package extract
