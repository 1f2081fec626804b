# shellcheck shell=bash
# common.sh - shared helpers for bin/concierge: logging, paths, ports, Java 17 lookup, process control.
# Sourced by bin/concierge after it has set CONCIERGE_HOME (the repository root).

HOST=127.0.0.1
STATE_DIR="${CONCIERGE_STATE_DIR:-$CONCIERGE_HOME/.concierge}"
case "$STATE_DIR" in /*) ;; *) STATE_DIR="$PWD/$STATE_DIR" ;; esac
SERVICES_ENV="$STATE_DIR/services.env"

# ---------------------------------------------------------------- logging --
# Everything but a command's real result goes to stderr, one short prefixed line at a time.
LOG_TAG=concierge
log()  { printf '[%s] %s\n' "$LOG_TAG" "$*" >&2; }
warn() { printf '[%s] WARNING: %s\n' "$LOG_TAG" "$*" >&2; }
die()  { printf '[%s] ERROR: %s\n' "$LOG_TAG" "$*" >&2; exit 1; }
# per-service variants: slog kafka "message"
slog() { local tag=$1; shift; printf '[%s] %s\n' "$tag" "$*" >&2; }
sdie() { local tag=$1; shift; printf '[%s] ERROR: %s\n' "$tag" "$*" >&2; exit 1; }

now_ms() { date +%s%3N; }
# elapsed_s START_MS -> "4.2s"
elapsed_s() { local d=$(( $(now_ms) - $1 )); printf '%d.%ds' $(( d / 1000 )) $(( d % 1000 / 100 )); }

# -------------------------------------------------------- Debian packages --
# debian_install TAG LOGFILE PACKAGE...: installs Debian packages with apt-get (as root), for the parts that
# come from the machine (redis-server, nodejs, npm). The package lists may be missing or stale on a fresh
# machine: a failed install updates them once and tries again.
debian_install() {
  local tag=$1 logf=$2; shift 2
  command -v apt-get > /dev/null || sdie "$tag" "$* missing and there is no apt-get to install them; install them yourself"
  [[ "$(id -u)" == 0 ]] || sdie "$tag" "$* missing; install as root: apt-get install -y $*"
  local t0; t0=$(now_ms)
  mkdir -p "$(dirname "$logf")"
  slog "$tag" "installing $* with apt-get (first run only), log in $logf"
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y "$@" > "$logf" 2>&1; then
    { DEBIAN_FRONTEND=noninteractive apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y "$@"; } \
      >> "$logf" 2>&1 || { tail -20 "$logf" >&2; sdie "$tag" "apt-get could not install $* (log: $logf)"; }
  fi
  slog "$tag" "installed $* in $(elapsed_s "$t0")"
}

# node_prepare: Node.js and npm for the JavaScript SDK's tests (Debian's nodejs and npm when missing)
node_prepare() {
  command -v node > /dev/null && command -v npm > /dev/null && return 0
  debian_install node "$STATE_DIR/logs/apt-get-node.log" nodejs npm
  command -v npm > /dev/null || sdie node "apt-get installed nodejs and npm, but there is no npm on PATH"
}

# browser_prepare: Debian's Chromium for the browser tests, which Playwright (playwright-core, which never
# downloads a browser) launches by its path; sets CONCIERGE_CHROMIUM to that path
browser_prepare() {
  local path="${CONCIERGE_CHROMIUM:-$(command -v chromium || true)}"
  if [[ -z "$path" ]]; then
    debian_install browser "$STATE_DIR/logs/apt-get-chromium.log" chromium
    path="$(command -v chromium || true)"
    [[ -n "$path" ]] || sdie browser "apt-get installed chromium, but there is no chromium on PATH"
  fi
  export CONCIERGE_CHROMIUM="$path"
}

# ----------------------------------------------------------------- ports --
# port_env NAME DEFAULT: the value of env NAME (or DEFAULT), validated as a TCP port number.
port_env() {
  local name=$1 def=$2 val
  val="${!name:-$def}"
  if ! [[ "$val" =~ ^[0-9]+$ ]] || (( val < 1 || val > 65535 )); then
    die "$name='$val' is not a valid TCP port (1-65535)"
  fi
  echo "$val"
}

# true if something accepts TCP connections on 127.0.0.1:PORT
port_in_use() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

# who_listens PORT -> e.g. 'python3 (pid 1234)', or nothing when ss cannot tell
who_listens() {
  command -v ss >/dev/null || return 0
  ss -Hltnp "sport = :$1" 2>/dev/null | sed -n 's/.*users:(("\([^"]*\)",pid=\([0-9]*\).*/\1 (pid \2)/p' | head -1
}

