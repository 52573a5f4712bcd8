package graph_test

import (
	"os"
	"testing"
)

// postgresAddr is the server the postgres tests use: KG_TEST_POSTGRES, as
// .ci/postgres.sh prints it.
func postgresAddr(t *testing.T) string {
	addr := os.Getenv("KG_TEST_POSTGRES")
	if addr == "" {
		t.Skip("KG_TEST_POSTGRES is not set: no PostgreSQL server to test against (run .ci/postgres.sh)")
	}
	return addr
}
