/* The schema pass: from the YAML tree to the course model, reporting every
 * problem an author can fix, with its line and column. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <sodium.h>

#include "dlfl/kinds.h"
#include "dlfl/loader.h"
#include "dlfl/text.h"
#include "dlfl/xalloc.h"
#include "loader_internal.h"

/* The question screen's room at 80x24, as the player lays it out
 * (src/tui_question.c): text 78 columns wide inside the margins; 20 rows
 * between the title bar and a message line above a status area of two
 * rows (a question's keys take two at 80 columns). */
#define FIT_WIDTH 78
#define FIT_ROWS 20
/* Columns of the player's prefixes: "› 1. ( ) " before a choice to pick,
 * "› 1. ↕ " before an item to order, "› A. " and "  1. " in a match. */
#define FIT_PICK_PREFIX 9
#define FIT_ORDER_PREFIX 7
#define FIT_MATCH_PREFIX 5

static const char *const module_keys[] = {"format",   "id",        "title",    "summary", "order",
                                          "minutes",  "pass_mark", "outcomes", "tags",    "pksb",
                                          "reviewed", "sections",  NULL};
static const char *const section_keys[] = {"id", "title", "screens", NULL};
static const char *const lesson_keys[] = {"type", "id", "title", "body", NULL};
static const char *const case_keys[] = {"type",  "id",    "title",      "body",
                                        "steps", "start", "reflection", NULL};
/* Keys every question kind has; each kind's own are in its row (kinds.c). */
static const char *const common_q_keys[] = {"type",   "id",          "kind",     "prompt",
                                            "hint",   "explanation", "feedback", "attempts",
                                            "points", "penalty",     NULL};
/* The keys of questions and case studies that are not lesson keys: found
 * on the wrong type of screen they get "does not belong" rather than
 * "unknown". */
static const char *const screen_fixed_keys[] = {
    "title", "body",        "steps",    "start",    "reflection", "kind",    "prompt",
    "hint",  "explanation", "feedback", "attempts", "points",     "penalty", NULL};

static const char *const feedback_keys[] = {"correct", "incorrect", NULL};

static const char *const *screen_all_keys(void)
{
        static const char *keys[64];

        if (keys[0] == NULL) {
                size_t n = 0;

                for (const char *const *k = screen_fixed_keys; *k != NULL; k++)
                        keys[n++] = *k;
                for (const char *const *k = kinds_all_keys(); *k != NULL && n + 1 < 64; k++)
                        keys[n++] = *k;
        }
        return keys;
}

static void read_feedback(struct lctx *c, const struct ynode *map, struct screen *s)
{
        const struct ynode *f = ytree_get(map, "feedback");

        if (f == NULL || ytree_is_null(f))
                return;
        if (!lx_expect_map(c, f, "'feedback'"))
                return;
        lx_check_keys(c, f, "'feedback'", feedback_keys, NULL, E_UNKNOWN_KEY, NULL);
        s->feedback_correct = lx_text(c, f, "correct", false, NULL);
        s->feedback_incorrect = lx_text(c, f, "incorrect", false, NULL);
}

static void read_numbers(struct lctx *c, const struct ynode *map, struct screen *s)
{
        long attempts;
        bool here;

        s->attempts = kind_ops(s->kind)->attempts;
        if (lx_int(c, map, "attempts", &attempts, &here) && here) {
                if (attempts < 0 || attempts > 99)
                        lx_report(c, ytree_get(map, "attempts"), E_RANGE, "attempts",
                                  "a whole number from 0 (unlimited) to 99");
                else
                        s->attempts = (int)attempts;
        }
        s->points = 1;
        if (lx_number(c, map, "points", &s->points, &here) && here &&
            (s->points < 0 || s->points > 1e6)) {
                lx_report(c, ytree_get(map, "points"), E_RANGE, "points",
                          "a number from 0 to 1000000");
                s->points = 1;
        }
        s->penalty = MODEL_DEFAULT_PENALTY;
        if (lx_number(c, map, "penalty", &s->penalty, &here) && here &&
            (s->penalty < 0 || s->penalty > 1)) {
                lx_report(c, ytree_get(map, "penalty"), E_RANGE, "penalty",
                          "a fraction from 0 to 1");
                s->penalty = MODEL_DEFAULT_PENALTY;
        }
}

