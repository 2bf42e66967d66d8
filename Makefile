# styrgraf: `make run` to try it, `make test` to test it. See README.md.
SHELL := /bin/bash

STATE      := .styrgraf
BIN        := $(STATE)/bin/styrgraf
NEO4JLOCAL := neo4jlocal/neo4jlocal.sh

# The local Neo4j started by `make run` (not used when NEO4J_URI is set).
NEO4J_LOCAL_PORT ?= 7687
NEO4J_PASSWORD   ?= styrgraf-dev
export NEO4J_PASSWORD

# Throw-away servers for `make test`: one per test package that may run at once.
TEST_NEO4J_INSTANCES ?= 2
TEST_NEO4J_PASSWORD  := styrgraf-test

.PHONY: run test build clean-data vet

# The example data `make run` loads (the five source organisations, see examples/).
EXAMPLES ?= examples

## run: build, start a local Neo4j (unless NEO4J_URI is set), load the examples, serve on :8080
run: build
ifdef NEO4J_URI
	$(BIN) serve -demo -import $(EXAMPLES)
else
	$(NEO4JLOCAL) with --port $(NEO4J_LOCAL_PORT) --data $(STATE)/neo4j --password "$(NEO4J_PASSWORD)" -- $(BIN) serve -demo -import $(EXAMPLES)
endif

## test: vet, start throw-away Neo4j servers, run every Go test against them
test: vet
	$(NEO4JLOCAL) with --instances $(TEST_NEO4J_INSTANCES) --password $(TEST_NEO4J_PASSWORD) -- \
		env NEO4J_PASSWORD=$(TEST_NEO4J_PASSWORD) go test -count=1 ./...

build:
	go build -o $(BIN) ./cmd/styrgraf

vet:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi
	go vet ./...

## clean-data: forget the local Neo4j's data (the next `make run` starts empty)
clean-data:
	rm -rf $(STATE)/neo4j
