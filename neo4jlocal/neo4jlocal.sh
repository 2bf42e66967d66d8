#!/usr/bin/env bash
# Runs Neo4j Community embedded (see Neo4jLocal.java) without Docker.
#
#   neo4jlocal.sh start --data DIR [--port P] [--instances N] [--password PW] [--ready-file F]
#       run in the foreground until SIGTERM/Ctrl-C.
#   neo4jlocal.sh with [same options] -- COMMAND...
#       start Neo4j, wait until Bolt is ready, run COMMAND with NEO4J_URI (the first server,
#       as neo4j:// so that routing is used as with a cluster) and STYRGRAF_TEST_NEO4J_URIS
#       (all, bolt://, comma-separated) set, then stop Neo4j and exit
#       with COMMAND's status.
#
# The classpath is resolved by Maven once and cached in target/; later starts are plain java.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
version=$(sed -n 's/^NEO4J_VERSION=//p' "$here/../.env")
[ -n "$version" ] || { echo "neo4jlocal: NEO4J_VERSION missing from .env" >&2; exit 2; }

build() {
  local stamp="$here/target/stamp" want
  want="$version $(cat "$here/pom.xml" "$here/Neo4jLocal.java" | sha256sum | cut -c1-16)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return
  fi
  echo "neo4jlocal: resolving Neo4j $version with Maven (cached after the first run)" >&2
  local t0=$SECONDS
  local log
  log=$(mktemp)
  # Maven's output only matters when it fails.
  if ! mvn -q -B -f "$here/pom.xml" -Dneo4j.version="$version" \
    compile dependency:build-classpath -Dmdep.outputFile="$here/target/classpath.txt" >"$log" 2>&1; then
    cat "$log" >&2; rm -f "$log"
    echo "neo4jlocal: Maven could not resolve Neo4j $version" >&2
    exit 1
  fi
  rm -f "$log"
  echo "$want" > "$stamp"
  echo "neo4jlocal: resolved in $((SECONDS - t0)) s" >&2
}

run_java() {
  build
  exec java -Xms256m -Xmx"${NEO4JLOCAL_HEAP:-512m}" -XX:+UseSerialGC \
    -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" Neo4jLocal "$@"
}

with() {
  local args=() data="" ready
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do
    [ "$1" = "--data" ] && data=$2
    args+=("$1"); shift
  done
  [ $# -gt 0 ] || { echo "neo4jlocal: with needs -- COMMAND" >&2; exit 2; }
  shift
  local data_tmp=""
  if [ -z "$data" ]; then
    data_tmp=$(mktemp -d "${TMPDIR:-/tmp}/neo4jlocal.XXXXXX")
    args+=(--data "$data_tmp")
  fi
  build
  ready=$(mktemp -u "${TMPDIR:-/tmp}/neo4jlocal-ready.XXXXXX")
  local t0=$SECONDS
  "$0" start "${args[@]}" --ready-file "$ready" &
  pid=$!
  # Stop Neo4j however COMMAND ends (including Ctrl-C), and drop throw-away data.
  trap 'kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$ready" $data_tmp' EXIT
  trap 'exit 130' INT TERM
  until [ -f "$ready" ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "neo4jlocal: Neo4j exited before it was ready" >&2
      exit 1
    fi
    sleep 0.2
  done
  echo "neo4jlocal: Neo4j ready in $((SECONDS - t0)) s" >&2
  NEO4J_URI=$(head -n1 "$ready" | sed 's|^bolt://|neo4j://|')
  STYRGRAF_TEST_NEO4J_URIS=$(paste -sd, "$ready")
  export NEO4J_URI STYRGRAF_TEST_NEO4J_URIS
  local status=0
  "$@" || status=$?
  exit "$status"
}

case "${1:-}" in
  start) shift; run_java "$@" ;;
  with) shift; with "$@" ;;
  build) build ;;
  *) echo "usage: $0 start|with|build [options]" >&2; exit 2 ;;
esac
