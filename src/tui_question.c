/* A question of any kind: the prompt, the widget that takes the answer, and
 * feedback at once (right or wrong said in words), a hint after a wrong
 * attempt, and the right answer with the explanation once settled. What
 * differs by kind (option texts, instruction, heading) comes from the
 * kind's row (dlfl/kinds.h); this file knows only the widgets.
 *
 * Keys beyond the common ones: pick one picks with 1-9 or Up/Down and
 * Enter; pick many ticks with Space or 1-9 and submits with Enter; order
 * picks an item up with Space, moves it with Up/Down, puts it down with
 * Space, and submits with Enter; match chooses a left item with Up/Down and
 * gives its right item with 1-9 (Space cycles), Enter submits; type text
 * and type number use a line editor, Enter submits; long text (reflection)
 * a multi-line editor, Ctrl-D or F2 submits. In the editors Esc (or Tab)
 * leaves the text so the other keys work; Enter or e goes back in.
 *
 * The screen's own state (the editor, ticks, order, pairs) is its private
 * state, struct question_view; struct tui keeps only the base view. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dlfl/kinds.h"
#include "dlfl/present.h"
#include "dlfl/xalloc.h"
#include "tui.h"

#define EDIT_ITEM 1000
#define FEEDBACK_ITEM 2000

static const struct screen *cur(const struct tui *t)
{
        return session_screen(t->sess);
}

/* The screen's own state (state_size), allocated zeroed on entering it. */
struct question_view {
        struct tui_edit edit; /* type widgets */
        bool editing;         /* keys go to the editor */
        bool toggled[TUI_MAX_PICKS];
        size_t order[TUI_MAX_PICKS]; /* order: shown positions, learner's order */
        int grabbed;                 /* order: the row being moved, -1 none */
        int match[TUI_MAX_PICKS];    /* match: shown right item per left, -1 none */
        bool answered_now;           /* show the feedback just given */
};

static struct question_view *qv(const struct tui *t)
{
        return tui_state(t, &tui_question_screen);
}

/* The kind's row: the screen draws its widget and asks the row for words. */
static const struct kind_ops *ops(const struct tui *t)
{
        return kind_ops(cur(t)->kind);
}

static enum kind_widget widget(const struct tui *t)
{
        return ops(t)->widget;
}

static bool typed(const struct tui *t)
{
        return widget(t) == WIDGET_TYPE_TEXT || widget(t) == WIDGET_TYPE_NUMBER;
}

/* Several lines of the learner's own words, saved rather than checked. */
static bool long_text(const struct tui *t)
{
        return ops(t)->long_text;
}

/* How many things there are to pick from, and their order on screen. */
static size_t shown_count(const struct tui *t, const size_t **ord)
{
        size_t n = 0;

        *ord = NULL;
        if (typed(t))
                return 0;
        *ord = session_shown_order(t->sess, &n);
        return n > TUI_MAX_PICKS ? TUI_MAX_PICKS : n;
}

/* The shown positions of the last answer's picks, for marking them. */
static void last_picks(const struct tui *t, bool *picked, size_t n)
{
        size_t v[TUI_MAX_PICKS];
        size_t k = session_last_picks(t->sess, v, TUI_MAX_PICKS);

        memset(picked, 0, n * sizeof *picked);
        for (size_t i = 0; i < k; i++)
                if (v[i] < n)
                        picked[v[i]] = true;
}

static bool settled(const struct tui *t)
{
        return session_question_closed(t->sess);
}

