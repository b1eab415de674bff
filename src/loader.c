/* The schema pass: from the YAML tree to the course model, reporting every
 * problem an author can fix, with its line and column. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <sodium.h>

#include "dlfl/loader.h"
#include "dlfl/text.h"
#include "dlfl/xalloc.h"
#include "loader_internal.h"

/* The question screen's room at 80x24 (see the player's layout): 76
 * columns inside the margins, 18 rows between the header and the status
 * and feedback lines. */
#define FIT_WIDTH 76
#define FIT_ROWS 18

static const char *const module_keys[] = {"format",   "id",        "title",    "summary", "order",
                                          "minutes",  "pass_mark", "outcomes", "tags",    "pksb",
                                          "reviewed", "sections",  NULL};
static const char *const section_keys[] = {"id", "title", "screens", NULL};
static const char *const lesson_keys[] = {"type", "id", "title", "body", NULL};
static const char *const case_keys[] = {"type",  "id",    "title",      "body",
                                        "steps", "start", "reflection", NULL};
#define COMMON_Q                                                                                   \
        "type", "id", "kind", "prompt", "hint", "explanation", "feedback", "attempts", "points",   \
            "penalty"
static const char *const q_choice_keys[] = {COMMON_Q, "choices", "shuffle", NULL};
static const char *const q_tf_keys[] = {COMMON_Q, "answer", "feedback_true", "feedback_false",
                                        NULL};
static const char *const q_text_keys[] = {COMMON_Q, "answers", "typos", NULL};
static const char *const q_order_keys[] = {COMMON_Q, "items", NULL};
static const char *const q_match_keys[] = {COMMON_Q, "pairs", NULL};
static const char *const q_plain_keys[] = {COMMON_Q, NULL};
static const char *const q_numeric_keys[] = {COMMON_Q, "answer", "tolerance", NULL};
static const char *const q_rating_keys[] = {COMMON_Q, "scale", NULL};
/* Every key some question kind has, to tell "wrong kind" from "unknown". */
static const char *const q_all_keys[] = {"choices",        "shuffle", "answer", "feedback_true",
                                         "feedback_false", "answers", "items",  "pairs",
                                         "tolerance",      "scale",   "typos",  NULL};
static const char *const screen_all_keys[] = {
    "title",    "body",          "steps",          "start",       "reflection",
    "kind",     "prompt",        "hint",           "explanation", "feedback",
    "attempts", "points",        "penalty",        "choices",     "shuffle",
    "answer",   "feedback_true", "feedback_false", "answers",     "items",
    "pairs",    "tolerance",     "scale",          "typos",       NULL};
static const char *const choice_keys[] = {"text", "correct", "feedback", NULL};
static const char *const choice_other[] = {"next", NULL};
static const char *const pair_keys[] = {"left", "right", NULL};
static const char *const feedback_keys[] = {"correct", "incorrect", NULL};

static const char *const default_scale[] = {"None", "Basic", "Developing", "Proficient", "Expert"};

static const struct {
        const char *name;
        enum question_kind kind;
        const char *const *keys;
} kinds[] = {
    {"single", KIND_SINGLE, q_choice_keys},        {"multiple", KIND_MULTIPLE, q_choice_keys},
    {"true-false", KIND_TRUE_FALSE, q_tf_keys},    {"text", KIND_TEXT, q_text_keys},
    {"order", KIND_ORDER, q_order_keys},           {"match", KIND_MATCH, q_match_keys},
    {"reflection", KIND_REFLECTION, q_plain_keys}, {"numeric", KIND_NUMERIC, q_numeric_keys},
    {"rating", KIND_RATING, q_rating_keys},
};

static bool check_count(struct lctx *c, const struct ynode *list, const char *key, size_t min,
                        size_t max)
{
        if (list->count >= min && list->count <= max)
                return true;
        lx_report(c, list, D_COUNT, key, min, max, list->count);
        return false;
}

