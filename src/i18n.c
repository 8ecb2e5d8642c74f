/* i18n — binding the gettext domain: the installed catalogue, the build tree's when the
 * program runs from it, or $BALIE_LOCALEDIR (tests); Dutch by LANGUAGE even in C.UTF-8. */
#include "autoconfig.h"

#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"

/* Names and the console need UTF-8 even when the session's locale is plain "C"/"POSIX". */
static void ensure_utf8_ctype(void)
{
	const char *codeset = nl_langinfo(CODESET);
	if (codeset && strcmp(codeset, "UTF-8") == 0)
		return;
	if (!setlocale(LC_CTYPE, "C.UTF-8"))
		(void)setlocale(LC_CTYPE, "C.utf8");
}

/* GNU gettext ignores LANGUAGE while the messages locale is "C" or "POSIX": with LANGUAGE
 * set, use C.UTF-8 for messages, which every glibc has, so LANGUAGE=nl alone gives Dutch. */
static void follow_language(void)
{
	const char *language = getenv("LANGUAGE");
	const char *messages = setlocale(LC_MESSAGES, NULL);
	if (!language || !*language || !messages)
		return;
	if (strcmp(messages, "C") == 0 || strcmp(messages, "POSIX") == 0)
		if (!setlocale(LC_MESSAGES, "C.UTF-8"))
			(void)setlocale(LC_MESSAGES, "C.utf8");
}

/* The build tree's catalogues when this very program is the one built there (its path is
 * BALIE_BUILDDIR/src/balie) and runs with no privilege; NULL otherwise. The path is fixed
 * at build time: never the current directory, never anything an operator can name. */
static const char *build_tree_localedir(void)
{
	static char dir[PATH_MAX];
	char exe[PATH_MAX], want[PATH_MAX];
	if (geteuid() != getuid() || getegid() != getgid())
		return NULL;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	char *real = realpath(BALIE_BUILDDIR "/src/balie", NULL);
	int same = real && strcmp(real, exe) == 0;
	free(real);
	if (!same || (size_t)snprintf(want, sizeof want, "%s/locale", BALIE_BUILDDIR) >= sizeof want)
		return NULL;
	struct stat sb;
	if (stat(want, &sb) != 0 || !S_ISDIR(sb.st_mode))
		return NULL;
	memcpy(dir, want, sizeof dir);
	return dir;
}

void i18n_init(void)
{
	/* A locale the system lacks leaves "C": still safe, only untranslated. */
	(void)setlocale(LC_ALL, "");
	ensure_utf8_ctype();
	follow_language();
	const char *dir = getenv("BALIE_LOCALEDIR");
	if (!dir || !*dir)
		dir = build_tree_localedir();
	(void)bindtextdomain(PACKAGE, dir && *dir ? dir : LOCALEDIR);
	(void)bind_textdomain_codeset(PACKAGE, "UTF-8");
	(void)textdomain(PACKAGE);
}

void i18n_set_language(const char *lang)
{
	if (!lang || !*lang)
		return;
	/* LANGUAGE outranks LC_MESSAGES in GNU gettext, but only when LC_MESSAGES is not
	 * "C"; setlocale() again also drops gettext's cache of looked-up messages. */
	if (setenv("LANGUAGE", lang, 1) != 0)
		return;
	(void)setlocale(LC_ALL, "");
	const char *messages = setlocale(LC_MESSAGES, NULL);
	if (!messages || strcmp(messages, "C") == 0 || strcmp(messages, "POSIX") == 0)
		(void)setlocale(LC_MESSAGES, "C.UTF-8");
	ensure_utf8_ctype();
}

void i18n_use_language(const char *lang)
{
	/* A service answers many clients, each in its own language: switch only when it
	 * differs, and make gettext forget what it looked up for the previous one. */
	static char current[64];
	if (!lang || strcmp(lang, current) == 0 || strlen(lang) >= sizeof current)
		return;
	if (setenv("LANGUAGE", lang, 1) != 0)
		return;
	snprintf(current, sizeof current, "%s", lang);
	const char *messages = setlocale(LC_MESSAGES, NULL);
	char copy[64];
	snprintf(copy, sizeof copy, "%s", messages ? messages : "C.UTF-8");
	if (strcmp(copy, "C") == 0 || strcmp(copy, "POSIX") == 0)
		snprintf(copy, sizeof copy, "%s", "C.UTF-8");
	(void)setlocale(LC_MESSAGES, copy); /* also clears gettext's cache */
}
