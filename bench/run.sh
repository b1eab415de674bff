#!/bin/sh
# dlfl's benchmark: every figure side by side with a baseline measured in
# the same run. Instruction counts come from callgrind (repeatable whatever
# else the machine does); wall times are medians of several runs.
set -u
cd "$(dirname "$0")/.."
: "${BUILD:=build}"
B=$BUILD/bench
DLFL=$PWD/dlfl
RUNS=${RUNS:-5}
# `run.sh startup` measures only the start-up and player memory rows.
full=true
[ "${1:-}" = startup ] && full=false
tmp=$(mktemp -d) || exit 1
sock=dlfl-bench-$$
trap 'tmux -L "$sock" kill-server 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM

# Instructions a command executes, from callgrind.
instr() {
	valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" "$@" >/dev/null 2>"$tmp/cg.err"
	sed -n 's/^summary: *//p' "$tmp/cg.out" | head -1
}
# Median wall time of a command in milliseconds.
wall_ms() {
	i=0
	: >"$tmp/times"
	while [ $i -lt "$RUNS" ]; do
		s=$(date +%s%N)
		"$@" >/dev/null 2>&1
		e=$(date +%s%N)
		echo $(((e - s) / 1000)) >>"$tmp/times"
		i=$((i + 1))
	done
	sort -n "$tmp/times" | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
verdict() { awk -v r="$1" -v t="$2" 'BEGIN { print (r <= t) ? "met" : "MISSED" }'; }
row() { printf '%-34s %14s %14s %7s %8s %s\n' "$@"; }

# Runs a curses program in a private tmux at 80x24 under a wrapper, waits
# for WAIT on the screen, then types KEYS and waits for it to end.
in_tmux() { # in_tmux WAIT KEYS COMMAND...
	wait=$1 keys=$2
	shift 2
	rm -f "$tmp/done" "$tmp/pid"
	# The command records its own pid (exec keeps it, valgrind runs in the
	# same process), so only it is signalled, never another user's run.
	tmux -L "$sock" -f /dev/null new-session -d -x 80 -y 24 \
		"sh -c 'echo \$\$ >$tmp/pid; exec env TERM=xterm-256color LANG=C.UTF-8 $*' 2>$tmp/tmux.err; echo done >$tmp/done"
	n=0
	until tmux -L "$sock" capture-pane -p 2>/dev/null | grep -q "$wait"; do
		n=$((n + 1))
		[ $n -gt 600 ] && break
		sleep 0.1
	done
	for k in $keys; do
		case $k in
		# TERM sends SIGTERM to the command
		TERM) kill -TERM "$(cat "$tmp/pid")" ;;
		# DUMP has callgrind write its counts so far (to FILE.1)
		DUMP) callgrind_control -d "$(cat "$tmp/pid")" >/dev/null 2>&1; sleep 0.5 ;;
		*) tmux -L "$sock" send-keys "$k" ;;
		esac
		sleep 0.05
	done
	n=0
	until [ -f "$tmp/done" ]; do
		n=$((n + 1))
		[ $n -gt 600 ] && break
		sleep 0.1
	done
	tmux -L "$sock" kill-server 2>/dev/null
}

if $full; then
echo "Generating modules..."
"$B/gen_module" 7600000 big >"$tmp/big.yaml"
size=$(wc -c <"$tmp/big.yaml")
for n in 1 10 100; do
	mkdir -p "$tmp/m$n"
	i=0
	while [ $i -lt $n ]; do "$B/gen_module" 40000 "g$i" >"$tmp/m$n/g$i.yaml"; i=$((i + 1)); done
done

fi
echo
row "measure" "dlfl" "baseline" "ratio" "target" "verdict"
row "-------" "----" "--------" "-----" "------" "-------"

if $full; then
# Load: dlfl check against libyaml's event scan of the same file.
a=$(instr "$DLFL" check "$tmp/big.yaml")
b=$(instr "$B/yaml_scan" "$tmp/big.yaml")
r=$(ratio "$a" "$b")
row "load 7.5 MB, instructions" "$a" "$b" "$r" "1.5x" "$(verdict "$r" 1.5)"
a=$(wall_ms "$DLFL" check "$tmp/big.yaml")
b=$(wall_ms "$B/yaml_scan" "$tmp/big.yaml")
r=$(ratio "$a" "$b")
row "load 7.5 MB, ms (median of $RUNS)" "$a" "$b" "$r" "1.5x" "$(verdict "$r" 1.5)"

fi
# Start-up: exec to the module menu drawn, against curses alone. Once the
# screen shows it, callgrind writes what was counted so far; then both end.
mkdir -p "$tmp/data"
in_tmux "Digital Leadership" "DUMP TERM" valgrind --tool=callgrind \
	--callgrind-out-file="$tmp/start.out" "$DLFL" -m modules -d "$tmp/data" -l Bench
a=$(sed -n 's/^summary: *//p' "$tmp/start.out.1" 2>/dev/null | head -1)
in_tmux "ready" "DUMP TERM" valgrind --tool=callgrind \
	--callgrind-out-file="$tmp/min.out" "$B/curses_min"
b=$(sed -n 's/^summary: *//p' "$tmp/min.out.1" 2>/dev/null | head -1)
r=$(ratio "${a:-0}" "${b:-0}")
row "start-up to menu, instructions" "${a:-?}" "${b:-?}" "$r" "2x" "$(verdict "$r" 2)"

