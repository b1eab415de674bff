/* CPD export: a Markdown learning log a learner can paste into a CPD
 * portfolio. Per module: title, outcomes, dates, time spent, score, their
 * self-ratings (paired before/after when a module asks the same rating
 * question twice), their reflections with the prompts they answered; then
 * the total hours. It says plainly that it is self-recorded and claims no
 * accreditation. Text from the record is made safe for a terminal; module
 * text is rendered from Markdown to plain lines. */
#include <stdlib.h>
#include <string.h>

#include "dlfl/present.h"
#include "dlfl/export.h"
#include "dlfl/text.h"
#include "dlfl/xalloc.h"

#define CPD_WIDTH 76

/* Learner text as Markdown that reads as typed: characters that would
 * start emphasis, code, links, raw HTML, entities, tables or strikethrough
 * are backslash-escaped anywhere; those that start a heading, list, quote
 * or rule only at the start of a line; "://" and "www." lose their power
 * to become links. */
static void put_escaped(FILE *out, const char *s)
{
        bool line_start = true;

        for (const char *p = s; *p != '\0'; p++) {
                char ch = *p;
                bool esc = strchr("\\`*_[]<>&|~@", ch) != NULL;

                if (line_start && strchr("-+=#", ch) != NULL)
                        esc = true;
                if (line_start && ch >= '0' && ch <= '9') {
                        const char *q = p;

                        while (*q >= '0' && *q <= '9')
                                q++;
                        /* "1." or "1)" would start a numbered list. */
                        if (*q == '.' || *q == ')') {
                                fwrite(p, 1, (size_t)(q - p), out);
                                fputc('\\', out);
                                fputc(*q, out);
                                p = q;
                                line_start = false;
                                continue;
                        }
                }
                if (ch == ':' && strncmp(p + 1, "//", 2) == 0)
                        esc = true;
                if (ch == '.' && p - s >= 3 && strncmp(p - 3, "www", 3) == 0)
                        esc = true;
                if (esc)
                        fputc('\\', out);
                fputc(ch, out);
                if (ch != ' ' && ch != '\t')
                        line_start = false;
        }
}

static bool blank(const char *s)
{
        return s[strspn(s, " \t")] == '\0';
}

/* Writes text from the record (the learner's own words) with prefix before
 * every line, each line made safe for a terminal and escaped for Markdown.
 * It reads as typed: a line followed by another ends in a hard break (a
 * backslash), and a blank line stays a paragraph break. */
static void write_lines(FILE *out, const char *prefix, const char *text)
{
        char **lines = NULL;
        size_t n = 0, cap = 0;

        for (const char *p = text;;) {
                const char *nl = strchr(p, '\n');
                size_t len = nl != NULL ? (size_t)(nl - p) : strlen(p);
                char *line = xstrndup(p, len);

                if (len > 0 && line[len - 1] == '\r')
                        line[len - 1] = '\0';
                lines = xgrow(lines, &cap, n + 1, sizeof(*lines));
                lines[n++] = text_sanitize(line);
                free(line);
                if (nl == NULL || nl[1] == '\0')
                        break;
                p = nl + 1;
        }
        for (size_t i = 0; i < n; i++) {
                if (blank(lines[i])) {
                        /* Keeps the prefix without trailing blanks. */
                        size_t plen = strlen(prefix);

                        while (plen > 0 && prefix[plen - 1] == ' ')
                                plen--;
                        fprintf(out, "%.*s\n", (int)plen, prefix);
                } else {
                        fputs(prefix, out);
                        put_escaped(out, lines[i]);
                        fputs(i + 1 < n && !blank(lines[i + 1]) ? "\\\n" : "\n", out);
                }
        }
        for (size_t i = 0; i < n; i++)
                free(lines[i]);
        free(lines);
}

/* Writes module Markdown as plain wrapped lines: first before the first
 * line, rest before the others (a list item's hanging indent). */
