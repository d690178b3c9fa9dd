package secretname

import (
	"regexp"
	"strings"
	"testing"
)

func TestNameWords(t *testing.T) {
	for _, tc := range []struct {
		name string
		want string
	}{
		{"jwtSecret", "jwt secret"},
		{"JWTSecret", "jwt secret"},
		{"JWT_SIGNING_KEY", "jwt signing key"},
		{"auth.jwt-secret", "auth jwt secret"},
		{"hmacKey", "hmac key"},
		{"jwtHS256Key", "jwt hs256 key"},
		{"HTTPServer", "http server"},
		{"jwtsecret", "jwtsecret"},
		{"__x__", "x"},
		{"", ""},
		{"ключJWT", "ключ jwt"},
	} {
		if got := strings.Join(Words(tc.name), " "); got != tc.want {
			t.Errorf("Words(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestSecretName is the built-in heuristic. strong is the answer in any
// package; weak in a package that reaches a JWT library, where signing and
// token words count too.
func TestSecretName(t *testing.T) {
	for _, tc := range []struct {
		name         string
		strong, weak bool
	}{
		// A secret noun and a JWT word: a JWT secret everywhere.
		{"jwtSecret", true, true},
		{"JWTSecret", true, true},
		{"JWT_SIGNING_KEY", true, true},
		{"JWT_SECRET_KEY", true, true},
		{"jwt_secret", true, true},
		{"jwt.secret", true, true},
		{"auth.jwt-secret", true, true},
		{"Jwt_Secret", true, true},
		{"hmacKey", false, true}, // hmac is a signing word: JWT only where JWT is used
		{"HMAC_SECRET", false, true},
		{"AWS_SECRET_ACCESS_KEY", false, false}, // an access key is a cloud credential
		{"storage.secret_access_key", false, false},
		{"accessSecret", false, true},         // an access token's secret
		{"JWT_SECRET_ACCESS_KEY", true, true}, // jwt says it
		{"jwtHS256Key", true, true},
		{"jwtKey", true, true},
		{"jwePassphrase", true, true},
		{"jwtsecret", true, true},
		{"jwtsigningkey", true, true},
		// An explicit JWT word outweighs the name of another service.
		{"PAYMENTS_JWT_SECRET", true, true},
		{"payments.refund_jwt_secret", true, true},
		{"webhookJWTSecret", true, true},
		{"sessionJwsKey", true, true},
		// A signing or token word: a JWT secret only where a JWT library is reachable.
		{"signingKey", false, true},
		{"signingSecret", false, true},
		{"verifyKey", false, true},
		{"tokenSecret", false, true},
		{"accessTokenSecret", false, true},
		{"authSecret", false, true},
		{"bearerSecret", false, true},
		// A token word makes only "secret" a secret: tokenKey is a context key.
		{"tokenKey", false, false},
		{"refreshKey", false, false},
		// Other secrets and tokens.
		{"csrfToken", false, false},
		{"csrfSecret", false, false},
		{"pageToken", false, false},
		{"oauthState", false, false},
		{"sessionSecret", false, false},
		{"apiKey", false, false},
		{"webhookSigningKey", false, false},
		{"queueSigningKey", false, false},
		{"webhookHMACKey", false, false},
		{"stripeHmacSecret", false, false},
		// Lookup keys of stores, even with a JWT word.
		{"jwtCacheKey", false, false},
		{"jwtCookieKey", false, false},
		// Metadata about a JWT secret, not the secret.
		{"jwtSecretEnv", false, false},
		{"jwtKeyID", false, false},
		{"JWT_PUBLIC_KEY", false, false},
		{"jwtSecretFile", false, false},
		{"JWT_SECRET_FILE", false, false},
		{"jwtSecretTTL", false, false},
		{"jwtIssuer", false, false},
		// Rules, policies, identities, and bare nouns.
		{"RuleSecretAccess", false, false},
		{"secretAccessPolicy", false, false},
		{"identity", false, false},
		{"secret", false, false},
		{"key", false, false},
		{"", false, false},
	} {
		n := &Namer{}
		if got := n.WithWeakContext(false).IsSecretName(tc.name); got != tc.strong {
			t.Errorf("isSecretName(%q) without a JWT library = %v, want %v", tc.name, got, tc.strong)
		}
		if got := n.WithWeakContext(true).IsSecretName(tc.name); got != tc.weak {
			t.Errorf("isSecretName(%q) with a JWT library = %v, want %v", tc.name, got, tc.weak)
		}
	}
}

func TestSecretNamesSetting(t *testing.T) {
	n := New([]*regexp.Regexp{regexp.MustCompile("(?i)^app_token_key$"), regexp.MustCompile("^appTokenKey$")})
	for name, want := range map[string]bool{
		"APP_TOKEN_KEY":      true,
		"app_token_key":      true,
		"appTokenKey":        true,
		"appTokenKeyName":    false, // anchored
		"APP_TOKEN_KEY_FILE": false,
		"jwtSecret":          true, // the built-in heuristic still applies
	} {
		if got := n.IsSecretName(name); got != want {
			t.Errorf("isSecretName(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestSecretKey: a string literal names a secret setting when it is shaped
// like an env var, config key or flag name and its words name a secret; it
// is the name of a setting, not a value, only in upper snake or dotted case.
func TestSecretKey(t *testing.T) {
	n := (&Namer{}).WithWeakContext(true)
	for _, tc := range []struct {
		lit         string
		key, asName bool
	}{
		{"JWT_SECRET", true, true},
		{"jwt.secret", true, true},
		{"auth.jwt_secret", true, true},
		{"jwt-secret", true, false},
		{"jwt_secret", true, false},
		{"super-secret-jwt-key", true, false}, // kebab case: a typical hardcoded secret
		{"JWT SECRET", false, false},
		{"jwt..secret", false, false},
		{"JWT_ISSUER", false, false},
		{"PORT", false, false},
		{"", false, false},
	} {
		if got := n.IsSecretKey(tc.lit); got != tc.key {
			t.Errorf("isSecretKey(%q) = %v, want %v", tc.lit, got, tc.key)
		}
		if got := n.IsSettingName(tc.lit); got != tc.asName {
			t.Errorf("isSettingName(%q) = %v, want %v", tc.lit, got, tc.asName)
		}
	}
}

// TestIsPlaceholder pins each shape and word of the placeholder rule, and
// what it leaves to be a secret.
func TestIsPlaceholder(t *testing.T) {
	for v, want := range map[string]bool{
		// environment references and markers
		"${JWT_SECRET}": true, "$JWT_SECRET": true, "${APP_JWT}": true,
		"<redacted>": true, "[hidden]": true, "{secret}": true, "(none)": true,
		// runs of one masking character
		"***": true, "********": true, "xxxxxxxx": true, "XXXX": true, "........": true, "•••": true,
		// each redaction word, alone or between masking characters
		"REDACTED": true, "redacted": true, "**REDACTED**": true, "[REDACTED]": true,
		"masked": true, "HIDDEN": true, "obfuscated": true, "removed": true, "omitted": true,
		"censored": true, "sanitized": true,
		// sentences: warnings and descriptions
		"Insecure default parameter value, change this for production!": true,
		"shorter than 32 bytes":                  true,
		"HS256 signing secret for access tokens": true,
		"":                                       true, "   ": true,
		// secrets
		"dev-secret": false, "s3cr3t": false, "CHANGEME": false, "changeme": false,
		"super-secret-jwt-key": false, "aaaaaaab": false, "x": true, "two words": false,
		"hunter2": false, "k3y_f0r_d3v": false,
	} {
		if got := IsPlaceholder(v); got != want {
			t.Errorf("IsPlaceholder(%q) = %v, want %v", v, got, want)
		}
	}
}

// TestIsMask: masks and redaction words are no secret even as a library's
// key; environment references, markers, sentences and weak defaults are
// placeholders only where a name says what the value is.
func TestIsMask(t *testing.T) {
	for v, want := range map[string]bool{
		"***": true, "xxxxxxxx": true, "REDACTED": true, "[REDACTED]": true, "<redacted>": true, "**hidden**": true, "•••": true,
		"${JWT_SECRET}": false, "<none>": false, "Insecure default, change it!": false,
		"changeme": false, "secret": false, "": false, "dev-key-2024": false,
	} {
		if got := IsMask(v); got != want {
			t.Errorf("IsMask(%q) = %v, want %v", v, got, want)
		}
	}
}

// TestIsOwnNameLess: a value that spells its name minus the last word names
// what the name is the key of; anything else may be a secret.
func TestIsOwnNameLess(t *testing.T) {
	for _, c := range []struct {
		name, value string
		want        bool
	}{
		{"JWTSecretKey", "JWTSecret", true},
		{"jwtSecretID", "jwtSecret", true},
		{"JWTSecret", "JWTSecret", false},         // the whole name: maybe a lazy secret
		{"JWTSigningKey", "JWTSecret", false},     // other words
		{"JWTSecretKey", "JWT_SECRET", false},     // not one identifier (IsSettingName judges it)
		{"JWTSecretKey", "JWTSecret-2024", false}, // not one identifier
		{"JWTSecretKey", "Secret", false},         // not the name's beginning
		{"JWTSecretKeyValue", "JWTSecret", false}, // two words less
		{"Key", "", false},
	} {
		if got := IsOwnNameLess(c.name, c.value); got != c.want {
			t.Errorf("IsOwnNameLess(%q, %q) = %v, want %v", c.name, c.value, got, c.want)
		}
	}
}

// TestWordClasses: docs/names.md lists every word of the heuristic, and
// each word does what its class says: a JWT word with a secret noun is a
// JWT secret's name; a word of another service makes one no secret's
// name unless the name also says jwt; a metadata word makes none.
func TestWordClasses(t *testing.T) {
	classes := WordClasses()
	if len(classes) != 10 {
		t.Fatalf("%d word classes, want the 10 of docs/names.md", len(classes))
	}
	strict := New(nil)
	words := func(i int) []string { return classes[i].Words }
	for _, w := range words(1) { // JWT words
		if !strict.IsSecretName(w + "_secret") {
			t.Errorf("%s_secret is no secret's name", w)
		}
	}
	for _, w := range words(6) { // another service or kind of secret
		if strict.IsSecretName("hs256_"+w+"_secret") || !strict.IsSecretName("jwt_"+w+"_secret") {
			t.Errorf("%s: hs256_%[1]s_secret %v, jwt_%[1]s_secret %v; want false, true", w,
				strict.IsSecretName("hs256_"+w+"_secret"), strict.IsSecretName("jwt_"+w+"_secret"))
		}
	}
	for _, w := range words(8) { // metadata
		if strict.IsSecretName("jwt_secret_" + w) {
			t.Errorf("jwt_secret_%s is a secret's name", w)
		}
	}
	weak := strict.WithWeakContext(true)
	for _, w := range words(3) { // signing words
		if strict.IsSecretName(w+"_key") || !weak.IsSecretName(w+"_key") {
			t.Errorf("%s_key: %v outside a JWT package, %v in one; want false, true", w, strict.IsSecretName(w+"_key"), weak.IsSecretName(w+"_key"))
		}
	}
	for _, w := range words(5) { // token words
		if !weak.IsSecretName(w+"_secret") || weak.IsSecretName(w+"_key") {
			t.Errorf("%s: %s_secret %v, %[1]s_key %v in a JWT package; want true, false", w, w, weak.IsSecretName(w+"_secret"), weak.IsSecretName(w+"_key"))
		}
	}
}
