// Package keys is inside the auth packages: only hardcoded-secret applies.
// Each literal below reaches a JWT library's key parameter.
package keys

import (
	"cmp"
	"context"
	"os"

	echojwt "github.com/labstack/echo-jwt/v4"

	ginjwt "github.com/appleboy/gin-jwt/v2"
	"github.com/auth0/go-jwt-middleware/v2/validator"
	cjwt "github.com/cristalhq/jwt/v4"
	"github.com/go-chi/jwtauth/v5"
	jose "github.com/go-jose/go-jose/v4"
	jwtware "github.com/gofiber/contrib/jwt"
	"github.com/golang-jwt/jwt/v5"
	kjwt "github.com/kataras/jwt"
	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jwk"
	xjwt "github.com/lestrrat-go/jwx/v2/jwt"
)

func direct(tok *jwt.Token) {
	_, _ = tok.SignedString([]byte("direct-literal-key")) // want `^hardcoded JWT secret "di"… \(18 characters\) used as the key of \(\*jwt.Token\).SignedString; load it from the environment or a secret store in the auth module \(jwtssot/hardcoded-secret\)$`
}

const hmacSecret = "const-secret-value" // want `hardcoded JWT secret "co"… \(18 characters\) used as the key of \(\*jwt.Token\).SignedString`

func viaConst(tok *jwt.Token) { _, _ = tok.SignedString([]byte(hmacSecret)) }

var k1 = "var-key-value-123" // want `used as the key of jwt.NewSignerHS`

func viaVar() { _, _ = cjwt.NewSignerHS(cjwt.HS256, []byte(k1)) }

type server struct{ key []byte }

func newServer() *server {
	return &server{key: []byte("struct-field-key")} // want `used as the key of \(\*jwt.Token\).SignedString`
}

func (s *server) sign(tok *jwt.Token) { _, _ = tok.SignedString(s.key) }

func (s *server) keyfunc(*jwt.Token) (interface{}, error) { return s.key, nil }

func (s *server) parse(raw string) { _, _ = jwt.Parse(raw, s.keyfunc) }

func keyfuncLiteral(raw string) {
	_, _ = jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) {
		return []byte("keyfunc-literal"), nil // want `returned as the key by the keyfunc of jwt.Parse`
	})
}

func lookupKey(t *jwt.Token) (interface{}, error) {
	return []byte("named-keyfunc"), nil // want `returned as the key by the keyfunc of jwt.Parse`
}

func namedKeyfunc(raw string) { _, _ = jwt.Parse(raw, lookupKey) }

func keyFor(secret string) jwt.Keyfunc {
	return func(*jwt.Token) (interface{}, error) { return []byte(secret), nil }
}

func factory(raw string) {
	_, _ = jwt.Parse(raw, keyFor("factory-secret")) // want `returned as the key by the keyfunc of jwt.Parse`
}

func signWith(key []byte, c jwt.Claims) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(key)
}

func wrapper(c jwt.Claims) { _, _ = signWith([]byte("wrapper-arg-key"), c) } // want `used as the key of \(\*jwt.Token\).SignedString`

func devKey() []byte {
	return []byte("helper-returned") // want `used as the key of`
}

func viaHelper(tok *jwt.Token) { _, _ = tok.SignedString(devKey()) }

func jwx(tok xjwt.Token) {
	_, _ = xjwt.Sign(tok, xjwt.WithKey(jwa.HS256, []byte("jwx-with-key"))) // want `used as the key of jwt.WithKey`
	_, _ = jwk.FromRaw([]byte("jwk-raw-key-material"))                     // want `used as the key of jwk.FromRaw`
}

func goJose() {
	_, _ = jose.NewSigner(jose.SigningKey{Algorithm: jose.HS256, Key: []byte("jose-signing-key")}, nil) // want `used as the key of jose.SigningKey.Key`
}

