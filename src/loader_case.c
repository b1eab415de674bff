/* Case studies: steps, choices and the graph rules of the format: every
 * `next` exists, every step is reachable from the start, and from every
 * step some path reaches an ending (cycles are fine if they have a way out). */
#include <stdlib.h>
#include <string.h>

#include "dlfl/xalloc.h"
#include "loader_internal.h"

static const char *const step_keys[] = {"id", "text", "choices", "ending", NULL};
static const char *const case_choice_keys[] = {"text", "next", "feedback", NULL};

/* The endings' names are the model's (model_ending_name). */
static enum ending parse_ending(struct lctx *c, const struct ynode *map)
{
        static const enum ending endings[] = {ENDING_GOOD, ENDING_MIXED, ENDING_POOR};
        const struct ynode *v = ytree_get(map, "ending");

        if (v == NULL)
                return ENDING_NONE;
        for (size_t i = 0; v->kind == YNODE_SCALAR && i < sizeof endings / sizeof *endings; i++)
                if (strcmp(v->text, model_ending_name(endings[i])) == 0)
                        return endings[i];
        lx_report(c, v, E_BAD_ENDING, v->kind == YNODE_SCALAR ? v->text : "(a list or mapping)");
        return ENDING_NONE;
}

/* Reads a step's choices; next targets are resolved later, by name. */
static void read_choices(struct lctx *c, const struct ynode *list, struct step *st,
                         const struct ynode **next_nodes)
{
        st->choices = arena_calloc(c->a, list->count, sizeof(*st->choices));
        for (size_t i = 0; i < list->count; i++) {
                const struct ynode *ch = list->items[i];
                struct choice *out = &st->choices[st->nchoices];

                if (!lx_expect_map(c, ch, "a choice"))
                        continue;
                static const char *const correct_key[] = {"correct", NULL};
                lx_check_keys(c, ch, "a case-study choice", case_choice_keys, correct_key,
                              E_CORRECT_IN_CASE, NULL);
                out->text = lx_text(c, ch, "text", true, "a case-study choice");
                out->feedback = lx_text(c, ch, "feedback", false, NULL);
                lx_check_dup_choice(c, ch, st->choices, st->nchoices, out->text);
                const struct ynode *next = ytree_get(ch, "next");
                if (next == NULL) {
                        lx_report(c, ch, E_NEXT_MISSING);
                        next_nodes[st->nchoices] = NULL;
                } else if (next->kind != YNODE_SCALAR || ytree_is_null(next)) {
                        lx_report(c, next, E_EXPECT_STRING, "next");
                        next_nodes[st->nchoices] = NULL;
                } else {
                        next_nodes[st->nchoices] = next;
                }
                st->nchoices++;
        }
}

