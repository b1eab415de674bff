/* The module summary: score, pass or not, time spent, the questions to
 * revisit, and the way on to the next module. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dlfl/present.h"
#include "dlfl/xalloc.h"
#include "tui.h"

/* Items: the questions to revisit (0..nrevisit-1), then the way on. */

/* What the summary says, worked out when it is entered or what it shows
 * changes (another session or attempt, a new width for the labels), not
 * on every key and draw. */
struct summary_view {
        const struct session *sess; /* what these were worked out from */
        size_t nattempts;
        int width;
        bool ready;
        struct summary s;
        struct present_summary ps;
        char offer[200];
        char **revisit; /* one line for each screen to revisit */
        size_t nrevisit;
        char *next; /* "Next module: Title", or the last module's words */
};

static int next_module(const struct tui *t)
{
        return t->mod + 1 < t->app->catalog.count ? (int)t->mod + 1 : -1;
}

static void view_forget(struct summary_view *v)
{
        for (size_t i = 0; i < v->nrevisit; i++)
                free(v->revisit[i]);
        free(v->revisit);
        free(v->next);
        v->revisit = NULL;
        v->nrevisit = 0;
        v->next = NULL;
        v->ready = false;
}

static size_t attempts_of(const struct tui *t)
{
        const struct module *m = session_module(t->sess);
        const struct module_record *mr = t->rec ? record_find_module(t->rec, m->id) : NULL;

        return mr != NULL ? mr->nattempts : 0;
}

static struct summary_view *view(struct tui *t)
{
        struct summary_view *v = tui_state(t, &tui_summary_screen);
        const struct module *m = session_module(t->sess);
        int width = tui_text_width(t) - 30, nm = next_module(t);

        if (v->ready && v->sess == t->sess && v->nattempts == attempts_of(t) && v->width == width)
                return v;
        view_forget(v);
        v->sess = t->sess;
        v->nattempts = attempts_of(t);
        v->width = width;
        session_summary(t->sess, &v->s);
        present_summary(&v->s, &v->ps);
        present_again_offer(&v->s, "Press", v->offer, sizeof v->offer);
        v->revisit = xcalloc(v->s.nrevisit > 0 ? v->s.nrevisit : 1, sizeof *v->revisit);
        for (size_t i = 0; i < v->s.nrevisit && i < 64; i++) {
                size_t pos = v->s.revisit[i];
                char why[64];

                if (pos >= m->nscreens)
                        break;
                present_revisit_note(&m->screens[pos], session_state_at(t->sess, pos), pos, why,
                                     sizeof why);
                /* A prompt's first line names it; the list stays a list. */
                char *name = present_first_line(present_revisit_label(&m->screens[pos]), width);
                v->revisit[v->nrevisit++] = xasprintf("%s (%s)", name, why);
                free(name);
        }
        v->next = present_summary_next(nm >= 0 ? t->app->catalog.modules[nm] : NULL);
        v->ready = true;
        return v;
}

static void summary_enter(struct tui *t)
{
        t->cursor = 0;
        view(t);
}

static void summary_leave(struct tui *t)
{
        struct summary_view *v = tui_state(t, &tui_summary_screen);

        if (v != NULL)
                view_forget(v);
}

static void summary_draw(struct tui *t)
{
        const struct module *m = session_module(t->sess);
        const struct summary_view *v = view(t);
        struct tui_doc *d = &t->doc;
        char prefix[32], note[48];
        const char *mark = tui_sym(t, "\u203a ", "> ");
        int nitems = 0;

        tui_content_header(t);
        tui_doc_reset(d, tui_text_width(t));
        char *head = present_summary_heading(m);
        tui_doc_text(d, head, NULL, -1, tui_attr(t, COL_HEADING), 0);
        free(head);
        tui_doc_blank(d);
        tui_doc_text(d, v->ps.score, NULL, -1, A_NORMAL, 0);
        tui_doc_text(d, v->ps.result, NULL, -1, tui_attr(t, v->s.passed ? COL_RIGHT : COL_WRONG),
                     0);
        tui_doc_text(d, v->ps.time, NULL, -1, A_NORMAL, 0);
        tui_doc_text(d, v->offer, NULL, -1, A_BOLD, 0);
        tui_doc_blank(d);
        if (v->nrevisit > 0) {
                tui_doc_text(d, PRESENT_REVISIT_HEADING, NULL, -1, A_BOLD, 0);
                for (size_t i = 0; i < v->nrevisit; i++) {
                        snprintf(prefix, sizeof prefix, "%s%zu. ",
                                 t->cursor == nitems ? mark : "  ", i + 1);
                        tui_doc_text(d, v->revisit[i], prefix, nitems, A_NORMAL, 0);
                        nitems++;
                }
        } else {
                tui_doc_text(d, PRESENT_REVISIT_NONE, NULL, -1, A_NORMAL, 0);
        }
        tui_doc_blank(d);
        /* The way on is the last item: Enter there goes to the next module,
         * or after the last one to the menu. */
        snprintf(prefix, sizeof prefix, "%s", t->cursor == nitems ? mark : "  ");
        tui_doc_text(d, v->next, prefix, nitems, A_BOLD, 0);
        nitems++;
        if (t->cursor >= nitems)
                t->cursor = nitems - 1;
        tui_doc_reveal(d, t->cursor, tui_body_rows(t), &t->scroll);
        tui_doc_paint(t, d, &t->scroll, t->cursor);
        tui_scroll_note(t, d, t->scroll, note, sizeof note);
        /* Up/Down only with more than one line to choose; n goes on to
         * the next module, or to the menu after the last one. */
        {
                struct tui_hint h[12];
                size_t n = 0;

                if (nitems > 1)
                        h[n++] = (struct tui_hint)TK(TA_UP);
                h[n++] = (struct tui_hint)TK(TA_ENTER);
                if (present_again_questions(&v->s))
                        h[n++] = (struct tui_hint)TK(TA_AGAIN);
                h[n++] = (struct tui_hint)TK(TA_RESTART);
                h[n++] =
                    (struct tui_hint)TKW(TA_NEXT, next_module(t) >= 0 ? "next module" : "menu");
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
        const struct summary_view *v = view(t);
        const struct summary *s = &v->s;
        int nrev = (int)v->nrevisit, nm = next_module(t);
        int nitems = nrev + 1;
        if (k->act == TA_RESTART) {
                tui_ask(t, CONFIRM_RESTART, PRESENT_AGAIN_CONFIRM);
                return true;
        }
        if (k->act == TA_AGAIN && present_again_questions(s)) {
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
                        session_revisit(t->sess, s->revisit[t->cursor], tui_now());
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
    .leave = summary_leave,
    .state_size = sizeof(struct summary_view),
};
