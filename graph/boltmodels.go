package graph

// Each document's model, packed (lean.go), kept in the bolt file beside
// Cayley's buckets, so that opening a store builds its index from one small
// record per document instead of decoding every quad. The bucket also holds
// a fingerprint: the store's quad horizon and size (Cayley's meta) when the
// models were last written. The bolt writer writes models and fingerprint in
// the transaction that writes their quads; a change made through Cayley's
// own path (removals) is followed by a transaction of ours that does. If
// the process dies between the two, the fingerprint no longer matches, and
// the next open reads the quads instead, then writes the models again.

import (
	"bytes"
	"encoding/binary"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

var (
	bktModels      = []byte("kg.models")
	keyFingerprint = []byte("\x00fingerprint")
)

// fingerprint is the state of Cayley's meta that the models describe.
func fingerprint(meta *bolt.Bucket) []byte {
	b := make([]byte, 16)
	binary.BigEndian.PutUint64(b, uint64(metaInt(meta, "horizon")))
	binary.BigEndian.PutUint64(b[8:], uint64(metaInt(meta, "size")))
	return b
}

// putModelsTx stores (or, for a nil value, deletes) documents' packed
// models and the fingerprint of the transaction's final state; call it
// after the transaction's quads are written.
func putModelsTx(tx *bolt.Tx, models map[string][]byte) error {
	b, err := tx.CreateBucketIfNotExists(bktModels)
	if err != nil {
		return err
	}
	for doc, packed := range models {
		if doc == "" {
			continue
		}
		if packed == nil {
			err = b.Delete([]byte(doc))
		} else {
			err = b.Put([]byte(doc), packed)
		}
		if err != nil {
			return err
		}
	}
	meta := tx.Bucket(bktMeta)
	if meta == nil {
		return fmt.Errorf("bolt store not initialized")
	}
	return b.Put(keyFingerprint, fingerprint(meta))
}

// putModels stores models in a transaction of their own (after a change
// made through Cayley's path).
func (w *boltWriter) putModels(models map[string][]byte) error {
	return w.db.Update(func(tx *bolt.Tx) error { return putModelsTx(tx, models) })
}

// resetModels replaces every stored model.
func (w *boltWriter) resetModels(models map[string][]byte) error {
	return w.db.Update(func(tx *bolt.Tx) error {
		if tx.Bucket(bktModels) != nil {
			if err := tx.DeleteBucket(bktModels); err != nil {
				return err
			}
		}
		return putModelsTx(tx, models)
	})
}

// models calls fn for every stored model, in document id order, and
// reports false (having called fn for none) when there are none or they do
// not describe the store's current quads.
func (w *boltWriter) models(fn func(doc string, packed []byte) error) (bool, error) {
	ok := false
	err := w.db.View(func(tx *bolt.Tx) error {
		b, meta := tx.Bucket(bktModels), tx.Bucket(bktMeta)
		if b == nil || meta == nil || !bytes.Equal(b.Get(keyFingerprint), fingerprint(meta)) {
			return nil
		}
		ok = true
		return b.ForEach(func(k, v []byte) error {
			if bytes.Equal(k, keyFingerprint) {
				return nil
			}
			// Values are only valid in the transaction.
			return fn(string(k), bytes.Clone(v))
		})
	})
	return ok, err
}
