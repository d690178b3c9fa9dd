// Package formuse binds a request's form with another package's loader
// wrapper, and a file's values with the same wrapper: the first is
// request data, the second a setting.
package formuse

import (
	"net/http"

	"github.com/golang-jwt/jwt/v5" // want `import of JWT library`

	"reach/requests/formbind"
)

type signRequest struct {
	Material string `json:"material"`
}

func sign(req signRequest) (string, error) {
	return jwt.New(jwt.SigningMethodHS256).SignedString([]byte(req.Material)) // want `call of jwt.New` `call of \(\*jwt.Token\).SignedString`
}

func handle(w http.ResponseWriter, r *http.Request) {
	var req signRequest
	if err := formbind.Unmarshal(r.Form, &req); err != nil {
		return
	}
	tok, _ := sign(req)
	_, _ = w.Write([]byte(tok))
}

func fromValues(values map[string][]string) (string, error) {
	var req signRequest
	if err := formbind.Unmarshal(values, &req); err != nil { // want `JWT secret material read into field Material by json.Unmarshal`
		return "", err
	}
	return sign(req)
}
