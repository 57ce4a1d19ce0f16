#!/bin/sh
# lint.sh BUILD_DIR — clang-tidy (checks in .clang-tidy) and cppcheck over the
# project's own C, using the compile database of BUILD_DIR.  Fails on any
# finding.
set -eu
build=${1:-build}
cd "$(dirname "$0")/.."
files=$(find src tests -name '*.c' -not -path '*/build*' | sort)
status=0
echo "clang-tidy: $(echo "$files" | wc -w) files"
# shellcheck disable=SC2086
clang-tidy -p "$build" --quiet $files 2>/dev/null | grep -v "^[0-9]* warnings generated" > "$build/clang-tidy.log" || true
if grep -q "warning:\|error:" "$build/clang-tidy.log"; then
  cat "$build/clang-tidy.log"
  status=1
fi
echo "cppcheck"
# shellcheck disable=SC2086
if ! cppcheck --quiet --error-exitcode=1 --enable=warning,portability,performance \
     --inline-suppr --std=c11 -I src --suppress=missingIncludeSystem \
     --suppress=normalCheckLevelMaxBranches $files; then
  status=1
fi
exit $status
