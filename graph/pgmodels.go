package graph

// Each document's model, packed (lean.go), kept in PostgreSQL beside
// Cayley's tables, as boltmodels.go keeps them in a bolt file: opening a
// store then reads one small row per document instead of every quad
// through a four-way join (at 10,000 reports, 33 M quads: 21 minutes and
// 17 GB).
//
//	kg_models (doc, model)   one row per document, its packed model
//	kg_state  (quads, models) one row: quads counts the statements that
//	                         changed Cayley's quads table, models is the
//	                         value of quads the models describe
//
// quads is bumped by a statement trigger on the quads table, so that any
// writer counts: ours, Cayley's own, an older kg, a hand-typed DELETE (the
// trigger runs as the role that made it: a role may write the quads
// without being granted kg_state). Our
// writer writes a transaction's models in the transaction that writes
// their quads and, if models agreed with quads when it began, sets models
// to quads before it commits. The models describe the quads exactly when
// models = quads: a killed write commits neither its quads nor its models,
// and any other write leaves models behind; the next open then reads the
// quads, as before, and writes every model again.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"

	"github.com/cayleygraph/quad"
	"github.com/lib/pq"
)

// initModels creates the tables and the trigger on a store that lacks
// them (a new store, or one written by an older kg: its models are stale
// until the first open writes them). A role that may not create them, or
// a read-only server (a hot standby), opens the store without models, from
// its quads, as before they existed.
func (p *pgLoader) initModels(ctx context.Context) error {
	err := p.createModels(ctx)
	if cannotWrite(err) {
		p.noModels = true
		return nil
	}
	return err
}

// cannotWrite tells the errors of a role or a server that may not write.
func cannotWrite(err error) bool {
	var pe *pq.Error
	return errors.As(err, &pe) && (pe.Code == "42501" || pe.Code == "25006") // insufficient_privilege, read_only_sql_transaction
}

func (p *pgLoader) createModels(ctx context.Context) error {
	tx, err := p.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtext('kg_models'))`); err != nil {
		return err
	}
	var ready bool
	if err := tx.QueryRowContext(ctx, `SELECT to_regclass('kg_state') IS NOT NULL
	AND EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'kg_quads_changed' AND tgrelid = 'quads'::regclass)`).Scan(&ready); err != nil {
		return err
	}
	if ready {
		// A role granted its reads before the tables were made.
		var readable bool
		err := tx.QueryRowContext(ctx, `SELECT has_table_privilege('kg_state', 'SELECT') AND has_table_privilege('kg_models', 'SELECT')`).Scan(&readable)
		p.noModels = !readable
		return err
	}
	// doc in byte order (COLLATE "C"), as Go sorts strings: documents enter
	// the index in the order a build loads them.
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS kg_models (doc TEXT COLLATE "C" PRIMARY KEY, model BYTEA NOT NULL);
CREATE TABLE IF NOT EXISTS kg_state (quads BIGINT NOT NULL, models BIGINT NOT NULL);
DELETE FROM kg_state;
INSERT INTO kg_state VALUES (1, 0);
CREATE OR REPLACE FUNCTION kg_quads_changed() RETURNS trigger LANGUAGE plpgsql
	SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
	UPDATE kg_state SET quads = quads + 1;
	RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS kg_quads_changed ON quads;
CREATE TRIGGER kg_quads_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON quads
	FOR EACH STATEMENT EXECUTE FUNCTION kg_quads_changed()`); err != nil {
		return fmt.Errorf("create the models' tables: %w", err)
	}
	return tx.Commit()
}

// beginModels starts a write transaction's share of the models: it locks
// kg_state (writers of other processes wait here) and tells whether the
// models describe the quads as they are.
func (p *pgLoader) beginModels(ctx context.Context, tx *sql.Tx) (inSync bool, err error) {
	if p.noModels {
		return false, nil
	}
	err = tx.QueryRowContext(ctx, `SELECT quads = models FROM kg_state FOR UPDATE`).Scan(&inSync)
	return inSync, err
}