# require_free_port TAG PORT HINT: fail clearly if the port is taken (never falls back to a random port)
require_free_port() {
  local tag=$1 port=$2 hint=$3 who
  port_in_use "$port" || return 0
  who="$(who_listens "$port")"
  sdie "$tag" "port $HOST:$port is already in use${who:+ by $who}; $hint"
}

# --------------------------------------------------------------- java 17 --
# java_major JAVA_HOME -> feature version (8, 11, 17, 25...), from the release file or by asking the JVM
java_major() {
  local home=$1 v=""
  if [[ -f "$home/release" ]]; then
    v="$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")"
  fi
  if [[ -z "$v" && -x "$home/bin/java" ]]; then
    v="$("$home/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}')"
  fi
  v="${v#1.}"; echo "${v%%[.+-]*}"
}

# find_java17: sets JAVA17_HOME and JAVA (…/bin/java). Kafka 4.x needs 17+, Cassandra 5.0 needs 11 or 17
# (it fails on 21+), so both run on exactly 17. Looks at, in order: CONCIERGE_JAVA17_HOME (must be right
# when given), JAVA_HOME, java on PATH, /usr/lib/jvm/*17*.
find_java17() {
  [[ -n "${JAVA17_HOME:-}" ]] && return 0
  local need="Kafka 4.4 and Cassandra 5.0 need Java 17 (Cassandra 5.0 does not start on Java 21+)"
  if [[ -n "${CONCIERGE_JAVA17_HOME:-}" ]]; then
    local h=$CONCIERGE_JAVA17_HOME m
    [[ -x "$h/bin/java" ]] || die "CONCIERGE_JAVA17_HOME=$h has no bin/java. $need."
    m="$(java_major "$h")"
    [[ "$m" == 17 ]] || die "CONCIERGE_JAVA17_HOME=$h is Java ${m:-unknown}, but $need. Point it at a JDK 17 (Debian: apt-get install openjdk-17-jdk-headless)."
    JAVA17_HOME=$h; JAVA=$h/bin/java; return 0
  fi
  local found=() cand h m path_java
  path_java="$(command -v java 2>/dev/null || true)"
  [[ -n "$path_java" ]] && path_java="$(dirname "$(dirname "$(readlink -f "$path_java")")")"
  for cand in ${JAVA_HOME:+"$JAVA_HOME"} ${path_java:+"$path_java"} /usr/lib/jvm/*17*; do
    h="${cand%/}"
    [[ -x "$h/bin/java" ]] || continue
    m="$(java_major "$h")"
    if [[ "$m" == 17 ]]; then
      (( ${#found[@]} )) && log "not using ${found[*]}; using $h (Java 17)"
      JAVA17_HOME=$h; JAVA=$h/bin/java; return 0
    fi
    found+=("$h (Java ${m:-?})")
  done
  local jvms=(/usr/lib/jvm/*/)
  [[ -e "${jvms[0]}" ]] || jvms=()
  die "no Java 17 found. $need. Looked at JAVA_HOME, java on PATH and /usr/lib/jvm/*17*; found: ${found[*]:-nothing}${jvms[*]:+ (in /usr/lib/jvm: ${jvms[*]})}. Install a JDK 17 (Debian: apt-get install openjdk-17-jdk-headless) or set CONCIERGE_JAVA17_HOME."
}

