#!/usr/bin/env bash
# Contract test: schemathesis against the live server's own /api/v1/openapi.json, every check
# (no 5xx, every answer matching its schema and content type, only documented status codes,
# schema-valid requests accepted and invalid ones refused, auth enforced, 405 for other
# methods). Run by `make contract`, which starts a throw-away Neo4j and sets NEO4J_URI;
# this script starts styrgraf on it with the examples imported.
#
#   CONTRACT_EXAMPLES  test cases per operation (default 100)
#   CONTRACT_SEED      Hypothesis seed (default fixed, so that CI is repeatable; "random"
#                      explores further)
set -euo pipefail
cd "$(dirname "$0")/.."
: "${NEO4J_URI:?run through make contract (neo4jlocal sets NEO4J_URI)}"

state=.styrgraf
venv=$state/venv
examples=${CONTRACT_EXAMPLES:-100}
seed=${CONTRACT_SEED:-20261204}

# schemathesis, pinned, in a virtual environment of the project's own (Python 3 is all the
# machine needs); reinstalled when requirements.txt changes.
want=$(sha256sum contract/requirements.txt | cut -c1-16)
if [ "$(cat "$venv/.contract-requirements" 2>/dev/null)" != "$want" ]; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check -r contract/requirements.txt
  echo "$want" > "$venv/.contract-requirements"
fi

go build -o "$state/bin/styrgraf" ./cmd/styrgraf

# Tokens for this run only. Schemathesis calls as admin, so that every route (the audit
# trail too) answers more than 401/403.
admin=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
reader=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
log=$(mktemp)
STYRGRAF_ADDR=127.0.0.1:0 STYRGRAF_TOKENS="admin contract-admin $admin; reader contract-reader $reader" \
  "$state/bin/styrgraf" serve -import examples >"$log" 2>&1 &
pid=$!
trap 'kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "$log"' EXIT

# Ready once the examples are imported (not only once Neo4j answers): one of their organs
# answers.
addr=""
for _ in $(seq 600); do
  kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; echo "contract: styrgraf exited" >&2; exit 1; }
  [ -n "$addr" ] || addr=$(sed -n 's/.*msg="styrgraf listening" addr=\([0-9.:]*\).*/\1/p' "$log")
  if [ -n "$addr" ] && python3 - "http://$addr/api/v1/organs/vgr-rs" "$reader" <<'PY'; then
import sys, urllib.request
try:
    urllib.request.urlopen(urllib.request.Request(sys.argv[1], headers={"Authorization": "Bearer " + sys.argv[2]}), timeout=5)
except Exception:
    sys.exit(1)
PY
    break
  fi
  sleep 0.2
done
[ -n "$addr" ] || { cat "$log" >&2; echo "contract: styrgraf did not become ready" >&2; exit 1; }

seedarg=(--seed "$seed")
[ "$seed" = random ] && seedarg=()
status=0
"$venv/bin/st" --no-color --config-file contract/schemathesis.toml run "http://$addr/api/v1/openapi.json" \
  --checks all --max-examples "$examples" "${seedarg[@]}" --request-timeout 60 \
  -H "Authorization: Bearer $admin" || status=$?

# What styrgraf logged as an error is a failure even if every answer looked right.
if grep -E 'level=ERROR' "$log" >&2; then
  echo "contract: styrgraf logged errors (above)" >&2
  status=1
fi
if [ "$status" = 0 ]; then echo "contract: 1 passed, 0 failed"; else echo "contract: 0 passed, 1 failed"; fi
exit "$status"
