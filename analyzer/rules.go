package analyzer

import (
	"fmt"
	"strings"
)

// Rule ids: each diagnostic's Category.
const (
	RuleImport          = "import"
	RuleCall            = "call"
	RuleHardcodedSecret = "hardcoded-secret"
	RuleSecretAccess    = "secret-access"
	RuleDirective       = "directive"
)

//go:generate go run ../internal/gendocs

// A Rule is the metadata of one rule, and its documentation as data, in the
// manner of staticcheck: this table is the one source of docs/rules/<ID>.md
// (written by `go run ./internal/gendocs`), of -explain and of SARIF's rule
// descriptors. A test fails when the pages on disk differ from the table,
// and another analyzes each rule's Bad and Good examples, so that the
// examples, the lines they mark and the messages quoted stay true.
//
// The long-form fields are Markdown. Bad and Good are whole Go files of a
// module example.com/app whose .jwtssot.yaml says auth: [./internal/auth/...];
// a file of package auth stands inside the auth packages. In Bad, every line
// the analyzer reports ends with a "// flagged: <rule>, ..." comment naming
// its findings; such a comment alone on its line is about the next line.
type Rule struct {
	ID      string
	Title   string // one line: SARIF shortDescription, the page's heading
	Summary string // one sentence: SARIF fullDescription, summaries

	Text       string   // what exactly is flagged, and where it is reported
	Messages   []string // the messages Bad yields, verbatim
	MessageDoc string   // how the messages vary
	Why        string   // why it matters
	Bad        string   // a Go file the rule reports
	Good       string   // the same code, written so that nothing is reported
	NotFlagged string   // what the rule leaves alone, traps included
	Suppress   string   // rule-specific notes on suppression
}

