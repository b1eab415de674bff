/* The words and numbers a learner sees, decided once (present.h). */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dlfl/kinds.h"
#include "dlfl/present.h"
#include "dlfl/text.h"
#include "dlfl/xalloc.h"

/* ---- numbers ------------------------------------------------------------ */

/* floor() without libm: the player would map libm (some 300 KiB resident)
 * for this one function. Past 2^52 every double is already whole. */
static double whole_below(double x)
{
        if (!(x > -4e15 && x < 4e15))
                return x;
        double t = (double)(long long)x;
        return t > x ? t - 1 : t;
}

double present_percent_value(double percent)
{
        if (!isfinite(percent) || percent < 0)
                return 0;
        /* The small nudge keeps 70 (stored as 69.99999...) at 70.0; a true
         * 69.98 stays below it. */
        return whole_below(percent * 10.0 + 1e-6) / 10.0;
}

void present_percent(double percent, char *buf, size_t size)
{
        snprintf(buf, size, "%.1f%%", present_percent_value(percent));
}

void present_fraction(double earned, double possible, char *buf, size_t size)
{
        present_percent(possible > 0 ? earned * 100.0 / possible : 0, buf, size);
}

void present_points(double points, char *buf, size_t size)
{
        /* Two decimals at most (0.67 of a point), trailing zeros dropped. */
        double v = whole_below(points * 100.0 + 1e-6) / 100.0;
        char *dot;
        size_t n;

        snprintf(buf, size, "%.2f", v);
        dot = strchr(buf, '.');
        if (dot == NULL)
                return;
        n = strlen(buf);
        while (n > 0 && buf[n - 1] == '0')
                buf[--n] = '\0';
        if (n > 0 && buf[n - 1] == '.')
                buf[--n] = '\0';
}

void present_points_noun(double points, char *buf, size_t size)
{
        char p[32];

        present_points(points, p, sizeof p);
        snprintf(buf, size, "%s point%s", p, strcmp(p, "1") == 0 ? "" : "s");
}

void present_points_of(double earned, double possible, char *buf, size_t size)
{
        char e[32], p[48];

        present_points(earned, e, sizeof e);
        present_points_noun(possible, p, sizeof p);
        snprintf(buf, size, "%s of %s", e, p);
}

bool present_question_heading(const struct screen *sc, char *buf, size_t size)
{
        double pts = model_screen_points(sc);
        const char *own;
        char p[48];

        if (sc->type != SCREEN_QUESTION)
                return false;
        if (pts > 0) {
                present_points_noun(pts, p, sizeof p);
                snprintf(buf, size, "Question (%s)", p);
                return true;
        }
        own = kind_ops(sc->kind)->heading;
        if (!model_kind_is_checked(sc->kind) && own != NULL)
                snprintf(buf, size, "%s", own);
        else
                snprintf(buf, size, "Practice question (not scored)");
        return true;
}

const char *present_ending(enum ending e)
{
        switch (e) {
        case ENDING_GOOD:
                return "A good ending.";
        case ENDING_MIXED:
                return "A mixed ending: some of it went well.";
        case ENDING_POOR:
                return "A poor ending: think about what could have gone differently.";
        case ENDING_NONE:
                break;
        }
        return "The end of the case study.";
}

const char *present_case_go_on(bool walked)
{
        return walked ? "Press Enter to go on, or r to walk the case study again."
                      : "Press Enter to go on.";
}

long present_minutes(double seconds)
{
        /* Negative or absurd values come only from a damaged record. */
        if (!(seconds > 0))
                return 0;
        if (seconds > 1e12)
                seconds = 1e12;
        return (long)whole_below(seconds / 60.0);
}

void present_duration(double seconds, char *buf, size_t size)
{
        long mins = present_minutes(seconds);
        long h = mins / 60, m = mins % 60;

        if (mins < 1)
                snprintf(buf, size, "under a minute");
        else if (h == 0)
                snprintf(buf, size, "%ld minute%s", m, m == 1 ? "" : "s");
        else if (m == 0)
                snprintf(buf, size, "%ld hour%s", h, h == 1 ? "" : "s");
        else
                snprintf(buf, size, "%ld hour%s %ld minute%s", h, h == 1 ? "" : "s", m,
                         m == 1 ? "" : "s");
}

