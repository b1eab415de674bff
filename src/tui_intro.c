/* A module's intro: its summary, what the learner will be able to do, and
 * its sections with how much of each is done. */
#include <stdio.h>
#include <stdlib.h>

#include "dlfl/present.h"
#include "dlfl/xalloc.h"
#include "tui.h"

/* Worked out once, when the intro is entered (nothing on it changes the
 * record): the facts and each section's line. */
struct intro {
        struct present_intro in;
        bool at_summary;
        char **sections; /* nsections lines */
        size_t nsections;
};

static void intro_enter(struct tui *t)
{
        struct intro *v = tui_state(t, &tui_intro_screen);
        const struct module *m = session_module(t->sess);

        present_intro(m, record_find_module(t->rec, m->id), &v->in);
        v->at_summary = session_on_summary(t->sess);
        v->sections = xcalloc(m->nsections > 0 ? m->nsections : 1, sizeof *v->sections);
        v->nsections = m->nsections;
        for (size_t i = 0; i < m->nsections; i++)
                v->sections[i] = present_intro_section(m, &v->in, i);
}

static void intro_leave(struct tui *t)
{
        struct intro *v = tui_state(t, &tui_intro_screen);

        /* The module may be closed already (b back to the menu). */
        if (v == NULL || v->sections == NULL)
                return;
        for (size_t i = 0; i < v->nsections; i++)
                free(v->sections[i]);
        free(v->sections);
        v->sections = NULL;
}

static void intro_draw(struct tui *t)
{
        struct intro *v = tui_state(t, &tui_intro_screen);
        const struct module *m = session_module(t->sess);
        struct tui_doc *d = &t->doc;
        char buf[64], note[48];
        const struct present_intro *in = &v->in;

        snprintf(buf, sizeof buf, "%zu screen%s", m->nscreens, m->nscreens == 1 ? "" : "s");
        tui_header(t, m->title, buf);
        tui_doc_reset(d, tui_text_width(t));
        tui_doc_text(d, m->title, NULL, -1, tui_attr(t, COL_HEADING), 0);
        tui_doc_text(d, in->facts, NULL, -1, tui_attr(t, COL_NOTE), 0);
        tui_doc_blank(d);
        tui_doc_md(d, m->summary, NULL, -1, A_NORMAL, 0);
        if (m->noutcomes > 0) {
                tui_doc_blank(d);
                tui_doc_text(d, PRESENT_OUTCOMES_HEADING, NULL, -1, A_BOLD, 0);
                for (size_t i = 0; i < m->noutcomes; i++)
                        tui_doc_md(d, m->outcomes[i], tui_sym(t, "  \u2022 ", "  * "), -1, A_NORMAL,
                                   0);
        }
        if (m->npksb > 0) {
                tui_doc_blank(d);
                tui_doc_text(d, PRESENT_PKSB_HEADING, NULL, -1, A_BOLD, 0);
                for (size_t i = 0; i < m->npksb; i++)
                        tui_doc_text(d, m->pksb[i], tui_sym(t, "  \u2022 ", "  * "), -1, A_NORMAL,
                                     0);
        }
        if (in->reviewed[0] != '\0') {
                tui_doc_blank(d);
                tui_doc_text(d, in->reviewed, NULL, -1, tui_attr(t, COL_NOTE), 0);
        }
        tui_doc_blank(d);
        tui_doc_text(d, PRESENT_SECTIONS_HEADING, NULL, -1, A_BOLD, 0);
        for (size_t i = 0; i < m->nsections; i++) {
                const struct section *sec = &m->sections[i];
                size_t done = i < 64 ? in->done[i] : 0;
                snprintf(note, sizeof note, "  [%s] %zu. ",
                         done == sec->count ? "x" : (done > 0 ? "~" : " "), i + 1);
                tui_doc_text(d, v->sections[i], note, -1, A_NORMAL, 0);
        }
        tui_doc_blank(d);
        tui_doc_text(d, present_intro_go_on(in, v->at_summary), NULL, -1, A_BOLD, 0);
        tui_doc_paint(t, d, &t->scroll, -1);
        tui_scroll_note(t, d, t->scroll, note, sizeof note);
        if (in->started)
                tui_status_of(t, note, TKW(TA_ENTER, "continue"), TK(TA_RESTART), TK(TA_NEXT),
                              TK(TA_BACK), TK(TA_TOC), TK(TA_MENU), TK(TA_HELP), TK(TA_QUIT));
        else
                tui_status_of(t, note, TKW(TA_ENTER, "start"), TK(TA_NEXT), TK(TA_BACK), TK(TA_TOC),
                              TK(TA_MENU), TK(TA_HELP), TK(TA_QUIT));
}

static bool intro_key(struct tui *t, const struct tui_key *k)
{
        const struct intro *v = tui_state(t, &tui_intro_screen);

        /* As in line mode: nothing to start again before a start. */
        if (k->act == TA_RESTART && v->in.started) {
                tui_ask(t, CONFIRM_RESTART, PRESENT_AGAIN_CONFIRM);
                return true;
        }
        switch (k->act) {
        case TA_SPACE:
                if (tui_space_pages(t, &t->doc))
                        return true;
                tui_show_position(t);
                return true;
        case TA_ENTER:
        case TA_NEXT:
                tui_show_position(t);
                return true;
        case TA_BACK:
                tui_close_module(t);
                tui_switch(t, &tui_menu_screen);
                return true;
        default:
                return tui_scroll_key(t, k, &t->doc);
        }
}

const struct tui_screen tui_intro_screen = {
    .name = "intro",
    .state_size = sizeof(struct intro),
    .enter = intro_enter,
    .draw = intro_draw,
    .key = intro_key,
    .leave = intro_leave,
};
