#!/usr/bin/env bash
# Checks that the image starts and serves as shipped:
#  1. compose's environment has an admin key, so a key can be created and the example planned
#     (without one every request is 401 forever);
#  2. without DATABASE_URL the service user can create the embedded database in DATA_DIR;
#  3. with a terminal attached the logger needs no dev dependency (the image prunes them).
# Where Docker runs: builds the image, starts compose, creates a key and plans the example.
# Where it does not: replays the Dockerfile's final stage on the built dist/ in a staging folder
# (production node_modules only, its RUN lines, its ENV, its non-root USER) and runs the same
# checks there, against CHECK_IMAGE_DATABASE_URL (or DATABASE_URL) for the compose check.
# Environment: CHECK_IMAGE_ROOT (default: this repository), CHECK_IMAGE_NO_DOCKER=1 forces the
# non-Docker path.
set -euo pipefail
ROOT="${CHECK_IMAGE_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
cd "$ROOT"

fail() { echo "check-image: FAIL: $*" >&2; exit 1; }
say() { echo "check-image: $*"; }

env_file() { if [ -f .env ]; then echo .env; else echo docker/waveplan.env.example; fi; }

# The waveplan service's environment in docker-compose.yml, with ${VAR:?msg} / ${VAR:-default}
# filled from the env file compose reads; one KEY=VALUE a line. Fails when a required one is unset.
compose_env() {
  node --input-type=module -e '
    import { readFileSync } from "node:fs";
    import { parse } from "yaml";
    const [composeFile, envFile] = process.argv.slice(1);
    const vars = Object.fromEntries(readFileSync(envFile, "utf8").split("\n").filter((l) => /^\s*[A-Z_][A-Z0-9_]*=/.test(l)).map((l) => { const i = l.indexOf("="); return [l.slice(0, i).trim(), l.slice(i + 1).trim()]; }));
    const service = parse(readFileSync(composeFile, "utf8")).services?.waveplan;
    if (!service) { console.error("docker-compose.yml has no waveplan service"); process.exit(1); }
    let environment = service.environment ?? {};
    if (Array.isArray(environment)) environment = Object.fromEntries(environment.map((e) => e.split(/=(.*)/s).slice(0, 2)));
    for (const [key, raw] of Object.entries(environment)) {
      const value = String(raw ?? "").replace(/\$\{([A-Z_][A-Z0-9_]*)(?::?([?-])([^}]*))?\}/g, (_, name, op, arg) => {
        if (vars[name] !== undefined && vars[name] !== "") return vars[name];
        if (op === "?") { console.error(`compose needs ${name}: ${arg}`); process.exit(1); }
        return op === "-" ? arg : "";
      });
      console.log(`${key}=${value}`);
    }
  ' docker-compose.yml "$(env_file)"
}

# 0. Every FROM names its base by digest (an ARG default counts), so a rebuild of the same commit
#    gets the same base layers. "FROM build" style references to earlier stages are skipped.
base_images() {
  awk '
    /^ARG [A-Za-z_][A-Za-z0-9_]*=/ { split(substr($0, 5), kv, "="); args[kv[1]] = substr($0, 5 + length(kv[1]) + 1) }
    /^FROM / {
      image = $2; if (image ~ /^--/) image = $3
      if (match(image, /^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$/)) { name = image; gsub(/[${}]/, "", name); image = args[name] }
      if (!(image in stages)) print image
      for (i = 1; i <= NF; i++) if (toupper($i) == "AS" && i < NF) stages[$(i + 1)] = 1
    }' Dockerfile
}
while IFS= read -r image; do
  [[ "$image" =~ @sha256:[0-9a-f]{64}$ ]] || fail "the base image '$image' is not pinned by digest (FROM name:tag@sha256:<digest>)"
done < <(base_images)
say "ok: base images pinned by digest"

