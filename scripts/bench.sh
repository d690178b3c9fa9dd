#!/usr/bin/env bash
# bench.sh [N...] measures jwtssot on generated monorepos of N service
# packages each (default: 100 1000 5000) against go vet's default analyzers
# and the floor of loading and walking the same packages. The method is in
# docs/performance.md.
#
# For each N it generates the module (internal/benchgen; kept between runs
# when BENCH_DIR is set), builds jwtssot, loadfloor and benchgen from this
# checkout (the last two in internal/devtools, the dev commands' module),
# warms the build cache, then times BENCH_RUNS runs of each measurement,
# after one untimed warm-up run:
#
#   jwtssot             jwtssot -q ./...                   (standalone)
#   vet-jwtssot-cold    go vet -vettool=jwtssot ./...      every vet action re-run
#   vet-jwtssot-cached  go vet -vettool=jwtssot ./...      results from the vet cache
#   vet-default-cold    go vet ./...                       default analyzers, re-run
#   floor               loadfloor ./...                    go/packages load + one AST walk
#   golangci-lint       $GOLANGCI_LINT run ./...           only if GOLANGCI_LINT is set
#
# "Cold" runs pass an analyzer flag with a new value each time
# (-jwtssot.exclude=<a file name matching nothing>, -printf.funcs=<a
# function name that does not exist>): the go command hashes the vet flags
# into every vet action's cache key, so all vet actions run again while
# every compile action still comes from the build cache. golangci-lint gets
# a new, empty GOLANGCI_LINT_CACHE per run.
#
# Each run is timed by GNU time (/usr/bin/time): wall time, user+system CPU
# time and peak RSS. The report is a markdown table of medians with ratios,
# on stdout and, if BENCH_OUT is set, in that file.
#
# Environment:
#   BENCH_DIR        work directory: generated modules (reused when their
#                    parameters and benchgen's source are unchanged), tools,
#                    raw results (default: a temporary directory, removed)
#   BENCH_RUNS       timed runs per measurement (default 5)
#   BENCH_SEED       benchgen -seed (default 1)
#   BENCH_JWT_SHARE  benchgen -jwt-share, percent (default 10)
#   BENCH_OUT        also write the report to this file
#   BENCH_ONLY       comma-separated measurement names to run (default: all);
#                    with BENCH_DIR, the other measurements' runs are kept
#                    from an earlier run, so one tool can be measured again
#                    after a change without the long go vet runs
#   GOLANGCI_LINT    a golangci-lint built with the jwtssot plugin
#                    (scripts/custom-gcl.sh)
#   BENCH_REAL       public backends to measure too, each module@version
#                    (scripts/bench-real.txt lists the ones in
#                    docs/performance.md): fetched from the Go module
#                    proxy, then jwtssot and the floor alternate run by run
#                    (paired runs), and the report gives their ratios
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
sizes=("$@")
real=(${BENCH_REAL:-})
if [ ${#sizes[@]} -eq 0 ] && [ ${#real[@]} -eq 0 ]; then
	sizes=(100 1000 5000)
fi
for n in "${sizes[@]}"; do
	case $n in
	'' | *[!0-9]*)
		echo "usage: bench.sh [N...] (N: number of service packages)" >&2
		exit 2
		;;
	esac
done
runs=${BENCH_RUNS:-5}
seed=${BENCH_SEED:-1}
share=${BENCH_JWT_SHARE:-10}
gcl=${GOLANGCI_LINT:-}
out=${BENCH_OUT:-}
case $out in
'' | /*) ;;
*) out=$PWD/$out ;;
esac

TIME=/usr/bin/time
if ! "$TIME" -f %e -o /dev/null true 2>/dev/null; then
	echo "bench.sh: needs GNU time as $TIME (Debian and Ubuntu: apt-get install time)" >&2
	exit 2
fi
if [ -n "$gcl" ]; then
	# An absolute path: the measurements run in the generated module.
	if ! gcl=$(command -v "$gcl") || [ ! -x "$gcl" ]; then
		echo "bench.sh: GOLANGCI_LINT=${GOLANGCI_LINT} is not an executable" >&2
		exit 2
	fi
	case $gcl in
	/*) ;;
	*) gcl=$PWD/$gcl ;;
	esac
fi

if [ -n "${BENCH_DIR:-}" ]; then
	mkdir -p "$BENCH_DIR"
	work=$(cd "$BENCH_DIR" && pwd)
else
	work=$(mktemp -d)
	trap 'rm -rf "$work"' EXIT
fi
log() { echo "bench.sh: $*" >&2; }

# The tools, built from this checkout with the caller's go settings.
mkdir -p "$work/bin"
log "building jwtssot, loadfloor, benchgen"
(cd "$root" && go build -o "$work/bin/" ./cmd/jwtssot && go build -C internal/devtools -o "$work/bin/" ./loadfloor ./benchgen)
jwtssot=$work/bin/jwtssot
loadfloor=$work/bin/loadfloor
benchgen=$work/bin/benchgen

# The public backends come from the Go module proxy, with their
# dependencies, before anything is measured.
proxy=$(go env GOPROXY)
fetch_real() { # fetch_real MODULE@VERSION DIR
	local src
	src=$(GOWORK=off GOFLAGS= GOTOOLCHAIN=local go mod download -json "$1" | awk -F'"' '/"Dir":/ { print $4 }')
	if [ -z "$src" ]; then
		echo "bench.sh: go mod download $1 failed" >&2
		exit 1
	fi
	rm -rf "$2"
	cp -r "$src" "$2"
	chmod -R u+w "$2"
	(cd "$2" && GOWORK=off GOFLAGS=-mod=mod GOTOOLCHAIN=local GOPROXY=$proxy go mod download && rm -rf vendor)
}
for target in "${real[@]}"; do
	dir=$work/real-$(echo "$target" | tr '/@' '__')
	if [ ! -f "$dir.stamp" ]; then
		log "fetching $target into $dir"
		fetch_real "$target" "$dir"
		echo "$target" >"$dir.stamp"
	fi
done

# The generated modules build offline, outside any workspace, with the
# toolchain at hand and no GOFLAGS of the caller.
export GOWORK=off GOPROXY=off GOTOOLCHAIN=local GOFLAGS=

# A change of benchgen's source, its templates or the stub of the JWT library
# it copies (the analyzer tests') regenerates the modules.
gensum=$(cd "$root" && find internal/benchgen internal/devtools/benchgen analyzer/testdata/src/github.com/golang-jwt/jwt/v5 \
	-type f ! -name '*_test.go' | LC_ALL=C sort | xargs cat | sha256sum | cut -c1-16)

# nonce is new for every call: the value of the flags that force
# re-analysis.
nonce() { echo "$(date +%s%N)$RANDOM"; }

# Command builders: each sets the array cmd for one run.
cmd_jwtssot() { cmd=("$jwtssot" -q ./...); }
cmd_vet_jwtssot_cold() { cmd=(go vet -vettool="$jwtssot" "-jwtssot.exclude=bench-nonce-$(nonce).go" ./...); }
cmd_vet_jwtssot_cached() { cmd=(go vet -vettool="$jwtssot" ./...); }
cmd_vet_default_cold() { cmd=(go vet "-printf.funcs=benchNonce$(nonce)" ./...); }
cmd_floor() { cmd=("$loadfloor" ./...); }
cmd_golangci() {
	gclcache=$work/golangci-cache
	rm -rf "$gclcache"
	mkdir -p "$gclcache"
	cmd=(env "GOLANGCI_LINT_CACHE=$gclcache" "$gcl" run ./...)
}

# measure N NAME OK-CODES BUILDER: one warm-up run, then $runs timed runs,
# appended to $work/raw-N.tsv as: name run wall cpu rss-KB exit findings.
# A run that exits with a code not in OK-CODES stops the script.
measure() {
	local n=$1 name=$2 ok=$3 builder=$4 i rc wall user sys rss found label
	for ((i = 0; i <= runs; i++)); do
		"$builder"
		if "$TIME" -f '%e %U %S %M' -o "$work/run.time" "${cmd[@]}" >"$work/run.stdout" 2>"$work/run.stderr"; then
			rc=0
		else
			rc=$?
		fi
		if [[ " $ok " != *" $rc "* ]]; then
			log "$name (N=$n) exited with $rc: ${cmd[*]}"
			tail -n 20 "$work/run.stderr" >&2
			exit 1
		fi
		# GNU time writes "Command exited with non-zero status" first.
		read -r wall user sys rss < <(tail -n 1 "$work/run.time")
		found=$(cat "$work/run.stdout" "$work/run.stderr" | grep -cE '\.go:[0-9]+:[0-9]+: ' || true)
		if ((i > 0)); then
			printf '%s\t%d\t%s\t%s\t%s\t%d\t%d\n' "$name" "$i" "$wall" \
				"$(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.2f", u + s}')" "$rss" "$rc" "$found" >>"$work/raw-$n.tsv"
		fi
		label="run $i/$runs"
		if ((i == 0)); then
			label="warm-up"
		fi
		log "$name N=$n $label: ${wall}s wall, ${user}s user, ${sys}s sys, $((rss / 1024)) MB, $found findings"
	done
}

# measure_pair KEY: jwtssot and the floor on a public backend, in pairs:
# one warm-up run of each, then $runs runs of jwtssot each followed by one
# of the floor, so that both see the same state of the machine. Appended to
# $work/raw-KEY.tsv like measure's.
measure_pair() {
	local key=$1 i name builder rc wall user sys rss
	for ((i = 0; i <= runs; i++)); do
		for name in jwtssot floor; do
			builder=cmd_$name
			"$builder"
			if "$TIME" -f '%e %U %S %M' -o "$work/run.time" "${cmd[@]}" >"$work/run.stdout" 2>"$work/run.stderr"; then
				rc=0
			else
				rc=$?
			fi
			# A package that does not compile fails the floor (1) and
			# the scan (3) alike; anything else stops the script.
			if [[ " 0 1 3 " != *" $rc "* ]]; then
				log "$name ($key) exited with $rc: ${cmd[*]}"
				tail -n 20 "$work/run.stderr" >&2
				exit 1
			fi
			read -r wall user sys rss < <(tail -n 1 "$work/run.time")
			if ((i > 0)); then
				printf '%s\t%d\t%s\t%s\t%s\t%d\t0\n' "$name" "$i" "$wall" \
					"$(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.2f", u + s}')" "$rss" "$rc" >>"$work/raw-$key.tsv"
			fi
			log "$name $key run $i/$runs: ${wall}s wall, ${user}s user, ${sys}s sys, $((rss / 1024)) MB, exit $rc"
		done
	done
}

# median FILE NAME COLUMN: the median of a column of a measurement's runs.
median() {
	awk -F'\t' -v name="$2" -v col="$3" '$1 == name { print $col }' "$1" | sort -g |
		awk '{ a[NR] = $1 } END { if (NR == 0) exit; if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

names=(jwtssot vet-jwtssot-cold vet-jwtssot-cached vet-default-cold floor)
if [ -n "$gcl" ]; then
	names+=(golangci-lint)
fi
only=${BENCH_ONLY:-}
# selected NAME: whether this run measures NAME.
selected() { [ -z "$only" ] || [[ ",$only," == *",$1,"* ]]; }
for name in ${only//,/ }; do
	if [[ " ${names[*]} " != *" $name "* ]]; then
		echo "bench.sh: BENCH_ONLY names $name; measurements: ${names[*]}" >&2
		exit 2
	fi
done

for n in "${sizes[@]}"; do
	mod=$work/mono-$n
	stamp="packages=$n jwt-share=$share seed=$seed benchgen=$gensum"
	if [ "$(cat "$mod.stamp" 2>/dev/null)" != "$stamp" ]; then
		log "generating $n packages in $mod"
		rm -f "$mod.stamp"
		"$benchgen" -root "$root" -out "$mod" -packages "$n" -jwt-share "$share" -seed "$seed" -force >"$mod.summary"
		echo "$stamp" >"$mod.stamp"
	fi
	log "$(cat "$mod.summary")"
	cd "$mod"
	log "warming the build cache (go build ./...)"
	go build ./...
	# Drop the earlier runs of what is measured now; keep the others.
	if [ -f "$work/raw-$n.tsv" ]; then
		awk -F'\t' -v only="$only" 'only != "" && index("," only ",", "," $1 ",") == 0' \
			"$work/raw-$n.tsv" >"$work/raw-$n.keep"
		mv "$work/raw-$n.keep" "$work/raw-$n.tsv"
	fi
	selected jwtssot && measure "$n" jwtssot "0 1" cmd_jwtssot
	selected vet-jwtssot-cold && measure "$n" vet-jwtssot-cold "0 1" cmd_vet_jwtssot_cold
	selected vet-jwtssot-cached && measure "$n" vet-jwtssot-cached "0 1" cmd_vet_jwtssot_cached
	selected vet-default-cold && measure "$n" vet-default-cold "0" cmd_vet_default_cold
	selected floor && measure "$n" floor "0" cmd_floor
	if [ -n "$gcl" ] && selected golangci-lint; then
		measure "$n" golangci-lint "0 1" cmd_golangci
		rm -rf "$work/golangci-cache"
	fi
	cd "$root"
done

for target in "${real[@]}"; do
	key=real-$(echo "$target" | tr '/@' '__')
	cd "$work/$key"
	export GOFLAGS=-mod=mod
	log "warming the build cache in $key (go build ./...)"
	go build ./... || log "$key: go build ./... failed; measuring what compiles"
	rm -f "$work/raw-$key.tsv"
	measure_pair "$key"
	export GOFLAGS=
	cd "$root"
done

# The report.
report() {
	local n f expected lines
	echo "## jwtssot benchmark"
	echo
	local cpu hv
	cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
	cpu+=$(grep -m1 'cpu MHz' /proc/cpuinfo | awk -F': ' '{ printf " at %.1f GHz", $2 / 1000 }')
	hv=$(lscpu 2>/dev/null | awk -F': *' '/Hypervisor vendor/ { print ", " $2 " virtual machine" }')
	echo "- machine: $cpu, $(nproc) CPUs available$hv," \
		"$(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -sr)"
	echo "- $(go version | cut -d' ' -f3-); jwtssot $(cd "$root" && git describe --always --dirty 2>/dev/null || echo unknown)"
	echo "- $runs timed runs per measurement after one warm-up run, medians; warm build cache;" \
		"benchgen -jwt-share $share -seed $seed"
	if [ -n "$only" ]; then
		echo "- measured in this run: ${only//,/, }; the other measurements are those of an earlier run kept in BENCH_DIR"
	fi
	echo "- cold: every vet action runs again (an analyzer flag with a new value changes their cache keys)," \
		"compile actions come from the build cache; cached: go vet replays its cached results;" \
		"floor: go/packages load in the analyzer's mode plus one AST walk; CPU = user + system;" \
		"peak RSS: the largest single process (GNU time)"
	echo
	for n in "${sizes[@]}"; do
		f=$work/raw-$n.tsv
		expected=$(grep -oE 'expected violations [0-9]+' "$work/mono-$n.summary" | grep -oE '[0-9]+$')
		echo "### N = $n"
		echo
		echo "$(cat "$work/mono-$n.summary" | sed 's/^benchgen: //')"
		echo
		echo "| measurement | wall s | CPU s | peak RSS MB | findings |"
		echo "|---|---:|---:|---:|---:|"
		for name in "${names[@]}"; do
			printf '| %s | %s | %s | %s | %s |\n' "$name" "$(median "$f" "$name" 3)" "$(median "$f" "$name" 4)" \
				"$(awk -v k="$(median "$f" "$name" 5)" 'BEGIN { printf "%.0f", k / 1024 }')" \
				"$(median "$f" "$name" 7)"
		done
		echo
		ratio() { # ratio A B COLUMN
			awk -v a="$(median "$f" "$1" "$3")" -v b="$(median "$f" "$2" "$3")" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'
		}
		echo "| ratio | wall | CPU | peak RSS |"
		echo "|---|---:|---:|---:|"
		for pair in "jwtssot vet-default-cold" "jwtssot floor" "vet-jwtssot-cold vet-default-cold" "vet-jwtssot-cached vet-jwtssot-cold"; do
			set -- $pair
			echo "| $1 / $2 | $(ratio "$1" "$2" 3) | $(ratio "$1" "$2" 4) | $(ratio "$1" "$2" 5) |"
		done
		echo
		for name in jwtssot vet-jwtssot-cold vet-jwtssot-cached golangci-lint; do
			[ -n "$(median "$f" "$name" 7)" ] || continue
			if awk -F'\t' -v name="$name" -v want="$expected" '$1 == name && $7 != want { bad = 1 } END { exit !bad }' "$f"; then
				echo "**Warning: $name did not report the $expected violations benchgen planted in every run.**"
				echo
			fi
		done
	done
	for target in "${real[@]}"; do
		key=real-$(echo "$target" | tr '/@' '__')
		f=$work/raw-$key.tsv
		echo "### $target"
		echo
		echo "$(cd "$work/$key" && GOFLAGS=-mod=mod go list ./... 2>/dev/null | wc -l) packages," \
			"$(find "$work/$key" -name '*.go' -not -path '*/vendor/*' -not -name '*_test.go' | xargs cat | wc -l) lines of non-test Go;" \
			"jwtssot and the floor run in pairs"
		echo
		echo "| measurement | wall s | CPU s | peak RSS MB |"
		echo "|---|---:|---:|---:|"
		for name in jwtssot floor; do
			printf '| %s | %s | %s | %s |\n' "$name" "$(median "$f" "$name" 3)" "$(median "$f" "$name" 4)" \
				"$(awk -v k="$(median "$f" "$name" 5)" 'BEGIN { printf "%.0f", k / 1024 }')"
		done
		echo
		printf '| ratio jwtssot / floor | %s | %s | %s |\n' \
			"$(awk -v a="$(median "$f" jwtssot 3)" -v b="$(median "$f" floor 3)" 'BEGIN { printf "%.2f", a / b }')" \
			"$(awk -v a="$(median "$f" jwtssot 4)" -v b="$(median "$f" floor 4)" 'BEGIN { printf "%.2f", a / b }')" \
			"$(awk -v a="$(median "$f" jwtssot 5)" -v b="$(median "$f" floor 5)" 'BEGIN { printf "%.2f", a / b }')"
		echo
	done
	if [ ${#sizes[@]} -gt 1 ]; then
		local lo=${sizes[0]} hi=${sizes[${#sizes[@]} - 1]}
		echo "### Scaling, N = $hi over N = $lo"
		echo
		lines() { grep -oE '[0-9]+ lines' "$work/mono-$1.summary" | grep -oE '^[0-9]+'; }
		echo "Lines of code: $(awk -v a="$(lines "$hi")" -v b="$(lines "$lo")" 'BEGIN { printf "%.1f", a / b }')x."
		echo
		echo "| measurement | wall | CPU | peak RSS |"
		echo "|---|---:|---:|---:|"
		for name in "${names[@]}"; do
			printf '| %s |' "$name"
			for col in 3 4 5; do
				awk -v a="$(median "$work/raw-$hi.tsv" "$name" $col)" -v b="$(median "$work/raw-$lo.tsv" "$name" $col)" \
					'BEGIN { if (b > 0) printf " %.1fx |", a / b; else printf " n/a |" }'
			done
			echo
		done
		echo
	fi
	if [ -n "${BENCH_DIR:-}" ]; then
		echo "Raw runs: raw-N.tsv in BENCH_DIR (name, run, wall s, CPU s, peak RSS KB, exit status, findings)."
	fi
}

if [ -n "$out" ]; then
	report | tee "$out"
else
	report
fi
