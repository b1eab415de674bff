/* Module files and directories: reading within the size limit, finding
 * *.yaml and *.yml in name order, and keeping module ids unique. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dlfl/loader.h"
#include "dlfl/xalloc.h"

/* Reads at most the limit plus one byte, so an endless or huge input (a
 * pipe, /dev/zero) is refused without reading it all. */
static char *read_limited(int fd, size_t *len, int *err)
{
	size_t cap = 64 * 1024, n = 0;
	char *buf = xmalloc(cap);

	for (;;) {
		if (n == cap) {
			if (cap > MODEL_MAX_FILE)
				break;
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
		ssize_t r = read(fd, buf + n, cap - n);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			*err = errno;
			free(buf);
			return NULL;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	*len = n;
	return buf;
}

struct module *loader_load_file(const char *path, struct diag_list *diags)
{
	const char *file = diag_file(diags, path);
	struct stat st;
	struct module *m;
	size_t len = 0;
	int err = 0;
	char *buf;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0) {
		diag_add(diags, file, 0, 0, D_FILE_OPEN, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		diag_add(diags, file, 0, 0, D_FILE_READ, strerror(EISDIR));
		return NULL;
	}
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size > MODEL_MAX_FILE) {
		close(fd);
		diag_add(diags, file, 0, 0, D_FILE_TOO_BIG, (unsigned long long)st.st_size);
		return NULL;
	}
	buf = read_limited(fd, &len, &err);
	close(fd);
	if (buf == NULL) {
		diag_add(diags, file, 0, 0, D_FILE_READ, strerror(err));
		return NULL;
	}
	m = loader_load_buffer(path, buf, len, diags);
	free(buf);
	return m;
}

static bool is_module_name(const char *name)
{
	size_t n = strlen(name);

	if (name[0] == '.')
		return false;
	return (n > 5 && strcmp(name + n - 5, ".yaml") == 0) ||
	       (n > 4 && strcmp(name + n - 4, ".yml") == 0);
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

bool loader_add(struct catalog *cat, struct module *m, struct diag_list *diags)
{
	for (size_t i = 0; i < cat->count; i++) {
		if (strcmp(cat->modules[i]->id, m->id) == 0) {
			diag_add(diags, diag_file(diags, m->path), m->id_line, m->id_column,
				 D_DUP_MODULE_ID, m->id, cat->modules[i]->path);
			model_free(&m);
			return false;
		}
	}
	cat->modules = xrealloc(cat->modules, (cat->count + 1) * sizeof(*cat->modules));
	cat->modules[cat->count++] = m;
	return true;
}

static bool load_one(struct catalog *cat, const char *path, const char *source,
		     struct diag_list *diags)
{
	size_t errors = diags->errors;
	struct module *m = loader_load_file(path, diags);

	if (m == NULL)
		return diags->errors == errors;
	m->source = source ? arena_strdup(&m->arena, source) : m->path;
	return loader_add(cat, m, diags);
}

bool loader_load_path(struct catalog *cat, const char *path, const char *source,
		      struct diag_list *diags)
{
	struct stat st;
	DIR *dir;
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, cap = 0;
	bool ok = true;

	if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
		ok = load_one(cat, path, source, diags);
		loader_sort(cat);
		return ok;
	}
	dir = opendir(path);
	if (dir == NULL) {
		diag_add(diags, diag_file(diags, path), 0, 0, D_DIR_OPEN, strerror(errno));
		return false;
	}
	while ((de = readdir(dir)) != NULL) {
		if (!is_module_name(de->d_name))
			continue;
		names = xgrow(names, &cap, n + 1, sizeof(*names));
		names[n++] = xstrdup(de->d_name);
	}
	closedir(dir);
	qsort(names, n, sizeof(*names), compare_names);
	if (n == 0)
		diag_add(diags, diag_file(diags, path), 0, 0, W_EMPTY_DIR);
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(path);
		char *full = xasprintf("%s%s%s", path, len && path[len - 1] == '/' ? "" : "/",
				       names[i]);
		ok &= load_one(cat, full, source ? source : path, diags);
		free(full);
		free(names[i]);
	}
	free(names);
	loader_sort(cat);
	return ok;
}

static int compare_modules(const void *a, const void *b)
{
	const struct module *x = *(struct module *const *)a, *y = *(struct module *const *)b;

	if (x->has_order != y->has_order)
		return x->has_order ? -1 : 1;
	if (x->has_order && x->order != y->order)
		return x->order < y->order ? -1 : 1;
	int r = strcmp(x->title, y->title);
	return r != 0 ? r : strcmp(x->id, y->id);
}

void loader_sort(struct catalog *cat)
{
	if (cat->count > 1)
		qsort(cat->modules, cat->count, sizeof(*cat->modules), compare_modules);
}