const char *present_screen_kind(const struct screen *sc)
{
        if (sc->type == SCREEN_LESSON)
                return "Lesson";
        if (sc->type == SCREEN_CASE_STUDY)
                return "Case study";
        return kind_ops(sc->kind)->label;
}

char *present_summary_heading(const struct module *m)
{
        return xasprintf("Summary: %s", m->title);
}

char *present_contents_heading(const struct module *m)
{
        return xasprintf("Contents: %s", m->title);
}

char *present_case_heading(const struct screen *sc)
{
        return xasprintf("Case study: %s", sc->title != NULL ? sc->title : "");
}

/* ---- where the learner is ----------------------------------------------- */

void present_position(const struct module *m, size_t pos, struct present_position *out)
{
        memset(out, 0, sizeof(*out));
        out->module = m->title;
        if (pos >= m->nscreens) {
                snprintf(out->where, sizeof out->where, "%s", PRESENT_SUMMARY_ENTRY);
                return;
        }
        if (m->screens[pos].section < m->nsections)
                out->section = m->sections[m->screens[pos].section].title;
        snprintf(out->where, sizeof out->where, "screen %zu of %zu", pos + 1, m->nscreens);
}

char *present_first_line(const char *text, int width)
{
        char *r = text_render_plain(text != NULL ? text : "", width > 10 ? width : 10);
        char *s = r, *nl, *out;

        while (*s == '\n')
                s++;
        nl = strchr(s, '\n');
        if (nl != NULL && nl[1] != '\0')
                out = xasprintf("%.*s ...", (int)(nl - s), s);
        else
                out = nl != NULL ? xstrndup(s, (size_t)(nl - s)) : xstrdup(s);
        free(r);
        return out;
}

const char *present_contents_label(const struct screen *sc)
{
        return present_revisit_label(sc);
}

char *present_contents_entry(const struct screen *sc, const char *shown,
                             const struct screen_state *st, bool here)
{
        const char *state = "";

        if (st != NULL && st->complete)
                state = " (done)";
        else if (st != NULL && st->seen)
                state = " (seen)";
        return xasprintf("%s: %s%s%s", present_screen_kind(sc), shown, state,
                         here ? " (you are here)" : "");
}

char *present_contents_summary(bool here)
{
        return xasprintf("%s%s", PRESENT_SUMMARY_ENTRY, here ? " (you are here)" : "");
}

/* ---- status ------------------------------------------------------------- */

const char *present_status_word(enum module_status st)
{
        return session_status_name(st);
}

void present_status(const struct summary *s, char *buf, size_t size)
{
        char pc[32];

        switch (s->status) {
        case STATUS_NOT_STARTED:
                snprintf(buf, size, "not started");
                return;
        case STATUS_IN_PROGRESS:
                present_fraction((double)s->done, (double)s->total, pc, sizeof pc);
                snprintf(buf, size, "in progress %s", pc);
                return;
        case STATUS_COMPLETE:
        case STATUS_PASSED:
                if (s->possible <= 0) {
                        snprintf(buf, size, "%s", present_status_word(s->status));
                        return;
                }
                present_fraction(s->earned, s->possible, pc, sizeof pc);
                snprintf(buf, size, "%s, %s", present_status_word(s->status), pc);
                return;
        }
        snprintf(buf, size, "?");
}

const char *present_revisit_why(const struct screen *sc, const struct screen_state *st)
{
        if (sc->type == SCREEN_LESSON)
                return "not read";
        if (sc->type == SCREEN_CASE_STUDY)
                return st != NULL && st->attempts > 0 ? "not finished" : "not done";
        return st == NULL || st->attempts == 0 ? "not answered" : "not right";
}

void present_revisit_note(const struct screen *sc, const struct screen_state *st, size_t pos,
                          char *buf, size_t size)
{
        snprintf(buf, size, "screen %zu, %s", pos + 1, present_revisit_why(sc, st));
}