static void question_enter(struct tui *t)
{
        struct question_view *q = qv(t);
        const struct screen_state *st = session_state(t->sess);
        const size_t *ord;
        size_t n = shown_count(t, &ord);

        t->cursor = 0;
        q->grabbed = -1;
        q->answered_now = false;
        t->doc.width = 0;
        memset(q->toggled, 0, sizeof q->toggled);
        for (size_t i = 0; i < TUI_MAX_PICKS; i++) {
                q->order[i] = i;
                q->match[i] = -1;
        }
        size_t v[TUI_MAX_PICKS];
        size_t k = session_last_picks(t->sess, v, TUI_MAX_PICKS);
        switch (widget(t)) {
        case WIDGET_PICK_MANY:
                last_picks(t, q->toggled, n);
                if (st != NULL && st->draft != NULL && !st->settled &&
                    strncmp(st->draft, "ticks:", 6) == 0) {
                        /* Ticks not yet submitted, kept from the last visit. */
                        const char *p = st->draft + 6;

                        memset(q->toggled, 0, sizeof q->toggled);
                        while (*p != '\0') {
                                char *end;
                                unsigned long d = strtoul(p, &end, 10);

                                if (end == p)
                                        break;
                                if (d >= 1 && d <= n)
                                        q->toggled[d - 1] = true;
                                p = *end == ',' ? end + 1 : end;
                        }
                }
                break;
        case WIDGET_ORDER:
                if (k == n)
                        for (size_t i = 0; i < k; i++)
                                q->order[i] = v[i] < n ? v[i] : i;
                break;
        case WIDGET_MATCH:
                for (size_t i = 0; i < k && i < n; i++)
                        q->match[i] = v[i] < n ? (int)v[i] : -1;
                break;
        default:
                break;
        }
        if (typed(t)) {
                tui_edit_free(&q->edit); /* entered again: the last question's text goes */
                tui_edit_init(&q->edit, long_text(t),
                              long_text(t) ? RECORD_MAX_REFLECTION : RECORD_MAX_ANSWER);
                if (long_text(t))
                        tui_edit_set(&q->edit, st ? st->text : NULL);
                else if (st != NULL && st->attempts > 0 && !st->settled)
                        tui_edit_set(&q->edit, st->response);
                if (st != NULL && st->draft != NULL && !st->settled &&
                    strncmp(st->draft, "ticks:", 6) != 0)
                        tui_edit_set(&q->edit, st->draft);
                q->edit.cur = q->edit.len;
                q->editing = !settled(t);
        }
}

/* Typed text and ticks not yet submitted go into the record as a draft
 * before the learner moves (called before any move, and on leaving). */
void tui_question_keep_draft(struct tui *t)
{
        struct question_view *q = qv(t);
        const struct screen *sc;
        const struct screen_state *st;

        if (t->sess == NULL || t->overlay != NULL)
                return;
        if (t->screen == &tui_case_screen) {
                tui_case_keep_draft(t);
                return;
        }
        if (t->screen != &tui_question_screen)
                return;
        sc = cur(t);
        st = session_state(t->sess);
        if (sc == NULL || st == NULL || st->settled)
                return;
        if (typed(t)) {
                const char *given = long_text(t) ? st->text : st->response;
                const char *text = q->edit.buf != NULL ? q->edit.buf : "";

                /* What was submitted already is in the record, not a draft. */
                if (given != NULL && strcmp(given, text) == 0)
                        text = "";
                session_set_draft(t->sess, text, tui_now());
        } else if (widget(t) == WIDGET_PICK_MANY) {
                const size_t *ord;
                size_t n = shown_count(t, &ord), len = 6;
                char buf[6 + TUI_MAX_PICKS * 4] = "ticks:";
                bool any = false, same = true;
                bool picked[TUI_MAX_PICKS];

                last_picks(t, picked, n);
                for (size_t i = 0; i < n; i++) {
                        if (q->toggled[i] != picked[i])
                                same = false;
                        if (q->toggled[i]) {
                                len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%zu",
                                                        any ? "," : "", i + 1);
                                any = true;
                        }
                }
                session_set_draft(t->sess, any && !same ? buf : NULL, tui_now());
        }
}

static void question_leave(struct tui *t)
{
        struct question_view *q = qv(t);

        /* The state itself is freed after this: free what it points to. */
        tui_edit_free(&q->edit);
        q->editing = false;
}

static void add_instructions(struct tui *t, struct tui_doc *d, size_t n)
{
        char buf[200];

        kind_screen_instruction(cur(t), n, buf, sizeof buf);
        tui_doc_text(d, buf, NULL, -1, tui_attr(t, COL_NOTE), 0);
        tui_doc_blank(d);
}

/* An option as the kind writes it: Markdown or plain text. */
static void option_line(struct tui *t, struct tui_doc *d, const char *text, const char *prefix,
                        int item, attr_t attr)
{
        if (ops(t)->options_md)
                tui_doc_md(d, text, prefix, item, attr, 0);
        else
                tui_doc_text(d, text, prefix, item, attr, 0);
}

