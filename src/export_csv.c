/* CSV export: RFC 4180 (CRLF line ends, fields quoted when needed), a
 * header row, then one row per module attempt, oldest first. Numbers use
 * '.' as the decimal point whatever the locale, so a spreadsheet anywhere
 * reads them the same. */
#include <stdlib.h>

#include "dlfl/present.h"
#include "dlfl/export.h"
#include "dlfl/json.h"

static const char *const header[] = {
    "learner", "module", "title",    "attempt",   "status", "started (UTC)", "completed (UTC)",
    "score",   "earned", "possible", "pass_mark", "passed", "minutes",
};

static void number_field(FILE *out, double v, int decimals)
{
        char buf[64];
        double scale = decimals == 0 ? 1 : decimals == 1 ? 10 : 100;

        /* Rounded here so 66.666... reads as 66.7, not 66.66666667. */
        if (v > -1e12 && v < 1e12)
                v = v >= 0 ? (double)(long long)(v * scale + 0.5) / scale
                           : -(double)(long long)(-v * scale + 0.5) / scale;
        json_format_number(v, buf, sizeof(buf));
        export_csv_field(out, buf, false);
}

bool export_csv(FILE *out, const struct catalog *c, const struct learner_record *r, time_t now,
                const char **err)
{
        size_t n;
        size_t *order;

        (void)now;
        (void)err;
        export_csv_begin(out);
        for (size_t i = 0; i < sizeof(header) / sizeof(header[0]); i++)
                export_csv_field(out, header[i], i == 0);
        export_csv_end_row(out);
        order = export_module_order(c, r, &n);
        for (size_t k = 0; k < n; k++) {
                const struct module_record *mr = &r->modules[order[k]];
                const struct module *m = catalog_find(c, mr->module);

                for (size_t i = 0; i < mr->nattempts; i++) {
                        const struct attempt *a = &mr->attempts[i];
                        struct summary s;
                        char started[32], completed[32], num[32], words[64];

                        export_attempt_summary(m, mr, i, &s);
                        export_csv_time(a->started, started);
                        export_csv_time(s.complete ? a->completed : 0, completed);
                        export_csv_field(out, r->name, true);
                        export_csv_field(out, mr->module, false);
                        export_csv_field(out, export_title(m, mr), false);
                        snprintf(num, sizeof(num), "%zu", i + 1);
                        export_csv_field(out, num, false);
                        present_status(&s, words, sizeof words);
                        export_csv_field(out, words, false);
                        export_csv_field(out, started, false);
                        export_csv_field(out, completed, false);
                        present_score_cell(&s, words, sizeof words);
                        export_csv_field(out, words, false);
                        number_field(out, s.earned, 2);
                        number_field(out, s.possible, 2);
                        number_field(out, s.pass_mark, 1);
                        export_csv_field(out, s.passed ? "yes" : "no", false);
                        snprintf(num, sizeof(num), "%ld", present_minutes(s.seconds));
                        export_csv_field(out, num, false);
                        export_csv_end_row(out);
                }
        }
        free(order);
        return true;
}