static int text_rows(const char *text, int width, bool md)
{
        struct text_lines tl = {0};
        int rows;

        if (md)
                text_render_markdown(text != NULL ? text : "", width, &tl);
        else
                text_wrap(text != NULL ? text : "", width, 0, 0, &tl);
        rows = (int)tl.count;
        text_lines_free(&tl);
        return rows;
}

/* Rows a question needs before it is answered, as the player lays it
 * out at 80x24: its heading, the prompt, a blank, the instruction, a
 * blank, then the options (or the items to match, a blank, "Matches:"
 * and the choices) or the answer box (a third of the body for several
 * lines). */
static int question_rows(const struct screen *s)
{
        const struct kind_ops *k = kind_ops(s->kind);
        size_t n = k->options != NULL ? k->options(s) : 0;
        char instruction[200];
        int rows = 1 + text_rows(s->prompt, FIT_WIDTH, true) + 1;

        kind_screen_instruction(s, k->widget == WIDGET_MATCH ? s->npairs : n, instruction,
                                sizeof instruction);
        rows += text_rows(instruction, FIT_WIDTH, false) + 1;
        switch (k->widget) {
        case WIDGET_PICK_ONE:
        case WIDGET_PICK_MANY:
        case WIDGET_ORDER: {
                int w =
                    FIT_WIDTH - (k->widget == WIDGET_ORDER ? FIT_ORDER_PREFIX : FIT_PICK_PREFIX);
                for (size_t i = 0; i < n; i++)
                        rows += text_rows(k->option(s, i), w, k->options_md);
                break;
        }
        case WIDGET_MATCH:
                for (size_t i = 0; i < s->npairs; i++) {
                        char *line = xasprintf("%s  ->  ?", s->pairs[i].left);
                        rows += text_rows(line, FIT_WIDTH - FIT_MATCH_PREFIX, false);
                        free(line);
                }
                rows += 2;
                for (size_t i = 0; i < s->npairs; i++)
                        rows += text_rows(s->pairs[i].right, FIT_WIDTH - FIT_MATCH_PREFIX, false);
                break;
        case WIDGET_TYPE_TEXT:
        case WIDGET_TYPE_NUMBER:
                rows += k->long_text ? (FIT_ROWS / 3 > 3 ? FIT_ROWS / 3 : 3) : 1;
                break;
        default:
                break;
        }
        return rows;
}

static void read_question(struct lctx *c, const struct ynode *map, struct screen *s)
{
        const struct ynode *kn = ytree_get(map, "kind");
        const struct kind_ops *k;
        int kind;

        if (kn == NULL) {
                lx_report(c, map, E_MISSING_KEY, "kind", "a question");
                return;
        }
        kind = kn->kind == YNODE_SCALAR ? kind_find(kn->text) : -1;
        if (kind < 0) {
                lx_report(c, kn, E_BAD_KIND, kn->kind == YNODE_SCALAR ? kn->text : "?",
                          kinds_names());
                return;
        }
        s->kind = (enum question_kind)kind;
        k = kind_ops(s->kind);
        /* "an order question", not "a order question". */
        char *kind_words = xasprintf(
            "%s %s", kn->text[0] != '\0' && strchr("aeiou", kn->text[0]) ? "an" : "a", kn->text);
        const char *allowed[64];
        size_t n = 0;
        for (const char *const *key = common_q_keys; *key != NULL; key++)
                allowed[n++] = *key;
        for (const char *const *key = k->keys; *key != NULL && n + 1 < 64; key++)
                allowed[n++] = *key;
        allowed[n] = NULL;
        lx_check_keys(c, map, "a question", allowed, kinds_all_keys(), E_FIELD_NOT_FOR_KIND,
                      kind_words);
        free(kind_words);
        s->prompt = lx_text(c, map, "prompt", true, "a question");
        s->hints = lx_text_list(c, map, "hint", &s->nhints, true);
        s->explanation = lx_text(c, map, "explanation", false, NULL);
        read_feedback(c, map, s);
        read_numbers(c, map, s);
        s->shuffle = true;
        if (k->load != NULL)
                k->load(c, map, s);
}

