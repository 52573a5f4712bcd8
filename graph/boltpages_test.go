package graph

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// TestBoltPages writes buckets of every shape by hand (empty, inline, one
// leaf just over the inline size, many leaves and branch levels, values
// larger than a page) and reads them back through bbolt, after its
// consistency check; then bbolt writes to the file.
func TestBoltPages(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pages.db")
	pf, err := createPageFile(path)
	if err != nil {
		t.Fatal(err)
	}
	value := func(b, i int) []byte {
		if b == 4 && i%97 == 0 {
			return bytes.Repeat([]byte{byte(i)}, 9000+i%500) // overflow pages
		}
		return []byte(fmt.Sprintf("值%d/%d", b, i))
	}
	// 32 keys of b2 are inline, 33 of b3 just over.
	sizes := []int{0, 1, 32, 33, 60_000, 500}
	want := make(map[string]map[string][]byte)
	var root []rootEntry
	for b, n := range sizes {
		name := fmt.Sprintf("b%d", b)
		want[name] = make(map[string][]byte)
		tw := newTreeWriter(pf)
		for i := 0; i < n; i++ {
			k := binary.BigEndian.AppendUint64(nil, uint64(i))
			if err := tw.put(0, k, value(b, i)); err != nil {
				t.Fatal(err)
			}
			want[name][string(k)] = value(b, i)
		}
		v, err := tw.bucket()
		if err != nil {
			t.Fatal(err)
		}
		if inline := le.Uint64(v) == 0; inline != (b <= 2) {
			t.Errorf("%s: %d keys, inline %v", name, n, inline)
		}
		root = append(root, rootEntry{name: []byte(name), value: v})
	}
	tw := newTreeWriter(pf)
	for _, e := range root {
		if err := tw.put(boltBucketLeaf, e.name, e.value); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.put(0, []byte("z"), []byte("a plain key")); err != nil {
		t.Fatal(err)
	}
	if err := tw.put(0, []byte("y"), nil); err == nil || !strings.Contains(err.Error(), "after") {
		t.Errorf("a key out of order: %v", err)
	}
	rv, err := tw.bucket()
	if err != nil {
		t.Fatal(err)
	}
	rootPage := le.Uint64(rv)
	if rootPage == 0 {
		if rootPage, err = pf.write(padPage(rv[16:])); err != nil {
			t.Fatal(err)
		}
	}
	if err := pf.finish(rootPage); err != nil {
		t.Fatal(err)
	}

	checkBolt(t, path)
	db, err := bolt.Open(path, 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	read := func() {
		t.Helper()
		err := db.View(func(tx *bolt.Tx) error {
			for name, kvs := range want {
				b := tx.Bucket([]byte(name))
				if b == nil {
					return fmt.Errorf("no bucket %s", name)
				}
				n := 0
				err := b.ForEach(func(k, v []byte) error {
					n++
					if w, ok := kvs[string(k)]; !ok || !bytes.Equal(v, w) {
						return fmt.Errorf("%s: %x = %q", name, k, v)
					}
					return nil
				})
				if err != nil {
					return err
				}
				if n != len(kvs) {
					return fmt.Errorf("%s: %d keys, want %d", name, n, len(kvs))
				}
			}
			if v := tx.Bucket([]byte("z")); v != nil {
				return fmt.Errorf("a plain key read as a bucket")
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	read()
	// bbolt writes into the buckets written by hand.
	err = db.Update(func(tx *bolt.Tx) error {
		for name, kvs := range want {
			for i := 0; i < 100; i++ {
				k := []byte(fmt.Sprintf("\xffnew%d", i))
				kvs[string(k)] = []byte("新")
				if err := tx.Bucket([]byte(name)).Put(k, []byte("新")); err != nil {
					return err
				}
			}
			k := binary.BigEndian.AppendUint64(nil, 0)
			if _, ok := kvs[string(k)]; ok {
				delete(kvs, string(k))
				if err := tx.Bucket([]byte(name)).Delete(k); err != nil {
					return err
				}
			}
		}
		_, err := tx.CreateBucket([]byte("meta"))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	read()
	db.Close()
	checkBolt(t, path)
}