static void add_choices(struct tui *t, struct tui_doc *d, size_t n, const size_t *ord)
{
        struct question_view *q = qv(t);
        const struct screen *sc = cur(t);
        const char *mark = tui_sym(t, "\u203a ", "> ");
        bool picked[TUI_MAX_PICKS];
        char prefix[32];
        const struct kind_ops *k = ops(t);

        last_picks(t, picked, TUI_MAX_PICKS);
        for (size_t i = 0; i < n; i++) {
                const char *m = (int)i == t->cursor ? mark : "  ";
                switch (k->widget) {
                case WIDGET_PICK_ONE:
                case WIDGET_PICK_MANY:
                        if (k->widget == WIDGET_PICK_MANY)
                                snprintf(prefix, sizeof prefix, "%s%zu. [%s] ", m, i + 1,
                                         q->toggled[i] ? "x" : " ");
                        else
                                snprintf(prefix, sizeof prefix, "%s%zu. (%s) ", m, i + 1,
                                         picked[i] ? "*" : " ");
                        option_line(t, d, k->option(sc, ord ? ord[i] : i), prefix, (int)i,
                                    A_NORMAL);
                        break;
                case WIDGET_ORDER: {
                        size_t it = q->order[i];
                        snprintf(prefix, sizeof prefix, "%s%zu. %s", m, i + 1,
                                 (int)i == q->grabbed ? tui_sym(t, "\u2195 ", "* ") : "  ");
                        option_line(t, d, k->option(sc, ord ? ord[it] : it), prefix, (int)i,
                                    (int)i == q->grabbed ? A_BOLD : A_NORMAL);
                        break;
                }
                case WIDGET_MATCH: {
                        int r = q->match[i];
                        char *line;
                        if (r >= 0 && (size_t)r < n)
                                line = xasprintf("%s  %s  %d. %s", sc->pairs[i].left,
                                                 tui_sym(t, "\u2192", "->"), r + 1,
                                                 sc->pairs[ord ? ord[r] : (size_t)r].right);
                        else
                                line = xasprintf("%s  %s  ?", sc->pairs[i].left,
                                                 tui_sym(t, "\u2192", "->"));
                        snprintf(prefix, sizeof prefix, "%s%c. ", m, (char)('A' + (int)i % 26));
                        tui_doc_text(d, line, prefix, (int)i, A_NORMAL, 0);
                        free(line);
                        break;
                }
                default:
                        break;
                }
        }
        if (k->widget == WIDGET_MATCH) {
                tui_doc_blank(d);
                tui_doc_text(d, PRESENT_MATCHES_HEADING, NULL, -1, A_BOLD, 0);
                for (size_t j = 0; j < n; j++) {
                        snprintf(prefix, sizeof prefix, "  %zu. ", j + 1);
                        tui_doc_text(d, sc->pairs[ord ? ord[j] : j].right, prefix, -1, A_NORMAL, 0);
                }
        }
}

/* The key that gives the next hint here, as the status line names it:
 * h, or Tab in an answer box where letters are typed. */
static const char *hint_key(const struct tui *t)
{
        struct question_view *q = qv(t);
        return q->editing ? "Tab" : "h";
}

static void add_feedback(struct tui *t, struct tui_doc *d)
{
        const struct screen_state *st = session_state(t->sess);
        struct present_parts pp;

        present_answer(t->sess, hint_key(t), &pp);
        if (pp.n > 0 && st != NULL && (st->attempts > 0 || st->complete))
                tui_doc_blank(d);
        for (size_t i = 0; i < pp.n; i++) {
                const struct present_part *pt = &pp.v[i];
                int attr = A_NORMAL, col = 0;

                if (pt->kind == PART_VERDICT) {
                        attr = pt->good  ? tui_attr(t, COL_RIGHT)
                               : pt->bad ? tui_attr(t, COL_WRONG)
                                         : A_BOLD;
                } else if (pt->kind == PART_HINT || pt->kind == PART_NOTE) {
                        col = COL_NOTE;
                } else if (pt->kind == PART_RIGHT) {
                        attr = A_BOLD;
                }
                if ((pt->kind == PART_RIGHT || pt->kind == PART_EXPLANATION) && i > 0 &&
                    pp.v[i - 1].kind != pt->kind)
                        tui_doc_blank(d);
                if (pt->markdown)
                        tui_doc_md(d, pt->text, pt->label, FEEDBACK_ITEM, attr, col);
                else if (col != 0)
                        tui_doc_text(d, pt->text, pt->label, FEEDBACK_ITEM, tui_attr(t, col), 0);
                else
                        tui_doc_text(d, pt->text, pt->label, FEEDBACK_ITEM, attr, 0);
        }
        present_parts_free(&pp);
        if (settled(t)) {
                tui_doc_blank(d);
                tui_doc_text(d, "Press Enter to go on.", NULL, FEEDBACK_ITEM, A_BOLD, 0);
        }
}

