#!/usr/bin/env bash
# Browser apply benchmark: how many server `change` messages per second the demo page's own client code
# (TeaVM-compiled SyncClient, Replica, demo models, browser JSON codec) applies in headless Chromium, no network.
# It runs the benchmark's own bundle, demo/target/classes/static/apply-benchmark.js (built next to demo.js by the
# demo module's second TeaVM execution), on static/apply-benchmark.html.
# A figure, not a test: nothing here asserts on time; it fails only if the replica ends in the wrong state.
#
# Usage (from anywhere):  bench/browser-apply.sh [--messages 200000] [--warmup 50000] [--runs 3] [--batch 10]
# Environment:            SKIP_BUILD=1 uses the existing build (demo/target)
# Writes:                 bench/results/browser-apply.json (this run) and a line in bench/results/browser-apply.md
#
# Takes the machine's benchmark lock (${TMPDIR:-/tmp}/tandem-run-benchmarks.lock, the one bench/run-benchmarks.sh
# takes) for the build and the run, so do not wrap it in another flock on that file; runs pinned to CPU 1.
set -u -o pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
die() { echo "browser-apply: $*" >&2; exit 1; }
for tool in java flock taskset timeout; do
  command -v "$tool" >/dev/null 2>&1 || die "'$tool' is required but not on PATH"
done
[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || die "needs /usr/bin/chromium and /usr/bin/chromedriver"

LOCK=${TMPDIR:-/tmp}/tandem-run-benchmarks.lock
exec 9>"$LOCK"
if ! flock -n 9; then
  echo "browser-apply: another benchmark holds $LOCK; waiting up to 30 min" >&2
  flock -w 1800 9 || die "gave up waiting for $LOCK"
fi

CLASSPATH_FILE=demo/target/bench.classpath
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  command -v mvn >/dev/null 2>&1 || die "'mvn' is required (or SKIP_BUILD=1 with an existing build)"
  # package compiles the bundles and the test classes; build-classpath in the same reactor lists Selenium & co.
  mvn -B -q package -DskipTests -pl demo -am \
      org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
      -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath || die "Maven build failed"
fi
[ -f "$CLASSPATH_FILE" ] && [ -f demo/target/classes/static/apply-benchmark.js ] \
  || die "no build in demo/target; run without SKIP_BUILD"

NOTE=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD -- . ':!bench/results' ':!docs/benchmarks.md' 2>/dev/null || NOTE="$NOTE+dirty"  # results files do not count
exec taskset -c 1 timeout 900 java -cp "demo/target/test-classes:demo/target/classes:$(cat "$CLASSPATH_FILE")" \
  dev.tandem.demo.BrowserApplyBenchmark --out bench/results --note "$NOTE" "$@"
