# bilan — what people type.  The real build is CMake; this file wraps it.
#
#   make            build into build/ (the CLI is build/bilan)
#   make test       install missing packages (Chromium too, for the test that
#                   renders the demo report), build, run ctest; then the same
#                   under AddressSanitizer + UndefinedBehaviorSanitizer
#   make demo       build, ingest fixtures/demo/ into ./bilan.db, print tolls
#                   and conflicts, write report.html
#   make bench      throughput of bilan against baselines on a generated corpus
#   make bench-store  bilan ingest vs extract on 100 MB of articles; conflicts
#                   over that database and over a million claims
#   make lint       clang-tidy and cppcheck on the project's C
#   make install    install bilan, libbilan, its header and man page
#   make test-long  the long oracle sweep (10^12 random values, 10^6 sequential)
#   make fuzz       each libFuzzer target for FUZZ_SECONDS (default 60) under
#                   ASan+UBSan (clang, in build-fuzz/); see scripts/fuzz.sh
#   make test-valgrind  the test suite (but long tests) under valgrind
#   make clean

BUILD      ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
PREFIX     ?= /usr/local
CMAKE_ARGS ?=
# Texts the bench corpus is drawn from (docs/bench.md).
BENCH_SOURCES ?= fixtures

.PHONY: all build deps test test-normal test-asan test-long test-valgrind fuzz bench bench-store demo lint install clean

all: build

deps:
	@scripts/deps.sh build

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBILAN_WERROR=ON $(CMAKE_ARGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

test:
	@scripts/deps.sh test browser
	@$(MAKE) --no-print-directory test-normal test-asan

test-normal: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS) -LE long

test-asan:
	@cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DBILAN_SANITIZE=ON -DBILAN_WERROR=ON $(CMAKE_ARGS) >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	@cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j $(JOBS) -LE long

test-long: build
	@cd $(BUILD) && ctest --output-on-failure -L long

# Every test (but the long ones) of the normal build under valgrind's
# memcheck, the project's programs the shell tests start included (system
# tools are not followed): any error or leak fails the test (exit status 97,
# which no bilan command uses).  BILAN_TEST_SCALE shrinks the inputs of the
# heaviest tests.
VALGRIND_OPTS = --error-exitcode=97 --leak-check=full --errors-for-leak-kinds=definite,indirect \
  --show-leak-kinds=definite,indirect --trace-children=yes \
  --trace-children-skip=/usr/*,/bin/*,/sbin/* \
  --suppressions=$(CURDIR)/tests/valgrind.supp --num-callers=30 --quiet
test-valgrind: build
	@scripts/deps.sh valgrind
	@cmake -S . -B $(BUILD) -DMEMORYCHECK_COMMAND=$$(command -v valgrind) \
	  "-DMEMORYCHECK_COMMAND_OPTIONS=$(VALGRIND_OPTS)" >/dev/null
	@cd $(BUILD) && BILAN_TEST_SCALE=50 ctest -T memcheck --output-on-failure -j $(JOBS) \
	  -LE 'long|browser|fuzz' $(CTEST_ARGS)

demo: build
	@scripts/demo.sh $(BUILD)

bench: build
	@mkdir -p $(BUILD)/bench
	@$(BUILD)/bilan-gencorpus --size 100 --out $(BUILD)/bench/corpus-100.txt $(BENCH_SOURCES)
	@$(BUILD)/bilan-gencorpus --size 200 --out $(BUILD)/bench/corpus-200.txt $(BENCH_SOURCES)
	@$(BUILD)/bilan-bench --bilan $(BUILD)/bilan $(BUILD)/bench/corpus-100.txt \
	  $(BUILD)/bench/corpus-200.txt
	@$(MAKE) --no-print-directory bench-store

bench-store: build
	@scripts/deps.sh test
	@tests/bench/store_bench.sh $(BUILD)/bilan $(BUILD)/bilan-genarticles $(BUILD)/bench fixtures

fuzz:
	@scripts/deps.sh fuzz test
	@cmake -S . -B $(FUZZ_BUILD) -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBILAN_FUZZ=ON $(CMAKE_ARGS) >/dev/null
	@cmake --build $(FUZZ_BUILD) -j $(JOBS) --target run_fixtures fuzz_numbers fuzz_extract fuzz_txt fuzz_jsonl fuzz_html
	@scripts/fuzz.sh $(FUZZ_BUILD) $(FUZZ_SECONDS)

lint:
	@scripts/deps.sh lint
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)
	@scripts/lint.sh $(BUILD)

install: build
	@cmake --install $(BUILD) --prefix $(PREFIX)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