# ------------------------------------------------------- maven classpath --
# resolve_classpath TAG CPFILE POMDIR 'g:a:v g:a:v ...'
# Writes a tiny pom with the given dependencies and lets Maven build their runtime classpath into CPFILE
# (first run downloads from Maven Central; later runs reuse CPFILE while every jar in it still exists).
resolve_classpath() {
  local tag=$1 cpfile=$2 pomdir=$3 deps=$4 jar jars=() ok=1
  if [[ -s "$cpfile" ]]; then
    IFS=: read -r -a jars < "$cpfile" || true   # Maven writes no trailing newline
    for jar in "${jars[@]}"; do [[ -f "$jar" ]] || { ok=0; break; }; done
    (( ok )) && return 0
  fi
  command -v mvn >/dev/null || sdie "$tag" "mvn not found (needed once to fetch the $tag jars from Maven Central)"
  mkdir -p "$pomdir"
  {
    echo '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
    echo "  <groupId>dev.concierge.local</groupId><artifactId>$tag-runtime</artifactId><version>1</version><packaging>pom</packaging>"
    echo '  <dependencies>'
    local d g a v
    for d in $deps; do
      IFS=: read -r g a v <<< "$d"
      echo "    <dependency><groupId>$g</groupId><artifactId>$a</artifactId><version>$v</version></dependency>"
    done
    echo '  </dependencies>'
    echo '</project>'
  } > "$pomdir/pom.xml"
  slog "$tag" "resolving jars with Maven (first run only): $deps"
  local t0; t0=$(now_ms)
  if ! mvn -B -q -f "$pomdir/pom.xml" dependency:build-classpath -Dmdep.includeScope=runtime \
        "-Dmdep.outputFile=$cpfile.tmp" > "$pomdir/mvn.log" 2>&1; then
    tail -30 "$pomdir/mvn.log" >&2
    sdie "$tag" "Maven could not resolve the $tag jars (full log: $pomdir/mvn.log)"
  fi
  mv "$cpfile.tmp" "$cpfile"
  slog "$tag" "jars resolved in $(elapsed_s "$t0")"
}

# ------------------------------------------------------------- processes --
# pid_matching PIDFILE PATTERN: prints the pid from PIDFILE if that process is alive and its command line
# contains PATTERN (guards against pid reuse); removes the pid file only once its process is gone, since
# a process launched a moment ago may not have exec'd its command yet (its command line is still bash's)
pid_matching() {
  local pidfile=$1 pattern=$2 pid
  [[ -f "$pidfile" ]] || return 0
  pid="$(cat "$pidfile" 2>/dev/null || true)"
  if ! [[ "$pid" =~ ^[0-9]+$ ]] || ! alive "$pid"; then
    rm -f "$pidfile"
  elif tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$pattern"; then
    echo "$pid"
  fi
}

# alive PID: the process exists and is not a zombie
alive() {
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }"          # drop "pid (comm) ", comm may contain spaces
  [[ "${stat%% *}" != Z ]]
}

# stop_pid TAG PID TIMEOUT_S: SIGTERM, wait up to TIMEOUT_S, then SIGKILL; waits until the process is gone.
stop_pid() {
  local tag=$1 pid=$2 timeout=$3 t0 i=0
  t0=$(now_ms)
  kill -TERM "$pid" 2>/dev/null || return 0
  kill -CONT "$pid" 2>/dev/null || true      # a stopped (SIGSTOP/Ctrl-Z) process could not act on the SIGTERM
  while alive "$pid"; do
    if (( i == timeout * 10 )); then
      slog "$tag" "pid $pid still alive after ${timeout}s, sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    sleep 0.1; i=$(( i + 1 ))
  done
  slog "$tag" "stopped (pid $pid) in $(elapsed_s "$t0")"
}

# stop_service NAME PIDFILE TIMEOUT_S HOW: stop the service whose NAME_pid is running (SIGTERM, then SIGKILL
# after TIMEOUT_S; HOW says what SIGTERM makes it do), and forget its pid file
stop_service() {
  local name=$1 pidfile=$2 timeout=$3 how=$4 pid
  pid="$("${name}_pid")"
  if [[ -z "$pid" ]]; then slog "$name" "not running"; return 0; fi
  slog "$name" "stopping pid $pid ($how)"
  stop_pid "$name" "$pid" "$timeout"
  rm -f "$pidfile"
}

