/* A case study: the scenario, then the branching steps with the feedback
 * of each choice, the ending (said in words), and the reflection. */
#include <stdio.h>
#include <stdlib.h>

#include "dlfl/present.h"
#include "dlfl/xalloc.h"
#include "tui.h"

#define EDIT_ITEM 1000
#define END_ITEM 2000

struct case_study {
        struct tui_edit edit; /* the reflection */
        bool editing;
        bool answered_now; /* a new step: read it from the top */
};

/* The status line's keys, as each part of a case study offers them. */
struct keys {
        const struct tui_hint *h;
        size_t n;
};
#define KEYS(name, ...)                                                                            \
        static const struct tui_hint name##_h[] = {__VA_ARGS__};                                   \
        static const struct keys name = {name##_h, sizeof name##_h / sizeof name##_h[0]}

/* Every part of a case study goes on with n, back with b, and has t, m,
 * ? and q; while a reflection is typed only the keys that are not typed
 * work. r walks it again once it has begun (there is a step to undo). */
KEYS(typing_keys, TKN(TA_NONE, "", "Type"), TK(TA_SUBMIT), TKW(TA_ESC, "other keys"),
     TKN(TA_HELP, NULL, "F1"), TK(TA_INTERRUPT));
KEYS(reflect_keys, TKN(TA_ENTER, "write reflection", "Enter/e"), TK(TA_NEXT), TK(TA_BACK),
     TK(TA_TOC), TK(TA_MENU), TK(TA_HELP), TK(TA_QUIT));
KEYS(reflected_keys, TKW(TA_ENTER, "go on"), TKW(TA_EDIT, "edit reflection"), TK(TA_NEXT),
     TK(TA_BACK), TK(TA_TOC), TK(TA_MENU), TK(TA_HELP), TK(TA_QUIT));
KEYS(end_keys, TKW(TA_ENTER, "go on"), TK(TA_NEXT), TK(TA_BACK), TK(TA_TOC), TK(TA_MENU),
     TK(TA_HELP), TK(TA_QUIT));
KEYS(begin_keys, TKN(TA_ENTER, "begin", "Enter/Space"), TK(TA_NEXT), TK(TA_BACK), TK(TA_TOC),
     TK(TA_MENU), TK(TA_HELP), TK(TA_QUIT));
KEYS(choose_keys, TK(TA_UP), TKN(TA_DIGIT, "pick", "1-9/Enter"), TK(TA_NEXT), TK(TA_BACK),
     TK(TA_TOC), TK(TA_MENU), TK(TA_HELP), TK(TA_QUIT));

/* The keys, with "r walk again" before n once the walk has begun. */
static void show_keys(struct tui *t, const struct keys *k, bool restart, const char *note)
{
        struct tui_hint h[16];
        size_t n = 0;

        for (size_t i = 0; i < k->n && n + 1 < sizeof h / sizeof h[0]; i++) {
                if (k->h[i].act == TA_NEXT && restart)
                        h[n++] = (struct tui_hint)TKW(TA_RESTART, PRESENT_CASE_AGAIN_KEY);
                h[n++] = k->h[i];
                /* Up/Down and Home/End move in the text: only PgUp/PgDn scroll. */
                if (i == 2 && k == &typing_keys && note[0] != '\0')
                        h[n++] = (struct tui_hint)TK(TA_PGUP);
        }
        tui_status_keys(t, h, n, note);
}

static bool at_ending(const struct step *st)
{
        return st != NULL && st->nchoices == 0;
}

static void case_enter(struct tui *t)
{
        struct case_study *cs = tui_state(t, &tui_case_screen);
        const struct screen_state *st = session_state(t->sess);

        t->cursor = 0;
        cs->answered_now = false;
        t->doc.width = 0;
        tui_edit_init(&cs->edit, true, RECORD_MAX_REFLECTION);
        tui_edit_set(&cs->edit, st ? st->text : NULL);
        if (st != NULL && st->text == NULL && st->draft != NULL)
                tui_edit_set(&cs->edit, st->draft); /* written before, not yet saved */
        cs->edit.cur = cs->edit.len;
        cs->editing = false;
}

void tui_case_keep_draft(struct tui *t)
{
        struct case_study *cs = tui_state(t, &tui_case_screen);
        const struct screen_state *st = session_state(t->sess);

        /* A reflection being written, not yet saved. */
        if (cs != NULL && st != NULL && st->text == NULL)
                session_set_draft(t->sess, cs->edit.buf != NULL ? cs->edit.buf : "", tui_now());
}

static void case_leave(struct tui *t)
{
        struct case_study *cs = tui_state(t, &tui_case_screen);

        tui_edit_free(&cs->edit);
}

/* After the walk (or at once, with no steps): the reflection, written or
 * to write, and the way on. Returns the status line's keys. */
static const struct keys *end_block(struct tui *t, struct tui_doc *d, int *edit_rows)
{
        struct case_study *cs = tui_state(t, &tui_case_screen);
        const struct screen *sc = session_screen(t->sess);
        const struct screen_state *st = session_state(t->sess);
        bool walked = sc->nsteps > 0;

        if (sc->reflection != NULL) {
                tui_doc_blank(d);
                tui_doc_md(d, sc->reflection, PRESENT_REFLECT_LABEL, END_ITEM, A_BOLD, 0);
                if (cs->editing) {
                        tui_doc_blank(d);
                        *edit_rows = tui_body_rows(t) / 3;
                        if (*edit_rows < 3)
                                *edit_rows = 3;
                        tui_doc_space(d, EDIT_ITEM, *edit_rows);
                } else if (st != NULL && st->text != NULL) {
                        tui_doc_text(d, st->text, PRESENT_REFLECTION_LABEL, END_ITEM, A_NORMAL, 0);
                } else if (st != NULL && st->draft != NULL) {
                        tui_doc_text(d, st->draft, PRESENT_DRAFT_LABEL, END_ITEM, A_NORMAL, 0);
                }
        }
        tui_doc_blank(d);
        if (session_case_needs_reflection(t->sess)) {
                tui_doc_text(d,
                             cs->editing ? "Write your reflection, then Ctrl-D (or F2) to save it."
                                         : "Press Enter to write your reflection.",
                             NULL, END_ITEM, A_BOLD, 0);
        } else {
                tui_doc_text(d, present_case_go_on(walked), NULL, END_ITEM, A_BOLD, 0);
        }
        if (cs->editing)
                return &typing_keys;
        else if (session_case_needs_reflection(t->sess))
                return &reflect_keys;
        else if (sc->reflection != NULL)
                return &reflected_keys;
        else
                return &end_keys;
}

static void case_draw(struct tui *t)
{
        struct case_study *cs = tui_state(t, &tui_case_screen);
        const struct screen *sc = session_screen(t->sess);
        const struct step *step = session_case_step(t->sess);
        struct tui_doc *d = &t->doc;
        size_t old_rows = d->nrows;
        int old_width = d->width;
        char prefix[32], note[48];
        int edit_rows = 0;
        const struct keys *keys;

        tui_content_header(t);
        tui_doc_reset(d, tui_text_width(t));
        char *title = present_case_heading(sc);
        tui_doc_text(d, title, NULL, -1, tui_attr(t, COL_HEADING), 0);
        free(title);
        tui_doc_blank(d);
        if (step == NULL) {
                tui_doc_md(d, sc->body, NULL, -1, A_NORMAL, 0);
                tui_doc_blank(d);
                if (sc->nsteps > 0) {
                        tui_doc_text(d, "Press Enter to begin.", NULL, END_ITEM, A_BOLD, 0);
                        keys = &begin_keys;
                } else {
                        keys = end_block(t, d, &edit_rows);
                }
        } else {
                const char *fb = session_case_last_feedback(t->sess);
                if (fb != NULL) {
                        tui_doc_md(d, fb, NULL, -1, tui_attr(t, COL_NOTE), 0);
                        tui_doc_blank(d);
                }
                tui_doc_md(d, step->text, NULL, -1, A_NORMAL, 0);
                tui_doc_blank(d);
                if (!at_ending(step)) {
                        const char *mark = tui_sym(t, "\u203a ", "> ");
                        tui_doc_text(d, "What do you do? (1-9, or Up/Down and Enter)", NULL, -1,
                                     A_BOLD, 0);
                        for (size_t i = 0; i < step->nchoices; i++) {
                                snprintf(prefix, sizeof prefix, "%s%zu. ",
                                         (int)i == t->cursor ? mark : "  ", i + 1);
                                tui_doc_md(d, step->choices[i].text, prefix, (int)i, A_NORMAL, 0);
                        }
                        keys = &choose_keys;
                } else {
                        tui_doc_text(d, present_ending(step->ending), NULL, END_ITEM,
                                     step->ending == ENDING_GOOD   ? tui_attr(t, COL_RIGHT)
                                     : step->ending == ENDING_POOR ? tui_attr(t, COL_WRONG)
                                                                   : A_BOLD,
                                     0);
                        keys = end_block(t, d, &edit_rows);
                }
        }
        tui_keep_place(t, old_rows, old_width);
        if (cs->answered_now) {
                /* A new step: start reading it from the top. */
                t->scroll = 0;
                cs->answered_now = false;
                t->scrolled = false;
        }
        if (t->scrolled)
                ; /* a scroll is not undone by the cursor: every line stays reachable */
        else if (cs->editing)
                tui_doc_reveal(d, EDIT_ITEM, tui_body_rows(t), &t->scroll);
        else if (step != NULL && !at_ending(step))
                tui_doc_reveal(d, t->cursor, tui_body_rows(t), &t->scroll);
        tui_doc_paint(t, d, &t->scroll, step != NULL && !at_ending(step) ? t->cursor : -1);
        t->body_rows = tui_body_rows(t);
        if (edit_rows > 0) {
                int y = tui_doc_screen_row(t, t->scroll, tui_doc_item_first(d, EDIT_ITEM));
                if (y >= 0) {
                        int bottom = tui_body_top(t) + tui_body_rows(t);
                        int h = y + edit_rows > bottom ? bottom - y : edit_rows;
                        tui_edit_paint(t, &cs->edit, y, 1, h, tui_text_width(t), cs->editing);
                }
        }
        tui_scroll_note(t, d, t->scroll, note, sizeof note);
        show_keys(t, keys, step != NULL, note);
}

static void choose(struct tui *t, size_t i)
{
        struct case_study *cs = tui_state(t, &tui_case_screen);
        const struct step *step = session_case_step(t->sess);

        if (step == NULL || i >= step->nchoices)
                return;
        session_case_choose(t->sess, i, tui_now());
        t->cursor = 0;
        cs->answered_now = true;
}

static void submit_reflection(struct tui *t)
{
        struct case_study *cs = tui_state(t, &tui_case_screen);
        const char *p = cs->edit.buf ? cs->edit.buf : "";

        while (*p == ' ' || *p == '\n')
                p++;
        if (*p == '\0') {
                tui_message(t, true, "Write something first.");
                return;
        }
        session_case_reflect(t->sess, cs->edit.buf, tui_now());
        cs->editing = false;
        tui_message(t, false, "%s", PRESENT_REFLECTION_SAVED);
}

static bool case_key(struct tui *t, const struct tui_key *k)
{
        struct case_study *cs = tui_state(t, &tui_case_screen);
        const struct screen *sc = session_screen(t->sess);
        const struct step *step = session_case_step(t->sess);

        if (cs->editing) {
                if (k->act != TA_PGUP && k->act != TA_PGDN)
                        t->scrolled = false;
                if (k->act == TA_ESC || k->act == TA_TAB) {
                        cs->editing = false;
                        return true;
                }
                if (k->act == TA_INTERRUPT || (k->act == TA_HELP && k->fkey))
                        return false;
                if (k->act == TA_SUBMIT) {
                        submit_reflection(t);
                        return true;
                }
                if (!tui_edit_key(&cs->edit, k) && (k->act == TA_PGUP || k->act == TA_PGDN))
                        tui_scroll_key(t, k, &t->doc);
                tui_edit_said_full(t, &cs->edit);
                return true;
        }
        if (k->act == TA_RESTART && step != NULL) {
                session_case_restart(t->sess, tui_now());
                session_case_begin(t->sess, tui_now());
                t->cursor = 0;
                cs->answered_now = true;
                return true;
        }
        if (step == NULL && sc->nsteps > 0) {
                if (k->act == TA_SPACE && tui_space_pages(t, &t->doc))
                        return true;
                if (k->act == TA_ENTER || k->act == TA_SPACE) {
                        session_case_begin(t->sess, tui_now());
                        cs->answered_now = true;
                        if (session_case_step(t->sess) == NULL)
                                return tui_global_key(t, &(struct tui_key){.act = TA_NEXT});
                        return true;
                }
                return tui_scroll_key(t, k, &t->doc);
        }
        if (step == NULL || at_ending(step)) {
                if (sc->reflection != NULL &&
                    (k->act == TA_EDIT ||
                     (k->act == TA_ENTER && session_case_needs_reflection(t->sess)))) {
                        cs->editing = true;
                        return true;
                }
                if (k->act == TA_ENTER)
                        return tui_global_key(t, &(struct tui_key){.act = TA_NEXT});
                return tui_scroll_key(t, k, &t->doc);
        }
        /* Past the first or the last choice, Up and Down go on scrolling the
         * scenario, so every line is reachable whatever the cursor. */
        if ((k->act == TA_UP && t->cursor <= 0) ||
            (k->act == TA_DOWN && t->cursor + 1 >= (int)step->nchoices))
                return tui_scroll_key(t, k, &t->doc);
        if (tui_list_key(&t->cursor, k, (int)step->nchoices, false, 0)) {
                t->scrolled = false;
                return true;
        }
        switch (k->act) {
        case TA_DIGIT:
                choose(t, (size_t)k->digit - 1);
                return true;
        case TA_ENTER:
                choose(t, (size_t)t->cursor);
                return true;
        case TA_PGUP:
        case TA_PGDN:
        case TA_HOME:
        case TA_END:
                return tui_scroll_key(t, k, &t->doc);
        default:
                return false;
        }
}

const struct tui_screen tui_case_screen = {
    .name = "case-study",
    .state_size = sizeof(struct case_study),
    .enter = case_enter,
    .draw = case_draw,
    .key = case_key,
    .leave = case_leave,
};
