/* What is said about who is learning: the name typed at the new-learner
 * step (the one decision both front ends act on) and the menu heading. */
#include <stdlib.h>

#include "dlfl/present.h"
#include "dlfl/store.h"
#include "dlfl/xalloc.h"

enum present_name present_new_name(struct store *st, const char *typed, char **existing,
                                   const char **why)
{
        const char *problem = store_name_problem(typed);
        const char *err = NULL;
        char **names;
        size_t n = 0;
        enum present_name kind = PRESENT_NAME_NEW;

        *existing = NULL;
        *why = NULL;
        if (problem != NULL) {
                *why = problem;
                return PRESENT_NAME_REFUSED;
        }
        /* Without a store nothing can be opened; opening says why. */
        if (st == NULL)
                return PRESENT_NAME_NEW;
        names = store_list(st, &n, &err);
        if (names == NULL) {
                *why = err != NULL ? err : PRESENT_CANNOT_OPEN;
                return PRESENT_NAME_REFUSED;
        }
        /* The same learner by the store's identity (NFKC, case folding,
         * spaces) opens that record, under the spelling it was made with;
         * its passphrase is still asked for when opening it. */
        for (size_t i = 0; i < n; i++)
                if (store_same_name(names[i], typed)) {
                        *existing = xstrdup(names[i]);
                        kind = PRESENT_NAME_EXISTING;
                        break;
                }
        store_names_free(names, n);
        return kind;
}

char *present_existing_notice(const char *name)
{
        return xasprintf("There is already a learner called %s: opening that record.", name);
}

char *present_menu_heading(const char *name)
{
        return xasprintf("Learner: %s", name != NULL ? name : "");
}
