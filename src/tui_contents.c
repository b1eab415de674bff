/* The table of contents of the open module: sections and their screens,
 * what is done, where the learner is; Enter jumps there. */
#include <stdio.h>
#include <stdlib.h>

#include "dlfl/present.h"
#include "dlfl/xalloc.h"
#include "tui.h"

static void contents_enter(struct tui *t)
{
        size_t pos = session_position(t->sess);
        size_t n = session_count(t->sess);

        t->ov_cursor = (int)(pos < n ? pos : n);
        t->ov_scroll = 0;
}

static void contents_draw(struct tui *t)
{
        const struct module *m = session_module(t->sess);
        struct tui_doc *d = &t->doc;
        size_t here = session_position(t->sess);
        char prefix[32], note[48];
        const char *mark = tui_sym(t, "\u203a ", "> ");

        erase();
        char *head = present_contents_heading(m);
        tui_header(t, head, NULL);
        free(head);
        tui_doc_reset(d, tui_text_width(t));
        for (size_t s = 0; s < m->nsections; s++) {
                const struct section *sec = &m->sections[s];
                tui_doc_text(d, sec->title, NULL, -1, tui_attr(t, COL_HEADING), 0);
                for (size_t j = 0; j < sec->count; j++) {
                        size_t pos = sec->first + j;
                        const struct screen *sc = &m->screens[pos];
                        snprintf(prefix, sizeof prefix, "%s",
                                 (int)pos == t->ov_cursor ? mark : "  ");
                        /* A question's prompt may be long: its first line is enough. */
                        char *shown = present_first_line(present_contents_label(sc), d->width - 30);
                        char *line = present_contents_entry(
                            sc, shown, session_state_at(t->sess, pos), pos == here);
                        tui_doc_text(d, line, prefix, (int)pos, A_NORMAL, 0);
                        free(line);
                        free(shown);
                }
                tui_doc_blank(d);
        }
        snprintf(prefix, sizeof prefix, "%s", t->ov_cursor == (int)m->nscreens ? mark : "  ");
        char *sum = present_contents_summary(session_on_summary(t->sess));
        tui_doc_text(d, sum, prefix, (int)m->nscreens, A_BOLD, 0);
        free(sum);
        tui_doc_reveal(d, t->ov_cursor, tui_body_rows(t), &t->ov_scroll);
        tui_doc_paint(t, d, &t->ov_scroll, t->ov_cursor);
        tui_scroll_note(t, d, t->ov_scroll, note, sizeof note);
        tui_status_of(t, note, TK(TA_UP), TKW(TA_ENTER, "go there"),
                      TKN(TA_ESC, "close", "Esc/t/b"), TK(TA_MENU), TK(TA_HELP), TK(TA_QUIT));
}

static bool contents_key(struct tui *t, const struct tui_key *k)
{
        int n = (int)session_count(t->sess) + 1;

        /* Half a screen a page, so the place just left stays in view. */
        if (tui_list_key(&t->ov_cursor, k, n, false,
                         tui_body_rows(t) / 2 > 0 ? tui_body_rows(t) / 2 : 1))
                return true;
        switch (k->act) {
        case TA_ENTER:
        case TA_NEXT: {
                size_t to = (size_t)t->ov_cursor;
                tui_close_overlay(t);
                session_tick(t->sess, tui_now());
                session_go(t->sess, to, tui_now());
                tui_show_position(t);
                return true;
        }
        case TA_TOC:
        case TA_ESC:
        case TA_BACK:
                tui_close_overlay(t);
                return true;
        case TA_HELP:
                /* One overlay at a time: the help takes the contents' place. */
                tui_open_overlay(t, &tui_help_screen);
                return true;
        case TA_MENU:
                tui_close_overlay(t);
                return tui_global_key(t, k);
        case TA_QUIT:
                tui_close_overlay(t);
                return tui_global_key(t, k);
        default:
                return true;
        }
}

const struct tui_screen tui_contents_screen = {
    .name = "contents",
    .enter = contents_enter,
    .draw = contents_draw,
    .key = contents_key,
};
