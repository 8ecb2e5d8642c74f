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
# Words on the screen at once: status-line hints and the staffing panel's title.
quit_nl=$(nl "Quit")
raise_nl=$(nl "Raise alarm")
staff_nl=$(nl "Staffing (now / evening)")
quit_re=$(e2e_quote "$quit_nl")
raise_re=$(e2e_quote "$raise_nl")
staff_re=$(e2e_quote "$staff_nl")
for pair in "Quit:$quit_nl" "Raise alarm:$raise_nl" "Staffing (now / evening):$staff_nl"; do
	[ "${pair%%:*}" != "${pair#*:}" ] || e2e_fail "nl.po does not translate \"${pair%%:*}\""
done
e2e_config
e2e_init

# English by default.
e2e_start en 100 30 -- --config "$E2E_CONF" --db "$E2E_DB"
e2e_expect en 'q Quit' "English: no \"q Quit\""
e2e_expect en 'Staffing \(now / evening\)' "English: no staffing title"

# Dutch from the locale (LANGUAGE=nl).
e2e_start nlenv 100 30 LANGUAGE=nl -- --config "$E2E_CONF" --db "$E2E_DB"
e2e_expect nlenv "q $quit_re" "Dutch by locale: no \"q $quit_nl\""
e2e_expect nlenv "$staff_re" "Dutch by locale: no \"$staff_nl\""
e2e_expect_not nlenv 'Staffing \(now' "Dutch by locale: English title left"

# Dutch from the configuration, whatever the locale.
e2e_config 'language = "nl"'
sed -i -e '/^language = ""$/d' "$E2E_CONF"
e2e_start nlconf 100 30 LANGUAGE=en -- --config "$E2E_CONF" --db "$E2E_DB"
e2e_expect nlconf "F2 $raise_re" "Dutch by configuration: no \"F2 $raise_nl\""
e2e_expect nlconf "$staff_re" "Dutch by configuration: no \"$staff_nl\""

for c in en nlenv nlconf; do
	e2e_quit $c
done
e2e_done