static void read_question_choices(struct lctx *c, const struct ynode *map, struct screen *s)
{
        const struct ynode *list = lx_list(c, map, "choices", true, "a question");
        size_t ncorrect = 0, errors = c->diags->errors;

        if (list == NULL || !check_count(c, list, "choices", 2, 9))
                return;
        s->choices = arena_calloc(c->a, list->count, sizeof(*s->choices));
        for (size_t i = 0; i < list->count; i++) {
                const struct ynode *ch = list->items[i];
                struct choice *out = &s->choices[s->nchoices];

                if (!lx_expect_map(c, ch, "a choice"))
                        continue;
                lx_check_keys(c, ch, "a choice", choice_keys, choice_other, D_NEXT_IN_QUESTION,
                              NULL);
                out->text = lx_text(c, ch, "text", true, "a choice");
                out->feedback = lx_text(c, ch, "feedback", false, NULL);
                lx_bool(c, ch, "correct", &out->correct, NULL);
                ncorrect += out->correct;
                for (size_t j = 0; out->text && j < s->nchoices; j++) {
                        if (s->choices[j].text && strcmp(s->choices[j].text, out->text) == 0) {
                                lx_report(c, ch, W_DUP_CHOICE, out->text);
                                break;
                        }
                }
                s->nchoices++;
        }
        /* A broken choice may be the correct one: say nothing more then. */
        bool broken = c->diags->errors != errors;
        if (!broken && ncorrect == 0)
                lx_report(c, list, D_NO_CORRECT);
        else if (!broken && s->kind == KIND_SINGLE && ncorrect == s->nchoices)
                lx_report(c, list, D_SINGLE_ALL_CORRECT);
        lx_bool(c, map, "shuffle", &s->shuffle, NULL);
}

static void read_items(struct lctx *c, const struct ynode *map, struct screen *s)
{
        const struct ynode *list = lx_list(c, map, "items", true, "an order question");

        if (list == NULL || !check_count(c, list, "items", 2, 9))
                return;
        s->items = lx_text_list(c, map, "items", &s->nitems, false);
        for (size_t i = 1; i < s->nitems; i++)
                for (size_t j = 0; j < i; j++)
                        if (strcmp(s->items[i], s->items[j]) == 0)
                                lx_report(c, list->items[i], W_DUP_CHOICE, s->items[i]);
}

static void read_pairs(struct lctx *c, const struct ynode *map, struct screen *s)
{
        const struct ynode *list = lx_list(c, map, "pairs", true, "a match question");

        if (list == NULL || !check_count(c, list, "pairs", 2, 9))
                return;
        s->pairs = arena_calloc(c->a, list->count, sizeof(*s->pairs));
        for (size_t i = 0; i < list->count; i++) {
                const struct ynode *p = list->items[i];

                if (!lx_expect_map(c, p, "a pair"))
                        continue;
                lx_check_keys(c, p, "a pair", pair_keys, NULL, D_UNKNOWN_KEY, NULL);
                s->pairs[s->npairs].left = lx_text(c, p, "left", true, "a pair");
                s->pairs[s->npairs].right = lx_text(c, p, "right", true, "a pair");
                for (size_t j = 0; j < s->npairs; j++) {
                        const struct pair *q = &s->pairs[j], *n = &s->pairs[s->npairs];
                        if (q->right && n->right && strcmp(q->right, n->right) == 0)
                                lx_report(c, p, W_DUP_CHOICE, n->right);
                        else if (q->left && n->left && strcmp(q->left, n->left) == 0)
                                lx_report(c, p, W_DUP_CHOICE, n->left);
                }
                s->npairs++;
        }
}

static void read_feedback(struct lctx *c, const struct ynode *map, struct screen *s)
{
        const struct ynode *f = ytree_get(map, "feedback");

        if (f == NULL || ytree_is_null(f))
                return;
        if (!lx_expect_map(c, f, "'feedback'"))
                return;
        lx_check_keys(c, f, "'feedback'", feedback_keys, NULL, D_UNKNOWN_KEY, NULL);
        s->feedback_correct = lx_text(c, f, "correct", false, NULL);
        s->feedback_incorrect = lx_text(c, f, "incorrect", false, NULL);
}

static void read_numbers(struct lctx *c, const struct ynode *map, struct screen *s)
{
        long attempts;
        bool here;

        s->attempts = s->kind == KIND_TRUE_FALSE ? 1 : 2;
        if (lx_int(c, map, "attempts", &attempts, &here) && here) {
                if (attempts < 0 || attempts > 99)
                        lx_report(c, ytree_get(map, "attempts"), D_RANGE, "attempts",
                                  "a whole number from 0 (unlimited) to 99");
                else
                        s->attempts = (int)attempts;
        }
        s->points = 1;
        if (lx_number(c, map, "points", &s->points, &here) && here &&
            (s->points < 0 || s->points > 1e6)) {
                lx_report(c, ytree_get(map, "points"), D_RANGE, "points",
                          "a number from 0 to 1000000");
                s->points = 1;
        }
        s->penalty = MODEL_DEFAULT_PENALTY;
        if (lx_number(c, map, "penalty", &s->penalty, &here) && here &&
            (s->penalty < 0 || s->penalty > 1)) {
                lx_report(c, ytree_get(map, "penalty"), D_RANGE, "penalty",
                          "a fraction from 0 to 1");
                s->penalty = MODEL_DEFAULT_PENALTY;
        }
}

