/* Helpers the export writers and the report share: module order, titles,
 * per-attempt status, dates and durations, CSV fields. The registry of
 * formats is in export.c. */
#include <stdlib.h>
#include <string.h>

#include "dlfl/export.h"
#include "dlfl/text.h"
#include "dlfl/json.h"
#include "dlfl/xalloc.h"

size_t *export_module_order(const struct catalog *c, const struct learner_record *r, size_t *n)
{
        size_t *order = xcalloc(r->nmodules + 1, sizeof(*order));
        bool *taken = xcalloc(r->nmodules + 1, sizeof(*taken));
        size_t count = 0;

        for (size_t i = 0; c != NULL && i < c->count; i++) {
                for (size_t k = 0; k < r->nmodules; k++) {
                        if (!taken[k] && r->modules[k].module != NULL &&
                            strcmp(r->modules[k].module, c->modules[i]->id) == 0) {
                                taken[k] = true;
                                order[count++] = k;
                                break;
                        }
                }
        }
        for (size_t k = 0; k < r->nmodules; k++)
                if (!taken[k])
                        order[count++] = k;
        free(taken);
        *n = count;
        return order;
}

const char *export_title(const struct module *m, const struct module_record *mr)
{
        if (m != NULL && m->title != NULL)
                return m->title;
        if (mr != NULL && mr->title != NULL && mr->title[0] != '\0')
                return mr->title;
        if (mr != NULL && mr->module != NULL)
                return mr->module;
        return "";
}

void export_attempt_summary(const struct module *m, const struct module_record *mr, size_t i,
                            struct summary *out)
{
        const struct attempt *a;

        memset(out, 0, sizeof(*out));
        if (m != NULL && mr != NULL && i + 1 == mr->nattempts) {
                session_status(m, mr, out);
                return;
        }
        if (mr == NULL || i >= mr->nattempts) {
                out->status = STATUS_NOT_STARTED;
                out->percent = 0;
                out->pass_mark = m != NULL ? m->pass_mark : MODEL_DEFAULT_PASS_MARK;
                return;
        }
        a = &mr->attempts[i];
        out->earned = a->earned;
        out->possible = a->possible;
        out->percent = a->possible > 0 ? a->earned / a->possible * 100.0 : (a->complete ? 100 : 0);
        out->pass_mark = a->pass_mark;
        out->complete = a->complete;
        out->passed = a->complete && a->passed;
        out->status = out->passed     ? STATUS_PASSED
                      : out->complete ? STATUS_COMPLETE
                                      : STATUS_IN_PROGRESS;
        out->seconds = a->seconds;
        for (size_t k = 0; k < a->nscreens; k++)
                if (a->screens[k].complete)
                        out->done++;
        out->total = m != NULL ? m->nscreens : a->nscreens;
}

void export_utc(time_t t, char buf[32])
{
        struct tm tm;

        buf[0] = '\0';
        if (t == 0 || gmtime_r(&t, &tm) == NULL)
                return;
        strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void export_date(time_t t, char buf[16])
{
        struct tm tm;

        buf[0] = '\0';
        if (t == 0 || localtime_r(&t, &tm) == NULL)
                return;
        strftime(buf, 16, "%Y-%m-%d", &tm);
}

static long long whole_seconds(double seconds)
{
        /* Negative or absurd values come only from a damaged record. */
        if (!(seconds > 0))
                return 0;
        if (seconds > 1e12)
                seconds = 1e12;
        return (long long)(seconds + 0.5);
}

void export_iso_duration(double seconds, char buf[48])
{
        long long s = whole_seconds(seconds);
        long long h = s / 3600, m = s / 60 % 60, sec = s % 60;
        int len = snprintf(buf, 48, "PT");

        if (h > 0)
                len += snprintf(buf + len, (size_t)(48 - len), "%lldH", h);
        if (m > 0)
                len += snprintf(buf + len, (size_t)(48 - len), "%lldM", m);
        if (sec > 0 || s == 0)
                snprintf(buf + len, (size_t)(48 - len), "%lldS", sec);
}

void export_csv_begin(FILE *out)
{
        fputs("\xef\xbb\xbf", out);
}

void export_csv_time(time_t t, char buf[32])
{
        struct tm tm;

        buf[0] = '\0';
        if (t == 0 || gmtime_r(&t, &tm) == NULL)
                return;
        strftime(buf, 32, "%Y-%m-%dT%H:%M:%S", &tm);
}

void export_csv_field(FILE *out, const char *raw, bool first)
{
        bool quote = false;
        char *safe, *s;

        if (!first)
                putc(',', out);
        if (raw == NULL)
                return;
        /* No control character raw in a cell: a spreadsheet or terminal
         * showing the file must not act on one (newlines are quoted). */
        safe = text_escape_controls(raw, true);
        s = safe;
        for (const char *p = s; *p != '\0'; p++) {
                if (*p == ',' || *p == '"' || *p == '\r' || *p == '\n') {
                        quote = true;
                        break;
                }
        }
        if (quote)
                putc('"', out);
        /* A spreadsheet takes a cell starting with one of these as a formula
         * (or, for tab and CR, as one after trimming): a leading ' keeps it
         * text, and spreadsheets hide that mark. */
        if ((*raw != '\0' && strchr("=+-@\t\r", *raw) != NULL) ||
            (*s != '\0' && strchr("=+-@\t\r", *s) != NULL))
                putc('\'', out);
        /* text_escape_controls already made s valid UTF-8, and '"' is never
         * part of a multibyte character: doubling quotes byte by byte is all
         * that is left. */
        for (; *s != '\0'; s++) {
                if (*s == '"')
                        putc('"', out);
                putc(*s, out);
        }
        if (quote)
                putc('"', out);
        free(safe);
}

void export_csv_end_row(FILE *out)
{
        fputs("\r\n", out);
}
