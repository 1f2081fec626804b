# shellcheck shell=bash
# bench.sh - bin/concierge bench: the benchmark harness against real services, our engine and the
# Redis baseline side by side. Sourced by bin/concierge, after app.sh.
#
# A bench run has its own state dir and ports (a running `dev` is left alone), and starts from clean
# services, so that two runs measure the same thing.

BENCH_CLASSES="$CONCIERGE_HOME/benchmarks/target/classes"
BENCH_CPFILE="$CONCIERGE_HOME/benchmarks/target/runtime-classpath.txt"
BENCH_PKG=dev.concierge.benchmarks
BENCH_PIDS=()
# the heap in the default bench flags; bench ingestion raises it: 100k live customers take about 600 MB with ZGC
BENCH_HEAP=1g
# where the node and the baseline JVMs write their logs
BENCH_LOGS=""

bench_usage() {
  cat <<'EOF'
Usage: bin/concierge bench <benchmark> [options]

Benchmarks (each prints its tables and writes them, with plots, under benchmarks/target/bench/):
  decisions   decision latency against rate, open loop, for our node and the Redis baseline in the same
              run, with the simulator producing 1k events/s in the background; then freshness (from
              produce to Kafka until the features show the event) for both; then a wrk cross-check
  ingestion   Kafka to persisted: a history of 1M events of 100k customers goes into Kafka first, then one
              node consumes it; events/s from its first commit until every offset is committed, and the CPU
              share of the node, Cassandra and Kafka; then customers' event counts are checked against the
              simulation (IngestionBenchmark)
  jmh NAME    a JMH benchmark class, e.g. ScorerBenchmark, SerializationBenchmark (JMH options follow)
  footprint   heap bytes per customer entity at 100k entities (EntityFootprint)

`bin/concierge bench BENCHMARK --help` lists a benchmark's options. The harness parses them (picocli): decisions
and ingestion build the benchmarks first, unless --no-build is given or only the help of a built harness is
asked for; jmh and footprint run the harness as last built.

Environment:
  CONCIERGE_BENCH_STATE_DIR    the bench's state dir (default .concierge/bench)
  CONCIERGE_BENCH_JAVA_HOME    the JDK of our node and of the baseline's JVMs, the same for both (default:
                               Temurin 25 when installed, for generational ZGC, else the Java 17 of the services)
  CONCIERGE_BENCH_JVM_OPTS     their JVM flags, the same for both (default -Xms1g -Xmx1g -XX:+UseZGC
                               -XX:+AlwaysPreTouch on Java 21+, G1 on 17; ingestion: 3g for its 100k customers,
                               and G1, the node's own default collector)
  CONCIERGE_CASSANDRA_JVM_OPTS benchmarks run Cassandra with C2 (-XX:TieredStopAtLevel=4) unless this is set: the
                               launcher's C1-only default starts faster, but is slower to serve a long write load
  Ports: Kafka 19092/19093, Cassandra 19042/17000, Redis 16380, node 18080 (remoting 12551, management
  18558), baseline 18090; each CONCIERGE_*_PORT overrides its own.
EOF
}

# cmd_bench ARGS: re-runs itself once with the bench's state dir and ports, so that everything below
# (services, setup, logs) lands there and a running dev is left alone.
cmd_bench() {
  if [[ -z "${CONCIERGE_BENCH_CHILD:-}" ]]; then
    case "${1:-}" in -h|--help|help|"") bench_usage; return 0 ;; esac
    local dir="${CONCIERGE_BENCH_STATE_DIR:-$STATE_DIR/bench}"
    mkdir -p "$dir"
    CONCIERGE_BENCH_CHILD=1 CONCIERGE_STATE_DIR="$dir" \
      CONCIERGE_KAFKA_PORT="${CONCIERGE_KAFKA_PORT:-19092}" CONCIERGE_KAFKA_CONTROLLER_PORT="${CONCIERGE_KAFKA_CONTROLLER_PORT:-19093}" \
      CONCIERGE_CASSANDRA_PORT="${CONCIERGE_CASSANDRA_PORT:-19042}" CONCIERGE_CASSANDRA_STORAGE_PORT="${CONCIERGE_CASSANDRA_STORAGE_PORT:-17000}" \
      CONCIERGE_REDIS_PORT="${CONCIERGE_REDIS_PORT:-16380}" CONCIERGE_HTTP_PORT="${CONCIERGE_HTTP_PORT:-18080}" \
      CONCIERGE_REMOTE_PORT="${CONCIERGE_REMOTE_PORT:-12551}" CONCIERGE_MANAGEMENT_PORT="${CONCIERGE_MANAGEMENT_PORT:-18558}" \
      CONCIERGE_BASELINE_HTTP_PORT="${CONCIERGE_BASELINE_HTTP_PORT:-18090}" \
      exec "$CONCIERGE_HOME/bin/concierge" bench "$@"
  fi
  local what=$1; shift
  LOG_TAG=bench
  case "$what" in
    decisions) bench_decisions "$@" ;;
    ingestion) bench_ingestion "$@" ;;
    jmh) bench_jmh "$@" ;;
    footprint) bench_java "$BENCH_PKG.footprint.EntityFootprint" "$@" ;;
    *) usage_error bench_usage "unknown benchmark: $what" ;;
  esac
}

