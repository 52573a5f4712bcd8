// Package graph keeps the knowledge graph in a Cayley quad store; it is the
// only package that imports cayley and quad, and nothing it exports mentions
// their types.
//
// (The mapping to quads, the choice of backends and a worked example are to
// be written here by the store's implementation.)
package graph
