#!/usr/bin/env bash
# Generated-client check: proves the OpenAPI document (/v3/api-docs) is a contract a
# frontend can generate a client from, with no workarounds.
#
#   1. starts the service from the built jar (embedded PostgreSQL, throwaway data folder,
#      free port), or uses BASE_URL when it is set (a service you started yourself);
#   2. downloads /v3/api-docs to generated/openapi.json;
#   3. lints it with Redocly CLI (recommended rules, redocly.yaml): 0 errors required;
#   4. generates TypeScript types with openapi-typescript (generated/api.d.ts);
#   5. compiles scenario.ts with `tsc --strict` (no casts, no `any` in it);
#   6. runs the scenario against the service: dev token, create a story, add and publish a
#      chapter, publish the story, read it by slug, page GET /v1/stories with the cursor,
#      read typed error envelopes.
#
# Needs Node.js and npm (Node 20.19 or later; Debian 12's 18.20 works, Redocly warns), a
# JDK 25 to run the service (JAVA_HOME when it is a 25, else /usr/lib/jvm/*25*), and the npm
# registry for `npm ci` (exact versions in package-lock.json); the jar is built when missing
# or older than src/main. Environment: BASE_URL (use that service instead of starting one),
# HEALTH_TIMEOUT (seconds to wait for /v1/health, default 240).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "${here}/../.." && pwd)"
cd "${here}"

export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

jar="${root}/target/muejam-library-0.1.0-SNAPSHOT.jar"
health_timeout="${HEALTH_TIMEOUT:-240}"
step="setup"
show_log=no # the service log is worth showing when the service or the scenario failed
service_pid=""
data_dir=""
log="${here}/generated/service.log"

finish() {
  local status=$?
  if [ -n "${service_pid}" ] && kill -0 "${service_pid}" 2>/dev/null; then
    # SIGTERM: graceful shutdown, which also stops the embedded PostgreSQL
    kill -TERM "${service_pid}" 2>/dev/null || true
    for _ in $(seq 1 60); do
      kill -0 "${service_pid}" 2>/dev/null || break
      sleep 1
    done
    if kill -0 "${service_pid}" 2>/dev/null; then
      echo "The service did not stop within 60 s; killing it." >&2
      kill -KILL "${service_pid}" 2>/dev/null || true
    fi
    wait "${service_pid}" 2>/dev/null || true
  fi
  if [ -n "${data_dir}" ]; then
    rm -rf "${data_dir}"
  fi
  if [ "${status}" -ne 0 ]; then
    if [ -n "${service_pid}" ] && [ -f "${log}" ] && [ "${show_log}" = yes ]; then
      echo "--- last lines of the service log (${log}) ---" >&2
      tail -n 40 "${log}" >&2 || true
    fi
    echo "Generated-client check FAILED at: ${step}" >&2
  fi
  exit "${status}"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

say() {
  echo "==> $*"
}

find_java() {
  local candidate
  for candidate in "${JAVA_HOME:+${JAVA_HOME}/bin/java}" /usr/lib/jvm/temurin-25-jdk-amd64/bin/java \
    /usr/lib/jvm/*25*/bin/java; do
    if [ -n "${candidate}" ] && [ -x "${candidate}" ] \
      && "${candidate}" -version 2>&1 | head -n 1 | grep -q 'version "25'; then
      echo "${candidate}"
      return 0
    fi
  done
  return 1
}

step="npm ci"
say "Installing the pinned tools (npm ci)"
command -v node >/dev/null && command -v npm >/dev/null \
  || { echo "node and npm are required (Node.js 20.19 or later recommended)." >&2; exit 1; }
npm ci --no-audit --no-fund --loglevel=error
rm -rf generated dist
mkdir -p generated

if [ -n "${BASE_URL:-}" ]; then
  base_url="${BASE_URL%/}"
  say "Using the service at ${base_url}"
else
  step="building the service"
  if [ ! -f "${jar}" ] \
    || [ -n "$(find "${root}/pom.xml" "${root}/src/main" -newer "${jar}" -print -quit)" ]; then
    say "Building the service jar (./mvnw -B -q -DskipTests package)"
    (cd "${root}" && ./mvnw -B -q -DskipTests package)
  fi

  step="starting the service"
  show_log=yes
  java="$(find_java)" || { echo "No JDK 25 found (JAVA_HOME or /usr/lib/jvm/*25*)." >&2; exit 1; }
  port="$(node -e 'const s = require("node:net").createServer();
    s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });')"
  data_dir="$(mktemp -d)"
  base_url="http://127.0.0.1:${port}"
  say "Starting the service on ${base_url} (data in ${data_dir}, log in ${log})"
  "${java}" -Xmx512m -jar "${jar}" --server.port="${port}" --muejam.data-dir="${data_dir}" \
    --muejam.rate-limits.enabled=false >"${log}" 2>&1 &
  service_pid=$!

  step="waiting for ${base_url}/v1/health"
  deadline=$((SECONDS + health_timeout))
  until node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' \
    "${base_url}/v1/health"; do
    if ! kill -0 "${service_pid}" 2>/dev/null; then
      echo "The service exited before it was healthy." >&2
      exit 1
    fi
    if [ "${SECONDS}" -ge "${deadline}" ]; then
      echo "The service was not healthy within ${health_timeout} s (HEALTH_TIMEOUT)." >&2
      exit 1
    fi
    sleep 2
  done
  say "The service is healthy"
fi

step="downloading ${base_url}/v3/api-docs"
show_log=no
say "Downloading the OpenAPI document"
# pretty-printed, so that Redocly's line numbers point somewhere readable
node -e 'const [url, file] = process.argv.slice(1);
  fetch(url).then(async (r) => {
    if (!r.ok) throw new Error(`${url} answered ${r.status}`);
    require("node:fs").writeFileSync(file, JSON.stringify(await r.json(), null, 2) + "\n");
  }).catch((e) => { console.error(e.message); process.exit(1); });' \
  "${base_url}/v3/api-docs" generated/openapi.json

step="redocly lint (recommended rules, 0 errors)"
say "Linting the document: redocly lint (recommended rules)"
npx --no-install redocly lint --config redocly.yaml generated/openapi.json

step="openapi-typescript"
say "Generating TypeScript types: openapi-typescript"
npx --no-install openapi-typescript generated/openapi.json --output generated/api.d.ts

step="tsc --strict --noEmit"
say "Type-checking the scenario: tsc --strict --noEmit"
npx --no-install tsc --strict --noEmit -p tsconfig.json
npx --no-install tsc -p tsconfig.json

step="the scenario against ${base_url}"
show_log=yes
say "Running the scenario against ${base_url}"
BASE_URL="${base_url}" node dist/scenario.js

step="done"
echo "Generated-client check passed: Redocly lint without errors, openapi-typescript types compile the scenario under tsc --strict, and the scenario passed against the service."