// Rules lists every rule, in the order reports present them.
var Rules = []Rule{
	{
		ID:      RuleImport,
		Title:   "JWT library imported outside the auth packages",
		Summary: "An import of a JWT library package (plain, aliased, dot or blank) in a package that is not one of the auth packages.",
		Text: "" +
			"Every import of a package of a [JWT library](../libraries.md) (a built-in one or one added with " +
			"`libraries`), in a package that is not one of the auth packages. Plain, aliased (`jwtlib \"...\"`), " +
			"dot (`. \"...\"`) and blank (`_ \"...\"`) imports all count, and so do the sub-packages of a library " +
			"(`github.com/golang-jwt/jwt/v5/request`). The finding is on the import spec.\n" +
			"\n" +
			"A package is an auth package when its import path matches a pattern of `auth`; an external test " +
			"package (`auth_test`) belongs to the package it tests. With no auth packages configured, every import " +
			"of a JWT library is reported.",
		Messages: []string{
			"import of JWT library github.com/golang-jwt/jwt/v5 outside the auth packages (./internal/auth/...); use the auth module's API instead (jwtssot/import)",
		},
		MessageDoc: "" +
			"The advice at the end names the auth API when `replacements` knows one: a replacement whose `symbol` " +
			"is the imported package itself gives `; use <use> instead`, else the first replacement of a symbol " +
			"of that package gives `; use <package of its use> instead`. With no auth packages configured the " +
			"message reads `import of JWT library <path>; no auth packages are configured, so every JWT use is a " +
			"violation: declare the auth module with auth: [./internal/auth/...] in .jwtssot.yaml`.",
		Why: "" +
			"An import is where a second JWT implementation starts. Once a package imports the library it can " +
			"parse tokens with its own idea of the algorithms, the key and the claims that matter, and every such " +
			"copy has to be found and fixed when any of those change. Keeping the import in the auth packages " +
			"keeps one place to audit, rotate keys in and upgrade the library in.",
		Bad: `package orders

import "github.com/golang-jwt/jwt/v5" // flagged: import

// userID verifies the token itself, with its own idea of the key.
func userID(raw string, key []byte) (string, error) {
	claims := &jwt.RegisteredClaims{}
	_, err := jwt.ParseWithClaims(raw, claims, func(*jwt.Token) (interface{}, error) { return key, nil }) // flagged: call
	return claims.Subject, err
}
`,
		Good: `package orders

import "example.com/app/internal/auth"

func userID(raw string) (string, error) {
	claims, err := auth.ValidateToken(raw)
	if err != nil {
		return "", err
	}
	return claims.Subject, nil
}
`,
		NotFlagged: "" +
			"- imports in the auth packages, and in their external test packages;\n" +
			"- a package of your own that happens to be named `jwt` (`example.com/app/pkg/jwt`): only the paths of " +
			"JWT libraries count;\n" +
			"- `_test.go` files, unless `tests` is set; generated files (`// Code generated ... DO NOT EDIT.`); " +
			"files matched by `exclude`.",
	},
	{
		ID:      RuleCall,
		Title:   "JWT library function or method used outside the auth packages",
		Summary: "A call of, or reference to, a function or method declared in a JWT library, outside the auth packages, also on values whose type came from elsewhere.",
		Text: "" +
			"Every use, outside the auth packages, of a function or method declared in a JWT library: a call " +
			"(`jwt.Parse(...)`, `tok.SignedString(key)`), and a reference that is not called (`f := jwt.Parse`, " +
			"the method value `tok.SignedString`, the method expression `(*jwt.Token).SignedString`). It works " +
			"from the type checker's resolution of each name, not from the text, so it also finds:\n" +
			"\n" +
			"- methods called on values whose type came from elsewhere, such as a `*jwt.Token` returned by the auth " +
			"module, in a file that imports no JWT library;\n" +
			"- promoted methods of library types embedded in your own (`claims.GetExpirationTime()` on a struct " +
			"embedding `jwt.RegisteredClaims`);\n" +
			"- methods of library interfaces (`jwt.SigningMethod.Sign`);\n" +
			"- generic functions and calls through parentheses.\n" +
			"\n" +
			"A package-qualified name (`jwt.Parse`) is reported on the whole selector; a method on its name, which " +
			"stays on the line the reader sees as the call in a multi-line chain. Packages that reach no JWT " +
			"library through their imports, direct or transitive, are skipped at once.",
		Messages: []string{
			"call of (*jwt.Token).SignedString outside the auth packages (./internal/auth/...); call the auth module's API instead (jwtssot/call)",
			"call of (jwt.RegisteredClaims).GetExpirationTime outside the auth packages (./internal/auth/...); call the auth module's API instead (jwtssot/call)",
		},
		MessageDoc: "" +
			"The message starts with `call of` for a call and `reference to` for a function or method value. " +
			"Functions are named as the reader of the code sees them, by package name: `jwt.Parse`, " +
			"`(*jwt.Token).SignedString`. The advice names the replacement from `replacements` for the symbol " +
			"(`; use example.com/app/internal/auth.ValidateToken instead`), else one for its whole package, else " +
			"says `; call the auth module's API instead`. With no auth packages configured it says how to declare " +
			"them, as for the import rule.",
		Why: "" +
			"The import rule alone misses JWT work done on values handed out by the auth module: a package that " +
			"receives a `*jwt.Token` can sign it with any key, and one that receives claims can check their expiry " +
			"its own way. Every such call is token logic outside the single source of truth. The auth module " +
			"should hand out what callers need (a user id, a signed string), not library values to operate on.",
		Bad: `package billing

import "example.com/app/internal/auth"

// The token comes from the auth module, but signing it here is still a
// JWT operation outside the auth packages.
func invoiceLink(userID string, key []byte) (string, error) {
	tok := auth.NewToken(userID)
	return tok.SignedString(key) // flagged: call
}

func expired(c *auth.Claims) bool {
	exp, _ := c.GetExpirationTime() // flagged: call
	return exp == nil
}
`,
		Good: `package billing

import "example.com/app/internal/auth"

func invoiceLink(userID string) (string, error) {
	return auth.IssueToken(userID)
}

func expired(c *auth.Claims) bool {
	return auth.Expired(c)
}
`,
		NotFlagged: "" +
			"- library types, variables and constants (`var t *jwt.Token`, `jwt.SigningMethodHS256`, " +
			"`jwt.ErrTokenExpired`), conversions (`jwt.MapClaims(m)`), composite literals " +
			"(`jwt.RegisteredClaims{Issuer: \"svc\"}`) and field reads (`claims.Subject`): they are not functions;\n" +
			"- your own types' methods that share a library method's name (`myToken.SignedString`), your own " +
			"package named `jwt`, and a local variable named `jwt`;\n" +
			"- the names of library functions in comments and strings;\n" +
			"- calls in the auth packages, in skipped files (tests unless `tests` is set, generated and excluded files).",
	},
	{
		ID:      RuleHardcodedSecret,
		Title:   "Hardcoded JWT secret",
		Summary: "A non-empty string or byte-slice literal used as a JWT signing or verification key, anywhere, the auth packages included.",
		Text: "" +
			"A non-empty string literal, constant string expression (`\"prefix-\" + part`) or `[]byte{...}` " +
			"literal of constants that is a JWT key, in any package, the auth packages included. A literal is a " +
			"key when it reaches one, through constants, variables, struct fields, conversions (`[]byte(s)`), " +
			"`cmp.Or`, calls of the package's own functions (with the arguments of each call) and the returns of " +
			"keyfuncs:\n" +
			"\n" +
			"- a key parameter of a JWT library function or method (`(*jwt.Token).SignedString(key)`, " +
			"`jwtauth.New(alg, signKey, verifyKey)`, jwx's `WithKey`), a key field of a library struct " +
			"(`echojwt.Config.SigningKey`, go-jose's `SigningKey.Key`), an entry of a map of keys, or the key a " +
			"keyfunc returns (`jwt.Parse(raw, func(*jwt.Token) (interface{}, error) { return []byte(\"...\"), nil })`). " +
			"Key parameters and fields are recognised from the library's own declarations: a name with `key` or " +
			"`secret` in it and a type that holds key material (`[]byte`, a byte array, an empty interface, a " +
			"`string` for `secret`), a function returning one (a keyfunc), or a map of them;\n" +
			"- a value bound to a secret-looking name: a constant, variable, field, map key, or the result of a " +
			"function so named (`jwtSecret`, `JWT_SIGNING_KEY`, `hmacKey`, `\"jwt_secret\": \"...\"`), of a " +
			"string, `[]byte` or empty-interface type;\n" +
			"- the default of a flag named like a secret (`flag.String(\"jwt-secret\", \"dev\", ...)`, pflag, " +
			"urfave/cli's `Name`/`Value` structs, kingpin's `.Default(...)`);\n" +
			"- the fallback of a secret read from the environment or config (`getenv(\"JWT_SECRET\", \"dev\")`, " +
			"`cmp.Or(os.Getenv(\"JWT_SECRET\"), \"dev\")`, `if s == \"\" { s = \"dev\" }` after " +
			"`s := os.Getenv(\"JWT_SECRET\")`), and the value given to a setter (`viper.SetDefault(\"jwt.secret\", " +
			"\"dev\")`, `os.Setenv(\"JWT_SECRET\", \"dev\")`);\n" +
			"- the struct-tag default of a field named like a secret (`env:\"JWT_SECRET\" envDefault:\"dev\"`, " +
			"`default:\"...\"`, `env:\"JWT_SECRET,default=...\"`).\n" +
			"\n" +
			"The finding is on the literal, once per literal, however many ways reach it. A name looks like a " +
			"secret when its words (split at case changes and at `_`, `.`, `-` and other punctuation) hold a secret " +
			"noun (`secret`, `key`, `passphrase`) and a JWT word (`jwt`, `jws`, `jwe`, `jose`, `hmac`, `hs256`, " +
			"...), or the compounds `jwtsecret`, `jwtkey`, `hmackey`, and no word that makes it the name of " +
			"something else: metadata of the secret (`env`, `file`, `id`, `public`, `issuer`, `ttl`, ...) always, " +
			"another service or kind of secret (`csrf`, `session`, `api`, `webhook`, `payments`, ...) unless the " +
			"name also says `jwt`, `jws`, `jwe` or `jose` (`webhookHMACKey` is not a JWT secret, " +
			"`PAYMENTS_JWT_SECRET` is); a signing word (`signingKey`, `verifyKey`) " +
			"or a token word with `secret` (`tokenSecret`, `authSecret`) counts only in packages that reach a JWT " +
			"library. The `secret-names` setting adds patterns.",
		Messages: []string{
			"hardcoded JWT secret \"s3\"… (14 characters) used as the key of (*jwt.Token).SignedString; load it from the environment or a secret store in the auth module (jwtssot/hardcoded-secret)",
			"hardcoded JWT secret \"de\"… (11 characters) as the fallback for JWT_REFRESH_SECRET; load it from the environment or a secret store in the auth module (jwtssot/hardcoded-secret)",
		},
		MessageDoc: "" +
			"The message never prints the secret: it gives its first two characters and its length, or only its " +
			"length (`hardcoded JWT secret of 5 characters`) when it is shorter than 8 characters. The part after " +
			"the secret says how it becomes a key: `used as the key of <function or field>`, `used as a key of " +
			"<map field>`, `returned as the key by the keyfunc of <function>`, `assigned to <name>`, `assigned to " +
			"field <name>`, `stored under \"<key>\"`, `returned by <function>`, `as the default of flag -<name>`, " +
			"`as the default of <setting>`, `as the fallback for <setting>`, `as the value of <setting>` or `as " +
			"the struct-tag default of <field>`. When several apply, a library key beats a name.",
		Why: "" +
			"A JWT secret in the source is in every clone, fork, CI log and backup of the repository, and cannot " +
			"be rotated without a release. Anyone who reads it can mint tokens for any user. Development defaults " +
			"and fallbacks are the usual way a real deployment ends up signing with `\"secret\"` when a variable is " +
			"missing. This rule applies in the auth packages too: the single source of truth must load the secret, " +
			"not contain it.",
		Bad: `package auth

import (
	"os"

	"github.com/golang-jwt/jwt/v5"
)

const jwtSecret = "s3cr3t-dev-key" // flagged: hardcoded-secret

func Sign(claims jwt.Claims) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString([]byte(jwtSecret))
}

func loadRefresh() string {
	s := os.Getenv("JWT_REFRESH_SECRET")
	if s == "" {
		s = "dev-refresh" // flagged: hardcoded-secret
	}
	return s
}
`,
		Good: `package auth

import (
	"errors"
	"os"

	"github.com/golang-jwt/jwt/v5"
)

func signingKey() ([]byte, error) {
	key := os.Getenv("JWT_SECRET")
	if key == "" {
		return nil, errors.New("JWT_SECRET is not set")
	}
	return []byte(key), nil
}

func Sign(claims jwt.Claims) (string, error) {
	key, err := signingKey()
	if err != nil {
		return "", err
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}
`,
		NotFlagged: "" +
			"- empty strings (`flag.String(\"jwt-secret\", \"\", ...)`), keys read from files, the environment or a " +
			"secret store, and parameters no caller in the package fills with a literal;\n" +
			"- the names of settings bound to a secret-looking name: `const jwtSecretKey = \"JWT_SECRET\"`, " +
			"`jwtSecretConfigKey = \"jwt.secret\"` (an upper snake case or dotted lower case value that itself names " +
			"a secret);\n" +
			"- names about something other than a JWT secret's value: other secrets and tokens (`csrfSecret`, " +
			"`sessionSecret`, `apiKey`, `oauthState`, `pageToken`, `webhookSigningKey`, `webhookHMACKey`, " +
			"`queueSigningKey`: unless the name says `jwt`, `jws`, `jwe` or `jose`), and " +
			"metadata of the secret (`jwtSecretEnv`, `jwtKeyID`, `jwtSecretFile`, `jwtPublicKey`, `jwtIssuer`, " +
			"`JWT_SECRET_FILE`, `jwtSecretTTL`);\n" +
			"- a signing word without a JWT word (`signingKey`, `verifyKey`) in a package that reaches no JWT " +
			"library: a job queue's signing key is not a JWT secret;\n" +
			"- string-typed `key` parameters of libraries, which are claim and header names (`tok.Set(\"sub\", ...)`), " +
			"and defined string types (`const jwtKey ctxKey = \"jwt\"`, a context key);\n" +
			"- literals in skipped files (tests unless `tests` is set, generated and excluded files), and constants " +
			"of other packages, which are reported in their own package when their name gives them away.",
		Suppress: "" +
			"Suppress only what is not a real secret, such as a fixture in a test helper, and say so in the " +
			"reason. A real secret that was committed must be rotated: removing it from the code does not remove " +
			"it from the history.",
	},
	{
		ID:      RuleSecretAccess,
		Title:   "JWT secret read outside the auth packages",
		Summary: "A JWT secret read from the environment or config (os.Getenv(\"JWT_SECRET\"), viper.GetString(\"jwt.secret\"), a getenv helper) outside the auth packages.",
		Text: "" +
			"A call, outside the auth packages, that reads a setting whose name looks like a JWT secret " +
			"(`JWT_SECRET`, `JWT_SIGNING_KEY`, `jwt.secret`, `auth.jwt_secret`; see hardcoded-secret for the " +
			"naming heuristic, and `secret-names` to add patterns). The finding is on the call. A call reads a " +
			"setting when:\n" +
			"\n" +
			"- it is `os.Getenv`, `os.LookupEnv` or `syscall.Getenv`;\n" +
			"- or its name says it reads a setting by key: it starts with `get`, `lookup`, `require`, `fetch`, " +
			"`read` or `load` (after an optional `must`), or contains `env` (viper's `GetString`, " +
			"`(*viper.Viper).GetString`, your own `getEnv(key, def)`), or it is koanf's `String`, `Bytes`, " +
			"`MustString` or `MustBytes`; " +
			"names containing `file`, and names starting with `set`, `unset`, `bind`, `is` or `has`, do not count;\n" +
			"\n" +
			"and one of its first two arguments is a constant string naming the secret: a literal, or a constant " +
			"from any package (`os.Getenv(keys.EnvJWTSecret)`).",
		Messages: []string{
			"JWT secret JWT_SECRET read with os.Getenv outside the auth packages (./internal/auth/...); only the auth module may read JWT secrets (jwtssot/secret-access)",
		},
		MessageDoc: "" +
			"The function is named as the reader sees it: `os.Getenv`, `viper.GetString`, " +
			"`(*viper.Viper).GetString`, `config.getEnv`. With no auth packages configured the advice says how to " +
			"declare them instead.",
		Why: "" +
			"A package that reads the JWT secret can sign and verify tokens on its own, whatever library it " +
			"imports, and it spreads the secret's name and loading rules (defaults, files, rotation) over the code " +
			"base. Only the auth module should hold the secret; other packages ask it to sign or verify.",
		Bad: `package billing

import "os"

// billing verifies tokens itself, so it needs the secret.
var jwtSecret = []byte(os.Getenv("JWT_SECRET")) // flagged: secret-access
`,
		Good: `package billing

import "example.com/app/internal/auth"

func customer(raw string) (string, error) {
	claims, err := auth.ValidateToken(raw)
	if err != nil {
		return "", err
	}
	return claims.Subject, nil
}
`,
		NotFlagged: "" +
			"- settings that are not the secret: `JWT_ISSUER`, `JWT_TTL`, `JWT_PUBLIC_KEY`, `JWT_SECRET_FILE` " +
			"(reading the file is the auth module's business, naming it is not a read of the secret), " +
			"`CSRF_SECRET`, `SESSION_SECRET`, `PORT`;\n" +
			"- setters and binders (`os.Setenv`, `viper.SetDefault`, `viper.BindEnv`, `viper.IsSet`), and flag " +
			"definitions (`flag.String(\"jwt-secret\", ...)`, whose default hardcoded-secret checks);\n" +
			"- getters of requests, contexts and maps: functions of `net/http`, `net/url`, `context`, `flag`, " +
			"`sync`, `fmt`, `log`, `errors`, `strings`, `bytes`, gin, echo, fiber, chi, gorilla/mux and gRPC " +
			"metadata (`r.Header.Get(\"X-JWT-Secret\")`, `c.GetString(\"jwt_secret\")`);\n" +
			"- a getenv helper's own body (`os.Getenv(key)`, whose key is not a constant): its callers are " +
			"reported instead;\n" +
			"- reads in the auth packages, and in skipped files.",
	},
	{
		ID:      RuleDirective,
		Title:   "Malformed or unused jwtssot directive",
		Summary: "A //jwtssot:ignore directive that is malformed (unknown rule, no reason) or suppresses nothing.",
		Text: "" +
			"A `//jwtssot:ignore` comment that cannot do its job, reported on the comment:\n" +
			"\n" +
			"- malformed: written with a space after the slashes (`// jwtssot:ignore`), an unknown verb " +
			"(`//jwtssot:skip`), no rule, an unknown rule id, or no reason;\n" +
			"- unused: a valid directive that suppressed no finding, while at least one of the rules it names is " +
			"enabled. A directive for disabled rules only is not reported.\n" +
			"\n" +
			"A malformed directive suppresses nothing, so the finding it was meant for is reported as well.",
		Messages: []string{
			"malformed jwtssot directive: directive has no reason: say why, e.g. //jwtssot:ignore call legacy service, removed in Q3 (jwtssot/directive)",
			"jwtssot:ignore secret-access suppresses nothing here; remove it (jwtssot/directive)",
		},
		MessageDoc: "" +
			"A malformed directive is reported as `malformed jwtssot directive: ` followed by the problem: " +
			"`directive must start with //jwtssot:, without a space after the slashes`, `unknown directive " +
			"jwtssot:<verb> (want //jwtssot:ignore <rule|all> <reason>)`, `directive names no rule (...)`, " +
			"`directive names unknown rule \"<id>\" (rules: import, call, hardcoded-secret, secret-access, " +
			"directive, or all)` or `directive has no reason: ...`.",
		Why: "" +
			"A suppression without a reason cannot be reviewed, one with a typo in the rule id silently suppresses " +
			"nothing, and one left behind after the code was fixed hides the next violation on that line. " +
			"Reporting them keeps the list of exceptions short and true.",
		Bad: `package reports

import "github.com/golang-jwt/jwt/v5" //jwtssot:ignore import report signer, moves to auth in SEC-42

func parse(raw string, kf jwt.Keyfunc) (*jwt.Token, error) {
	// flagged: directive (no reason: it suppresses nothing)
	//jwtssot:ignore call
	return jwt.Parse(raw, kf) // flagged: call
}

func total(amounts []int) (sum int) {
	// flagged: directive (there is nothing to suppress)
	//jwtssot:ignore secret-access nothing to suppress here
	for _, a := range amounts {
		sum += a
	}
	return sum
}
`,
		Good: `package reports

import "github.com/golang-jwt/jwt/v5" //jwtssot:ignore import report signer, moves to auth in SEC-42

func parse(raw string, kf jwt.Keyfunc) (*jwt.Token, error) {
	//jwtssot:ignore call report signer, moves to auth in SEC-42
	return jwt.Parse(raw, kf)
}

func total(amounts []int) (sum int) {
	for _, a := range amounts {
		sum += a
	}
	return sum
}
`,
		NotFlagged: "" +
			"- comments that merely mention jwtssot (`// see jwtssot docs`), block comments, and directives in " +
			"skipped files;\n" +
			"- a directive whose rules are all disabled.",
	},
}

