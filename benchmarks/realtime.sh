#!/usr/bin/env bash
# The gateway's real-time path (issue 13): 200, 1,000 and 2,000 concurrent calls x 5 turns against a stub model that
# answers after 200 ms with 12 one-word tokens 10 ms apart and no sentence end, pings every 2 s, no tool calls and
# no barge-ins (so a peer without tools takes the same load). Everything on 127.0.0.1; stops by itself (~6 min).
# Writes benchmarks/realtime/results.md. Extra -D options go to Benchmarks (see benchmarks/README.md), e.g. a peer:
#   benchmarks/realtime.sh -Dbench.peerUrl=ws://127.0.0.1:8080/llm-websocket -Dbench.peerPid=<pid> \
#     -Dbench.stubPort=8090 -Dbench.label="Retell node demo" -Dbench.out=benchmarks/realtime/peer
set -euo pipefail
cd "$(dirname "$0")/.."
exec benchmarks/run.sh -Dbench.levels=200,1000,2000 -Dbench.hold=45 -Dbench.ttft=200 -Dbench.tps=100 \
  -Dbench.shape=tokens -Dbench.turns=5 -Dbench.toolRate=0 -Dbench.bargeIn=0 -Dbench.bookingLoad=false -Dbench.warmup=300,40 \
  -Dbench.out=benchmarks/realtime "$@"
