#!/bin/sh
# Make sure the build dependencies are present: flex, bison, libgc-dev, libedit-dev,
# libgmp-dev, libmpfr-dev.
# As root, installs the missing ones with apt-get; otherwise prints the exact command and fails.
missing=""
command -v flex >/dev/null 2>&1 || missing="$missing flex"
command -v bison >/dev/null 2>&1 || missing="$missing bison"
[ -f /usr/include/gc.h ] || [ -f /usr/include/gc/gc.h ] || missing="$missing libgc-dev"
[ -f /usr/include/histedit.h ] || [ -f /usr/include/editline/readline.h ] || missing="$missing libedit-dev"
[ -f /usr/include/nettle/nettle-meta.h ] || missing="$missing nettle-dev"
[ -f /usr/include/gmp.h ] || [ -f /usr/include/x86_64-linux-gnu/gmp.h ] || missing="$missing libgmp-dev"
[ -f /usr/include/mpfr.h ] || missing="$missing libmpfr-dev"
command -v cc >/dev/null 2>&1 || missing="$missing gcc"
command -v make >/dev/null 2>&1 || missing="$missing make"
command -v g++ >/dev/null 2>&1 || missing="$missing g++"
[ -f /usr/include/re2/re2.h ] || missing="$missing libre2-dev"
# Not for the build: tests/trace loads gol trace's pages in headless Chromium. Installed
# when we are root; if that fails (or we are not root) the build goes on and those checks
# are skipped (they fail under CI=true).
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "gol: installing chromium (for tests/trace)"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } \
        >/dev/null 2>&1 || echo "gol: could not install chromium: tests/trace skips its browser checks" >&2
fi
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "gol: installing build dependencies:$missing"
    apt-get update -qq >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null || {
        echo "gol: apt-get install failed; run: apt-get install -y$missing" >&2; exit 1; }
    exit 0
fi
echo "gol: missing build dependencies; run as root:" >&2
echo "    apt-get install -y$missing" >&2
exit 1
