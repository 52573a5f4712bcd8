// Package web serves the knowledge graph over HTTP: the JSON API of
// docs/api.md under /api/v1, its OpenAPI description, /healthz, /readyz and
// Prometheus /metrics, and the browser UI at /.
//
// It is the only package that imports gin. Handlers are thin: they bind
// parameters, call one method of queries.Service (or the store's writer) and
// render the answer; errors are recorded with c.Error and turned into
// {"error":{"code","message"}} answers by one middleware, through the one
// table statusOf from kg error codes to HTTP statuses.
package web
