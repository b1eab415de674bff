#include <stdlib.h>
#include <string.h>

#include "dlfl/model.h"

static const char *const kind_names[KIND_COUNT] = {
    [KIND_SINGLE] = "single",         [KIND_MULTIPLE] = "multiple",
    [KIND_TRUE_FALSE] = "true-false", [KIND_TEXT] = "text",
    [KIND_ORDER] = "order",           [KIND_MATCH] = "match",
    [KIND_REFLECTION] = "reflection", [KIND_NUMERIC] = "numeric",
    [KIND_RATING] = "rating",
};

const char *model_kind_name(enum question_kind kind)
{
        return kind < KIND_COUNT ? kind_names[kind] : "?";
}

const char *model_type_name(enum screen_type type)
{
        switch (type) {
        case SCREEN_LESSON:
                return "lesson";
        case SCREEN_QUESTION:
                return "question";
        case SCREEN_CASE_STUDY:
                return "case-study";
        }
        return "?";
}

const char *model_ending_name(enum ending ending)
{
        switch (ending) {
        case ENDING_GOOD:
                return "good";
        case ENDING_MIXED:
                return "mixed";
        case ENDING_POOR:
                return "poor";
        case ENDING_NONE:
                break;
        }
        return "";
}

bool model_kind_is_checked(enum question_kind kind)
{
        return kind != KIND_REFLECTION && kind != KIND_RATING;
}

double model_screen_points(const struct screen *s)
{
        if (s->type != SCREEN_QUESTION || !model_kind_is_checked(s->kind))
                return 0;
        return s->points;
}

double model_possible_points(const struct module *m)
{
        double total = 0;

        for (size_t i = 0; i < m->nscreens; i++)
                total += model_screen_points(&m->screens[i]);
        return total;
}

size_t model_find_screen(const struct module *m, const char *id)
{
        for (size_t i = 0; i < m->nscreens; i++)
                if (strcmp(m->screens[i].id, id) == 0)
                        return i;
        return (size_t)-1;
}

const struct module *catalog_find(const struct catalog *c, const char *id)
{
        for (size_t i = 0; i < c->count; i++)
                if (strcmp(c->modules[i]->id, id) == 0)
                        return c->modules[i];
        return NULL;
}

void model_free(struct module **m)
{
        if (m == NULL || *m == NULL)
                return;
        /* The module struct itself lives in its own arena. */
        struct arena a = (*m)->arena;
        arena_free(&a);
        *m = NULL;
}

void catalog_free(struct catalog *c)
{
        for (size_t i = 0; i < c->count; i++)
                model_free(&c->modules[i]);
        free(c->modules);
        c->modules = NULL;
        c->count = 0;
}
