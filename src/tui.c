#include <curses.h>
#include <stdio.h>

#include "dlfl/app.h"

int tui_run(struct app *app)
{
	return plain_run(app);
}
