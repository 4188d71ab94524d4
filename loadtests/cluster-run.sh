#!/usr/bin/env bash
# The scale run: a simulator cluster of --nodes processes and --injectors Gatling processes on this machine, one
# scenario (default: cluster-rolling-restart) with a fleet-wide verdict from the cluster's reconnect analytics.
# Every process is sampled (CPU, RSS, heap) and the nodes' open connections counted; the figures and each
# injector's verdict end up in loadtests/target/cluster-run/<time>/summary.txt. See docs/load-tests.md.
#
#   loadtests/cluster-run.sh                                  # 30,000 users, 3 nodes, 3 injectors
#   loadtests/cluster-run.sh --users 3000 --ramp 30s --duration 120s
#   loadtests/cluster-run.sh --scenario healthy --users 6000 -- -Dpolicy=immediate
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)

NODES=3
INJECTORS=3
USERS=30000
SCENARIO=cluster-rolling-restart
RAMP=120s
DURATION=300s
NODE_HEAP=2g
INJECTOR_HEAP=3g
BASE_PORT=18500
CLUSTER_PORT=5901
START_MARGIN=90
# On one machine the injectors share the cores with the nodes they measure: at normal priority they starved a
# restarting node (its closes took 12-14 s instead of 2, and the 30,000-client run failed its recovery SLO).
INJECTOR_NICE=10
BUILD=true

usage() {
  sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
  cat <<EOF
Options (defaults in brackets):
  --nodes N [$NODES]  --injectors N [$INJECTORS]  --users N (total) [$USERS]  --scenario NAME [$SCENARIO]
  --ramp D [$RAMP]  --duration D [$DURATION]  --node-heap H [$NODE_HEAP]  --injector-heap H [$INJECTOR_HEAP]
  --base-port P [$BASE_PORT] (node k serves ws on P+10(k-1), admin on P+10(k-1)+1)
  --cluster-port P [$CLUSTER_PORT]  --start-margin SECONDS [$START_MARGIN]  --no-build
  --injector-nice N [$INJECTOR_NICE] (the injectors' nice level: 0 runs them at the nodes' priority)
  -- -Dknob=value ...   passed to every injector (docs/load-tests.md lists the knobs)
EOF
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --nodes) NODES=$2; shift 2 ;;
    --injectors) INJECTORS=$2; shift 2 ;;
    --users) USERS=$2; shift 2 ;;
    --scenario) SCENARIO=$2; shift 2 ;;
    --ramp) RAMP=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --node-heap) NODE_HEAP=$2; shift 2 ;;
    --injector-heap) INJECTOR_HEAP=$2; shift 2 ;;
    --base-port) BASE_PORT=$2; shift 2 ;;
    --cluster-port) CLUSTER_PORT=$2; shift 2 ;;
    --start-margin) START_MARGIN=$2; shift 2 ;;
    --injector-nice) INJECTOR_NICE=$2; shift 2 ;;
    --no-build) BUILD=false; shift ;;
    -h|--help) usage; exit 0 ;;
    --) shift; break ;;
    *) echo "cluster-run: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
EXTRA=("$@")

for n in NODES INJECTORS USERS BASE_PORT CLUSTER_PORT START_MARGIN; do
  [[ ${!n} =~ ^[0-9]+$ ]] || { echo "cluster-run: --${n,,} must be a whole number, not '${!n}'" >&2; exit 2; }
done
[[ $INJECTOR_NICE =~ ^[0-9]+$ ]] && (( INJECTOR_NICE <= 19 )) || {
  echo "cluster-run: --injector-nice must be 0 to 19, not '$INJECTOR_NICE'" >&2; exit 2; }
(( NODES >= 1 && INJECTORS >= 1 && USERS >= INJECTORS )) || {
  echo "cluster-run: need at least 1 node, 1 injector and as many users as injectors" >&2; exit 2; }
FILES=$(ulimit -n)
PER_INJECTOR=$(( (USERS + INJECTORS - 1) / INJECTORS ))
if [[ $FILES != unlimited ]] && (( PER_INJECTOR > FILES - 1000 )); then
  echo "cluster-run: $PER_INJECTOR users per injector need more than the $FILES open files a process may have" \
    "here; use more --injectors" >&2
  exit 2
