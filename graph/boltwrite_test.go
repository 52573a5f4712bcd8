package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"

	"github.com/cayleygraph/quad"
	"github.com/kgraph/kg"
	bolt "go.etcd.io/bbolt"
	"google.golang.org/protobuf/encoding/protowire"
)

// layoutBatches are written by both writers: new nodes and quads, a quad
// repeated in a batch, a quad without a label, then a batch reusing nodes,
// repeating a stored quad and adding to stored index lists.
func layoutBatches() [][]quad.Quad {
	iri := func(s string) quad.IRI { return quad.IRI("https://kgraph.github.io/id/" + s) }
	p := func(s string) quad.IRI { return quad.IRI("https://kgraph.github.io/ns#" + s) }
	doc1, doc2 := iri("doc/甲"), iri("doc/乙")
	firm, proj := iri("enterprise/云岫半导体"), iri("project/云岫半导体总部")
	var b1, b2 []quad.Quad
	for i := 0; i < 50; i++ {
		e := iri(fmt.Sprintf("enterprise/企业%d", i))
		b1 = append(b1,
			quad.Quad{Subject: e, Predicate: p("type"), Object: p("Enterprise"), Label: doc1},
			quad.Quad{Subject: e, Predicate: p("label"), Object: quad.String(fmt.Sprintf("企业%d", i)), Label: doc1},
			quad.Quad{Subject: e, Predicate: p("year"), Object: quad.Int(2020 + i%3), Label: doc1},
		)
	}
	b1 = append(b1,
		quad.Quad{Subject: firm, Predicate: p("hasProject"), Object: proj, Label: doc1},
		quad.Quad{Subject: firm, Predicate: p("hasProject"), Object: proj, Label: doc1},
		quad.Quad{Subject: proj, Predicate: p("stage"), Object: quad.String("开工"), Label: nil},
		quad.Quad{Subject: proj, Predicate: p("value"), Object: quad.Float(1.5), Label: doc1},
	)
	b2 = append(b2,
		quad.Quad{Subject: firm, Predicate: p("hasProject"), Object: proj, Label: doc1}, // stored
		quad.Quad{Subject: firm, Predicate: p("hasProject"), Object: proj, Label: doc2},
		quad.Quad{Subject: proj, Predicate: p("stage"), Object: quad.String("投产"), Label: doc2},
		quad.Quad{Subject: iri("enterprise/企业7"), Predicate: p("type"), Object: p("Enterprise"), Label: doc2},
		quad.Quad{Subject: proj, Predicate: p("stage"), Object: quad.String("开工"), Label: nil}, // stored
	)
	return [][]quad.Quad{b1, b2}
}

// TestBoltWriterLayout writes the same batches through Cayley's ApplyDeltas
// and through the bolt writer, and compares every bucket byte for byte
// (primitives' timestamps aside). Reference counts are the exception:
// Cayley counts a quad it skips as a duplicate anyway (so such a node
// never goes away), the bolt writer does not; they are checked against the
// quads read back instead.
func TestBoltWriterLayout(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	cayley, err := Open(ctx, "bolt:"+filepath.Join(dir, "cayley.db"))
	if err != nil {
		t.Fatal(err)
	}
	ours, err := Open(ctx, "bolt:"+filepath.Join(dir, "ours.db"))
	if err != nil {
		t.Fatal(err)
	}
	if ours.bw == nil {
		t.Fatal("the bolt writer is not in use")
	}
	for _, b := range layoutBatches() {
		deltas := make([]cgraph.Delta, len(b))
		for i, q := range b {
			deltas[i] = cgraph.Delta{Quad: q, Action: cgraph.Add}
		}
		if err := cayley.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreDup: true}); err != nil {
			t.Fatal(err)
		}
		if _, err := ours.bw.add(b); err != nil {
			t.Fatal(err)
		}
	}
	want, got := boltContents(t, cayley, false), boltContents(t, ours, false)
	if want != got {
		t.Errorf("layouts differ:\n%s", lineDiff(want, got))
	}
	// And Cayley reads back what ours wrote.
	for _, s := range []*Store{cayley, ours} {
		var n int
		if err := s.eachQuad(ctx, func(quad.Quad) { n++ }); err != nil {
			t.Fatal(err)
		}
		if n != 156 {
			t.Errorf("%s: %d quads read back, want 156", s.Addr(), n)
		}
	}
	// Our reference counts are the quads using each node.
	uses := make(map[string]int)
	if err := ours.eachQuad(ctx, func(q quad.Quad) {
		for _, d := range quad.Directions {
			if v := q.Get(d); v != nil {
				uses[fmt.Sprintf("%x", quad.HashOf(v))]++
			}
		}
	}); err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(boltContents(t, ours, true), "\n") {
		var bucket, hash, count string
		fmt.Sscanf(l, "%s %s = %s", &bucket, &hash, &count)
		if !strings.HasPrefix(bucket, `/"n`) {
			continue
		}
		c, _ := hex.DecodeString(count)
		n, _ := binary.Uvarint(c)
		if int(n) != uses[hash] {
			t.Errorf("node %s: %d references, %d quads use it", hash, n, uses[hash])
		}
		delete(uses, hash)
	}
	if len(uses) != 0 {
		t.Errorf("nodes without a reference count: %v", uses)
	}
	cayley.Close()
	ours.Close()
}

