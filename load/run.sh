#!/usr/bin/env bash
# The load benchmark (docs/benchmarks.md). Not part of ./mvnw verify.
#
#   load/run.sh ratios [jar ...]   throughput ratios with wrk (targets 1-3), per jar: pages on the uncached instance
#                                  and, as the issue first measured them, on the cached one, page 500 too; ONLY=<regex>
#                                  measures only the requests whose names match (the cached read always);
#                                  WARM_SECONDS (30) warms each URL up, the cached read twice as long
#   load/run.sh mixed  [jar]       the mixed workload at 1,000 / 2,000 / 3,000 requests/s (Gatling; RATES=<rate:p99 ...>),
#                                  with the CPU each request cost the service and PostgreSQL
#   load/run.sh soak   [jar]       the mixed workload for SOAK_MINUTES (30) at SOAK_RATE (200)/s, p99 under SOAK_P99 (1000) ms
#   load/run.sh startup [jar ...]  start-up time, 5 starts each: the jar, extracted, extracted with a JDK AOT cache
#   load/run.sh pages  [jar ...]   signed-out Trending and search pages with wrk, per jar: in process, then with a
#                                  redis-server started here on REDIS_PORT (16379); needs redis-server (Debian)
#   load/run.sh cached [jar ...]   a story and a chapter served from the cache, signed out, with wrk, per jar
#   load/run.sh types  [jar ...]   each request type of the mixed load alone, with wrk, per jar, with the CPU
#                                  each request cost the service and PostgreSQL
#
# Jars default to the one ./mvnw package builds. Each mode starts the service on its local
# defaults (embedded PostgreSQL, in-process cache; pages also with Redis) with rate limits off, seeds the data set
# through SQL (load/src/test/java/com/muejam/load/Seeder.java), measures, and stops it.
# Output goes to target/load/. Needs wrk (Debian package; installed if missing and root).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=$ROOT/target/load
mkdir -p "$OUT"
if [[ -z "${JAVA_HOME:-}" && -d /usr/lib/jvm/temurin-25-jdk-amd64 ]]; then
	export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
PG_PORT=${PG_PORT:-15432}
JDBC="jdbc:postgresql://localhost:$PG_PORT/postgres"
PIDS=()

cleanup() {
	for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
	wait 2>/dev/null || true
}
trap cleanup EXIT

default_jar() {
	local jar
	jar=$(ls "$ROOT"/target/muejam-library-*.jar 2>/dev/null | head -1 || true)
	if [[ -z "$jar" ]]; then
		./mvnw -B -q -DskipTests package >&2
		jar=$(ls "$ROOT"/target/muejam-library-*.jar | head -1)
	fi
	echo "$jar"
}

