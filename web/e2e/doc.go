// Package e2e holds the browser end-to-end test of the UI: it builds the
// assets and the kg binary, starts `kg serve` on 127.0.0.1 as a real
// process, and runs run.mjs, which drives Debian's chromium through
// playwright-core (npm). The Go code is only the harness; the checks are in
// run.mjs, so a developer can also run them by hand against any server:
//
//	KG_E2E_URL=http://127.0.0.1:8089 KG_E2E_TOKEN=TEST node web/e2e/run.mjs
package e2e