fi
if [[ $FILES != unlimited ]] && (( USERS / NODES > FILES - 2000 )); then
  echo "cluster-run: warning: about $(( USERS / NODES )) connections per node, near the limit of $FILES open" \
    "files per process; a node that takes more clients after a restart may refuse some" >&2
fi

OUT="$ROOT/loadtests/target/cluster-run/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
CLUSTER_NAME="wschaos-scale-$$"
JAR="$ROOT/simulator/server/target/wschaos.jar"
echo "cluster-run: $NODES nodes, $INJECTORS injectors (nice $INJECTOR_NICE), $USERS users, scenario $SCENARIO, ramp $RAMP, run $DURATION"
echo "cluster-run: output in $OUT"

CP_FILE="$ROOT/loadtests/target/test-classpath.txt"
if [[ $BUILD == true ]]; then
  echo "cluster-run: building (./mvnw package -DskipTests, and the injectors' classpath)"
  ./mvnw -B -ntp -q -pl loadtests -am package dependency:build-classpath -DskipTests \
    -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
fi
[[ -f $JAR ]] || { echo "cluster-run: $JAR is missing: run without --no-build" >&2; exit 2; }
[[ -f $CP_FILE ]] || { echo "cluster-run: $CP_FILE is missing: run without --no-build" >&2; exit 2; }
CP="$ROOT/loadtests/target/test-classes:$ROOT/loadtests/target/classes:$(cat "$CP_FILE")"

