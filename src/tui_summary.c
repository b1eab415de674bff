/* The module summary: score, pass or not, time spent, the questions to
 * revisit, and the way on to the next module. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dlfl/present.h"
#include "dlfl/xalloc.h"
#include "tui.h"

/* Items: the questions to revisit (0..nrevisit-1), then the next module. */
#define NEXT_ITEM 100

static void summary_enter(struct tui *t)
{
        t->cursor = 0;
}

static int next_module(const struct tui *t)
{
        return t->mod + 1 < t->app->catalog.count ? (int)t->mod + 1 : -1;
}

static void summary_draw(struct tui *t)
{
        const struct module *m = session_module(t->sess);
        struct summary s;
        struct tui_doc *d = &t->doc;
        char prefix[32], note[48], offer[160], why[64];
        const char *mark = tui_sym(t, "\u203a ", "> ");
        int nitems = 0;

        session_summary(t->sess, &s);
        tui_content_header(t);
        tui_doc_reset(d, tui_text_width(t));
        char *head = present_summary_heading(m);
        tui_doc_text(d, head, NULL, -1, tui_attr(t, COL_HEADING), 0);
        free(head);
        tui_doc_blank(d);
        struct present_summary ps;
        present_summary(&s, &ps);
        tui_doc_text(d, ps.score, NULL, -1, A_NORMAL, 0);
        tui_doc_text(d, ps.result, NULL, -1, tui_attr(t, s.passed ? COL_RIGHT : COL_WRONG), 0);
        tui_doc_text(d, ps.time, NULL, -1, A_NORMAL, 0);
        present_again_offer(&s, "Press", offer, sizeof offer);
        tui_doc_text(d, offer, NULL, -1, A_BOLD, 0);
        tui_doc_blank(d);
        if (s.nrevisit > 0) {
                tui_doc_text(d, "To revisit (Enter goes there):", NULL, -1, A_BOLD, 0);
                for (size_t i = 0; i < s.nrevisit && i < 64; i++) {
                        size_t pos = s.revisit[i];
                        if (pos >= m->nscreens)
                                continue;
                        snprintf(prefix, sizeof prefix, "%s%zu. ",
                                 t->cursor == nitems ? mark : "  ", i + 1);
                        present_revisit_note(&m->screens[pos], session_state_at(t->sess, pos), pos,
                                             why, sizeof why);
                        const char *name = present_revisit_label(&m->screens[pos]);
                        /* A prompt's first line names it; the list stays a list. */
                        char *label = xasprintf("%.*s (%s)", (int)strcspn(name, "\n"), name, why);
                        tui_doc_text(d, label, prefix, nitems, A_NORMAL, 0);
                        free(label);
                        nitems++;
                }
                tui_doc_blank(d);
        }
        int nm = next_module(t);
        if (nm >= 0) {
                char *line = xasprintf("Next module: %s", t->app->catalog.modules[nm]->title);
                snprintf(prefix, sizeof prefix, "%s", t->cursor == nitems ? mark : "  ");
                tui_doc_text(d, line, prefix, nitems, A_BOLD, 0);
                free(line);
                nitems++;
        } else {
                tui_doc_text(d, "This is the last module: m returns to the menu.", NULL, -1, A_BOLD,
                             0);
        }
        if (t->cursor >= nitems)
                t->cursor = nitems > 0 ? nitems - 1 : 0;
        if (nitems > 0)
                tui_doc_reveal(d, t->cursor, tui_body_rows(t), &t->scroll);
        tui_doc_paint(t, d, &t->scroll, nitems > 0 ? t->cursor : -1);
        tui_scroll_note(t, d, t->scroll, note, sizeof note);
        /* Up/Down only with more than one line to choose; n goes on to
         * the next module, or to the menu after the last one. */
        {
                struct tui_hint h[12];
                size_t n = 0;

                if (nitems > 1)
                        h[n++] = (struct tui_hint)TK(TA_UP);
                h[n++] = (struct tui_hint)TK(TA_ENTER);
                if (present_again_questions(&s))
                        h[n++] = (struct tui_hint)TK(TA_AGAIN);
                h[n++] = (struct tui_hint)TK(TA_RESTART);
                h[n++] = (struct tui_hint)TKW(TA_NEXT, nm >= 0 ? "next module" : "menu");
                h[n++] = (struct tui_hint)TK(TA_BACK);
                h[n++] = (struct tui_hint)TK(TA_TOC);
                h[n++] = (struct tui_hint)TK(TA_MENU);
                h[n++] = (struct tui_hint)TK(TA_HELP);
                h[n++] = (struct tui_hint)TK(TA_QUIT);
                tui_status_keys(t, h, n, note);
        }
}

static bool summary_key(struct tui *t, const struct tui_key *k)
{
        struct summary s;
        int nrev, nm = next_module(t);

        session_summary(t->sess, &s);
        nrev = (int)(s.nrevisit < 64 ? s.nrevisit : 64);
        int nitems = nrev + (nm >= 0 ? 1 : 0);
        if (k->act == TA_RESTART) {
                tui_ask(t, CONFIRM_RESTART, PRESENT_AGAIN_CONFIRM);
                return true;
        }
        if (k->act == TA_AGAIN && present_again_questions(&s)) {
                session_restart_questions(t->sess, tui_now());
                tui_show_position(t);
                tui_message(t, false, "%s", present_again_started(true));
                return true;
        }
        if (tui_list_key(&t->cursor, k, nitems, false, 0))
                return true;
        switch (k->act) {
        case TA_NEXT:
        case TA_ENTER:
                if (k->act == TA_NEXT && t->cursor < nrev) {
                        /* n on the summary means the next module, like Enter on it. */
                        t->cursor = nrev;
                }
                if (t->cursor < nrev) {
                        session_revisit(t->sess, s.revisit[t->cursor], tui_now());
                        tui_show_position(t);
                } else if (nm >= 0) {
                        if (tui_open_module(t, (size_t)nm))
                                tui_switch(t, &tui_intro_screen);
                } else {
                        tui_close_module(t);
                        tui_switch(t, &tui_menu_screen);
                }
                return true;
        default:
                return tui_scroll_key(t, k, &t->doc);
        }
}

const struct tui_screen tui_summary_screen = {
    .name = "summary",
    .enter = summary_enter,
    .draw = summary_draw,
    .key = summary_key,
};
