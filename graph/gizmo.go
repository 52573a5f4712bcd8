package graph

import (
	"context"
	"fmt"
	"time"

	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"

	"github.com/kgraph/kg"
)

// Gizmo limits.
const (
	DefaultGizmoTimeout = 5 * time.Second
	DefaultGizmoLimit   = 1000
	MaxGizmoLimit       = 100_000
)

// Gizmo runs a read-only Gizmo query (Cayley's JavaScript-like language has
// no write operations, and its VM reaches neither files nor the network).
// The deadline is ctx's, or DefaultGizmoTimeout when ctx has none: Cayley
// ignores the context given to Execute and honours only the one given to
// each Next, so that is where it goes. limit caps the results (0: default).
// A query that runs out of time gives a kg.ETimeout error, a broken one
// kg.EInvalid.
func (s *Store) Gizmo(ctx context.Context, q string, limit int) (res []any, err error) {
	if limit <= 0 {
		limit = DefaultGizmoLimit
	}
	if limit > MaxGizmoLimit {
		limit = MaxGizmoLimit
	}
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, DefaultGizmoTimeout)
		defer cancel()
	}
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, kg.Errorf(kg.EInvalid, "query failed: %v", r)
		}
	}()
	unlock := s.readQS()
	defer unlock()
	if s.qs == nil {
		return nil, errClosed("gizmo")
	}
	// One session per query: sessions are not safe for concurrent use.
	it, err := gizmo.NewSession(s.qs).Execute(ctx, q, query.Options{Collation: query.JSON, Limit: limit})
	if err != nil {
		return nil, &kg.Error{Code: kg.EInvalid, Op: "gizmo", Message: "bad query: " + err.Error(), Err: err}
	}
	defer it.Close()
	res = []any{}
	for len(res) < limit && it.Next(ctx) {
		if r := it.Result(); r != nil {
			res = append(res, r)
		}
	}
	if err := it.Err(); err != nil {
		if ctx.Err() != nil {
			return nil, &kg.Error{Code: kg.ETimeout, Op: "gizmo", Message: "the query ran out of time", Err: err}
		}
		return nil, &kg.Error{Code: kg.EInvalid, Op: "gizmo", Message: "query failed: " + err.Error(), Err: err}
	}
	return res, nil
}

// DescribeGizmo is a short help text for the query console.
func DescribeGizmo() string {
	return fmt.Sprintf("Gizmo (Cayley's JavaScript-like query language), read-only, %v deadline, at most %d results. Entity IRIs are <%s + id>, e.g. g.V(\"<%senterprise/京东方>\").Out(\"<%sinIndustry>\").All()",
		DefaultGizmoTimeout, MaxGizmoLimit, nsID, nsID, nsKG)
}
