// Command loaddemo writes the demo catalog (Sean Baker's films and their
// dossiers) into an existing database, so a benchmark on a large generated
// catalog can load the Red Rocket page. Usage: go run ./bench/web/loaddemo DB
package main

import (
	"context"
	"fmt"
	"os"

	"marquee/internal/demo"
	"marquee/internal/store"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: loaddemo DB")
		os.Exit(2)
	}
	ctx := context.Background()
	st, err := store.Open(ctx, os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "loaddemo:", err)
		os.Exit(1)
	}
	defer st.Close()
	if err := demo.Load(ctx, st); err != nil {
		fmt.Fprintln(os.Stderr, "loaddemo:", err)
		os.Exit(1)
	}
}