static bool quality_checks = true;

void loader_set_quality_checks(bool on)
{
        quality_checks = on;
}

/* Warnings about a screen that loads but will not serve learners well. */
static void check_screen_quality(struct lctx *c, const struct ynode *map, const struct screen *s)
{
        /* 2000 words need at least 3999 bytes: shorter bodies need no count. */
        if (s->type == SCREEN_LESSON && s->body != NULL && strlen(s->body) >= 3999) {
                size_t words = 0;
                bool in_word = false;
                for (const char *p = s->body; *p; p++) {
                        bool space = *p == ' ' || *p == '\n' || *p == '\t';
                        words += !space && !in_word;
                        in_word = !space;
                }
                if (words > 2000)
                        lx_report(c, ytree_get(map, "body"), W_LONG_LESSON, words);
        }
        if (s->type != SCREEN_QUESTION || s->prompt == NULL)
                return;
        if (model_kind_is_checked(s->kind) && s->explanation == NULL)
                lx_report(c, map, W_NO_EXPLANATION, s->id ? s->id : "?");
        int rows = question_rows(s);
        if (rows > FIT_ROWS)
                lx_report(c, map, W_NO_FIT, s->id ? s->id : "?", rows, FIT_ROWS);
}

static void read_screen(struct lctx *c, const struct ynode *map, struct screen *s)
{
        const struct ynode *tn = ytree_get(map, "type");
        size_t errors = c->diags->errors;

        s->line = map->line;
        s->id = lx_id(c, map, "id", "a screen");
        if (tn == NULL) {
                lx_report(c, map, E_MISSING_KEY, "type", "a screen");
                return;
        }
        if (tn->kind == YNODE_SCALAR && strcmp(tn->text, "lesson") == 0) {
                s->type = SCREEN_LESSON;
                lx_check_keys(c, map, "a lesson", lesson_keys, screen_all_keys(),
                              E_FIELD_NOT_FOR_TYPE, "lesson");
                s->title = lx_text(c, map, "title", true, "a lesson");
                s->body = lx_text(c, map, "body", true, "a lesson");
        } else if (tn->kind == YNODE_SCALAR && strcmp(tn->text, "question") == 0) {
                s->type = SCREEN_QUESTION;
                read_question(c, map, s);
        } else if (tn->kind == YNODE_SCALAR && strcmp(tn->text, "case-study") == 0) {
                s->type = SCREEN_CASE_STUDY;
                lx_check_keys(c, map, "a case study", case_keys, screen_all_keys(),
                              E_FIELD_NOT_FOR_TYPE, "case-study");
                s->title = lx_text(c, map, "title", true, "a case study");
                s->body = lx_text(c, map, "body", true, "a case study");
                s->reflection = lx_text(c, map, "reflection", false, NULL);
                loader_case_study(c, map, s);
        } else {
                lx_report(c, tn, E_BAD_TYPE, tn->kind == YNODE_SCALAR ? tn->text : "?");
                return;
        }
        if (c->diags->errors == errors && quality_checks)
                check_screen_quality(c, map, s);
}

