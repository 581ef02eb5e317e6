#!/usr/bin/env bash
# The local Temporal dev server with its Web UI, durable in a SQLite file, with Facet's search
# attributes registered.
#
#   deploy/local/temporal.sh install   build the `temporal` CLI if it is missing (needs Go)
#   deploy/local/temporal.sh start     start the dev server in the background
#   deploy/local/temporal.sh stop      stop it cleanly
#   deploy/local/temporal.sh status    say whether it runs
#
# Settings (environment): FACET_DATA (default ./data), TEMPORAL_PORT (7233), TEMPORAL_UI_PORT (8233).
set -euo pipefail

CLI_VERSION=v1.5.1 # newer tags carry a replace directive that `go install` refuses
DATA=${FACET_DATA:-./data}
PORT=${TEMPORAL_PORT:-7233}
UI_PORT=${TEMPORAL_UI_PORT:-8233}
PID_FILE="$DATA/temporal.pid"
LOG_FILE="$DATA/temporal.log"
# Keep in step with dev.facet.shoot.ShootSearchAttributes.
SEARCH_ATTRIBUTES=(FacetSku=Keyword FacetCatalog=Keyword FacetStage=Keyword FacetAwaitingHuman=Bool FacetProvider=Keyword)

find_cli() {
  if [[ -n "${FACET_TEMPORAL_CLI:-}" && -x "${FACET_TEMPORAL_CLI}" ]]; then echo "$FACET_TEMPORAL_CLI"; return; fi
  if command -v temporal >/dev/null 2>&1; then command -v temporal; return; fi
  local gobin
  gobin="$(go env GOBIN 2>/dev/null || true)"
  [[ -z "$gobin" ]] && gobin="$(go env GOPATH 2>/dev/null || echo "$HOME/go")/bin"
  if [[ -x "$gobin/temporal" ]]; then echo "$gobin/temporal"; return; fi
  return 1
}

install_cli() {
  if cli=$(find_cli); then
    echo "temporal CLI: $cli ($("$cli" --version 2>/dev/null | head -1))"
    return
  fi
  command -v go >/dev/null 2>&1 || { echo "Go is needed to build the temporal CLI (no binary downloads here)" >&2; exit 1; }
  echo "Building the temporal CLI $CLI_VERSION from the Go module proxy (takes a few minutes the first time)..."
  go install "github.com/temporalio/cli/cmd/temporal@$CLI_VERSION"
  echo "temporal CLI: $(find_cli)"
}

running() {
  [[ -f "$PID_FILE" ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null
}

start() {
  install_cli >/dev/null
  if running; then echo "Temporal dev server already running (pid $(cat "$PID_FILE"))"; return; fi
  mkdir -p "$DATA"
  local args=(server start-dev --ip 127.0.0.1 --port "$PORT" --ui-port "$UI_PORT"
    --db-filename "$DATA/temporal.sqlite" --log-level warn)
  for sa in "${SEARCH_ATTRIBUTES[@]}"; do args+=(--search-attribute "$sa"); done
  nohup "$(find_cli)" "${args[@]}" >"$LOG_FILE" 2>&1 &
  echo $! >"$PID_FILE"
  for _ in $(seq 1 100); do
    if "$(find_cli)" operator cluster health --address "127.0.0.1:$PORT" >/dev/null 2>&1; then
      # The SQLite file may predate an attribute: --search-attribute only applies to a new namespace.
      for sa in "${SEARCH_ATTRIBUTES[@]}"; do
        "$(find_cli)" operator search-attribute create --address "127.0.0.1:$PORT" \
          --name "${sa%%=*}" --type "${sa##*=}" >/dev/null 2>&1 || true
      done
      echo "Temporal dev server on 127.0.0.1:$PORT, Web UI http://127.0.0.1:$UI_PORT (data in $DATA/temporal.sqlite)"
      return
    fi
    sleep 0.2
  done
  echo "The dev server did not answer within 20 s; see $LOG_FILE" >&2
  exit 1
}

stop() {
  if ! running; then echo "Temporal dev server is not running"; rm -f "$PID_FILE"; return; fi
  local pid
  pid=$(cat "$PID_FILE")
  kill -TERM "$pid"
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  rm -f "$PID_FILE"
  echo "Temporal dev server stopped"
}

case "${1:-}" in
  install) install_cli ;;
  start) start ;;
  stop) stop ;;
  status) if running; then echo "running (pid $(cat "$PID_FILE"))"; else echo "stopped"; exit 3; fi ;;
  *) sed -n '2,12p' "$0"; exit 2 ;;
esac
