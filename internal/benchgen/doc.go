// Package benchgen writes a synthetic monorepo Go module for jwtssot's
// performance measurements (scripts/bench.sh, docs/performance.md). The
// command is internal/devtools/benchgen:
//
//	go run -C internal/devtools ./benchgen -out DIR -packages N -jwt-share P [-seed S]
//
// (go run -C runs the command in internal/devtools: give DIR as an absolute
// path). DIR receives a module example.com/mono that builds and vets offline:
//
//	go.mod               requires github.com/golang-jwt/jwt/v5, replaced by
//	third_party/jwt      a local stub of the library (its own module): the
//	                     analyzer tests' stub, copied from StubDir
//	.jwtssot.yaml        auth: [./internal/auth/...]
//	.golangci.yml        enables only the jwtssot plugin (scripts/custom-gcl.sh)
//	internal/auth        the auth module: issues and validates tokens
//	internal/platform/*  logging, config, SQL and HTTP helpers
//	svc/<domain>/<pkg>   N service packages of 3 to 6 files each
//
// The service packages form a layered DAG: a package imports one to three
// packages of lower layers, most often of the layer just below, so type
// checking has real dependency depth. Their files are the code of a typical
// backend, using only the standard library: models with JSON tags and
// validation, an in-memory and a database/sql repository, net/http handlers,
// caches, CSV export, events with HMAC-signed webhooks. P percent of the
// packages also hold JWT code outside the auth module, in the forms the
// rules cover:
//
//   - direct: a file imports github.com/golang-jwt/jwt/v5 and calls Parse,
//     ParseWithClaims, NewWithClaims, SignedString (rules import and call);
//   - foreign: a file with no JWT import calls library methods on tokens and
//     claims returned by the auth package (rule call);
//   - hardcoded: a JWT secret written in the source (rule hardcoded-secret);
//   - env: os.Getenv("JWT_SECRET") outside the auth module (rule
//     secret-access).
//
// Every package also carries look-alikes the rules must leave alone
// (webhook and queue signing keys, other environment variables, calls of
// the auth module's API).
//
// The files are rendered from the text/template files under templates/,
// which read as the Go they produce (see render.go); TestTemplatesVet vets
// what every template renders. The output depends only on the options: the
// same seed writes the same bytes. Generate refuses to write into a
// non-empty DIR unless Force (-force) is set, and then removes DIR's
// previous content first. Its Summary, which the command prints on one
// line, gives the packages, files, lines and the violations planted, which
// a jwtssot run over DIR should report exactly.
package benchgen
