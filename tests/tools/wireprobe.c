/* wireprobe — a hostile client for the service tests: it sends what balie never would
 * (requests without a greeting, crafted fields, oversized or unfinished frames) and prints
 * what balied answered, so tests/cli/service*.sh can show each attack refused.
 *
 * wireprobe SOCKET request [--no-hello] [--dump] OP [TAG=t:TEXT|TAG=i:NUM|TAG=b:0|1|rec]...
 *     [-- OP FIELD...]...
 *     prints "status N: MESSAGE" (0 is STORE_OK) and, for an OK reply, "records N";
 *     --dump then prints every field as "REC TAG VALUE" (text escaped); "rec" starts the
 *     next record of the request; "--" sends the next request in the same session
 * wireprobe SOCKET watch SECS   greet as a console; print "watching", then "notice BITS"
 *     for the first change notice within SECS, or "no notice"
 * wireprobe SOCKET raw HEX      send these bytes as they are; prints the reply or "closed"
 * wireprobe SOCKET oversize     announce a frame larger than the protocol allows
 * wireprobe SOCKET stall SECS   greet, then send half a request and wait
 * wireprobe SOCKET hold SECS    greet, then keep the session open without a word */
#include "autoconfig.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "core/lib.h"
#include "service/lib.h"

static int connect_to(const char *path)
{
	struct sockaddr_un a = {.sun_family = AF_UNIX};
	if (strlen(path) >= sizeof a.sun_path)
		return -1;
	memcpy(a.sun_path, path, strlen(path) + 1);
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0 || connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
		perror(path);
		exit(3);
	}
	return fd;
}

static void send_all(int fd, const unsigned char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
		if (w <= 0) {
			printf("closed\n");
			exit(0);
		}
		p += w;
		n -= (size_t)w;
	}
}

/* Read one frame within 10 s; prints "closed" and exits when the service hung up. */
static void read_reply(int fd, struct wire_in *r)
{
	unsigned char hdr[WIRE_HEADER];
	size_t got = 0;
	unsigned char *body = NULL;
	size_t need = WIRE_HEADER;
	while (got < need) {
		struct pollfd p = {.fd = fd, .events = POLLIN};
		if (poll(&p, 1, 10000) <= 0) {
			printf("timeout\n");
			exit(4);
		}
		ssize_t n = recv(fd, got < WIRE_HEADER ? hdr + got : body + got - WIRE_HEADER,
				 need - got, 0);
		if (n <= 0) {
			printf("closed\n");
			exit(0);
		}
		got += (size_t)n;
		if (got == WIRE_HEADER && need == WIRE_HEADER) {
			long len = wire_frame_length(hdr);
			if (len < 0) {
				printf("bad frame from the service\n");
				exit(5);
			}
			body = malloc((size_t)len);
			need += (size_t)len;
		}
	}
	char err[128];
	if (wire_in_parse(r, body, need - WIRE_HEADER, false, err, sizeof err) != 0) {
		printf("bad reply: %s\n", err);
		exit(5);
	}
	free(body);
	if (r->kind == WIRE_NOTICE) { /* not what we wait for: the next one */
		wire_in_free(r);
		read_reply(fd, r);
	}
}

static void print_reply(struct wire_in *r)
{
	const char *msg = "";
	(void)wire_get_text(r, 0, F_MESSAGE, 0, &msg);
	printf("status %u: %s\n", (unsigned)r->code, msg);
	if (r->code == 0)
		printf("records %u\n", (unsigned)(r->nrecs - 1));
}

static void dump(const struct wire_in *r)
{
	for (size_t i = 0; i < r->nfields; i++) {
		const struct wire_field *f = &r->fields[i];
		printf("%u %u ", (unsigned)f->rec, (unsigned)f->tag);
		if (f->type == WIRE_TEXT) {
			char buf[8192];
			(void)text_escape(f->text, buf, sizeof buf);
			printf("%s\n", buf);
		} else {
			printf("%lld\n", (long long)f->num);
		}
	}
}

static void hello_as(int fd, bool watch)
{
	struct wire_out w = {0};
	wire_out_begin(&w, WIRE_REQUEST, OP_HELLO);
	wire_put_text(&w, F_LANG, "en");
	wire_put_bool(&w, F_WATCH, watch);
	if (wire_out_end(&w) != 0)
		exit(6);
	send_all(fd, w.buf, w.len);
	struct wire_in r;
	read_reply(fd, &r);
	if (r.code != 0) {
		print_reply(&r);
		exit(1);
	}
	wire_in_free(&r);
	wire_out_free(&w);
}

