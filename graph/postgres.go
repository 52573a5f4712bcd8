package graph

// PostgreSQL: Cayley's SQL backend reads the tables (nodes, quads), and this
// file writes them. Cayley's own writer sends one INSERT per node and per
// quad (about 4k quads/s here); ours sends each transaction's nodes and quads
// with COPY into temporary tables and merges them with three set-based
// statements, keeping Cayley's invariants: a node row per distinct value,
// keyed by Cayley's hash, whose refs count the quads using it, and no node
// without quads.

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	csql "github.com/cayleygraph/cayley/graph/sql"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres" // registers the backend
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	"github.com/lib/pq"

	"github.com/kgraph/kg"
)

type pgLoader struct {
	db *sql.DB
	// bulk is set during a bulk build (dropIndexes): the quads' indexes
	// are gone, and batches of documents new to the index are written
	// without asking the table first.
	bulk bool
	// noModels is set when the store keeps no models (pgmodels.go): the
	// role or the server may not create their tables.
	noModels bool
}

func openPostgres(ctx context.Context, addr string) (cgraph.QuadStore, *pgLoader, error) {
	// Hide the password in messages.
	shown := addr
	if u := strings.Index(addr, "@"); u > 0 {
		if c := strings.Index(addr[:u], "://"); c > 0 {
			shown = addr[:c+3] + "…" + addr[u:]
		}
	}
	unavailable := func(err error) error {
		return &kg.Error{Code: kg.ENotReady, Op: "open " + shown, Message: "cannot open the PostgreSQL store", Err: err}
	}
	db, err := sql.Open("postgres", addr)
	if err != nil {
		return nil, nil, unavailable(err)
	}
	var exists bool
	if err := db.QueryRowContext(ctx, `SELECT to_regclass('quads') IS NOT NULL`).Scan(&exists); err != nil {
		db.Close()
		return nil, nil, unavailable(err)
	}
	// Cayley logs an error when asked to initialize an existing store: ask
	// only when there is none.
	if !exists {
		// Cayley leaves half of each index page empty by default, doubling
		// the indexes a load must keep in memory; 90 is PostgreSQL's own
		// default for b-trees.
		if err := cgraph.InitQuadStore("postgres", addr, cgraph.Options{"db_fill_factor": 90}); err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
			db.Close()
			return nil, nil, unavailable(err)
		}
		// Cayley's schema checks each quad's four nodes with foreign keys,
		// which costs half of a load; our writer inserts the nodes first
		// in the same transaction, and Cayley's own CockroachDB and SQLite
		// flavours run without them. Only on a store we created.
		// Two of its four direction indexes repeat others for a store
		// whose quads all have labels: (s,p,o) is the prefix of the unique
		// (s,p,o,l) index, and (o,s,p) answers nothing (o,p,s) cannot
		// start. Each index costs a sixth of a load.
		if _, err := db.ExecContext(ctx, `ALTER TABLE quads
	DROP CONSTRAINT IF EXISTS subject_hash_fk, DROP CONSTRAINT IF EXISTS predicate_hash_fk,
	DROP CONSTRAINT IF EXISTS object_hash_fk, DROP CONSTRAINT IF EXISTS label_hash_fk;
DROP INDEX IF EXISTS spo_index; DROP INDEX IF EXISTS osp_index`); err != nil {
			db.Close()
			return nil, nil, unavailable(err)
		}
	}
	p := &pgLoader{db: db}
	if err := p.restoreIndexes(ctx); err != nil {
		db.Close()
		return nil, nil, unavailable(err)
	}
	if err := p.initModels(ctx); err != nil {
		db.Close()
		return nil, nil, unavailable(err)
	}
	qs, err := cgraph.NewQuadStore("postgres", addr, nil)
	if err != nil {
		db.Close()
		return nil, nil, unavailable(err)
	}
	return qs, p, nil
}

// A bulk build (Store.Bulk) drops the quads' indexes but the primary key,
// loads, and creates them again at its end: a b-tree built once from
// sorted keys instead of tens of millions of inserts at random places. The
// definitions wait in kg_bulk_indexes meanwhile, so that the next open
// creates them again after a build that was killed.

