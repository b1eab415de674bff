#include <stdio.h>

#include "dlfl/app.h"

int plain_run(struct app *app)
{
	(void)app;
	fputs("dlfl: the plain player is not built yet\n", stderr);
	return 1;
}
