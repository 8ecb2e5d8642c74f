#!/bin/sh
# letter.sh — 'balie ban letter': the three Dutch letters filled from a ban and the
# configuration (municipality, building names), the default type per kind, templates beside
# balie.conf, and the errors. The expectations are written by hand from the inputs below
# (never produced by the program under test): the key lines of each letter, looked for in
# the text with its line breaks made spaces, plus structural checks.
. "$(dirname "$0")/testlib.sh"

# The letter in $tmp/out as one line with single spaces: phrases are found whatever the
# wrapping.
flat() {
	tr '\n' ' ' <"$tmp/out" | tr -s ' '
}

# has PHRASE DESCRIPTION / lacks PHRASE DESCRIPTION: a phrase in the flattened letter.
has() {
	if flat | grep -qF -- "$1"; then ok "$2"; else
		not_ok "$2 (the letter lacks: $1)"; sed 's/^/#   /' "$tmp/out"; fi
}
lacks() {
	if flat | grep -qF -- "$1"; then not_ok "$2 (the letter has: $1)"; else ok "$2"; fi
}

# line N TEXT DESCRIPTION: line N of the letter is exactly TEXT.
line() {
	_l=$(sed -n "$1p" "$tmp/out")
	if [ "$_l" = "$2" ]; then ok "$3"; else not_ok "$3 (line $1 is \"$_l\", wanted \"$2\")"; fi
}

