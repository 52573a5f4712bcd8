package graph

import (
	"context"
	"errors"

	cgraph "github.com/cayleygraph/cayley/graph"
)

type pgLoader struct{}

func (p *pgLoader) Close() error { return nil }

func (p *pgLoader) apply(ctx context.Context, qs cgraph.QuadStore, deltas []cgraph.Delta) error {
	return errors.New("postgres: not implemented yet")
}

func openPostgres(ctx context.Context, addr string) (cgraph.QuadStore, *pgLoader, error) {
	return nil, nil, errors.New("postgres: not implemented yet")
}
