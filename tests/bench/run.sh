#!/bin/sh
# run.sh — `make bench`: every benchmark in tests/bench/, printing its figures.
# Benchmarks are not tests: they never fail the build on a number.
set -e
bindir=$1
here=$(dirname "$0")
status=0
for b in "$here"/bench_*.sh; do
	[ -e "$b" ] || continue
	echo "== $(basename "$b")"
	BENCH_BINDIR=$bindir bash "$b" || status=1
done
exit $status