/* Lines a question needs once wrapped, as the player lays it out. */
static int question_rows(const struct screen *s)
{
        struct text_lines tl = {0};
        int rows;
        const int cw = FIT_WIDTH - 6; /* "  1. [x] " style prefixes */

        text_render_markdown(s->prompt, FIT_WIDTH, &tl);
        rows = (int)tl.count + 1;
        text_lines_free(&tl);
        for (size_t i = 0; i < s->nchoices; i++) {
                text_render_markdown(s->choices[i].text, cw, &tl);
                rows += (int)tl.count;
                text_lines_free(&tl);
        }
        for (size_t i = 0; i < s->nitems; i++) {
                text_wrap(s->items[i], cw, 0, 0, &tl);
                rows += (int)tl.count;
                text_lines_free(&tl);
        }
        for (size_t i = 0; i < s->npairs; i++) {
                text_wrap(s->pairs[i].left, cw, 0, 0, &tl);
                text_wrap(s->pairs[i].right, cw, 0, 0, &tl);
                rows += (int)tl.count;
                text_lines_free(&tl);
        }
        if (s->kind == KIND_TRUE_FALSE)
                rows += 2;
        else if (s->kind == KIND_RATING)
                rows += (int)s->nscale;
        else if (s->kind == KIND_TEXT || s->kind == KIND_NUMERIC)
                rows += 1;
        else if (s->kind == KIND_REFLECTION)
                rows += 3;
        return rows;
}