static void write_md(FILE *out, const char *first, const char *rest, const char *md)
{
        char *plain;
        size_t len;

        if (md == NULL)
                return;
        plain = text_render_plain(md, CPD_WIDTH - (int)strlen(rest));
        len = strlen(plain);
        /* Drops trailing empty lines so the layout stays ours. */
        while (len > 0 && plain[len - 1] == '\n')
                plain[--len] = '\0';
        if (len > 0) {
                char *nl = strchr(plain, '\n');

                if (nl != NULL)
                        *nl = '\0';
                fprintf(out, "%s%s\n", first, plain);
                for (char *line = nl != NULL ? nl + 1 : NULL, *next; line != NULL; line = next) {
                        next = strchr(line, '\n');
                        if (next != NULL)
                                *next++ = '\0';
                        if (line[0] == '\0')
                                fputs("\n", out);
                        else
                                fprintf(out, "%s%s\n", rest, line);
                }
        }
        free(plain);
}

/* A module title or id from the record, safe for a terminal. */
static void write_safe(FILE *out, const char *s)
{
        char *safe = text_sanitize_line(s);

        fputs(safe, out);
        free(safe);
}

/* "- LABEL: a, b" (the n items joined by sep) on a line; nothing for none. */
static void write_joined(FILE *out, const char *label, const char **items, size_t n,
                         const char *sep)
{
        if (n == 0)
                return;
        fprintf(out, "- %s: ", label);
        for (size_t i = 0; i < n; i++) {
                if (i > 0)
                        fputs(sep, out);
                write_safe(out, items[i]);
        }
        fputs("\n", out);
}

/* The learner's name: safe for a terminal and escaped for Markdown. */
static void write_learner(FILE *out, const char *s)
{
        char *safe = text_sanitize_line(s);

        put_escaped(out, safe);
        free(safe);
}

static bool has_text(const char *s)
{
        if (s == NULL)
                return false;
        for (; *s != '\0'; s++)
                if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
                        return true;
        return false;
}

static const char *reflection_of(const struct screen_state *st)
{
        if (has_text(st->text))
                return st->text;
        return NULL;
}

/* The newest state of a screen that carries what `want` looks for, from
 * the latest attempt back: a learner who started again keeps the
 * reflections they wrote the first time. */
enum want { WANT_REFLECTION, WANT_RATING };

static const struct screen_state *newest(const struct module_record *mr, const char *id,
                                         enum want want)
{
        for (size_t i = mr->nattempts; i-- > 0;) {
                const struct screen_state *st = record_find_screen(&mr->attempts[i], id);

                if (st == NULL)
                        continue;
                if (want == WANT_RATING && st->rating >= 0)
                        return st;
                if (want == WANT_REFLECTION && reflection_of(st) != NULL)
                        return st;
        }
        return NULL;
}

static void write_level(FILE *out, const struct screen *s, int level)
{
        if (s != NULL && level >= 0 && (size_t)level < s->nscale) {
                char *label = text_render_plain(s->scale[level], 1000);
                size_t len = strlen(label);

                while (len > 0 && label[len - 1] == '\n')
                        label[--len] = '\0';
                fprintf(out, "**%s** (%d of %zu)", label, level + 1, s->nscale);
                free(label);
        } else {
                fprintf(out, "level %d", level);
        }
}

