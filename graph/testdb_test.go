package graph

import (
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"testing"
	"time"
)

// testServer is KG_TEST_POSTGRES, the URL of the PostgreSQL server the
// tests may use; the test is skipped when there is none.
func testServer(t testing.TB) string {
	t.Helper()
	base := os.Getenv("KG_TEST_POSTGRES")
	if base == "" {
		t.Skip("KG_TEST_POSTGRES is not set: no PostgreSQL server to test against")
	}
	return base
}

// testDatabase creates an empty database on KG_TEST_POSTGRES's server for
// one test (skipped when there is no server).
func testDatabase(t testing.TB) string {
	base := testServer(t)
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	admin, err := sql.Open("postgres", base)
	if err != nil {
		t.Fatal(err)
	}
	name := fmt.Sprintf("kgi_%d_%d", os.Getpid(), time.Now().UnixNano())
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
		admin.Close()
	})
	u.Path = "/" + name
	return u.String()
}