const char *present_revisit_label(const struct screen *sc)
{
        if (sc->type == SCREEN_QUESTION && sc->prompt != NULL)
                return sc->prompt;
        if (sc->title != NULL)
                return sc->title;
        return sc->id;
}

void present_score_cell(const struct summary *s, char *buf, size_t size)
{
        if (s->possible <= 0)
                snprintf(buf, size, "%s", "");
        else
                snprintf(buf, size, "%.1f", present_percent_value(s->earned * 100.0 / s->possible));
}

int present_resume(const struct catalog *c, const struct learner_record *rec)
{
        int best = -1;
        time_t when = 0;

        if (rec == NULL)
                return -1;
        for (size_t i = 0; i < c->count; i++) {
                const struct module_record *mr = record_find_module(rec, c->modules[i]->id);
                struct summary sum;

                if (mr == NULL || mr->nattempts == 0)
                        continue;
                session_status(c->modules[i], mr, &sum);
                if (sum.status != STATUS_IN_PROGRESS)
                        continue;
                if (best < 0 || mr->attempts[mr->nattempts - 1].updated > when) {
                        best = (int)i;
                        when = mr->attempts[mr->nattempts - 1].updated;
                }
        }
        return best;
}

/* ---- the module menu ---------------------------------------------------- */

/* "about 5 minutes", or empty when the author gave none. */
static void about_minutes(const struct module *m, char *buf, size_t size)
{
        if (m->minutes > 0)
                snprintf(buf, size, "about %d minute%s", m->minutes, m->minutes == 1 ? "" : "s");
        else if (size > 0)
                buf[0] = '\0';
}

void present_menu_info(const struct module *m, const struct summary *s, char *buf, size_t size)
{
        char st[96], mins[48];

        present_status(s, st, sizeof st);
        about_minutes(m, mins, sizeof mins);
        snprintf(buf, size, "%s%s%s", st, mins[0] != '\0' ? "; " : "", mins);
}

char *present_resume_item(const struct module *m)
{
        return xasprintf("Resume where you left off: %s", m->title);
}

char *present_broken(const char *file, const char *why)
{
        return xasprintf("Cannot be opened: %s: %s", file, why);
}

/* ---- learners ----------------------------------------------------------- */

void present_wait(unsigned seconds, char *buf, size_t size)
{
        snprintf(buf, size, "Please wait %u second%s before trying again.", seconds,
                 seconds == 1 ? "" : "s");
}

char *present_forget_failed(const char *why)
{
        return xasprintf("Your record could not be deleted: %s",
                         why != NULL ? why : "unknown error");
}

/* ---- the intro ---------------------------------------------------------- */

static const char *const month_names[12] = {"January",   "February", "March",    "April",
                                            "May",       "June",     "July",     "August",
                                            "September", "October",  "November", "December"};

void present_intro(const struct module *m, const struct module_record *mr,
                   struct present_intro *out)
{
        const struct attempt *a = NULL;
        struct summary sum;
        char pm[32], pass[48], mins[48];

        memset(out, 0, sizeof(*out));
        session_status(m, mr, &sum);
        out->started = sum.started;
        /* The pass mark in the same figures as the summary's (present_points);
         * a module with nothing scored passes on completion, so none is
         * named, in the summary's words. */
        if (sum.possible > 0) {
                present_points(sum.pass_mark, pm, sizeof pm);
                snprintf(pass, sizeof pass, "Pass mark %s%%.", pm);
        } else {
                snprintf(pass, sizeof pass, "Nothing in this module is scored.");
        }
        about_minutes(m, mins, sizeof mins);
        if (mins[0] != '\0')
                mins[0] = 'A';
        snprintf(out->facts, sizeof out->facts, "%s%s%s", mins, mins[0] != '\0' ? ". " : "", pass);
        int y, mo, d;
        if (m->reviewed != NULL && model_parse_date(m->reviewed, &y, &mo, &d))
                snprintf(out->reviewed, sizeof out->reviewed, "Content checked on %d %s %d.", d,
                         month_names[mo - 1], y);
        if (mr != NULL && mr->nattempts > 0)
                a = &mr->attempts[mr->nattempts - 1];
        for (size_t i = 0; i < m->nsections && i < 64; i++) {
                const struct section *sec = &m->sections[i];

                out->count[i] = sec->count;
                for (size_t j = sec->first; j < sec->first + sec->count; j++) {
                        const struct screen_state *st = record_find_screen(a, m->screens[j].id);

                        out->done[i] += st != NULL && st->complete;
                }
        }
}

