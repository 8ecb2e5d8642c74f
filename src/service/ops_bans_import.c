/* ops_bans_import — an import of bans arrives in many frames: BEGIN, ROWS (each row checked
 * as it comes and kept in the session's memory, within a bound), then COMMIT writes them all
 * in one short transaction, or nothing. No transaction waits for the client, and an import
 * abandoned half-way (ABORT, a bad row, a lost connection) leaves nothing behind. */
#include "autoconfig.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "service/jobs.h"
#include "service/ops_bans.h"

/* What one session may hold: more than the largest register a town keeps (a million bans
 * take about 150 MiB here), little enough that balied lives on. */
#define IMPORT_MAX_ROWS 2000000u
#define IMPORT_MAX_BYTES (512u << 20)

/* The rows so far, packed into one allocation (service_session_end frees it with free()):
 * per row three bytes (kind, reason, flags) and the texts of row_texts, each ending in
 * NUL. */
struct import {
	size_t rows, len, cap;
	unsigned char data[];
};

enum { ROW_POLICE = 1, ROW_DRAFT = 2, ROW_UNTIL = 4 };

static const size_t row_texts[] = {
	offsetof(struct ban_new, given_names), offsetof(struct ban_new, prefix),
	offsetof(struct ban_new, surname), offsetof(struct ban_new, partner_prefix),
	offsetof(struct ban_new, partner_surname), offsetof(struct ban_new, born),
	offsetof(struct ban_new, scope), offsetof(struct ban_new, starts),
	offsetof(struct ban_new, ends), offsetof(struct ban_new, imposed_by),
	offsetof(struct ban_new, letter_sent), offsetof(struct ban_new, notes),
	offsetof(struct ban_new, enforcement), offsetof(struct ban_new, justification),
	offsetof(struct ban_new, reasons), offsetof(struct ban_new, lifted_at),
	offsetof(struct ban_new, lifted_by), offsetof(struct ban_new, lifted_reason),
	offsetof(struct ban_new, address), offsetof(struct ban_new, event_date),
	offsetof(struct ban_new, takeover_source),
};
#define NTEXTS (sizeof row_texts / sizeof *row_texts)

static const char **text_at(struct ban_new *b, size_t i)
{
	return (const char **)(void *)((char *)b + row_texts[i]);
}

static void drop(struct svc_call *c)
{
	free(c->sess->import);
	c->sess->import = NULL;
}

/* Fail the import: it is over, whatever came before. */
static enum store_status abandon(struct svc_call *c, enum store_status r)
{
	drop(c);
	return r;
}

static enum store_status begin(struct svc_call *c)
{
	drop(c);
	/* Refused early, before the rows are sent, when a long task is running already
	 * (COMMIT asks again). */
	enum store_status r = svc_job_none_running(c);
	if (r != STORE_OK)
		return r;
	struct import *im = malloc(sizeof *im + 65536);
	if (!im)
		return svc_fail(c, STORE_ERROR, "%s", _("out of memory"));
	im->rows = im->len = 0;
	im->cap = 65536;
	c->sess->import = im;
	return STORE_OK;
}

/* Append one checked row; -1 when the bound is reached or memory runs out. */
static int pack(struct svc_call *c, struct ban_new *b)
{
	struct import *im = c->sess->import;
	size_t need = 3;
	for (size_t i = 0; i < NTEXTS; i++)
		need += strlen(*text_at(b, i)) + 1;
	if (im->rows >= IMPORT_MAX_ROWS || im->len + need > IMPORT_MAX_BYTES)
		return -1;
	if (im->len + need > im->cap) {
		size_t cap = im->cap;
		while (cap < im->len + need)
			cap *= 2;
		if (cap > IMPORT_MAX_BYTES)
			cap = IMPORT_MAX_BYTES;
		struct import *bigger = realloc(im, sizeof *im + cap);
		if (!bigger)
			return -1;
		im = bigger;
		im->cap = cap;
		c->sess->import = im;
	}
	unsigned char *p = im->data + im->len;
	*p++ = (unsigned char)b->kind;
	*p++ = (unsigned char)b->reason;
	*p++ = (unsigned char)((b->police_informed ? ROW_POLICE : 0) | (b->draft ? ROW_DRAFT : 0) |
			       (b->until_conversation ? ROW_UNTIL : 0));
	for (size_t i = 0; i < NTEXTS; i++) {
		size_t n = strlen(*text_at(b, i)) + 1;
		memcpy(p, *text_at(b, i), n);
		p += n;
	}
	im->len += need;
	im->rows++;
	return 0;
}

static enum store_status rows(struct svc_call *c)
{
	struct import *im = c->sess->import;
	if (!im)
		return svc_fail(c, STORE_INVALID, "%s", _("no import in progress: begin one first"));
	struct sanction_table t;
	bool have_table = false;
	for (uint32_t rec = 1; rec < c->req->nrecs; rec++) {
		char prefix[48];
		snprintf(prefix, sizeof prefix, _("row %zu: "), im->rows + 1);
		struct ban_new b;
		struct svc_ban_norm n;
		enum store_status r = svc_ban_decode(c, rec, &b, prefix);
		/* The table only for a row with a combination of reasons; loaded once. */
		if (r == STORE_OK && b.reasons && *b.reasons && !have_table) {
			r = svc_ban_table(c, &t);
			have_table = r == STORE_OK;
		}
		if (r == STORE_OK)
			r = svc_ban_check(c, &b, &n, true, have_table ? &t : NULL, prefix);
		if (r != STORE_OK)
			return abandon(c, r);
		/* A CSV has no column for it: no import claims a repeat offence. */
		b.repeat_offence = false;
		if (pack(c, &b) != 0) {
			(void)svc_fail(c, STORE_INVALID, _("the import is larger than the service "
							   "takes (at most %u rows, %u MiB); "
							   "nothing imported"),
				       IMPORT_MAX_ROWS, IMPORT_MAX_BYTES >> 20);
			return abandon(c, STORE_INVALID);
		}
		im = c->sess->import;
	}
	return STORE_OK;
}