// boltContents lists every key and value of a bolt store, one per line,
// with the primitives' timestamps cleared.
func boltContents(t *testing.T, s *Store, refs bool) string {
	t.Helper()
	var lines []string
	err := s.bw.db.View(func(tx *bolt.Tx) error {
		var walk func(path string, b *bolt.Bucket) error
		walk = func(path string, b *bolt.Bucket) error {
			return b.ForEach(func(k, v []byte) error {
				if v == nil {
					return walk(path+"/"+fmt.Sprintf("%q", k), b.Bucket(k))
				}
				if !refs && strings.HasPrefix(path, `/"n`) {
					return nil
				}
				if strings.HasPrefix(path, `/"log"`) {
					v = withoutTimestamp(t, v)
				}
				lines = append(lines, fmt.Sprintf("%s %x = %x", path, k, v))
				return nil
			})
		}
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			return walk(fmt.Sprintf("/%q", name), b)
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

func withoutTimestamp(t *testing.T, b []byte) []byte {
	var out []byte
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			t.Fatalf("bad primitive %x", b)
		}
		m := protowire.ConsumeFieldValue(num, typ, b[n:])
		if num != 7 {
			out = append(out, b[:n+m]...)
		}
		b = b[n+m:]
	}
	return out
}

func lineDiff(a, b string) string {
	as, bs := strings.Split(a, "\n"), strings.Split(b, "\n")
	inB := make(map[string]bool)
	for _, l := range bs {
		inB[l] = true
	}
	inA := make(map[string]bool)
	for _, l := range as {
		inA[l] = true
	}
	var out bytes.Buffer
	for _, l := range as {
		if !inB[l] {
			fmt.Fprintf(&out, "- %s\n", l)
		}
	}
	for _, l := range bs {
		if !inA[l] {
			fmt.Fprintf(&out, "+ %s\n", l)
		}
	}
	return out.String()
}

// TestBoltReadAll: the one-pass read of the log lists the quads Cayley's
// iterators list, after adds, replacements (Cayley's delete path), a
// removal and a long literal.
func TestBoltReadAll(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, "bolt:"+filepath.Join(t.TempDir(), "kg.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	long := strings.Repeat("长文本。", 2000)
	for i := 0; i < 6; i++ {
		id := fmt.Sprintf("d%d", i%4)
		doc := kg.Document{ID: id, Title: fmt.Sprintf("报告%d", i), Year: 2020 + i, Text: long[:len(long)-i*3]}
		x := &kg.Extraction{Entities: []kg.Entity{{ID: fmt.Sprintf("enterprise/企业%d", i), Type: kg.TypeEnterprise, Name: fmt.Sprintf("企业%d", i)}}}
		if _, err := s.LoadDocument(ctx, doc, x); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.RemoveDocument(ctx, "d3"); err != nil {
		t.Fatal(err)
	}
	collect := func(each func(context.Context, func(quad.Quad)) error) []string {
		var out []string
		if err := each(ctx, func(q quad.Quad) { out = append(out, q.String()) }); err != nil {
			t.Fatal(err)
		}
		sort.Strings(out)
		return out
	}
	want, got := collect(s.cayleyQuads), collect(s.bw.eachQuad)
	if len(want) < 15 || strings.Join(want, "\n") != strings.Join(got, "\n") {
		t.Errorf("one pass read %d quads, Cayley %d:\n%s", len(got), len(want), lineDiff(strings.Join(want, "\n"), strings.Join(got, "\n")))
	}
	if !strings.Contains(strings.Join(got, "\n"), long[:len(long)-6]) {
		t.Error("the long text was not read back")
	}
}
