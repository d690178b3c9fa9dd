// Package secretname decides whether a name (an identifier, a field, a map
// key, an environment variable, a config key or a flag name) names a JWT
// secret, and whether a string is the name of such a setting rather than
// its value. The analyzer uses it where types and data flow leave a tie:
// a literal bound to a name, a setting read by key.
package secretname

import (
	"maps"
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// Words splits an identifier, an environment variable, a config key or a
// flag name into lower-case words: "JWTSecret" -> [jwt secret],
// "JWT_SIGNING_KEY" -> [jwt signing key], "auth.jwt-secret" -> [auth jwt secret],
// "hmacKey" -> [hmac key], "jwtHS256Key" -> [jwt hs256 key].
func Words(name string) []string {
	var words []string
	runes := []rune(name)
	start := -1
	flush := func(end int) {
		if start >= 0 && end > start {
			words = append(words, strings.ToLower(string(runes[start:end])))
		}
		start = -1
	}
	for i, r := range runes {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush(i)
			continue
		}
		if start < 0 {
			start = i
			continue
		}
		prev := runes[i-1]
		switch {
		case unicode.IsUpper(r) && unicode.IsLower(prev):
			// camelCase boundary: "jwtSecret".
			flush(i)
			start = i
		case unicode.IsUpper(r) && unicode.IsUpper(prev) && i+1 < len(runes) && unicode.IsLower(runes[i+1]):
			// End of an acronym: "JWTSecret" splits before "S".
			flush(i)
			start = i
		case unicode.IsUpper(r) && unicode.IsDigit(prev):
			// "HS256Key" splits before "K".
			flush(i)
			start = i
		}
	}
	flush(len(runes))
	return words
}

// Word classes of the built-in secret-name heuristic. A name is a JWT secret
// when its words hold a secret noun and a JWT context and nothing that makes it
// the name of something else (the variable that holds the env var's name, the
// key's ID, a CSRF token, ...). See docs/rules/hardcoded-secret.md.
var (
	// Nouns that hold key material.
	secretNouns = wordSet("secret", "key", "passphrase")
	// Words that make a secret noun a JWT signing secret on their own:
	// JWT's names, and the names of its HMAC algorithms.
	jwtContext = wordSet("jwt", "jws", "jwe", "jose", "hs256", "hs384", "hs512")
	// The JWT context words that say JWT explicitly, against otherSecretWords.
	explicitJWT = wordSet("jwt", "jws", "jwe", "jose")
	// Words that make a secret noun a signing secret, which is a JWT secret
	// only in a package that uses a JWT library: a queue's, a webhook's or a
	// download link's "signing key" or "HMAC key" elsewhere is not.
	signingContext = wordSet("signing", "sign", "signer", "verify", "verifying", "verification", "hmac")
	// Words that make only "secret" (not "key") a JWT secret: "tokenSecret",
	// "accessTokenSecret", "authSecret"; "tokenKey" is usually a context key.
	secretOnlyContext = wordSet("token", "tokens", "access", "refresh", "auth", "bearer")
	// Words that make a JWT-explicit word necessary: with one of them, the
	// name belongs to another kind of secret or service ("webhookHMACKey",
	// "queueSigningKey", "sessionSecret") unless it also says jwt, jws, jwe
	// or jose ("PAYMENTS_JWT_SECRET" is still a JWT secret).
	otherSecretWords = wordSet(
		"csrf", "xsrf", "session", "sessions", "nonce", "pagination",
		"page", "cursor", "api", "webhook", "webhooks", "stripe", "aws", "s3", "gcs", "oauth",
		"oauth1", "oauth2", "client", "smtp", "db", "database", "redis", "encryption", "encrypt",
		"license", "captcha", "recaptcha",
		"queue", "job", "jobs", "task", "tasks", "event", "events", "hook", "hooks", "upload",
		"download", "presign", "presigned", "cdn", "email", "mail", "sms", "otp", "totp", "mfa",
		"payment", "payments", "invoice", "invoices", "slack", "github", "twilio", "sendgrid",
		"mailgun",
	)
	// Words that always mean the name is about something other than the
	// secret value: metadata of the secret, or a lookup key of some store.
	notSecretWords = wordSet(
		"state", "cookie", "cookies", "idempotency", "cache",
		// Metadata about a secret rather than the secret itself.
		"env", "envvar", "var", "variable", "name", "names", "id", "ids", "kid", "path", "paths",
		"file", "filename", "dir", "url", "uri", "endpoint", "header", "prefix", "suffix", "ttl",
		"exp", "expiry", "expiration", "expires", "duration", "lifetime", "timeout", "interval",
		"len", "length", "size", "bits", "alg", "algo", "algorithm", "method", "type", "kind",
		"version", "issuer", "audience", "claim", "claims", "ctx", "context", "lookup", "field",
		"flag", "param", "label", "format", "pub", "public", "store", "rotation", "count",
		"set", "jwks", "jwk", "fingerprint", "hash", "location", "source", "provider", "ref",
		"arn", "config", "cfg", "required", "missing", "error", "err", "msg", "message",
		"usage", "help", "description", "desc",
		// Names of rules, checks and permissions about secrets ("RuleSecretAccess",
		// "secretAccessPolicy"), and identities.
		"rule", "rules", "check", "policy", "permission", "permissions", "role", "roles",
		"scope", "scopes", "identity",
	)
)

