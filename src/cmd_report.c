/* dlfl report [--csv]: every learner by every module, for a manager: each
 * learner's status, score and time per module, then per-module totals
 * (learners started, completed, passed). A learner's result in a module is
 * their best attempt (passed, else complete, else in progress; the later
 * of equals), so starting again never hides a pass; time is summed over
 * attempts. Names are shown truncated by display width in the table and
 * whole, properly quoted, in CSV. */
#include <stdlib.h>
#include <string.h>

#include "dlfl/present.h"
#include "dlfl/app.h"
#include "dlfl/export.h"
#include "dlfl/json.h"
#include "dlfl/store.h"
#include "dlfl/text.h"
#include "dlfl/xalloc.h"

#define NAME_COLS 18
#define TITLE_COLS 22

/* A module as a report column: loaded, or known only from records. */
struct col {
        const struct module *m;
        const char *id;
        const char *title; /* of a module known only from records */
        size_t started, completed, passed;
};

struct result {
        struct summary s;
        bool started;
        double seconds;
        time_t first_started, completed;
};

static int rank(const struct summary *s)
{
        return s->passed ? 3 : s->complete ? 2 : 1;
}

static const char *col_title(const struct col *col)
{
        return col->m != NULL ? col->m->title : col->title;
}

/* The learner r's result in the module of col. */
static void best(const struct col *col, const struct learner_record *r, struct result *out)
{
        const struct module *m = col->m;
        const struct module_record *mr = record_find_module(r, col->id);
        int best_rank = 0;

        memset(out, 0, sizeof(*out));
        out->s.status = STATUS_NOT_STARTED;
        if (mr == NULL)
                return;
        for (size_t i = 0; i < mr->nattempts; i++) {
                struct summary s;
                const struct attempt *a = &mr->attempts[i];

                export_attempt_summary(m, mr, i, &s);
                out->started = true;
                out->seconds += a->seconds > 0 ? a->seconds : 0;
                if (out->first_started == 0 || (a->started != 0 && a->started < out->first_started))
                        out->first_started = a->started;
                if (rank(&s) >= best_rank) {
                        best_rank = rank(&s);
                        out->s = s;
                        out->completed = s.complete ? a->completed : 0;
                }
        }
}

/* Appends s sanitized and cut to at most cols display columns (an
 * ellipsis marks a cut; UTF-8 is never split), padded to cols unless
 * last. */
static void cell(FILE *out, const char *s, int cols, bool right, bool last)
{
        char *safe = text_sanitize_line(s);
        size_t len = strlen(safe);
        int w = text_width(safe, len);

        if (w > cols) {
                const char *ell = text_is_utf8() ? "\xe2\x80\xa6" : "~";
                size_t cut = 0;
                int used = 0;

                while (cut < len) {
                        size_t n = text_utf8_len(safe + cut);
                        int cw;

                        if (n == 0)
                                n = 1;
                        cw = text_width(safe + cut, n);
                        if (used + cw > cols - 1)
                                break;
                        used += cw;
                        cut += n;
                }
                safe[cut] = '\0';
                len = cut;
                safe = xrealloc(safe, len + 4);
                strcat(safe, ell);
                w = used + 1;
        }
        if (right)
                fprintf(out, "%*s", cols - w, "");
        fputs(safe, out);
        if (!right && !last)
                fprintf(out, "%*s", cols - w, "");
        if (!last)
                fputs("  ", out);
        free(safe);
}

static void status_text(const struct result *res, char *buf, size_t size)
{
        present_status(&res->s, buf, size); /* "in progress 33.3%", "passed, 75.0%" */
}

static void score_text(const struct result *res, char *buf, size_t size)
{
        /* A score means something once the module is finished. */
        if (!res->started || res->s.possible <= 0 || !res->s.complete)
                snprintf(buf, size, "-");
        else
                present_fraction(res->s.earned, res->s.possible, buf, size);
}