// dropIndexes starts a bulk build.
func (p *pgLoader) dropIndexes(ctx context.Context) error {
	tx, err := p.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS kg_bulk_indexes (name TEXT PRIMARY KEY, def TEXT NOT NULL);
INSERT INTO kg_bulk_indexes SELECT c.relname, pg_get_indexdef(i.indexrelid)
	FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
	WHERE i.indrelid = 'quads'::regclass AND NOT i.indisprimary
ON CONFLICT DO NOTHING`); err != nil {
		return err
	}
	names, err := queryStrings(ctx, tx, `SELECT name FROM kg_bulk_indexes`)
	if err != nil {
		return err
	}
	for _, n := range names {
		if _, err := tx.ExecContext(ctx, `DROP INDEX IF EXISTS `+pq.QuoteIdentifier(n)); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	p.bulk = true
	return nil
}

// restoreIndexes creates the indexes a bulk build dropped, if any, in one
// transaction.
func (p *pgLoader) restoreIndexes(ctx context.Context) error {
	p.bulk = false
	tx, err := p.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// One process creates them; another waits, then finds them there.
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtext('kg_bulk_indexes'))`); err != nil {
		return err
	}
	var pending bool
	if err := tx.QueryRowContext(ctx, `SELECT to_regclass('kg_bulk_indexes') IS NOT NULL`).Scan(&pending); err != nil || !pending {
		return err
	}
	defs, err := queryStrings(ctx, tx, `SELECT def FROM kg_bulk_indexes ORDER BY name`)
	if err != nil {
		return err
	}
	// The sort of each index's keys: PostgreSQL's 64 MB default spills
	// tens of millions of them to disk many times over.
	if _, err := tx.ExecContext(ctx, `SET LOCAL maintenance_work_mem = '1GB'`); err != nil {
		return err
	}
	for _, d := range defs {
		if _, err := tx.ExecContext(ctx, d); err != nil {
			return fmt.Errorf("bulk build: create the index again: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, `DROP TABLE kg_bulk_indexes`); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	// The planner's statistics, which autovacuum would gather later.
	_, err = p.db.ExecContext(ctx, `ANALYZE quads, nodes`)
	return err
}

func queryStrings(ctx context.Context, tx *sql.Tx, query string) ([]string, error) {
	rows, err := tx.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

func (p *pgLoader) Close() error { return p.db.Close() }

// nodeColumns are the nodes table's value columns, in csql.NodeValues' terms.
var nodeColumns = []string{"value", "value_string", "datatype", "language", "iri", "bnode",
	"value_int", "value_bool", "value_float", "value_time"}

// apply writes deltas in one transaction, with the packed models of the
// documents they change (pgmodels.go; nil for a removed one). fresh lists
// the document nodes of a batch of documents none of which was stored
// before (nil otherwise).
func (p *pgLoader) apply(ctx context.Context, deltas []cgraph.Delta, fresh []quad.Value, models map[string][]byte) error {
	tx, err := p.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	inSync, err := p.beginModels(ctx, tx)
	if err != nil {
		return fmt.Errorf("postgres models: %w", err)
	}
	var adds, dels []quad.Quad
	for _, d := range deltas {
		if d.Action == cgraph.Delete {
			dels = append(dels, d.Quad)
		} else {
			adds = append(adds, d.Quad)
		}
	}
	if len(dels) > 0 {
		if err := pgDelete(ctx, tx, dels); err != nil {
			return fmt.Errorf("postgres delete: %w", err)
		}
	}
	if len(adds) > 0 {
		if len(dels) > 0 {
			fresh = nil
		}
		if err := pgInsert(ctx, tx, adds, fresh, p.bulk); err != nil {
			return fmt.Errorf("postgres insert: %w", err)
		}
	}
	if err := p.putModels(ctx, tx, models, inSync); err != nil {
		return fmt.Errorf("postgres models: %w", err)
	}
	return tx.Commit()
}

func hashOf(v quad.Value) any { return csql.HashOf(v).SQLValue() }

// nodeHashes hashes each quad's four values once (a label's hash is zero,
// not Valid, when it has none): hashing is a fifth of a load's CPU.
func nodeHashes(quads []quad.Quad) [][4]csql.NodeHash {
	hs := make([][4]csql.NodeHash, len(quads))
	for i, q := range quads {
		for j, v := range [4]quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
			if v != nil {
				hs[i][j] = csql.HashOf(v)
			}
		}
	}
	return hs
}

// refsUpdate adjusts the nodes' reference counts by the quads a statement
// returned (sign +1 or -1).
func refsUpdate(cte string, sign string) string {
	return `WITH ` + cte + `, c AS (
	SELECT h, count(*) AS n FROM (
		SELECT subject_hash AS h FROM x UNION ALL SELECT predicate_hash FROM x
		UNION ALL SELECT object_hash FROM x UNION ALL SELECT label_hash FROM x
	) hs WHERE h IS NOT NULL GROUP BY h)
UPDATE nodes SET refs = nodes.refs ` + sign + ` c.n FROM c WHERE nodes.hash = c.h`
}

func copyRows(ctx context.Context, tx *sql.Tx, table string, cols []string, rows func(func(...any) error) error) error {
	stmt, err := tx.PrepareContext(ctx, pq.CopyIn(table, cols...))
	if err != nil {
		return err
	}
	if err := rows(func(v ...any) error { _, err := stmt.ExecContext(ctx, v...); return err }); err != nil {
		stmt.Close()
		return err
	}
	if _, err := stmt.ExecContext(ctx); err != nil {
		stmt.Close()
		return err
	}
	return stmt.Close()
}

// copyHashes copies the quads' node hashes (nodeHashes) into a new
// temporary table (s, p, o, l).
func copyHashes(ctx context.Context, tx *sql.Tx, table string, hs [][4]csql.NodeHash) error {
	if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE `+table+` (s BYTEA, p BYTEA, o BYTEA, l BYTEA) ON COMMIT DROP`); err != nil {
		return err
	}
	return copyRows(ctx, tx, table, []string{"s", "p", "o", "l"}, func(row func(...any) error) error {
		for _, h := range hs {
			if err := row(h[0].SQLValue(), h[1].SQLValue(), h[2].SQLValue(), h[3].SQLValue()); err != nil {
				return err
			}
		}
		return nil
	})
}

func pgDelete(ctx context.Context, tx *sql.Tx, dels []quad.Quad) error {
	if err := copyHashes(ctx, tx, "kg_del", nodeHashes(dels)); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, refsUpdate(`x AS (
	DELETE FROM quads q USING kg_del d
	WHERE q.subject_hash = d.s AND q.predicate_hash = d.p AND q.object_hash = d.o
	  AND q.label_hash IS NOT DISTINCT FROM d.l
	RETURNING q.subject_hash, q.predicate_hash, q.object_hash, q.label_hash)`, "-"))
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `DELETE FROM nodes WHERE refs <= 0 AND hash IN (
	SELECT s FROM kg_del UNION SELECT p FROM kg_del UNION SELECT o FROM kg_del UNION SELECT l FROM kg_del)`)
	return err
}

func pgInsert(ctx context.Context, tx *sql.Tx, adds []quad.Quad, fresh []quad.Value, bulk bool) error {
	if len(fresh) > 0 {
		// A bulk build is of a store that held no documents, and has no
		// index to ask quickly.
		ok := bulk
		if !ok {
			var err error
			if ok, err = absent(ctx, tx, fresh); err != nil {
				return err
			}
		}
		if ok {
			return pgInsertFresh(ctx, tx, adds)
		}
	}
	hs := nodeHashes(adds)
	if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE kg_nodes (LIKE nodes) ON COMMIT DROP`); err != nil {
		return err
	}
	if err := copyNodes(ctx, tx, adds, hs, nil); err != nil {
		return err
	}
	if err := copyHashes(ctx, tx, "kg_quads", hs); err != nil {
		return err
	}
	// Quads already stored are not added again (IgnoreDup), and do not count
	// as references.
	if _, err := tx.ExecContext(ctx, `DELETE FROM kg_quads k USING quads q
WHERE q.subject_hash = k.s AND q.predicate_hash = k.p AND q.object_hash = k.o AND q.label_hash IS NOT DISTINCT FROM k.l`); err != nil {
		return err
	}
	// New nodes come with their reference counts; existing ones add them.
	list := strings.Join(nodeColumns, ", ")
	if _, err := tx.ExecContext(ctx, `INSERT INTO nodes (hash, refs, `+list+`)
SELECT n.hash, c.n, `+prefixed("n.", nodeColumns)+` FROM kg_nodes n JOIN (
	SELECT h, count(*) AS n FROM (
		SELECT s AS h FROM kg_quads UNION ALL SELECT p FROM kg_quads
		UNION ALL SELECT o FROM kg_quads UNION ALL SELECT l FROM kg_quads
	) hs WHERE h IS NOT NULL GROUP BY h) c ON c.h = n.hash
ON CONFLICT (hash) DO UPDATE SET refs = nodes.refs + EXCLUDED.refs`); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO quads (subject_hash, predicate_hash, object_hash, label_hash, ts)
SELECT s, p, o, l, now() FROM kg_quads ORDER BY s, p, o, l`)
	return err
}

// absent tells whether none of the documents (by their node) has a quad
// stored: then none of their quads can be, since a document's quads are
// written in one transaction.
func absent(ctx context.Context, tx *sql.Tx, docs []quad.Value) (bool, error) {
	hashes := make([][]byte, len(docs))
	for i, d := range docs {
		hashes[i] = hashOf(d).([]byte)
	}
	var n int
	err := tx.QueryRowContext(ctx, `SELECT count(*) FROM quads WHERE subject_hash = ANY($1) AND predicate_hash = $2`,
		pq.Array(hashes), hashOf(pType)).Scan(&n)
	return n == 0, err
}

// pgInsertFresh adds quads known to be new: reference counts are computed
// here, and the quads are copied straight into Cayley's table.
func pgInsertFresh(ctx context.Context, tx *sql.Tx, adds []quad.Quad) error {
	if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE kg_nodes (LIKE nodes) ON COMMIT DROP`); err != nil {
		return err
	}
	hs := nodeHashes(adds)
	refs := make(map[csql.NodeHash]int)
	for i := range hs {
		for _, h := range hs[i] {
			if h.Valid() {
				refs[h]++
			}
		}
	}
	if err := copyNodes(ctx, tx, adds, hs, refs); err != nil {
		return err
	}
	list := strings.Join(append([]string{"hash", "refs"}, nodeColumns...), ", ")
	if _, err := tx.ExecContext(ctx, `INSERT INTO nodes (`+list+`) SELECT `+list+` FROM kg_nodes
ON CONFLICT (hash) DO UPDATE SET refs = nodes.refs + EXCLUDED.refs`); err != nil {
		return err
	}
	// In index order: the b-trees keyed by subject take the rows page by
	// page instead of at random.
	rows := make([][4][]byte, len(adds))
	for i := range hs {
		for j := range hs[i] {
			if hs[i][j].Valid() {
				rows[i][j] = hs[i][j].ValueHash[:]
			}
		}
	}
	sort.Slice(rows, func(i, j int) bool {
		for k := 0; k < 4; k++ {
			if c := bytes.Compare(rows[i][k], rows[j][k]); c != 0 {
				return c < 0
			}
		}
		return false
	})
	now := time.Now()
	return copyRows(ctx, tx, "quads", []string{"subject_hash", "predicate_hash", "object_hash", "label_hash", "ts"}, func(row func(...any) error) error {
		for _, r := range rows {
			var l any
			if r[3] != nil {
				l = r[3]
			}
			if err := row(r[0], r[1], r[2], l, now); err != nil {
				return err
			}
		}
		return nil
	})
}

