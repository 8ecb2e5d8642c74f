/* dates — strict calendar parsing and the conversions between stored UTC text and local
 * time (Europe/Amsterdam at the desk, whatever TZ says). */
#include "autoconfig.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/dates.h"

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

bool dates_valid_ymd(int y, int m, int d)
{
	return y >= 1900 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

static void format_date(int y, int m, int d, char out[DATES_DATE_LEN]);

/* Read exactly n ASCII digits; -1 when any is not a digit. */
static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int dates_parse_date(const char *s, int *y, int *m, int *d)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	int yy = digits(s, 4), mm = digits(s + 5, 2), dd = digits(s + 8, 2);
	if (yy < 0 || mm < 0 || dd < 0 || !dates_valid_ymd(yy, mm, dd))
		return -1;
	*y = yy;
	*m = mm;
	*d = dd;
	return 0;
}

bool dates_is_date_like(const char *s)
{
	if (!s)
		return false;
	while (*s == ' ' || *s == '\t')
		s++;
	bool digit = false;
	for (; *s && *s != ' ' && *s != '\t'; s++) {
		if (*s >= '0' && *s <= '9')
			digit = true;
		else if (*s != '-' && *s != '/' && *s != '.')
			return false;
	}
	while (*s == ' ' || *s == '\t')
		s++;
	return digit && *s == '\0';
}

/* A run of ASCII digits at *p (moved past it): its value, and its length in *n. */
static int digit_run(const char **p, int *n)
{
	int v = 0;
	*n = 0;
	while (**p >= '0' && **p <= '9') {
		if (*n < 9)
			v = v * 10 + (**p - '0');
		(*p)++;
		(*n)++;
	}
	return v;
}

/* The year of a two-digit yy as century says, seen from today's year ty and date. */
static int complete_year(int yy, int m, int d, const char *today, enum dates_century c)
{
	int ty = digits(today, 4), tm = digits(today + 5, 2), td = digits(today + 8, 2);
	int y = ty - ty % 100 + yy;
	if (c == DATES_PAST) {
		/* not after today: a person born "1-6-26" in March 2026 was born in 1926 */
		if (y > ty || (y == ty && (m > tm || (m == tm && d > td))))
			y -= 100;
		return y;
	}
	if (y - ty > 50)
		y -= 100;
	else if (ty - y > 50)
		y += 100;
	return y;
}

int dates_read(const char *s, const char *today, enum dates_century century,
	       char out[DATES_DATE_LEN])
{
	int y, m, d, ty, tm, td;
	out[0] = '\0';
	if (!s)
		return -1;
	if (today && dates_parse_date(today, &ty, &tm, &td) != 0)
		today = NULL;
	while (*s == ' ' || *s == '\t')
		s++;
	const char *p = s;
	int na, nb, nc;
	int a = digit_run(&p, &na);
	char sep = *p;
	if (na == 8 && (sep == '\0' || sep == ' ' || sep == '\t')) {
		/* ddmmyyyy */
		d = a / 1000000;
		m = a / 10000 % 100;
		y = a % 10000;
	} else {
		if (na == 0 || (sep != '-' && sep != '/' && sep != '.'))
			return -1;
		p++;
		int b = digit_run(&p, &nb);
		if (nb < 1 || nb > 2 || *p != sep)
			return -1;
		p++;
		int c = digit_run(&p, &nc);
		if (na == 4 && nc >= 1 && nc <= 2) {
			y = a, m = b, d = c;           /* yyyy-mm-dd */
		} else if (na <= 2 && nc == 4) {
			d = a, m = b, y = c;           /* d-m-yyyy, dd-mm-yyyy */
		} else if (na <= 2 && nc == 2 && today) {
			d = a, m = b;                  /* d-m-yy */
			y = complete_year(c, m, d, today, century);
		} else {
			return -1;
		}
	}
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p != '\0' || !dates_valid_ymd(y, m, d))
		return -1;
	format_date(y, m, d, out);
	return 0;
}

int dates_parse_hm(const char *s, bool allow_24)
{
	if (!s || strlen(s) != 5 || s[2] != ':')
		return -1;
	int h = digits(s, 2), m = digits(s + 3, 2);
	if (h < 0 || m < 0 || m > 59)
		return -1;
	if (h == 24 && m == 0 && allow_24)
		return 24 * 60;
	if (h > 23)
		return -1;
	return h * 60 + m;
}