// RuleByID returns the rule with the given id, or nil.
func RuleByID(id string) *Rule {
	for i := range Rules {
		if Rules[i].ID == id {
			return &Rules[i]
		}
	}
	return nil
}

// RuleIDs lists the rule ids in order.
func RuleIDs() []string {
	ids := make([]string, len(Rules))
	for i, r := range Rules {
		ids[i] = r.ID
	}
	return ids
}

// DocURL is the address of the rule's page, as diagnostics link it.
func (r Rule) DocURL() string { return DocsURL + "/" + r.ID + ".md" }

// Markdown renders the rule's documentation: the page docs/rules/<ID>.md
// (without its generated-file note), the text of -explain and of SARIF's
// help. Links are relative to docs/rules.
func (r Rule) Markdown() string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p("# %s — %s\n\n%s\n", r.ID, r.Title, r.Summary)
	p("\n## What it flags\n\n%s\n", r.Text)
	if len(r.Messages) > 0 || r.MessageDoc != "" {
		p("\n## Message\n\nEvery message ends with the rule tag `%s`, so that it names its rule in every "+
			"front end, golangci-lint included (which drops a diagnostic's category).", strings.TrimPrefix(RuleTag(r.ID), " "))
		if len(r.Messages) > 0 {
			p(" With `auth: [./internal/auth/...]`, the rule reports the bad example below as:\n\n```text\n%s\n```\n",
				strings.Join(r.Messages, "\n"))
		} else {
			p("\n")
		}
		if r.MessageDoc != "" {
			p("\n%s\n", r.MessageDoc)
		}
	}
	p("\n## Why\n\n%s\n", r.Why)
	p("\n## Bad\n\n```go\n%s```\n", r.Bad)
	p("\n## Good\n\n```go\n%s```\n", r.Good)
	if r.NotFlagged != "" {
		p("\n## Not flagged\n\n%s\n", r.NotFlagged)
	}
	p("\n## Suppressing\n\n")
	if r.ID == RuleDirective {
		p("A directive finding cannot itself be suppressed by a directive: fix the directive, or delete it. " +
			"To stop checking directives, disable the rule: `disable: [directive]` in `.jwtssot.yaml`, " +
			"or `-disable=directive`.\n")
	} else {
		p("Give the rule and a reason in a `%signore` directive at the end of the line:\n\n", DirectivePrefix)
		p("```go\n%s\n```\n\n", suppressExample(r.ID))
		p("or alone on the line above, where it covers the whole statement or declaration that starts on the " +
			"next line, however many lines it spans. Several rules are separated by commas " +
			"(`//jwtssot:ignore call,secret-access ...`), and `all` names every rule. The reason is required; a " +
			"directive without one, with an unknown rule, or that suppresses nothing is reported by the " +
			"[directive](directive.md) rule.\n\n")
		p("In golangci-lint, `//nolint:jwtssot` works too, for every jwtssot rule on its line.\n\n")
		p("To turn the rule off: `disable: [%s]` in `.jwtssot.yaml`, or `-disable=%s`. See the "+
			"[configuration](../config.md).\n", r.ID, r.ID)
	}
	if r.Suppress != "" {
		p("\n%s\n", r.Suppress)
	}
	return b.String()
}

