/* i18n — binding the gettext domain; tests point $BALIE_LOCALEDIR at the build tree. */
#include "autoconfig.h"

#include <langinfo.h>
#include <stdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

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

void i18n_init(void)
{
	/* A locale the system lacks leaves "C": still safe, only untranslated. */
	(void)setlocale(LC_ALL, "");
	ensure_utf8_ctype();
	const char *dir = getenv("BALIE_LOCALEDIR");
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
