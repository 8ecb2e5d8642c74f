/* i18n — binding the gettext domain; tests point $BALIE_LOCALEDIR at the build tree. */
#include "autoconfig.h"

#include <locale.h>
#include <stdlib.h>

#include "i18n.h"

void i18n_init(void)
{
	/* A locale the system lacks leaves "C": still safe, only untranslated. */
	(void)setlocale(LC_ALL, "");
	const char *dir = getenv("BALIE_LOCALEDIR");
	(void)bindtextdomain(PACKAGE, dir && *dir ? dir : LOCALEDIR);
	(void)bind_textdomain_codeset(PACKAGE, "UTF-8");
	(void)textdomain(PACKAGE);
}

void i18n_set_language(const char *lang)
{
	if (!lang || !*lang)
		return;
	/* LANGUAGE outranks LC_MESSAGES in GNU gettext; setlocale() again drops its cache. */
	if (setenv("LANGUAGE", lang, 1) == 0)
		(void)setlocale(LC_ALL, "");
}