/* The status line: the keys that work now, named from the key table
 * (tui_keys.c), with a question's own word where the table's general one
 * would not say what the key does here. "h hint" only while a hint can be
 * had (a rating, or a question before any wrong answer, has none). The
 * keys that work on every question, answered or not (t and m work before
 * an answer too), come last. In an answer box only the keys that are not
 * typed are named: Tab for the hint, F1 for the help, Ctrl-C to quit;
 * in a number box the letter keys stay commands, so they are named too. */
static void show_status(struct tui *t, const char *note)
{
        struct question_view *q = qv(t);
        bool hint = session_hint_available(t->sess);
        struct tui_hint h[20];
        size_t n = 0;

#define ADD(hint) (h[n++] = (struct tui_hint)hint)
        if (q->editing) {
                ADD(TKN(TA_NONE, NULL, "Type"));
                if (long_text(t)) {
                        ADD(TK(TA_SUBMIT));
                } else {
                        ADD(TKW(TA_ENTER, "submit"));
                        if (hint && widget(t) != WIDGET_TYPE_NUMBER)
                                ADD(TKW(TA_TAB, "hint"));
                }
                ADD(TKW(TA_ESC, "other keys"));
                if (!long_text(t))
                        ADD(TKN(TA_NONE, "clear", "Ctrl-U"));
                /* Up/Down and Home/End move in the text: only PgUp/PgDn scroll. */
                if (note[0] != '\0')
                        ADD(TK(TA_PGUP));
                if (widget(t) != WIDGET_TYPE_NUMBER) {
                        ADD(TKN(TA_HELP, NULL, "F1"));
                        ADD(TK(TA_INTERRUPT));
                        tui_status_keys(t, h, n, note);
                        return;
                }
        } else if (settled(t)) {
                ADD(TKW(TA_ENTER, "go on"));
                if (long_text(t))
                        ADD(TK(TA_EDIT));
        } else {
                switch (widget(t)) {
                case WIDGET_PICK_MANY:
                        ADD(TK(TA_UP));
                        ADD(TKN(TA_SPACE, "tick", "Space/1-9"));
                        break;
                case WIDGET_ORDER:
                        if (q->grabbed >= 0) {
                                ADD(TKW(TA_UP, "move the item"));
                                ADD(TKN(TA_SPACE, "put down", "Space/Esc"));
                        } else {
                                ADD(TKN(TA_UP, NULL, "Up/Down/1-9"));
                                ADD(TKW(TA_SPACE, "pick up"));
                        }
                        break;
                case WIDGET_MATCH:
                        ADD(TKW(TA_UP, "item"));
                        ADD(TKN(TA_DIGIT, "its match", "1-9/Space"));
                        break;
                case WIDGET_TYPE_TEXT:
                case WIDGET_TYPE_NUMBER:
                        ADD(TKN(TA_EDIT, "answer", "Enter/e"));
                        break;
                default:
                        ADD(TK(TA_UP));
                        ADD(TKN(TA_DIGIT, "pick", "1-9/Enter"));
                        break;
                }
                if (widget(t) == WIDGET_PICK_MANY || widget(t) == WIDGET_ORDER ||
                    widget(t) == WIDGET_MATCH)
                        ADD(TKW(TA_ENTER, "submit"));
        }
        if (hint && !settled(t))
                ADD(TK(TA_HINT));
        ADD(TK(TA_NEXT));
        ADD(TK(TA_BACK));
        ADD(TK(TA_TOC));
        ADD(TK(TA_MENU));
        ADD(TK(TA_HELP));
        ADD(TK(TA_QUIT));
#undef ADD
        tui_status_keys(t, h, n, note);
}

