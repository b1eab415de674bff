/* libFuzzer target for the record parser: no input may crash, hang or
 * leak, and whatever the parser accepts must be written so that it reads
 * back the same: emitting after parsing is a fixed point. Built and run by
 * `make fuzz` (scripts/fuzz.sh). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dlfl/store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *emit_or_die(const struct learner_record *r, size_t *len)
{
        const char *err = NULL;
        char *out = store_yaml_emit(r, len, &err);

        if (out == NULL) {
                fprintf(stderr, "a parsed record cannot be written: %s\n", err);
                abort();
        }
        return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        char *why = NULL;
        struct learner_record *r = store_yaml_parse((const char *)data, size, &why);
        size_t len1, len2;
        char *once, *twice;

        if (r == NULL) {
                free(why);
                return 0;
        }
        once = emit_or_die(r, &len1);
        record_free(&r);
        r = store_yaml_parse(once, len1, &why);
        if (r == NULL) {
                fprintf(stderr, "what was written does not read back: %s\n---\n%s---\n", why, once);
                abort();
        }
        twice = emit_or_die(r, &len2);
        if (len1 != len2 || memcmp(once, twice, len1) != 0) {
                fprintf(stderr, "written twice, differs:\n---\n%s---\n%s---\n", once, twice);
                abort();
        }
        record_free(&r);
        free(once);
        free(twice);
        return 0;
}