char *present_intro_section(const struct module *m, const struct present_intro *in, size_t i)
{
        const struct section *sec = &m->sections[i];

        return xasprintf("%s (%zu of %zu screen%s done)", sec->title, i < 64 ? in->done[i] : 0,
                         sec->count, sec->count == 1 ? "" : "s");
}

const char *present_intro_go_on(const struct present_intro *in, bool at_summary)
{
        if (!in->started)
                return "Press Enter to start.";
        return at_summary
                   ? "Press Enter for your summary, or r for " PRESENT_AGAIN_MODULE "."
                   : "Press Enter to continue where you left off, or r for " PRESENT_AGAIN_MODULE
                     ".";
}

/* ---- starting again ----------------------------------------------------- */

bool present_again_questions(const struct summary *s)
{
        return s->complete && !s->passed;
}

void present_again_offer(const struct summary *s, const char *verb, char *buf, size_t size)
{
        if (present_again_questions(s))
                snprintf(buf, size,
                         "%s a for " PRESENT_AGAIN_QUESTIONS
                         " (lessons count as read), or r for " PRESENT_AGAIN_MODULE ".",
                         verb);
        else
                snprintf(buf, size, "%s r for " PRESENT_AGAIN_MODULE ".", verb);
}

const char *present_again_started(bool questions)
{
        return questions ? "The questions again: lessons count as read. Your earlier attempt "
                           "stays in your record."
                         : "The whole module again: every screen is fresh. Your earlier attempt "
                           "stays in your record.";
}

/* ---- after an answer ---------------------------------------------------- */

static struct present_part *add(struct present_parts *p, enum present_part_kind kind,
                                const char *label, char *text, bool markdown)
{
        struct present_part *pt;

        p->v = xgrow(p->v, &p->cap, p->n + 1, sizeof(*p->v));
        pt = &p->v[p->n++];
        memset(pt, 0, sizeof(*pt));
        pt->kind = kind;
        pt->label = label;
        pt->text = text;
        pt->markdown = markdown;
        return pt;
}

__attribute__((format(printf, 4, 5))) static struct present_part *
addf(struct present_parts *p, enum present_part_kind kind, const char *label, const char *fmt, ...)
{
        va_list ap;
        char *s;
        int n;

        va_start(ap, fmt);
        n = vsnprintf(NULL, 0, fmt, ap);
        va_end(ap);
        s = xmalloc((size_t)(n > 0 ? n : 0) + 1);
        va_start(ap, fmt);
        vsnprintf(s, (size_t)n + 1, fmt, ap);
        va_end(ap);
        return add(p, kind, label, s, false);
}

static char letter(size_t i)
{
        return (char)('A' + (i < 26 ? i : 25));
}

/* The response's author indices (1-based in the record). */
static size_t response_indices(const char *r, size_t *out, size_t max)
{
        size_t n = 0;

        while (r != NULL && *r != '\0' && n < max) {
                char *end;
                unsigned long v = strtoul(r, &end, 10);

                if (end == r || v == 0)
                        return 0;
                out[n++] = (size_t)v - 1;
                r = *end == ',' ? end + 1 : end;
                if (*end != ',' && *end != '\0')
                        return 0;
        }
        return n;
}

/* Match and order: each wrong pair or place, by name. An order's options
 * are written in the right order; a match's left items are its pairs'. */
