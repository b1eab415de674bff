/* Signals for the player, the same in both front ends. Handlers only set
 * flags; the main loop sees them, saves, restores the terminal and leaves.
 *
 * - Every catchable signal whose default is to end the program (SIGHUP,
 *   SIGTERM, SIGQUIT, SIGPIPE, SIGALRM, SIGUSR1, SIGUSR2, SIGVTALRM,
 *   SIGPROF, SIGXCPU, SIGXFSZ, ...) sets signals_stop, so the learner's
 *   work is saved and the terminal restored first. SIGPIPE means the output
 *   is gone: the program ends quietly.
 * - SIGINT asks before quitting (signals_interrupt), outside kiosk mode.
 * - In kiosk mode SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU, SIGUSR1,
 *   SIGUSR2 and SIGALRM are ignored: only SIGTERM and SIGHUP (and the
 *   other terminating signals nobody sends by accident) end it. */
#ifndef DLFL_SIGNALS_H
#define DLFL_SIGNALS_H

#include <signal.h>
#include <stdbool.h>

/* The terminating signal caught, or 0. */
extern volatile sig_atomic_t signals_stop;
/* Set by SIGINT (outside kiosk mode); the loop clears it once handled. */
extern volatile sig_atomic_t signals_interrupt;

/* The kiosk's ignored signals, before the terminal is set up (so curses
 * does not install its own stop handler). */
void signals_ignore_kiosk(bool kiosk);
/* Installs the handlers (without SA_RESTART: a signal ends a wait). */
void signals_install(bool kiosk);

#endif
