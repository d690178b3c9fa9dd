// An external test package belongs to the package it tests: with tests
// set, its JWT use is inside the auth packages.
package auth_test

import (
	"testing"

	"github.com/golang-jwt/jwt/v5"

	"variants/auth"
)

func TestSign(t *testing.T) {
	if _, err := auth.Sign(jwt.New(jwt.SigningMethodHS256)); err != nil {
		t.Fatal(err)
	}
}
