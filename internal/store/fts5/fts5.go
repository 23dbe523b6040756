// Package fts5 compiles SQLite's FTS5 full-text engine into the binary and
// registers it on every SQLite connection the mattn/go-sqlite3 driver
// opens, so that full-text search works with a plain `go build`, without
// the driver's sqlite_fts5 build tag. Import it for its side effect before
// opening a database; the store does.
//
// fts5.c is the FTS5 part of the very SQLite amalgamation the driver ships
// (see gen.sh), built as a statically linked extension. When the linked
// SQLite already has FTS5 (the driver built with -tags sqlite_fts5, or a
// system libsqlite3), registration is skipped.
package fts5

/*
#cgo CFLAGS: -std=gnu99 -DNDEBUG -Wno-unused-function
#cgo LDFLAGS: -lm
#include "sqlite3-binding.h"

int sqlite3_fts5_init(sqlite3*, char**, const sqlite3_api_routines*);

static int marquee_register_fts5(void) {
	if (sqlite3_compileoption_used("ENABLE_FTS5")) return SQLITE_OK;
	return sqlite3_auto_extension((void (*)(void))sqlite3_fts5_init);
}
*/
import "C"

import (
	"fmt"

	_ "github.com/mattn/go-sqlite3" // the SQLite this extension registers with
)

func init() {
	if rc := C.marquee_register_fts5(); rc != C.SQLITE_OK {
		panic(fmt.Sprintf("fts5: registering with SQLite failed (code %d)", int(rc)))
	}
}