static void wrong_items(const struct session *s, const struct screen *sc,
                        const struct screen_state *st, struct present_parts *out)
{
        const struct kind_ops *k = kind_ops(sc->kind);
        size_t a[64], n = response_indices(st->response, a, 64);

        if (k->widget == WIDGET_ORDER && n == k->options(sc)) {
                for (size_t i = 0; i < n; i++)
                        if (a[i] < n && strcmp(k->option(sc, a[i]), k->option(sc, i)) != 0)
                                addf(out, PART_WRONG_ITEM, NULL, "Not in place %zu: %s", i + 1,
                                     k->option(sc, a[i]))
                                    ->bad = true;
        } else if (k->widget == WIDGET_MATCH && n == sc->npairs) {
                for (size_t i = 0; i < n; i++)
                        if (a[i] < sc->npairs &&
                            strcmp(sc->pairs[a[i]].right, sc->pairs[i].right) != 0)
                                addf(out, PART_WRONG_ITEM, NULL, "Not a pair: %c. %s with %s",
                                     letter(i), sc->pairs[i].left, sc->pairs[a[i]].right)
                                    ->bad = true;
        }
        (void)s;
}

/* Orders and pairs read best a line each; other answers as one line. */
static void right_answer(const struct session *s, const struct screen *sc,
                         struct present_parts *out)
{
        const struct kind_ops *k = kind_ops(sc->kind);

        if (k->widget == WIDGET_ORDER) {
                addf(out, PART_RIGHT, NULL, "The right order:");
                for (size_t i = 0; i < k->options(sc); i++)
                        addf(out, PART_RIGHT, NULL, "%zu. %s", i + 1, k->option(sc, i));
                return;
        }
        if (k->widget == WIDGET_MATCH) {
                addf(out, PART_RIGHT, NULL, "The right pairs:");
                for (size_t i = 0; i < sc->npairs; i++)
                        addf(out, PART_RIGHT, NULL, "%c. %s: %s", letter(i), sc->pairs[i].left,
                             sc->pairs[i].right);
                return;
        }
        char *right = session_right_answer(s);
        if (right != NULL)
                add(out, PART_RIGHT, "The right answer: ", right, false);
}

void present_answer(const struct session *s, const char *hint_key, struct present_parts *out)
{
        const struct screen *sc = session_screen(s);
        const struct screen_state *st = session_state(s);
        const char *fb[16], *hints[16];
        size_t nh, nf;
        bool checked;
        int left;
        char got[96];

        memset(out, 0, sizeof(*out));
        if (sc == NULL || sc->type != SCREEN_QUESTION)
                return;
        checked = model_kind_is_checked(sc->kind);
        nh = session_hints_shown(s, hints, 16);
        if (st->attempts == 0 && !st->complete) {
                for (size_t i = 0; i < nh; i++)
                        add(out, PART_HINT, "Hint: ", xstrdup(hints[i]), true);
                if (hint_key != NULL && session_hint_available(s))
                        addf(out, PART_NOTE, NULL, "Press %s for %s hint.", hint_key,
                             nh > 0 ? "another" : "a");
                return;
        }
        if (!checked) {
                const struct kind_ops *k = kind_ops(sc->kind);

                /* A level picked is said back in words. */
                if (k->widget == WIDGET_PICK_ONE && st->rating >= 0 &&
                    (size_t)st->rating < k->options(sc))
                        addf(out, PART_VERDICT, NULL, "Saved: %s.",
                             k->option(sc, (size_t)st->rating));
                else
                        addf(out, PART_VERDICT, NULL, "Saved.");
                return;
        }
        left = session_attempts_left(s);
        if (st->correct) {
                const char *spelling = session_typo_spelling(s);

                if (spelling != NULL)
                        addf(out, PART_VERDICT, NULL, "Right: %s", spelling)->good = true;
                else
                        addf(out, PART_VERDICT, NULL, "Right.")->good = true;
        } else if (st->settled) {
                addf(out, PART_VERDICT, NULL, "Not right, and no attempts are left.")->bad = true;
        } else if (left > 0) {
                addf(out, PART_VERDICT, NULL, "Not right. Try again: %d attempt%s left.", left,
                     left == 1 ? "" : "s")
                    ->bad = true;
        } else {
                addf(out, PART_VERDICT, NULL, "Not right. Try again.")->bad = true;
        }
        if (st->settled && sc->points > 0) {
                present_points_of(st->correct ? st->points : 0, sc->points, got, sizeof got);
                addf(out, PART_POINTS, NULL, "You earned %s.", got);
        }
        nf = session_feedback(s, fb, 16);
        for (size_t i = 0; i < nf; i++) {
                /* Several ticks, several remarks: say which tick each is about. */
                const char *choice = session_feedback_choice(s, i);

                add(out, PART_FEEDBACK, NULL,
                    choice != NULL ? xasprintf("%s: %s", choice, fb[i]) : xstrdup(fb[i]), true);
        }
        if (!st->correct)
                wrong_items(s, sc, st, out);
        /* Once settled, the right answer and explanation take the hints' place. */
        for (size_t i = 0; i < nh && !st->settled; i++)
                add(out, PART_HINT, "Hint: ", xstrdup(hints[i]), true);
        if (!st->settled && hint_key != NULL && session_hint_available(s))
                addf(out, PART_NOTE, NULL, "Press %s for another hint.", hint_key);
        if (st->settled) {
                right_answer(s, sc, out);
                if (sc->explanation != NULL)
                        add(out, PART_EXPLANATION, NULL, xstrdup(sc->explanation), true);
        }
}