# The same start-up with an LRS set up in the settings: the player only
# queues statements; libcurl (dlopen in a sync) and cairo/pango (the
# dlfl-certificate helper) are never loaded by it.
printf 'lrs:\n  endpoint: http://127.0.0.1:9/xAPI/\n  key: k\n  secret: s\n' >"$tmp/lrs.yaml"
chmod 600 "$tmp/lrs.yaml"
in_tmux "Digital Leadership" "DUMP TERM" valgrind --tool=callgrind \
	--callgrind-out-file="$tmp/lrs.out" "$DLFL" -c "$tmp/lrs.yaml" -m modules -d "$tmp/data" -l Bench
c=$(sed -n 's/^summary: *//p' "$tmp/lrs.out.1" 2>/dev/null | head -1)
r=$(ratio "${c:-0}" "${a:-0}")
row "start-up with an LRS set, instr." "${c:-?}" "${a:-?} (none)" "$r" "1.1x" "$(verdict "$r" 1.1)"
n=$(ldd "$DLFL" | grep -c '=>')
pdf=$(ldd "$DLFL" | grep -Ec 'cairo|pango|curl|ssl')
row "shared libraries of the player" "$n" "-" "-" "-" "measured"
row "of them cairo, pango, curl, ssl" "$pdf" "0" "-" "0" "$(verdict "$pdf" 0)"

# Memory: peak RSS of the player on the shipped modules, and of loading the
# 7.5 MB module against the file's own size.
in_tmux "Digital Leadership" "q y" "$B/peak_rss" "$DLFL" -m modules -d "$tmp/data" -l Bench
a=$(sed -n 's/^peak_rss_kib //p' "$tmp/tmux.err")
in_tmux "ready" "q" "$B/peak_rss" "$B/curses_min"
b=$(sed -n 's/^peak_rss_kib //p' "$tmp/tmux.err")
row "peak RSS, player, KiB" "${a:-?}" "${b:-?}" "$(ratio "${a:-0}" "${b:-0}")" "4096 KiB" \
	"$(verdict "${a:-99999}" 4096)"
in_tmux "Digital Leadership" "q y" "$B/peak_rss" "$DLFL" -c "$tmp/lrs.yaml" -m modules -d "$tmp/data" \
	-l Bench
c=$(sed -n 's/^peak_rss_kib //p' "$tmp/tmux.err")
r=$(ratio "${c:-0}" "${a:-0}")
row "peak RSS, player with an LRS set" "${c:-?}" "${a:-?} (none)" "$r" "1.1x" "$(verdict "$r" 1.1)"
if $full; then
a=$("$B/peak_rss" "$DLFL" check "$tmp/big.yaml" 2>&1 >/dev/null | sed -n 's/^peak_rss_kib //p')
b=$((size / 1024))
r=$(ratio "$a" "$b")
row "peak RSS, 7.5 MB module, KiB" "$a" "$b (file)" "$r" "3x" "$(verdict "$r" 3)"
fi

if $full; then
# Growth: 1, 10 and 100 modules of one size.
g1=$(instr "$DLFL" check "$tmp/m1")
g10=$(instr "$DLFL" check "$tmp/m10")
g100=$(instr "$DLFL" check "$tmp/m100")
r=$(ratio "$g10" "$g1")
row "growth 1 -> 10 modules" "$g10" "$g1" "$r" "11x" "$(verdict "$r" 11)"
r=$(ratio "$g100" "$g10")
row "growth 10 -> 100 modules" "$g100" "$g10" "$r" "11x" "$(verdict "$r" 11)"

# A screen change: instructions per key press while scrolling a long
# lesson, as the difference between 40 and 20 presses.
"$B/gen_module" 20000 keys >"$tmp/keys.yaml"
mkdir -p "$tmp/keys" && mv "$tmp/keys.yaml" "$tmp/keys/"
for n in 20 40; do
	keys="Enter Enter"
	i=0
	while [ $i -lt $n ]; do keys="$keys j"; i=$((i + 1)); done
	rm -rf "$tmp/data"
	mkdir -p "$tmp/data"
	in_tmux "Benchmark keys" "$keys q y" valgrind --tool=callgrind \
		--callgrind-out-file="$tmp/k$n.out" "$DLFL" -m "$tmp/keys" -d "$tmp/data" -l Bench
done
k20=$(sed -n 's/^summary: *//p' "$tmp/k20.out" 2>/dev/null | head -1)
k40=$(sed -n 's/^summary: *//p' "$tmp/k40.out" 2>/dev/null | head -1)
per=$(awk -v a="${k40:-0}" -v b="${k20:-0}" 'BEGIN { printf "%d", (a - b) / 20 }')
row "key press on a long lesson, instr." "$per" "-" "-" "-" "measured"

# The binary.
cp "$DLFL" "$tmp/dlfl.stripped" && strip "$tmp/dlfl.stripped"
cp "$B/curses_min" "$tmp/min.stripped" && strip "$tmp/min.stripped"
a=$(wc -c <"$tmp/dlfl.stripped")
b=$(wc -c <"$tmp/min.stripped")
row "stripped binary, bytes" "$a" "$b" "$(ratio "$a" "$b")" "-" "measured"
fi
echo
echo "Baselines: yaml_scan pulls libyaml events only; curses_min starts and ends"
echo "curses with the same libraries linked. Modules in the growth rows are 40 kB each."
