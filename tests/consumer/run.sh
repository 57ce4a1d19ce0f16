#!/bin/sh
# run.sh BUILD_DIR [FLAGS] — install the build into a temporary prefix, then
# build tests/consumer against it with find_package(bilan) and with
# pkg-config, and run both programs.  FLAGS go to the consumer's compiler and
# linker (the sanitizers, when the library was built with them).
set -eu
build=$1
flags=${2:-}
src=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$tmp/prefix" > "$tmp/install.log" ||
  fail "install: $(cat "$tmp/install.log")"
pc=$(find "$tmp/prefix" -name bilan.pc)
config=$(find "$tmp/prefix" -name bilanConfig.cmake)
[ -n "$pc" ] || fail "bilan.pc not installed"
[ -n "$config" ] || fail "bilanConfig.cmake not installed"
[ -f "$tmp/prefix/include/bilan.h" ] || fail "bilan.h not installed"
[ -x "$tmp/prefix/bin/bilan" ] || fail "bilan not installed"

PKG_CONFIG_PATH=$(dirname "$pc")
export PKG_CONFIG_PATH
[ "$(pkg-config --modversion bilan)" = "$(sed -n 's/^#define BL_VERSION "\(.*\)"/\1/p' "$tmp/prefix/include/bilan.h")" ] ||
  fail "pkg-config version differs from BL_VERSION"
inc=$(pkg-config --variable=includedir bilan)
[ "$(cd "$inc" && pwd -P)" = "$(cd "$tmp/prefix/include" && pwd -P)" ] ||
  fail "pkg-config includedir $inc is not the install's"

cmake -S "$src" -B "$tmp/build" -DCMAKE_PREFIX_PATH="$tmp/prefix" -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_C_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="$flags" > "$tmp/configure.log" 2>&1 ||
  fail "configure: $(cat "$tmp/configure.log")"
cmake --build "$tmp/build" > "$tmp/build.log" 2>&1 || fail "build: $(cat "$tmp/build.log")"
"$tmp/build/consumer_cmake" || fail "consumer built with find_package(bilan)"
"$tmp/build/consumer_pc" || fail "consumer built with pkg-config"
echo "ok"
