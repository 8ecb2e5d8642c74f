#!/bin/sh
# install.sh — issue 11: what `make install` puts on a machine. No file carries a setuid or
# setgid bit; balied comes with a systemd unit that runs it as the account balie inside a
# read-only system, with sysusers.d and tmpfiles.d entries for the account and its
# directories. (Installed into a temporary DESTDIR: nothing on this machine changes.)
# shellcheck source=tests/cli/testlib.sh
. "${BALIE_SRCDIR:-$(dirname "$0")/../..}/tests/cli/testlib.sh"
[ -n "${BALIE_BUILDDIR:-}" ] && [ -f "$BALIE_BUILDDIR/Makefile" ] ||
	{ echo "# no build directory; skipped"; exit 77; }

dest=$tmp/inst
if make -s -C "$BALIE_BUILDDIR" install DESTDIR="$dest" >"$tmp/out" 2>"$tmp/err"; then
	ok "make install into a DESTDIR"
else
	not_ok "make install into a DESTDIR"
	finish
fi
special=$(find "$dest" -perm /6000 -print)
if [ -z "$special" ]; then ok "no setuid or setgid file"; else not_ok "setuid/setgid: $special"; fi

unit=$(find "$dest" -name balied.service)
if [ -n "$unit" ]; then ok "the unit balied.service is installed"; else not_ok "no balied.service"; finish; fi
for line in "User=balie" "Group=balie" "ProtectSystem=strict" "NoNewPrivileges=yes" \
	"PrivateTmp=yes" "CapabilityBoundingSet=" "RestrictAddressFamilies=AF_UNIX"; do
	if grep -qx "$line" "$unit"; then ok "unit: $line"; else not_ok "unit lacks $line"; fi
done
if grep -q "^ReadWritePaths=/.* /" "$unit"; then ok "unit: writes only its two directories"
else not_ok "unit: ReadWritePaths"; fi
if grep -q "^ExecStart=/.*/balied --config " "$unit"; then ok "unit: ExecStart names balied"
else not_ok "unit: ExecStart"; fi
if grep -q '@' "$unit"; then not_ok "unit: a placeholder is left"; else ok "unit: every path filled in"; fi

sysusers=$(find "$dest" -path '*sysusers.d/balie.conf')
tmpfiles=$(find "$dest" -path '*tmpfiles.d/balie.conf')
if [ -n "$sysusers" ] && grep -q '^u balie ' "$sysusers"; then ok "sysusers.d creates the account balie"
else not_ok "sysusers.d entry"; fi
if [ -n "$tmpfiles" ] && grep -q '^d /.* 0700 balie balie' "$tmpfiles" &&
	grep -q '^d /.* 0755 balie balie' "$tmpfiles"; then
	ok "tmpfiles.d makes the data (0700) and socket (0755) directories"
else not_ok "tmpfiles.d entries"; fi
if [ -x "$(find "$dest" -path '*sbin/balied')" ] && [ -f "$(find "$dest" -name balied.8)" ]; then
	ok "balied and balied(8) are installed"
else not_ok "balied or its man page missing"; fi
finish
