/* log — balied's messages to stderr, which systemd keeps in the journal. */
#ifndef BALIE_DAEMON_LOG_H
#define BALIE_DAEMON_LOG_H

/* "balied: message" on stderr, escaped. */
void log_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The same for a finished message (service_set_log's callback). */
void log_line(const char *msg);

#endif
