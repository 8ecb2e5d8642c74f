/* i18n — gettext set-up and the _() / N_() markers used by every user-facing string.
 * English msgids; the Dutch catalogue is po/nl.po. */
#ifndef BALIE_I18N_H
#define BALIE_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* Bind the text domain (LOCALEDIR, or $BALIE_LOCALEDIR for tests) and follow the locale. */
void i18n_init(void);

/* Force a language ("nl", "en") chosen in the configuration; NULL or "" keeps the locale's. */
void i18n_set_language(const char *lang);

/* For the service: answer in this language (a client's LANGUAGE-style tag) from now on. */
void i18n_use_language(const char *lang);

#endif
