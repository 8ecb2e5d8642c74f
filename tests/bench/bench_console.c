/* bench_console — how long the console takes to its first screen: it runs the program on a
 * pseudo-terminal of 120x40 and reads what it writes until a text appears that is drawn only
 * once the data is loaded; then it sends "q" and reports the milliseconds and the resident
 * memory at that moment. Not a test: a figure for `make bench`.
 *
 *   bench_console MARKER PROGRAM [ARG]...
 */
#include "autoconfig.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "benchutil.h"

#define TIMEOUT_MS 60000

/* Whether needle occurs in the n bytes of hay. */
static int contains(const char *hay, size_t n, const char *needle)
{
	size_t m = strlen(needle);
	for (size_t i = 0; m && i + m <= n; i++)
		if (memcmp(hay + i, needle, m) == 0)
			return 1;
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: bench_console MARKER PROGRAM [ARG]...\n");
		return 2;
	}
	const char *marker = argv[1];
	struct winsize ws = { .ws_row = 40, .ws_col = 120 };
	int fd;
	double t0 = bench_now_ms();
	pid_t pid = forkpty(&fd, NULL, NULL, &ws);
	if (pid < 0) {
		perror("forkpty");
		return 2;
	}
	if (pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		execvp(argv[2], argv + 2);
		perror(argv[2]);
		_exit(127);
	}
	/* what the console wrote, kept whole: the marker may arrive in pieces */
	size_t cap = 1 << 20, len = 0;
	char *buf = malloc(cap + 1);
	if (!buf)
		return 2;
	double t1 = -1;
	while (bench_now_ms() - t0 < TIMEOUT_MS) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		int r = poll(&p, 1, 100);
		if (r < 0 && errno != EINTR)
			break;
		if (r <= 0)
			continue;
		ssize_t n = read(fd, buf + len, cap - len);
		if (n <= 0)
			break;
		len += (size_t)n;
		buf[len] = '\0';
		if (contains(buf, len, marker)) {
			t1 = bench_now_ms();
			break;
		}
		if (len == cap)
			len = 0; /* a screen is far smaller: start over */
	}
	long rss = bench_rss_kb(pid);
	if (write(fd, "q", 1) != 1)
		perror("write");
	/* the console may ask nothing on a plain quit; give it a moment, then end it */
	for (int i = 0; i < 50 && waitpid(pid, NULL, WNOHANG) == 0; i++) {
		char drain[4096];
		struct pollfd p = { .fd = fd, .events = POLLIN };
		if (poll(&p, 1, 100) > 0 && read(fd, drain, sizeof drain) <= 0)
			break;
	}
	if (waitpid(pid, NULL, WNOHANG) == 0) {
		kill(pid, SIGTERM);
		waitpid(pid, NULL, 0);
	}
	free(buf);
	if (t1 < 0) {
		fprintf(stderr, "bench_console: \"%s\" did not appear\n", marker);
		return 1;
	}
	printf("%.1f %ld\n", t1 - t0, rss);
	return 0;
}