static void question_draw(struct tui *t)
{
        struct question_view *q = qv(t);
        const struct screen *sc = cur(t);
        const struct screen_state *st = session_state(t->sess);
        struct tui_doc *d = &t->doc;
        const size_t *ord;
        size_t n = shown_count(t, &ord);
        char head[64], note[48];
        int edit_rows = 1;

        tui_content_header(t);
        tui_doc_reset(d, tui_text_width(t));
        if (!present_question_heading(sc, head, sizeof head))
                head[0] = '\0';
        tui_doc_text(d, head, NULL, -1, tui_attr(t, COL_HEADING), 0);
        tui_doc_md(d, sc->prompt, NULL, -1, A_BOLD, 0);
        tui_doc_blank(d);
        if (!settled(t))
                add_instructions(t, d, n);
        add_choices(t, d, n, ord);
        if (typed(t)) {
                if (q->editing || !settled(t)) {
                        edit_rows = long_text(t) ? tui_body_rows(t) / 3 : 1;
                        if (edit_rows < 3 && long_text(t))
                                edit_rows = 3;
                        tui_doc_space(d, EDIT_ITEM, edit_rows);
                } else {
                        const char *given = long_text(t) ? st->text : st->response;
                        tui_doc_text(d, given ? given : "", "Your answer: ", EDIT_ITEM, A_NORMAL,
                                     0);
                }
        }
        add_feedback(t, d);
        if (q->answered_now) {
                tui_doc_reveal(d, FEEDBACK_ITEM, tui_body_rows(t), &t->scroll);
                q->answered_now = false;
        } else if (t->scrolled) {
                /* Every line stays reachable: a scroll is not undone by the cursor. */
        } else if (q->editing) {
                tui_doc_reveal(d, EDIT_ITEM, tui_body_rows(t), &t->scroll);
        } else if (n > 0 && t->cursor >= 0) {
                tui_doc_reveal(d, t->cursor, tui_body_rows(t), &t->scroll);
        }
        bool show_sel = n > 0 && !settled(t);
        tui_doc_paint(t, d, &t->scroll, show_sel ? t->cursor : -1);
        t->body_rows = tui_body_rows(t);
        if (typed(t) && (q->editing || !settled(t))) {
                int row = tui_doc_item_first(d, EDIT_ITEM);
                int y = tui_doc_screen_row(t, t->scroll, row);
                if (y >= 0) {
                        int h = edit_rows;
                        int bottom = tui_body_top(t) + tui_body_rows(t);
                        if (y + h > bottom)
                                h = bottom - y;
                        tui_edit_paint(t, &q->edit, y, 1, h, tui_text_width(t), q->editing);
                }
        }
        tui_scroll_note(t, d, t->scroll, note, sizeof note);
        show_status(t, note);
}

static void after_answer(struct tui *t, enum answer_result r)
{
        struct question_view *q = qv(t);
        switch (r) {
        case ANSWER_INVALID: {
                const char *why = session_problem(t->sess);
                tui_message(t, true, "%s", why ? why : "That is not an answer to this question.");
                return;
        }
        case ANSWER_ALREADY:
                tui_message(t, false, "%s Press Enter to go on.", PRESENT_ANSWER_ALREADY);
                q->editing = false;
                return;
        case ANSWER_WRONG:
                q->answered_now = true;
                return;
        default:
                q->answered_now = true;
                q->editing = false;
                q->grabbed = -1;
                return;
        }
}

static void answer_picks(struct tui *t, const size_t *picks, size_t n)
{
        after_answer(t, session_answer_picks(t->sess, picks, n, tui_now()));
}

static void submit_text(struct tui *t)
{
        struct question_view *q = qv(t);
        const char *s = q->edit.buf ? q->edit.buf : "";
        const char *p = s;

        while (*p == ' ' || *p == '\n')
                p++;
        if (*p == '\0') {
                tui_message(t, true,
                            long_text(t) ? "Write something first." : "Type an answer first.");
                return;
        }
        after_answer(t, session_answer_text(t->sess, s, tui_now()));
}

