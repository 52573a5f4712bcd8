package queries

import (
	"context"
	"errors"
	"time"

	"github.com/kgraph/kg"
)

// gizmoQuerier runs a read-only Gizmo query; the graph store implements it.
type gizmoQuerier interface {
	Gizmo(ctx context.Context, query string, limit int) ([]any, error)
}

// Gizmo limits.
const (
	DefaultGizmoLimit   = 100
	MaxGizmoLimit       = 10000
	DefaultGizmoTimeout = 5 * time.Second
)

// Gizmo runs a power user's Gizmo query with a deadline and a result limit,
// so that a runaway query cannot hold the server.
func (s *Service) Gizmo(ctx context.Context, query string, limit int, timeout time.Duration) ([]any, error) {
	if query == "" {
		return nil, kg.Errorf(kg.EInvalid, "empty query")
	}
	q, ok := s.r.(gizmoQuerier)
	if !ok {
		return nil, kg.Errorf(kg.EInternal, "the store cannot run Gizmo queries")
	}
	limit, err := clampLimit(limit, DefaultGizmoLimit, MaxGizmoLimit)
	if err != nil {
		return nil, err
	}
	if timeout <= 0 {
		timeout = DefaultGizmoTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	res, err := q.Gizmo(ctx, query, limit)
	if err != nil && kg.ErrorCode(err) == kg.EInternal && (errors.Is(err, context.DeadlineExceeded) || ctx.Err() != nil) {
		return nil, &kg.Error{Code: kg.ETimeout, Message: "query ran out of time (" + timeout.String() + ")", Err: err}
	}
	if res == nil && err == nil {
		res = []any{}
	}
	return res, err
}
