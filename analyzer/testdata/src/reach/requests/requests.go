// Package requests decodes request bodies into structs whose fields reach
// a key: request data, not settings, like the getters of requests; a
// decoder over a file still reads one.
package requests

import (
	"encoding/json"
	"io"
	"net/http"
	"os"

	"github.com/golang-jwt/jwt/v5" // want `import of JWT library`
)

// SignRequest signs the claims a caller sends with the key it sends.
type SignRequest struct {
	Material string `json:"material"` // want Material:`holds\(read\(material\), read\(material\)\) key\(\(\*jwt.Token\).SignedString\)`
	Subject  string `json:"subject"`  // want Subject:`holds\(read\(subject\), read\(subject\)\)`
}

func sign(req SignRequest) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": req.Subject}). // want `call of jwt.NewWithClaims`
												SignedString([]byte(req.Material)) // want `call of \(\*jwt.Token\).SignedString`
}

// handle decodes the body in the call: no read of a setting.
func handle(w http.ResponseWriter, r *http.Request) {
	var req SignRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		return
	}
	tok, _ := sign(req)
	_, _ = w.Write([]byte(tok))
}

// bindBody decodes the body through a variable, as frameworks' Bind do.
func bindBody(r *http.Request, dst any) error {
	dec := json.NewDecoder(r.Body)
	return dec.Decode(dst)
}

func handleBound(w http.ResponseWriter, r *http.Request) {
	var req SignRequest
	if err := bindBody(r, &req); err != nil {
		return
	}
	tok, _ := sign(req)
	_, _ = w.Write([]byte(tok))
}

// handleRead reads the body first, then decodes it: still request data.
func handleRead(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return
	}
	var req SignRequest
	if err := json.Unmarshal(body, &req); err != nil {
		return
	}
	tok, _ := sign(req)
	_, _ = w.Write([]byte(tok))
}

// fromBytes decodes the bytes of a file the same way: a loader.
func fromBytes(name string) (string, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return "", err
	}
	var req SignRequest
	if err := json.Unmarshal([]byte(string(data)), &req); err != nil { // want `JWT secret material read into field Material by json.Unmarshal outside`
		return "", err
	}
	return sign(req)
}

// unmarshalForm fills dst from the JSON values of a form, as frameworks'
// binders do: a loader wrapper, whose callers here pass request data.
func unmarshalForm(data map[string][]string, dst any) error {
	for _, p := range data["@json"] {
		if err := json.Unmarshal([]byte(p), dst); err != nil {
			return err
		}
	}
	return nil
}

func handleForm(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		return
	}
	var req SignRequest
	if err := unmarshalForm(r.PostForm, &req); err != nil {
		return
	}
	tok, _ := sign(req)
	_, _ = w.Write([]byte(tok))
}

// fromFile decodes a file: a loader, whose field reaches the key.
func fromFile(name string) (string, error) {
	f, err := os.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	var req SignRequest
	if err := json.NewDecoder(f).Decode(&req); err != nil { // want `JWT secret material read into field Material by \(\*json.Decoder\).Decode outside`
		return "", err
	}
	return sign(req)
}
