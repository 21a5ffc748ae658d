# FunnelDesk: `make help` lists the targets. The README's two commands are
# scripts/run.sh and scripts/test.sh; these targets are shortcuts.
.PHONY: help deps run test go-test e2e smoke bench bindings build windows windows-test fuzz crash-test

export PATH := $(PATH):$(shell go env GOPATH)/bin

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

deps: ## install Debian packages, the pinned Wails CLI and npm packages (idempotent)
	bash scripts/deps.sh

run: ## build the desktop app and start it
	bash scripts/run.sh

test: ## the whole test suite, as CI runs it
	bash scripts/test.sh

go-test: ## Go tests only (needs frontend/dist: run `make build` once)
	go test ./...

e2e: ## browser end-to-end tests only
	(cd frontend && npm run build --silent)
	go build -o build/bin/funneldesk-headless .
	cd frontend && FUNNELDESK_BIN=$(CURDIR)/build/bin/funneldesk-headless npm run test:e2e --silent

smoke: ## build the desktop binary and screenshot it under Xvfb
	bash scripts/smoke.sh

build: ## build the desktop binary into build/bin/funneldesk
	(cd frontend && npm run build --silent)
	wails build -s

windows: ## cross-build funneldesk.exe and its NSIS installer (installs mingw-w64, nsis, wine64)
	bash scripts/deps.sh windows
	bash scripts/windows.sh

windows-test: ## the exe's CLI under wine64 against the Linux build (minutes; not in CI)
	bash scripts/windows-test.sh

FUZZTIME ?= 2m
# -fuzzminimizetime=50x: minimizing each new input for the default 60 s left the
# XLSX target (each run unzips and parses) at a few execs a minute.
fuzz: ## run every fuzz target for FUZZTIME each (default 2m; `make test` runs only their seeds)
	@set -e; for t in money:FuzzParseYuan money:FuzzParsePercent money:FuzzParseDecimal validate:FuzzParseDate \
	  importer:FuzzParse importer:FuzzCSVRoundTrip importer:FuzzParseXLSX importer:FuzzCellParsers \
	  importer:FuzzAutoMapping importer:FuzzCheckRow; do \
	  echo "fuzz $${t#*:} ($(FUZZTIME))"; \
	  go test -run='^$$' -fuzz="^$${t#*:}$$" -fuzztime=$(FUZZTIME) -fuzzminimizetime=50x ./backend/$${t%%:*}; \
	done

crash-test: ## 100 kill -9 rounds during imports and edits, each checked (minutes; not in CI)
	bash scripts/crash-test.sh

bindings: ## regenerate frontend/wailsjs after changing bound Go APIs
	wails generate module

bench: ## benchmarks at 1,000,000 opportunities and the every-call budget on a CLI-imported 1M database (builds both once; minutes)
	bash bench/run.sh
