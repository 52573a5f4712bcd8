// Package queries answers the analysts' questions over the knowledge graph:
// which firms fit an industry chain, entity search and detail, neighbourhood
// subgraphs, shortest paths, the project pipeline, indicators and exports.
//
// It is used alike by the HTTP API (package web) and the command line.
//
// # Design
//
// The graph store answers one-node walks quickly but set intersections and
// label scans slowly (see shared/cayley-notes.md). The questions here start
// from sets (all firms of a chain and of every chain below it, every project
// at a stage), so a Service keeps an in-memory index of the graph: every
// entity with its incoming and outgoing relations, the industry tree and the
// documents. The index is built from a graph.Reader on first use and rebuilt
// when Reader.Version changes; requests share one immutable index, so that
// an answer costs what its size costs, not what the corpus costs.
//
// No question waits for a rebuild: the first to see the store changed
// starts one in the background, and until it is done every question is
// answered from the previous index. A writer calls Refresh to see its own
// write. Every chain's firms are ranked before an index is published, and
// what a firm's fit shows whatever the chain (its projects, its stage) is
// computed once per index and shared by the chains that list it; pages of
// a chain's answer are encoded once, each firm's encoding shared by the
// pages that show it. A page shows its firms in full (FirmFit) or brief
// (FirmBrief: the first piece of evidence, the three most recent projects
// without theirs), which is what a list of firms needs and a fifth of the
// bytes; the first page of every chain is encoded in both views.
package queries
