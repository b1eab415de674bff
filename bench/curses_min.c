/* The baseline for start-up: links the libraries dlfl links, starts
 * curses, draws one line, waits for a key, and ends curses. */
#include <curses.h>
#include <locale.h>
#include <yaml.h>

int main(void)
{
	setlocale(LC_ALL, "");
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
