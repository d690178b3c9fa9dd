// Package shapes holds the code shapes the inventory must see through: a
// parser kept in a struct field, a keyfunc returned by a method, a token
// received with an error, a middleware's configuration struct, options kept
// in a slice, algorithms given to a signer's constructor.
package shapes

import (
	"net/http"
	"os"
	"time"

	cristal "github.com/cristalhq/jwt/v4"       // want `import of JWT library`
	"github.com/go-jose/go-jose/v4"             // want `import of JWT library`
	josejwt "github.com/go-jose/go-jose/v4/jwt" // want `import of JWT library`
	"github.com/golang-jwt/jwt/v5"              // want `import of JWT library`
	"github.com/golang-jwt/jwt/v5/request"      // want `import of JWT library`
	kataras "github.com/kataras/jwt"            // want `import of JWT library`
	echojwt "github.com/labstack/echo-jwt/v4"   // want `import of JWT library`
)

type verifier struct {
	p   *jwt.Parser
	key []byte
}

func newVerifier(key []byte) *verifier {
	return &verifier{key: key, p: jwt.NewParser(jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}), jwt.WithIssuer("shapes"))} // want `call of jwt.NewParser` `call of jwt.WithValidMethods` `call of \(\*jwt.SigningMethodHMAC\).Alg` `call of jwt.WithIssuer`
}

func (v *verifier) keyfunc() jwt.Keyfunc {
	return func(t *jwt.Token) (interface{}, error) {
		if t.Method != jwt.SigningMethodHS256 {
			return nil, jwt.ErrTokenExpired
		}
		return v.key, nil
	}
}

// fieldParser parses with the parser its constructor stored: the options
// given there are the site's.
func (v *verifier) fieldParser(raw string) error {
	_, err := v.p.ParseWithClaims(raw, &jwt.RegisteredClaims{}, v.keyfunc()) // want `call of \(\*jwt.Parser\).ParseWithClaims`
	return err
}

// sign signs with a key kept in a field.
func (v *verifier) sign(c jwt.Claims) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(v.key) // want `call of jwt.NewWithClaims` `call of \(\*jwt.Token\).SignedString`
}

// joseTuple verifies a token received together with an error: the
// algorithms given to ParseSigned are the site's.
func joseTuple(raw string, key []byte) error {
	tok, err := josejwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.HS256}) // want `call of jwt.ParseSigned`
	if err != nil {
		return err
	}
	var claims map[string]interface{}
	return tok.Claims(key, &claims) // want `call of \(\*jwt.JSONWebToken\).Claims`
}

// echoConfig reads the key and the method from the configuration struct.
func echoConfig() echojwt.MiddlewareFunc {
	return echojwt.WithConfig(echojwt.Config{SigningKey: []byte(os.Getenv("SHAPES_JWT_SECRET")), SigningMethod: "HS256"}) // want `call of echojwt.WithConfig` `JWT secret SHAPES_JWT_SECRET read with os.Getenv`
}

// echoKey leaves the algorithm to the library's default.
func echoKey(key []byte) echojwt.MiddlewareFunc {
	return echojwt.JWT(key) // want `call of echojwt.JWT`
}

var baseOptions = []jwt.ParserOption{jwt.WithValidMethods([]string{"HS256"})} // want `call of jwt.WithValidMethods`

// spreadOptions passes options kept in a slice, built in two places.
func spreadOptions(raw string, key []byte) error {
	opts := append(baseOptions, jwt.WithLeeway(2*time.Minute))                                   // want `call of jwt.WithLeeway`
	_, err := jwt.Parse(raw, func(*jwt.Token) (interface{}, error) { return key, nil }, opts...) // want `call of jwt.Parse`
	return err
}

// katarasSign gives the algorithm as the call's first argument.
func katarasSign(key []byte, claims interface{}) ([]byte, error) {
	return kataras.Sign(kataras.HS256, key, claims) // want `call of jwt.Sign`
}

// cristalBuild gives it to the signer its builder was made with.
func cristalBuild(key []byte, claims interface{}) (*cristal.Token, error) {
	signer, err := cristal.NewSignerHS(cristal.HS256, key) // want `call of jwt.NewSignerHS`
	if err != nil {
		return nil, err
	}
	return cristal.NewBuilder(signer).Build(claims) // want `call of jwt.NewBuilder` `call of \(\*jwt.Builder\).Build`
}

// fromRequest gives its parser with request.WithParser: the parser's
// options are the site's.
func fromRequest(r *http.Request, key []byte) (*jwt.Token, error) {
	p := jwt.NewParser(jwt.WithValidMethods([]string{"HS256"}))                                                                                                // want `call of jwt.NewParser` `call of jwt.WithValidMethods`
	return request.ParseFromRequest(r, request.AuthorizationHeaderExtractor, func(*jwt.Token) (interface{}, error) { return key, nil }, request.WithParser(p)) // want `call of request.ParseFromRequest` `call of request.WithParser`
}