func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// A Namer decides whether a name names a JWT secret: the built-in
// heuristic, extended by the user's secret-names patterns.
type Namer struct {
	extra []*regexp.Regexp
	// weakContext admits names whose only JWT context is a signing or
	// token word (signingKey, tokenSecret): set where the value reaches a
	// JWT library.
	weakContext bool
}

// New returns a Namer with the user's patterns, which must compile.
func New(extra []*regexp.Regexp) *Namer { return &Namer{extra: extra} }

// WithWeakContext returns the namer for code whose values reach a JWT
// library: there a signing or token word makes a secret name on its own.
func (s *Namer) WithWeakContext(weak bool) *Namer {
	c := *s
	c.weakContext = weak
	return &c
}

// IsSecretName reports whether name looks like the name of a JWT secret.
func (s *Namer) IsSecretName(name string) bool {
	for _, re := range s.extra {
		if re.MatchString(name) {
			return true
		}
	}
	return builtinSecretName(Words(name), s.weakContext)
}

func builtinSecretName(words []string, weakContext bool) bool {
	var noun, secretWord, context, explicit, other, signing, secretContext bool
	for i, w := range words {
		if w == "access" && i+1 < len(words) && words[i+1] == "key" {
			// An access key (AWS_SECRET_ACCESS_KEY,
			// storage.secret_access_key) is a cloud credential.
			other = true
			continue
		}
		if notSecretWords[w] {
			return false
		}
		if otherSecretWords[w] {
			other = true
			continue
		}
		if compoundSecrets[w] {
			noun, context = true, true
			explicit = explicit || strings.HasPrefix(w, "jwt")
			continue
		}
		if weakCompoundSecrets[w] {
			noun, signing = true, true
			continue
		}
		if secretNouns[w] {
			noun = true
			secretWord = secretWord || w == "secret" || w == "passphrase"
		}
		context = context || jwtContext[w]
		explicit = explicit || explicitJWT[w]
		signing = signing || signingContext[w]
		secretContext = secretContext || secretOnlyContext[w]
	}
	if !noun || (other && !explicit) {
		return false
	}
	return context || (weakContext && (signing || (secretContext && secretWord)))
}

// compoundSecrets are single words that name a JWT secret by themselves, as
// written in lower-case env vars and config keys without separators.
var compoundSecrets = wordSet("jwtsecret", "jwtkey", "jwtsigningkey")

