// Package admin guards the admin API. Its token check was copied from the
// auth module long ago and has drifted since: it also accepts RS256 tokens
// and five minutes of clock skew, so a token the auth module rejects can
// open the admin API. `jwtssot -inventory` names both differences.
package admin

import (
	"fmt"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// requireAdmin checks the caller's token and its admin claim.
func requireAdmin(r *http.Request) (string, error) {
	raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	claims := jwt.MapClaims{}
	_, err := jwt.ParseWithClaims(raw, claims, func(*jwt.Token) (any, error) {
		return []byte(os.Getenv("JWT_SECRET")), nil
	}, jwt.WithValidMethods([]string{"HS256", "RS256"}), jwt.WithLeeway(5*time.Minute))
	if err != nil {
		return "", fmt.Errorf("invalid token: %w", err)
	}
	if claims["admin"] != true {
		return "", fmt.Errorf("not an admin")
	}
	sub, _ := claims.GetSubject()
	return sub, nil
}

// Users lists the users, for admins only.
func Users(w http.ResponseWriter, r *http.Request) {
	who, err := requireAdmin(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusUnauthorized)
		return
	}
	fmt.Fprintf(w, "users, as seen by %s\n", who)
}
