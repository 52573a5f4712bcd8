package main

import (
	"os"
	"testing"
)

// TestMain lets the test binary run as kg when KG_TEST_AS_KG=1, so that a
// test can start kg as a child process (kg bench's stages, kg serve)
// without building the binary first.
func TestMain(m *testing.M) {
	if os.Getenv("KG_TEST_AS_KG") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}
