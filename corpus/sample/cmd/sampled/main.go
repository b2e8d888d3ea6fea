// Command sampled serves the sample web UI and reports platform details.
package main

import (
	"flag"
	"fmt"
	"log"
	"net/http"

	"example.com/sample/internal/platform"
	"example.com/sample/native"
	"example.com/sample/web"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	flag.Parse()
	fmt.Printf("sampled on %s (%d CPUs, checksum %d)\n", platform.Name(), platform.CPUs(), native.Checksum([]byte("sample")))
	log.Fatal(http.ListenAndServe(*addr, web.Handler()))
}
