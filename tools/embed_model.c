/* Build tool: loads the shipped modules with the real loader and writes
 * them as C data, so the player starts without parsing YAML.  The bytes
 * of each file are kept too: a module file identical to a built-in one
 * (an installed copy) is used from the compiled model, and `dlfl check`
 * still reads the YAML.
 * usage: embed_model FILE... > builtin_modules.c */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dlfl/loader.h"

static void str(const char *s)
{
        if (s == NULL) {
                fputs("NULL", stdout);
                return;
        }
        putchar('"');
        for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
                if (*p == '"' || *p == '\\' || *p == '?')
                        printf("\\%c", *p);
                else if (*p == '\n')
                        fputs("\\n", stdout);
                else if (*p < 0x20 || *p >= 0x7F)
                        printf("\\%03o", *p);
                else
                        putchar(*p);
        }
        putchar('"');
}

static void strs(const char *name, const char *const *v, size_t n)
{
        if (n == 0)
                return;
        printf("static const char *%s[] = {", name);
        for (size_t i = 0; i < n; i++) {
                str(v[i]);
                fputs(",\n", stdout);
        }
        puts("};");
}

static void choices(const char *name, const struct choice *c, size_t n)
{
        if (n == 0)
                return;
        printf("static struct choice %s[] = {\n", name);
        for (size_t i = 0; i < n; i++) {
                fputs("\t{", stdout);
                str(c[i].text);
                fputs(", ", stdout);
                str(c[i].feedback);
                printf(", %d, %zu},\n", c[i].correct, c[i].next);
        }
        puts("};");
}

static const char *ref(char *buf, size_t size, const char *name, size_t n)
{
        snprintf(buf, size, "%s", n ? name : "NULL");
        return buf;
}

static void screen_data(int mi, size_t si, const struct screen *s)
{
        char name[128];

        snprintf(name, sizeof name, "m%d_s%zu_choices", mi, si);
        choices(name, s->choices, s->nchoices);
        snprintf(name, sizeof name, "m%d_s%zu_answers", mi, si);
        strs(name, s->answers, s->nanswers);
        snprintf(name, sizeof name, "m%d_s%zu_items", mi, si);
        strs(name, s->items, s->nitems);
        snprintf(name, sizeof name, "m%d_s%zu_scale", mi, si);
        strs(name, s->scale, s->nscale);
        snprintf(name, sizeof name, "m%d_s%zu_hints", mi, si);
        strs(name, s->hints, s->nhints);
        if (s->npairs) {
                printf("static struct pair m%d_s%zu_pairs[] = {\n", mi, si);
                for (size_t i = 0; i < s->npairs; i++) {
                        fputs("\t{", stdout);
                        str(s->pairs[i].left);
                        fputs(", ", stdout);
                        str(s->pairs[i].right);
                        puts("},");
                }
                puts("};");
        }
        for (size_t k = 0; k < s->nsteps; k++) {
                snprintf(name, sizeof name, "m%d_s%zu_st%zu_choices", mi, si, k);
                choices(name, s->steps[k].choices, s->steps[k].nchoices);
        }
        if (s->nsteps) {
                printf("static struct step m%d_s%zu_steps[] = {\n", mi, si);
                for (size_t k = 0; k < s->nsteps; k++) {
                        const struct step *st = &s->steps[k];
                        fputs("\t{", stdout);
                        str(st->id);
                        fputs(", ", stdout);
                        str(st->text);
                        snprintf(name, sizeof name, "m%d_s%zu_st%zu_choices", mi, si, k);
                        printf(", %s, %zu, %d},\n", st->nchoices ? name : "NULL", st->nchoices,
                               (int)st->ending);
                }
                puts("};");
        }
}

static void field(const char *key, const char *s)
{
        printf(" .%s = ", key);
        str(s);
        putchar(',');
}

static void screen(int mi, size_t si, const struct screen *s)
{
        char b[128], n[128];

        printf("\t{.type = %d, .section = %zu, .line = %u, .kind = %d,", (int)s->type, s->section,
               s->line, (int)s->kind);
        field("id", s->id);
        field("title", s->title);
        field("body", s->body);
        field("prompt", s->prompt);
        field("feedback_true", s->feedback_true);
        field("feedback_false", s->feedback_false);
        field("explanation", s->explanation);
        field("feedback_correct", s->feedback_correct);
        field("feedback_incorrect", s->feedback_incorrect);
        field("reflection", s->reflection);
        printf("\n\t .typos = %d,", s->typos);
        printf("\n\t .shuffle = %d, .answer_true = %d, .number = %.17g, .tolerance = %.17g,"
               " .attempts = %d, .points = %.17g, .penalty = %.17g, .start = %zu,\n",
               s->shuffle, s->answer_true, s->number, s->tolerance, s->attempts, s->points,
               s->penalty, s->start);
#define LIST(member, count, suffix)                                                                \
        snprintf(n, sizeof n, "m%d_s%zu_" suffix, mi, si);                                         \
        printf("\t ." #member " = %s, ." #count " = %zu,\n", ref(b, sizeof b, n, s->count),        \
               s->count)
        LIST(choices, nchoices, "choices");
        LIST(answers, nanswers, "answers");
        LIST(items, nitems, "items");
        LIST(pairs, npairs, "pairs");
        LIST(scale, nscale, "scale");
        LIST(hints, nhints, "hints");
        LIST(steps, nsteps, "steps");
#undef LIST
        puts("\t},");
}