static void give_hint(struct tui *t)
{
        struct question_view *q = qv(t);

        if (session_hint(t->sess, tui_now()) != NULL) {
                q->answered_now = true;
                return;
        }
        tui_message(t, false, "%s", present_no_hint(t->sess));
}

static void move_cursor(struct tui *t, int to, size_t n)
{
        struct question_view *q = qv(t);
        t->scrolled = false;
        if (n == 0)
                return;
        if (to < 0)
                to = 0;
        if (to >= (int)n)
                to = (int)n - 1;
        if (q->grabbed >= 0 && widget(t) == WIDGET_ORDER && to != t->cursor) {
                /* The picked-up item travels with the cursor. */
                int step = to > t->cursor ? 1 : -1;
                while (t->cursor != to) {
                        size_t tmp = q->order[t->cursor];
                        q->order[t->cursor] = q->order[t->cursor + step];
                        q->order[t->cursor + step] = tmp;
                        t->cursor += step;
                }
                q->grabbed = t->cursor;
                return;
        }
        t->cursor = to;
}

static bool editing_key(struct tui *t, const struct tui_key *k)
{
        struct question_view *q = qv(t);
        if (k->act == TA_TAB && !long_text(t) && session_hint_available(t->sess)) {
                give_hint(t);
                return true;
        }
        if (k->act == TA_ESC || k->act == TA_TAB) {
                q->editing = false;
                return true;
        }
        if (k->act == TA_INTERRUPT || (k->act == TA_HELP && k->fkey))
                return false;
        /* Left and Right have nothing to move over in an empty answer, so
         * they keep their meaning: previous and next screen. */
        if (q->edit.len == 0 && k->fkey && (k->act == TA_NEXT || k->act == TA_BACK))
                return false;
        /* A number holds no letters: in a numeric answer the letter keys
         * (and ?) stay commands, so n, b, h, t, m, q and ? work as usual. */
        if (widget(t) == WIDGET_TYPE_NUMBER && !k->fkey && k->code < 128 &&
            ((k->code >= 'a' && k->code <= 'z' && k->code != 'e') ||
             (k->code >= 'A' && k->code <= 'Z' && k->code != 'E') || k->code == '?')) {
                if (k->act == TA_HINT) {
                        give_hint(t);
                        return true;
                }
                return false;
        }
        if (long_text(t) ? k->act == TA_SUBMIT : k->act == TA_ENTER) {
                submit_text(t);
                return true;
        }
        if (!long_text(t) && k->act == TA_SUBMIT) {
                submit_text(t);
                return true;
        }
        if (tui_edit_key(&q->edit, k))
                return true;
        if (k->act == TA_PGUP || k->act == TA_PGDN)
                tui_scroll_key(t, k, &t->doc);
        return true;
}

