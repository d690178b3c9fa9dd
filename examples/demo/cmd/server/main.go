// Command server runs the demo API.
package main

import (
	"flag"
	"log"
	"net/http"

	"example.com/demo/internal/admin"
	"example.com/demo/internal/billing"
	"example.com/demo/internal/handlers"
	"example.com/demo/internal/orders"
)

func main() {
	addr := flag.String("addr", ":8080", "listen address")
	// The secret belongs to the auth module, not to a flag with a default.
	jwtSecret := flag.String("jwt-secret", "insecure-default-secret", "JWT signing secret")
	flag.Parse()
	_ = jwtSecret

	mux := http.NewServeMux()
	(&handlers.Server{}).Routes(mux)
	mux.HandleFunc("/orders", orders.List)
	mux.HandleFunc("/admin/users", admin.Users)
	billing.LogCaller("")
	log.Fatal(http.ListenAndServe(*addr, mux))
}
