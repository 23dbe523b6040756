// Command static serves one file's bytes from memory for every request
// with Go's net/http: the ceiling a Go server can reach on this machine,
// next to nginx, in the web benchmark. Usage: static FILE ADDR
package main

import (
	"fmt"
	"net/http"
	"os"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: static FILE ADDR")
		os.Exit(2)
	}
	body, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "static:", err)
		os.Exit(1)
	}
	err = http.ListenAndServe(os.Args[2], http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(body)
	}))
	fmt.Fprintln(os.Stderr, "static:", err)
	os.Exit(1)
}
