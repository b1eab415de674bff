/* Typed lines for the line mode, read straight from a file descriptor
 * with poll(): a paste of any length is taken in linear time, an idle
 * timer fires while nothing is typed, a signal is seen at once, and a
 * terminal that is gone (hang-up, EIO, POLLHUP) is told apart from Ctrl-D.
 * No curses and no stdio here.
 *
 * Ownership: the reader owns its buffer; a returned line stays valid until
 * the next call on the reader. */
#ifndef DLFL_LINEREAD_H
#define DLFL_LINEREAD_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

/* The longest line kept; the rest of a longer one is dropped (and
 * line_truncated() says so), so a paste cannot grow memory without end. */
#define LINE_MAX_BYTES (64u * 1024u)

enum line_status {
        LINE_OK,     /* a line (without its newline) */
        LINE_EOF,    /* Ctrl-D on a terminal: it is still there */
        LINE_END,    /* input is over for good: end of a file or pipe */
        LINE_GONE,   /* the terminal is gone: hang-up, EIO, POLLHUP */
        LINE_IDLE,   /* nothing typed for the idle time */
        LINE_SIGNAL, /* a signal ended the wait, or *stop is non-zero */
};

struct line_reader;

struct line_reader *line_reader_new(int fd);
void line_reader_free(struct line_reader **r);
/* Reads the next line. idle_ms > 0 gives up with LINE_IDLE after that long
 * without a key; any signal that interrupts the wait, and *stop (may be
 * NULL) set, give LINE_SIGNAL at once (the caller looks at its flags). The line is cleaned of
 * control characters (text_clean_input). */
enum line_status line_read(struct line_reader *r, long idle_ms, const volatile sig_atomic_t *stop,
                           char **line, size_t *len);
/* The last line was longer than LINE_MAX_BYTES and was cut. */
bool line_truncated(const struct line_reader *r);
/* The last line was not UTF-8, or held nothing but control characters
 * (which cleaning takes out): what is left is not what was typed, so it
 * is no answer (module-format.md: an unreadable answer costs nothing). */
bool line_unreadable(const struct line_reader *r);
/* Turns the terminal's echo off (on = true) or back on, for a passphrase;
 * the newline still shows. Nothing happens when fd is not a terminal. */
void line_echo(struct line_reader *r, bool on);

#endif
