#!/bin/sh
# po.sh — the Dutch catalogue is complete: po/POTFILES.in names every source file that marks
# a string, and po/nl.po translates every msgid xgettext finds there (none fuzzy), so no
# text reaches the desk in English. The build does not rewrite nl.po (PO_DEPENDS_ON_POT=no).
# shellcheck source=tests/cli/testlib.sh
. "${BALIE_SRCDIR:-$(dirname "$0")/../..}/tests/cli/testlib.sh"
command -v xgettext >/dev/null 2>&1 || { echo "# xgettext missing; skipped"; exit 77; }
cd "$BALIE_SRCDIR" || exit 99

marked=$(find src -name '*.c' ! -path 'src/gen/*' | LC_ALL=C sort |
	xargs grep -lE '(^|[^a-zA-Z0-9_])N?_\("')
missing=""
for f in $marked; do
	grep -qx "$f" po/POTFILES.in || missing="$missing $f"
done
if [ -z "$missing" ]; then ok "POTFILES.in lists every file with marked strings"
else not_ok "POTFILES.in lacks:$missing"; fi

grep -v '^#' po/POTFILES.in | xargs xgettext --keyword=_ --keyword=N_ --from-code=UTF-8 \
	--language=C -o "$tmp/balie.pot" 2>"$tmp/err" || { not_ok "xgettext runs"; exit 1; }
msgmerge --quiet --no-fuzzy-matching -o "$tmp/nl.po" po/nl.po "$tmp/balie.pot" 2>"$tmp/err"
untranslated=$(msgattrib --untranslated --no-obsolete "$tmp/nl.po" | grep -c '^msgid ' || true)
fuzzy=$(msgattrib --only-fuzzy --no-obsolete po/nl.po | grep -c '^msgid ' || true)
# msgattrib prints the header entry (msgid "") too when it prints anything.
[ "$untranslated" -gt 0 ] && untranslated=$((untranslated - 1))
[ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))
if [ "$untranslated" -eq 0 ]; then ok "nl.po translates every msgid"
else
	not_ok "nl.po leaves $untranslated msgids untranslated"
	msgattrib --untranslated --no-obsolete "$tmp/nl.po" | grep '^msgid ' | head -20 | sed 's/^/#   /'
fi
if [ "$fuzzy" -eq 0 ]; then ok "nl.po has no fuzzy entries"; else not_ok "nl.po has $fuzzy fuzzy entries"; fi
if msgfmt -c -o /dev/null po/nl.po 2>"$tmp/err"; then ok "msgfmt -c accepts nl.po"; else not_ok "msgfmt -c nl.po"; fi
exit $failed