# jars_or_default [jar ...]: the jars given, one per line, or the one ./mvnw package builds
jars_or_default() {
	if (($#)); then printf '%s\n' "$@"; else default_jar; fi
}

classpath() {
	# compiled again when the pom or any of the seeder's or simulation's sources changed
	if [[ ! -f "$OUT/classpath" || load/pom.xml -nt "$OUT/classpath" ||
		-n $(find load/src -newer "$OUT/classpath" -type f -print -quit) ]]; then
		./mvnw -B -q -f load/pom.xml test-compile dependency:build-classpath \
			-Dmdep.outputFile="$OUT/classpath" -Dmdep.includeScope=test >&2
	fi
	echo "$ROOT/load/target/test-classes:$(cat "$OUT/classpath")"
}

# start <name> <port> <jar> [args...]: starts the service in the background, waits until ready
start() {
	local name=$1 port=$2 jar=$3
	shift 3
	# the heap committed from the start, as the container image runs it (Dockerfile)
	"$JAVA" ${JVM_OPTS:--Xms512m -Xmx512m} -Xlog:gc:file="$OUT/$name-gc.log" -jar "$jar" --server.port="$port" \
		--muejam.data-dir="$OUT/data" --muejam.rate-limits.enabled=false --logging.level.root=warn \
		"$@" >"$OUT/$name.log" 2>&1 &
	PIDS+=($!)
	for _ in $(seq 1 1800); do
		if curl -fs "localhost:$port/actuator/health/readiness" >/dev/null 2>&1; then
			return 0
		fi
		sleep 0.1
	done
	echo "$name did not become ready; see $OUT/$name.log" >&2
	exit 1
}

# start_fresh <jar>: stops what runs, then starts the jar as "cached" on :8080 with its own
# embedded PostgreSQL on PG_PORT over an empty data directory
start_fresh() {
	stop_all
	fresh_database
	start cached 8080 "$1" --muejam.embedded-postgres.port="$PG_PORT"
}

stop_all() {
	cleanup
	PIDS=()
}

fresh_database() {
	rm -rf "$OUT/data"
}

seed() {
	"$JAVA" -cp "$(classpath)" com.muejam.load.Seeder "$JDBC" "$1" "$2"
}

ensure_wrk() {
	if ! command -v wrk >/dev/null; then
		apt-get install -y -qq wrk >/dev/null
	fi
}

# rate <url> [token]: requests per second and latency of one URL, 32 connections, wrk on core 1
# warm <url> [token]: WARM_SECONDS (30) of load, not measured: a shelf's page was still gaining
# after 50 s of load on this machine (481, 880, 1,314, 1,558, 2,183/s in 10 s steps) while the
# JIT compiled its path, and 10 s had measured it at two thirds of its speed
warm() {
	local url=$1 token=${2:-}
	local header=()
	[[ -n "$token" ]] && header=(-H "Authorization: Bearer $token")
	taskset -c 1 wrk -t1 -c32 -d"${WARM_SECONDS:-30}"s "${header[@]}" "$url" >/dev/null
}

rate() {
	local url=$1 token=${2:-}
	local header=()
	[[ -n "$token" ]] && header=(-H "Authorization: Bearer $token")
	taskset -c 1 wrk -t1 -c32 -d5s "${header[@]}" "$url" >/dev/null
	taskset -c 1 wrk -t1 -c32 -d10s --latency "${header[@]}" "$url" >"$OUT/wrk.txt"
	# answers other than 2xx (a 503 when the service sheds load) are counted, not hidden
	awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {failed=$NF}
		END {printf "%s %s %s %s", rps, p50, p99, failed ? failed " non-2xx answers" : ""}' "$OUT/wrk.txt"
}

# nonempty <name> <url> [token]: fails unless the URL answers 200 and, if it is a page, with items
nonempty() {
	local name=$1 url=$2 token=${3:-}
	local header=() body
	[[ -n "$token" ]] && header=(-H "Authorization: Bearer $token")
	if ! body=$(curl -fs "${header[@]}" "$url") || [[ $body == *'"data":'* && $body != *'"data":[{'* ]]; then
		echo "$name: $url answered no items; the seeded data does not fit this build" >&2
		exit 1
	fi
}

token() {
	curl -fs -X POST "localhost:$1/v1/dev/tokens" -H 'Content-Type: application/json' \
		-d "{\"user_id\":\"$2\",\"email\":\"$2@example.com\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/'
}

# story_id <slug>: the id of a story, from the service on 8080
story_id() {
	curl -fs "localhost:8080/v1/stories/$1" | sed -E 's/^\{"id":"([^"]+)".*/\1/'
}

# first_id <url> [token]: the id of a page's first item
first_id() {
	local header=()
	[[ -n "${2:-}" ]] && header=(-H "Authorization: Bearer $2")
	curl -fs "${header[@]}" "$1" | sed -E 's/^\{"data":\[\{"id":"([^"]+)".*/\1/'
}

# cursor_of_page <url> <n>: the cursor that reads page n of a list (walking pages 1 to n-1)
cursor_of_page() {
	local url=$1 cursor=""
	for _ in $(seq 2 "$2"); do
		cursor=$(curl -fs "$url${cursor:+&cursor=$cursor}" | sed -nE 's/.*"next_cursor":"([^"]+)".*/\1/p')
		[[ -n "$cursor" ]] || { echo "$url has fewer than $2 pages" >&2; exit 1; }
	done
	echo "$cursor"
}

ratios() {
	ensure_wrk
	local jars
	mapfile -t jars < <(jars_or_default "$@")
	for jar in "${jars[@]}"; do
		echo "== $jar"
		start_fresh "$jar"
		start uncached 8081 "$jar" --spring.datasource.url="$JDBC" --spring.datasource.username=postgres \
			--muejam.cache.max-entries=0 --muejam.cache.max-bytes=0
		seed "${STORIES:-100000}" 200
		local reader avid shelf first story deep number=$((${STORIES:-100000} * 42 / 100 + 7))
		reader=$(token 8080 user_load_reader_1)
		avid=$(token 8080 user_load_avid)
		shelf=$(curl -fs localhost:8080/v1/library/shelves -H "Authorization: Bearer $reader" |
			sed -E 's/.*"id":"([^"]+)".*/\1/')
		first=load-$number
		story=$(story_id "$first")
		# read on :8080 and sent to both: the instances share the data directory, so the
		# cursor secret that signs it
		deep=$(cursor_of_page "http://localhost:8080/v1/stories?page_size=20" 500)
		# what is measured: name, URL, token (- for none)
		local requests=(
			"story, uncached|http://localhost:8081/v1/stories/$first|-"
			"story by id, uncached|http://localhost:8081/v1/stories/$story|-"
			"public list, 20, uncached|http://localhost:8081/v1/stories?page_size=20|-"
			"public list, page 500, uncached|http://localhost:8081/v1/stories?page_size=20&cursor=$deep|-"
			"tag list, 20, uncached|http://localhost:8081/v1/stories?tag=tag-1&page_size=20|-"
			"rare tag list, 20, uncached|http://localhost:8081/v1/stories?tag=tag-200&page_size=20|-"
			"discover new, 20, uncached|http://localhost:8081/v1/discover?tab=new&page_size=20|-"
			"story, cached, signed in|http://localhost:8080/v1/stories/$first|$reader"
			"shelf items, 10, uncached|http://localhost:8081/v1/library/shelves/$shelf/items|$reader"
			"reading list, 10, uncached|http://localhost:8081/v1/library/reading|$reader"
			"reading list, 3,000 positions, uncached|http://localhost:8081/v1/library/reading|$avid"
			"public list, 20, cached|http://localhost:8080/v1/stories?page_size=20|-"
			"public list, page 500, cached|http://localhost:8080/v1/stories?page_size=20&cursor=$deep|-"
			"discover new, 20, cached|http://localhost:8080/v1/discover?tab=new&page_size=20|-"
			"shelf items, 10, cached|http://localhost:8080/v1/library/shelves/$shelf/items|$reader"
			"reading list, 10, cached|http://localhost:8080/v1/library/reading|$reader"
			"search, matches every story|http://localhost:8081/v1/search?q=dragons%20storms|-"
			"search, matches one story|http://localhost:8081/v1/search?q=$number|-"
		)
		if [[ -n "${ONLY:-}" ]]; then
			local kept=()
			for entry in "${requests[@]}"; do
				[[ ${entry%%|*} =~ $ONLY ]] && kept+=("$entry")
			done
			requests=("${kept[@]}")
		fi
		# a page that came back empty (a seeder behind the schema) would be measured as fast
		for entry in "${requests[@]}"; do
			IFS='|' read -r name url auth <<<"$entry"
			nonempty "$name" "$url" "${auth#-}"
		done
		# warm both instances up on every URL measured (JIT) before measuring anything: a URL
		# warmed only just before its own measurement was still being compiled for
		taskset -c 1 wrk -t1 -c32 -d$((${WARM_SECONDS:-30} * 2))s "http://localhost:8080/v1/stories/$first" >/dev/null
		local entry name url auth
		for entry in "${requests[@]}"; do
			IFS='|' read -r name url auth <<<"$entry"
			warm "$url" "${auth#-}"
		done
		printf '%-44s %10s %8s %8s %8s\n' request req/s p50 p99 ratio
		local base
		base=$(rate "http://localhost:8080/v1/stories/$first")
		report() {
			local name=$1 figures=$2
			# shellcheck disable=SC2086
			set -- $figures
			printf '%-44s %10s %8s %8s %8.3f %s\n' "$name" "$1" "$2" "$3" "$(echo "$1 / ${base%% *}" | bc -l)" \
				"${*:4}"
		}
		report "story, cached" "$base"
		for entry in "${requests[@]}"; do
			IFS='|' read -r name url auth <<<"$entry"
			report "$name" "$(rate "$url" "${auth#-}")"
		done
		[[ -z "${ONLY:-}" || "search, matches every story" =~ $ONLY ]] && sequential_search
	done
	stop_all
}

# p95 of 300 sequential searches that match every story (after 100 warm-up requests)
sequential_search() {
	local url="http://localhost:8081/v1/search?q=dragons%20storms"
	for _ in $(seq 1 100); do curl -fs -o /dev/null "$url"; done
	for _ in $(seq 1 300); do curl -fs -o /dev/null -w '%{time_total}\n' "$url"; done | sort -n |
		awk '{t[NR]=$1} END {printf "search, matches every story, sequential: p50 %.1f ms, p95 %.1f ms\n", t[int(NR*0.5)]*1000, t[int(NR*0.95)]*1000}'
}

cache_hit_ratio() {
	curl -fs "localhost:$1/actuator/prometheus" | awk '
		/^cache_gets_total/ && /result="hit"/ {hit+=$NF}
		/^cache_gets_total/ && /result="miss"/ {miss+=$NF}
		END {if (hit+miss > 0) printf "cache hit ratio: %.1f%% (%d hits, %d misses)\n", 100*hit/(hit+miss), hit, miss}'
}

mixed() {
	local jar=${1:-$(default_jar)}
	fresh_database
	start mixed 8080 "$jar" --muejam.embedded-postgres.port="$PG_PORT"
	seed "${STORIES:-2000}" 200
	classpath >/dev/null
	local steps=${RATES:-1000:50 2000:50 3000:250}
	for step in $steps; do
		local r=${step%%:*} bound=${step##*:} service database
		echo "== $r requests/s for ${DURATION:-60} s after a ${WARMUP:-60} s ramp, p99 must stay under $bound ms"
		service=$(cpu_ticks "${PIDS[-1]}")
		database=$(postgres_ticks)
		./mvnw -B -q -f load/pom.xml gatling:test -Dgatling.simulationClass=com.muejam.load.MixedLoad \
			-Drate="$r" -Dwarmup="${WARMUP:-60}" -Dduration="${DURATION:-60}" -Dp99="$bound" -DjdbcUrl="$JDBC" \
			>"$OUT/mixed-$r.txt" 2>&1 || echo "the run failed its assertions: $OUT/mixed-$r.txt"
		service=$(($(cpu_ticks "${PIDS[-1]}") - service))
		database=$(($(postgres_ticks) - database))
		grep -E "^(Global|.*: (true|false))" "$OUT/mixed-$r.txt" | grep false || true
		local summary
		summary=$(summarize "$(ls -td load/target/gatling/mixedload-* | head -1)")
		echo "$summary"
		cpu_per_request "$service" "$database" "$(awk '/^All Requests/ {print $3}' <<<"$summary")"
	done
	cache_hit_ratio 8080
	echo "full GCs: $(grep -c 'Pause Full' "$OUT/mixed-gc.log" || true)"
	stop_all
}

# cpu_ticks <pid>: CPU time (user and system, in clock ticks) a process has used so far
cpu_ticks() {
	awk '{print $14 + $15}' "/proc/$1/stat"
}

# postgres_ticks: the same, summed over the PostgreSQL server's processes now running (a
# connection's backend lives as long as its pooled connection)
postgres_ticks() {
	local total=0 pid
	for pid in $(pgrep -x postgres); do
		total=$((total + $(cpu_ticks "$pid" 2>/dev/null || echo 0)))
	done
	echo "$total"
}

# cpu_per_request <service ticks> <database ticks> <requests>: the CPU the step's requests (its
# ramp included) cost the service and PostgreSQL, in milliseconds per request: a figure that
# compares builds on one machine whatever rate it can hold
cpu_per_request() {
	local tick
	tick=$(getconf CLK_TCK)
	awk -v s="$1" -v d="$2" -v n="$3" -v t="$tick" 'BEGIN {
		printf "CPU per request: service %.3f ms, PostgreSQL %.3f ms (%d requests)\n", 1000*s/t/n, 1000*d/t/n, n}'
}

# per request type p50 / p95 / p99 from a Gatling report
summarize() {
	"$JAVA" -cp "$(classpath)" com.muejam.load.ReportSummary "$@"
}

soak() {
	local jar=${1:-$(default_jar)}
	fresh_database
	start soak 8080 "$jar" --muejam.embedded-postgres.port="$PG_PORT"
	seed "${STORIES:-2000}" 200
	classpath >/dev/null
	local minutes=${SOAK_MINUTES:-30}
	(
		for m in $(seq 1 "$minutes"); do
			sleep 60
			curl -fs localhost:8080/actuator/prometheus | awk -v m="$m" '
				/^jvm_memory_used_bytes/ && /area="heap"/ {heap+=$NF}
				/^jvm_gc_live_data_size_bytes/ {live=$NF}
				/^jvm_threads_live_threads/ {threads=$NF}
				/^hikaricp_connections_active/ {active+=$NF}
				/^hikaricp_connections_pending/ {pending+=$NF}
				/^http_server_requests_seconds_count/ {requests+=$NF}
				END {printf "minute %d: heap used %.0f MB, heap after GC %.0f MB, live threads %d, pool active %d, pending %d, requests %d\n", m, heap/1048576, live/1048576, threads, active, pending, requests}'
		done
	) > >(tee "$OUT/soak-samples.txt") &
	local sampler=$!
	./mvnw -B -q -f load/pom.xml gatling:test -Dgatling.simulationClass=com.muejam.load.MixedLoad \
		-Drate="${SOAK_RATE:-200}" -Dwarmup="${WARMUP:-60}" -Dduration=$((minutes * 60)) -Dp99="${SOAK_P99:-1000}" \
		-DjdbcUrl="$JDBC" \
		>"$OUT/soak.txt" 2>&1 || echo "the run failed its assertions: $OUT/soak.txt"
	grep -E "^(Global|.*: (true|false))" "$OUT/soak.txt" || true
	wait "$sampler" || true
	summarize "$(ls -td load/target/gatling/mixedload-* | head -1)" --per-minute
	grep -E "Pause (Young|Full)" "$OUT/soak-gc.log" | awk '{print $NF, $0}' | tail -3
	echo "full GCs: $(grep -c 'Pause Full' "$OUT/soak-gc.log" || true)"
	stop_all
}

# aot_cache <jar>: the jar extracted (Spring Boot's tools jarmode) with a JDK AOT cache from a
# training run; prints the extracted jar's path. The training run starts the extracted jar as the
# measured runs do (same absolute path: a cache recorded for another class path is refused),
# serves a few requests of each kind and stops on SIGTERM: the context closes, which stops the
# embedded PostgreSQL, and the JVM writes the cache as it exits. (spring.context.exit=onRefresh
# exits without closing the context and leaves the embedded PostgreSQL running.)
aot_cache() {
	local jar=$1 dir
	dir="$OUT/aot/$(basename "$jar" .jar)-$(sha1sum "$jar" | cut -c1-8)"
	if [[ ! -f "$dir/app.aot" ]]; then
		rm -rf "$dir"
		"$JAVA" -Djarmode=tools -jar "$jar" extract --destination "$dir" >&2
		fresh_database
		JVM_OPTS="-Xmx512m -XX:AOTCacheOutput=$dir/app.aot" start aot-training 8080 "$dir/$(basename "$jar")" \
			--muejam.embedded-postgres.port="$PG_PORT"
		for path in /v1/stories "/v1/discover?tab=new" "/v1/search?q=dragon" /v1/tags /v1/me; do
			curl -s -o /dev/null "localhost:8080$path"
		done
		stop_all
		[[ -f "$dir/app.aot" ]] || { echo "no AOT cache written; see $OUT/aot-training.log" >&2; exit 1; }
	fi
	echo "$dir/$(basename "$jar")"
}

startup() {
	local jars
	mapfile -t jars < <(jars_or_default "$@")
	for jar in "${jars[@]}"; do
		local extracted
		extracted=$(aot_cache "$jar")
		for variant in jar extracted aot; do
			local run=$jar opts="-Xmx512m"
			if [[ $variant == extracted ]]; then
				run=$extracted
			elif [[ $variant == aot ]]; then
				run=$extracted
				# AOTMode=on: a cache the JVM cannot use is an error, not a silent slow start
				opts="-Xmx512m -XX:AOTMode=on -XX:AOTCache=$(dirname "$extracted")/app.aot"
			fi
			fresh_database
			JVM_OPTS=$opts start warmup 8080 "$run" --muejam.embedded-postgres.port="$PG_PORT"
			stop_all
			for i in 1 2 3 4 5; do
				local began
				began=$(date +%s%N)
				JVM_OPTS=$opts start "startup-$i" 8080 "$run" --muejam.embedded-postgres.port="$PG_PORT" \
					--logging.level.com.muejam.MueJamApplication=info
				echo "$(basename "$jar") ($variant) start $i: ready after $((($(date +%s%N) - began) / 1000000)) ms;" \
					"$(grep -o 'Started MueJamApplication in [0-9.]* seconds' "$OUT/startup-$i.log")"
				stop_all
			done
		done
	done
}

# pages [jar ...]: a signed-out Trending page and a search page, with the in-process cache and
# with Redis, over the mixed load's 2,000 stories
pages() {
	ensure_wrk
	local port=${REDIS_PORT:-16379}
	local jars
	mapfile -t jars < <(jars_or_default "$@")
	for jar in "${jars[@]}"; do
		for cache in in-process redis; do
			fresh_database
			local redis=()
			if [[ $cache == redis ]]; then
				redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true
				redis-server --port "$port" --save '' --appendonly no --daemonize yes >/dev/null
				redis=(--spring.data.redis.url="redis://localhost:$port")
			fi
			start pages 8080 "$jar" --muejam.embedded-postgres.port="$PG_PORT" "${redis[@]}"
			seed 2000 200 >/dev/null
			# the first trending recompute runs 10 s after start
			until [[ $(curl -fs 'localhost:8080/v1/discover?tab=trending' | grep -o '"id"' | wc -l) -gt 10 ]]; do
				sleep 1
			done
			for url in "/v1/discover?tab=trending" "/v1/search?q=dragons"; do
				echo "$(basename "$jar") $cache $url: $(rate "http://localhost:8080$url")"
			done
			stop_all
			[[ $cache == redis ]] && redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true
		done
	done
}

# cached [jar ...]: a story and a chapter served from the cache, signed out, over the mixed
# load's 2,000 stories; list the jars alternately (a b a b) to see the spread between runs
cached() {
	ensure_wrk
	local jars
	mapfile -t jars < <(jars_or_default "$@")
	for jar in "${jars[@]}"; do
		start_fresh "$jar"
		seed 2000 200 >/dev/null
		local story chapter urls
		story=$(story_id load-777)
		chapter=$(first_id "localhost:8080/v1/stories/$story/chapters")
		urls=("/v1/stories/load-777" "/v1/chapters/$chapter")
		for url in "${urls[@]}"; do warm "http://localhost:8080$url"; done
		for round in 1 2; do
			for url in "${urls[@]}"; do
				echo "$(basename "$jar") $url, round $round: $(rate "http://localhost:8080$url")"
			done
		done
	done
	stop_all
}

# types [jar ...]: each request type of the mixed load alone, per jar: wrk with 8 connections for
# 10 s after WARM_SECONDS (15) of warm-up, and the CPU the service and PostgreSQL spent per request
# (/proc ticks); the writes repeat one reader's save and shelf add
types() {
	ensure_wrk
	local jars
	mapfile -t jars < <(jars_or_default "$@")
	for jar in "${jars[@]}"; do
		echo "== $jar"
		start_fresh "$jar"
		seed 2000 200 >/dev/null
		local service=${PIDS[-1]} reader shelf story chapter
		reader=$(token 8080 user_load_reader_1)
		shelf=$(first_id localhost:8080/v1/library/shelves "$reader")
		story=$(story_id load-777)
		chapter=$(first_id "localhost:8080/v1/stories/$story/chapters")
		post_script "$OUT/progress.lua" '{"offset":5}'
		post_script "$OUT/shelf-add.lua" "{\"story_id\":\"$story\"}"
		printf '%-14s %10s %16s %16s\n' request req/s "service CPU" "PostgreSQL CPU"
		alone "$service" story http://localhost:8080/v1/stories/load-777
		alone "$service" chapter "http://localhost:8080/v1/chapters/$chapter"
		alone "$service" list "http://localhost:8080/v1/stories?page_size=20"
		alone "$service" "discover new" "http://localhost:8080/v1/discover?tab=new"
		alone "$service" trending "http://localhost:8080/v1/discover?tab=trending"
		alone "$service" search "http://localhost:8080/v1/search?q=dragons"
		alone "$service" "shelf items" "http://localhost:8080/v1/library/shelves/$shelf/items" "$reader"
		alone "$service" "reading list" http://localhost:8080/v1/library/reading "$reader"
		alone "$service" "save progress" "http://localhost:8080/v1/chapters/$chapter/progress" "$reader" "$OUT/progress.lua"
		alone "$service" "shelf add" "http://localhost:8080/v1/library/shelves/$shelf/items" "$reader" "$OUT/shelf-add.lua"
	done
	stop_all
}

# post_script <file> <json>: a wrk script that POSTs the JSON
post_script() {
	printf 'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = [[%s]]\n' "$2" >"$1"
}

# alone <service pid> <name> <url> [token] [wrk script]: one request type's rate and CPU per request
alone() {
	local service=$1 name=$2 url=$3 token=${4:-} script=${5:-}
	local args=(-t1 -c8)
	[[ -n "$token" ]] && args+=(-H "Authorization: Bearer $token")
	[[ -n "$script" ]] && args+=(-s "$script")
	taskset -c 1 wrk "${args[@]}" -d"${WARM_SECONDS:-15}"s "$url" >/dev/null
	local s0 p0 s1 p1 rate
	s0=$(cpu_ticks "$service")
	p0=$(postgres_ticks)
	taskset -c 1 wrk "${args[@]}" -d10s "$url" >"$OUT/wrk.txt"
	s1=$(cpu_ticks "$service")
	p1=$(postgres_ticks)
	rate=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk.txt")
	# ticks are 10 ms: ticks x 10 / requests is milliseconds per request
	awk -v name="$name" -v rate="$rate" -v s="$((s1 - s0))" -v p="$((p1 - p0))" \
		'BEGIN {printf "%-14s %10.0f %13.3f ms %13.3f ms\n", name, rate, s * 10 / (rate * 10), p * 10 / (rate * 10)}'
}

mode=${1:-}
shift || true
case "$mode" in
ratios) ratios "$@" ;;
mixed) mixed "$@" ;;
soak) soak "$@" ;;
startup) startup "$@" ;;
pages) pages "$@" ;;
cached) cached "$@" ;;
types) types "$@" ;;
*)
	sed -n '2,19p' "$0"
	exit 2
	;;
esac