# structure WHAT: no placeholder left, no line wider than 78 characters (continuation
# bytes of UTF-8 not counted), no trailing blanks, ends with a newline.
structure() {
	if grep -q '[{}]' "$tmp/out"; then not_ok "$1: no placeholder left"
		grep -n '[{}]' "$tmp/out" | sed 's/^/#   /'; else ok "$1: no placeholder left"; fi
	_w=$(LC_ALL=C awk '{ gsub(/[\200-\277]/, ""); if (length($0) > m) m = length($0) }
		END { print m + 0 }' "$tmp/out")
	if [ "$_w" -le 78 ] && [ "$_w" -gt 40 ]; then ok "$1: lines of at most 78 columns"; else
		not_ok "$1: lines of at most 78 columns (widest $_w)"; fi
	if grep -q '[[:blank:]]$' "$tmp/out"; then not_ok "$1: no trailing blanks"; else
		ok "$1: no trailing blanks"; fi
	if [ "$(tail -c 1 "$tmp/out" | od -An -c | tr -d ' ')" = '\n' ]; then
		ok "$1: ends with a newline"; else not_ok "$1: ends with a newline"; fi
}

sed 's/^language = "en"$/language = "en"\nmunicipality = "Gemeente Ermelo"/' "$tmp/balie.conf" \
	>"$tmp/balie.conf.new" && mv "$tmp/balie.conf.new" "$tmp/balie.conf"
fresh_db

run ban letter 1
expect_rc 2 "a letter for an unknown ban refused"
expect_err_has "ban 1: no such ban" "the unknown ban is named"
run ban letter
expect_rc 2 "a letter without an id refused"

run ban add --given 'Ayşe' --surname 'Çelik' --kind building+phone --reason threat,physical \
	--starts 2026-11-25 --ends 2027-02-24 --scope stadhuis,milieustraat --police \
	--imposed-by 'A. Hoofd, afdelingshoofd Publiekszaken' --letter-sent 2026-11-24 \
	--notes 'Sloeg een baliemedewerker'
expect_rc 0 "a ban for two buildings"
run ban letter 1
expect_rc 0 "the ban letter"
structure "ban letter"
line 1 "Gemeente Ermelo" "ban letter: the municipality heads the letter"
has "Aan: Ayşe Çelik" "ban letter: addressed to the person, diacritics kept"
has "24 november 2026" "ban letter: dated today in Dutch"
has "Kenmerk: nr. 1" "ban letter: the ban number as reference"
has "Betreft: toegangs- en telefoonverbod" "ban letter: the kind (building and phone ban)"
has "sprake van bedreiging en fysiek geweld" "ban letter: both reasons of the combination"
has "toegangsverbod voor de gebouwen Milieustraat en Stadhuis en een telefoonverbod" \
	"ban letter: the buildings by name"
has "gaat in op 25 november 2026 en geldt tot en met 24 februari 2027" \
	"ban letter: from and until in Dutch date format"
has "lokaalvredebreuk (artikel 138 en 139 van het Wetboek van Strafrecht)" \
	"ban letter: entering anyway is trespass"
has "door een gemachtigde" "ban letter: a representative is allowed"
has "eerst telefonisch contact met u op en maken wij een concrete afspraak" \
	"ban letter: an appointment arranged by phone"
has "afschrift van deze brief hebben gezonden aan de politie" \
	"ban letter: the police were informed (--police)"
has "Met vriendelijke groet, A. Hoofd, afdelingshoofd Publiekszaken namens het college van burgemeester en wethouders van de gemeente Ermelo" \
	"ban letter: signed by who imposed it, on behalf of the college"
has "Afschrift: dossier klant" "ban letter: the copy for the file"
lacks "2026-11-25" "ban letter: no ISO dates"
run ban letter 1 --type invitation
expect_rc 0 "another type on request"
expect_out_has "Betreft: uitnodiging voor een ordegesprek" "the invitation on request"
run ban letter 1 --type brief
expect_rc 2 "an unknown letter type refused"
expect_err_has 'unknown letter "brief" (one of: warning, ban, invitation)' "the type refusal"

run ban add --given Jan --prefix de --surname Vries --kind warning --reason verbal \
	--ends 2027-11-23 --imposed-by 'B. Leider' --letter-sent 2026-11-24 --notes 'Schold'
expect_rc 0 "a written warning"
run ban letter 2
expect_rc 0 "the warning letter"
structure "warning letter"
line 1 "Gemeente Ermelo" "warning letter: the municipality heads the letter"
has "Aan: Jan de Vries" "warning letter: the name with its prefix"
has "Kenmerk: nr. 2" "warning letter: the ban number as reference"
has "Betreft: schriftelijke waarschuwing" "a warning gets the warning letter"
has "sprake van verbale of non-verbale agressie" "warning letter: the reason"
has "Deze waarschuwing geldt tot en met 23 november 2027" \
	"warning letter: until when, in Dutch date format"
has "Met vriendelijke groet, B. Leider namens het college" "warning letter: the signature"
has "Bijlage: gedrags- en huisregels" "warning letter: the house rules enclosed"
lacks "aan de politie" "warning letter: no copy to the police (not informed)"
lacks "toegangsverbod voor" "warning letter: no ban announced"

run ban add --surname Kok --kind service --until-conversation --reason obstruction \
	--ends 2027-01-24 --notes 'Blokkeerde de balie' --justification 'Tot het ordegesprek'
expect_rc 0 "a service stop until an order conversation (a draft: no letter date yet)"
run ban letter 3
expect_rc 0 "the invitation letter"
structure "invitation letter"
line 1 "Gemeente Ermelo" "invitation: the municipality heads the letter"
has "Aan: Kok" "invitation: a surname alone"
has "Betreft: uitnodiging voor een ordegesprek" "a service stop until a conversation gets the invitation"
has "sprake van het bemoeilijken of belemmeren van het werk" "invitation: the reason"
has "Wij nodigen u daarom uit voor een ordegesprek" "invitation: invites to the conversation"
has "is de dienstverlening aan u opgeschort, uiterlijk tot en met 24 januari 2027" \
	"invitation: the service stop and its latest end, in Dutch date format"
if grep -qx '\.\{8,\}' "$tmp/out"; then ok "invitation: unsigned (a dotted line) until imposed"; else
	not_ok "invitation: unsigned (a dotted line) until imposed"; sed 's/^/#   /' "$tmp/out"; fi
has "namens het college van burgemeester en wethouders van de gemeente Ermelo" \
	"invitation: on behalf of the college"

# A template beside balie.conf replaces the built-in one; an unknown placeholder is named.
mkdir "$tmp/letters"
printf 'Aan {naam} van de {gemeente_kort}, tot en met {einde}.\n' >"$tmp/letters/warning.txt"
run ban letter 2
printf 'Aan Jan de Vries van de gemeente Ermelo, tot en met 23 november 2027.\n' >"$tmp/want"
expect_out "$tmp/want" "the template beside balie.conf is used"
printf 'Aan {naam} op {dag}.\n' >"$tmp/letters/warning.txt"
run ban letter 2
expect_rc 2 "an unknown placeholder refused"
expect_err_has "letter warning: unknown placeholder {dag}" "the placeholder is named"
expect_empty "$tmp/out" "nothing half-written"

finish