# wait_answering NAME PID START_MS|already ADDRESS WHAT MAIN_LOG PROBE [ARGS...]: wait until the command PROBE
# ARGS succeeds (it prints what it found, e.g. a release), then log that NAME answers on ADDRESS. When the
# process exits first, or NAME_START_TIMEOUT (seconds, e.g. REDIS_START_TIMEOUT) runs out, show MAIN_LOG
# and fail: a service this command launched is stopped, one launched before is left alone. WHAT names the
# probe in messages (CQL, PING). Reads NAME_STOP_TIMEOUT, NAME_PIDFILE and NAME_LOGS too.
wait_answering() {
  local name=$1 pid=$2 t0=$3 address=$4 what=$5 main_log=$6 upper=${1^^} answer said=0
  shift 6
  local start_timeout="${upper}_START_TIMEOUT" stop_timeout="${upper}_STOP_TIMEOUT" pidfile="${upper}_PIDFILE" logs="${upper}_LOGS"
  local deadline=$(( $(date +%s) + ${!start_timeout} ))
  until answer="$("$@" 2>/dev/null)"; do
    if [[ "$t0" == already && $said == 0 ]]; then
      slog "$name" "running (pid $pid) but not answering $what yet, waiting"; said=1
    fi
    if ! alive "$pid"; then
      rm -f "${!pidfile}"
      tail -20 "$main_log" "${!logs}/stdout.log" >&2 2>/dev/null || true
      sdie "$name" "$name exited during startup (logs: ${!logs})"
    fi
    if (( $(date +%s) >= deadline )); then
      tail -20 "$main_log" >&2 || true
      [[ "$t0" == already ]] && sdie "$name" "running (pid $pid) but not answering $what after ${!start_timeout}s; try: bin/concierge services stop $name"
      stop_pid "$name" "$pid" "${!stop_timeout}"; rm -f "${!pidfile}"
      sdie "$name" "$what not answering after ${!start_timeout}s (logs: ${!logs})"
    fi
    sleep 0.1
  done
  # two launches racing for one port: ours may have exited while another process answers there
  alive "$pid" || { rm -f "${!pidfile}"; sdie "$name" "pid $pid exited, and another process answers on $address (logs: ${!logs})"; }
  if [[ "$t0" == already ]]; then
    slog "$name" "already running (pid $pid) and answering on $address ($answer)"
  else
    slog "$name" "ready on $address in $(elapsed_s "$t0") ($answer)"
  fi
}

# service_status NAME ADDRESS WHAT PROBE [ARGS...]: NAME's one status line on stdout: stopped, running and
# answering (with what PROBE ARGS printed), or running but NOT answering WHAT; returns 0 only when it answers.
service_status() {
  local name=$1 address=$2 what=$3 pid answer
  shift 3
  pid="$("${name}_pid")"
  if [[ -z "$pid" ]]; then printf '%-10s stopped\n' "$name"; return 1; fi
  if answer="$("$@" 2>/dev/null)"; then
    printf '%-10s running  pid %-7s %-16s rss %4s MiB  answering (%s)\n' "$name" "$pid" "$address" "$(rss_mib "$pid")" "$answer"
  else
    printf '%-10s running  pid %-7s %-16s rss %4s MiB  NOT answering%s\n' "$name" "$pid" "$address" "$(rss_mib "$pid")" "${what:+ $what}"
    return 1
  fi
}

# descendants PID: all descendant pids, deepest first
descendants() {
  local child
  for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do
    descendants "$child"; echo "$child"
  done
}

# stop_tree TAG PID TIMEOUT_S: stop a process we forked and anything it forked (e.g. Maven's test JVMs).
stop_tree() {
  local tag=$1 pid=$2 timeout=$3 kids
  alive "$pid" || return 0
  kids="$(descendants "$pid")"
  stop_pid "$tag" "$pid" "$timeout"
  local k
  for k in $kids; do alive "$k" && stop_pid "$tag" "$k" 5; done
  return 0
}

# kill_tree PID: SIGTERM a helper process and its descendants, without waiting or logging
kill_tree() { local p; for p in $(descendants "$1") "$1"; do kill -TERM "$p" 2>/dev/null || true; done; }

# rss_mib PID -> resident set size in MiB
rss_mib() { awk '/^VmRSS:/ {printf "%d", $2 / 1024}' "/proc/$1/status" 2>/dev/null; }
