package memory

import (
	"runtime/debug"
	"testing"
)

func TestField(t *testing.T) {
	status := []byte("Name:\tkg\nVmHWM:\t  123456 kB\nRssAnon:\t    2048 kB\nRssShmem:\t       0 kB\n")
	for name, want := range map[string]int64{"VmHWM:": 123456 << 10, "RssAnon:": 2 << 20, "RssShmem:": 0, "VmSwap:": 0} {
		if got := Field(status, name); got != want {
			t.Errorf("Field(%q) = %d, want %d", name, got, want)
		}
	}
}

func TestMachine(t *testing.T) {
	if m := Machine(); m < 64<<20 {
		t.Errorf("Machine() = %d bytes: too little to be this machine's memory", m)
	}
}

// TestLimit checks each source of the limit against what the runtime then
// holds. Not parallel: the limit is the process's.
func TestLimit(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(before)

	if got, src := Limit(1500); got != 1500<<20 || src != "--max-memory" || debug.SetMemoryLimit(-1) != 1500<<20 {
		t.Errorf("Limit(1500) = %d, %q; runtime holds %d", got, src, debug.SetMemoryLimit(-1))
	}
	if got, _ := Limit(0); got != Machine()/4*3 || debug.SetMemoryLimit(-1) != got {
		t.Errorf("Limit(0) = %d, want 3/4 of %d; runtime holds %d", got, Machine(), debug.SetMemoryLimit(-1))
	}
	debug.SetMemoryLimit(777 << 20)
	if got, src := Limit(-1); got != 0 || src != "none" || debug.SetMemoryLimit(-1) != 777<<20 {
		t.Errorf("Limit(-1) = %d, %q and changed the runtime's limit to %d", got, src, debug.SetMemoryLimit(-1))
	}
	t.Setenv("GOMEMLIMIT", "2GiB")
	debug.SetMemoryLimit(2 << 30) // what the runtime read at start
	if got, src := Limit(1500); got != 2<<30 || src != "GOMEMLIMIT" {
		t.Errorf("with GOMEMLIMIT, Limit(1500) = %d, %q; want the runtime's 2 GiB kept", got, src)
	}
}
