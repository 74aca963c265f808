#!/bin/bash
# What a user waits for the shipped listing queries with `rasd query OUT/` (query20):
# the first ask (evaluated by Oxigraph, then kept in OUT/answers/), three asks from the kept
# answer, kept.keep_listings (what `rasd build --keep-answers` adds) and the asks after it.
# Run from the worktree: nice -n 10 bench/query20_measure.sh OUT/   (clears OUT/answers/)
set -u
O=$1
PY=${PY:-/work/main/.venv/bin/python}
export PYTHONPATH=$PWD
ask() { /usr/bin/time -f "$1 wall %e s cpu %U+%S s" "$PY" -c 'from rasd.cli import main; main()' query "$O" "queries/$2.rq" "${@:3}"; }
rm -rf "$O/answers"
uptime
for q in timeline evidence who_said_what; do
  ask "$q first (evaluated)" $q > /tmp/query20-$q.first
  for i in 1 2 3; do ask "$q kept" $q > /tmp/query20-$q.kept; done
  cmp /tmp/query20-$q.first /tmp/query20-$q.kept && echo "$q kept == first"
done
rm -rf "$O/answers"
"$PY" -c '
import sys, time
from pathlib import Path
from rasd import kept
c, w = time.process_time(), time.perf_counter()
n = kept.keep_listings(Path(sys.argv[1]))
print(f"keep_listings: {n} answers, cpu {time.process_time()-c:.1f} s wall {time.perf_counter()-w:.1f} s")
' "$O"
du -sh "$O/answers"
for q in timeline evidence who_said_what; do
  ask "$q table after keep_listings" $q > /tmp/query20-$q.bk
  cmp /tmp/query20-$q.first /tmp/query20-$q.bk && echo "$q build-kept == first"
  ask "$q csv (reformatted from the kept JSON)" $q --format csv > /dev/null
done
uptime
