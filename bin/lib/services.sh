# shellcheck shell=bash
# services.sh - start/stop/status of Kafka and Cassandra together, and of Redis when asked for. Sourced
# by bin/concierge, after common.sh, kafka.sh, cassandra.sh and redis.sh. Service names: kafka,
# cassandra (the default set) and redis (the benchmarks' baseline only).

# Services launched by this invocation (bin/concierge's exit trap stops these where asked to).
STARTED_SERVICES=()
# The background Kafka readiness wait while services_start runs (so an exit trap can end it).
KAFKA_WAIT_PID=""

# services_start [--clean] SERVICE...: start the given services (in parallel), idempotently, and wait
# until each really answers. Fails before launching anything if a port is taken or Java 17 is missing.
services_start() {
  local clean=0
  if [[ "${1:-}" == --clean ]]; then clean=1; shift; fi
  local svcs=("$@") svc t0 to_launch=() to_wait=()
  t0=$(now_ms)

  # 1. what is already up; --clean stops it first
  for svc in "${svcs[@]}"; do
    local pid; pid="$("${svc}_pid")"
    if [[ -n "$pid" && $clean == 1 ]]; then
      slog "$svc" "--clean: stopping the running $svc first"
      "${svc}_stop"; pid=""
    fi
    "${svc}_ports"
    if [[ -n "$pid" ]]; then
      to_wait+=("$svc")
    else
      to_launch+=("$svc")
    fi
  done
  # Kafka and Cassandra are JVMs; Redis is not
  if [[ " ${to_launch[*]} " == *" kafka "* || " ${to_launch[*]} " == *" cassandra "* ]]; then find_java17; fi

  # 2. everything that can fail without side effects, before launching anything
  for svc in "${to_launch[@]}"; do "${svc}_preflight"; done
  if [[ " ${to_launch[*]} " == *" kafka "* && " ${to_launch[*]} " == *" cassandra "* ]]; then
    local p q
    for p in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
      for q in "$CASSANDRA_PORT" "$CASSANDRA_STORAGE_PORT"; do
        [[ "$p" != "$q" ]] || die "Kafka and Cassandra are both configured to use port $p (see CONCIERGE_*_PORT)"
      done
    done
  fi
  for svc in "${to_launch[@]}"; do "${svc}_prepare"; done
  if (( clean )); then for svc in "${to_launch[@]}"; do "${svc}_clean"; done; fi

  # 3. launch; Cassandra first (slower to boot), Kafka formats its storage meanwhile
  local k_pid="" k_t0="" c_pid="" c_t0="" r_pid="" r_t0=""
  if [[ " ${to_launch[*]} " == *" cassandra "* ]]; then
    c_t0=$(now_ms); cassandra_launch; c_pid=$CASSANDRA_LAUNCHED_PID; STARTED_SERVICES+=(cassandra)
  fi
  if [[ " ${to_launch[*]} " == *" kafka "* ]]; then
    k_t0=$(now_ms); kafka_launch; k_pid=$KAFKA_LAUNCHED_PID; STARTED_SERVICES+=(kafka)
  fi
  if [[ " ${to_launch[*]} " == *" redis "* ]]; then
    r_t0=$(now_ms); redis_launch; r_pid=$REDIS_LAUNCHED_PID; STARTED_SERVICES+=(redis)
  fi

  # 4. wait until each answers; the Kafka probe (a JVM) runs in the background meanwhile
  for svc in "${to_wait[@]}"; do
    case $svc in
      kafka) k_pid="$(kafka_pid)"; k_t0=already ;;
      cassandra) c_pid="$(cassandra_pid)"; c_t0=already ;;
      redis) r_pid="$(redis_pid)"; r_t0=already ;;
    esac
  done
  [[ -n "$k_pid" ]] && find_java17 && { [[ -f "$KAFKA_PROBE_DIR/KafkaProbe.class" ]] || kafka_prepare; }
  local failed=()
  if [[ -n "$k_pid" ]]; then kafka_wait_ready "$k_pid" "$k_t0" & KAFKA_WAIT_PID=$!; fi
  if [[ -n "$c_pid" ]]; then (cassandra_wait_ready "$c_pid" "$c_t0") || failed+=(cassandra); fi
  if [[ -n "$r_pid" ]]; then (redis_wait_ready "$r_pid" "$r_t0") || failed+=(redis); fi
  if [[ -n "$KAFKA_WAIT_PID" ]]; then wait "$KAFKA_WAIT_PID" || failed+=(kafka); KAFKA_WAIT_PID=""; fi
  (( ${#failed[@]} == 0 )) || die "could not start: ${failed[*]}"

  services_write_env
  log "services up in $(elapsed_s "$t0"): ${svcs[*]} (env: $SERVICES_ENV)"
}

services_stop() {
  local svc pids=() rc=0
  # stop in parallel; each stop waits for its process to be gone
  for svc in "$@"; do "${svc}_stop" & pids+=($!); done
  for svc in "${pids[@]}"; do wait "$svc" || rc=1; done
  services_write_env
  return $rc
}

services_status() {
  local svc rc=0
  for svc in "$@"; do "${svc}_status" || rc=1; done
  return $rc
}

# Rewrite $STATE_DIR/services.env for the services that are running now (removed when none is).
services_write_env() {
  local lines=()
  if [[ -n "$(kafka_pid)" ]]; then kafka_ports; lines+=("CONCIERGE_KAFKA_BOOTSTRAP=$KAFKA_BOOTSTRAP"); fi
  if [[ -n "$(cassandra_pid)" ]]; then cassandra_ports; lines+=("CONCIERGE_CASSANDRA_CONTACT_POINT=$CASSANDRA_CONTACT_POINT"); fi
  if [[ -n "$(redis_pid)" ]]; then redis_ports; lines+=("CONCIERGE_REDIS_URI=$REDIS_URI"); fi
  if (( ${#lines[@]} )); then
    mkdir -p "$STATE_DIR"
    printf '%s\n' "# written by bin/concierge services start; the addresses of the running local services" "${lines[@]}" \
      > "$SERVICES_ENV"
  else
    rm -f "$SERVICES_ENV"
  fi
}

# Export CONCIERGE_KAFKA_BOOTSTRAP / CONCIERGE_CASSANDRA_CONTACT_POINT for the running services, and
# CONCIERGE_REDIS_URI when Redis runs.
services_export_env() {
  kafka_ports; cassandra_ports
  export CONCIERGE_KAFKA_BOOTSTRAP="$KAFKA_BOOTSTRAP"
  export CONCIERGE_CASSANDRA_CONTACT_POINT="$CASSANDRA_CONTACT_POINT"
  if [[ -n "$(redis_pid)" ]]; then redis_ports; export CONCIERGE_REDIS_URI="$REDIS_URI"; fi
}
