#include <stdio.h>

#include "dlfl/app.h"

int cmd_progress(struct app *app, int argc, char **argv)
{
	(void)app;
	(void)argc;
	(void)argv;
	fputs("dlfl: 'progress' is not built yet\n", stderr);
	return 1;
}