/* Unpack the rows into an array pointing into the packed texts. */
static struct ban_new *unpack(struct import *im)
{
	struct ban_new *b = calloc(im->rows ? im->rows : 1, sizeof *b);
	if (!b)
		return NULL;
	const unsigned char *p = im->data;
	for (size_t r = 0; r < im->rows; r++) {
		b[r].kind = (enum ban_kind)p[0];
		b[r].reason = (enum ban_reason)p[1];
		b[r].police_informed = (p[2] & ROW_POLICE) != 0;
		b[r].draft = (p[2] & ROW_DRAFT) != 0;
		b[r].until_conversation = (p[2] & ROW_UNTIL) != 0;
		p += 3;
		for (size_t i = 0; i < NTEXTS; i++) {
			*text_at(&b[r], i) = (const char *)p;
			p += strlen((const char *)p) + 1;
		}
	}
	return b;
}

/* The write itself, as a job (jobs.h): on balied's worker, or at once in direct mode. */
static enum store_status commit_work(struct svc_job *job, struct store *st)
{
	struct import *im = svc_job_data(job);
	struct ban_new *b = unpack(im);
	if (!b)
		return svc_job_fail(job, STORE_ERROR, _("out of memory"));
	enum store_status r = store_ban_import(st, b, im->rows);
	free(b);
	if (r == STORE_OK)
		svc_job_set_result(job, (int64_t)im->rows);
	return r;
}

static enum store_status commit_answer(struct svc_job *job, struct wire_out *reply)
{
	wire_put_int(reply, F_COUNT, svc_job_result(job));
	return STORE_OK;
}

static enum store_status commit(struct svc_call *c)
{
	struct import *im = c->sess->import;
	if (!im)
		return svc_fail(c, STORE_INVALID, "%s", _("no import in progress: begin one first"));
	int64_t sent = -1;
	enum store_status r = svc_int(c, F_COUNT, _("count"), 0, IMPORT_MAX_ROWS, true, &sent);
	if (r != STORE_OK)
		return abandon(c, r);
	/* A frame lost on the way must not pass for a smaller file. */
	if ((size_t)sent != im->rows) {
		(void)svc_fail(c, STORE_INVALID, _("the client sent %lld rows, the service has %zu; "
						   "nothing imported"), (long long)sent, im->rows);
		return abandon(c, STORE_INVALID);
	}
	/* The rows go with the job: the session may end before the job does. */
	c->sess->import = NULL;
	return svc_job_start(c, N_("import"), true, CHANGE_BANS, commit_work, commit_answer, im,
			     free);
}

static enum store_status abort_import(struct svc_call *c)
{
	drop(c);
	return STORE_OK;
}

/* ------------------------------------------------------------------ takeovers (issue 13) */

static enum store_status takeovers(struct svc_call *c)
{
	bool all = false;
	enum store_status r = svc_bool(c, F_ALL_TAKEOVERS, _("all"), &all);
	if (r != STORE_OK)
		return r;
	struct ban_list l = {0};
	r = store_ban_takeovers(c->st, all, &l);
	return svc_ban_reply_list(c, r, &l, "bans", all ? "takeovers --all" : "takeovers");
}

static enum store_status review(struct svc_call *c)
{
	const char *note = NULL;
	enum store_status r = svc_text(c, F_TEXT, _("note"), 500, false, &note);
	if (r != STORE_OK)
		return r;
	return svc_ban_stored(c, store_ban_review(c->st, c->id, note ? note : ""), c->id);
}

const struct svc_op_def svc_ops_bans_import[] = {
	{OP_BAN_IMPORT_BEGIN, "ban.import", PERM_EDIT_BAN, SVC_AUDIT_NONE, 0, NULL, begin},
	{OP_BAN_IMPORT_ROWS, "ban.import", PERM_EDIT_BAN, SVC_AUDIT_NONE, 0, NULL, rows},
	{OP_BAN_IMPORT_COMMIT, "ban.import", PERM_EDIT_BAN, SVC_AUDIT_STORE, CHANGE_BANS, NULL,
	 commit},
	{OP_BAN_IMPORT_ABORT, "ban.import", PERM_EDIT_BAN, SVC_AUDIT_NONE, 0, NULL, abort_import},
	{OP_BAN_TAKEOVERS, "ban.takeovers", PERM_EDIT_BAN, SVC_AUDIT_VIEW, 0, NULL, takeovers},
	{OP_BAN_REVIEW, "ban.review", PERM_EDIT_BAN, SVC_AUDIT_STORE, CHANGE_BANS, N_("ban id"),
	 review},
	{0, NULL, 0, 0, 0, NULL, NULL},
};
