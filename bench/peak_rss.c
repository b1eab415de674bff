/* Runs a command and prints its peak resident set size in KiB to stderr
 * (from wait4's rusage), so memory is measured without extra packages. */
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
        struct rusage ru;
        int status;
        pid_t pid;

        if (argc < 2)
                return 2;
        pid = fork();
        if (pid == 0) {
                execvp(argv[1], argv + 1);
                _exit(127);
        }
        if (pid < 0 || wait4(pid, &status, 0, &ru) < 0)
                return 1;
        fprintf(stderr, "peak_rss_kib %ld\n", ru.ru_maxrss);
        return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
