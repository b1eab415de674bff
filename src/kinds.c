/* The question kinds: one row of operations each (see dlfl/kinds.h). To add
 * a kind, write its functions here and append its row to the table at the
 * end (its place there is its number; naming it in model.h's enum is only
 * needed for code that must single it out). Pick a widget the front ends
 * already draw; kinds_lookup.c and the rest of dlfl need no change. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dlfl/answer.h"
#include "dlfl/json.h"
#include "dlfl/kinds.h"
#include "dlfl/record.h"
#include "dlfl/xalloc.h"
#include "kinds_impl.h"
#include "kinds_xapi.h"
#include "loader_internal.h"

static size_t picks_indices(const struct screen *s, const char *response, size_t *out, size_t max)
{
        return kx_parse_indices(response, out, max, kind_ops(s->kind)->options(s));
}

/* ---- single and multiple ------------------------------------------------ */

static const char *const choice_keys[] = {"text", "correct", "feedback", NULL};
static const char *const choice_other[] = {"next", NULL};

static void load_choices(struct lctx *c, const struct ynode *map, struct screen *s)
{
        const struct ynode *list = lx_list(c, map, "choices", true, "a question");
        size_t ncorrect = 0, errors = c->diags->errors;

        if (list == NULL || !kx_check_count(c, list, "choices", 2, 9))
                return;
        s->choices = arena_calloc(c->a, list->count, sizeof(*s->choices));
        for (size_t i = 0; i < list->count; i++) {
                const struct ynode *ch = list->items[i];
                struct choice *out = &s->choices[s->nchoices];

                if (!lx_expect_map(c, ch, "a choice"))
                        continue;
                lx_check_keys(c, ch, "a choice", choice_keys, choice_other, E_NEXT_IN_QUESTION,
                              NULL);
                out->text = lx_text(c, ch, "text", true, "a choice");
                out->feedback = lx_text(c, ch, "feedback", false, NULL);
                lx_bool(c, ch, "correct", &out->correct, NULL);
                ncorrect += out->correct;
                lx_check_dup_choice(c, ch, s->choices, s->nchoices, out->text);
                s->nchoices++;
        }
        /* A broken choice may be the correct one: say nothing more then. */
        bool broken = c->diags->errors != errors;
        if (!broken && ncorrect == 0)
                lx_report(c, list, E_NO_CORRECT);
        else if (!broken && kind_ops(s->kind)->widget == WIDGET_PICK_ONE && ncorrect == s->nchoices)
                lx_report(c, list, W_SINGLE_ALL_CORRECT);
        lx_bool(c, map, "shuffle", &s->shuffle, NULL);
}

static size_t choices_count(const struct screen *s)
{
        return s->nchoices;
}

static const char *choice_text(const struct screen *s, size_t i)
{
        return i < s->nchoices ? s->choices[i].text : NULL;
}

static bool check_single(const struct screen *s, size_t *a, size_t *n, char **response)
{
        *n = 1;
        *response = kx_join_indices(a, 1);
        return s->choices[a[0]].correct;
}

static int cmp_size(const void *a, const void *b)
{
        size_t x = *(const size_t *)a, y = *(const size_t *)b;

        return x < y ? -1 : x > y;
}

static bool check_multiple(const struct screen *s, size_t *a, size_t *n, char **response)
{
        size_t k = 0;
        bool right = true;

        /* A set: sorted, duplicates dropped. */
        qsort(a, *n, sizeof(size_t), cmp_size);
        for (size_t i = 0; i < *n; i++)
                if (k == 0 || a[k - 1] != a[i])
                        a[k++] = a[i];
        for (size_t i = 0, j = 0; i < s->nchoices; i++) {
                bool picked = j < k && a[j] == i;

                if (picked)
                        j++;
                if (picked != s->choices[i].correct)
                        right = false;
        }
        *n = k;
        *response = kx_join_indices(a, k);
        return right;
}

