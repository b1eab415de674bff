/* dlfl-certificate: the certificate as a printable A4 PDF, one page per
 * module passed, drawn with cairo and laid out with pango. A program of
 * its own so the player never loads them: dlfl export runs it, writes the
 * pages' text to its standard input and takes the PDF from its standard
 * output.
 *
 * Input: lines of "KEY<TAB>TEXT" (UTF-8, no control characters; dlfl
 * sanitises them): "page" starts a page, then "name", "module", "date",
 * "score" and "note". Fonts come through fontconfig, which falls back
 * letter by letter to any installed font that has the letter; should no
 * installed font have one, this says which text and fails rather than
 * print a certificate with a letter missing. Exit 0, or 1 with a message
 * on standard error. */
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define A4_W 595.2756 /* points: 210 mm */
#define A4_H 841.8898 /* 297 mm */
#define MARGIN 56.0
#define MAX_PAGES 1000

/* Under LeakSanitizer (make SANITIZE=1): fontconfig, pango and their
 * libraries keep caches for the life of the process by design; only leaks
 * of ours should count. The hook is LeakSanitizer's documented one and is
 * never called otherwise. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
        return "leak:libfontconfig.so\nleak:libpango\nleak:libglib\nleak:libgobject\n"
               "leak:libharfbuzz\nleak:libcairo.so\nleak:libfreetype\n";
}

struct page {
        char *name, *module, *date, *score, *note;
};

static cairo_status_t to_stdout(void *closure, const unsigned char *data, unsigned int len)
{
        (void)closure;
        return fwrite(data, 1, len, stdout) == len ? CAIRO_STATUS_SUCCESS
                                                   : CAIRO_STATUS_WRITE_ERROR;
}

static char *dup_or_die(const char *s)
{
        char *d = strdup(s);

        if (d == NULL) {
                fputs("dlfl-certificate: out of memory\n", stderr);
                exit(1);
        }
        return d;
}

static size_t read_pages(struct page *pages)
{
        char *line = NULL;
        size_t cap = 0, n = 0;
        ssize_t len;

        while ((len = getline(&line, &cap, stdin)) > 0) {
                char *tab, **slot = NULL;
                struct page *p = n > 0 ? &pages[n - 1] : NULL;

                if (line[len - 1] == '\n')
                        line[--len] = '\0';
                if (strcmp(line, "page") == 0) {
                        if (n == MAX_PAGES)
                                break;
                        memset(&pages[n++], 0, sizeof(*pages));
                        continue;
                }
                tab = strchr(line, '\t');
                if (tab == NULL || p == NULL)
                        continue;
                *tab = '\0';
                if (strcmp(line, "name") == 0)
                        slot = &p->name;
                else if (strcmp(line, "module") == 0)
                        slot = &p->module;
                else if (strcmp(line, "date") == 0)
                        slot = &p->date;
                else if (strcmp(line, "score") == 0)
                        slot = &p->score;
                else if (strcmp(line, "note") == 0)
                        slot = &p->note;
                if (slot != NULL) {
                        free(*slot);
                        *slot = dup_or_die(tab + 1);
                }
        }
        free(line);
        return n;
}

/* Sets text centred across the page at y in font; returns the height
 * used. Fails the whole run when a letter has no glyph in any font. */
static double centred(cairo_t *cr, const char *text, const char *font, double y, double width)
{
        PangoLayout *layout = pango_cairo_create_layout(cr);
        PangoFontDescription *desc = pango_font_description_from_string(font);
        int w, h;

        pango_layout_set_font_description(layout, desc);
        pango_layout_set_width(layout, (int)(width * PANGO_SCALE));
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
        pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER);
        pango_layout_set_text(layout, text != NULL ? text : "", -1);
        if (pango_layout_get_unknown_glyphs_count(layout) > 0) {
                fprintf(stderr,
                        "dlfl-certificate: no installed font has every letter of '%s'; install "
                        "one that does (for example fonts-noto-core or fonts-noto-cjk)\n",
                        text);
                exit(1);
        }
        pango_layout_get_size(layout, &w, &h);
        cairo_move_to(cr, (A4_W - width) / 2, y);
        pango_cairo_show_layout(cr, layout);
        pango_font_description_free(desc);
        g_object_unref(layout);
        return (double)h / PANGO_SCALE;
}

static void draw_page(cairo_t *cr, const struct page *p)
{
        double width = A4_W - 2 * MARGIN - 40;
        double y = 150;

        /* A double rule around the page. */
        cairo_set_source_rgb(cr, 0.16, 0.27, 0.45);
        cairo_set_line_width(cr, 3);
        cairo_rectangle(cr, MARGIN, MARGIN, A4_W - 2 * MARGIN, A4_H - 2 * MARGIN);
        cairo_stroke(cr);
        cairo_set_line_width(cr, 1);
        cairo_rectangle(cr, MARGIN + 8, MARGIN + 8, A4_W - 2 * MARGIN - 16, A4_H - 2 * MARGIN - 16);
        cairo_stroke(cr);

        y += centred(cr, "Certificate of completion", "DejaVu Serif Bold 22", y, width) + 50;
        cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
        y += centred(cr, "This records that", "DejaVu Serif 14", y, width) + 24;
        cairo_set_source_rgb(cr, 0, 0, 0);
        y += centred(cr, p->name, "DejaVu Serif Bold 28", y, width) + 24;
        cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
        y += centred(cr, "completed the self-paced module", "DejaVu Serif 14", y, width) + 20;
        cairo_set_source_rgb(cr, 0, 0, 0);
        y += centred(cr, p->module, "DejaVu Serif Bold 20", y, width) + 24;
        cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
        if (p->date != NULL)
                y += centred(cr, p->date, "DejaVu Serif 14", y, width) + 8;
        if (p->score != NULL)
                y += centred(cr, p->score, "DejaVu Serif 14", y, width) + 8;
        y += 40;
        cairo_set_source_rgb(cr, 0.16, 0.27, 0.45);
        centred(cr, "Digital Leadership for Libraries (dlfl)", "DejaVu Sans 12", y, width);
        cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
        if (p->note != NULL)
                centred(cr, p->note, "DejaVu Sans 9", A4_H - MARGIN - 80, width);
        cairo_show_page(cr);
}

int main(void)
{
        static struct page pages[MAX_PAGES];
        size_t n = read_pages(pages);
        cairo_surface_t *surface;
        cairo_t *cr;
        cairo_status_t st;

        if (n == 0) {
                fputs("dlfl-certificate: no page to print\n", stderr);
                return 1;
        }
        surface = cairo_pdf_surface_create_for_stream(to_stdout, NULL, A4_W, A4_H);
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE,
                                       "Certificate of completion");
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "dlfl");
        cr = cairo_create(surface);
        for (size_t i = 0; i < n; i++)
                draw_page(cr, &pages[i]);
        cairo_destroy(cr);
        cairo_surface_finish(surface);
        st = cairo_surface_status(surface);
        cairo_surface_destroy(surface);
        for (size_t i = 0; i < n; i++) {
                free(pages[i].name);
                free(pages[i].module);
                free(pages[i].date);
                free(pages[i].score);
                free(pages[i].note);
        }
        if (st != CAIRO_STATUS_SUCCESS || fflush(stdout) != 0) {
                fprintf(stderr, "dlfl-certificate: cannot write the PDF: %s\n",
                        cairo_status_to_string(st));
                return 1;
        }
        return 0;
}