static void read_sections(struct lctx *c, const struct ynode *list)
{
        struct module *m = c->m;
        size_t total = 0;
        struct id_entry *sec_ids, *scr_ids;
        size_t nsec = 0, nscr = 0;

        for (size_t i = 0; i < list->count; i++) {
                const struct ynode *sc = ytree_get(list->items[i], "screens");
                if (sc != NULL && sc->kind == YNODE_SEQUENCE)
                        total += sc->count;
        }
        if (total > MODEL_MAX_SCREENS) {
                lx_report(c, list, E_TOO_MANY_SCREENS, total);
                return;
        }
        m->sections = arena_calloc(c->a, list->count, sizeof(*m->sections));
        m->screens = arena_calloc(c->a, total ? total : 1, sizeof(*m->screens));
        sec_ids = xcalloc(list->count, sizeof(*sec_ids));
        scr_ids = xcalloc(total ? total : 1, sizeof(*scr_ids));
        for (size_t i = 0; i < list->count; i++) {
                const struct ynode *map = list->items[i];
                struct section *sec = &m->sections[m->nsections];

                if (!lx_expect_map(c, map, "a section"))
                        continue;
                lx_check_keys(c, map, "a section", section_keys, NULL, E_UNKNOWN_KEY, NULL);
                sec->id = lx_id(c, map, "id", "a section");
                sec->title = lx_text(c, map, "title", true, "a section");
                if (sec->id)
                        sec_ids[nsec++] = (struct id_entry){sec->id, i, map->line, map->column};
                sec->first = m->nscreens;
                const struct ynode *screens = lx_list(c, map, "screens", true, "a section");
                for (size_t j = 0; screens && j < screens->count; j++) {
                        const struct ynode *sm = screens->items[j];
                        struct screen *s = &m->screens[m->nscreens];

                        if (!lx_expect_map(c, sm, "a screen"))
                                continue;
                        s->section = m->nsections;
                        read_screen(c, sm, s);
                        if (s->id)
                                scr_ids[nscr++] =
                                    (struct id_entry){s->id, m->nscreens, sm->line, sm->column};
                        m->nscreens++;
                }
                sec->count = m->nscreens - sec->first;
                m->nsections++;
        }
        lx_check_unique(c, sec_ids, nsec, E_DUP_SECTION_ID);
        lx_check_unique(c, scr_ids, nscr, E_DUP_SCREEN_ID);
        free(sec_ids);
        free(scr_ids);
}

/* Each area must be one of the PKSB's, as written there; a near miss
 * (case, a typo, a word left out) is named. A warning, not an error: the
 * wheel is revised from time to time and a module should still load. */
static void read_pksb(struct lctx *c, const struct ynode *root)
{
        const struct ynode *list = ytree_get(root, "pksb");
        struct module *m = c->m;

        m->pksb = lx_text_list(c, root, "pksb", &m->npksb, true);
        if (m->pksb == NULL || list == NULL)
                return;
        for (size_t i = 0; i < m->npksb; i++) {
                const struct ynode *at = list->kind == YNODE_SEQUENCE ? list->items[i] : list;
                const char *best = NULL;
                size_t best_d = (size_t)-1;

                for (const char *const *a = model_pksb_areas; *a; a++) {
                        if (strcmp(*a, m->pksb[i]) == 0) {
                                best = NULL;
                                best_d = 0;
                                break;
                        }
                        size_t d = diag_distance_nocase(m->pksb[i], *a);
                        if (d < best_d) {
                                best_d = d;
                                best = *a;
                        }
                }
                if (best_d == 0)
                        continue;
                if (best != NULL && best_d * 4 <= strlen(best))
                        lx_report(c, at, W_PKSB_NEAR, m->pksb[i], best);
                else
                        lx_report(c, at, W_PKSB_UNKNOWN, m->pksb[i]);
        }
}

/* When the content was last checked as correct: a real date, and a warning
 * once it is more than two years old so that stale law is looked at. */
static void read_reviewed(struct lctx *c, const struct ynode *root)
{
        const struct ynode *n = ytree_get(root, "reviewed");
        struct module *m = c->m;
        int y, mo, d;

        m->reviewed = lx_text(c, root, "reviewed", false, "the module");
        if (m->reviewed == NULL)
                return;
        if (!model_parse_date(m->reviewed, &y, &mo, &d)) {
                lx_report(c, n, E_RANGE, "reviewed",
                          "a date written YYYY-MM-DD, such as 2026-11-29");
                m->reviewed = NULL;
                return;
        }
        time_t now = time(NULL);
        struct tm today;
        if (now == (time_t)-1 || gmtime_r(&now, &today) == NULL)
                return;
        long then = (long)y * 10000 + mo * 100 + d;
        long limit =
            (long)(today.tm_year + 1900 - 2) * 10000 + (today.tm_mon + 1) * 100 + today.tm_mday;
        if (then < limit)
                lx_report(c, n, W_REVIEWED_OLD, m->reviewed);
}