static size_t remarks_choices(const struct screen *s, const char *response, const size_t *picks,
                              size_t npicks, const char **out, const char **about, size_t max)
{
        size_t n = 0;

        (void)response;
        for (size_t i = 0; i < npicks && n < max; i++) {
                const struct choice *c = &s->choices[picks[i]];

                if (c->feedback == NULL)
                        continue;
                if (about != NULL)
                        about[n] = kind_ops(s->kind)->widget == WIDGET_PICK_MANY ? c->text : NULL;
                out[n++] = c->feedback;
        }
        return n;
}

static char *right_choices(const struct screen *s, const size_t *order, size_t n)
{
        struct kx_buf b = {0};
        bool first = true;

        kx_put(&b, "");
        for (size_t i = 0; i < n; i++) {
                if (!s->choices[order[i]].correct)
                        continue;
                if (!first)
                        kx_put(&b, kind_ops(s->kind)->widget == WIDGET_PICK_ONE ? " or " : "; ");
                kx_put(&b, s->choices[order[i]].text);
                first = false;
        }
        return b.s;
}

static void xapi_choices(struct json *j, const struct screen *s)
{
        const char **texts = xcalloc(s->nchoices + 1, sizeof(*texts));
        struct kx_buf pat = {0};
        char num[32];
        size_t k = 0;

        kx_put(&pat, "");
        for (size_t i = 0; i < s->nchoices; i++) {
                texts[i] = s->choices[i].text;
                if (s->choices[i].correct) {
                        snprintf(num, sizeof(num), "%s%zu", k++ > 0 ? "[,]" : "", i + 1);
                        kx_put(&pat, num);
                }
        }
        /* A single question with several right choices accepts any one. */
        json_array_begin(j, "correctResponsesPattern");
        if (kind_ops(s->kind)->widget == WIDGET_PICK_ONE) {
                for (size_t i = 0; i < s->nchoices; i++) {
                        if (!s->choices[i].correct)
                                continue;
                        snprintf(num, sizeof(num), "%zu", i + 1);
                        json_string(j, NULL, num);
                }
        } else {
                json_string(j, NULL, pat.s);
        }
        json_array_end(j);
        free(pat.s);
        xapi_components(j, "choices", texts, s->nchoices, 1);
        free(texts);
}

static char *xapi_list(const struct screen *s, const struct screen_state *st)
{
        (void)s;
        return st->response != NULL ? kx_list_response(st->response) : NULL;
}

/* ---- true-false --------------------------------------------------------- */

static const char *const tf_labels[2] = {"True", "False"};

static void load_true_false(struct lctx *c, const struct ynode *map, struct screen *s)
{
        bool here;

        if (lx_bool(c, map, "answer", &s->answer_true, &here) && !here)
                lx_report(c, map, E_MISSING_KEY, "answer", "a true-false question");
        s->feedback_true = lx_text(c, map, "feedback_true", false, NULL);
        s->feedback_false = lx_text(c, map, "feedback_false", false, NULL);
}

static size_t tf_count(const struct screen *s)
{
        (void)s;
        return 2;
}

static const char *tf_text(const struct screen *s, size_t i)
{
        (void)s;
        return i < 2 ? tf_labels[i] : NULL;
}

static size_t picks_tf(const struct screen *s, const char *response, size_t *out, size_t max)
{
        (void)s;
        if (max == 0)
                return 0;
        out[0] = strcmp(response, "true") == 0 ? 0 : 1;
        return 1;
}

/* cppcheck-suppress constParameter ; the check_picks op may reorder picks */
static bool check_tf(const struct screen *s, size_t *a, size_t *n, char **response)
{
        bool said = a[0] == 0;

        *n = 1;
        *response = xstrdup(said ? "true" : "false");
        return said == s->answer_true;
}

static size_t remarks_tf(const struct screen *s, const char *response, const size_t *picks,
                         size_t npicks, const char **out, const char **about, size_t max)
{
        const char *fb;

        (void)picks;
        (void)npicks;
        if (response == NULL || max == 0)
                return 0;
        fb = strcmp(response, "true") == 0 ? s->feedback_true : s->feedback_false;
        if (fb == NULL)
                return 0;
        if (about != NULL)
                about[0] = NULL;
        out[0] = fb;
        return 1;
}

