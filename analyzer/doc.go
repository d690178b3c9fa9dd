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
//   - hardcoded-secret: a non-empty string or byte-slice literal that
//     becomes a JWT key anywhere, the auth packages included: one that
//     reaches a library's secret-key parameter or field or a keyfunc's
//     result, as it is or transformed (base64, hex, hashing, folded
//     combinations of literals), through constants, variables, fields,
//     calls, channels, interfaces and packages; or one bound to a
//     secret-looking name (jwtSecret, JWT_SIGNING_KEY), a flag default, an
//     environment fallback or a struct-tag default;
//   - secret-access: a setting read outside the auth packages whose value
//     becomes a JWT key, whatever it is called and wherever it is read from
//     (the environment, flags, config files, loaders, secret stores, the
//     database, a key file), or whose name says it is the JWT secret
//     (os.Getenv("JWT_SECRET"), viper.GetString("jwt.secret"));
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
// -disable, -enable, -exclude, -replacements, -sources, -sinks,
// -secret-names, -config) or
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
