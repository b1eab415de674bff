/* Certificate export: one plain-text page per passed module, within 80
 * columns (widths measured in display columns, so names in any script
 * centre correctly), saying what it is: a record of completing a
 * self-paced module, not a qualification. */
#include <stdlib.h>
#include <string.h>

#include "dlfl/present.h"
#include "dlfl/export.h"
#include "dlfl/text.h"

#define INNER (EXPORT_CERT_WIDTH - 4)

static void rule(FILE *out, char c)
{
        for (int i = 0; i < EXPORT_CERT_WIDTH; i++)
                putc(c, out);
        putc('\n', out);
}

/* Wraps s (plain text, any origin: text_wrap makes it safe) to the inner
 * width and centres each line. */
static void centred(FILE *out, const char *s)
{
        struct text_lines tl = {0};
        char *line = text_sanitize_line(s);

        text_wrap(line, INNER, 0, TEXT_PLAIN, &tl);
        free(line);
        for (size_t i = 0; i < tl.count; i++) {
                int w = tl.lines[i].width;
                int pad = w < EXPORT_CERT_WIDTH ? (EXPORT_CERT_WIDTH - w) / 2 : 0;

                fprintf(out, "%*s%.*s\n", pad, "", (int)tl.lines[i].len, tl.lines[i].text);
        }
        text_lines_free(&tl);
}

static void wrapped(FILE *out, const char *s)
{
        struct text_lines tl = {0};

        text_wrap(s, INNER, 0, TEXT_PLAIN, &tl);
        for (size_t i = 0; i < tl.count; i++)
                fprintf(out, "  %.*s\n", (int)tl.lines[i].len, tl.lines[i].text);
        text_lines_free(&tl);
}

static void certificate(FILE *out, const struct learner_record *r, const char *title,
                        const struct attempt *a, const struct summary *s)
{
        char date[16], line[160];

        rule(out, '=');
        putc('\n', out);
        centred(out, "CERTIFICATE OF COMPLETION");
        putc('\n', out);
        rule(out, '=');
        putc('\n', out);
        centred(out, "This records that");
        putc('\n', out);
        centred(out, r->name);
        putc('\n', out);
        centred(out, "completed the self-paced module");
        putc('\n', out);
        centred(out, title);
        putc('\n', out);
        export_date(a->completed, date);
        if (date[0] == '\0')
                export_date(a->updated, date);
        char pc[16];

        present_fraction(s->earned, s->possible, pc, sizeof pc);
        if (s->possible > 0)
                snprintf(line, sizeof(line), "on %s with a score of %s (pass mark %g%%).",
                         date[0] != '\0' ? date : "a date not recorded", pc, s->pass_mark);
        else
                snprintf(line, sizeof(line), "on %s.",
                         date[0] != '\0' ? date : "a date not recorded");
        centred(out, line);
        putc('\n', out);
        centred(out, "Digital Leadership for Libraries (dlfl)");
        putc('\n', out);
        rule(out, '-');
        wrapped(out, "This certificate records the completion of a self-paced learning module, "
                     "as recorded by the learner's own use of dlfl. It is not a qualification "
                     "and does not confer or claim accreditation by any professional body.");
        rule(out, '-');
}

bool export_certificate(FILE *out, const struct catalog *c, const struct learner_record *r,
                        time_t now, const char **err)
{
        size_t n, printed = 0;
        size_t *order = export_module_order(c, r, &n);

        (void)now;
        for (size_t k = 0; k < n; k++) {
                const struct module_record *mr = &r->modules[order[k]];
                const struct module *m = catalog_find(c, mr->module);

                /* The latest passed attempt: starting again does not undo a pass. */
                for (size_t i = mr->nattempts; i-- > 0;) {
                        struct summary s;

                        export_attempt_summary(m, mr, i, &s);
                        if (!s.passed)
                                continue;
                        if (printed++ > 0)
                                fputs("\n\n", out);
                        certificate(out, r, export_title(m, mr), &mr->attempts[i], &s);
                        break;
                }
        }
        free(order);
        if (printed == 0) {
                *err = "no module has been passed yet, so there is no certificate to print";
                return false;
        }
        return true;
}