# bench_build [--no-build]: the whole project with the benchmarks module (-Pbenchmarks), tests skipped.
bench_build() {
  if [[ "${1:-}" == --no-build ]]; then
    [[ -f "$BENCH_CPFILE" ]] || die "--no-build, but the benchmarks were never built ($BENCH_CPFILE is missing)"
    return 0
  fi
  local logf="$STATE_DIR/build.log" t0; t0=$(now_ms)
  # package, not install: the classpath files name the reactor's own jars, and ~/.m2 stays as it is
  log "building with the benchmarks (mvn -B -q -Pbenchmarks -DskipTests package), log in $logf ..."
  (cd "$CONCIERGE_HOME" && mvn -B -q -Pbenchmarks -DskipTests package) > "$logf" 2>&1 < /dev/null \
    || { tail -40 "$logf" >&2; die "build failed (full log: $logf)"; }
  log "built in $(elapsed_s "$t0")"
}

# bench_build_for ARGS: builds before the harness parses a benchmark's ARGS, unless they hold --no-build or ask
# only for the help or the version of a harness already built. Looks at those flags alone: they take no value.
bench_build_for() {
  local arg
  for arg in "$@"; do
    case "$arg" in
      --no-build) bench_build --no-build; return 0 ;;
      -h|--help|-V|--version) [[ -f "$BENCH_CPFILE" ]] && return 0 ;;
    esac
  done
  bench_build
}

# bench_options BENCHMARK ARGS: BENCHMARK's options as the harness parses them (BenchOptions, picocli), defaults
# included, in BENCH_OPT[name] (the option's name without its dashes; durations in ms, e.g. 30000ms). Returns 1
# after printing the help or the version that ARGS asked for; exits 2 after a usage error, which the harness names.
declare -gA BENCH_OPT=()
bench_options() {
  local values="$STATE_DIR/bench-options.txt" rc=0 name value
  rm -f "$values"
  bench_java "$BENCH_PKG.BenchOptions" --values "$values" "$@" || rc=$?
  (( rc == 0 )) || exit "$rc"
  [[ -f "$values" ]] || return 1
  while IFS='=' read -r name value; do BENCH_OPT[$name]=$value; done < "$values"
}

bench_classpath() { echo "$BENCH_CLASSES:$(cat "$BENCH_CPFILE")"; }

# bench_wait COMMAND...: runs it as if in the foreground, but as a child we wait for, so that Ctrl-C
# reaches our exit trap at once (which stops it with everything else).
bench_wait() {
  local rc=0
  "$@" < /dev/null &
  BENCH_PIDS+=("$!")
  wait "$!" || rc=$?
  return "$rc"
}

# bench_java CLASS ARGS: a harness tool in the foreground, on the bench JVM with its own default flags.
bench_java() {
  local class=$1; shift
  bench_find_java
  bench_wait "$BENCH_JAVA" -cp "$(bench_classpath)" "$class" "$@"
}

