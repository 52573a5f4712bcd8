package web

import (
	"encoding/json"
	"net/http"

	"github.com/gin-gonic/gin"
)

// The OpenAPI 3 description of the API. It is built in code beside the
// routes; a test checks that every route is described and every described
// path is routed.

type obj = map[string]any

func ref(name string) obj { return obj{"$ref": "#/components/schemas/" + name} }
func arr(items obj) obj   { return obj{"type": "array", "items": items} }
func str() obj            { return obj{"type": "string"} }
func integer() obj        { return obj{"type": "integer"} }
func boolean() obj        { return obj{"type": "boolean"} }
func number() obj         { return obj{"type": "number"} }

func object(props obj, required ...string) obj {
	o := obj{"type": "object", "properties": props}
	if len(required) > 0 {
		o["required"] = required
	}
	return o
}

func qparam(name, desc string, schema obj) obj {
	return obj{"name": name, "in": "query", "description": desc, "schema": schema}
}

func pparam(name, desc string) obj {
	return obj{"name": name, "in": "path", "required": true, "description": desc, "schema": str()}
}

func jsonResp(desc string, schema obj) obj {
	return obj{"description": desc, "content": obj{"application/json": obj{"schema": schema}}}
}

func errResp(desc string) obj { return jsonResp(desc, ref("Error")) }