# ---------------------------------------------------------------- Docker
if [ -z "${CHECK_IMAGE_NO_DOCKER:-}" ] && command -v docker >/dev/null && timeout 10 docker info >/dev/null 2>&1; then
  say "Docker found: building the image and starting compose"
  [ -f .env ] || fail "no .env: cp docker/waveplan.env.example .env and change its values"
  admin=$(compose_env | sed -n 's/^ADMIN_API_KEY=//p')
  [ -n "$admin" ] || fail "compose gives the service no ADMIN_API_KEY: every request would be 401"
  project="waveplan-check-$$"
  trap 'docker compose -p "$project" down -v >/dev/null 2>&1 || true' EXIT
  docker compose -p "$project" up -d --build --wait
  port=$(docker compose -p "$project" port --index 1 waveplan 3000 | sed 's/.*://')
  base="http://127.0.0.1:$port"
  key=$(curl -fsS -X POST "$base/admin/keys" -H "authorization: Bearer $admin" -H 'content-type: application/json' \
    -d '{"workspace":"check","name":"check-image","role":"write"}' | node -e 'let s="";process.stdin.on("data",(c)=>s+=c).on("end",()=>console.log(JSON.parse(s).token))')
  curl -fsS -X POST "$base/plans" -H "authorization: Bearer $key" -H 'content-type: application/json' --data-binary @examples/web-product.json >/dev/null \
    || fail "the example did not plan"
  docker compose -p "$project" exec -T -u root waveplan true >/dev/null
  say "OK (Docker): compose up, key created, example planned"
  exit 0
fi

# ---------------------------------------------------------------- no Docker
say "no Docker engine: replaying the Dockerfile's final stage on dist/ with Node $(node --version)"
[ -f dist/src/main.js ] || fail "dist/ is not built: npm run build"
# 1 (static part): what compose gives the service.
compose=$(compose_env) || fail "docker-compose.yml's environment for waveplan cannot be filled from $(env_file)"
grep -q '^DATABASE_URL=' <<< "$compose" || fail "compose sets no DATABASE_URL"
admin=$(sed -n 's/^ADMIN_API_KEY=//p' <<< "$compose")
[ -n "$admin" ] || fail "compose sets DATABASE_URL (auth on) but no ADMIN_API_KEY: every request would be 401"
database_url="${CHECK_IMAGE_DATABASE_URL:-${DATABASE_URL:-}}"
[ -n "$database_url" ] || fail "set CHECK_IMAGE_DATABASE_URL (or DATABASE_URL) to a PostgreSQL database for the compose check"
stage=$(mktemp -d /tmp/waveplan-image.XXXXXX)
chmod 755 "$stage"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -- "-$p" 2>/dev/null || true; done
  rm -rf "$stage"
}
trap cleanup EXIT