// suppressExample is a directive at the end of a line the rule reports.
func suppressExample(id string) string {
	const reason = "legacy verifier, moves to auth in SEC-123"
	switch id {
	case RuleImport:
		return `import "github.com/golang-jwt/jwt/v5" //jwtssot:ignore import ` + reason
	case RuleHardcodedSecret:
		return `var testKey = []byte("fixture-only-key") //jwtssot:ignore hardcoded-secret test fixture, never deployed`
	case RuleSecretAccess:
		return `secret := os.Getenv("JWT_SECRET") //jwtssot:ignore secret-access ` + reason
	}
	return `tok, err := jwt.Parse(raw, keyFunc) //jwtssot:ignore ` + id + " " + reason
}

// generatedNote ends every generated page.
const generatedNote = "\n<!-- Generated by `go run ./internal/gendocs` from analyzer/rules.go and analyzer/libraries.go; edit those, not this file. -->\n"

// DocFiles returns the documentation generated from Rules and
// BuiltinLibraries, by slash-separated path from the module root:
// docs/rules/<ID>.md for each rule, the index docs/rules/README.md and
// docs/libraries.md. internal/gendocs writes them, and a test fails when
// the files on disk differ.
func DocFiles() map[string]string {
	files := map[string]string{}
	var index strings.Builder
	index.WriteString("# jwtssot rules\n\n" +
		"Each finding names its rule at the end of the message, as ` (jwtssot/<rule>)`, and links to the " +
		"rule's page. `jwtssot -explain <rule>` prints the page.\n\n" +
		"| Rule | Reports |\n|---|---|\n")
	for _, r := range Rules {
		files["docs/rules/"+r.ID+".md"] = r.Markdown() + generatedNote
		fmt.Fprintf(&index, "| [%s](%s.md) | %s |\n", r.ID, r.ID, r.Title)
	}
	index.WriteString("\nSettings that shape the rules are in [the configuration](../config.md); the JWT " +
		"libraries they know are in [libraries](../libraries.md).\n")
	files["docs/rules/README.md"] = index.String() + generatedNote
	files["docs/libraries.md"] = librariesMarkdown()
	return files
}