NODE_PIDS=()
INJECTOR_PIDS=()
SAMPLER_PID=
HEAP_PID=
cleanup() {
  [[ -n $SAMPLER_PID ]] && kill "$SAMPLER_PID" 2>/dev/null || true
  [[ -n $HEAP_PID ]] && kill "$HEAP_PID" 2>/dev/null || true
  for p in "${INJECTOR_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${NODE_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

ws_port() { echo $(( BASE_PORT + 10 * ($1 - 1) )); }
admin_port() { echo $(( BASE_PORT + 10 * ($1 - 1) + 1 )); }

for k in $(seq 1 "$NODES"); do
  # shellcheck disable=SC2086 # WSCHAOS_NODE_JAVA_OPTS: extra JVM options for the nodes, e.g. a JFR recording
  java "-Xmx$NODE_HEAP" -Dorg.slf4j.simpleLogger.log.dev.wschaos=info ${WSCHAOS_NODE_JAVA_OPTS:-} -jar "$JAR" \
    --cluster --cluster-name "$CLUSTER_NAME" --cluster-port "$CLUSTER_PORT" \
    --port "$(ws_port "$k")" --admin-port "$(admin_port "$k")" >"$OUT/node-$k.log" 2>&1 &
  NODE_PIDS+=($!)
done
ADMIN="http://127.0.0.1:$(admin_port 1)"

echo "cluster-run: waiting for $NODES nodes to form a cluster"
deadline=$(( $(date +%s) + 180 ))
until [[ $(curl -s --max-time 2 "$ADMIN/cluster" | jq -r '.nodes | length' 2>/dev/null) == "$NODES" ]]; do
  for k in "${!NODE_PIDS[@]}"; do
    kill -0 "${NODE_PIDS[$k]}" 2>/dev/null || { echo "cluster-run: node $((k + 1)) died:" >&2;
      tail -20 "$OUT/node-$((k + 1)).log" >&2; exit 1; }
  done
  (( $(date +%s) < deadline )) || { echo "cluster-run: no cluster of $NODES nodes after 180 s" >&2; exit 1; }
  sleep 1
done
curl -s "$ADMIN/cluster" | jq -c '.nodes[] | {index, ws: .urls.ws, admin: .urls.admin}'

heap_after_gc() {
  jcmd "$1" GC.run >/dev/null 2>&1 || return 0
  jstat -gc "$1" | awk 'NR==2 {printf "%d", $3 + $4 + $6 + $8}'
}
echo "node,open_connections,heap_after_gc_kib" >"$OUT/heap-empty.csv"
for k in $(seq 1 "$NODES"); do
  echo "node-$k,0,$(heap_after_gc "${NODE_PIDS[$((k - 1))]}")" >>"$OUT/heap-empty.csv"
done

START_AT=$(( $(date +%s%3N) + START_MARGIN * 1000 ))
echo "cluster-run: injectors start together at $(date -d "@$(( START_AT / 1000 ))" +%H:%M:%S)"
for k in $(seq 1 "$INJECTORS"); do
  nice -n "$INJECTOR_NICE" java "-Xmx$INJECTOR_HEAP" --add-opens=java.base/java.lang=ALL-UNNAMED -cp "$CP" \
    -Dgatling.data.enableAnalytics=false "-Dwschaos.reportDir=$OUT" \
    "-Dscenario=$SCENARIO" "-Dusers=$USERS" "-Dramp=$RAMP" "-Dduration=$DURATION" -Dtarget=cluster \
    "-Dadmin=$ADMIN" "-Dinjector=$k/$INJECTORS" "-DstartAt=$START_AT" "${EXTRA[@]}" \
    io.gatling.app.Gatling --simulation dev.wschaos.loadtests.ChaosSimulation \
    --results-folder "$OUT/gatling-injector-$k" >"$OUT/injector-$k.log" 2>&1 &
  INJECTOR_PIDS+=($!)
done

# Samples every 5 s: time, process, CPU seconds, RSS KiB, heap used KiB, open connections (nodes).
sample() {
  local name=$1 pid=$2 open=$3 cpu rss heap
  read -r cpu rss < <(ps -o cputimes=,rss= -p "$pid" 2>/dev/null) || return 0
  heap=$(jstat -gc "$pid" 2>/dev/null | awk 'NR==2 {printf "%d", $3 + $4 + $6 + $8}')
  echo "$(date +%s),$name,$cpu,$rss,${heap:-},$open" >>"$OUT/samples.csv"
}
(
  echo "time,process,cpu_seconds,rss_kib,heap_used_kib,open_connections" >"$OUT/samples.csv"
  while true; do
    for k in $(seq 1 "$NODES"); do
      open=$(curl -s --max-time 2 "http://127.0.0.1:$(admin_port "$k")/health" | jq -r '.openConnections // ""' \
        2>/dev/null || true)
      sample "node-$k" "${NODE_PIDS[$((k - 1))]}" "$open"
    done
    for k in $(seq 1 "$INJECTORS"); do
      sample "injector-$k" "${INJECTOR_PIDS[$((k - 1))]}" ""
    done
    sleep 5
  done
) &
SAMPLER_PID=$!

# Heap after a full GC with the ramped-up fleet held, 10 s after the ramp (before the scenario's fleet actions).
RAMP_MS=$(python3 -c "import re,sys; v='$RAMP'; m=re.fullmatch(r'(\d+)(ms|s|m)?', v); \
print(int(m.group(1)) * {'ms': 1, 's': 1000, 'm': 60000, None: 1000}[m.group(2)]) if m else sys.exit(1)") || {
  echo "cluster-run: --ramp $RAMP: use e.g. 120s, 2m or 500ms" >&2; exit 2; }
(
  wait_ms=$(( START_AT + RAMP_MS + 10000 - $(date +%s%3N) ))
  (( wait_ms > 0 )) && sleep "$(( wait_ms / 1000 ))"
  echo "node,open_connections,heap_after_gc_kib" >"$OUT/heap-after-gc.csv"
  for k in $(seq 1 "$NODES"); do
    heap=$(heap_after_gc "${NODE_PIDS[$((k - 1))]}")
    open=$(curl -s --max-time 2 "http://127.0.0.1:$(admin_port "$k")/health" | jq -r '.openConnections')
    echo "node-$k,$open,$heap" >>"$OUT/heap-after-gc.csv"
  done
) &
HEAP_PID=$!

FAILED=0
for k in "${!INJECTOR_PIDS[@]}"; do
  if wait "${INJECTOR_PIDS[$k]}"; then
    echo "cluster-run: injector $((k + 1)) finished: PASSED"
  else
    echo "cluster-run: injector $((k + 1)) finished: FAILED (see $OUT/injector-$((k + 1)).log)"
    FAILED=1
  fi
done
INJECTOR_PIDS=()
kill "$SAMPLER_PID" 2>/dev/null || true
SAMPLER_PID=

{ python3 "$ROOT/loadtests/cluster-run-summary.py" "$OUT" "$NODES" "$INJECTORS"
  echo "injectors ran at nice $INJECTOR_NICE, the nodes at the shell's priority"; } | tee "$OUT/summary.txt"
echo "cluster-run: fleet verdict: $([[ $FAILED == 0 ]] && echo PASSED || echo FAILED) ($OUT/summary.txt)"
exit $FAILED