# The final stage: the lines after the last FROM.
final=$(awk '/^FROM /{buf=""} {buf=buf $0 "\n"} END{printf "%s", buf}' Dockerfile)
image_env=()
run_user=root
cmd_json=
while IFS= read -r line; do
  case "$line" in
    "COPY --from=build "*)
      from=$(echo "$line" | awk '{print $3}'); from=${from#/app/}
      if [ "$from" = node_modules ]; then
        # What npm prune --omit=dev leaves: the production dependency tree, nothing else.
        modroot=$(dirname "$(realpath node_modules)")
        # npm ls runs where node_modules really is: through a linked node_modules it can call the
        # whole tree extraneous (and fail) once its hidden lockfile is older than a package folder.
        (cd "$modroot" && npm ls --omit=dev --all --parseable) | sed -e "s|^$ROOT/||" -e "s|^$modroot/||" | grep '^node_modules/' | sort -u > "$stage/.prod-modules" \
          || fail "npm ls --omit=dev failed in $modroot: the production dependency tree is not as package-lock.json says (npm ci)"
        tar -C "$modroot" -cf - -T "$stage/.prod-modules" | tar -C "$stage" -xf -
        rm "$stage/.prod-modules"
      else
        mkdir -p "$stage/$from"; cp -R "$ROOT/$from/." "$stage/$from/"
      fi ;;
    "COPY "*)
      src=$(echo "$line" | awk '{print $2}'); dst=$(echo "$line" | awk '{print $3}'); dst=${dst#./}
      if [ -d "$src" ]; then mkdir -p "$stage/$dst"; cp -R "$src/." "$stage/$dst/"; else cp "$src" "$stage/$dst"; fi ;;
    "ENV "*)
      # shellcheck disable=SC2206 # ENV k=v pairs, no spaces in values
      pairs=(${line#ENV })
      for p in "${pairs[@]}"; do image_env+=("${p//\/app/$stage}"); done ;;
    "RUN "*)
      cmd=${line#RUN }; cmd=${cmd//\/app/$stage}
      if ! getent passwd node >/dev/null; then cmd=${cmd//node:node/1000:1000}; fi
      bash -c "$cmd" ;;
    "USER "*) run_user=${line#USER } ;;
    "CMD "*) cmd_json=${line#CMD } ;;
  esac
done <<< "$final"

[ "$run_user" != root ] || fail "the image runs as root"
uid=$(getent passwd "$run_user" | cut -d: -f3 || true); uid=${uid:-1000}
[ -n "$cmd_json" ] || fail "the Dockerfile has no CMD"
mapfile -t command < <(node -e 'for (const a of JSON.parse(process.argv[1])) console.log(a)' "$cmd_json")
if [ -d "$stage/node_modules/pino-pretty" ]; then fail "the image would ship pino-pretty: node_modules is not pruned"; fi

free_port() { node -e 'const s=require("node:net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

# Starts the image's command in the stage as its user, with the image's environment plus "$@"
# (KEY=VALUE); with TTY=1 its stdout is a terminal. Waits for /readyz and leaves the port in
# $stage/port; fails with the log if it dies. Never call it in a subshell (pids must be kept).
start() {
  local port log tty=${TTY:-0}
  port=$(free_port); log="$stage/service-$port.log"
  local envs=("PATH=$PATH" "${image_env[@]}" "HOST=127.0.0.1" "PORT=$port" "$@")
  local run=(setpriv --reuid="$uid" --regid="$uid" --clear-groups env -i "${envs[@]}" "${command[@]}")
  if [ "$tty" = 1 ]; then
    (cd "$stage" && exec setsid script -qefc "$(printf '%q ' "${run[@]}")" /dev/null) >"$log" 2>&1 &
  else
    (cd "$stage" && exec setsid "${run[@]}") >"$log" 2>&1 &
  fi
  local pid=$!
  pids+=("$pid")
  for _ in $(seq 1 150); do
    if ! kill -0 "$pid" 2>/dev/null; then cat "$log" >&2; return 1; fi
    if curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then echo "$port" > "$stage/port"; return 0; fi
    sleep 0.2
  done
  cat "$log" >&2; return 1
}
stop_all() { for p in "${pids[@]}"; do kill -- "-$p" 2>/dev/null || true; done; pids=(); sleep 0.3; }

# 2. The embedded database, as the service user, in the image's DATA_DIR.
start || fail "without DATABASE_URL the service did not start as uid $uid (is DATA_DIR owned by $run_user?)"
stop_all
say "ok: starts on the embedded database as $run_user (uid $uid)"

# 3. A terminal attached, production dependencies only.
TTY=1 start || fail "with a terminal attached the service did not start (a dev-only logger?)"
stop_all
say "ok: starts with a terminal attached"

# 1. Compose's environment: an admin key that creates a key that plans the example.
envs=()
while IFS= read -r kv; do [ -n "$kv" ] && envs+=("$kv"); done <<< "$compose"
start "${envs[@]}" "DATABASE_URL=$database_url" || fail "with compose's environment the service did not start"
base="http://127.0.0.1:$(cat "$stage/port")"
key=$(curl -sS -X POST "$base/admin/keys" -H "authorization: Bearer $admin" -H 'content-type: application/json' \
  -d '{"workspace":"check-image","name":"check-image","role":"write"}' \
  | node -e 'let s="";process.stdin.on("data",(c)=>s+=c).on("end",()=>{const b=JSON.parse(s);if(!b.token){console.error(s);process.exit(1)}console.log(b.token)})') \
  || fail "the compose admin key could not create an API key"
status=$(curl -sS -o /dev/null -w '%{http_code}' -X POST "$base/plans" -H "authorization: Bearer $key" -H 'content-type: application/json' --data-binary @examples/web-product.json)
[ "$status" = 201 ] || fail "planning the example with the new key answered $status"
# The dashboard's vendor modules (the strategy document's renderer and sanitiser) come from node_modules.
for f in marked.esm.js purify.es.mjs; do
  status=$(curl -sS -o /dev/null -w '%{http_code}' "$base/ui/vendor/$f")
  [ "$status" = 200 ] || fail "the dashboard's /ui/vendor/$f answered $status (is it a production dependency?)"
done
stop_all
say "ok: compose's environment creates a key that plans the example; the dashboard's vendor modules are served"
say "OK (no Docker)"
