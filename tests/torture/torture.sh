#!/bin/sh
# torture.sh — the store under abuse, on the real program and the torture helper, with the
# figures: kill -9 during writes, concurrent writers, a disk that fills up at random
# moments, damaged pages. `make check` runs it short (a few seconds); `make torture` runs
# it long (TORTURE_LONG=1). Only losses, errors and missed refusals fail it: the latency
# figures are printed, never judged (timings belong to benchmarks).
# shellcheck source=tests/cli/testlib.sh
. "${BALIE_SRCDIR:-$(dirname "$0")/../..}/tests/cli/testlib.sh"

torture_tools
if [ "${TORTURE_LONG:-0}" = 1 ]; then
	kill_rounds=300 writes=200 cli_writes=50 full_runs=200 pages=all
else
	kill_rounds=20 writes=25 cli_writes=5 full_runs=20 pages=12
fi
db=$tmp/t.db
# Figures go to stdout as TAP comments and, for make torture, to $TORTURE_REPORT.
figure() {
	echo "# $1"
	if [ -n "${TORTURE_REPORT:-}" ]; then echo "$1" >>"$TORTURE_REPORT"; fi
}

# ---------------------------------------------------------------- kill -9
if "$T" kill "$tmp/kill.db" "$kill_rounds" >"$tmp/fig" 2>"$tmp/err"; then
	ok "kill -9 during writes: no acknowledged write lost, integrity_check ok"
else
	not_ok "kill -9 during writes"
fi
figure "$(cat "$tmp/fig")"

# ---------------------------------------------------------------- concurrent writers
if "$T" writers "$tmp/w1.db" 8 "$writes" >"$tmp/fig" 2>"$tmp/err"; then
	ok "8 concurrent writers in-process: no error"
else
	not_ok "8 concurrent writers in-process"
fi
figure "$(cat "$tmp/fig")"
if "$T" writers "$tmp/w2.db" 8 "$cli_writes" "$BALIE" >"$tmp/fig" 2>"$tmp/err"; then
	ok "8 concurrent 'balie alarm raise' commands: no error"
else
	not_ok "8 concurrent 'balie alarm raise' commands"
fi
figure "$(cat "$tmp/fig")"

# ---------------------------------------------------------------- disk full at random moments
# Each command may write only a random number of bytes before the disk is "full" (for the
# database, its -wal and -shm and the journal alike: the journal's reserved space is
# what still takes alarms); every command that says it recorded the alarm (exit 0) must
# have it in the database or the journal afterwards, and the file must stay whole.
fresh_db
i=0 acked=0 journaled=0 refused=0
: >"$tmp/acked"
while [ "$i" -lt "$full_runs" ]; do
	i=$((i + 1))
	budget=$(awk -v s="$i" 'BEGIN { srand(s); print int(rand() * 60000) }')
	env ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
		LD_PRELOAD="$SHIM" FAULTFS_MODE=full FAULTFS_BUDGET="$budget" \
		FAULTFS_FILES="$db*" \
		"$BALIE" --config "$tmp/balie.conf" --db "$db" alarm raise "full $i" \
		>"$tmp/out" 2>"$tmp/err"
	case $? in
	0) acked=$((acked + 1)); echo "full $i" >>"$tmp/acked"
	   if grep -q '^J' "$tmp/out"; then journaled=$((journaled + 1)); fi ;;
	*) refused=$((refused + 1)) ;;
	esac
done
run alarm list --all --tsv
lost=0
while read -r loc; do
	grep -q "${TAB}${loc}${TAB}" "$tmp/out" || lost=$((lost + 1))
done <"$tmp/acked"
run audit --verify
verify=$rc
if [ "$lost" = 0 ] && [ "$verify" = 0 ]; then
	ok "disk full at random moments: nothing acknowledged was lost, the file is whole"
else
	not_ok "disk full at random moments: $lost lost, audit --verify exit $verify"
