#include <stdio.h>

#include "dlfl/app.h"

int cmd_report(struct app *app, int argc, char **argv)
{
	(void)app;
	(void)argc;
	(void)argv;
	fputs("dlfl: 'report' is not built yet\n", stderr);
	return 1;
}
