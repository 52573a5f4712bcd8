package graph

// This file is the contract between graph and its consumers (queries, web,
// cmd/kg). Keep the exported surface small and in domain types.

import (
	"context"
	"io"

	"github.com/kgraph/kg"
)

// Edge is a relation seen from one of its ends, with the entity at the other
// end (Other) already resolved, so that a walk needs no second lookup.
type Edge struct {
	kg.Relation
	// Out is true when the node asked about is the relation's subject.
	Out bool
	// Other is the entity at the other end (zero for stage relations).
	Other kg.Entity
}

// LoadStats reports what one document's load did.
type LoadStats struct {
	Document  string
	Quads     int // quads the document has in the store
	Added     int // quads written (0 when the same version was loaded before)
	Removed   int // quads of an earlier version removed
	Entities  int
	Relations int
}

// Reader is the read side that queries and web use. *Store implements it.
type Reader interface {
	// Entity returns one entity by id, or a kg.ENotFound error.
	Entity(ctx context.Context, id string) (kg.Entity, error)
	// Edges returns every relation touching id, in both directions, each with
	// its evidence (stage relations included, Other left zero).
	Edges(ctx context.Context, id string) ([]Edge, error)
	// EntitiesOfType lists all entities of one type ("" for all types).
	EntitiesOfType(ctx context.Context, typ string) ([]kg.Entity, error)
	// Documents lists the documents (without their text).
	Documents(ctx context.Context) ([]kg.Document, error)
	// Document returns one document with its text and sentence spans.
	Document(ctx context.Context, id string) (kg.Document, error)
	// Indicators lists the indicators of one document ("" for all).
	Indicators(ctx context.Context, doc string) ([]kg.Indicator, error)
	// Version changes whenever the store's content changes, so that readers
	// may cache derived indexes.
	Version() uint64
}

// Writer is the write side.
type Writer interface {
	// LoadDocument stores one document's extraction, replacing any earlier
	// version of the same document id, all-or-nothing.
	LoadDocument(ctx context.Context, doc kg.Document, x *kg.Extraction) (LoadStats, error)
	// RemoveDocument removes a document's facts, and entities no other
	// document mentions.
	RemoveDocument(ctx context.Context, id string) error
}

// Dumper writes the whole graph in a quad format ("nquads" or "jsonld").
type Dumper interface {
	Dump(ctx context.Context, w io.Writer, format string) error
}

// Querier runs a read-only Gizmo query with a deadline and a result limit.
type Querier interface {
	Gizmo(ctx context.Context, query string, limit int) ([]any, error)
}
