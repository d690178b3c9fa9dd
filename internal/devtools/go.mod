// The development commands of jwtssot (benchgen, gendocs, loadfloor), in a
// module of their own so that `go install ./...` in the repository root, which
// pre-commit's language: golang hook runs, builds only cmd/jwtssot. Their code
// is in the main module's internal/benchgen, internal/gendocs and
// internal/loadfloor, tested by its go test ./...; this module holds only the
// main packages. After a change of the main module's requirements, run
// go mod tidy here too (CI builds this module and fails until then).
module github.com/jwtssot/jwtssot/internal/devtools

go 1.26.0

require (
	github.com/jwtssot/jwtssot v0.0.0-00010101000000-000000000000
	golang.org/x/tools v0.52.0
)

require (
	golang.org/x/mod v0.42.0 // indirect
	golang.org/x/sync v0.24.0 // indirect
)

replace github.com/jwtssot/jwtssot => ../..