// putModels stores (or, for a nil value, deletes) documents' packed
// models, after the transaction's quads are written, and marks them as
// describing the quads if they did before it (inSync). A nil map leaves
// them marked stale: a change without its models.
func (p *pgLoader) putModels(ctx context.Context, tx *sql.Tx, models map[string][]byte, inSync bool) error {
	if models == nil || p.noModels {
		return nil
	}
	var gone []string
	docs := make([]string, 0, len(models))
	for doc, packed := range models {
		switch {
		case doc == "":
		case packed == nil:
			gone = append(gone, doc)
		default:
			docs = append(docs, doc)
		}
	}
	sort.Strings(docs)
	if len(gone) > 0 || len(docs) > 0 {
		all := append(append([]string(nil), gone...), docs...)
		if _, err := tx.ExecContext(ctx, `DELETE FROM kg_models WHERE doc = ANY($1)`, pq.Array(all)); err != nil {
			return err
		}
	}
	if len(docs) > 0 {
		err := copyRows(ctx, tx, "kg_models", []string{"doc", "model"}, func(row func(...any) error) error {
			for _, d := range docs {
				if err := row(d, models[d]); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	if !inSync {
		return nil
	}
	_, err := tx.ExecContext(ctx, `UPDATE kg_state SET models = quads`)
	return err
}

// models calls fn for every stored model, in document id order, and
// reports false (having called fn for none) when they do not describe the
// store's current quads.
func (p *pgLoader) models(ctx context.Context, fn func(doc string, packed []byte) error) (bool, error) {
	if p.noModels {
		return false, nil
	}
	tx, err := p.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	var inSync bool
	if err := tx.QueryRowContext(ctx, `SELECT quads = models FROM kg_state`).Scan(&inSync); err != nil || !inSync {
		return false, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT doc, model FROM kg_models ORDER BY doc`)
	if err != nil {
		return false, err
	}
	defer rows.Close()
	for rows.Next() {
		var doc string
		var packed []byte // a copy of its own (not sql.RawBytes)
		if err := rows.Scan(&doc, &packed); err != nil {
			return false, err
		}
		if err := fn(doc, packed); err != nil {
			return false, err
		}
	}
	if err := rows.Err(); err != nil {
		return false, err
	}
	return true, tx.Commit()
}

// allQuads calls fn for every quad, read in one snapshot, and returns the
// state of the quads (kg_state.quads) it read.
func (p *pgLoader) allQuads(ctx context.Context, fn func(quad.Quad)) (int64, error) {
	tx, err := p.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	var state int64
	if !p.noModels {
		if err := tx.QueryRowContext(ctx, `SELECT quads FROM kg_state`).Scan(&state); err != nil {
			return 0, err
		}
	}
	if err := p.quadsIn(ctx, tx, fn, ""); err != nil {
		return 0, err
	}
	return state, tx.Commit()
}

// resetModels replaces every stored model with those of the quads read at
// state (allQuads). If the quads changed since, or the role or the server
// may not write, it stores nothing: the next open reads the quads again.
func (p *pgLoader) resetModels(ctx context.Context, models map[string][]byte, state int64) error {
	if p.noModels {
		return nil
	}
	err := p.replaceModels(ctx, models, state)
	if cannotWrite(err) {
		return nil
	}
	return err
}

func (p *pgLoader) replaceModels(ctx context.Context, models map[string][]byte, state int64) error {
	tx, err := p.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var now int64
	if err := tx.QueryRowContext(ctx, `SELECT quads FROM kg_state FOR UPDATE`).Scan(&now); err != nil {
		return err
	}
	if now != state {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `TRUNCATE kg_models`); err != nil {
		return err
	}
	if err := p.putModels(ctx, tx, models, true); err != nil {
		return err
	}
	return tx.Commit()
}
