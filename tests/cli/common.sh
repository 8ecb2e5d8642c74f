# common.sh — what the command-line tests and the console tests share: sourced by
# tests/cli/testlib.sh and tests/e2e/lib.sh (POSIX sh).

# poll TICKS CMD...: run CMD until it succeeds, every 0.05 s and at most TICKS times;
# returns 1 when it never did.
poll() {
	_poll_left=$1
	shift
	until "$@"; do
		_poll_left=$((_poll_left - 1))
		[ "$_poll_left" -gt 0 ] || return 1
		sleep 0.05
	done
}

# conf_stadhuis FRIDAY: the test building of a balie.conf, "stadhuis": open on weekdays
# (on Friday FRIDAY, such as "08:30-12:30") with a Thursday evening, two interview rooms and
# the alarm points "Balie 1", "Balie 2" and "Spreekkamer 006".
conf_stadhuis() {
	cat <<CONF
building stadhuis {
  name = "Stadhuis"
  monday = {"08:30-17:00"}
  tuesday = {"08:30-17:00"}
  wednesday = {"08:30-17:00"}
  thursday = {"08:30-17:00", "18:00-20:00"}
  friday = {"$1"}
  evening_from = "17:00"
  rooms = {"Spreekkamer 006", "Spreekkamer 008"}
  alarm_points = {"Balie 1", "Balie 2", "Spreekkamer 006"}
}
CONF
}