static void hello(int fd)
{
	hello_as(fd, false);
}

/* Wait up to secs for a notice frame; print its change bits. */
static int watch(int fd, int secs)
{
	hello_as(fd, true);
	printf("watching\n");
	fflush(stdout);
	unsigned char h[WIRE_HEADER + WIRE_BODY_HEADER];
	size_t got = 0;
	while (got < sizeof h) {
		struct pollfd p = {.fd = fd, .events = POLLIN};
		if (poll(&p, 1, secs * 1000) <= 0) {
			printf("no notice\n");
			return 0;
		}
		ssize_t n = recv(fd, h + got, sizeof h - got, 0);
		if (n <= 0) {
			printf("closed\n");
			return 0;
		}
		got += (size_t)n;
	}
	if (h[WIRE_HEADER + 2] != WIRE_NOTICE) {
		printf("not a notice\n");
		return 1;
	}
	printf("notice %u\n", (unsigned)((h[WIRE_HEADER + 4] << 8) | h[WIRE_HEADER + 5]));
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: see the head of tests/tools/wireprobe.c\n");
		return 2;
	}
	int fd = connect_to(argv[1]);
	const char *mode = argv[2];
	struct wire_in r;
	if (strcmp(mode, "oversize") == 0) {
		unsigned char h[4] = {0x7f, 0xff, 0xff, 0xff};
		send_all(fd, h, sizeof h);
		unsigned char junk[4096] = {0};
		for (int i = 0; i < 64; i++)
			send_all(fd, junk, sizeof junk);
		read_reply(fd, &r);
		print_reply(&r);
		return 0;
	}
	if (strcmp(mode, "stall") == 0 || strcmp(mode, "hold") == 0) {
		int secs = argc > 3 ? atoi(argv[3]) : 5;
		hello(fd);
		if (strcmp(mode, "stall") == 0) {
			unsigned char half[] = {0, 0, 0, 40, 0, 1, WIRE_REQUEST};
			send_all(fd, half, sizeof half);
		}
		printf("holding\n");
		fflush(stdout);
		sleep((unsigned)secs);
		return 0;
	}
	if (strcmp(mode, "watch") == 0)
		return watch(fd, argc > 3 ? atoi(argv[3]) : 5);
	if (strcmp(mode, "raw") == 0) {
		const char *hex = argc > 3 ? argv[3] : "";
		size_t n = strlen(hex) / 2;
		unsigned char *b = malloc(n + 1);
		for (size_t i = 0; i < n; i++) {
			unsigned v;
			if (sscanf(hex + 2 * i, "%2x", &v) != 1)
				return 2;
			b[i] = (unsigned char)v;
		}
		send_all(fd, b, n);
		free(b);
		read_reply(fd, &r);
		print_reply(&r);
		return 0;
	}
	if (strcmp(mode, "request") != 0)
		return 2;
	int i = 3;
	bool greet = true, dump_fields = false;
	if (i < argc && strcmp(argv[i], "--no-hello") == 0) {
		greet = false;
		i++;
	}
	if (i < argc && strcmp(argv[i], "--dump") == 0) {
		dump_fields = true;
		i++;
	}
	if (i >= argc)
		return 2;
	if (greet)
		hello(fd);
	struct wire_out w = {0};
	while (i < argc) {
		wire_out_begin(&w, WIRE_REQUEST, (uint16_t)atoi(argv[i++]));
		for (; i < argc && strcmp(argv[i], "--") != 0; i++) {
			if (strcmp(argv[i], "rec") == 0) {
				wire_put_rec(&w);
				continue;
			}
			char *eq = strchr(argv[i], '=');
			if (!eq || eq[1] == '\0' || eq[2] != ':')
				return 2;
			uint16_t tag = (uint16_t)atoi(argv[i]);
			const char *v = eq + 3;
			if (eq[1] == 't')
				wire_put_text(&w, tag, v);
			else if (eq[1] == 'i')
				wire_put_int(&w, tag, strtoll(v, NULL, 10));
			else if (eq[1] == 'b')
				wire_put_bool(&w, tag, *v == '1');
			else
				return 2;
		}
		if (i < argc)
			i++; /* the "--" before the next request */
		if (wire_out_end(&w) != 0)
			return 6;
		send_all(fd, w.buf, w.len);
		read_reply(fd, &r);
		print_reply(&r);
		if (dump_fields)
			dump(&r);
		wire_in_free(&r);
	}
	wire_out_free(&w);
	close(fd);
	return 0;
}
