/* backups — the names of backups in the service's directory (see backups.h); pure, no
 * I/O. */
#include "autoconfig.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/backups.h"
#include "core/named.h"
#include "i18n.h"

static bool alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), k = strlen(tail);
	return n >= k && strcmp(s + n - k, tail) == 0;
}

enum backups_name_problem backups_name_check(const char *name)
{
	if (!name || !*name)
		return BACKUPS_NAME_EMPTY;
	size_t n = strlen(name);
	for (size_t i = 0; i < n; i++)
		if (!alnum(name[i]) && name[i] != '.' && name[i] != '-' && name[i] != '_')
			return BACKUPS_NAME_CHARACTER;
	if (n > BACKUPS_NAME_MAX)
		return BACKUPS_NAME_TOO_LONG;
	if (!alnum(name[0]))
		return BACKUPS_NAME_START;
	if (strstr(name, ".."))
		return BACKUPS_NAME_DOTS;
	if (ends_with(name, "-wal") || ends_with(name, "-shm") || ends_with(name, "-journal"))
		return BACKUPS_NAME_SIDE_FILE;
	return BACKUPS_NAME_OK;
}

const char *backups_name_message(enum backups_name_problem p)
{
	static const char *const messages[] = {
		[BACKUPS_NAME_EMPTY] = N_("a backup needs a name"),
		[BACKUPS_NAME_TOO_LONG] = N_("a backup's name has at most 64 characters"),
		[BACKUPS_NAME_CHARACTER] = N_("a backup's name is one plain file name: letters, "
					      "digits, '.', '-' and '_' only (no slash: backups "
					      "live in the service's own directory)"),
		[BACKUPS_NAME_START] = N_("a backup's name starts with a letter or digit"),
		[BACKUPS_NAME_DOTS] = N_("a backup's name must not hold \"..\""),
		[BACKUPS_NAME_SIDE_FILE] = N_("a backup's name must not end in -wal, -shm or "
					      "-journal"),
	};
	_Static_assert(sizeof messages / sizeof *messages == BACKUPS_NAME_SIDE_FILE + 1,
		       "a message for every problem");
	return named_message(messages, sizeof messages / sizeof *messages, (int)p, "?");
}

void backups_default_name(const char *prefix, time_t t, unsigned n,
			  char out[BACKUPS_NAME_MAX + 1])
{
	struct tm tm;
	char when[32] = "00000000-000000";
	if (localtime_r(&t, &tm))
		(void)strftime(when, sizeof when, "%Y%m%d-%H%M%S", &tm);
	if (n > 1)
		snprintf(out, BACKUPS_NAME_MAX + 1, "%.24s-%s-%u.db", prefix, when, n);
	else
		snprintf(out, BACKUPS_NAME_MAX + 1, "%.24s-%s.db", prefix, when);
}
