#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "dlfl/app.h"
#include "dlfl/builtin.h"
#include "dlfl/loader.h"
#include "dlfl/xalloc.h"

static bool is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool load_builtin(struct app *app, struct diag_list *diags)
{
	bool ok = true;

	for (size_t i = 0; i < builtin_module_count; i++) {
		const struct builtin_module *b = &builtin_modules[i];
		char *name = xasprintf("builtin:%s", b->name);
		struct module *m =
			loader_load_buffer(name, (const char *)b->data, b->size, diags);

		free(name);
		if (m == NULL) {
			ok = false;
			continue;
		}
		m->source = "built in";
		if (!loader_add(&app->catalog, m, diags))
			ok = false;
	}
	loader_sort(&app->catalog);
	return ok;
}

/* -m DIR..., else $DLFL_MODULES (colon-separated), else the installed
 * directory, else the copies built into the binary. */
bool app_load_modules(struct app *app)
{
	struct diag_list diags = {0};
	bool ok = true;
	const char *env = getenv("DLFL_MODULES");
	const char *installed = DLFL_DATADIR "/dlfl/modules";

	if (app->nmodules > 0) {
		for (size_t i = 0; i < app->nmodules; i++)
			ok &= loader_load_path(&app->catalog, app->modules[i], NULL, &diags);
	} else if (env != NULL && env[0] != '\0') {
		char *copy = xstrdup(env);
		char *save = NULL;

		for (char *p = strtok_r(copy, ":", &save); p; p = strtok_r(NULL, ":", &save))
			ok &= loader_load_path(&app->catalog, p, NULL, &diags);
		free(copy);
	} else if (is_dir(installed)) {
		ok = loader_load_path(&app->catalog, installed, NULL, &diags);
	} else {
		ok = load_builtin(app, &diags);
	}
	diag_sort(&diags);
	diag_print(&diags, stderr);
	if (ok && app->catalog.count == 0) {
		fputs("dlfl: no modules found; give a directory with -m DIR\n", stderr);
		ok = false;
	}
	diag_free(&diags);
	return ok;
}
