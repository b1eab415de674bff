#include <stdio.h>

#include "dlfl/app.h"

int cmd_export(struct app *app, int argc, char **argv)
{
	(void)app;
	(void)argc;
	(void)argv;
	fputs("dlfl: 'export' is not built yet\n", stderr);
	return 1;
}