void loader_case_study(struct lctx *c, const struct ynode *map, struct screen *s)
{
        const struct ynode *list = lx_list(c, map, "steps", false, "a case study");
        const struct ynode *start = ytree_get(map, "start");
        size_t errors = c->diags->errors;
        struct id_entry *ids;
        const struct ynode ***nexts;
        size_t nids = 0;

        if (list == NULL) {
                if (start != NULL)
                        lx_report(c, start, E_NO_STEPS_FIELDS);
                return;
        }
        if (list->count == 0) {
                lx_report(c, list, E_EMPTY_LIST, "steps");
                return;
        }
        s->steps = arena_calloc(c->a, list->count, sizeof(*s->steps));
        ids = xcalloc(list->count, sizeof(*ids));
        nexts = xcalloc(list->count, sizeof(*nexts));
        for (size_t i = 0; i < list->count; i++) {
                const struct ynode *n = list->items[i];
                struct step *st = &s->steps[s->nsteps];

                if (!lx_expect_map(c, n, "a step"))
                        continue;
                lx_check_keys(c, n, "a step", step_keys, NULL, E_UNKNOWN_KEY, NULL);
                st->id = lx_id(c, n, "id", "a step");
                st->text = lx_text(c, n, "text", true, "a step");
                st->ending = parse_ending(c, n);
                const struct ynode *choices = ytree_get(n, "choices");
                const char *name = st->id ? st->id : "?";
                if (choices != NULL && ytree_get(n, "ending") != NULL)
                        lx_report(c, n, E_STEP_BOTH, name);
                else if (choices == NULL && ytree_get(n, "ending") == NULL)
                        lx_report(c, n, E_STEP_NEITHER, name);
                if (choices != NULL) {
                        if (choices->kind != YNODE_SEQUENCE || choices->count == 0) {
                                lx_report(c, choices,
                                          choices->kind == YNODE_SEQUENCE ? E_EMPTY_LIST
                                                                          : E_EXPECT_SEQUENCE,
                                          "choices");
                        } else if (choices->count > 9) {
                                lx_report(c, choices, E_COUNT, "choices", (size_t)1, (size_t)9,
                                          choices->count);
                        } else {
                                nexts[s->nsteps] = xcalloc(choices->count, sizeof(**nexts));
                                read_choices(c, choices, st, nexts[s->nsteps]);
                        }
                }
                if (st->id != NULL)
                        ids[nids++] = (struct id_entry){st->id, s->nsteps, n->line, n->column};
                s->nsteps++;
        }
        lx_check_unique(c, ids, nids, E_DUP_STEP_ID);

        /* Resolve names to indexes. */
        for (size_t i = 0; i < s->nsteps; i++) {
                for (size_t j = 0; nexts[i] && j < s->steps[i].nchoices; j++) {
                        const struct ynode *nx = nexts[i][j];
                        const struct id_entry *e = nx ? lx_find(ids, nids, nx->text) : NULL;

                        if (nx != NULL && e == NULL)
                                lx_report(c, nx, E_NEXT_UNKNOWN, nx->text);
                        s->steps[i].choices[j].next = e ? e->index : (size_t)-1;
                }
        }
        s->start = 0;
        if (start != NULL) {
                const struct id_entry *e = NULL;
                if (start->kind == YNODE_SCALAR && !ytree_is_null(start))
                        e = lx_find(ids, nids, start->text);
                if (e == NULL)
                        lx_report(c, start, E_START_UNKNOWN,
                                  start->kind == YNODE_SCALAR ? start->text : "?");
                else
                        s->start = e->index;
        }

        /* The graph rules make sense only on a well-formed set of steps. */
        if (c->diags->errors == errors && s->nsteps > 0) {
                bool *reach = xcalloc(s->nsteps, sizeof(bool));
                bool *ends = xcalloc(s->nsteps, sizeof(bool));
                size_t *stack = xcalloc(s->nsteps, sizeof(size_t));
                size_t top = 0;
                bool changed = true;

                reach[s->start] = true;
                stack[top++] = s->start;
                while (top > 0) {
                        const struct step *st = &s->steps[stack[--top]];
                        for (size_t j = 0; j < st->nchoices; j++) {
                                size_t nx = st->choices[j].next;
                                if (!reach[nx]) {
                                        reach[nx] = true;
                                        stack[top++] = nx;
                                }
                        }
                }
                /* Which steps can reach an ending: grow the set to a fixed
                 * point (steps are few; each round is linear). */
                for (size_t i = 0; i < s->nsteps; i++)
                        ends[i] = s->steps[i].ending != ENDING_NONE;
                while (changed) {
                        changed = false;
                        for (size_t i = 0; i < s->nsteps; i++) {
                                const struct step *st = &s->steps[i];
                                for (size_t j = 0; !ends[i] && j < st->nchoices; j++) {
                                        if (ends[st->choices[j].next]) {
                                                ends[i] = true;
                                                changed = true;
                                        }
                                }
                        }
                }
                for (size_t i = 0; i < nids; i++) {
                        size_t k = ids[i].index;
                        const struct ynode *n = list->items[k];
                        if (!reach[k])
                                diag_add(c->diags, c->file, n->line, n->column, E_STEP_UNREACHABLE,
                                         s->steps[k].id);
                        else if (!ends[k])
                                diag_add(c->diags, c->file, n->line, n->column, E_STEP_NO_ENDING,
                                         s->steps[k].id);
                }
                free(reach);
                free(ends);
                free(stack);
        }
        for (size_t i = 0; i < s->nsteps; i++)
                free(nexts[i]);
        free(nexts);
        free(ids);
}