void dates_format_utc(time_t t, char out[DATES_UTC_LEN])
{
	struct tm tm;
	if (!gmtime_r(&t, &tm) || strftime(out, DATES_UTC_LEN, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		snprintf(out, DATES_UTC_LEN, "%s", "1970-01-01T00:00:00Z");
}

int dates_parse_utc(const char *s, time_t *out)
{
	int y, mo, d;
	char date[DATES_DATE_LEN];
	if (!s || strlen(s) != 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z')
		return -1;
	memcpy(date, s, 10);
	date[10] = '\0';
	if (dates_parse_date(date, &y, &mo, &d) != 0)
		return -1;
	int h = digits(s + 11, 2), mi = digits(s + 14, 2), se = digits(s + 17, 2);
	if (h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 60)
		return -1;
	struct tm tm = {.tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d,
			.tm_hour = h, .tm_min = mi, .tm_sec = se};
	*out = timegm(&tm);
	return 0;
}

/* Write a valid date; the modulo keeps the compiler sure it fits. */
static void format_date(int y, int m, int d, char out[DATES_DATE_LEN])
{
	snprintf(out, DATES_DATE_LEN, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
		 (unsigned)d % 100u);
}

static struct tm local(time_t t)
{
	struct tm tm;
	if (!localtime_r(&t, &tm))
		memset(&tm, 0, sizeof tm);
	return tm;
}

void dates_local_date(time_t t, char out[DATES_DATE_LEN])
{
	struct tm tm = local(t);
	format_date(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, out);
}

void dates_local_hm(time_t t, char out[6])
{
	struct tm tm = local(t);
	snprintf(out, 6, "%02u:%02u", (unsigned)tm.tm_hour % 100u, (unsigned)tm.tm_min % 100u);
}

int dates_local_weekday(time_t t)
{
	struct tm tm = local(t);
	return (tm.tm_wday + 6) % 7;
}

int dates_local_minutes(time_t t)
{
	struct tm tm = local(t);
	return tm.tm_hour * 60 + tm.tm_min;
}

int dates_local_instant(const char *date, int minutes, time_t *out)
{
	int y, m, d;
	if (dates_parse_date(date, &y, &m, &d) != 0 || minutes < 0 || minutes > 24 * 60)
		return -1;
	/* tm_isdst = -1 lets mktime decide summer or winter time for that very day. */
	struct tm tm = {.tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d,
			.tm_hour = minutes / 60, .tm_min = minutes % 60, .tm_isdst = -1};
	time_t t = mktime(&tm);
	if (t == (time_t)-1)
		return -1;
	*out = t;
	return 0;
}

enum dates_local_read dates_read_local(const char *s, const char *day, time_t *out)
{
	char date[DATES_DATE_LEN], back[DATES_DATE_LEN];
	int y, m, d, minutes;
	size_t len = s ? strlen(s) : 0;
	if (len == 5 && day) {
		snprintf(date, sizeof date, "%s", day);
		minutes = dates_parse_hm(s, false);
	} else if (len == 16 && s[10] == ' ') {
		memcpy(date, s, 10);
		date[10] = '\0';
		minutes = dates_parse_hm(s + 11, false);
	} else {
		return DATES_LOCAL_MALFORMED;
	}
	time_t t;
	if (minutes < 0 || dates_parse_date(date, &y, &m, &d) != 0)
		return DATES_LOCAL_MALFORMED;
	/* mktime moves a time in the spring-forward gap: such a time does not exist. */
	if (dates_local_instant(date, minutes, &t) != 0)
		return DATES_LOCAL_NO_SUCH;
	dates_local_date(t, back);
	if (strcmp(back, date) != 0 || dates_local_minutes(t) != minutes)
		return DATES_LOCAL_NO_SUCH;
	*out = t;
	return DATES_LOCAL_OK;
}

time_t dates_local_day_start(time_t t)
{
	char date[DATES_DATE_LEN];
	time_t start = t;
	dates_local_date(t, date);
	if (dates_local_instant(date, 0, &start) != 0)
		return t;
	return start;
}

/* Days since 1970-01-01 of a valid date (proleptic Gregorian, no time zone involved). */
static long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int dates_add_days(const char *date, int days, char out[DATES_DATE_LEN])
{
	int y, m, d;
	if (dates_parse_date(date, &y, &m, &d) != 0)
		return -1;
	civil_from_days(days_from_civil(y, m, d) + days, &y, &m, &d);
	if (!dates_valid_ymd(y, m, d))
		return -1;
	format_date(y, m, d, out);
	return 0;
}

int dates_add_months(const char *date, int months, char out[DATES_DATE_LEN])
{
	int y, m, d;
	if (dates_parse_date(date, &y, &m, &d) != 0)
		return -1;
	long total = (long)y * 12 + (m - 1) + months;
	y = (int)(total / 12);
	m = (int)(total % 12) + 1;
	if (d > days_in_month(y, m))
		d = days_in_month(y, m);
	if (!dates_valid_ymd(y, m, d))
		return -1;
	format_date(y, m, d, out);
	return 0;
}

int dates_diff_days(const char *a, const char *b, int *out)
{
	int ya, ma, da, yb, mb, db;
	if (dates_parse_date(a, &ya, &ma, &da) != 0 || dates_parse_date(b, &yb, &mb, &db) != 0)
		return -1;
	*out = (int)(days_from_civil(yb, mb, db) - days_from_civil(ya, ma, da));
	return 0;
}