static void read_question(struct lctx *c, const struct ynode *map, struct screen *s)
{
        const struct ynode *kn = ytree_get(map, "kind");
        const char *const *keys = NULL;
        bool here;

        if (kn == NULL) {
                lx_report(c, map, D_MISSING_KEY, "kind", "a question");
                return;
        }
        for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
                if (kn->kind == YNODE_SCALAR && strcmp(kn->text, kinds[i].name) == 0) {
                        s->kind = kinds[i].kind;
                        keys = kinds[i].keys;
                }
        }
        if (keys == NULL) {
                lx_report(c, kn, D_BAD_KIND, kn->kind == YNODE_SCALAR ? kn->text : "?");
                return;
        }
        /* "an order question", not "a order question". */
        char *kind_words = xasprintf(
            "%s %s", kn->text[0] != '\0' && strchr("aeiou", kn->text[0]) ? "an" : "a", kn->text);
        lx_check_keys(c, map, "a question", keys, q_all_keys, D_FIELD_NOT_FOR_KIND, kind_words);
        free(kind_words);
        s->prompt = lx_text(c, map, "prompt", true, "a question");
        s->hints = lx_text_list(c, map, "hint", &s->nhints, true);
        s->explanation = lx_text(c, map, "explanation", false, NULL);
        read_feedback(c, map, s);
        read_numbers(c, map, s);
        s->shuffle = true;
        switch (s->kind) {
        case KIND_SINGLE:
        case KIND_MULTIPLE:
                read_question_choices(c, map, s);
                break;
        case KIND_TRUE_FALSE:
                if (lx_bool(c, map, "answer", &s->answer_true, &here) && !here)
                        lx_report(c, map, D_MISSING_KEY, "answer", "a true-false question");
                s->feedback_true = lx_text(c, map, "feedback_true", false, NULL);
                s->feedback_false = lx_text(c, map, "feedback_false", false, NULL);
                break;
        case KIND_TEXT: {
                const struct ynode *l = lx_list(c, map, "answers", true, "a text question");
                if (l != NULL)
                        s->answers = lx_text_list(c, map, "answers", &s->nanswers, false);
                for (size_t i = 1; i < s->nanswers; i++)
                        for (size_t j = 0; j < i; j++)
                                if (strcasecmp(s->answers[i], s->answers[j]) == 0)
                                        lx_report(c, l->items[i], D_DUP_ANSWER, s->answers[i]);
                lx_bool(c, map, "typos", &s->typos, &here);
                break;
        }
        case KIND_ORDER:
                read_items(c, map, s);
                break;
        case KIND_MATCH:
                read_pairs(c, map, s);
                break;
        case KIND_NUMERIC:
                if (lx_number(c, map, "answer", &s->number, &here) && !here)
                        lx_report(c, map, D_MISSING_KEY, "answer", "a numeric question");
                if (lx_number(c, map, "tolerance", &s->tolerance, &here) && here &&
                    s->tolerance < 0)
                        lx_report(c, ytree_get(map, "tolerance"), D_RANGE, "tolerance",
                                  "zero or more");
                break;
        case KIND_RATING: {
                const struct ynode *l = ytree_get(map, "scale");
                if (l != NULL && l->kind == YNODE_SEQUENCE && !check_count(c, l, "scale", 2, 9))
                        break;
                s->scale = lx_text_list(c, map, "scale", &s->nscale, false);
                if (s->nscale == 0) {
                        s->scale = (const char **)default_scale;
                        s->nscale = sizeof(default_scale) / sizeof(default_scale[0]);
                }
                break;
        }
        case KIND_REFLECTION:
        case KIND_COUNT:
                break;
        }
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
                lx_report(c, map, D_MISSING_KEY, "type", "a screen");
                return;
        }
        if (tn->kind == YNODE_SCALAR && strcmp(tn->text, "lesson") == 0) {
                s->type = SCREEN_LESSON;
                lx_check_keys(c, map, "a lesson", lesson_keys, screen_all_keys,
                              D_FIELD_NOT_FOR_TYPE, "lesson");
                s->title = lx_text(c, map, "title", true, "a lesson");
                s->body = lx_text(c, map, "body", true, "a lesson");
        } else if (tn->kind == YNODE_SCALAR && strcmp(tn->text, "question") == 0) {
                s->type = SCREEN_QUESTION;
                read_question(c, map, s);
        } else if (tn->kind == YNODE_SCALAR && strcmp(tn->text, "case-study") == 0) {
                s->type = SCREEN_CASE_STUDY;
                lx_check_keys(c, map, "a case study", case_keys, screen_all_keys,
                              D_FIELD_NOT_FOR_TYPE, "case-study");
                s->title = lx_text(c, map, "title", true, "a case study");
                s->body = lx_text(c, map, "body", true, "a case study");
                s->reflection = lx_text(c, map, "reflection", false, NULL);
                loader_case_study(c, map, s);
        } else {
                lx_report(c, tn, D_BAD_TYPE, tn->kind == YNODE_SCALAR ? tn->text : "?");
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
                lx_report(c, list, D_TOO_MANY_SCREENS, total);
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
                lx_check_keys(c, map, "a section", section_keys, NULL, D_UNKNOWN_KEY, NULL);
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
        lx_check_unique(c, sec_ids, nsec, D_DUP_SECTION_ID);
        lx_check_unique(c, scr_ids, nscr, D_DUP_SCREEN_ID);
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
                        size_t d = lx_distance_nocase(m->pksb[i], *a);
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
                lx_report(c, n, D_RANGE, "reviewed",
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

        lx_check_keys(c, root, "the module", module_keys, NULL, D_UNKNOWN_KEY, NULL);
        if (fmt == NULL) {
                lx_report(c, root, D_MISSING_KEY, "format", "the module");
        } else if (fmt->kind != YNODE_SCALAR || !fmt->plain || strcmp(fmt->text, "1") != 0) {
                lx_report(c, fmt, D_FORMAT_VERSION, fmt->kind == YNODE_SCALAR ? fmt->text : "?");
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
                        lx_report(c, ytree_get(root, "minutes"), D_RANGE, "minutes",
                                  "a whole number from 0 to 100000");
                else
                        m->minutes = (int)v;
        }
        m->pass_mark = MODEL_DEFAULT_PASS_MARK;
        if (lx_number(c, root, "pass_mark", &m->pass_mark, &here) && here &&
            (m->pass_mark < 0 || m->pass_mark > 100)) {
                lx_report(c, ytree_get(root, "pass_mark"), D_RANGE, "pass_mark",
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

struct buffer_input {
        const char *buf;
        size_t len, pos;
        crypto_generichash_state hash;
};

static int buffer_read(void *data, unsigned char *out, size_t size, size_t *n)
{
        struct buffer_input *in = data;
        size_t k = in->len - in->pos < size ? in->len - in->pos : size;

        memcpy(out, in->buf + in->pos, k);
        crypto_generichash_update(&in->hash, out, k);
        in->pos += k;
        *n = k;
        return 1;
}

static void buffer_locate(void *data, size_t offset, unsigned *line, unsigned *column)
{
        const struct buffer_input *in = data;

        ytree_locate(in->buf, in->len, offset, line, column);
}

struct module *loader_load_buffer(const char *name, const char *buf, size_t len,
                                  struct diag_list *diags)
{
        struct buffer_input in = {.buf = buf, .len = len};
        struct ysource src = {.read = buffer_read, .data = &in, .locate = buffer_locate};

        if (len > MODEL_MAX_FILE) {
                diag_add(diags, diag_file(diags, name), 0, 0, D_FILE_TOO_BIG,
                         (unsigned long long)len);
                return NULL;
        }
        crypto_generichash_init(&in.hash, NULL, 0, 32);
        return loader_load_source(name, &src, &in.hash, diags);
}