static void write_ratings(FILE *out, const struct module *m, const struct module_record *mr)
{
        bool any = false;

        if (m == NULL) {
                const struct attempt *a = &mr->attempts[mr->nattempts - 1];

                for (size_t i = 0; i < a->nscreens; i++) {
                        if (a->screens[i].rating < 0)
                                continue;
                        if (!any)
                                fputs("\n### Self-ratings\n\n", out);
                        any = true;
                        fputs("- `", out);
                        write_safe(out, a->screens[i].id);
                        fputs("`: ", out);
                        write_level(out, NULL, a->screens[i].rating);
                        fputs("\n", out);
                }
                return;
        }
        bool *done = xcalloc(m->nscreens + 1, sizeof(*done));

        for (size_t i = 0; i < m->nscreens; i++) {
                const struct screen *s = &m->screens[i];
                const struct screen_state *first, *last = NULL;
                size_t count = 0;

                if (done[i] || s->type != SCREEN_QUESTION || s->kind != KIND_RATING)
                        continue;
                first = newest(mr, s->id, WANT_RATING);
                /* The same question asked again later is the "after" rating. */
                for (size_t k = i; k < m->nscreens; k++) {
                        const struct screen *o = &m->screens[k];

                        if (o->type != SCREEN_QUESTION || o->kind != KIND_RATING ||
                            strcmp(o->prompt != NULL ? o->prompt : "",
                                   s->prompt != NULL ? s->prompt : "") != 0)
                                continue;
                        done[k] = true;
                        count++;
                        if (k != i)
                                last = newest(mr, o->id, WANT_RATING);
                }
                if (first == NULL && last == NULL)
                        continue;
                if (!any)
                        fputs("\n### Self-ratings\n\n", out);
                any = true;
                write_md(out, "- ", "  ", s->prompt);
                if (count >= 2) {
                        fputs("  - before: ", out);
                        if (first != NULL)
                                write_level(out, s, first->rating);
                        else
                                fputs("not rated", out);
                        fputs("\n  - after: ", out);
                        if (last != NULL)
                                write_level(out, s, last->rating);
                        else
                                fputs("not rated yet", out);
                        fputs("\n", out);
                } else {
                        fputs("  - ", out);
                        write_level(out, s, first->rating);
                        fputs("\n", out);
                }
        }
        free(done);
}

static void write_reflections(FILE *out, const struct module *m, const struct module_record *mr)
{
        bool any = false;

        if (m == NULL) {
                const struct attempt *a = &mr->attempts[mr->nattempts - 1];

                for (size_t i = 0; i < a->nscreens; i++) {
                        const char *text = reflection_of(&a->screens[i]);

                        if (text == NULL)
                                continue;
                        if (!any)
                                fputs("\n### Reflections\n", out);
                        any = true;
                        fputs("\nReflection on `", out);
                        write_safe(out, a->screens[i].id);
                        fputs("` (the module is no longer installed, so its prompt is not "
                              "shown):\n\n",
                              out);
                        write_lines(out, "> ", text);
                }
                return;
        }
        for (size_t i = 0; i < m->nscreens; i++) {
                const struct screen *s = &m->screens[i];
                const struct screen_state *st;
                const char *prompt;

                if (s->type == SCREEN_QUESTION && s->kind == KIND_REFLECTION)
                        prompt = s->prompt;
                else if (s->type == SCREEN_CASE_STUDY && s->reflection != NULL)
                        prompt = s->reflection;
                else
                        continue;
                st = newest(mr, s->id, WANT_REFLECTION);
                if (st == NULL)
                        continue;
                if (!any)
                        fputs("\n### Reflections\n", out);
                any = true;
                fputs("\n", out);
                if (s->type == SCREEN_CASE_STUDY) {
                        fputs("Case study: **", out);
                        write_safe(out, s->title);
                        fputs("**", out);
                        if (st->ending != NULL && st->ending[0] != '\0') {
                                fputs(" (ending reached: ", out);
                                write_safe(out, st->ending);
                                fputs(")", out);
                        }
                        fputs("\n\n", out);
                }
                write_md(out, "", "", prompt);
                fputs("\n", out);
                write_lines(out, "> ", reflection_of(st));
        }
}