static void module(int mi, const struct module *m)
{
        char name[128];

        for (size_t i = 0; i < m->nscreens; i++)
                screen_data(mi, i, &m->screens[i]);
        printf("static struct screen m%d_screens[] = {\n", mi);
        for (size_t i = 0; i < m->nscreens; i++)
                screen(mi, i, &m->screens[i]);
        puts("};");
        printf("static struct section m%d_sections[] = {\n", mi);
        for (size_t i = 0; i < m->nsections; i++) {
                const struct section *s = &m->sections[i];
                fputs("\t{", stdout);
                str(s->id);
                fputs(", ", stdout);
                str(s->title);
                printf(", %zu, %zu},\n", s->first, s->count);
        }
        puts("};");
        snprintf(name, sizeof name, "m%d_outcomes", mi);
        strs(name, m->outcomes, m->noutcomes);
        snprintf(name, sizeof name, "m%d_tags", mi);
        strs(name, m->tags, m->ntags);
        snprintf(name, sizeof name, "m%d_pksb", mi);
        strs(name, m->pksb, m->npksb);
        printf("static struct module m%d_model = {.format = %d,", mi, m->format);
        field("id", m->id);
        field("title", m->title);
        field("summary", m->summary);
        printf("\n\t.order = %ld, .has_order = %d, .minutes = %d, .pass_mark = %.17g,\n", m->order,
               m->has_order, m->minutes, m->pass_mark);
        snprintf(name, sizeof name, "m%d_outcomes", mi);
        printf("\t.outcomes = %s, .noutcomes = %zu,\n", m->noutcomes ? name : "NULL", m->noutcomes);
        snprintf(name, sizeof name, "m%d_tags", mi);
        printf("\t.tags = %s, .ntags = %zu,\n", m->ntags ? name : "NULL", m->ntags);
        snprintf(name, sizeof name, "m%d_pksb", mi);
        printf("\t.pksb = %s, .npksb = %zu,", m->npksb ? name : "NULL", m->npksb);
        field("reviewed", m->reviewed);
        puts("");
        printf("\t.sections = m%d_sections, .nsections = %zu, .screens = m%d_screens, .nscreens = "
               "%zu,\n\t.id_line = %u, .id_column = %u, .digest = \"%s\"};\n",
               mi, m->nsections, mi, m->nscreens, m->id_line, m->id_column, m->digest);
}

int main(int argc, char **argv)
{
        struct diag_list diags = {0};
        struct module **mods = calloc((size_t)argc, sizeof(*mods));
        int status = 0;

        puts("/* Generated by tools/embed_model from modules/: do not edit. */\n"
             "#include <stddef.h>\n#include \"dlfl/builtin.h\"\n"
             "#pragma GCC diagnostic ignored \"-Woverlength-strings\"\n"
             "#pragma GCC diagnostic ignored \"-Wmissing-field-initializers\"");
        for (int i = 1; i < argc; i++) {
                FILE *f = fopen(argv[i], "rb");
                int c, col = 0;

                mods[i] = loader_load_file(argv[i], &diags);
                if (mods[i] == NULL || f == NULL) {
                        status = 1;
                        continue;
                }
                module(i, mods[i]);
                printf("static const unsigned char m%d_bytes[] = {\n", i);
                while ((c = getc(f)) != EOF)
                        printf("%d,%s", c, ++col % 24 ? "" : "\n");
                puts("0};");
                fclose(f);
        }
        puts("const struct builtin_module builtin_modules[] = {");
        for (int i = 1; i < argc; i++) {
                const char *base = strrchr(argv[i], '/');
                if (mods[i] == NULL)
                        continue;
                fputs("\t{", stdout);
                str(base ? base + 1 : argv[i]);
                printf(", m%d_bytes, sizeof m%d_bytes - 1, &m%d_model},\n", i, i, i);
        }
        puts("\t{NULL, NULL, 0, NULL}};");
        printf("const size_t builtin_module_count = %d;\n", argc - 1);
        diag_print(&diags, stderr);
        for (int i = 1; i < argc; i++)
                model_free(&mods[i]);
        free(mods);
        diag_free(&diags);
        return status || ferror(stdout) || fflush(stdout) != 0;
}
