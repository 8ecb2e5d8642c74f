/* faultfs — an LD_PRELOAD shim for the torture tests: chosen files behave as on a full
 * disk (ENOSPC after a write budget), a read-only file system (EROFS) or a file this user
 * may not write (EACCES), without root, a loop device or a small file system image.
 * FAULTFS_FILES=PATH[:PATH...] (a trailing '*' matches a prefix), FAULTFS_MODE=full|rofs|
 * eacces, FAULTFS_BUDGET=bytes that may still be written (full; default 0). Writes into
 * blocks a file already has (fallocate) still succeed on the "full" disk, as on a real one. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/types.h>
#include <unistd.h>

#define MAX_FD 4096

static unsigned char tracked[MAX_FD];
static long long budget = -1;

static bool matches(const char *path)
{
	const char *list = getenv("FAULTFS_FILES");
	if (!list || !path)
		return false;
	size_t plen = strlen(path);
	while (*list) {
		const char *end = strchr(list, ':');
		size_t n = end ? (size_t)(end - list) : strlen(list);
		if (n > 0 && list[n - 1] == '*') {
			if (plen >= n - 1 && strncmp(path, list, n - 1) == 0)
				return true;
		} else if (n == plen && strncmp(path, list, n) == 0) {
			return true;
		}
		if (!end)
			break;
		list = end + 1;
	}
	return false;
}

static const char *mode(void)
{
	const char *m = getenv("FAULTFS_MODE");
	return m ? m : "full";
}

/* Whether a write of n bytes at off (-1: at the end) to fd must fail; sets errno. As on a
 * real disk, writing into blocks the file already has needs no space (fallocate). */
static bool refuse_write(int fd, size_t n, long long off)
{
	if (fd < 0 || fd >= MAX_FD || !tracked[fd] || strcmp(mode(), "full") != 0)
		return false;
	struct stat sb;
	if (fstat(fd, &sb) == 0) {
		long long at = off < 0 ? (long long)sb.st_size : off;
		if (at + (long long)n <= (long long)sb.st_blocks * 512)
			return false;
	}
	if (budget < 0) {
		const char *b = getenv("FAULTFS_BUDGET");
		budget = b ? atoll(b) : 0;
	}
	if ((long long)n <= budget) {
		budget -= (long long)n;
		return false;
	}
	budget = 0;
	errno = ENOSPC;
	return true;
}

/* Whether opening path with flags must fail; sets errno. */
static bool refuse_open(const char *path, int flags)
{
	if (!matches(path) || strcmp(mode(), "full") == 0)
		return false;
	if ((flags & O_ACCMODE) == O_RDONLY && !(flags & O_CREAT))
		return false;
	errno = strcmp(mode(), "rofs") == 0 ? EROFS : EACCES;
	return true;
}

static int track(int fd, const char *path)
{
	if (fd >= 0 && fd < MAX_FD)
		tracked[fd] = matches(path);
	return fd;
}

#define NEXT(name) static __typeof__(&name) real_##name; \
	if (!real_##name) real_##name = (__typeof__(&name))dlsym(RTLD_NEXT, #name)

/* The mode argument of an open with O_CREAT or O_TMPFILE. */
#define MODE_ARG(flags, m) do { \
	if ((flags) & (O_CREAT | O_TMPFILE)) { \
		va_list ap; \
		va_start(ap, flags); \
		(m) = (mode_t)va_arg(ap, int); \
		va_end(ap); \
	} \
} while (0)

int open(const char *path, int flags, ...)
{
	NEXT(open);
	mode_t m = 0;
	MODE_ARG(flags, m);
	return refuse_open(path, flags) ? -1 : track(real_open(path, flags, m), path);
}

int open64(const char *path, int flags, ...)
{
	NEXT(open64);
	mode_t m = 0;
	MODE_ARG(flags, m);
	return refuse_open(path, flags) ? -1 : track(real_open64(path, flags, m), path);
}

int close(int fd)
{
	NEXT(close);
	if (fd >= 0 && fd < MAX_FD)
		tracked[fd] = 0;
	return real_close(fd);
}

ssize_t write(int fd, const void *buf, size_t n)
{
	NEXT(write);
	if (refuse_write(fd, n, (fcntl(fd, F_GETFL) & O_APPEND) ? -1 : (long long)lseek(fd, 0, SEEK_CUR)))
		return -1;
	return real_write(fd, buf, n);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
	NEXT(pwrite);
	if (refuse_write(fd, n, (long long)off))
		return -1;
	return real_pwrite(fd, buf, n, off);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off64_t off)
{
	NEXT(pwrite64);
	if (refuse_write(fd, n, (long long)off))
		return -1;
	return real_pwrite64(fd, buf, n, off);
}

/* Growing a file takes space as well (the WAL index grows this way). */
static bool refuse_grow(int fd, off_t len)
{
	struct stat sb;
	if (fd < 0 || fd >= MAX_FD || !tracked[fd] || fstat(fd, &sb) != 0 || len <= sb.st_size)
		return false;
	return refuse_write(fd, (size_t)(len - sb.st_size), (long long)sb.st_size);
}

int ftruncate(int fd, off_t len)
{
	NEXT(ftruncate);
	if (refuse_grow(fd, len))
		return -1;
	return real_ftruncate(fd, len);
}

int ftruncate64(int fd, off64_t len)
{
	NEXT(ftruncate64);
	if (refuse_grow(fd, (off_t)len))
		return -1;
	return real_ftruncate64(fd, len);
}

int unlink(const char *path)
{
	NEXT(unlink);
	if (matches(path) && strcmp(mode(), "rofs") == 0) {
		errno = EROFS;
		return -1;
	}
	return real_unlink(path);
}

int statvfs(const char *path, struct statvfs *buf)
{
	NEXT(statvfs);
	int rc = real_statvfs(path, buf);
	if (rc == 0 && matches(path) && strcmp(mode(), "rofs") == 0)
		buf->f_flag |= ST_RDONLY;
	return rc;
}
