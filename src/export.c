/* The registry of export formats: one row a format. `dlfl export` finds
 * its format here, the usage text and messages list the names from here,
 * and nothing else knows which formats there are. */
#include <string.h>

#include "dlfl/export.h"
#include "dlfl/xalloc.h"

/* The writers that need no settings, in the registry's shape. */
static bool write_cpd(FILE *out, const struct catalog *c, const struct learner_record *r,
                      const struct settings *settings, time_t now, const char **err)
{
        (void)settings;
        return export_cpd(out, c, r, now, err);
}

static bool write_csv(FILE *out, const struct catalog *c, const struct learner_record *r,
                      const struct settings *settings, time_t now, const char **err)
{
        (void)settings;
        return export_csv(out, c, r, now, err);
}

static bool write_certificate(FILE *out, const struct catalog *c, const struct learner_record *r,
                              const struct settings *settings, time_t now, const char **err)
{
        (void)settings;
        return export_certificate(out, c, r, now, err);
}

const struct export_format export_formats[] = {
    {"cpd", "CPD log (Markdown)", "md", false, write_cpd},
    {"xapi", "xAPI statements (JSON)", "json", false, export_xapi_with},
    {"csv", "one row per module attempt (CSV)", "csv", false, write_csv},
    {"certificate", "certificate of passed modules (PDF)", "pdf", true, write_certificate},
};
const size_t export_nformats = sizeof(export_formats) / sizeof(export_formats[0]);

const struct export_format *export_find(const char *name)
{
        if (name == NULL)
                return NULL;
        for (size_t i = 0; i < export_nformats; i++)
                if (strcmp(name, export_formats[i].name) == 0)
                        return &export_formats[i];
        return NULL;
}

char *export_names(const char *sep, const char *last)
{
        size_t len = 1;
        char *s;

        for (size_t i = 0; i < export_nformats; i++)
                len += strlen(export_formats[i].name) + strlen(sep) + strlen(last);
        s = xmalloc(len);
        s[0] = '\0';
        for (size_t i = 0; i < export_nformats; i++) {
                if (i > 0)
                        strcat(s, i + 1 == export_nformats ? last : sep);
                strcat(s, export_formats[i].name);
        }
        return s;
}
