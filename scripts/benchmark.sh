#!/usr/bin/env bash
# Runs a benchmark of the connector in its own JVM with a 256 MiB heap.
#   scripts/benchmark.sh primary     Get Inventory (Primary): floor, first import, rerun, concurrency
#   scripts/benchmark.sh primary-databases
#                                    Get Inventory (Primary) on H2 and on PostgreSQL (127.0.0.1:5432,
#                                    database test), each with its floor, first import and rerun
#   scripts/benchmark.sh secondary   Get Inventory (Secondary): floor and refresh after a 10% change
#   scripts/benchmark.sh mapping     mapping engine: default template, 20 smart rules, plain field copy
#   scripts/benchmark.sh fulfillment Send Fulfillment Requests: 1,000 FRs at 50 ms latency, 1 and 4 concurrent
#   scripts/benchmark.sh cluster     Send Fulfillment Requests from 1, 2 and 3 runtime processes on one
#                                    PostgreSQL pool (127.0.0.1:5432, database test): 900 FRs across three
#                                    sources at 50 ms latency, with a plain-HTTP floor
# Extra JVM options go in BENCH_OPTS, such as BENCH_OPTS="-Dbench.variants=20000".
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
  primary) main=com.dealerpool.rothco.bench.PrimaryImportBenchmark ;;
  primary-databases) main=com.dealerpool.rothco.bench.PrimaryDatabasesBenchmark ;;
  secondary) main=com.dealerpool.rothco.bench.SecondaryRefreshBenchmark ;;
  mapping) main=com.dealerpool.rothco.bench.MappingThroughputBenchmark ;;
  fulfillment) main=com.dealerpool.rothco.bench.SendFulfillmentBenchmark ;;
  cluster) main=com.dealerpool.rothco.bench.ClusterSendBenchmark ;;
  *) echo "usage: scripts/benchmark.sh primary|primary-databases|secondary|mapping|fulfillment|cluster" >&2; exit 64 ;;
esac

# The benchmarks pick their pool databases themselves, not from the test setting.
unset ROTHCO_TEST_DATABASE
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=test
exec java -Xmx256m ${BENCH_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/benchmark.classpath)" "$main"
