#!/usr/bin/env bash
# The whole benchmark, one command, on this machine only (127.0.0.1): builds the jars, starts embedded PostgreSQL,
# booking-api (demo clinics), the stub model and the voice gateway, runs the load at 50, 200 and 1,000 concurrent
# calls, then booking-api's own load, and writes benchmarks/results.md and benchmarks/latency.svg.
# Stops by itself (about 7 minutes). Options: see benchmarks/README.md (e.g. -Dbench.levels=50,200).
# SKIP_BUILD=1 uses the jars already built.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME="$(scripts/jdk25)"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
if [ "${SKIP_BUILD:-0}" != "1" ]; then
  ./mvnw -q -B package -DskipTests
fi
exec java -Xmx512m -Ddentaldesk.root="$PWD" "$@" -cp local-stack/target/local-stack.jar com.dentaldesk.localstack.Benchmarks