static void read_module(struct lctx *c, const struct ynode *root)
{
        struct module *m = c->m;
        const struct ynode *fmt = ytree_get(root, "format");
        long v;
        bool here;

        lx_check_keys(c, root, "the module", module_keys, NULL, E_UNKNOWN_KEY, NULL);
        if (fmt == NULL) {
                lx_report(c, root, E_MISSING_KEY, "format", "the module");
        } else if (fmt->kind != YNODE_SCALAR || !fmt->plain || strcmp(fmt->text, "1") != 0) {
                lx_report(c, fmt, E_FORMAT_VERSION, fmt->kind == YNODE_SCALAR ? fmt->text : "?");
                return; /* another format's rules would only produce noise */
        }
        m->format = MODEL_FORMAT;
        m->id = lx_id(c, root, "id", "the module");
        const struct ynode *idn = ytree_get(root, "id");
        if (idn != NULL) {
                m->id_line = idn->line;
                m->id_column = idn->column;
        }
        m->title = lx_text(c, root, "title", true, "the module");
        m->summary = lx_text(c, root, "summary", true, "the module");
        if (lx_int(c, root, "order", &v, &here) && here) {
                m->order = v;
                m->has_order = true;
        }
        if (lx_int(c, root, "minutes", &v, &here) && here) {
                if (v < 0 || v > 100000)
                        lx_report(c, ytree_get(root, "minutes"), E_RANGE, "minutes",
                                  "a whole number from 0 to 100000");
                else
                        m->minutes = (int)v;
        }
        m->pass_mark = MODEL_DEFAULT_PASS_MARK;
        if (lx_number(c, root, "pass_mark", &m->pass_mark, &here) && here &&
            (m->pass_mark < 0 || m->pass_mark > 100)) {
                lx_report(c, ytree_get(root, "pass_mark"), E_RANGE, "pass_mark",
                          "a percentage from 0 to 100");
                m->pass_mark = MODEL_DEFAULT_PASS_MARK;
        }
        m->outcomes = lx_text_list(c, root, "outcomes", &m->noutcomes, false);
        m->tags = lx_text_list(c, root, "tags", &m->ntags, false);
        read_pksb(c, root);
        read_reviewed(c, root);
        const struct ynode *sections = lx_list(c, root, "sections", true, "the module");
        if (sections != NULL)
                read_sections(c, sections);
}

struct module *loader_load_source(const char *name, const struct ysource *src,
                                  crypto_generichash_state *hash, struct diag_list *diags)
{
        struct arena text = {0}, nodes = {0};
        const char *file = diag_file(diags, name);
        size_t errors = diags->errors;
        struct module *m;
        struct ynode *root;
        unsigned char digest[32];

        m = arena_calloc(&text, 1, sizeof(*m));
        root = ytree_parse(file, src, &nodes, &text, diags);
        if (root != NULL) {
                struct lctx c = {.file = file, .diags = diags, .m = m, .a = &text};
                if (lx_expect_map(&c, root, "a module"))
                        read_module(&c, root);
        }
        arena_free(&nodes);
        if (diags->errors > errors) {
                arena_free(&text);
                return NULL;
        }
        crypto_generichash_final(hash, digest, sizeof(digest));
        sodium_bin2hex(m->digest, sizeof(m->digest), digest, sizeof(digest));
        m->path = arena_strdup(&text, name);
        m->arena = text;
        return m;
}

struct module *loader_load_buffer(const char *name, const char *buf, size_t len,
                                  struct diag_list *diags)
{
        struct ybuffer in = {.buf = buf, .len = len};
        struct ysource src;
        crypto_generichash_state hash;

        if (len > MODEL_MAX_FILE) {
                diag_add(diags, diag_file(diags, name), 0, 0, E_FILE_TOO_BIG,
                         (unsigned long long)len);
                return NULL;
        }
        /* The digest is used only when the module loads, and then every
         * byte was read: hashing them all first is the same. */
        crypto_generichash_init(&hash, NULL, 0, 32);
        crypto_generichash_update(&hash, (const unsigned char *)buf, len);
        ytree_buffer(&in, &src);
        return loader_load_source(name, &src, &hash, diags);
}