func op(summary string, params []obj, ok obj, errs ...string) obj {
	o := obj{"summary": summary, "responses": obj{"200": ok}}
	if len(params) > 0 {
		o["parameters"] = params
	}
	resp := o["responses"].(obj)
	for _, code := range errs {
		resp[code] = errResp(http.StatusText(atoi(code)))
	}
	resp["default"] = errResp("error")
	return o
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

func openAPIDocument() ([]byte, error) {
	evidence := arr(ref("Evidence"))
	schemas := obj{
		"Error": object(obj{"error": object(obj{"code": str(), "message": str()}, "code", "message")}, "error"),
		"Evidence": object(obj{"document": str(), "sentence": integer(), "start": integer(), "end": integer(),
			"text": str()}, "document", "start", "end", "text"),
		"Entity": object(obj{"id": str(), "type": str(), "name": str(), "aliases": arr(str()),
			"attrs": obj{"type": "object", "additionalProperties": str()}}, "id", "type", "name", "aliases"),
		"Ref": object(obj{"id": str(), "type": str(), "name": str()}, "id", "name"),
		"Edge": object(obj{"subject": str(), "predicate": str(), "object": str(), "value": str(), "planned": boolean(),
			"confidence": number(), "inferred": boolean(), "year": integer(), "evidence": evidence,
			"other": ref("Ref"), "direction": obj{"type": "string", "enum": []string{"out", "in"}}}, "subject", "predicate", "evidence"),
		"Node": object(obj{"id": str(), "type": str(), "name": str(), "aliases": arr(str()), "degree": integer(),
			"stage": str(), "attrs": obj{"type": "object", "additionalProperties": str()}}, "id", "type", "name"),
		"GEdge": object(obj{"id": str(), "source": str(), "target": str(), "predicate": str(), "evidence": evidence,
			"inferred": boolean(), "confidence": number()}, "id", "source", "target", "predicate", "evidence"),
		"Subgraph": object(obj{"nodes": arr(ref("Node")), "edges": arr(ref("GEdge")), "truncated": boolean()}, "nodes", "edges"),
		"ChainNode": object(obj{"id": str(), "name": str(), "level": integer(), "segment": str(), "firms": integer(),
			"projects": integer(), "children": arr(ref("ChainNode"))}, "id", "name", "level", "firms", "projects", "children"),
		"ProjectRef": object(obj{"entity": ref("Entity"), "stage": str(), "planned": boolean(), "year": integer(),
			"stageEvidence": evidence}, "entity"),
		"FirmFit": object(obj{"entity": ref("Entity"), "segment": str(), "chain": ref("Ref"), "confidence": number(),
			"inferred": boolean(), "via": ref("Ref"), "evidence": evidence, "projects": arr(ref("ProjectRef")), "projectCount": integer(),
			"stage": str(), "planned": boolean(), "stageEvidence": evidence}, "entity", "chain", "confidence", "inferred", "evidence", "projects"),
		"ProjectBrief": object(obj{"entity": ref("Entity"), "stage": str(), "planned": boolean(), "year": integer()}, "entity"),
		"FirmBrief": object(obj{"entity": ref("Entity"), "segment": str(), "chain": ref("Ref"), "confidence": number(),
			"inferred": boolean(), "via": ref("Ref"), "evidence": evidence, "evidenceCount": integer(),
			"projects": arr(ref("ProjectBrief")), "projectCount": integer(), "stage": str(), "planned": boolean()},
			"entity", "chain", "confidence", "inferred", "evidence", "evidenceCount", "projects", "projectCount"),
		"Indicator": object(obj{"id": str(), "name": str(), "value": number(), "unit": str(), "measure": str(),
			"subject": str(), "year": integer(), "evidence": evidence}, "id", "name", "value", "unit"),
		"StageEvent": object(obj{"stage": str(), "year": integer(), "document": str(), "planned": boolean(),
			"evidence": evidence}, "stage", "document", "planned"),
		"Project": object(obj{"entity": ref("Entity"), "owner": ref("Ref"), "stage": str(), "planned": boolean(),
			"year": integer(), "history": arr(ref("StageEvent")), "industries": arr(ref("Ref")), "places": arr(ref("Ref"))},
			"entity", "stage", "history", "industries"),
		"DocumentSummary": object(obj{"id": str(), "title": str(), "year": integer(), "source": str(),
			"entities": integer(), "relations": integer()}, "id", "title"),
		"Document": object(obj{"id": str(), "title": str(), "year": integer(), "source": str(), "text": str(),
			"sentences": arr(object(obj{"start": integer(), "end": integer()}))}, "id", "title", "text", "sentences"),
	}
	idParam := pparam("id", "an id such as enterprise/京东方, URL-escaped as one segment (or unescaped)")
	chainParam := pparam("id", "an industry id (industry/新一代信息技术, URL-escaped) or name (新一代信息技术)")
	graphParams := []obj{
		qparam("seed", "the entity in the centre (id or name)", str()),
		qparam("hops", "how many relations away (default 1, at most 4)", integer()),
		qparam("types", "entity types to keep, comma separated", str()),
		qparam("predicates", "predicates to follow, comma separated", str()),
		qparam("limit", "at most this many nodes (default 200, at most 5000)", integer()),
	}
	exportParams := append([]obj{
		qparam("chain", "export a chain: its industries, firms and their projects", str()),
		qparam("format", "graphml (default), gexf, csv (zip), jsonld, nquads or dot", obj{"type": "string",
			"enum": []string{"graphml", "gexf", "csv", "jsonld", "nquads", "dot"}}),
	}, graphParams...)
	file := obj{"schema": obj{"type": "string", "format": "binary"}}
	paths := obj{
		"/healthz":             obj{"get": op("liveness", nil, jsonResp("alive", object(obj{"status": str()})))},
		"/readyz":              obj{"get": op("readiness: 200 once the store is open and loaded", nil, jsonResp("ready", object(obj{"status": str()})), "503")},
		"/metrics":             obj{"get": op("Prometheus metrics", nil, obj{"description": "metrics", "content": obj{"text/plain": obj{"schema": str()}}})},
		"/api/v1/openapi.json": obj{"get": op("this document", nil, jsonResp("OpenAPI 3 document", obj{"type": "object"}))},
		"/api/v1/chains": obj{"get": op("the industry-chain tree with firm and project counts (descendants included)", nil,
			jsonResp("tree", object(obj{"chains": arr(ref("ChainNode"))}, "chains")), "503")},
		"/api/v1/chains/{id}/firms": obj{"get": op("firms that fit a chain or a chain below it, ranked, with evidence; pages past the first are sent gzip-compressed (Content-Encoding) to clients that accept it",
			[]obj{chainParam, qparam("inferred", "include keyword-inferred fits (default true)", boolean()),
				qparam("offset", "skip this many firms of the ranked answer", integer()),
				qparam("limit", "at most this many firms (default 500, at most 5000)", integer()),
				qparam("view", "full (default): every firm as a FirmFit; brief: as a FirmBrief, what a list shows (the first piece of evidence, three projects without theirs)", obj{"type": "string", "enum": []string{"full", "brief"}})},
			jsonResp("firms", object(obj{"chain": ref("Ref"), "firms": arr(obj{"oneOf": []obj{ref("FirmFit"), ref("FirmBrief")}}), "total": integer(),
				"next_offset": integer()}, "chain", "firms", "total")), "400", "404")},
		"/api/v1/entities": obj{"get": op("search entities by name or alias; filters combine; cursor pagination", []obj{
			qparam("q", "substring of a name, alias, full legal or English name", str()),
			qparam("type", "entity types, comma separated", str()),
			qparam("industry", "industry id or name (narrower chains included)", str()),
			qparam("stage", "a stage of the vocabulary", str()),
			qparam("place", "place id or name (places within included)", str()),
			qparam("document", "document id", str()),
			qparam("limit", "page size (default 50, at most 1000)", integer()),
			qparam("cursor", "next_cursor of the previous page", str()),
		}, jsonResp("a page", object(obj{"items": arr(ref("Entity")), "next_cursor": str()}, "items", "next_cursor")), "400", "404")},
		"/api/v1/entities/{id}": obj{"get": op("an entity with its relations grouped by predicate", []obj{idParam,
			qparam("limit", "at most this many relations per predicate (default 500, at most 10000)", integer())},
			jsonResp("entity", object(obj{"entity": ref("Entity"), "documents": arr(str()),
				"counts":    obj{"type": "object", "additionalProperties": integer()},
				"relations": obj{"type": "object", "additionalProperties": arr(ref("Edge"))}}, "entity", "relations")), "404")},
		"/api/v1/graph": obj{"get": op("the neighbourhood subgraph of a seed", graphParams, jsonResp("subgraph", ref("Subgraph")), "400", "404")},
		"/api/v1/paths": obj{"get": op("shortest paths between two entities", []obj{
			qparam("from", "entity id or name", str()), qparam("to", "entity id or name", str()),
			qparam("max", "at most this many relations per path (default 4, at most 6)", integer()),
			qparam("limit", "at most this many paths (default 5, at most 50)", integer()),
		}, jsonResp("paths", object(obj{"paths": arr(object(obj{"nodes": arr(ref("Node")), "edges": arr(ref("GEdge"))}))}, "paths")), "400", "404", "429", "504")},
		"/api/v1/projects": obj{"get": op("the project pipeline by stage, with stage history across documents", []obj{
			qparam("stage", "latest stage", str()), qparam("industry", "industry id or name", str()),
			qparam("year", "a year with a reported stage", integer()), qparam("place", "place id or name", str()),
			qparam("limit", "at most this many projects (default 1000)", integer()),
		}, jsonResp("pipeline", object(obj{"stages": arr(str()), "projects": arr(ref("Project")), "truncated": boolean()}, "stages", "projects")), "400", "404")},
		"/api/v1/indicators": obj{"get": op("reported figures", []obj{
			qparam("document", "document id", str()), qparam("name", "substring of the indicator name", str()),
			qparam("subject", "subject entity id", str()), qparam("limit", "at most this many (default 1000)", integer()),
		}, jsonResp("indicators", object(obj{"items": arr(ref("Indicator"))}, "items")), "400", "404")},
		"/api/v1/export": obj{"get": op("download a subgraph (a neighbourhood, a chain, or everything)", exportParams, obj{
			"description": "file (Content-Disposition: attachment; filename=\"kg-<what>.<ext>\")",
			"content": obj{"application/graphml+xml": file,
				"application/gexf+xml": file,
				"application/zip":      file,
				"application/n-quads":  file,
				"application/ld+json":  file,
				"text/vnd.graphviz":    file},
		}, "400", "404", "429")},
		"/api/v1/documents": obj{
			"get": op("the documents, with what each contributed", nil,
				jsonResp("documents", object(obj{"items": arr(ref("DocumentSummary"))}, "items"))),
			"post": func() obj {
				o := op("upload documents (multipart field file, one or more): extract and load them", nil,
					jsonResp("loaded", object(obj{"added": arr(object(obj{"id": str(), "title": str(), "year": integer(),
						"quads": integer(), "entities": integer(), "relations": integer(), "indicators": integer(), "warnings": arr(str())}))}, "added")),
					"400", "401", "403", "413", "422")
				resp := o["responses"].(obj)
				resp["201"] = resp["200"]
				delete(resp, "200")
				o["requestBody"] = obj{"required": true, "content": obj{"multipart/form-data": obj{"schema": object(obj{
					"file": arr(obj{"type": "string", "format": "binary"})}, "file")}}}
				o["security"] = []obj{{"bearer": []string{}}}
				return o
			}(),
		},
		"/api/v1/documents/{id}": obj{
			"get": op("a document with its text and sentence spans (evidence offsets point into text, in runes)",
				[]obj{idParam}, jsonResp("document", ref("Document")), "404"),
			"delete": func() obj {
				o := op("remove a document and its facts", []obj{idParam},
					jsonResp("removed", object(obj{"removed": str()}, "removed")), "401", "403", "404")
				o["security"] = []obj{{"bearer": []string{}}}
				return o
			}(),
		},
		"/api/v1/query": obj{"post": func() obj {
			o := op("run a read-only Gizmo query with a deadline and a result limit", nil,
				jsonResp("result", object(obj{"result": arr(obj{})}, "result")), "400", "413", "429", "504")
			o["requestBody"] = obj{"required": true, "content": obj{
				"text/plain":       obj{"schema": str()},
				"application/json": obj{"schema": object(obj{"query": str(), "limit": integer()}, "query")}}}
			return o
		}()},
	}
	doc := obj{
		"openapi": "3.0.3",
		"info": obj{"title": "kg: knowledge graph of development-zone reports", "version": "1",
			"description": "Industry chains, firms, projects and their evidence, read from Chinese annual work summaries."},
		"servers":    []obj{{"url": "/"}},
		"paths":      paths,
		"components": obj{"schemas": schemas, "securitySchemes": obj{"bearer": obj{"type": "http", "scheme": "bearer"}}},
	}
	return json.MarshalIndent(doc, "", "  ")
}

func (s *Server) getOpenAPI(c *gin.Context) {
	c.Data(http.StatusOK, "application/json; charset=utf-8", s.openapi)
}