static void write_module(FILE *out, size_t number, const struct module *m,
                         const struct module_record *mr, double *total_seconds)
{
        struct summary cur;
        double seconds = 0;
        time_t started = 0, completed = 0;
        char date[16], dur[48];

        for (size_t i = 0; i < mr->nattempts; i++) {
                const struct attempt *a = &mr->attempts[i];

                seconds += a->seconds > 0 ? a->seconds : 0;
                if (started == 0 || (a->started != 0 && a->started < started))
                        started = a->started;
                if (a->complete && a->completed > completed)
                        completed = a->completed;
        }
        *total_seconds += seconds;
        export_attempt_summary(m, mr, mr->nattempts - 1, &cur);

        fprintf(out, "\n## %zu. ", number);
        write_safe(out, export_title(m, mr));
        fputs("\n\n- Module: `", out);
        write_safe(out, mr->module);
        fputs("`\n", out);
        {
                char words[64];

                present_status(&cur, words, sizeof words);
                fprintf(out, "- Status: %s\n", words);
        }
        export_date(started, date);
        fprintf(out, "- Started: %s\n", date[0] != '\0' ? date : "not recorded");
        export_date(completed, date);
        fprintf(out, "- Completed: %s\n", date[0] != '\0' ? date : "not yet");
        present_duration(seconds, dur, sizeof dur);
        fprintf(out, "- Time spent: %s\n", dur);
        if (cur.possible > 0) {
                char pc[16], ep[96], pm[32];

                present_fraction(cur.earned, cur.possible, pc, sizeof pc);
                present_points_of(cur.earned, cur.possible, ep, sizeof ep);
                present_points(cur.pass_mark, pm, sizeof pm);
                fprintf(out, "- Score%s: %s (%s; pass mark %s%%)\n", cur.complete ? "" : " so far",
                        pc, ep, pm);
        } else
                fputs("- Score: not scored (no scored questions)\n", out);
        if (mr->nattempts > 1) {
                fprintf(out, "- Attempts: %zu\n", mr->nattempts);
                for (size_t i = 0; i < mr->nattempts; i++) {
                        struct summary s;

                        export_attempt_summary(m, mr, i, &s);
                        export_date(mr->attempts[i].started, date);
                        present_duration(mr->attempts[i].seconds, dur, sizeof dur);
                        {
                                char words[64];

                                present_status(&s, words, sizeof words);
                                fprintf(out, "  - attempt %zu, started %s: %s, %s\n", i + 1,
                                        date[0] != '\0' ? date : "(date not recorded)", words, dur);
                        }
                }
        }
        if (m != NULL) {
                write_joined(out, "Topics", m->tags, m->ntags, ", ");
                write_joined(out, "PKSB areas", m->pksb, m->npksb, "; ");
        }
        if (m != NULL && m->noutcomes > 0) {
                fputs("\n### Learning outcomes\n\n", out);
                for (size_t i = 0; i < m->noutcomes; i++) {
                        char *plain = text_render_plain(m->outcomes[i], CPD_WIDTH - 2);
                        size_t len = strlen(plain);
                        bool first = true;

                        while (len > 0 && plain[len - 1] == '\n')
                                plain[--len] = '\0';
                        /* A hanging indent keeps a wrapped outcome in its item. */
                        for (char *line = plain, *nl; line != NULL; line = nl) {
                                nl = strchr(line, '\n');
                                if (nl != NULL)
                                        *nl++ = '\0';
                                fprintf(out, "%s%s\n", first ? "- " : "  ", line);
                                first = false;
                        }
                        free(plain);
                }
        }
        write_ratings(out, m, mr);
        write_reflections(out, m, mr);
}

bool export_cpd(FILE *out, const struct catalog *c, const struct learner_record *r, time_t now,
                const char **err)
{
        size_t n, shown = 0, passed = 0;
        size_t *order = export_module_order(c, r, &n);
        double total = 0;
        char date[16], dur[48];

        (void)err;
        fputs("# CPD learning log: ", out);
        write_learner(out, r->name);
        export_date(now, date);
        fprintf(out,
                "\n\nA self-recorded learning log, exported from dlfl (Digital Leadership for\n"
                "Libraries) on %s. It lists the self-paced modules this learner worked\n"
                "through and what they wrote, as recorded on this computer. It is not a\n"
                "qualification, and it does not claim accreditation or endorsement by any\n"
                "professional body.\n",
                date);
        for (size_t k = 0; k < n; k++) {
                const struct module_record *mr = &r->modules[order[k]];

                if (mr->nattempts == 0)
                        continue;
                write_module(out, ++shown, catalog_find(c, mr->module), mr, &total);
                struct summary s;
                export_attempt_summary(catalog_find(c, mr->module), mr, mr->nattempts - 1, &s);
                if (s.passed)
                        passed++;
        }
        if (shown == 0)
                fputs("\nNo modules started yet.\n", out);
        present_duration(total, dur, sizeof dur);
        fprintf(out, "\n## Total\n\n- Modules: %zu (%zu passed)\n", shown, passed);
        fprintf(out, "- Total time: %.1f hours (%s)\n", (double)present_minutes(total) / 60.0, dur);
        free(order);
        return true;
}
