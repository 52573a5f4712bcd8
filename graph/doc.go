// Package graph keeps the knowledge graph in a Cayley quad store; it is the
// only package that imports cayley and quad, and nothing it exports mentions
// their types.
//
// # Design
//
// A Store is a Cayley quad store (the truth, and what Gizmo queries and
// dumps read) plus an in-memory index of the domain model decoded from its
// quads (what Reader answers from). The index is rebuilt from the quads when
// the store opens and changed only after a write transaction commits, so a
// reader never waits for Cayley's iterators (62 µs a hop on bolt, 0.17 ms a
// node on PostgreSQL, see cayley-notes) and never sees half a document. The
// documents' texts stay in the store and are read when asked for. On bolt
// and PostgreSQL each document's model is also kept packed beside the
// quads, written with them, so that opening reads one record per document
// instead of every quad (boltmodels.go, pgmodels.go); when they do not
// describe the quads (a write by something else), the open reads the quads
// and writes them again.
//
// A store opened ForLoading (kg build) keeps only what loading needs:
// each document's model packed for diffing, the entity ids and the
// resolution keys (lean.go); its first read builds the full index. A bolt
// store's index is built from one pass over Cayley's primitive log
// (boltread.go) rather than through Cayley's iterators.
//
// Writes are serialized. Each document is loaded as the difference between
// its stored quads and its new ones, in one transaction (several documents
// may share one): loading the same document twice writes nothing, a changed
// version replaces exactly that document's quads, and a killed process
// leaves each document whole or absent.
//
// # Backends
//
// The address chooses the backend:
//
//   - bolt:PATH (the default, ./data/kg.db): bbolt, opened through hidalgo by
//     hand rather than through Cayley's registry, with a one-second lock
//     timeout (a second process gets a kg.EConflict error instead of
//     blocking forever) and a 1 GiB initial mmap (bbolt deadlocks between
//     readers and a writer when it must grow the mmap; measured in
//     cayley-notes, and tested here under -race). The duplicate-check bloom
//     filter is off (no_bloom): it costs 600 MB of RAM and a second to open,
//     and our writes never add a quad that exists (they are diffs).
//     bbolt rather than leveldb or pebble: one file, a single-writer
//     transaction model that gives all-or-nothing per document for free,
//     reads that never block, and the product's address scheme already says
//     bolt. leveldb would be smaller on disk and fails fast on a second
//     process too; it is the alternative if disk size starts to matter.
//     boltdb/bolt itself is archived and fails under -race.
//     Quads a load adds are written by our own writer straight into
//     Cayley's kv layout (boltwrite.go), 1.7× Cayley's own path; batches
//     that remove quads go through Cayley's ApplyDeltas.
//     A store holding no documents (the taxonomy alone counts as none) is
//     built in bulk instead (Store.Bulk, bulk.go, bulkwrite.go, used by
//     kg build): the documents go through the same mapping, and a new
//     file beside the store (PATH.building) is written in the same layout,
//     every bucket in key order. Node and quad ids are given as the quads
//     come, from an in-memory hash table of the nodes (value hash → id and
//     reference count, 28 bytes a node, sharded so that growing never
//     copies all of it); the log is written as it comes; each quad index's
//     entries are 16-byte tuples (key ids and quad id, 32 bits each)
//     sorted in 64 MB runs, spilled to unlinked files beside the store and
//     merged at the end; the value and count buckets come from the hash
//     table sorted by hash. The pages of these buckets are written by
//     hand, full, leaves then branches (boltpages.go: bbolt's Put costs a
//     microsecond a key even in order, and a build puts over a hundred
//     million keys); bbolt then opens the file for Cayley's meta bucket
//     and the documents' models, syncs it once, and the file is renamed
//     over the store's. The store stays open, holding its file lock, until
//     then: a second process gets the "in use" error, and a build killed
//     in the middle leaves the store as it was (a later build removes the
//     PATH.building left over). The quads, reference counts and models
//     are those of the incremental path (a test compares both through
//     Cayley's iterators, and again after a removal). A bulk build is
//     all-or-nothing as a whole; adding documents to a store that has
//     some keeps the incremental path.
//   - mem: Cayley's memstore. It is not safe for concurrent reads and
//     writes, so the Store guards it with a RWMutex.
//   - postgres://…: Cayley's SQL backend reads the tables; writes bypass
//     Cayley's one-INSERT-per-quad writer and COPY each transaction's nodes
//     and quads into temporary tables merged with set-based statements,
//     keeping Cayley's node hashes and reference counts (postgres.go); a
//     batch of documents new to the store goes straight into Cayley's quads
//     table with COPY. On a store it creates, it drops the four foreign keys
//     of Cayley's quads table (they cost half of a load; Cayley's CockroachDB
//     and SQLite flavours have none, and our writer inserts nodes before
//     quads in the same transaction) and two of its four direction indexes
//     that others cover, and sets the indexes' fill factor to 90 instead of
//     50. The documents' packed models are in a table of ours, kg_models,
//     written in the transaction of their quads; a statement trigger on
//     the quads table counts every change to it, whoever makes it, so
//     that an open can tell whether the models still describe the quads
//     (pgmodels.go). When they do not, the index is loaded from the quads
//     with one joined query instead of one query per node.
//     CockroachDB speaks the same protocol and Cayley has a cockroach flavour
//     of the SQL backend; pointing the store there would need the same COPY
//     path checked against it (untested).
//
// # The mapping
//
// IRIs: https://kgraph.github.io/id/<entity id> for entities and indicators
// (an id keeps its "/", other characters not allowed in an IRI are
// percent-encoded, Chinese stays as it is); https://kgraph.github.io/doc/<doc>
// for a document, …/doc/<doc>/s/<n> for its sentence n, …/doc/<doc>/s/<n>/<start>-<end>
// for a quoted span (evidence), …/doc/<doc>/r/<hash> for a reified
// statement; predicates of the product in https://kgraph.github.io/ns#.
//
// Every quad carries a label (Cayley's fourth element) naming the document
// it belongs to: the fact quads are labelled with the sentence they were read
// from (a fact read from two sentences is two quads), every other quad with
// the document node. So a document's quads are exactly those labelled with
// it or its sentences, and every edge leads to its sentence.
//
//	document   <doc> rdf:type kg:Document; dcterms:title; kg:year; dcterms:source; kg:text
//	sentence   <s> dcterms:isPartOf <doc>; kg:start; kg:end          (rune offsets)
//	entity     <e> rdf:type kg:<Type>; rdfs:label name; skos:altLabel alias…; kg:attr_<key> value
//	           (one set per document that mentions it: an entity lives as long as one does)
//	fact       <s> kg:<predicate> <o>            label <sentence>   (stage: <s> kg:stage "落地")
//	           subIndustryOf is skos:broader
//	statement  <r> rdf:type rdf:Statement; rdf:subject; rdf:predicate; rdf:object;
//	           kg:confidence; kg:planned; kg:inferred; kg:year; prov:wasDerivedFrom <quote>…
//	quote      <q> prov:wasQuotedFrom <sentence>; kg:start; kg:end; kg:text
//	indicator  <i> rdf:type kg:Indicator; rdfs:label name; kg:value; kg:unit; kg:measure;
//	           kg:subject <entity>; kg:year; prov:wasDerivedFrom <quote>
//
// The industry taxonomy is the pseudo-document TaxonomyDoc, so that the
// chain tree exists before any report names a chain.
//
// # Worked example
//
// From etown-2022, sentence 31 (runes 1520–1538) "京东方B20重大项目落地。", the
// relations 京东方 hasProject 京东方B20 and 京东方B20 stage 落地 become (IRIs
// shortened: id: = https://kgraph.github.io/id/, doc: = …/doc/, kg: = …/ns#):
//
//	<id:enterprise/京东方> rdf:type kg:Enterprise <doc:etown-2022> .
//	<id:enterprise/京东方> rdfs:label "京东方" <doc:etown-2022> .
//	<id:project/京东方B20> rdf:type kg:Project <doc:etown-2022> .
//	<id:project/京东方B20> rdfs:label "京东方B20" <doc:etown-2022> .
//	<id:project/京东方B20> skos:altLabel "B20" <doc:etown-2022> .
//	<id:enterprise/京东方> kg:hasProject <id:project/京东方B20> <doc:etown-2022/s/31> .
//	<id:project/京东方B20> kg:stage "落地" <doc:etown-2022/s/31> .
//	<doc:etown-2022/r/9f…> rdf:type rdf:Statement <doc:etown-2022> .
//	<doc:etown-2022/r/9f…> rdf:subject <id:project/京东方B20> <doc:etown-2022> .
//	<doc:etown-2022/r/9f…> rdf:predicate kg:stage <doc:etown-2022> .
//	<doc:etown-2022/r/9f…> rdf:object "落地" <doc:etown-2022> .
//	<doc:etown-2022/r/9f…> kg:year 2022 <doc:etown-2022> .
//	<doc:etown-2022/r/9f…> prov:wasDerivedFrom <doc:etown-2022/s/31/1520-1538> <doc:etown-2022> .
//	<doc:etown-2022/s/31/1520-1538> prov:wasQuotedFrom <doc:etown-2022/s/31> <doc:etown-2022> .
//	<doc:etown-2022/s/31/1520-1538> kg:text "京东方B20重大项目落地。" <doc:etown-2022> .
//	<doc:etown-2022/s/31> dcterms:isPartOf <doc:etown-2022> <doc:etown-2022> .
//	<doc:etown-2022/s/31> kg:start 1520 <doc:etown-2022> .
//
// (the hasProject statement, the quote's kg:start/kg:end and the sentence's
// kg:end are left out). A Gizmo walk follows the fact quads:
//
//	g.V("<https://kgraph.github.io/id/enterprise/京东方>").Out("<https://kgraph.github.io/ns#hasProject>").All()
//
// A stage history across years is the set of stage facts of one project, one
// statement per document, each with its year and evidence.
//
// # Entity resolution
//
// The rule is in resolve.go: an incoming firm or organization whose id is
// new takes the id of an existing entity of the same type whose short name
// (extract.ShortName) matches one of its names; the first id loaded wins,
// and the other names become aliases.
package graph
