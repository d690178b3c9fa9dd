// Package analyzer defines jwtssot, a go/analysis pass that keeps every JWT
// operation of a code base in one designated auth module, its single source
// of truth.
//
// # Analyzer jwtssot
//
// jwtssot: report JWT operations outside the designated auth packages
//
// jwtssot enforces one architectural rule: JWT libraries are used, and JWT
// secrets are read, only by the auth packages named in .jwtssot.yaml
// (auth: [./internal/auth/...]), and no JWT secret is written in the
// source. It reports, with the rule id as the diagnostic's category and at
// the end of each message:
//
//   - import: a JWT library package imported outside the auth packages;
//   - call: a function or method declared in a JWT library called or
//     referenced outside the auth packages, also on values whose type came
//     from elsewhere (a *jwt.Token returned by the auth module), promoted
//     methods of embedded library types and library interface methods;
//   - hardcoded-secret: a non-empty string or byte-slice literal used as a
//     JWT key anywhere, the auth packages included: passed (through
//     constants, variables, fields, conversions, calls and keyfunc returns)
//     to a library's key parameter, bound to a secret-looking name
//     (jwtSecret, JWT_SIGNING_KEY), a flag default, an environment fallback
//     or a struct-tag default;
//   - secret-access: a JWT secret read from the environment or config
//     (os.Getenv("JWT_SECRET"), viper.GetString("jwt.secret")) outside the
//     auth packages;
//   - directive: a //jwtssot:ignore directive that is malformed or unused;
//   - insecure-parse (off by default, turned on by enable): a token decoded
//     without verifying its signature, or parsed with golang-jwt accepting
//     any signing method its key fits.
//
// Values are followed through a value graph of each package, with facts
// carrying across packages what each exported function does with its
// parameters (passes one to a library's key, reads the setting it names)
// and what its result, each exported variable and each constant holds.
// Drivers that run the analyzer on dependencies (go vet, golangci-lint)
// get the facts of the scanned modules' packages; the standard library and
// third-party modules export none.
//
// Configuration comes from the nearest .jwtssot.yaml between a package's
// directory and its module root (or the file $JWTSSOT_CONFIG names),
// overridden key by key by the analyzer's flags (-auth, -libraries, -tests,
// -disable, -enable, -exclude, -replacements, -secret-names, -config) or
// golangci-lint's settings. With no auth packages configured, every JWT use
// is a violation.
//
// A finding is suppressed by //jwtssot:ignore <rule|all> <reason> at the end
// of its line or alone on the line above. Test files are skipped unless
// tests is set; generated files are always skipped.
//
// The rules are documented in full at
// https://github.com/jwtssot/jwtssot/tree/main/docs/rules.
package analyzer
