#!/usr/bin/env bash
# Benchmark: speed of the rule engine (ScoringEngine.score) on the official catalogue, both bases.
#
# Compiles deploy/bench/engine/src (outside every Maven module, so it never runs with the tests) against
# the compiled classes of scoring-service and events, the Jackson jars and JMH 1.37 from the local Maven
# repository, into a temporary directory, and runs it.
#   jmh   (default) JMH: 1 fork, 5 × 2 s warm-up, 5 × 2 s measurement; latency: SampleTime (mean, p50, p99 per call)
#         and throughput: Throughput (calls/s), for basis CONFIRMED and PROJECTED. Extra arguments go to JMH
#         (e.g. -wi 3 -i 3 -f 1, or -rf json -rff /tmp/engine.json).
#   plain a plain main (EngineBench): warm-up, then every call timed; arguments: [warm-up seconds, 10]
#         [timed calls per basis, 20000]. Also prints the evidence set, the totals and bytes allocated per call.
#
# Needs scoring-service and events compiled (target/classes), e.g.
#   mvn -B -q -o package -DskipTests -pl events,scoring-service
# and JMH in ~/.m2 once (from Maven Central):
#   mvn -B -q dependency:get -Dartifact=org.openjdk.jmh:jmh-generator-annprocess:1.37
# Usage: deploy/bench/engine-bench.sh [jmh|plain] [arguments]
# Environment: JACKSON_VERSION [2.21.2], JACKSON_ANNOTATIONS_VERSION [2.21], JMH_VERSION [1.37],
#              M2 [~/.m2/repository], BENCH_JAVA_OPTS [-Xms512m -Xmx512m] (plain mode; JMH forks with the same)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
MODE=${1:-jmh}
[[ $# -gt 0 ]] && shift
M2=${M2:-$HOME/.m2/repository}
JV=${JACKSON_VERSION:-2.21.2}
JAV=${JACKSON_ANNOTATIONS_VERSION:-2.21}
JMHV=${JMH_VERSION:-1.37}
J=$M2/com/fasterxml/jackson/core

die() { echo "engine-bench: $*" >&2; exit 1; }

CP=(
    "$ROOT/scoring-service/target/classes"
    "$ROOT/events/target/classes"
    "$J/jackson-databind/$JV/jackson-databind-$JV.jar"
    "$J/jackson-core/$JV/jackson-core-$JV.jar"
    "$J/jackson-annotations/$JAV/jackson-annotations-$JAV.jar"
    "$M2/org/openjdk/jmh/jmh-core/$JMHV/jmh-core-$JMHV.jar"
    "$M2/net/sf/jopt-simple/jopt-simple/5.0.4/jopt-simple-5.0.4.jar"
    "$M2/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar"
)
PROCESSOR="$M2/org/openjdk/jmh/jmh-generator-annprocess/$JMHV/jmh-generator-annprocess-$JMHV.jar"

[[ -f $ROOT/scoring-service/target/classes/cn/nmsdz/scoring/domain/engine/ScoringEngine.class ]] ||
    die "scoring-service is not compiled: mvn -B -q -o package -DskipTests -pl scoring-service"
[[ -d $ROOT/events/target/classes/cn/nmsdz/events/catalogue ]] ||
    die "events is not compiled: mvn -B -q -o install -DskipTests -pl events"
for jar in "${CP[@]:2}" "$PROCESSOR"; do
    [[ -f $jar ]] || die "missing $jar (mvn -B -q dependency:get -Dartifact=org.openjdk.jmh:jmh-generator-annprocess:$JMHV; or set JACKSON_VERSION / M2)"
done
CLASSPATH_STR=$(IFS=:; echo "${CP[*]}")

OUT=$(mktemp -d /tmp/nmsdz-bench-engine.XXXXXX)
trap 'rm -rf "$OUT"' EXIT
javac -nowarn -d "$OUT" -cp "$CLASSPATH_STR" -processorpath "$PROCESSOR:${CP[5]}:${CP[6]}:${CP[7]}" \
    $(find "$ROOT/deploy/bench/engine/src" -name '*.java')

cd "$ROOT"
CATALOGUE="$ROOT/indicator-service/src/main/resources/catalogue/nmsdz-v1.json"
case "$MODE" in
    jmh)
        # the forked JVM gets the catalogue path through -jvmArgsAppend
        java -cp "$OUT:$CLASSPATH_STR" org.openjdk.jmh.Main cn.nmsdz.bench.EngineJmh \
            -jvmArgsAppend "-Dbench.catalogue=$CATALOGUE" "$@"
        ;;
    plain)
        # shellcheck disable=SC2086
        java ${BENCH_JAVA_OPTS:--Xms512m -Xmx512m} -cp "$OUT:$CLASSPATH_STR" -Dbench.catalogue="$CATALOGUE" \
            -Dbench.warmup="${1:-10}" -Dbench.iterations="${2:-20000}" cn.nmsdz.bench.EngineBench
        ;;
    *) die "usage: deploy/bench/engine-bench.sh [jmh|plain] [arguments]" ;;
esac
