package graph_test

import (
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

var pgSeq atomic.Int64

// postgresAddr returns the address of a new, empty database on the server
// named by KG_TEST_POSTGRES (as .ci/postgres.sh prints it), dropped when the
// test ends.
func postgresAddr(t testing.TB) string {
	base := os.Getenv("KG_TEST_POSTGRES")
	if base == "" {
		t.Skip("KG_TEST_POSTGRES is not set: no PostgreSQL server to test against (eval \"$(bash .ci/postgres.sh)\")")
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("KG_TEST_POSTGRES: %v", err)
	}
	admin, err := sql.Open("postgres", base)
	if err != nil {
		t.Fatal(err)
	}
	name := fmt.Sprintf("kgt_%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1e9, pgSeq.Add(1))
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		admin.Close()
		t.Fatalf("create test database on %s: %v", u.Host, err)
	}
	t.Cleanup(func() {
		admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
		admin.Close()
	})
	u.Path = "/" + name
	return strings.Replace(u.String(), "postgres://", "postgres://", 1)
}
