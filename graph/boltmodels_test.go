package graph

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/kgraph/kg"
)

// TestStoredModels: a bolt store reopened from its stored models holds the
// index a reading of its quads gives, after loads, a replacement and a
// removal; with a stale fingerprint (a crash between Cayley's transaction
// and ours) it reads the quads and stores the models again.
func TestStoredModels(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "kg.db")
	s, err := Open(ctx, "bolt:"+path, ForLoading())
	if err != nil {
		t.Fatal(err)
	}
	doc := func(id string, n int, firm string) (kg.Document, *kg.Extraction) {
		d := kg.Document{ID: id, Title: "报告" + id, Year: 2020 + n, Text: "文本" + firm}
		x := &kg.Extraction{
			Entities: []kg.Entity{{ID: "enterprise/" + firm, Type: kg.TypeEnterprise, Name: firm},
				{ID: "industry/智能制造", Type: kg.TypeIndustry, Name: "智能制造"}},
			Relations: []kg.Relation{{Subject: "enterprise/" + firm, Predicate: kg.PredInIndustry, Object: "industry/智能制造",
				Evidence: []kg.Evidence{{Document: id, Sentence: 0, Start: 0, End: 2, Text: "文本"}}}},
		}
		return d, x
	}
	for i := 0; i < 5; i++ {
		d, x := doc(fmt.Sprintf("d%d", i), i, fmt.Sprintf("云岫%d", i))
		if _, err := s.LoadDocument(ctx, d, x); err != nil {
			t.Fatal(err)
		}
	}
	d, x := doc("d1", 9, "晶澜") // replaced: Cayley's path, then our models
	if _, err := s.LoadDocument(ctx, d, x); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveDocument(ctx, "d3"); err != nil {
		t.Fatal(err)
	}
	s.Close()

	fromQuads := func() *index {
		s, err := Open(ctx, "bolt:"+path)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if _, err := s.loadIndexFromQuads(ctx); err != nil {
			t.Fatal(err)
		}
		return s.idx
	}
	want := fromQuads()
	reopen := func() (*index, bool) {
		s, err := Open(ctx, "bolt:"+path)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		ok, err := s.bw.models(func(string, []byte) error { return nil })
		if err != nil {
			t.Fatal(err)
		}
		return s.idx, ok
	}
	got, ok := reopen()
	if !ok {
		t.Fatal("the stored models do not match the store after loads, a replacement and a removal")
	}
	if !reflect.DeepEqual(got.docs, want.docs) || !reflect.DeepEqual(got.keys, want.keys) || len(got.entities) != len(want.entities) {
		t.Errorf("index from models differs from the index from quads:\n got %v\nwant %v", got.docs, want.docs)
	}
	for id, me := range want.entities {
		if g, ok := got.entities[id]; !ok || !reflect.DeepEqual(g.entity, me.entity) {
			t.Errorf("entity %s from models: %+v, want %+v", id, g, me.entity)
		}
	}
	if _, kept := got.docs["d3"]; kept || len(got.docs) != 4 {
		t.Errorf("documents: %v, want d0, d1, d2 and d4", got.docs)
	}

	// A stale fingerprint: the quads are read, the models stored again.
	db, err := bolt.Open(path, 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bktModels).Put(keyFingerprint, []byte("stale"))
	}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s2, err := Open(ctx, "bolt:"+path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(s2.idx.docs, want.docs) {
		t.Errorf("after a stale fingerprint: %v", s2.idx.docs)
	}
	s2.Close()
	if _, ok := reopen(); !ok {
		t.Error("the models were not stored again after reading the quads")
	}
}