static struct col *columns(const struct catalog *c, struct learner_record **recs, size_t nrecs,
                           size_t *ncols)
{
        struct col *cols = xcalloc(c->count + 1, sizeof(*cols));
        size_t n = 0, cap = c->count + 1;

        for (size_t i = 0; i < c->count; i++, n++) {
                cols[n].m = c->modules[i];
                cols[n].id = c->modules[i]->id;
        }
        /* Progress in modules no longer installed is still reported. */
        for (size_t k = 0; k < nrecs; k++) {
                for (size_t i = 0; recs[k] != NULL && i < recs[k]->nmodules; i++) {
                        const struct module_record *mr = &recs[k]->modules[i];
                        bool known = false;

                        if (mr->module == NULL || mr->nattempts == 0)
                                continue;
                        for (size_t j = 0; j < n && !known; j++)
                                known = strcmp(cols[j].id, mr->module) == 0;
                        if (known)
                                continue;
                        cols = xgrow(cols, &cap, n + 1, sizeof(*cols));
                        memset(&cols[n], 0, sizeof(cols[n]));
                        cols[n].id = mr->module;
                        cols[n].title = export_title(NULL, mr);
                        n++;
                }
        }
        *ncols = n;
        return cols;
}

static void csv_report(FILE *out, struct learner_record **recs, size_t nrecs, struct col *cols,
                       size_t ncols)
{
        static const char *const header[] = {"learner", "module",        "title",          "status",
                                             "score",   "earned",        "possible",       "passed",
                                             "minutes", "started (UTC)", "completed (UTC)"};

        export_csv_begin(out);
        for (size_t i = 0; i < sizeof(header) / sizeof(header[0]); i++)
                export_csv_field(out, header[i], i == 0);
        export_csv_end_row(out);
        for (size_t k = 0; k < nrecs; k++) {
                if (recs[k] == NULL)
                        continue;
                for (size_t i = 0; i < ncols; i++) {
                        struct result res;
                        char buf[64];

                        best(&cols[i], recs[k], &res);
                        export_csv_field(out, recs[k]->name, true);
                        export_csv_field(out, cols[i].id, false);
                        export_csv_field(out, col_title(&cols[i]), false);
                        present_status(&res.s, buf, sizeof buf);
                        export_csv_field(out, buf, false);
                        if (res.started)
                                present_score_cell(&res.s, buf, sizeof buf);
                        else
                                buf[0] = '\0';
                        export_csv_field(out, buf, false);
                        json_format_number(res.s.earned, buf, sizeof(buf));
                        export_csv_field(out, res.started ? buf : "", false);
                        json_format_number(res.s.possible, buf, sizeof(buf));
                        export_csv_field(out, res.started ? buf : "", false);
                        export_csv_field(out, res.s.passed ? "yes" : "no", false);
                        snprintf(buf, sizeof(buf), "%ld", present_minutes(res.seconds));
                        export_csv_field(out, buf, false);
                        export_csv_time(res.first_started, buf);
                        export_csv_field(out, buf, false);
                        export_csv_time(res.completed, buf);
                        export_csv_field(out, buf, false);
                        export_csv_end_row(out);
                }
        }
}

