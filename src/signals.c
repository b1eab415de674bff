/* The player's signals: see signals.h. */
#include <string.h>

#include "dlfl/signals.h"

volatile sig_atomic_t signals_stop;
volatile sig_atomic_t signals_interrupt;

static const int terminating[] = {
    SIGHUP,    SIGTERM,   SIGQUIT, SIGPIPE, SIGALRM, SIGUSR1,
    SIGUSR2,   SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ,
#ifdef SIGPOLL
    SIGPOLL,
#endif
#ifdef SIGPWR
    SIGPWR,
#endif
#ifdef SIGSTKFLT
    SIGSTKFLT,
#endif
};

static const int kiosk_ignored[] = {SIGINT,  SIGQUIT, SIGTSTP, SIGTTIN,
                                    SIGTTOU, SIGUSR1, SIGUSR2, SIGALRM};

static void on_stop(int sig)
{
        signals_stop = sig;
}

static void on_interrupt(int sig)
{
        (void)sig;
        signals_interrupt = 1;
}

static void set(int sig, void (*fn)(int))
{
        struct sigaction sa;

        memset(&sa, 0, sizeof sa);
        sa.sa_handler = fn;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = 0; /* no SA_RESTART: a signal wakes the wait for a key */
        sigaction(sig, &sa, NULL);
}

void signals_ignore_kiosk(bool kiosk)
{
        if (!kiosk)
                return;
        for (size_t i = 0; i < sizeof kiosk_ignored / sizeof kiosk_ignored[0]; i++)
                set(kiosk_ignored[i], SIG_IGN);
}

void signals_install(bool kiosk)
{
        for (size_t i = 0; i < sizeof terminating / sizeof terminating[0]; i++)
                set(terminating[i], on_stop);
        if (!kiosk)
                set(SIGINT, on_interrupt);
        signals_ignore_kiosk(kiosk);
}