static char *right_tf(const struct screen *s, const size_t *order, size_t n)
{
        (void)order;
        (void)n;
        return xstrdup(s->answer_true ? "True" : "False");
}

static void xapi_tf(struct json *j, const struct screen *s)
{
        kx_one_pattern(j, s->answer_true ? "true" : "false");
}

static char *xapi_as_given(const struct screen *s, const struct screen_state *st)
{
        (void)s;
        return st->response != NULL ? xstrdup(st->response) : NULL;
}

/* ---- text --------------------------------------------------------------- */

static void load_text(struct lctx *c, const struct ynode *map, struct screen *s)
{
        const struct ynode *l = lx_list(c, map, "answers", true, "a text question");
        bool here;

        if (l != NULL)
                s->answers = lx_text_list(c, map, "answers", &s->nanswers, false);
        for (size_t i = 1; i < s->nanswers; i++)
                for (size_t j = 0; j < i; j++)
                        if (strcasecmp(s->answers[i], s->answers[j]) == 0)
                                lx_report(c, l->items[i], W_DUP_ANSWER, s->answers[i]);
        lx_bool(c, map, "typos", &s->typos, &here);
}

static enum kind_verdict check_text(const struct screen *s, const char *t, const char **problem)
{
        char *norm = answer_normalise(t);
        bool empty = norm[0] == '\0';

        free(norm);
        if (empty) {
                *problem = "Type an answer first: punctuation alone is none.";
                return VERDICT_INVALID;
        }
        return answer_match(t, s->answers, s->nanswers, s->typos, NULL) >= 0 ? VERDICT_RIGHT
                                                                             : VERDICT_WRONG;
}

static bool same_normalised(const char *x, const char *y)
{
        char *a = answer_normalise(x), *b = answer_normalise(y);
        bool same = strcmp(a, b) == 0;

        free(a);
        free(b);
        return same;
}

static const char *typo_text(const struct screen *s, const char *response)
{
        bool typo;
        int i = answer_match(response, s->answers, s->nanswers, s->typos, &typo);

        return i >= 0 && typo ? s->answers[i] : NULL;
}

static char *right_text(const struct screen *s, const size_t *order, size_t n)
{
        (void)order;
        (void)n;
        return xstrdup(s->nanswers > 0 ? s->answers[0] : "");
}

static void xapi_text(struct json *j, const struct screen *s)
{
        json_array_begin(j, "correctResponsesPattern");
        for (size_t i = 0; i < s->nanswers; i++) {
                char *p = xasprintf("{case_matters=false}%s", s->answers[i]);

                json_string(j, NULL, p);
                free(p);
        }
        json_array_end(j);
}

/* ---- order -------------------------------------------------------------- */

static void load_order(struct lctx *c, const struct ynode *map, struct screen *s)
{
        const struct ynode *list = lx_list(c, map, "items", true, "an order question");

        if (list == NULL || !kx_check_count(c, list, "items", 2, 9))
                return;
        s->items = lx_text_list(c, map, "items", &s->nitems, false);
        for (size_t i = 1; i < s->nitems; i++)
                for (size_t j = 0; j < i; j++)
                        if (strcmp(s->items[i], s->items[j]) == 0)
                                lx_report(c, list->items[i], W_DUP_CHOICE, s->items[i]);
}

static size_t items_count(const struct screen *s)
{
        return s->nitems;
}

static const char *item_text(const struct screen *s, size_t i)
{
        return i < s->nitems ? s->items[i] : NULL;
}

static bool check_order(const struct screen *s, size_t *a, size_t *n, char **response)
{
        bool right = true;

        /* Two items written the same may stand in either place. */
        for (size_t i = 0; i < *n; i++)
                if (a[i] != i && strcmp(s->items[a[i]], s->items[i]) != 0)
                        right = false;
        *response = kx_join_indices(a, *n);
        return right;
}

