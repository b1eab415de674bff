/* A lesson: rendered Markdown that scrolls, with its position shown;
 * Space pages down, then moves on. */
#include <stdio.h>
#include <stdlib.h>

#include "dlfl/present.h"
#include "dlfl/xalloc.h"
#include "tui.h"

void tui_content_header(struct tui *t)
{
        struct present_position at;
        char *left;

        present_position(session_module(t->sess), session_position(t->sess), &at);
        if (at.section != NULL)
                left = xasprintf("%s %s %s", at.module, tui_sym(t, "\u00b7", "-"), at.section);
        else
                left = xasprintf("%s", at.module);
        tui_header(t, left, at.where);
        free(left);
}

void tui_keep_place(struct tui *t, size_t old_rows, int old_width)
{
        if (old_width == t->doc.width || old_rows == 0 || t->scroll <= 0)
                return;
        t->scroll = (int)((double)t->scroll * (double)t->doc.nrows / (double)old_rows);
}

static void lesson_draw(struct tui *t)
{
        const struct screen *sc = session_screen(t->sess);
        struct tui_doc *d = &t->doc;
        size_t old_rows = d->nrows;
        int old_width = d->width;
        char note[48];

        tui_content_header(t);
        tui_doc_reset(d, tui_text_width(t));
        tui_doc_text(d, sc->title, NULL, -1, tui_attr(t, COL_HEADING), 0);
        tui_doc_blank(d);
        tui_doc_md(d, sc->body, NULL, -1, A_NORMAL, 0);
        tui_keep_place(t, old_rows, old_width);
        tui_doc_paint(t, d, &t->scroll, -1);
        t->body_rows = tui_body_rows(t);
        tui_scroll_note(t, d, t->scroll, note, sizeof note);
        if (note[0] != '\0' && t->scroll + t->body_rows < (int)d->nrows)
                tui_status_of(t, note, TK(TA_SPACE), TK(TA_NEXT), TK(TA_BACK), TK(TA_TOC),
                              TK(TA_MENU), TK(TA_HELP), TK(TA_QUIT));
        else
                tui_status_of(t, note, TKN(TA_NEXT, NULL, "n/Space"), TK(TA_BACK), TK(TA_TOC),
                              TK(TA_MENU), TK(TA_HELP), TK(TA_QUIT));
}

static void lesson_enter(struct tui *t)
{
        /* A new screen starts at its top; forget the previous doc's width. */
        t->doc.width = 0;
        t->doc.nrows = 0;
}

static bool lesson_key(struct tui *t, const struct tui_key *k)
{
        switch (k->act) {
        case TA_SPACE:
                if (tui_space_pages(t, &t->doc))
                        return true;
                return tui_global_key(t, &(struct tui_key){.act = TA_NEXT});
        case TA_ENTER:
                return tui_global_key(t, &(struct tui_key){.act = TA_NEXT});
        default:
                return tui_scroll_key(t, k, &t->doc);
        }
}

const struct tui_screen tui_lesson_screen = {
    .name = "lesson",
    .enter = lesson_enter,
    .draw = lesson_draw,
    .key = lesson_key,
};
