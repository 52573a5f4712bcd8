// Package kg holds the domain of the knowledge-graph builder: the documents,
// entities, relations and indicators that the extractor produces, the graph
// stores and the query service consume, and the application error type.
//
// The JSON form of these types is the extraction contract of
// ../shared/ontology.md (the `kg extract` output). The packages below it are
// arranged as rooms with arrows pointing one way:
//
//	cmd/kg    main: flags, env, signals, backend imports
//	web       HTTP API (gin) and the browser UI
//	queries   the analysts' questions, answered over graph
//	graph     the Cayley store: the only package that imports cayley and quad
//	extract   text in, entities/relations/indicators out
//	kg        (this package) domain types and error codes
package kg