static bool question_keys(struct tui *t, const struct tui_key *k)
{
        struct question_view *q = qv(t);
        const size_t *ord;
        size_t n = shown_count(t, &ord);
        size_t picks[TUI_MAX_PICKS];

        if (k->act == TA_DIGIT || (q->editing && k->act != TA_PGUP && k->act != TA_PGDN))
                t->scrolled = false;
        if (q->editing)
                return editing_key(t, k);
        if (k->act == TA_HINT) {
                give_hint(t);
                return true;
        }
        if (typed(t)) {
                if (k->act == TA_EDIT || (k->act == TA_ENTER && !settled(t)) ||
                    (k->act == TA_TAB)) {
                        if (settled(t) && !long_text(t)) {
                                tui_message(t, false, "%s", PRESENT_ANSWER_ALREADY);
                                return true;
                        }
                        q->editing = true;
                        return true;
                }
                if (k->act == TA_ENTER)
                        return tui_global_key(t, &(struct tui_key){.act = TA_NEXT});
                return tui_scroll_key(t, k, &t->doc);
        }
        if (k->act == TA_ENTER && settled(t) && q->grabbed < 0)
                return tui_global_key(t, &(struct tui_key){.act = TA_NEXT});
        switch (k->act) {
        case TA_UP:
                /* At the first choice, Up goes on up the page: the prompt's
                 * opening lines are reachable whatever the cursor. */
                if ((t->cursor <= 0 || n == 0) && q->grabbed < 0)
                        return tui_scroll_key(t, k, &t->doc);
                move_cursor(t, t->cursor - 1, n);
                return true;
        case TA_DOWN:
                if ((n == 0 || t->cursor + 1 >= (int)n) && q->grabbed < 0)
                        return tui_scroll_key(t, k, &t->doc);
                move_cursor(t, t->cursor + 1, n);
                return true;
        case TA_HOME:
                move_cursor(t, 0, n);
                if (q->grabbed < 0)
                        tui_scroll_key(t, k, &t->doc); /* the top of the page */
                return true;
        case TA_END:
                move_cursor(t, (int)n - 1, n);
                return true;
        case TA_PGUP:
        case TA_PGDN:
                return tui_scroll_key(t, k, &t->doc);
        default:
                break;
        }
        switch (widget(t)) {
        case WIDGET_PICK_ONE:
                if (k->act == TA_DIGIT && (size_t)k->digit <= n) {
                        t->cursor = k->digit - 1;
                        picks[0] = (size_t)t->cursor;
                        answer_picks(t, picks, 1);
                        return true;
                }
                if (k->act == TA_ENTER && n > 0) {
                        picks[0] = (size_t)t->cursor;
                        answer_picks(t, picks, 1);
                        return true;
                }
                return k->act == TA_DIGIT || k->act == TA_SPACE;
        case WIDGET_PICK_MANY:
                if (k->act == TA_DIGIT && (size_t)k->digit <= n) {
                        t->cursor = k->digit - 1;
                        q->toggled[t->cursor] = !q->toggled[t->cursor];
                        return true;
                }
                if (k->act == TA_SPACE && n > 0) {
                        q->toggled[t->cursor] = !q->toggled[t->cursor];
                        return true;
                }
                if (k->act == TA_ENTER) {
                        size_t np = 0;
                        for (size_t i = 0; i < n; i++)
                                if (q->toggled[i])
                                        picks[np++] = i;
                        if (np == 0)
                                tui_message(t, true, "Tick at least one answer with Space first.");
                        else
                                answer_picks(t, picks, np);
                        return true;
                }
                return k->act == TA_DIGIT;
        case WIDGET_ORDER:
                if (k->act == TA_SPACE && n > 0) {
                        q->grabbed = q->grabbed >= 0 ? -1 : t->cursor;
                        return true;
                }
                if (k->act == TA_DIGIT && (size_t)k->digit <= n) {
                        move_cursor(t, k->digit - 1, n);
                        return true;
                }
                if (k->act == TA_ENTER) {
                        q->grabbed = -1;
                        for (size_t i = 0; i < n; i++)
                                picks[i] = q->order[i];
                        answer_picks(t, picks, n);
                        return true;
                }
                if (k->act == TA_ESC && q->grabbed >= 0) {
                        q->grabbed = -1;
                        return true;
                }
                return k->act == TA_DIGIT;
        case WIDGET_MATCH:
                if (k->act == TA_DIGIT && (size_t)k->digit <= n && n > 0) {
                        q->match[t->cursor] = k->digit - 1;
                        if (t->cursor + 1 < (int)n)
                                t->cursor++;
                        return true;
                }
                if (k->act == TA_SPACE && n > 0) {
                        q->match[t->cursor] = (q->match[t->cursor] + 1) % (int)n;
                        return true;
                }
                if (k->act == TA_ENTER) {
                        for (size_t i = 0; i < n; i++) {
                                if (q->match[i] < 0) {
                                        t->cursor = (int)i;
                                        tui_message(t, true,
                                                    "Give every item its match first (1-%zu).", n);
                                        return true;
                                }
                                picks[i] = (size_t)q->match[i];
                        }
                        answer_picks(t, picks, n);
                        return true;
                }
                return k->act == TA_DIGIT;
        default:
                return false;
        }
}

static bool question_key(struct tui *t, const struct tui_key *k)
{
        bool used = question_keys(t, k);
        /* The key may have moved on to another screen, and freed this state. */
        struct question_view *q = qv(t);

        if (q != NULL)
                tui_edit_said_full(t, &q->edit);
        return used;
}

const struct tui_screen tui_question_screen = {
    .name = "question",
    .state_size = sizeof(struct question_view),
    .enter = question_enter,
    .draw = question_draw,
    .key = question_key,
    .leave = question_leave,
};