// copyNodes copies the distinct values of the quads (hashed in hs) into
// kg_nodes, each with its reference count from refs (0 when refs is nil).
func copyNodes(ctx context.Context, tx *sql.Tx, adds []quad.Quad, hs [][4]csql.NodeHash, refs map[csql.NodeHash]int) error {
	cols := append([]string{"hash", "refs"}, nodeColumns...)
	return copyRows(ctx, tx, "kg_nodes", cols, func(row func(...any) error) error {
		seen := make(map[csql.NodeHash]bool)
		for i, q := range adds {
			for j, v := range [4]quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
				if v == nil {
					continue
				}
				h := hs[i][j]
				if seen[h] {
					continue
				}
				seen[h] = true
				typ, vals, err := csql.NodeValues(h, v)
				if err != nil {
					return err
				}
				r := make([]any, len(cols))
				r[0], r[1] = vals[0], refs[h]
				for i, c := range typ.Columns() {
					for j, nc := range nodeColumns {
						if nc == c {
							r[2+j] = vals[1+i]
						}
					}
				}
				if err := row(r...); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

func prefixed(p string, cols []string) string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = p + c
	}
	return strings.Join(out, ", ")
}

// quads reads quads with their values in one query (Cayley's reader asks
// for each node separately). where filters on the quads table q.
func (p *pgLoader) quads(ctx context.Context, fn func(quad.Quad), where string, args ...any) error {
	return p.quadsIn(ctx, p.db, fn, where, args...)
}

// quadsIn is quads, read through db (the store, or a transaction).
func (p *pgLoader) quadsIn(ctx context.Context, db interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, fn func(quad.Quad), where string, args ...any) error {
	var sel []string
	for _, a := range []string{"s", "p", "o", "l"} {
		for _, c := range nodeColumns {
			sel = append(sel, a+"."+c)
		}
	}
	rows, err := db.QueryContext(ctx, `SELECT `+strings.Join(sel, ", ")+`
FROM quads q JOIN nodes s ON s.hash = q.subject_hash JOIN nodes p ON p.hash = q.predicate_hash
JOIN nodes o ON o.hash = q.object_hash LEFT JOIN nodes l ON l.hash = q.label_hash `+where, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var cells [4]nodeCells
	dst := make([]any, 0, 40)
	for i := range cells {
		dst = append(dst, cells[i].ptrs()...)
	}
	for rows.Next() {
		if err := rows.Scan(dst...); err != nil {
			return err
		}
		var q quad.Quad
		for i, d := range quad.Directions {
			v, err := cells[i].value()
			if err != nil {
				return err
			}
			q.Set(d, v)
		}
		fn(q)
	}
	return rows.Err()
}

type nodeCells struct {
	data              []byte
	str, typ, lang    sql.NullString
	iri, bnode, vbool sql.NullBool
	vint              sql.NullInt64
	vfloat            sql.NullFloat64
	vtime             sql.NullTime
}

func (c *nodeCells) ptrs() []any {
	return []any{&c.data, &c.str, &c.typ, &c.lang, &c.iri, &c.bnode, &c.vint, &c.vbool, &c.vfloat, &c.vtime}
}

// value mirrors Cayley's sql NameOf.
func (c *nodeCells) value() (quad.Value, error) {
	unesc := func(s string) quad.String { return quad.String(strings.ReplaceAll(s, `\x00`, "\x00")) }
	switch {
	case c.str.Valid && c.iri.Bool:
		return quad.IRI(c.str.String), nil
	case c.str.Valid && c.bnode.Bool:
		return quad.BNode(c.str.String), nil
	case c.str.Valid && c.lang.Valid:
		return quad.LangString{Value: unesc(c.str.String), Lang: c.lang.String}, nil
	case c.str.Valid && c.typ.Valid:
		return quad.TypedString{Value: unesc(c.str.String), Type: quad.IRI(c.typ.String)}, nil
	case c.str.Valid:
		return unesc(c.str.String), nil
	case c.vint.Valid:
		return quad.Int(c.vint.Int64), nil
	case c.vbool.Valid:
		return quad.Bool(c.vbool.Bool), nil
	case c.vfloat.Valid:
		return quad.Float(c.vfloat.Float64), nil
	case c.vtime.Valid:
		return quad.Time(c.vtime.Time.In(time.UTC)), nil
	case len(c.data) > 0:
		return pquads.UnmarshalValue(c.data)
	}
	return nil, nil
}
