package config

import "testing"

// benchSrc sets every setting, as a typical .jwtssot.yaml sets a few.
const benchSrc = `auth: [./internal/auth/..., example.com/shared/auth]
libraries: [github.com/acme/jwt]
tests: true
disable: [secret-access]
enable: [insecure-parse]
exclude: ["internal/legacy/**", "**/*_mock.go"]
replacements:
  - symbol: github.com/golang-jwt/jwt/v5.Parse
    use: example.com/app/internal/auth.ValidateToken
  - symbol: (*github.com/golang-jwt/jwt/v5.Token).SignedString
    use: example.com/app/internal/auth.Sign
secret-names: ["(?i)^app_token_key$"]
`

// BenchmarkParse: decoding and checking a config file.
func BenchmarkParse(b *testing.B) {
	for b.Loop() {
		if _, err := Parse("c.yaml", []byte(benchSrc)); err != nil {
			b.Fatal(err)
		}
	}
}
