# Thin wrapper over CMake. `make test` and `make demo` install what they need first.
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLANDED_WERROR=ON
DEMO_OUT ?= demo-out

.PHONY: build test demo deps-build deps-test deps-demo deps-bench clean bench

build: deps-build
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS) >/dev/null
	cmake --build $(BUILD) -j $(JOBS)

test: deps-test build
	./.ci/install-agent-clis $(BUILD)/agent-clis
	./.ci/install-validators $(BUILD)/validators
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

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

clean:
	rm -rf $(BUILD) $(DEMO_OUT)
