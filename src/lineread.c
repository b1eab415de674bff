/* The line mode's reader: see lineread.h. */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "dlfl/lineread.h"
#include "dlfl/text.h"
#include "dlfl/xalloc.h"

/* A wait never lasts longer than this, so a signal that slips in just
 * before poll() is still seen within a second. */
#define WAKE_MS 1000
/* A terminal that reports end of input this many times in a row, each
 * at once, is gone even if it never said so (no POLLHUP, no EIO). */
#define EOF_STORM 100
#define EOF_STORM_MS 5

struct line_reader {
        int fd;
        bool tty;
        char chunk[4096];  /* the last read() */
        size_t cpos, clen; /* what of it is not yet taken */
        char *cur;         /* the line being put together */
        size_t curlen, curcap;
        bool returned;   /* cur was handed out: start afresh next time */
        bool cut;        /* the line being put together lost its tail */
        bool truncated;  /* the last line returned was cut */
        bool unreadable; /* the last line lost bytes that are not text */
        int eofs;        /* ends of input in a row, each at once */
        long last_eof;   /* when the last one came (monotonic ms) */
        bool echo_off;
        struct termios saved;
};

static long mono_ms(void)
{
        struct timespec ts;

        clock_gettime(CLOCK_MONOTONIC, &ts);
        return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

struct line_reader *line_reader_new(int fd)
{
        struct line_reader *r = xcalloc(1, sizeof(*r));

        r->fd = fd;
        r->tty = isatty(fd) == 1;
        r->curcap = 256;
        r->cur = xmalloc(r->curcap);
        return r;
}

void line_reader_free(struct line_reader **r)
{
        if (r == NULL || *r == NULL)
                return;
        line_echo(*r, true);
        free((*r)->cur);
        free(*r);
        *r = NULL;
}

static bool valid_utf8(const char *s, size_t n)
{
        unsigned long cp;

        for (size_t i = 0, k; i < n; i += k)
                if ((k = text_utf8_decode(s + i, n - i, &cp)) == 0)
                        return false;
        return true;
}

static bool blank(const char *s, size_t n)
{
        for (size_t i = 0; i < n; i++)
                if (s[i] != ' ')
                        return false;
        return true;
}

bool line_truncated(const struct line_reader *r)
{
        return r->truncated;
}

bool line_unreadable(const struct line_reader *r)
{
        return r->unreadable;
}

void line_echo(struct line_reader *r, bool on)
{
        struct termios t;

        if (!r->tty)
                return;
        if (!on && !r->echo_off) {
                if (tcgetattr(r->fd, &r->saved) != 0)
                        return;
                t = r->saved;
                t.c_lflag &= ~(tcflag_t)(ECHO | ECHOE | ECHOK);
                t.c_lflag |= ECHONL;
                if (tcsetattr(r->fd, TCSANOW, &t) == 0)
                        r->echo_off = true;
        } else if (on && r->echo_off) {
                (void)tcsetattr(r->fd, TCSANOW, &r->saved);
                r->echo_off = false;
        }
}

/* Adds n bytes to the line being put together, keeping LINE_MAX_BYTES at
 * most. Each byte is copied once, so a paste costs its length. */
static void append(struct line_reader *r, const char *s, size_t n)
{
        size_t room = LINE_MAX_BYTES - r->curlen;

        if (n > room) {
                n = room;
                r->cut = true;
        }
        if (r->curlen + n + 1 > r->curcap) {
                while (r->curlen + n + 1 > r->curcap)
                        r->curcap *= 2;
                r->cur = xrealloc(r->cur, r->curcap);
        }
        memcpy(r->cur + r->curlen, s, n);
        r->curlen += n;
}

static enum line_status finish(struct line_reader *r, char **line, size_t *len)
{
        size_t n = r->curlen;

        if (n > 0 && r->cur[n - 1] == '\r')
                n--;
        r->cur[n] = '\0';
        {
                bool valid = valid_utf8(r->cur, n);

                *len = text_clean_input(r->cur, n, false);
                /* Control characters inside text are dropped quietly; a
                 * line that is not UTF-8, or that was nothing but them, is
                 * not what the learner meant to type. */
                r->unreadable = !valid || (*len < n && blank(r->cur, *len));
        }
        *line = r->cur;
        r->truncated = r->cut;
        r->cut = false;
        r->returned = true;
        return LINE_OK;
}

enum line_status line_read(struct line_reader *r, long idle_ms, const volatile sig_atomic_t *stop,
                           char **line, size_t *len)
{
        long deadline = idle_ms > 0 ? mono_ms() + idle_ms : 0;

        if (r->returned) {
                r->curlen = 0;
                r->returned = false;
        }
        for (;;) {
                /* What is already read comes first: a paste of many lines
                 * is answered line by line without waiting. */
                if (r->cpos < r->clen) {
                        char *from = r->chunk + r->cpos;
                        size_t have = r->clen - r->cpos;
                        char *nl = memchr(from, '\n', have);
                        size_t n = nl != NULL ? (size_t)(nl - from) : have;

                        append(r, from, n);
                        r->cpos += nl != NULL ? n + 1 : n;
                        if (nl != NULL)
                                return finish(r, line, len);
                        continue;
                }
                if (stop != NULL && *stop != 0)
                        return LINE_SIGNAL;

                struct pollfd pfd = {.fd = r->fd, .events = POLLIN};
                long wait = WAKE_MS;

                if (deadline != 0) {
                        long left = deadline - mono_ms();

                        if (left <= 0)
                                return LINE_IDLE;
                        if (left < wait)
                                wait = left;
                }
                int got = poll(&pfd, 1, (int)wait);

                if (got < 0) {
                        if (errno == EINTR)
                                return LINE_SIGNAL;
                        return LINE_GONE;
                }
                if (got == 0)
                        continue;
                if ((pfd.revents & POLLNVAL) != 0)
                        return LINE_GONE;
                ssize_t n = read(r->fd, r->chunk, sizeof r->chunk);

                if (n < 0) {
                        if (errno == EINTR)
                                return LINE_SIGNAL;
                        if (errno == EAGAIN)
                                continue;
                        return LINE_GONE; /* EIO: the terminal hung up */
                }
                if (n > 0) {
                        r->cpos = 0;
                        r->clen = (size_t)n;
                        r->eofs = 0;
                        continue;
                }
                /* End of input. A line without its newline still counts. */
                if (r->curlen > 0)
                        return finish(r, line, len);
                if (!r->tty)
                        return LINE_END;
                long now = mono_ms();

                r->eofs = now - r->last_eof <= EOF_STORM_MS ? r->eofs + 1 : 1;
                r->last_eof = now;
                if ((pfd.revents & (POLLHUP | POLLERR)) != 0 || r->eofs >= EOF_STORM)
                        return LINE_GONE;
                return LINE_EOF;
        }
}
