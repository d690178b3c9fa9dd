#!/usr/bin/env bash
# install-chromium.sh installs Debian's chromium for the HTML report's
# headless-browser test (TestHTMLInBrowser in cmd/jwtssot), and prints its
# version. It does nothing but print the version when chromium is already
# installed, so CI can call it on every run. Needs root (or sudo) and
# Debian's package mirror; without chromium the test skips.
set -euo pipefail

find_chromium() {
	command -v chromium 2>/dev/null || command -v chromium-browser 2>/dev/null || true
}

bin=$(find_chromium)
if [ -z "$bin" ]; then
	sudo=()
	if [ "$(id -u)" != 0 ]; then
		sudo=(sudo)
	fi
	export DEBIAN_FRONTEND=noninteractive
	"${sudo[@]}" apt-get update -qq
	# Without recommends: the browser, not the desktop around it. A font
	# so that the screenshot shows text.
	"${sudo[@]}" apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
	bin=$(find_chromium)
	if [ -z "$bin" ]; then
		echo "install-chromium.sh: apt-get installed chromium, but no chromium binary is on PATH" >&2
		exit 1
	fi
fi
# Debian's launcher script prints a harmless shell warning on some
# machines; the version alone is the answer.
if ! "$bin" --version 2>/dev/null; then
	"$bin" --version
fi