const char *present_no_hint(const struct session *s)
{
        const struct screen *sc = session_screen(s);
        const struct screen_state *st = session_state(s);

        if (sc == NULL || sc->type != SCREEN_QUESTION)
                return "There is no hint here.";
        if (sc->nhints == 0 || !model_kind_is_checked(sc->kind))
                return "This question has no hints.";
        if (st != NULL && st->settled)
                return "This question is settled: no more hints.";
        return "There are no more hints for this question.";
}

const char *present_going_on(const struct session *s)
{
        const struct screen *sc = session_screen(s);

        if (sc != NULL && sc->type == SCREEN_QUESTION && !session_state(s)->complete)
                return PRESENT_LEFT_UNANSWERED;
        return NULL;
}

void present_parts_free(struct present_parts *p)
{
        if (p == NULL)
                return;
        for (size_t i = 0; i < p->n; i++)
                free(p->v[i].text);
        free(p->v);
        memset(p, 0, sizeof(*p));
}

/* ---- the summary -------------------------------------------------------- */

void present_summary(const struct summary *s, struct present_summary *out)
{
        char pc[16], ep[96], pm[24], t[64];

        memset(out, 0, sizeof(*out));
        out->passed = s->passed;
        out->complete = s->complete;
        if (s->possible > 0) {
                present_fraction(s->earned, s->possible, pc, sizeof pc);
                present_points_of(s->earned, s->possible, ep, sizeof ep);
                present_points(s->pass_mark, pm, sizeof pm);
                snprintf(out->score, sizeof out->score, "Score: %s (%s); the pass mark is %s%%.",
                         ep, pc, pm);
        } else {
                snprintf(out->score, sizeof out->score, "Nothing in this module is scored.");
        }
        if (s->passed)
                snprintf(out->result, sizeof out->result, "Result: passed.");
        else if (s->complete)
                snprintf(out->result, sizeof out->result, "Result: not passed.");
        else
                snprintf(out->result, sizeof out->result,
                         "Result: not complete yet: %zu of %zu screen%s done.", s->done, s->total,
                         s->total == 1 ? "" : "s");
        present_duration(s->seconds, t, sizeof t);
        snprintf(out->time, sizeof out->time, "Time spent: %s.", t);
}

char *present_summary_next(const struct module *next)
{
        if (next != NULL)
                return xasprintf("Next module: %s", next->title);
        return xstrdup("This is the last module: Enter or m returns to the module menu.");
}

void present_too_long(bool reflection, char *buf, size_t size)
{
        snprintf(buf, size, "%s holds at most %u KiB: the rest was not kept.",
                 reflection ? "A reflection" : "An answer",
                 (reflection ? RECORD_MAX_REFLECTION : RECORD_MAX_ANSWER) / 1024);
}