// weakCompoundSecrets are compound words with only a signing context.
var weakCompoundSecrets = wordSet("signingkey", "signingsecret", "hmackey", "hmacsecret")

// keyShape matches a string that is the name of a setting rather than a
// value: an env var (JWT_SECRET), a config key (jwt.secret, auth.jwt_secret),
// or a flag name (jwt-secret).
var keyShape = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*([._-][A-Za-z0-9]+)*$`)

// KeyShape reports whether a string is shaped like the name of a setting:
// an env var (JWT_SECRET), a config key (jwt.secret, auth.jwt_secret) or a
// flag name (jwt-secret).
func KeyShape(s string) bool { return keyShape.MatchString(s) }

// IsSecretKey reports whether a string literal is the name of a JWT secret
// setting, such as "JWT_SECRET", "jwt.secret" or the flag name "jwt-secret".
func (s *Namer) IsSecretKey(lit string) bool {
	return keyShape.MatchString(lit) && s.IsSecretName(lit)
}

// settingNameShape matches values that can only be the name of a setting:
// an env var in upper snake case (JWT_SECRET) or a dotted config key
// (jwt.secret, auth.jwt_secret). Kebab and lower snake case values are not
// included: "super-secret-jwt-key" is a typical hardcoded secret.
var settingNameShape = regexp.MustCompile(`^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$|^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$`)

// IsSettingName reports whether a value bound to a secret-looking name is
// the name of the secret's setting rather than the secret:
// const jwtSecretKey = "JWT_SECRET".
func (s *Namer) IsSettingName(value string) bool {
	return settingNameShape.MatchString(value) && s.IsSecretName(value)
}

// identShape matches a value written as one Go-style identifier, without
// separators: "JWTSecret", "jwtSigningKey".
var identShape = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*$`)

// SpellsName reports whether a value bound to a name is that name, in
// any case style, or the name minus its last word, as an identifier (see
// IsOwnNameLess): JWT_SIGNING_KEY = "jwt_signing_key" is the key of a
// database row, const JWTSecretKey = "JWTSecret" the id of a property. A
// secret is not derived from the identifier that holds it; such a value is
// a key only if it reaches one.
func SpellsName(name, value string) bool {
	if IsOwnNameLess(name, value) {
		return true
	}
	if !keyShape.MatchString(value) {
		return false
	}
	nw, vw := Words(name), Words(value)
	return len(vw) > 1 && slices.Equal(nw, vw)
}

// IsOwnNameLess reports whether a value bound to a name spells that name
// minus its last word, as an identifier: const JWTSecretKey = "JWTSecret".
// Such a value is what the name is the key of (a database row's id, a
// property's name), not key material: a secret is not derived from the
// identifier that holds it. A value that spells the whole name
// (jwtSecret = "JWTSecret") stays a possible lazy secret.
func IsOwnNameLess(name, value string) bool {
	if !identShape.MatchString(value) {
		return false
	}
	nw, vw := Words(name), Words(value)
	return len(vw) > 0 && len(nw) == len(vw)+1 && slices.Equal(nw[:len(vw)], vw)
}

// SaysPublic reports whether a name says it is about a public key, a
// certificate or a JWKS: a value so named is no secret, whatever key it
// reaches (a keyfunc verifies with public and secret keys alike).
func SaysPublic(name string) bool {
	for _, w := range Words(name) {
		switch w {
		case "public", "pub", "pubkey", "publickey", "jwks", "certificate", "cert":
			return true
		}
	}
	return false
}

// IsMetadataWord reports whether a word makes a name the name of something
// about a secret (its env var, file, id, ...) rather than the secret.
func IsMetadataWord(w string) bool { return notSecretWords[w] }

