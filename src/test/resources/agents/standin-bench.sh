#!/bin/sh
# Stand-in for `kitt run` on a real agent (a real child process): prints a log, waits until the
# test creates the gate file (so a test can cut links mid-run), counts the run in a file so a
# test can prove it ran once, then writes a metrics.json measured from its own wall clock.
# A model named *failing* gets a result that did not pass (a failed run).
out="$1"; model="$2"; engine="$3"; gate="$4"; count="$5"
passed=true; passed_count=1; failed_count=0
case "$model" in *failing*) passed=false; passed_count=0; failed_count=1 ;; esac
start=$(date +%s%N)
echo "stand-in benchmark: model=$model engine=$engine"
echo "run" >> "$count"
i=0
while [ ! -f "$gate" ]; do
  i=$((i+1)); [ $i -gt 2000 ] && { echo "gate never opened"; exit 3; }
  sleep 0.02
done
echo "measuring"
end=$(date +%s%N)
ms=$(( (end - start) / 1000000 ))
cat > "$out/metrics.json" <<JSON
{"kitt_version":"0.1.0","suite_name":"quick","timestamp":"2026-01-01T00:00:00Z","engine":"$engine","model":"$model",
 "passed":$passed,"total_benchmarks":1,"passed_count":$passed_count,"failed_count":$failed_count,"total_time_seconds":0.1,
 "results":[{"test_name":"throughput","test_version":"1.0.0","run_number":1,"passed":$passed,"errors":[],
 "timestamp":"2026-01-01T00:00:00Z","metrics":{"e2e_latency_ms_mean":$ms}}]}
JSON
echo "done"
