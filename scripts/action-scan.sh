#!/usr/bin/env bash
# action-scan.sh is the scan step of the jwtssot GitHub Action (action.yml).
# It runs jwtssot with the action's inputs, which the runner passes as
# environment variables, and writes the step's outputs to $GITHUB_OUTPUT.
# It needs nothing from GitHub, so the tests run it offline.
#
# Inputs:
#   INPUT_WORKING_DIRECTORY   directory to scan from (default .)
#   INPUT_ARGS                package patterns and flags, split at white
#                             space and line breaks, never globbed or
#                             evaluated (default ./...)
#   INPUT_FORMAT              report format (default sarif); sarif goes to
#                             INPUT_SARIF_FILE, the others to the log
#   INPUT_SARIF_FILE          SARIF file, relative to the working directory
#                             (default jwtssot.sarif); it may be new or a
#                             SARIF report, which is replaced, but never the
#                             baseline, a config file, a Go or module file,
#                             a directory or another existing file
#   INPUT_BASELINE            baseline file: report and fail only on new
#                             violations (default none)
#   INPUT_FAIL_ON_VIOLATIONS  true (default) or false: whether violations
#                             fail the step
#   JWTSSOT_BIN               the jwtssot binary (default: jwtssot on PATH)
#   GITHUB_OUTPUT             file of the step's outputs: exit-code, and
#                             sarif-file (absolute) when this run wrote a
#                             SARIF report
#
# Exit status: 0, or jwtssot's: 1 violations (unless
# INPUT_FAIL_ON_VIOLATIONS is false), 2 usage or config error (a bad input
# included), 3 packages that could not be checked.
set -uo pipefail

dir=${INPUT_WORKING_DIRECTORY:-.}
args=${INPUT_ARGS:-./...}
format=${INPUT_FORMAT:-sarif}
sarif=${INPUT_SARIF_FILE:-jwtssot.sarif}
baseline=${INPUT_BASELINE:-}
fail=${INPUT_FAIL_ON_VIOLATIONS:-true}
bin=${JWTSSOT_BIN:-jwtssot}
out=${GITHUB_OUTPUT:-/dev/null}

# command_data escapes a workflow command's message as the runner's toolkit
# does, so that a value cannot end the command and start another.
command_data() {
	local s=${1//'%'/%25}
	s=${s//$'\r'/%0D}
	printf '%s' "${s//$'\n'/%0A}"
}

# random_token is 32 hex digits from the kernel's random source.
random_token() {
	od -An -N16 -tx1 /dev/urandom | tr -d ' \n'
}

# set_output writes a step output. A value with a line break, which would
# start an output of its own in name=value form, is written in the
# multi-line form, between random delimiters that it cannot contain.
set_output() {
	local name=$1 value=$2 delim
	case $value in
	*$'\n'* | *$'\r'*)
		delim="ghadelimiter_$(random_token)"
		printf '%s<<%s\n%s\n%s\n' "$name" "$delim" "$value" "$delim" >>"$out"
		;;
	*) printf '%s=%s\n' "$name" "$value" >>"$out" ;;
	esac
}

error() {
	echo "::error title=jwtssot::$(command_data "$*")"
	set_output exit-code 2
	exit 2
}

# Inputs that name files or pick a mode hold no line break: each is one
# name or word, and a message quoting one stays one workflow command.
for input in "working-directory:$dir" "format:$format" "sarif-file:$sarif" "baseline:$baseline" "fail-on-violations:$fail"; do
	case $input in
	*$'\n'* | *$'\r'*) error "the ${input%%:*} input holds a line break; give one name" ;;
	esac
done
case $fail in
true | false) ;;
*) error "fail-on-violations must be true or false, not '$fail'" ;;
esac
case $format in
sarif | github | text | json | markdown) ;;
*) error "format must be sarif, github, text, json or markdown, not '$format'" ;;
esac
cd -- "$dir" 2>/dev/null || error "working-directory '$dir' does not exist"

# Split the args at white space and line breaks, without expanding globs
# (./... stays as it is) or evaluating anything ($(...), `...`, ; are text).
set -f
IFS=$' \t\n' read -r -d '' -a patterns <<<"$args"
set +f

