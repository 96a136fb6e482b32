# Målbild: the two commands a newcomer needs are `make run` and `make test`.
GO      ?= go
ADDR    ?= :8080
DB      ?= malbild.duckdb
ECHARTS := dashboard/static/vendor/echarts.min.js
ECHARTS_SRC := $(wildcard dashboard/static-src/*.js)
NODE_MODULES := node_modules/.package-lock.json
# axe-core is for the tests only: it lives outside static/, so it is never embedded nor served
AXE     := dashboard/testdata/vendor/axe.min.js

.PHONY: run test test-clocks build assets vet bench bench-all demo-large load load-large clean

## run: install the front-end packages, build, and serve the demo on http://localhost:8080
run: build
	./bin/malbild serve --demo --addr $(ADDR) --db $(DB)

## build: the one binary, with every asset embedded
build: assets
	$(GO) build -o bin/malbild ./cmd/malbild

## assets: ECharts bundled from the npm packages (pinned in package-lock.json) with only what the
## pages draw (dashboard/static-src), minified and pre-compressed for embedding, and axe-core
## (pinned too) for the accessibility tests
assets: $(ECHARTS) $(AXE)

# npm ci writes node_modules/.package-lock.json: the packages are current while it is newer than the lock
$(NODE_MODULES): package-lock.json
	npm ci --no-audit --no-fund

# esbuild splits the bundle: echarts.min.js (an ES module), the chunk it shares with the map and the
# map's own chunk (loaded by the first page that draws a map); precompress writes their .br and .gz
$(ECHARTS): $(ECHARTS_SRC) $(NODE_MODULES)
	rm -f $(dir $@)echarts*
	node_modules/.bin/esbuild dashboard/static-src/echarts.js --bundle --splitting --format=esm \
	  --minify --target=es2017 --legal-comments=none --log-level=warning \
	  --define:process.env.NODE_ENV='"production"' \
	  --outdir=$(dir $@) --entry-names='[name].min' --chunk-names='echarts-chunk-[hash]'
	$(GO) run ./cmd/precompress $(dir $@)echarts*.js

$(AXE): $(NODE_MODULES)
	mkdir -p $(dir $@)
	cp node_modules/axe-core/axe.min.js $@

## test: every test, browser tests included (CI=true makes a missing Chromium fail them)
test: assets vet
	$(GO) test -count=1 -timeout 12m ./...

## test-clocks: the tests where the fixed test clock meets a clock of its own (Chromium, LibreOffice),
## with that clock 400 days ahead and 200 days behind (faketime moves theirs; Go's own clock is not moved)
test-clocks: assets
	command -v faketime >/dev/null || { echo "test-clocks needs faketime (apt-get install faketime)"; exit 1; }
	faketime -f '+400d' $(GO) test -count=1 -timeout 12m ./dashboard ./data/export
	faketime -f '-200d' $(GO) test -count=1 -timeout 12m ./dashboard ./data/export

vet: assets
	$(GO) vet ./...
	@unformatted=$$(gofmt -l cmd analytics dashboard data); \
	  if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi

## bench: issue 18's figures beside their goals (README "Figures"; cmd/malbild-bench says how each is
## measured); bench-all runs every benchmark
bench: demo-large
	$(GO) run ./cmd/malbild-bench --bin bin/malbild --db bench.duckdb

bench-all: assets
	$(GO) test -run '^$$' -bench . -benchtime 3x ./...

## demo-large: the benchmark-size data set, timed (figures in the README)
demo-large: build
	rm -f bench.duckdb bench.duckdb.wal
	time ./bin/malbild demo --db bench.duckdb --members 20000 --services 300 --years 25 --seed 7
	ls -l bench.duckdb

## load: the overview under load with the demo data (32 clients, 20 s), then with an import committing mid-run
load: build
	$(GO) run ./cmd/malbild-load --bin bin/malbild --paths / --clients 32 --duration 20s
	$(GO) run ./cmd/malbild-load --bin bin/malbild --paths / --clients 32 --duration 20s --import-during

## load-large: the overview at 20 000 members / 300 services / 25 years: first (uncached) view and cached throughput
load-large: demo-large
	$(GO) run ./cmd/malbild-load --bin bin/malbild --db bench.duckdb --paths / --clients 32 --duration 20s

clean:
	rm -rf bin node_modules dashboard/static/vendor dashboard/testdata/vendor