static char *right_order(const struct screen *s, const size_t *order, size_t n)
{
        struct kx_buf b = {0};

        (void)order;
        (void)n;
        kx_put(&b, "");
        for (size_t i = 0; i < s->nitems; i++) {
                char *num = xasprintf("%s%zu. ", i ? "  " : "", i + 1);

                kx_put(&b, num);
                free(num);
                kx_put(&b, s->items[i]);
        }
        return b.s;
}

static void xapi_order(struct json *j, const struct screen *s)
{
        kx_ordered_pattern(j, s->nitems, false);
        xapi_components(j, "choices", s->items, s->nitems, 1);
}

/* ---- match -------------------------------------------------------------- */

static const char *const pair_keys[] = {"left", "right", NULL};

static void load_match(struct lctx *c, const struct ynode *map, struct screen *s)
{
        const struct ynode *list = lx_list(c, map, "pairs", true, "a match question");

        if (list == NULL || !kx_check_count(c, list, "pairs", 2, 9))
                return;
        s->pairs = arena_calloc(c->a, list->count, sizeof(*s->pairs));
        for (size_t i = 0; i < list->count; i++) {
                const struct ynode *p = list->items[i];

                if (!lx_expect_map(c, p, "a pair"))
                        continue;
                lx_check_keys(c, p, "a pair", pair_keys, NULL, E_UNKNOWN_KEY, NULL);
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

static size_t pairs_count(const struct screen *s)
{
        return s->npairs;
}

/* The options of a match are the right-hand sides. */
static const char *pair_right(const struct screen *s, size_t i)
{
        return i < s->npairs ? s->pairs[i].right : NULL;
}

static bool check_match(const struct screen *s, size_t *a, size_t *n, char **response)
{
        bool right = true;

        /* Compared by text, so two lefts with the same right both count. */
        for (size_t i = 0; i < *n; i++)
                if (strcmp(s->pairs[a[i]].right, s->pairs[i].right) != 0)
                        right = false;
        *response = kx_join_indices(a, *n);
        return right;
}

static char *right_match(const struct screen *s, const size_t *order, size_t n)
{
        struct kx_buf b = {0};

        (void)order;
        (void)n;
        kx_put(&b, "");
        for (size_t i = 0; i < s->npairs; i++) {
                if (i)
                        kx_put(&b, "; ");
                kx_put(&b, s->pairs[i].left);
                kx_put(&b, ": ");
                kx_put(&b, s->pairs[i].right);
        }
        return b.s;
}

static void xapi_match(struct json *j, const struct screen *s)
{
        const char **left = xcalloc(s->npairs + 1, sizeof(*left));
        const char **right = xcalloc(s->npairs + 1, sizeof(*right));

        for (size_t i = 0; i < s->npairs; i++) {
                left[i] = s->pairs[i].left;
                right[i] = s->pairs[i].right;
        }
        kx_ordered_pattern(j, s->npairs, true);
        xapi_components(j, "source", left, s->npairs, 1);
        xapi_components(j, "target", right, s->npairs, 1);
        free(left);
        free(right);
}

/* "2,1,3" (for each left item, its right item) -> "1[.]2[,]2[.]1[,]3[.]3". */
static char *xapi_match_response(const struct screen *s, const struct screen_state *st)
{
        struct kx_buf b = {0};
        char *copy, *save = NULL, num[48];
        size_t i = 0;

        (void)s;
        if (st->response == NULL)
                return NULL;
        copy = xstrdup(st->response);
        kx_put(&b, "");
        for (char *t = strtok_r(copy, ", ", &save); t != NULL; t = strtok_r(NULL, ", ", &save)) {
                i++;
                snprintf(num, sizeof(num), "%s%zu[.]", i > 1 ? "[,]" : "", i);
                kx_put(&b, num);
                kx_put(&b, t);
        }
        free(copy);
        return b.s;
}

/* ---- numeric ------------------------------------------------------------ */

static void load_numeric(struct lctx *c, const struct ynode *map, struct screen *s)
{
        bool here;

        if (lx_number(c, map, "answer", &s->number, &here) && !here)
                lx_report(c, map, E_MISSING_KEY, "answer", "a numeric question");
        if (lx_number(c, map, "tolerance", &s->tolerance, &here) && here && s->tolerance < 0)
                lx_report(c, ytree_get(map, "tolerance"), E_RANGE, "tolerance", "zero or more");
}

static enum kind_verdict check_numeric(const struct screen *s, const char *t, const char **problem)
{
        double v, slack = 1e-9 * (fabs(s->number) > 1 ? fabs(s->number) : 1);

        if (!answer_number(t, &v)) {
                *problem = "That is not a number: type a number, such as 3.5 or -2.";
                return VERDICT_INVALID;
        }
        /* The slack absorbs binary rounding, so 0.1 + 0.2 style answers and a
         * tolerance edge such as 3.4 for 3.5 +- 0.1 count as within. */
        return fabs(v - s->number) <= s->tolerance + slack ? VERDICT_RIGHT : VERDICT_WRONG;
}

static char *right_numeric(const struct screen *s, const size_t *order, size_t n)
{
        char *num = kx_fmt_number(s->number), *out;

        (void)order;
        (void)n;
        if (s->tolerance <= 0)
                return num;
        char *tol = kx_fmt_number(s->tolerance);
        out = xasprintf("%s (give or take %s)", num, tol);
        free(num);
        free(tol);
        return out;
}

static void xapi_numeric(struct json *j, const struct screen *s)
{
        char a[64], b[64], buf[160];

        if (s->tolerance > 0) {
                json_format_number(s->number - s->tolerance, a, sizeof(a));
                json_format_number(s->number + s->tolerance, b, sizeof(b));
                snprintf(buf, sizeof(buf), "%s[:]%s", a, b);
        } else {
                json_format_number(s->number, buf, sizeof(buf));
        }
        kx_one_pattern(j, buf);
}

/* ---- reflection --------------------------------------------------------- */

static char *xapi_reflection(const struct screen *s, const struct screen_state *st)
{
        (void)s;
        if (st->text != NULL)
                return xstrdup(st->text);
        return st->response != NULL ? xstrdup(st->response) : NULL;
}

/* ---- rating ------------------------------------------------------------- */

static const char *const default_scale[] = {"None", "Basic", "Developing", "Proficient", "Expert"};

static void load_rating(struct lctx *c, const struct ynode *map, struct screen *s)
{
        const struct ynode *l = ytree_get(map, "scale");

        if (l != NULL && l->kind == YNODE_SEQUENCE && !kx_check_count(c, l, "scale", 2, 9))
                return;
        s->scale = lx_text_list(c, map, "scale", &s->nscale, false);
        if (s->nscale == 0) {
                s->scale = (const char **)default_scale;
                s->nscale = sizeof(default_scale) / sizeof(default_scale[0]);
        }
}

static size_t scale_count(const struct screen *s)
{
        return s->nscale;
}

static const char *scale_text(const struct screen *s, size_t i)
{
        return i < s->nscale ? s->scale[i] : NULL;
}

/* A rating is recorded as its 0-based level. */
static size_t picks_rating(const struct screen *s, const char *response, size_t *out, size_t max)
{
        char *end;
        long v = strtol(response, &end, 10);

        if (max == 0 || *end != '\0' || v < 0 || (size_t)v >= s->nscale)
                return 0;
        out[0] = (size_t)v;
        return 1;
}

static bool check_rating(const struct screen *s, size_t *a, size_t *n, char **response)
{
        (void)s;
        *n = 1;
        *response = xasprintf("%zu", a[0]);
        return true;
}

static void xapi_rating(struct json *j, const struct screen *s)
{
        xapi_components(j, "scale", s->scale, s->nscale, 0);
}

static char *xapi_rating_response(const struct screen *s, const struct screen_state *st)
{
        (void)s;
        if (st->response != NULL)
                return xstrdup(st->response);
        return st->rating >= 0 ? xasprintf("%d", st->rating) : NULL;
}

/* ---- the table ---------------------------------------------------------- */

static const char *const choice_kind_keys[] = {"choices", "shuffle", NULL};
static const char *const tf_kind_keys[] = {"answer", "feedback_true", "feedback_false", NULL};
static const char *const text_kind_keys[] = {"answers", "typos", NULL};
static const char *const order_kind_keys[] = {"items", NULL};
static const char *const match_kind_keys[] = {"pairs", NULL};
static const char *const no_keys[] = {NULL};
static const char *const numeric_kind_keys[] = {"answer", "tolerance", NULL};
static const char *const rating_kind_keys[] = {"scale", NULL};

const struct kind_ops kinds_table[] = {
    [KIND_SINGLE] =
        {
            .name = "single",
            .label = "Question",
            .keys = choice_kind_keys,
            .attempts = 2,
            .checked = true,
            .widget = WIDGET_PICK_ONE,
            .shuffle = SHUFFLE_IF_ASKED,
            .options_md = true,
            .instruction = "Type the number of your answer",
            .screen_instruction = "Pick one answer: 1-%zu, or Up/Down and Enter.",
            .load = load_choices,
            .options = choices_count,
            .option = choice_text,
            .picks_of = picks_indices,
            .check_picks = check_single,
            .remarks = remarks_choices,
            .right_answer = right_choices,
            .xapi_type = "choice",
            .xapi_define = xapi_choices,
            .xapi_response = xapi_list,
        },
    [KIND_MULTIPLE] =
        {
            .name = "multiple",
            .label = "Question",
            .keys = choice_kind_keys,
            .attempts = 2,
            .checked = true,
            .widget = WIDGET_PICK_MANY,
            .shuffle = SHUFFLE_IF_ASKED,
            .options_md = true,
            .instruction = "Type the numbers of every right answer, separated by spaces or commas",
            .screen_instruction = "Tick every right answer (Space or 1-%zu), then press Enter.",
            .load = load_choices,
            .options = choices_count,
            .option = choice_text,
            .picks_of = picks_indices,
            .check_picks = check_multiple,
            .remarks = remarks_choices,
            .right_answer = right_choices,
            .xapi_type = "choice",
            .xapi_define = xapi_choices,
            .xapi_response = xapi_list,
        },
    [KIND_TRUE_FALSE] =
        {
            .name = "true-false",
            .label = "Question",
            .keys = tf_kind_keys,
            .attempts = 1,
            .checked = true,
            .widget = WIDGET_PICK_ONE,
            .shuffle = SHUFFLE_NEVER,
            .input_rows = 2,
            .options_md = false,
            .words_ok = true,
            .instruction = "Type 1 for True or 2 for False",
            .screen_instruction = "True or false? 1 for True, 2 for False.",
            .load = load_true_false,
            .options = tf_count,
            .option = tf_text,
            .picks_of = picks_tf,
            .check_picks = check_tf,
            .remarks = remarks_tf,
            .right_answer = right_tf,
            .xapi_type = "true-false",
            .xapi_define = xapi_tf,
            .xapi_response = xapi_as_given,
        },
    [KIND_TEXT] =
        {
            .name = "text",
            .label = "Question",
            .keys = text_kind_keys,
            .attempts = 2,
            .checked = true,
            .widget = WIDGET_TYPE_TEXT,
            .input_rows = 1,
            .options_md = false,
            .instruction = "Type your answer",
            .screen_instruction = "Type your answer and press Enter.",
            .empty = "Type an answer first.",
            .load = load_text,
            .check_text = check_text,
            .same = same_normalised,
            .typo_of = typo_text,
            .right_answer = right_text,
            .xapi_type = "fill-in",
            .xapi_define = xapi_text,
            .xapi_response = xapi_as_given,
        },
    [KIND_ORDER] =
        {
            .name = "order",
            .label = "Question",
            .keys = order_kind_keys,
            .attempts = 2,
            .checked = true,
            .widget = WIDGET_ORDER,
            .shuffle = SHUFFLE_NOT_AS_WRITTEN,
            .options_md = true,
            .instruction =
                "Type the numbers of these %zu items in the right order, separated by spaces",
            .screen_instruction =
                "Put these in order: Space picks up the marked item, Up/Down move it, "
                "Space puts it down. Enter submits.",
            .load = load_order,
            .options = items_count,
            .option = item_text,
            .picks_of = picks_indices,
            .check_picks = check_order,
            .right_answer = right_order,
            .xapi_type = "sequencing",
            .xapi_define = xapi_order,
            .xapi_response = xapi_list,
        },
    [KIND_MATCH] =
        {
            .name = "match",
            .label = "Question",
            .keys = match_kind_keys,
            .attempts = 2,
            .checked = true,
            .widget = WIDGET_MATCH,
            .shuffle = SHUFFLE_NOT_AS_WRITTEN,
            .options_md = false,
            .instruction =
                "For A, B, C... in turn, type the number of its match (2 1 3, or A2 B1 C3)",
            .screen_instruction =
                "Match each item with one of the choices below: Up/Down choose an item, "
                "1-%zu give its match. Enter submits.",
            .load = load_match,
            .options = pairs_count,
            .option = pair_right,
            .picks_of = picks_indices,
            .check_picks = check_match,
            .right_answer = right_match,
            .xapi_type = "matching",
            .xapi_define = xapi_match,
            .xapi_response = xapi_match_response,
        },
    [KIND_REFLECTION] =
        {
            .name = "reflection",
            .label = "Reflection",
            .keys = no_keys,
            .attempts = 2,
            .checked = false,
            .widget = WIDGET_TYPE_TEXT,
            .long_text = true,
            .input_rows = 3,
            .options_md = false,
            .instruction = "Write your answer: as many lines as you like, then a line holding "
                           "only a full stop (.)",
            .screen_instruction =
                "Write as much as you like (Enter starts a new line). Ctrl-D or F2 "
                "saves it.",
            .heading = "Reflection (not scored)",
            .empty = "Write something first.",
            .xapi_type = "long-fill-in",
            .xapi_response = xapi_reflection,
        },
    [KIND_NUMERIC] =
        {
            .name = "numeric",
            .label = "Question",
            .keys = numeric_kind_keys,
            .attempts = 2,
            .checked = true,
            .widget = WIDGET_TYPE_NUMBER,
            .input_rows = 1,
            .options_md = false,
            .instruction = "Type a number",
            .screen_instruction = "Type a number and press Enter.",
            .empty = "Type a number, such as 3.5 or -2.",
            .load = load_numeric,
            .check_text = check_numeric,
            .right_answer = right_numeric,
            .xapi_type = "numeric",
            .xapi_define = xapi_numeric,
            .xapi_response = xapi_as_given,
        },
    [KIND_RATING] =
        {
            .name = "rating",
            .label = "Rating",
            .keys = rating_kind_keys,
            .attempts = 2,
            .checked = false,
            .widget = WIDGET_PICK_ONE,
            .shuffle = SHUFFLE_NEVER,
            .input_rows = -1, /* one row per level */
            .options_md = true,
            .instruction = "Type the number of your level",
            .screen_instruction = "Rate yourself: 1-%zu, or Up/Down and Enter.",
            .heading = "Rate yourself (not scored)",
            .load = load_rating,
            .options = scale_count,
            .option = scale_text,
            .picks_of = picks_rating,
            .check_picks = check_rating,
            .xapi_type = "likert",
            .xapi_define = xapi_rating,
            .xapi_response = xapi_rating_response,
        },
};

const size_t kinds_table_size = sizeof(kinds_table) / sizeof(kinds_table[0]);
