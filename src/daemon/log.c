/* log — balied's messages (see log.h). */
#include "autoconfig.h"

#include <stdarg.h>
#include <stdio.h>

#include "core/lib.h"
#include "daemon/log.h"

void log_line(const char *msg)
{
	/* Messages may quote what a client sent: no escape sequence reaches the journal. */
	char buf[2048];
	(void)text_escape(msg, buf, sizeof buf);
	fprintf(stderr, "balied: %s\n", buf);
}

void log_msg(const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	(void)vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	log_line(buf);
}
