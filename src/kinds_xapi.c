/* xAPI text and components shared by the kinds' rows and the statement
 * writer; see kinds_xapi.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dlfl/xalloc.h"
#include "kinds_xapi.h"

char *xapi_plain(const char *md)
{
        char *s = xstrdup(md != NULL ? md : "");
        size_t len = strlen(s);

        while (len > 0 && (s[len - 1] == '\n' || s[len - 1] == ' '))
                s[--len] = '\0';
        return s;
}

void xapi_lang_map(struct json *j, const char *key, const char *text)
{
        json_object_begin(j, key);
        json_string(j, XAPI_LANG, text);
        json_object_end(j);
}

void xapi_components(struct json *j, const char *key, const char *const *texts, size_t n,
                     size_t first_id)
{
        char id[32];

        json_array_begin(j, key);
        for (size_t i = 0; i < n; i++) {
                char *t = xapi_plain(texts[i]);

                snprintf(id, sizeof(id), "%zu", i + first_id);
                json_object_begin(j, NULL);
                json_string(j, "id", id);
                xapi_lang_map(j, "description", t);
                json_object_end(j);
                free(t);
        }
        json_array_end(j);
}