func kataras() {
	_, _ = kjwt.Sign(kjwt.HS256, []byte("kataras-shared"), map[string]any{"sub": "u"}) // want `used as the key of jwt.Sign`
}

func echo() {
	_ = echojwt.JWT([]byte("echo-jwt-secret"))                                                                                                        // want `used as the key of echojwt.JWT`
	_ = echojwt.WithConfig(echojwt.Config{SigningKey: []byte("echo-config-key"), ContextKey: "user"})                                                 // want `used as the key of echojwt.Config.SigningKey`
	_ = echojwt.WithConfig(echojwt.Config{SigningKeys: map[string]interface{}{"kid1": []byte("echo-keys-map")}, TokenLookup: "header:Authorization"}) // want `used as a key of echojwt.Config.SigningKeys`
}

func fiber() {
	_ = jwtware.New(jwtware.Config{SigningKey: jwtware.SigningKey{JWTAlg: "HS256", Key: []byte("fiber-signing-key")}, ContextKey: "user"}) // want `used as the key of jwtware.SigningKey.Key`
}

func gin() {
	_, _ = ginjwt.New(&ginjwt.GinJWTMiddleware{Realm: "test zone", Key: []byte("gin-jwt-secret-key"), IdentityKey: "id", PrivKeyFile: "keys/priv.pem"}) // want `used as the key of jwt.GinJWTMiddleware.Key`
}

func chi() {
	_ = jwtauth.New("HS256", []byte("chi-jwtauth-secret"), nil) // want `used as the key of jwtauth.New`
}

func auth0() {
	_, _ = validator.New(func(ctx context.Context) (interface{}, error) {
		return []byte("auth0-keyfunc-secret"), nil // want `returned as the key by the keyfunc of validator.New`
	}, validator.HS256, "https://issuer.example.com/", []string{"api"})
}

func byteLiteral(tok *jwt.Token) {
	_, _ = tok.SignedString([]byte{0x73, 0x65, 0x63, 0x72, 0x65, 0x74, 0x21, 0x21}) // want `hardcoded JWT secret "se"… \(8 characters\)`
}

func cmpOr(tok *jwt.Token) {
	key := cmp.Or(os.Getenv("JWT_SECRET"), "cmp-or-fallback") // want `used as the key of \(\*jwt.Token\).SignedString`
	_, _ = tok.SignedString([]byte(key))
}

const part = "suffix"

func concat(tok *jwt.Token) {
	_, _ = tok.SignedString([]byte("prefix-" + part)) // want `hardcoded JWT secret "pr"… \(13 characters\)`
}

func signMethod() {
	_, _ = jwt.SigningMethodHS256.Sign("payload", []byte("sign-method-key")) // want `used as the key of \(\*jwt.SigningMethodHMAC\).Sign`
}

func parserMethod(raw string) {
	_, _ = jwt.NewParser().Parse(raw, func(*jwt.Token) (interface{}, error) {
		return []byte("parser-keyfunc"), nil // want `returned as the key by the keyfunc of \(\*jwt.Parser\).Parse`
	})
}

var kf jwt.Keyfunc = func(t *jwt.Token) (interface{}, error) {
	return []byte("var-keyfunc"), nil // want `returned as the key by the keyfunc of jwt.Parse`
}

func viaKeyfuncVar(raw string) { _, _ = jwt.Parse(raw, kf) }

func namedResult() (key []byte) {
	key = []byte("named-result") // want `used as the key of`
	return
}

func viaNamedResult(tok *jwt.Token) { _, _ = tok.SignedString(namedResult()) }

func loadKey() ([]byte, error) {
	return []byte("tuple-key"), nil // want `used as the key of`
}

func viaTuple(tok *jwt.Token) {
	k, err := loadKey()
	if err == nil {
		_, _ = tok.SignedString(k)
	}
}

func short(tok *jwt.Token) {
	_, _ = tok.SignedString([]byte("abc")) // want `^hardcoded JWT secret of 3 characters used as the key`
}
