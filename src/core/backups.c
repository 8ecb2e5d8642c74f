/* backups — the names of backups in the service's directory (see backups.h); pure, no
 * I/O. */
#include "autoconfig.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/backups.h"
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
	switch (p) {
	case BACKUPS_NAME_OK:
		return "";
	case BACKUPS_NAME_EMPTY:
		return _("a backup needs a name");
	case BACKUPS_NAME_TOO_LONG:
		return _("a backup's name has at most 64 characters");
	case BACKUPS_NAME_CHARACTER:
		return _("a backup's name is one plain file name: letters, digits, '.', '-' and "
			 "'_' only (no slash: backups live in the service's own directory)");
	case BACKUPS_NAME_START:
		return _("a backup's name starts with a letter or digit");
	case BACKUPS_NAME_DOTS:
		return _("a backup's name must not hold \"..\"");
	case BACKUPS_NAME_SIDE_FILE:
		return _("a backup's name must not end in -wal, -shm or -journal");
	}
	return "?";
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
