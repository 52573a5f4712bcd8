package bench

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"

	_ "github.com/lib/pq" // the PostgreSQL driver, for a fresh database per corpus size
)

// freshDB creates (or recreates) database name on the server of base and
// returns its address: each corpus size is built into an empty store, since
// a store that holds the same documents already would only compare them.
func freshDB(ctx context.Context, base, name string) (string, error) {
	db, err := sql.Open("postgres", base)
	if err != nil {
		return "", fmt.Errorf("postgres: %w", err)
	}
	defer db.Close()
	for _, q := range []string{"DROP DATABASE IF EXISTS " + name, "CREATE DATABASE " + name} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			return "", fmt.Errorf("postgres: %s: %w", q, err)
		}
	}
	u, err := url.Parse(base)
	if err != nil {
		return "", fmt.Errorf("postgres: %w", err)
	}
	u.Path = "/" + name
	return u.String(), nil
}

// dbSize is the space database name takes on the server of base.
func dbSize(ctx context.Context, base, name string) (int64, error) {
	db, err := sql.Open("postgres", base)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	var n int64
	err = db.QueryRowContext(ctx, "SELECT pg_database_size($1)", name).Scan(&n)
	return n, err
}
