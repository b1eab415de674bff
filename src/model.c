#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dlfl/kinds.h"
#include "dlfl/model.h"

const char *const model_pksb_areas[] = {
    "Ethics and values",
    "Organising knowledge and information",
    "Knowledge and information management",
    "Using and exploiting knowledge and information",
    "Research skills",
    "Information governance and compliance",
    "Records management and archiving",
    "Collection management and development",
    "Literacies and learning",
    "Leadership and advocacy",
    "Strategy, planning and management",
    "Customer focus, service design and marketing",
    "IT and communication",
    "Wider library, information and knowledge sector context",
    "Wider organisational and environmental context",
    NULL,
};

bool model_parse_date(const char *iso, int *year, int *month, int *day)
{
        static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        int y = 0, mo = 0, d = 0;

        if (iso == NULL || strlen(iso) != 10 || iso[4] != '-' || iso[7] != '-')
                return false;
        for (int i = 0; i < 10; i++)
                if (i != 4 && i != 7 && (iso[i] < '0' || iso[i] > '9'))
                        return false;
        y = (iso[0] - '0') * 1000 + (iso[1] - '0') * 100 + (iso[2] - '0') * 10 + (iso[3] - '0');
        mo = (iso[5] - '0') * 10 + (iso[6] - '0');
        d = (iso[8] - '0') * 10 + (iso[9] - '0');
        if (y < 1000 || mo < 1 || mo > 12 || d < 1)
                return false;
        bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        if (d > days[mo - 1] + (mo == 2 && leap))
                return false;
        *year = y;
        *month = mo;
        *day = d;
        return true;
}

const char *model_kind_name(enum question_kind kind)
{
        const struct kind_ops *k = kind_ops(kind);

        return k != NULL ? k->name : "?";
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
        const struct kind_ops *k = kind_ops(kind);

        return k != NULL && k->checked;
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
