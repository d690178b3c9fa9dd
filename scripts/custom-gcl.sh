#!/usr/bin/env bash
# custom-gcl.sh [OUT] builds golangci-lint with the jwtssot module plugin
# from this checkout, without git or network access: golangci-lint's source
# comes from the Go module cache (or the module proxy, if it is not cached),
# the plugin from the working tree. It does what `golangci-lint custom` does
# with .custom-gcl.yml, which clones golangci-lint from GitHub instead.
#
#   OUT                      the binary to write (default: bin/custom-gcl in
#                            the repository, where .custom-gcl.yml puts it)
#   GOLANGCI_LINT_VERSION    golangci-lint version (default: v2.15.0, as in
#                            .custom-gcl.yml)
#
# Offline, every module golangci-lint and jwtssot need must already be in the
# module cache; add GOPROXY=off to fail fast instead of trying the network.
set -euo pipefail

version=${GOLANGCI_LINT_VERSION:-v2.15.0}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${1:-$root/bin/custom-gcl}
case $out in
/*) ;;
*) out=$PWD/$out ;;
esac

# Build golangci-lint's module on its own terms: no workspace, no vendor or
# -mod from the caller's GOFLAGS, no VCS stamping (the copy is no repository).
export GOWORK=off
goflags=(-buildvcs=false)
for f in ${GOFLAGS:-}; do
	case $f in
	-mod=* | -modfile=* | -buildvcs*) ;;
	*) goflags+=("$f") ;;
	esac
done
export GOFLAGS="${goflags[*]}"

# plugin_hash prints a short hash of what the plugin is built from: jwtssot's
# go.mod and go.sum and the Go and embedded files of its packages that the
# plugin imports.
plugin_hash() {
	local sum
	if command -v sha256sum >/dev/null; then sum=(sha256sum); else sum=(shasum -a 256); fi
	(
		cd "$root"
		cat go.mod go.sum
		go list -deps -f '{{if .Module}}{{if eq .Module.Path "github.com/jwtssot/jwtssot"}}{{$d := .Dir}}{{range .GoFiles}}{{$d}}/{{.}}
{{end}}{{range .EmbedFiles}}{{$d}}/{{.}}
{{end}}{{end}}{{end}}' ./plugin | LC_ALL=C sort | while IFS= read -r f; do cat "$f"; done
	) | "${sum[@]}" | cut -c1-12
}

tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT

# Where the module cache holds golangci-lint's source (run outside any
# module, so that only the module cache and the proxy are consulted).
if ! info=$(cd "$tmp" && go mod download -json "github.com/golangci/golangci-lint/v2@$version"); then
	echo "$info" >&2
	echo "custom-gcl.sh: golangci-lint $version is neither in the module cache nor downloadable" >&2
	exit 1
fi
dir=$(printf '%s\n' "$info" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')
if [ -z "$dir" ] || [ ! -f "$dir/go.mod" ]; then
	echo "custom-gcl.sh: no source directory in: $info" >&2
	exit 1
fi

src=$tmp/golangci-lint
cp -R "$dir" "$src"
chmod -R u+w "$src" # the module cache is read-only

# The plugin registers itself in init; a blank import is all it takes.
cat >"$src/cmd/golangci-lint/plugin_jwtssot.go" <<'GO'
package main

// The jwtssot module plugin, added by jwtssot's scripts/custom-gcl.sh.
import _ "github.com/jwtssot/jwtssot/plugin"
GO

cd "$src"
go mod edit \
	-require=github.com/jwtssot/jwtssot@v0.0.0 \
	-replace=github.com/jwtssot/jwtssot="$root"
# jwtssot's go.sum holds verified hashes of its own dependencies, so tidy does
# not need the checksum database for them.
cat "$root/go.sum" >>go.sum
go mod tidy

# golangci-lint salts its result cache with its version string, so the
# version names the plugin's source (as `golangci-lint custom` does with a
# hash of the plugin directory): a rebuilt plugin does not reuse results
# cached by the old one. With a date set, golangci-lint reports this version
# instead of the "(devel)" of a module built from a directory.
build_version="${version#v}-custom-jwtssot.$(plugin_hash)"
mkdir -p "$(dirname "$out")"
go build -trimpath \
	-ldflags "-s -w -X main.version=$build_version -X main.date=$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
	-o "$out" ./cmd/golangci-lint
echo "custom-gcl.sh: built $out" >&2
