/* The two front ends, linked into the program only (not libdlfl.a):
 * main.c decides which one runs. Both only draw what the engine and its
 * presentation layer (present.h) decide. */
#ifndef DLFL_FRONT_H
#define DLFL_FRONT_H

#include "dlfl/app.h"

/* tui_run's answer when the terminal cannot be driven (no cursor
 * addressing, or curses cannot start on it): line mode is then the
 * honest choice, and nothing has been shown yet. */
#define FRONT_NO_TERMINAL (-1)

/* The plain line mode; returns the exit status. */
int plain_run(struct app *app);
/* The ncurses player; returns the exit status, or FRONT_NO_TERMINAL. */
int tui_run(struct app *app);

#endif
