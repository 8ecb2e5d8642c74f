# poll.sh — waiting for something in the shell tests: sourced by tests/cli/testlib.sh and
# tests/e2e/lib.sh, so that both wait the same way (POSIX sh).

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
