/* sanctions_conf — sanctions.conf (the sanction table) and the letter templates, read with
 * libconfuse from next to balie.conf, else the copies built into the program. */
#ifndef BALIE_SANCTIONS_CONF_H
#define BALIE_SANCTIONS_CONF_H

#include <stddef.h>

#include "core/lib.h"

/* Find and read the table: sanctions.conf in the directory of config_source (the
 * balie.conf in use; NULL for built-in defaults), else $XDG_CONFIG_HOME/balie/ (or
 * ~/.config/balie/), SYSCONFDIR/balie/, /etc/balie/, else the built-in table. 0, or -1
 * with "FILE:LINE: what is wrong" (translated) in err. */
int sanctions_load(const char *config_source, struct sanction_table *out, char *err,
		   size_t errsz);

/* Read exactly this file; same contract. */
int sanctions_load_file(const char *path, struct sanction_table *out, char *err, size_t errsz);

/* Parse text (name is used in messages); same contract. */
int sanctions_load_text(const char *name, const char *text, struct sanction_table *out,
			char *err, size_t errsz);

/* The built-in table (data/sanctions.conf as built into the program). */
int sanctions_default(struct sanction_table *out, char *err, size_t errsz);

/* Letter types of `balie ban letter`. */
enum sanctions_letter { LETTER_WARNING, LETTER_BAN, LETTER_INVITATION, LETTER_COUNT };

/* Machine name ("warning", "ban", "invitation"); parse: 0 or -1. */
const char *sanctions_letter_name(enum sanctions_letter l);
int sanctions_letter_parse(const char *s, enum sanctions_letter *out);

/* The template of a letter: letters/NAME.txt in the directory of config_source when it
 * exists, else the built-in one. A malloc'd text, or NULL with err set. */
char *sanctions_letter_template(const char *config_source, enum sanctions_letter l, char *err,
				size_t errsz);

#endif
