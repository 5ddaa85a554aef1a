# Thin wrapper over CMake. `make test` and `make demo` install what they need first.
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLANDED_WERROR=ON
DEMO_OUT ?= demo-out
FUZZ_SECONDS ?= 60
FUZZ_BUILD ?= $(BUILD)-fuzz
SANITIZE_BUILD ?= $(BUILD)-sanitize

.PHONY: build test demo deps-build deps-test deps-demo deps-bench deps-fuzz clean bench fuzz test-sanitize

build: deps-build
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS) >/dev/null
	cmake --build $(BUILD) -j $(JOBS)

test: deps-test build
	./.ci/install-agent-clis $(BUILD)/agent-clis
	./.ci/install-validators $(BUILD)/validators
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# libFuzzer targets (clang, ASan + UBSan) in their own build folder, each run for FUZZ_SECONDS
# as a ctest test (not part of `make test`, which replays only the seed corpus: fuzz_seeds.*).
fuzz: deps-fuzz
	cmake -S . -B $(FUZZ_BUILD) -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DLANDED_FUZZ=ON -DLANDED_BUILD_TESTS=OFF -DLANDED_BUILD_BENCH=OFF \
	  -DLANDED_FUZZ_SECONDS=$(FUZZ_SECONDS) >/dev/null
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzz_targets
	cd $(FUZZ_BUILD) && ctest --output-on-failure -j $(JOBS) -R '^fuzz\.'

# The unit tests and the seed replay built with ASan + UBSan in their own build folder (not
# part of `make test`: a second full build).
test-sanitize: deps-build
	cmake -S . -B $(SANITIZE_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLANDED_SANITIZE=ON -DLANDED_BUILD_BENCH=OFF >/dev/null
	cmake --build $(SANITIZE_BUILD) -j $(JOBS) --target landed harness_tests runners_tests scoring_tests results_tests fuzz_seeds
	cd $(SANITIZE_BUILD) && LSAN_OPTIONS=suppressions=$(CURDIR)/tests/sanitize/lsan.supp:print_suppressions=0 \
	  ctest --output-on-failure -j $(JOBS) -E '^e2e\.'

demo: deps-demo build
	./tasks/demo.sh $(BUILD)/landed $(DEMO_OUT)

bench: deps-bench build
	./bench/run-all.sh $(BUILD)

deps-build:
	@./.ci/install-deps build
deps-test:
	@./.ci/install-deps test
deps-demo:
	@./.ci/install-deps demo
deps-bench:
	@./.ci/install-deps bench
deps-fuzz:
	@./.ci/install-deps fuzz

clean:
	rm -rf $(BUILD) $(FUZZ_BUILD) $(SANITIZE_BUILD) $(DEMO_OUT)
