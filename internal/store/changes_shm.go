//go:build unix

package store

import (
	"os"
	"sync/atomic"
	"syscall"
	"unsafe"
)

// shmHeader reads the wal-index header that SQLite keeps in the database's
// "-shm" file (https://www.sqlite.org/walformat.html): every process with
// the database open maps the same file, and every commit rewrites the
// header, bumping iChange and moving mxFrame. Reading it is a few memory
// loads, with no query and no cgo call, so it can run on every request.
type shmHeader struct {
	mem []byte
}

// openShm maps the first page of path's "-shm" file read-only, or returns
// nil when it cannot (not in WAL mode yet, or no such file).
func openShm(dbPath string) *shmHeader {
	f, err := os.Open(dbPath + "-shm")
	if err != nil {
		return nil
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || st.Size() < 136 {
		return nil
	}
	mem, err := syscall.Mmap(int(f.Fd()), 0, 4096, syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil
	}
	return &shmHeader{mem: mem}
}

// state returns the header's change counter, last frame and salts as one
// key, and whether the two copies SQLite keeps agree (they differ only
// while a writer is updating them).
func (h *shmHeader) state() (key [4]uint32, stable bool) {
	var a, b [12]uint32
	for i := range a {
		a[i] = atomic.LoadUint32((*uint32)(unsafe.Pointer(&h.mem[4*i])))
	}
	for i := range b {
		b[i] = atomic.LoadUint32((*uint32)(unsafe.Pointer(&h.mem[48+4*i])))
	}
	// Words: 0 iVersion, 1 unused, 2 iChange, 3 isInit|bigEndCksum|szPage,
	// 4 mxFrame, 5 nPage, 6–7 aFrameCksum, 8–9 aSalt, 10–11 aCksum. The
	// key is read in native order, as SQLite writes it.
	return [4]uint32{a[2], a[4], a[8], a[9]}, a == b
}

func (h *shmHeader) close() error { return syscall.Munmap(h.mem) }