bench_jmh() {
  (( $# )) || usage_error bench_usage "jmh needs a benchmark class, e.g. ScorerBenchmark"
  bench_java org.openjdk.jmh.Main "$@"
}

# The JDK and flags of both designs' JVMs: identical, so the ratio measures the design, not the GC.
bench_find_java() {
  [[ -n "${BENCH_JAVA:-}" ]] && return 0
  local home="${CONCIERGE_BENCH_JAVA_HOME:-}" candidate
  if [[ -z "$home" ]]; then
    for candidate in /usr/lib/jvm/temurin-25*; do [[ -x "$candidate/bin/java" ]] && { home=$candidate; break; }; done
  fi
  if [[ -n "$home" ]]; then
    BENCH_JAVA="$home/bin/java"
  else
    find_java17
    BENCH_JAVA="$JAVA"
  fi
  [[ -x "$BENCH_JAVA" ]] || die "no java at $BENCH_JAVA (CONCIERGE_BENCH_JAVA_HOME)"
  local major; major="$(java_major "$(dirname "$(dirname "$BENCH_JAVA")")")"
  local gc="-XX:+UseZGC"; (( ${major:-17} >= 21 )) && [[ ${BENCH_GC:-} != g1 ]] || gc="-XX:+UseG1GC"
  # shellcheck disable=SC2206  # flags are meant to be word-split
  BENCH_JVM_OPTS=(${CONCIERGE_BENCH_JVM_OPTS:--Xms$BENCH_HEAP -Xmx$BENCH_HEAP $gc -XX:+AlwaysPreTouch})
}

# Benchmarks run Cassandra with C2 (-XX:TieredStopAtLevel=4), which the launcher leaves out for a faster
# start: under a sustained write load C2 code costs Cassandra about 40 % less CPU per event, CPU that the
# designs under test share. CONCIERGE_CASSANDRA_JVM_OPTS, when set, is used instead.
bench_cassandra_c2() {
  export CONCIERGE_CASSANDRA_JVM_OPTS="${CONCIERGE_CASSANDRA_JVM_OPTS:--XX:TieredStopAtLevel=4}"
}

# bench_spawn NAME CLASS ARGS: a JVM of the benchmark in the background, with the bench flags; its log
# goes to $BENCH_LOGS/NAME.log. Sets BENCH_LAST_PID.
bench_spawn() {
  local name=$1 class=$2; shift 2
  "$BENCH_JAVA" "${BENCH_JVM_OPTS[@]}" -cp "$(bench_classpath)" "$class" "$@" > "$BENCH_LOGS/$name.log" 2>&1 < /dev/null &
  BENCH_LAST_PID=$!
  BENCH_PIDS+=("$BENCH_LAST_PID")
  log "$name: pid $BENCH_LAST_PID, log $BENCH_LOGS/$name.log"
}

bench_stop_all() {
  local pid
  for pid in "${BENCH_PIDS[@]}"; do alive "$pid" && stop_tree bench "$pid" 30; done
  BENCH_PIDS=()
}

# bench_wait_http NAME URL PID TIMEOUT_S: until URL answers 200, or fail when PID exits first.
bench_wait_http() {
  local name=$1 url=$2 pid=$3 timeout=$4 t0 deadline; t0=$(now_ms); deadline=$(( $(date +%s) + timeout ))
  until curl -sf -o /dev/null --max-time 2 "$url"; do
    alive "$pid" || die "$name exited during startup (log: $BENCH_LOGS/$name.log)"
    (( $(date +%s) < deadline )) || die "$name did not answer $url within ${timeout}s (log: $BENCH_LOGS/$name.log)"
    sleep 0.5
  done
  log "$name ready in $(elapsed_s "$t0")"
}

bench_decisions() {
  local t0; t0=$(now_ms)
  bench_build_for "$@"
  bench_options decisions "$@" || return 0
  TOTAL_T0=$t0
  local out="$CONCIERGE_HOME/benchmarks/target/bench" customers=${BENCH_OPT[customers]}
  mkdir -p "$out"
  BENCH_LOGS="$STATE_DIR/logs"; mkdir -p "$BENCH_LOGS"
  bench_find_java
  log "both designs run on $BENCH_JAVA ${BENCH_JVM_OPTS[*]}"

  STOP_STARTED_ON_EXIT=1
  bench_cassandra_c2
  services_start --clean "${ALL_SERVICES[@]}"
  services_start --clean redis
  services_export_env
  export CONCIERGE_ADMIN_TOKEN; CONCIERGE_ADMIN_TOKEN="$(random_token)"
  local bootstrap=$CONCIERGE_KAFKA_BOOTSTRAP ours="http://$HOST:$CONCIERGE_HTTP_PORT"
  local redis="http://$HOST:$CONCIERGE_BASELINE_HTTP_PORT"

  NODE_JAVA=$BENCH_JAVA
  app_run_setup dev
  "$BENCH_JAVA" "${BENCH_JVM_OPTS[@]}" -Dconfig.resource=dev.conf -cp "$(app_classpath)" "$APP_MAIN" \
    > "$BENCH_LOGS/node.log" 2>&1 < /dev/null &
  NODE_PID=$!
  log "node: pid $NODE_PID, log $BENCH_LOGS/node.log"
  bench_wait_http node "$ours/health/ready" "$NODE_PID" 180
  app_publish_bundles "$CONCIERGE_HTTP_PORT" "$CONCIERGE_ADMIN_TOKEN"

  local bundle="$APP_BUNDLES_DIR/$APP_DEV_BUNDLE.bundle"
  bench_spawn baseline-writer "$BENCH_PKG.baseline.FeatureWriter" --bootstrap "$bootstrap"
  local writer_pid=$BENCH_LAST_PID
  bench_spawn baseline-server "$BENCH_PKG.baseline.ModelServer" --bootstrap "$bootstrap" --bundle "$bundle"
  # each design's CPU: ours is the node and its journal, the baseline its server, its writer and Redis
  local baseline_cpu="redis=$BENCH_LAST_PID,$writer_pid,$(redis_pid)"
  bench_wait_http baseline-server "$redis/v1/customers/sim-c-1/features" "$BENCH_LAST_PID" 120

  local history=${BENCH_OPT[history]} background=${BENCH_OPT[background-rate]}
  log "history: $history events for $customers customers, as fast as Kafka takes them"
  bench_wait "$BENCH_JAVA" -cp "$(app_tools_classpath)" "$APP_TOOLS_MAIN" simulate --kafka --customers "$customers" --events "$history" \
    --seed 1 > "$BENCH_LOGS/history.log" 2>&1 || die "the history did not go into Kafka (log: $BENCH_LOGS/history.log)"
  bench_java "$BENCH_PKG.load.ConsumerLagWait" --bootstrap "$bootstrap" \
    --group concierge-ingestion --group concierge-baseline || die "the designs did not consume the history"

  log "background: $background events/s from the simulator while measuring"
  "$BENCH_JAVA" -cp "$(app_tools_classpath)" "$APP_TOOLS_MAIN" simulate --kafka --customers "$customers" --events 100000000 \
    --seed 2 --rate "$background" > "$BENCH_LOGS/background.log" 2>&1 < /dev/null &
  SIM_PID=$!

  bench_java "$BENCH_PKG.load.DecisionBenchmark" --target "ours=$ours" --target "redis=$redis" \
    --rates "${BENCH_OPT[rates]}" --duration "${BENCH_OPT[duration]}" --warmup "${BENCH_OPT[warmup]}" \
    --first-warmup "${BENCH_OPT[first-warmup]}" --runs "${BENCH_OPT[runs]}" --customers "$customers" --out "$out" \
    --cpu "ours=$NODE_PID,$(cassandra_pid)" --cpu "$baseline_cpu" --clock-ticks "$(getconf CLK_TCK)"
  bench_java "$BENCH_PKG.load.FreshnessBenchmark" --bootstrap "$bootstrap" --target "ours=$ours" \
    --target "redis=$redis" --samples "${BENCH_OPT[samples]}" --out "$out"
  [[ ${BENCH_OPT[no-wrk]} == true ]] || bench_wrk "${BENCH_OPT[wrk-rate]}" "$customers" "$ours" "$redis" "$out"
  log "done; tables and plots in $out"
}

# bench_wrk RATE CUSTOMERS OURS REDIS OUT: wrk near one step, for both designs, as a cross-check of the
# load generator (wrk is closed loop: a connection waits for its answer, then a delay that caps the rate).
bench_wrk() {
  local rate=$1 customers=$2 ours=$3 redis=$4 out=$5 connections=50 seconds=30
  command -v wrk >/dev/null || { log "installing wrk (Debian package)"; apt-get install -y -q wrk > /dev/null; }
  local delay_ms=$(( connections * 1000 / rate ))
  : > "$out/wrk.txt"
  local name url
  for name in ours redis; do
    [[ $name == ours ]] && url=$ours || url=$redis
    log "wrk against $name: $connections connections, ${delay_ms} ms between a connection's requests, ${seconds}s"
    { echo "## $name ($url), wrk -t2 -c$connections -d${seconds}s --latency, delay ${delay_ms} ms"
      BENCH_CUSTOMERS=$customers BENCH_WRK_DELAY_MS=$delay_ms \
        wrk -t2 "-c$connections" "-d${seconds}s" --latency -s "$CONCIERGE_HOME/benchmarks/wrk/decisions.lua" "$url"
    } >> "$out/wrk.txt" 2>&1
  done
  cat "$out/wrk.txt"
}

# bench_ingestion OPTIONS: see bench_usage. Each run: clean Kafka and Cassandra, the demo setup, the whole
# history into Kafka while no node consumes, then one node on the bench JVM; IngestionBenchmark measures it
# from its first commit until the group has committed the end of every partition.
bench_ingestion() {
  local t0; t0=$(now_ms)
  BENCH_HEAP=3g
  # G1, the node's own default: at full ingestion speed it used 18-25 % less node CPU per event than ZGC
  # (BENCHMARKS.md "Ingestion throughput")
  BENCH_GC=g1
  bench_build_for "$@"
  bench_options ingestion "$@" || return 0
  TOTAL_T0=$t0
  local label=${BENCH_OPT[label]} runs=${BENCH_OPT[runs]}
  [[ -n "$label" ]] || label="$(git -C "$CONCIERGE_HOME" rev-parse --short HEAD 2>/dev/null || echo current)"
  local out="$CONCIERGE_HOME/benchmarks/target/bench" port
  for port in "$CONCIERGE_HTTP_PORT" "$CONCIERGE_REMOTE_PORT" "$CONCIERGE_MANAGEMENT_PORT"; do
    require_free_port bench "$port" "is another bench running? Wait, or choose other ports (CONCIERGE_*_PORT)"
  done
  mkdir -p "$out"
  [[ ${BENCH_OPT[append]} == true ]] || rm -f "$out/ingestion-runs.csv" "$out/ingestion-offsets.csv"
  BENCH_LOGS="$STATE_DIR/logs"; mkdir -p "$BENCH_LOGS"
  bench_find_java
  NODE_JAVA=$BENCH_JAVA
  bench_cassandra_c2
  log "the node runs on $BENCH_JAVA ${BENCH_JVM_OPTS[*]}; Cassandra with $CONCIERGE_CASSANDRA_JVM_OPTS"
  STOP_STARTED_ON_EXIT=1
  local run
  for (( run = 1; run <= runs; run++ )); do
    bench_ingestion_run "$run" "$runs" "$label" "${BENCH_OPT[customers]}" "${BENCH_OPT[events]}" "${BENCH_OPT[seed]}" \
      "${BENCH_OPT[check]}" "$out"
  done
  log "done; tables in $out/ingestion.md, committed offsets over time in $out/ingestion-offsets.csv"
}

bench_ingestion_run() {
  local run=$1 runs=$2 label=$3 customers=$4 events=$5 seed=$6 check=$7 out=$8
  # --clean stops the previous run's services; the exit trap stops this run's, once
  STARTED_SERVICES=()
  services_start --clean "${ALL_SERVICES[@]}"
  services_export_env
  app_run_setup dev
  log "run $run/$runs: $events events of $customers customers (seed $seed) into Kafka, as fast as it takes them"
  bench_wait "$BENCH_JAVA" -cp "$(app_tools_classpath)" "$APP_TOOLS_MAIN" simulate --kafka --customers "$customers" --events "$events" \
    --seed "$seed" > "$BENCH_LOGS/history-$run.log" 2>&1 \
    || die "the history did not go into Kafka (log: $BENCH_LOGS/history-$run.log)"
  log "run $run/$runs: the node starts consuming; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  "$BENCH_JAVA" "${BENCH_JVM_OPTS[@]}" -Dconfig.resource=dev.conf -cp "$(app_classpath)" "$APP_MAIN" \
    > "$BENCH_LOGS/node-$run.log" 2>&1 < /dev/null &
  NODE_PID=$!
  log "node: pid $NODE_PID, log $BENCH_LOGS/node-$run.log"
  bench_java "$BENCH_PKG.ingestion.IngestionBenchmark" --bootstrap "$CONCIERGE_KAFKA_BOOTSTRAP" \
    --events "$events" --customers "$customers" --seed "$seed" --check "$check" \
    --node "http://$HOST:$CONCIERGE_HTTP_PORT" --pid "node=$NODE_PID" --pid "cassandra=$(cassandra_pid)" \
    --pid "kafka=$(kafka_pid)" --clock-ticks "$(getconf CLK_TCK)" --label "$label" --out "$out" \
    || die "run $run: the measurement or the count check failed (node log: $BENCH_LOGS/node-$run.log)"
  stop_tree node "$NODE_PID" 30
  NODE_PID=""
}
