# bilan — what people type.  The real build is CMake; this file wraps it.
#
#   make            build into build/ (the CLI is build/bilan)
#   make test       install missing packages, build, run ctest; then the same
#                   under AddressSanitizer + UndefinedBehaviorSanitizer
#   make demo       build, ingest fixtures/demo/ into ./bilan.db, print tolls
#                   and conflicts, write report.html
#   make bench      throughput of bilan against baselines on a generated corpus
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

.PHONY: all build deps test test-normal test-asan test-long test-valgrind fuzz bench demo lint install clean

all: build

deps:
	@scripts/deps.sh build

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBILAN_WERROR=ON $(CMAKE_ARGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

test:
	@scripts/deps.sh test
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
