/* Certificate export: what each page of the certificate says, one page per
 * passed module, as the page description dlfl-certificate (helper/) turns
 * into an A4 PDF: lines of "KEY<TAB>TEXT", "page" starting each page.
 * Every text is one line made safe (no control characters, valid UTF-8),
 * so the description cannot be broken by a name. It says what it is: a
 * record of completing a self-paced module, not a qualification. */
#include <stdlib.h>
#include <string.h>

#include "dlfl/present.h"
#include "dlfl/export.h"
#include "dlfl/text.h"

#define NOTE                                                                                       \
        "This certificate records the completion of a self-paced learning module, as recorded "    \
        "by the learner's own use of dlfl. It is not a qualification and does not confer or "      \
        "claim accreditation by any professional body."

static void field(FILE *out, const char *key, const char *text)
{
        char *line = text_sanitize_line(text != NULL ? text : "");

        for (char *p = line; *p != '\0'; p++)
                if (*p == '\t')
                        *p = ' ';
        fprintf(out, "%s\t%s\n", key, line);
        free(line);
}

static void certificate(FILE *out, const struct learner_record *r, const char *title,
                        const struct attempt *a, const struct summary *s)
{
        char date[16], line[160];

        export_date(a->completed, date);
        if (date[0] == '\0')
                export_date(a->updated, date);
        char pc[16];

        present_fraction(s->earned, s->possible, pc, sizeof pc);
        fputs("page\n", out);
        field(out, "name", r->name);
        field(out, "module", title);
        snprintf(line, sizeof(line), "on %s", date[0] != '\0' ? date : "a date not recorded");
        field(out, "date", line);
        if (s->possible > 0) {
                char pm[32];

                present_points(s->pass_mark, pm, sizeof pm);
                snprintf(line, sizeof(line), "with a score of %s (pass mark %s%%)", pc, pm);
                field(out, "score", line);
        }
        field(out, "note", NOTE);
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
                        printed++;
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
