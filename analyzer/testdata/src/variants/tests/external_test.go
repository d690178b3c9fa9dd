package tests_test

import (
	"testing"

	"github.com/golang-jwt/jwt/v5" // want `import of JWT library`
)

func TestParse(t *testing.T) {
	_, _ = jwt.Parse("raw", nil) // want `call of jwt.Parse`
}