// placeholderShape matches values that stand for a setting rather than
// hold one: an environment reference (${JWT_SECRET}, $JWT_SECRET) or a
// bracketed marker (<redacted>, [hidden], {secret}).
var placeholderShape = regexp.MustCompile(`^\$\{?[A-Za-z_][A-Za-z0-9_.-]*\}?$|^[<\[{(][^<>\[\]{}()]*[>\]})]$`)

// redactionWords are the words a masking placeholder spells out, alone or
// between masking characters ("REDACTED", "**hidden**"). Each is pinned by
// a test (TestIsPlaceholder).
var redactionWords = wordSet("redacted", "masked", "hidden", "obfuscated", "removed", "omitted", "censored", "sanitized")

// IsPlaceholder reports whether a literal bound to a secret's name cannot
// be the secret because it stands for one: an environment reference, a
// marker, a run of one masking character ("***", "xxxxxxxx"), a redaction
// word ("REDACTED"), or a sentence (a warning stored under the setting's
// name: "Insecure default, change it!"). Code that hides a secret before
// showing a config writes such values over it.
func IsPlaceholder(v string) bool {
	t := strings.TrimSpace(v)
	if t == "" {
		return true
	}
	if placeholderShape.MatchString(t) {
		return true
	}
	return IsMask(t) || isSentence(t)
}

// IsMask reports whether a value is a mask written over a secret to hide
// it: a run of one masking character ("***", "xxxxxxxx") or a redaction
// word ("REDACTED", "**hidden**"). A mask is no secret wherever it flows,
// even into a library's key: code that hides a key before showing a config
// writes it into a copy, which a flow analysis that does not tell copies
// apart sees reach the key.
func IsMask(v string) bool {
	t := strings.TrimSpace(v)
	if t == "" {
		return false
	}
	if r := []rune(t); strings.Count(t, string(r[0])) == len(r) && !unicode.IsLetter(r[0]) && !unicode.IsDigit(r[0]) || strings.Trim(strings.ToLower(t), "x") == "" {
		return true // "***", "........", "xxxxxx"
	}
	return redactionWords[strings.ToLower(strings.Trim(t, "*#-_ .[]<>(){}"))]
}

// isSentence reports whether a value reads as prose: three or more words
// separated by spaces. A secret is not written like that; a warning or a
// description is ("shorter than 32 bytes", "insecure default, change it").
func isSentence(v string) bool {
	return len(strings.Fields(v)) >= 3
}

// A WordClass is one class of words of the built-in secret-name heuristic,
// for the documentation (docs/names.md, generated from WordClasses).
type WordClass struct {
	Class string   // what the words do to a name
	Words []string // sorted
}

// WordClasses returns every word the built-in heuristic knows, class by
// class, in the order docs/rules/hardcoded-secret.md explains them.
func WordClasses() []WordClass {
	classes := []struct {
		class string
		set   map[string]bool
	}{
		{"secret nouns: a name holds one of them to be a secret's", secretNouns},
		{"JWT words: with a secret noun, a JWT secret", jwtContext},
		{"compounds that are a JWT secret's name on their own", compoundSecrets},
		{"signing words: with a secret noun, a JWT secret in a package that uses a JWT library", signingContext},
		{"compounds that are a signing secret's name on their own, in a package that uses a JWT library", weakCompoundSecrets},
		{"token words: with `secret` or `passphrase`, a JWT secret in a package that uses a JWT library", secretOnlyContext},
		{"words of another service or kind of secret: the name is not a JWT secret's unless it also holds an explicit JWT word", otherSecretWords},
		{"explicit JWT words, which keep a name with a word of another service a JWT secret's", explicitJWT},
		{"metadata and other things than a secret's value: a name with one is never a JWT secret's", notSecretWords},
		{"redaction words: a literal that is one is a placeholder, never a secret", redactionWords},
	}
	out := make([]WordClass, len(classes))
	for i, c := range classes {
		out[i] = WordClass{Class: c.class, Words: slices.Sorted(maps.Keys(c.set))}
	}
	return out
}