# config_files are the config files of the scan: the working directory's,
# and those the args or the environment name.
config_files() {
	printf '%s\n' .jwtssot.yaml .jwtssot.yml
	[ -n "${JWTSSOT_CONFIG:-}" ] && printf '%s\n' "$JWTSSOT_CONFIG"
	local i next=
	for i in ${patterns[@]+"${patterns[@]}"}; do
		if [ -n "$next" ]; then
			printf '%s\n' "$i"
			next=
			continue
		fi
		case $i in
		-config=* | --config=* | -jwtssot.config=* | --jwtssot.config=*) printf '%s\n' "${i#*=}" ;;
		-config | --config | -jwtssot.config | --jwtssot.config) next=1 ;;
		esac
	done
}

# is_sarif reports whether an existing file is a SARIF log: a JSON object
# whose version, which SARIF requires, is 2.1.0.
is_sarif() {
	[ -f "$1" ] && [ -s "$1" ] || return 1
	local head
	head=$(head -c 8192 -- "$1" | tr -d ' \t\r\n')
	case $head in
	'{'*'"version":"2.1.0"'*) return 0 ;;
	esac
	return 1
}

# same_file reports whether two names stand for one file: an existing one
# (through symlinks and ./), or one to be created in the same directory.
same_file() {
	[ "$1" -ef "$2" ] && return 0
	[ "$(basename -- "$1")" = "$(basename -- "$2")" ] && [ "$(dirname -- "$1")" -ef "$(dirname -- "$2")" ]
}

# check_sarif_file refuses a sarif-file that jwtssot's report would
# destroy: it may be a new file or a SARIF report, nothing else.
check_sarif_file() {
	local f=$1 base
	base=$(basename -- "$f")
	case $f in
	*/) error "sarif-file '$f' names a directory; name a file, such as jwtssot.sarif" ;;
	esac
	[ -d "$f" ] && error "sarif-file '$f' is a directory; name a file, such as jwtssot.sarif"
	case $base in
	*.go | go.mod | go.sum | go.work | go.work.sum)
		error "sarif-file '$f' is a Go or module file, which the report would overwrite; name a file of its own, such as jwtssot.sarif"
		;;
	esac
	if [ -n "$baseline" ] && same_file "$f" "$baseline"; then
		error "sarif-file '$f' is the baseline, which the report would overwrite; name a file of its own, such as jwtssot.sarif"
	fi
	local c
	while IFS= read -r c; do
		if same_file "$f" "$c"; then
			error "sarif-file '$f' is a jwtssot config file, which the report would overwrite; name a file of its own, such as jwtssot.sarif"
		fi
	done < <(config_files)
	if { [ -e "$f" ] || [ -L "$f" ]; } && ! is_sarif "$f"; then
		error "sarif-file '$f' exists and is not a SARIF report; the action replaces only a SARIF report: name a new file, or remove it"
	fi
}

flags=(-format "$format")
if [ -n "$baseline" ]; then
	flags+=(-baseline "$baseline")
fi
tmp=
if [ "$format" = sarif ]; then
	check_sarif_file "$sarif"
	mkdir -p -- "$(dirname -- "$sarif")" || error "cannot create the directory of sarif-file '$sarif'"
	# jwtssot writes the report to a new file of the action's, which
	# replaces sarif-file only when the scan wrote it: the report of an
	# earlier run is then never taken for this run's, and is left alone.
	tmp=$(mktemp "$(dirname -- "$sarif")/.jwtssot-sarif.XXXXXX") || error "cannot create a file next to sarif-file '$sarif'"
	trap 'rm -f -- "$tmp"' EXIT
	chmod 0644 "$tmp" # jwtssot keeps the mode of the file it replaces
	flags+=(-o "$tmp")
fi

echo "jwtssot ${flags[*]} ${patterns[*]-}"
token=
if [ "$format" != github ]; then
	# The report is for reading: nothing in it is a workflow command, even
	# a line a file name starts with "::".
	token=$(random_token)
	echo "::stop-commands::$token"
fi
"$bin" "${flags[@]}" ${patterns[@]+"${patterns[@]}"}
code=$?
if [ -n "$token" ]; then
	echo "::$token::"
fi
if [ -n "$tmp" ] && [ -s "$tmp" ]; then
	mv -f -- "$tmp" "$sarif" || error "cannot move the SARIF report to sarif-file '$sarif'"
	set_output sarif-file "$(cd -- "$(dirname -- "$sarif")" && pwd)/$(basename -- "$sarif")"
fi
set_output exit-code "$code"

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
