/* dates — calendar dates and times: strict parsing, validation, formatting.
 * Stored form: UTC "YYYY-MM-DDTHH:MM:SSZ" for instants, "YYYY-MM-DD" for dates. */
#ifndef BALIE_DATES_H
#define BALIE_DATES_H

#include <stdbool.h>
#include <time.h>

#define DATES_DATE_LEN 11 /* "YYYY-MM-DD" + NUL */
#define DATES_UTC_LEN 21  /* "YYYY-MM-DDTHH:MM:SSZ" + NUL */

/* True when y-m-d is a real day of the Gregorian calendar (1900..9999). */
bool dates_valid_ymd(int y, int m, int d);

/* Parse a strict "YYYY-MM-DD"; 0 on success, -1 when malformed or not a real day. */
int dates_parse_date(const char *s, int *y, int *m, int *d);

/* How dates_read completes a two-digit year. */
enum dates_century {
	DATES_PAST, /* the latest such date not after today: a date of birth (0-99 years ago) */
	DATES_NEAR  /* the one nearest to today: the start or end of a ban */
};

/* Whether s is meant as a date rather than a word: only digits and the separators '-',
 * '/' and '.', with at least one digit (blanks around it are ignored). A name never is. */
bool dates_is_date_like(const char *s);

/* The one reader of dates people type (search, forms, command line): d-m-yyyy,
 * dd-mm-yyyy, d-m-yy, yyyy-mm-dd or ddmmyyyy, the parts separated by one kind of '-',
 * '/' or '.'; blanks around it are ignored. today ("YYYY-MM-DD") completes a two-digit
 * year as century says; with today NULL a two-digit year is refused. Writes "YYYY-MM-DD"
 * to out and returns 0; -1 (out "") when s is none of these forms or not a real day. */
int dates_read(const char *s, const char *today, enum dates_century century,
	       char out[DATES_DATE_LEN]);

/* Parse "HH:MM" (00:00..23:59, or 24:00 when allow_24) into minutes since midnight; -1 on error. */
int dates_parse_hm(const char *s, bool allow_24);

/* Format an instant as stored UTC text. */
void dates_format_utc(time_t t, char out[DATES_UTC_LEN]);

/* Parse stored UTC text; 0 on success, -1 on error. */
int dates_parse_utc(const char *s, time_t *out);

/* The local calendar date of an instant, "YYYY-MM-DD". */
void dates_local_date(time_t t, char out[DATES_DATE_LEN]);

/* Local "HH:MM" of an instant. */
void dates_local_hm(time_t t, char out[6]);

/* Local weekday of an instant, 0 = Monday .. 6 = Sunday. */
int dates_local_weekday(time_t t);

/* Minutes since local midnight of an instant. */
int dates_local_minutes(time_t t);

/* The instant of a local date and minutes since midnight (handles DST); -1 on error. */
int dates_local_instant(const char *date, int minutes, time_t *out);

/* How a local time people type was read (dates_read_local). */
enum dates_local_read {
	DATES_LOCAL_OK,
	DATES_LOCAL_MALFORMED, /* neither "HH:MM" (where allowed) nor "YYYY-MM-DD HH:MM" */
	DATES_LOCAL_NO_SUCH    /* a time the change to summer time skips */
};

/* The one reader of local times typed at the desk: "HH:MM" on the local date day, or
 * "YYYY-MM-DD HH:MM" (the only form when day is NULL), into an instant. A time that occurs
 * twice (the change to winter time) is the one mktime picks; callers that must choose
 * compare with an hour earlier. */
enum dates_local_read dates_read_local(const char *s, const char *day, time_t *out);

/* Start of the local day containing t. */
time_t dates_local_day_start(time_t t);

/* Add days to a date "YYYY-MM-DD" (calendar arithmetic); 0 on success. */
int dates_add_days(const char *date, int days, char out[DATES_DATE_LEN]);

/* Add months to a date, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
int dates_add_months(const char *date, int months, char out[DATES_DATE_LEN]);

/* Days from date a to date b (b - a); fills *out, 0 on success. */
int dates_diff_days(const char *a, const char *b, int *out);

#endif
