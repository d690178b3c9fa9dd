// Package handlers serves the login endpoint. It predates the auth module
// and still signs its own tokens.
package handlers

import (
	"net/http"
	"time"

	jwtlib "github.com/golang-jwt/jwt/v5"
)

// signingKey was meant for local development only.
var signingKey = []byte("dev-signing-key-change-me")

// Server handles logins.
type Server struct{}

func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	claims := jwtlib.MapClaims{
		"sub": r.FormValue("user"),
		"exp": time.Now().Add(time.Hour).Unix(),
	}
	tok := jwtlib.NewWithClaims(jwtlib.SigningMethodHS256, claims)
	signed, err := tok.SignedString(signingKey)
	if err != nil {
		http.Error(w, "cannot sign", http.StatusInternalServerError)
		return
	}
	w.Write([]byte(signed))
}

// Routes registers the handlers.
func (s *Server) Routes(mux *http.ServeMux) {
	mux.HandleFunc("/login", s.login)
}
