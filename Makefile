# Målbild: the two commands a newcomer needs are `make run` and `make test`.
GO      ?= go
ADDR    ?= :8080
DB      ?= malbild.duckdb
ECHARTS := dashboard/static/vendor/echarts.min.js
# axe-core is for the tests only: it lives outside static/, so it is never embedded nor served
AXE     := dashboard/testdata/vendor/axe.min.js

.PHONY: run test test-clocks build assets vet bench demo-large load load-large clean

## run: install the front-end packages, build, and serve the demo on http://localhost:8080
run: build
	./bin/malbild serve --demo --addr $(ADDR) --db $(DB)

## build: the one binary, with every asset embedded
build: assets
	$(GO) build -o bin/malbild ./cmd/malbild

## assets: ECharts from the npm registry (pinned in package-lock.json), copied for embedding,
## and axe-core (pinned too) for the accessibility tests
assets: $(ECHARTS) $(AXE)

$(ECHARTS): package-lock.json
	npm ci --no-audit --no-fund
	mkdir -p $(dir $@)
	cp node_modules/echarts/dist/echarts.min.js $@

$(AXE): package-lock.json $(ECHARTS)
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

## bench: the benchmarks (figures in the README)
bench: assets
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
