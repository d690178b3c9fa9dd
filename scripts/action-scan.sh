#!/usr/bin/env bash
# action-scan.sh is the scan step of the jwtssot GitHub Action (action.yml).
# It runs jwtssot with the action's inputs, which the runner passes as
# environment variables, and writes the step's outputs to $GITHUB_OUTPUT.
# It needs nothing from GitHub, so the tests run it offline.
#
# Inputs:
#   INPUT_WORKING_DIRECTORY   directory to scan from (default .)
#   INPUT_ARGS                package patterns and flags, split at white
#                             space (default ./...)
#   INPUT_FORMAT              report format (default sarif); sarif goes to
#                             INPUT_SARIF_FILE, the others to the log
#   INPUT_SARIF_FILE          SARIF file, relative to the working directory
#                             (default jwtssot.sarif)
#   INPUT_BASELINE            baseline file: report and fail only on new
#                             violations (default none)
#   INPUT_FAIL_ON_VIOLATIONS  true (default) or false: whether violations
#                             fail the step
#   JWTSSOT_BIN               the jwtssot binary (default: jwtssot on PATH)
#   GITHUB_OUTPUT             file of the step's outputs: exit-code, and
#                             sarif-file (absolute) when a SARIF report was
#                             written
#
# Exit status: 0, or jwtssot's: 1 violations (unless
# INPUT_FAIL_ON_VIOLATIONS is false), 2 usage or config error, 3 packages
# that could not be checked.
set -uo pipefail

dir=${INPUT_WORKING_DIRECTORY:-.}
args=${INPUT_ARGS:-./...}
format=${INPUT_FORMAT:-sarif}
sarif=${INPUT_SARIF_FILE:-jwtssot.sarif}
baseline=${INPUT_BASELINE:-}
fail=${INPUT_FAIL_ON_VIOLATIONS:-true}
bin=${JWTSSOT_BIN:-jwtssot}
out=${GITHUB_OUTPUT:-/dev/null}

error() {
	echo "::error title=jwtssot::$*"
	echo "exit-code=2" >>"$out"
	exit 2
}

case $fail in
true | false) ;;
*) error "fail-on-violations must be true or false, not '$fail'" ;;
esac
cd -- "$dir" 2>/dev/null || error "working-directory '$dir' does not exist"

# Split the args at white space, without expanding globs: ./... stays as it is.
set -f
read -r -a patterns <<<"$args"
set +f

flags=(-format "$format")
if [ -n "$baseline" ]; then
	flags+=(-baseline "$baseline")
fi
if [ "$format" = sarif ]; then
	rm -f -- "$sarif" # never upload the report of an earlier run
	mkdir -p -- "$(dirname -- "$sarif")" || error "cannot create the directory of sarif-file '$sarif'"
	flags+=(-o "$sarif")
fi

echo "jwtssot ${flags[*]} ${patterns[*]-}"
"$bin" "${flags[@]}" ${patterns[@]+"${patterns[@]}"}
code=$?
echo "exit-code=$code" >>"$out"
if [ "$format" = sarif ] && [ -f "$sarif" ]; then
	echo "sarif-file=$(cd -- "$(dirname -- "$sarif")" && pwd)/$(basename -- "$sarif")" >>"$out"
fi

case $code in
0) ;;
1)
	if [ "$fail" = false ]; then
		echo "::notice title=jwtssot::violations found; fail-on-violations is false"
		code=0
	fi
	;;
esac
exit "$code"
