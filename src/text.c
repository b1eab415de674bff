/* Placeholder until the text renderer lands: enough for the loader's fit
 * check (plain word wrap by bytes). Replaced by the real renderer. */
#include <stdlib.h>
#include <string.h>

#include "dlfl/text.h"
#include "dlfl/xalloc.h"

void text_init(void)
{
}

static void push(struct text_lines *out, const char *s, size_t n)
{
	out->lines = xgrow(out->lines, &out->cap, out->count + 1, sizeof(*out->lines));
	out->lines[out->count++] = (struct text_line){.text = xstrndup(s, n), .len = n};
}

void text_wrap(const char *s, int width, int indent, unsigned style, struct text_lines *out)
{
	size_t len = strlen(s), start = 0;
	(void)indent;
	(void)style;
	if (width < 1)
		width = 1;
	while (start < len) {
		size_t end = start + (size_t)width;
		if (end >= len) {
			end = len;
		} else {
			size_t sp = end;
			while (sp > start && s[sp] != ' ')
				sp--;
			if (sp > start)
				end = sp;
		}
		push(out, s + start, end - start);
		start = end;
		while (start < len && s[start] == ' ')
			start++;
	}
}

void text_render_markdown(const char *md, int width, struct text_lines *out)
{
	text_wrap(md, width, 0, 0, out);
}

void text_lines_free(struct text_lines *tl)
{
	for (size_t i = 0; i < tl->count; i++)
		free(tl->lines[i].text);
	free(tl->lines);
	memset(tl, 0, sizeof(*tl));
}
