/* The baseline for start-up: links the libraries dlfl links, starts
 * curses, draws one line, and waits; a key or SIGTERM ends curses and the
 * program, as SIGTERM ends dlfl (which saves first). */
#include <curses.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <yaml.h>

static void on_term(int sig)
{
        (void)sig;
        endwin();
        exit(0);
}

int main(void)
{
        setlocale(LC_ALL, "");
        signal(SIGTERM, on_term);
        initscr();
        cbreak();
        noecho();
        keypad(stdscr, TRUE);
        mvaddstr(0, 0, "ready");
        refresh();
        getch();
        endwin();
        return yaml_get_version_string() == NULL;
}
