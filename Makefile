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

.PHONY: run test test-scale contract fuzz build clean-data vet gallery reliability bench bench-full

# The example data `make run` loads (the five source organisations, see examples/).
EXAMPLES ?= examples

## run: build, start a local Neo4j (unless NEO4J_URI is set), load the examples, serve on :8080
run: build
ifdef NEO4J_URI
	$(BIN) serve -demo -import $(EXAMPLES)
else
	$(NEO4JLOCAL) with --port $(NEO4J_LOCAL_PORT) --data $(STATE)/neo4j --password "$(NEO4J_PASSWORD)" -- $(BIN) serve -demo -import $(EXAMPLES)
endif

# axe-core, which the browser tests (api/web) inject into each page to check accessibility.
# Installed from npm into the state folder, outside git; the tests read it from STYRGRAF_AXE_JS.
AXE_DIR := $(STATE)/axe
AXE_JS  := $(AXE_DIR)/node_modules/axe-core/axe.min.js

## test: vet, start throw-away Neo4j servers, run every Go test against them
test: vet $(AXE_JS)
	$(NEO4JLOCAL) with --instances $(TEST_NEO4J_INSTANCES) --password $(TEST_NEO4J_PASSWORD) -- \
		env NEO4J_PASSWORD=$(TEST_NEO4J_PASSWORD) STYRGRAF_AXE_JS=$(abspath $(AXE_JS)) go test -count=1 ./...
	$(MAKE) test-scale

## test-scale: import more generated organisations than one transaction holds into a Neo4j
## of its own with a 256 MB heap, one transaction per dataset (part of make test)
SCALE_TEST_ORGANISATIONS ?= 20
test-scale:
	NEO4JLOCAL_HEAP=256m $(NEO4JLOCAL) with --instances 1 --password $(TEST_NEO4J_PASSWORD) -- \
		env NEO4J_PASSWORD=$(TEST_NEO4J_PASSWORD) STYRGRAF_SCALE_ORGANISATIONS=$(SCALE_TEST_ORGANISATIONS) \
		go test -count=1 -v -run '^TestImportEachInSmallHeap$$' ./graph/neo4jdb/

## contract: schemathesis against the live API's OpenAPI document (throw-away Neo4j, examples imported)
contract:
	$(NEO4JLOCAL) with --password $(TEST_NEO4J_PASSWORD) -- env NEO4J_PASSWORD=$(TEST_NEO4J_PASSWORD) contract/run.sh

## fuzz: each fuzz target that needs no Neo4j for FUZZTIME beyond its committed corpus
FUZZTIME ?= 5s
fuzz:
	go test ./graph/dataset -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME)
	go test ./graph/sheets -run '^$$' -fuzz '^FuzzReadCSV$$' -fuzztime $(FUZZTIME)
	go test ./api/auth -run '^$$' -fuzz '^FuzzParseTokens$$' -fuzztime $(FUZZTIME)
	go test ./api -run '^$$' -fuzz '^FuzzPageParam$$' -fuzztime $(FUZZTIME)
	go test ./api -run '^$$' -fuzz '^FuzzQueryString$$' -fuzztime $(FUZZTIME)

# Without npm, the accessibility checks skip with a message (and fail under CI).
$(AXE_JS):
	@if command -v npm >/dev/null; then \
		npm install --prefix $(AXE_DIR) --no-save --no-audit --no-fund axe-core@4; \
	else \
		echo "npm is missing: the browser tests will skip their accessibility checks"; \
	fi

# The gallery: every example organisation's overview, escalation chains and the styrelsers'
# subtrees as SVG and PNG, drawn as of GALLERY_AT by a throw-away Neo4j with the examples.
GALLERY    := $(STATE)/gallery
GALLERY_AT ?= 2021-10-28

## reliability: the tests that need the machine to themselves (Neo4j killed under load; 50,000 requests)
reliability:
	STYRGRAF_RELIABILITY=1 go test -count=1 -v -timeout 20m -run '^(TestNeo4jKilledUnderLoad|TestGracefulShutdownUnderLoad|TestLoad50k)$$' ./cmd/styrgraf/

## gallery: draw the example diagrams into .styrgraf/gallery/ and list their sizes (SVG viewBox and pt, PNG px) there in SIZES.txt
gallery: build
	$(NEO4JLOCAL) with --instances 1 --password "$(NEO4J_PASSWORD)" -- \
		bash -c '$(BIN) import $(EXAMPLES) >/dev/null && tools/gallery.sh $(BIN) $(GALLERY) $(GALLERY_AT)'

## bench: generate BENCH_ORGANISATIONS organisations, import them into a Neo4j of its own
## with a BENCH_HEAP heap and a BENCH_PAGECACHE page cache (the country's store is about
## 530 MB), serve them and measure (table on stdout, JSON in .styrgraf/)
BENCH_ORGANISATIONS ?= 12
BENCH_REQUESTS      ?= 200
BENCH_HEAP          ?= 1g
BENCH_PAGECACHE     ?= 1g
bench: build
	NEO4JLOCAL_HEAP=$(BENCH_HEAP) NEO4JLOCAL_PAGECACHE=$(BENCH_PAGECACHE) $(NEO4JLOCAL) with --instances 1 --password "$(NEO4J_PASSWORD)" -- \
		env NEO4JLOCAL_HEAP=$(BENCH_HEAP) NEO4JLOCAL_PAGECACHE=$(BENCH_PAGECACHE) $(BIN) bench -organisations $(BENCH_ORGANISATIONS) \
		-requests $(BENCH_REQUESTS) -json $(STATE)/bench-$(BENCH_ORGANISATIONS).json

## bench-full: the same for the whole country (311 organisations); a long, heavy run
bench-full:
	$(MAKE) bench BENCH_ORGANISATIONS=0

build:
	go build -o $(BIN) ./cmd/styrgraf

vet:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi
	go vet ./...

## clean-data: forget the local Neo4j's data (the next `make run` starts empty)
clean-data:
	rm -rf $(STATE)/neo4j