// librariesMarkdown renders docs/libraries.md from BuiltinLibraries.
func librariesMarkdown() string {
	var b strings.Builder
	b.WriteString(`# JWT libraries

jwtssot knows the JWT libraries below without configuration. Each entry is a module or
package path, and every package at or below it counts: ` + "`github.com/golang-jwt/jwt`" + ` covers
v3 at the root, ` + "`/v4`, `/v5` and `/v5/request`" + `. Vendored copies
(` + "`example.com/app/vendor/github.com/golang-jwt/jwt/v5`" + `) count as the library.

A library is used when a package imports one of its packages ([import](rules/import.md)),
calls or references a function or method declared in it ([call](rules/call.md)), or passes a
literal to one of its key parameters or key fields ([hardcoded-secret](rules/hardcoded-secret.md)).

| Path | What it is |
|---|---|
`)
	for _, lib := range BuiltinLibraries {
		fmt.Fprintf(&b, "| `%s` | %s |\n", lib.Path, lib.Note)
	}
	b.WriteString(`
## Adding a library

List more import-path prefixes under ` + "`libraries`" + ` in ` + "`.jwtssot.yaml`" + `, for a library that is not
built in or for an in-house wrapper that every package but the auth module must leave alone:

` + "```yaml" + `
libraries:
  - github.com/acme/jwt              # the module and every package below it
  - example.com/platform/tokens/...  # a trailing /... is allowed and means the same
` + "```" + `

or ` + "`-libraries=github.com/acme/jwt,example.com/platform/tokens`" + ` on the command line
(` + "`-jwtssot.libraries=...`" + ` under ` + "`go vet`" + `). The list adds to the built-in libraries; they cannot
be removed. An entry must be an import path prefix: not empty, no spaces or backslashes, no
URL scheme, not an absolute file path. A ` + "`replacements`" + ` symbol must belong to a built-in library
or to one listed in ` + "`libraries`" + ` next to it. See [the configuration](config.md#libraries).

No table of functions is needed for an added library. The call rule covers every function
and method it declares, and the hardcoded-secret rule finds its key parameters and fields
from its own declarations: a parameter or field whose name contains ` + "`key`" + ` or ` + "`secret`" + ` and whose
type holds key material (` + "`[]byte`" + `, a byte array, an empty interface, or a ` + "`string`" + ` named
secret), a keyfunc returning one, or a map of them.
`)
	b.WriteString(generatedNote)
	return b.String()
}
