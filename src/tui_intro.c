/* A module's intro: its summary, what the learner will be able to do, and
 * its sections with how much of each is done. */
#include <stdio.h>
#include <stdlib.h>

#include "dlfl/present.h"
#include "dlfl/xalloc.h"
#include "tui.h"

static void intro_draw(struct tui *t)
{
        const struct module *m = session_module(t->sess);
        struct tui_doc *d = &t->doc;
        char buf[64], note[48];
        struct present_intro in;
        bool started;

        present_intro(m, record_find_module(t->rec, m->id), &in);
        started = in.started;
        snprintf(buf, sizeof buf, "%zu screens", m->nscreens);
        tui_header(t, m->title, buf);
        tui_doc_reset(d, tui_text_width(t));
        tui_doc_text(d, m->title, NULL, -1, tui_attr(t, COL_HEADING), 0);
        tui_doc_text(d, in.facts, NULL, -1, tui_attr(t, COL_NOTE), 0);
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
        if (in.reviewed[0] != '\0') {
                tui_doc_blank(d);
                tui_doc_text(d, in.reviewed, NULL, -1, tui_attr(t, COL_NOTE), 0);
        }
        tui_doc_blank(d);
        tui_doc_text(d, "Sections:", NULL, -1, A_BOLD, 0);
        for (size_t i = 0; i < m->nsections; i++) {
                const struct section *sec = &m->sections[i];
                size_t done = i < 64 ? in.done[i] : 0;
                snprintf(note, sizeof note, "  [%s] %zu. ",
                         done == sec->count ? "x" : (done > 0 ? "~" : " "), i + 1);
                char *line = xasprintf("%s (%zu of %zu done)", sec->title, done, sec->count);
                tui_doc_text(d, line, note, -1, A_NORMAL, 0);
                free(line);
        }
        tui_doc_blank(d);
        if (session_on_summary(t->sess))
                tui_doc_text(d, "Press Enter for your summary, or r to start again.", NULL, -1,
                             A_BOLD, 0);
        else
                tui_doc_text(d, present_intro_go_on(&in), NULL, -1, A_BOLD, 0);
        tui_doc_paint(t, d, &t->scroll, -1);
        tui_scroll_note(t, d, t->scroll, note, sizeof note);
        if (started)
                tui_status_of(t, note, TKW(TA_ENTER, "continue"), TK(TA_RESTART), TK(TA_NEXT),
                              TK(TA_BACK), TK(TA_TOC), TK(TA_MENU), TK(TA_HELP), TK(TA_QUIT));
        else
                tui_status_of(t, note, TKW(TA_ENTER, "start"), TK(TA_NEXT), TK(TA_BACK), TK(TA_TOC),
                              TK(TA_MENU), TK(TA_HELP), TK(TA_QUIT));
}

static bool intro_key(struct tui *t, const struct tui_key *k)
{
        if (k->act == TA_RESTART) {
                tui_ask(t, CONFIRM_RESTART,
                        "Start this module again? Your earlier attempt stays in your record.");
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
    .draw = intro_draw,
    .key = intro_key,
};
