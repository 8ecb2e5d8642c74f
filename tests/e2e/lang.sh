#!/bin/sh
# lang.sh — Dutch when the locale or the configuration says nl, English otherwise. The
# expected Dutch words are looked up in the built catalogue, so the test follows nl.po.
. "$(dirname "$0")/lib.sh"

mo="${BALIE_LOCALEDIR:-}/nl/LC_MESSAGES/balie.mo"
if [ ! -f "$mo" ] || ! command -v gettext >/dev/null 2>&1; then
	echo "no Dutch catalogue ($mo) or no gettext program: skipping"
	exit 77
fi
nl() {
	TEXTDOMAINDIR=$BALIE_LOCALEDIR LANGUAGE=nl LANG=C.UTF-8 gettext -d balie "$1"
}
# Words on the screen at once: key-bar hints (the porter's, in the alarm queue) and the
# staffing panel's title.
quit_nl=$(nl "Quit")
way_nl=$(nl "On the way")
staff_nl=$(nl "Staffing (now / evening)")
quit_re=$(e2e_quote "$quit_nl")
way_re=$(e2e_quote "$way_nl")
staff_re=$(e2e_quote "$staff_nl")
for pair in "Quit:$quit_nl" "On the way:$way_nl" "Staffing (now / evening):$staff_nl"; do
	[ "${pair%%:*}" != "${pair#*:}" ] || e2e_fail "nl.po does not translate \"${pair%%:*}\""
done
e2e_config
e2e_init
cp "$E2E_CONF" "$E2E_TMP/plain.conf"

# English by default.
e2e_start en 100 30 -- --config "$E2E_CONF" --db "$E2E_DB"
e2e_expect en 'F10 Quit' "English: no \"F10 Quit\""
e2e_expect en 'Staffing \(now / evening\)' "English: no staffing title"

# Dutch from the locale (LANGUAGE=nl).
e2e_start nlenv 100 30 LANGUAGE=nl -- --config "$E2E_CONF" --db "$E2E_DB"
e2e_expect nlenv "F10 $quit_re" "Dutch by locale: no \"F10 $quit_nl\""
e2e_expect nlenv "$staff_re" "Dutch by locale: no \"$staff_nl\""
e2e_expect_not nlenv 'Staffing \(now' "Dutch by locale: English title left"

# Dutch from the configuration, whatever the locale.
e2e_config 'language = "nl"'
sed -i -e '/^language = ""$/d' "$E2E_CONF"
e2e_start nlconf 100 30 LANGUAGE=en -- --config "$E2E_CONF" --db "$E2E_DB"
e2e_expect nlconf "F5 $way_re" "Dutch by configuration: no \"F5 $way_nl\""
e2e_expect nlconf "$staff_re" "Dutch by configuration: no \"$staff_nl\""

# Dutch from the build tree, before any `make install` (no BALIE_LOCALEDIR): with C.UTF-8
# and LANGUAGE=nl, and with LANGUAGE=nl alone in a plain C locale.
saved=$BALIE_LOCALEDIR
BALIE_LOCALEDIR=
e2e_start tree 100 30 LANGUAGE=nl -- --config "$E2E_TMP/plain.conf" --db "$E2E_DB"
e2e_start plain 100 30 LANGUAGE=nl LANG= LC_ALL=C -- --config "$E2E_TMP/plain.conf" \
	--db "$E2E_DB"
BALIE_LOCALEDIR=$saved
for c in tree plain; do
	e2e_expect $c "F5 $way_re" "$c: Dutch from the build tree: no \"F5 $way_nl\""
	e2e_expect $c "$staff_re" "$c: Dutch from the build tree: no \"$staff_nl\""
done

for c in en nlenv nlconf tree plain; do
	e2e_quit $c
done
e2e_done