fi
figure "disk full at random moments: $full_runs alarm raises, $acked acknowledged ($journaled of them through the journal), $refused refused with a message, $lost lost, integrity_check $([ "$verify" = 0 ] && echo ok || echo FAILED)"

# ---------------------------------------------------------------- damaged pages
# A database with bans, alarms and audit lines; 64 bytes of it overwritten in the middle
# of one page at a time; `balie init` (quick_check) must notice, and then no write may
# touch the file while an alarm still goes to the journal.
fresh_db bans
awk 'BEGIN {
	print "given_names,prefix,surname,born,kind,starts,ends,reason"
	split("Jan Piet Kees Anna Fatma Mohamed Eva Sanne Daan Ayse", g, " ")
	split("Jansen de Vries Bakker Visser Smit Meijer Mulder Yilmaz Kaya Bos", f, " ")
	for (i = 0; i < 1500; i++)
		printf "%s,,%s%d,19%02d-0%d-1%d,building,2026-01-01,2027-06-30,threat\n",
		       g[i % 10 + 1], f[int(i / 10) % 10 + 1], i, 40 + i % 60, 1 + i % 9, i % 10
}' >"$tmp/many.csv"
run ban import "$tmp/many.csv"
[ "$rc" = 0 ] || { cat "$tmp/err"; exit 99; }
n=0
while [ "$n" -lt 40 ]; do
	n=$((n + 1))
	run alarm raise "Balie $n"
	run check "Visitor $n"
done
run backup "$tmp/good.db"
"$T" sql "$db" "PRAGMA wal_checkpoint(TRUNCATE)" || exit 99
rm -f "$db-wal" "$db-shm"
cp "$db" "$tmp/base.db"
npages=$(($(wc -c <"$tmp/base.db") / 4096))
if [ "$pages" = all ]; then list=$(seq 2 "$npages"); else
	list=$(awk -v n="$npages" -v k="$pages" 'BEGIN { for (i = 1; i <= k; i++) print 2 + int((n - 2) * i / (k + 1)) }')
fi
tried=0 detected=0 refused_ok=0 journal_ok=0 unused=0 data=0
for pg in $list; do
	tried=$((tried + 1))
	rm -f "$db" "$db-wal" "$db-shm" "$db.damaged" "$db.alarm-journal"
	cp "$tmp/base.db" "$db"
	off=$(((pg - 1) * 4096 + 2048))
	head -c 64 /dev/urandom | dd of="$db" bs=1 seek="$off" conv=notrunc 2>/dev/null
	run init
	if [ "$rc" != 2 ] || ! grep -q "is damaged" "$tmp/err"; then
		# Not found by quick_check: was it unused space or record contents?
		if [ "$(dd if="$tmp/base.db" bs=1 skip="$off" count=64 2>/dev/null | tr -d '\000' | wc -c)" -eq 0 ]; then
			unused=$((unused + 1))
		else
			data=$((data + 1))
		fi
		continue
	fi
	detected=$((detected + 1))
	sum=$(cksum <"$db")
	run ban lift 1 --reason "after damage"
	lift=$rc
	run alarm raise "after damage"
	if [ "$lift" = 2 ] && [ "$(cksum <"$db")" = "$sum" ]; then refused_ok=$((refused_ok + 1)); fi
	if [ "$rc" = 0 ] && grep -q '^J' "$tmp/out"; then journal_ok=$((journal_ok + 1)); fi
done
if [ "$refused_ok" = "$detected" ] && [ "$journal_ok" = "$detected" ] && [ "$detected" -gt 0 ]; then
	ok "damaged pages: every damage found refuses writes and keeps alarms in the journal"
else
	not_ok "damaged pages: $detected found, $refused_ok refused writes, $journal_ok journaled"
fi
figure "damaged pages (64 random bytes mid-page): $tried pages, $detected found by quick_check (init), writes refused on $refused_ok, alarm kept in the journal on $journal_ok; not found: $unused in unused space, $data in record contents"

finish
