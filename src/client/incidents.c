/* client/incidents — the incidents' requests (issue 13). */
#include "autoconfig.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "client/incidents.h"
#include "i18n.h"
#include "service/lib.h"

/* A request carrying the incident as record 1. */
static void put_incident(struct client *cl, enum svc_op op, const struct incident *in)
{
	struct wire_out *q = client_request(cl, op);
	wire_put_rec(q);
	wire_put_struct(q, records_incident, records_incident_n, in);
}

enum store_status client_incident_add(struct client *cl, const struct incident *in,
				      int64_t *id_out)
{
	put_incident(cl, OP_INCIDENT_ADD, in);
	return client_call_id(cl, id_out);
}

enum store_status client_incident_get(struct client *cl, int64_t id, struct incident *out)
{
	wire_put_int(client_request(cl, OP_INCIDENT_GET), F_ID, id);
	return client_call_one(cl, records_incident, records_incident_n, out, sizeof *out, NULL);
}

enum store_status client_incident_update(struct client *cl, const struct incident *in)
{
	put_incident(cl, OP_INCIDENT_UPDATE, in);
	return client_call_simple(cl);
}

enum store_status client_incident_complete(struct client *cl, int64_t id, int expected_version)
{
	struct wire_out *q = client_request(cl, OP_INCIDENT_COMPLETE);
	wire_put_int(q, F_ID, id);
	wire_put_int(q, F_VERSION, expected_version);
	return client_call_simple(cl);
}

enum store_status client_incident_list(struct client *cl, time_t from, time_t to,
				       struct incident **out, size_t *n)
{
	struct wire_out *q = client_request(cl, OP_INCIDENT_LIST);
	wire_put_int(q, F_FROM, (int64_t)from);
	wire_put_int(q, F_TO, (int64_t)to);
	enum store_status r;
	*out = client_call_list(cl, records_incident, records_incident_n, sizeof **out, NULL, n,
				&r);
	return r;
}

enum store_status client_incident_tally(struct client *cl, time_t at, enum incident_category c,
					enum incident_channel ch, const char *place,
					int64_t *id_out)
{
	struct wire_out *q = client_request(cl, OP_INCIDENT_TALLY);
	wire_put_int(q, F_INC_AT, (int64_t)at);
	wire_put_int(q, F_INC_CATEGORY, c);
	wire_put_int(q, F_INC_CHANNEL, ch);
	if (place && *place)
		wire_put_text(q, F_INC_PLACE, place);
	return client_call_id(cl, id_out);
}

enum store_status client_incident_followups(struct client *cl, int64_t id,
					    struct incident_followup *out, size_t *n)
{
	*n = 0;
	wire_put_int(client_request(cl, OP_INCIDENT_FOLLOWUPS), F_ID, id);
	size_t got = 0;
	enum store_status r;
	struct incident_followup *items = client_call_list(cl, records_incident_followup,
							   records_incident_followup_n,
							   sizeof *out, NULL, &got, &r);
	if (r == STORE_OK && got > INCIDENTS_MAX_ITEMS)
		r = client_fail(cl, STORE_UNAVAILABLE, "%s", _("the service's reply does not decode"));
	if (r == STORE_OK) {
		if (got)
			memcpy(out, items, got * sizeof *out);
		*n = got;
	}
	free(items);
	return r;
}

enum store_status client_incident_done(struct client *cl, int64_t id, const char *key,
				       time_t done_at, const char *note)
{
	struct wire_out *q = client_request(cl, OP_INCIDENT_DONE);
	wire_put_int(q, F_ID, id);
	wire_put_text(q, F_INC_KEY, key);
	wire_put_int(q, F_INC_AT, (int64_t)done_at);
	if (note && *note)
		wire_put_text(q, F_INC_NOTE, note);
	return client_call_simple(cl);
}

enum store_status client_incident_due(struct client *cl, bool all,
				      struct incident_due_row **out, size_t *n)
{
	wire_put_bool(client_request(cl, OP_INCIDENT_DUE), F_INC_ALL, all);
	enum store_status r;
	*out = client_call_list(cl, records_incident_due_row, records_incident_due_row_n,
				sizeof **out, NULL, n, &r);
	return r;
}

enum store_status client_incident_earlier(struct client *cl, int64_t id,
					  struct incidents_earlier *out)
{
	wire_put_int(client_request(cl, OP_INCIDENT_EARLIER), F_ID, id);
	return client_call_one(cl, records_incidents_earlier, records_incidents_earlier_n, out,
			       sizeof *out, NULL);
}

enum store_status client_incident_report(struct client *cl, time_t from, time_t to,
					 struct incidents_record **rec, size_t *nrec,
					 struct incidents_tally **tally, size_t *ntally)
{
	*rec = NULL;
	*tally = NULL;
	*nrec = *ntally = 0;
	struct wire_out *q = client_request(cl, OP_INCIDENT_REPORT);
	wire_put_int(q, F_FROM, (int64_t)from);
	wire_put_int(q, F_TO, (int64_t)to);
	struct wire_in r;
	enum store_status s = client_call(cl, &r);
	if (s != STORE_OK)
		return s;
	size_t count = r.nrecs > 0 ? r.nrecs - 1 : 0;
	*rec = calloc(count ? count : 1, sizeof **rec);
	*tally = calloc(count ? count : 1, sizeof **tally);
	if (!*rec || !*tally)
		s = client_fail(cl, STORE_ERROR, "%s", strerror(ENOMEM));
	/* An incident carries its date under tag 1, a tally mark under tag 11. */
	for (uint32_t i = 1; s == STORE_OK && i <= count; i++)
		s = wire_find(&r, i, 1) ? client_get_struct(cl, &r, i, records_incidents_record,
							    records_incidents_record_n,
							    &(*rec)[(*nrec)++])
					: client_get_struct(cl, &r, i, records_incidents_tally,
							    records_incidents_tally_n,
							    &(*tally)[(*ntally)++]);
	wire_in_free(&r);
	if (s != STORE_OK) {
		free(*rec);
		free(*tally);
		*rec = NULL;
		*tally = NULL;
		*nrec = *ntally = 0;
	}
	return s;
}
