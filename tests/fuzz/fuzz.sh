#!/bin/sh
# fuzz.sh — coverage-guided fuzzing with libFuzzer of the CSV importer (the real `ban
# import`), the name parser/normaliser and the configuration parser, built with clang and
# AddressSanitizer + UndefinedBehaviorSanitizer. `make check` runs each harness a few
# seconds (FUZZ_SECONDS, default 2); `make torture` a minute each. Prints executions and
# crashes; any crash fails (its input is kept as tests/fuzz/crash-*). Skips without clang.
# shellcheck source=tests/cli/testlib.sh
. "${BALIE_SRCDIR:-$(dirname "$0")/../..}/tests/cli/testlib.sh"

CLANG=${CLANG:-clang}
secs=${FUZZ_SECONDS:-2}
src=${BALIE_SRCDIR:?}
top=${BALIE_BUILDDIR:?}
build=$top/tests/fuzz
if ! command -v "$CLANG" >/dev/null 2>&1; then
	echo "# $CLANG not installed (Debian: clang libclang-rt-14-dev): fuzzing skipped"
	exit 77
fi
printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; return (int)n * 0; }\n' \
	>"$tmp/probe.c"
if ! "$CLANG" -fsanitize=fuzzer,address "$tmp/probe.c" -o "$tmp/probe" >"$tmp/probe.log" 2>&1; then
	echo "# $CLANG cannot link libFuzzer (Debian: libclang-rt-14-dev): fuzzing skipped"
	exit 77
fi

# ---------------------------------------------------------------- build
# Every source of the program but main.c, the console and the daemon, instrumented for
# coverage.
mkdir -p "$build/obj" "$build/corpus" || exit 99
# In a response file: no quoting trouble through xargs and sh. The defines are
# Makefile.am's AM_CPPFLAGS (keep them alike).
cat >"$build/cflags" <<FLAGS
-g -O1 -std=c11 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
-I$src/src -I$top -I$top/src -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -D_XOPEN_SOURCE_EXTENDED
-DLOCALEDIR=\\"/nonexistent\\" -DSYSCONFDIR=\\"/nonexistent\\" -DBALIE_BUILDDIR=\\"$top\\"
$(pkg-config --cflags sqlite3 libconfuse libutf8proc)
FLAGS
libs="$(pkg-config --libs sqlite3 libconfuse libutf8proc)"
objs=""
newest=$(find "$src/src" "$top/src/gen" "$src/tests/fuzz" -name '*.[ch]' -newer "$build/stamp" 2>/dev/null | head -1)
[ -f "$build/stamp" ] && [ -z "$newest" ] && rebuild=0 || rebuild=1
for f in "$src"/src/*.c "$src"/src/config/*.c "$src"/src/core/*.c "$src"/src/store/*.c \
	"$src"/src/cli/*.c "$src"/src/client/*.c "$src"/src/service/*.c "$top"/src/gen/*.c; do
	case $f in */main.c) continue ;; esac
	o=$build/obj/$(echo "${f#"$src"/}" | sed 's|^/||; s|/|_|g; s|\.c$|.o|')
	objs="$objs $o"
	if [ "$rebuild" = 1 ] || [ ! -f "$o" ]; then echo "$f $o"; fi
done >"$tmp/todo"
if ! xargs -r -P 2 -n 2 sh -c "\"$CLANG\" @\"$build/cflags\" -c \"\$0\" -o \"\$1\"" <"$tmp/todo" \
	>"$tmp/cc.log" 2>&1; then
	not_ok "building the sources with $CLANG"
	sed 's/^/#   /' "$tmp/cc.log" | head -20
	finish
fi
for h in csv names config; do
	# shellcheck disable=SC2086 # objs and libs are lists of words
	if ! "$CLANG" @"$build/cflags" -fsanitize=fuzzer "$src/tests/fuzz/fuzz_$h.c" $objs $libs \
		-o "$build/fuzz_$h" >"$tmp/ld.log" 2>&1; then
		not_ok "linking fuzz_$h"
		sed 's/^/#   /' "$tmp/ld.log" | head -20
		finish
	fi
done
touch "$build/stamp"

# ---------------------------------------------------------------- seeds
mkdir -p "$tmp/seed/csv" "$tmp/seed/names" "$tmp/seed/config"
cp "$src"/tests/data/*.csv "$tmp/seed/csv/"
cp "$src/data/balie.conf" "$src"/tests/data/conf/*.conf "$tmp/seed/config/"
cut -f1 "$src/tests/data/names_devset.tsv" | head -60 | awk -v d="$tmp/seed/names" \
	'{ f = d "/" NR; printf "%s", $0 > f; close(f) }'

# ---------------------------------------------------------------- run
export TMPDIR="$tmp" # the harnesses' scratch files go with the test's directory
for h in csv names config; do
	mkdir -p "$build/corpus/$h"
	env ASAN_OPTIONS=detect_leaks=1 "$build/fuzz_$h" -max_total_time="$secs" \
		-print_final_stats=1 -close_fd_mask=3 -timeout=10 -rss_limit_mb=1024 \
		-artifact_prefix="$build/crash-$h-" "$build/corpus/$h" "$tmp/seed/$h" \
		>"$tmp/$h.log" 2>&1
	status=$?
	execs=$(awk '/stat::number_of_executed_units/ { print $2 }' "$tmp/$h.log")
	crashes=$(find "$build" -maxdepth 1 -name "crash-$h-*" | wc -l)
	line="fuzz $h: ${execs:-0} executions in ${secs} s, $crashes crashes"
	echo "# $line"
	if [ -n "${TORTURE_REPORT:-}" ]; then echo "$line" >>"$TORTURE_REPORT"; fi
	if [ "$status" = 0 ] && [ "$crashes" = 0 ] && [ -n "$execs" ]; then
		ok "fuzz_$h: no crash"
	else
		not_ok "fuzz_$h: exit $status, $crashes crash inputs in $build"
		grep -E "ERROR|SUMMARY|#0 |#1 |#2 " "$tmp/$h.log" | head -12 | sed 's/^/#   /'
	fi
done
finish