static void table_report(FILE *out, struct learner_record **recs, size_t nrecs, struct col *cols,
                         size_t ncols, size_t nlearners)
{
        char buf[64];

        cell(out, "Learner", NAME_COLS, false, false);
        cell(out, "Module", TITLE_COLS, false, false);
        cell(out, "Status", 17, false, false);
        cell(out, "Score", 6, true, false);
        cell(out, "Minutes", 7, true, true);
        fputs("\n", out);
        if (nlearners == 0)
                fputs("(no learners yet)\n", out);
        for (size_t k = 0; k < nrecs; k++) {
                if (recs[k] == NULL)
                        continue;
                for (size_t i = 0; i < ncols; i++) {
                        struct result res;

                        best(&cols[i], recs[k], &res);
                        cell(out, i == 0 ? recs[k]->name : "", NAME_COLS, false, false);
                        cell(out, col_title(&cols[i]), TITLE_COLS, false, false);
                        status_text(&res, buf, sizeof(buf));
                        cell(out, buf, 17, false, false);
                        score_text(&res, buf, sizeof(buf));
                        cell(out, buf, 6, true, false);
                        if (res.started)
                                snprintf(buf, sizeof(buf), "%ld", present_minutes(res.seconds));
                        else
                                snprintf(buf, sizeof(buf), "-");
                        cell(out, buf, 7, true, true);
                        fputs("\n", out);
                        /* Counted as the status words say: an intro opened
                         * and left is "not started". */
                        if (res.s.status != STATUS_NOT_STARTED)
                                cols[i].started++;
                        if (res.s.complete)
                                cols[i].completed++;
                        if (res.s.passed)
                                cols[i].passed++;
                }
        }
        fputs("\n", out);
        cell(out, "Module", TITLE_COLS, false, false);
        cell(out, "Learners", 8, true, false);
        cell(out, "Started", 7, true, false);
        cell(out, "Completed", 9, true, false);
        cell(out, "Passed", 6, true, true);
        fputs("\n", out);
        for (size_t i = 0; i < ncols; i++) {
                cell(out, col_title(&cols[i]), TITLE_COLS, false, false);
                snprintf(buf, sizeof(buf), "%zu", nlearners);
                cell(out, buf, 8, true, false);
                snprintf(buf, sizeof(buf), "%zu", cols[i].started);
                cell(out, buf, 7, true, false);
                snprintf(buf, sizeof(buf), "%zu", cols[i].completed);
                cell(out, buf, 9, true, false);
                snprintf(buf, sizeof(buf), "%zu", cols[i].passed);
                cell(out, buf, 6, true, true);
                fputs("\n", out);
        }
}

int cmd_report(struct app *app, int argc, char **argv)
{
        struct store *st;
        const char *err = NULL;
        char **names;
        size_t n, ncols, nread = 0;
        struct learner_record **recs;
        struct col *cols;
        int status = 0;

        (void)argv;
        if (argc > 0) {
                fputs("dlfl: report takes no arguments\nusage: dlfl report [--csv]\n"
                      "Try 'dlfl --help'.\n",
                      stderr);
                return 2;
        }
        st = store_open(app->data_dir, &err);
        if (st == NULL) {
                fprintf(stderr, "dlfl: %s\n", err != NULL ? err : "no data directory");
                return 1;
        }
        names = store_list(st, &n, &err);
        if (names == NULL && err != NULL) {
                char *safe = text_sanitize_line(store_dir(st));

                fprintf(stderr, "dlfl: %s: %s\n", safe, err);
                free(safe);
                store_close(&st);
                return 1;
        }
        if (!app_load_modules(app)) {
                store_names_free(names, n);
                store_close(&st);
                return 1;
        }
        recs = xcalloc(n + 1, sizeof(*recs));
        for (size_t i = 0; i < n; i++) {
                recs[i] = store_read(st, names[i], &err);
                if (recs[i] != NULL) {
                        nread++;
                        continue;
                }
                /* The rest is still reported; the exit status says one was missed. */
                char *who = text_sanitize_line(names[i]);
                char *why = text_sanitize_line(err != NULL ? err : "The record cannot be read.");

                fprintf(stderr, "dlfl: %s The report leaves %s out.\n", why, who);
                free(why);
                free(who);
                status = 1;
        }
        cols = columns(&app->catalog, recs, n, &ncols);
        if (app->csv)
                csv_report(stdout, recs, n, cols, ncols);
        else
                table_report(stdout, recs, n, cols, ncols, nread);
        if (ferror(stdout) || fflush(stdout) != 0) {
                perror("dlfl: cannot write the report");
                status = 1;
        }
        free(cols);
        for (size_t i = 0; i < n; i++)
                record_free(&recs[i]);
        free(recs);
        store_names_free(names, n);
        store_close(&st);
        return status;
}
