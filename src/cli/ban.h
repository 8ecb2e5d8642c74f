/* ban — what the files of the 'ban' command group share (ban.c, ban_fields.c, ban_import.c,
 * ban_lifecycle.c, ban_letter.c, ban_exception.c): the fields of a ban as typed or read
 * from a CSV, checked with core/bancheck before anything is sent, and the messages. */
#ifndef BALIE_CLI_BAN_H
#define BALIE_CLI_BAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cli/cli.h"
#include "client/lib.h"
#include "core/lib.h"

/* Where ban_fields_check puts what it normalises; the ban points into it. */
struct ban_norm {
	char scope[1024];
};

/* The 'ban add' option of a field ("--surname"), for messages. */
const char *ban_field_option(enum banf f);

/* Check one ban given as texts (v indexed by enum banf, NULL = absent; trimmed in place)
 * with the configuration's buildings and today's date, and fill out with pointers into v
 * and norm. 0, or -1 with the field in *bad and the translated reason in why. */
int ban_fields_check(const struct config *cfg, char *v[BANF_COUNT], const char *today,
		     struct ban_new *out, struct ban_norm *norm, enum banf *bad, char *why,
		     size_t whysz);

/* "yes", "ja", "1", "true" ... and "no", "nee", "0", "false", "" ... (any case); 0 or -1. */
int ban_parse_yesno(const char *v, bool *out);

/* A value quoted for a message, anything unprintable made visible. */
const char *ban_quoted(const char *v, char *buf, size_t bufsz);

/* The sanction table as balie reads it (beside balie.conf, else built in), for proposals
 * and warnings; what is allowed is the service's table. 0, or -1 after the message. */
int ban_table(const struct cli_ctx *ctx, struct sanction_table *t);

/* Options that mean the same in several ban commands: one definition each, for their
 * option tables. */
#define BAN_OPT_ALL                                                                        \
	{.name = "all", .letter = 'a', .type = CLI_FLAG,                                    \
	 .help = N_("every ban, also expired, lifted and draft ones")}
#define BAN_OPT_POLICE                                                                     \
	{.name = "police", .letter = 'x', .type = CLI_TEXT, .arg = "yes|no", .max = 16,     \
	 .implied = "yes", .help = N_("the police were informed")}
#define BAN_OPT_ENFORCEMENT                                                                \
	{.name = "enforcement", .letter = 'E', .type = CLI_TEXT, .arg = "TEXT", .max = 2000, \
	 .help = N_("how it is enforced besides informing reception")}

/* The commands of each file (declared as option tables). */
extern const struct cli_command cli_ban_commands[];           /* list, show, add, lift */
extern const struct cli_command cli_ban_import_commands[];    /* import, export */
extern const struct cli_command cli_ban_lifecycle_commands[]; /* propose, activate, extend,
							       * history */
extern const struct cli_command cli_ban_letter_commands[];    /* letter */
extern const struct cli_command cli_ban_exception_commands[]; /* exception, notices */

#endif
