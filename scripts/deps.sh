#!/bin/sh
# deps.sh — make sure the Debian packages a target needs are installed.
#
#   scripts/deps.sh NEED...     NEED: build test lint fuzz valgrind browser
#
# Missing packages are installed with apt-get when running as root; otherwise
# the exact command to run is printed and the script fails.
set -eu

# The test programs are part of the build (CMake's configure step looks for
# cmocka and the sqlite3 shell), so a plain `make` or `make demo` needs them too.
pkgs_build="cmake make gcc pkg-config libpcre2-dev libicu-dev libsqlite3-dev libjansson-dev libxml2-dev nettle-dev libxxhash-dev libcmocka-dev sqlite3"
pkgs_test=""
pkgs_lint="clang-tidy cppcheck"
pkgs_fuzz="clang libclang-rt-14-dev"
pkgs_valgrind="valgrind"
pkgs_browser="chromium"

want=""
for need in "$@"; do
  case "$need" in
    build) want="$want $pkgs_build" ;;
    test) want="$want $pkgs_build $pkgs_test" ;;
    lint) want="$want $pkgs_build $pkgs_lint" ;;
    fuzz) want="$want $pkgs_build $pkgs_fuzz" ;;
    valgrind) want="$want $pkgs_build $pkgs_test $pkgs_valgrind" ;;
    browser) want="$want $pkgs_browser" ;;
    *) echo "deps.sh: unknown need '$need'" >&2; exit 2 ;;
  esac
done

missing=""
for p in $want; do
  case " $missing " in *" $p "*) continue ;; esac
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ]; then
  echo "deps.sh: installing:$missing"
  export DEBIAN_FRONTEND=noninteractive
  # shellcheck disable=SC2086
  if ! apt-get install -y --no-install-recommends $missing; then
    apt-get update
    # shellcheck disable=SC2086
    apt-get install -y --no-install-recommends $missing
  fi
else
  echo "bilan needs these Debian packages:$missing" >&2
  echo "Install them with:" >&2
  echo "  sudo apt-get install -y$missing" >&2
  exit 1
fi
