#!/bin/sh
# dlfl sync against a real LRS (Learning Locker's xapi-statements, from
# npm, cached by scripts/deps.sh in $BUILD/npm), started here on 127.0.0.1
# and stopped by PID, with tests/lrs/proxy.js between them playing a bad
# network. Every statement must reach the LRS exactly once: through a
# second sync, the LRS down, 500s, slow answers, a SIGKILL mid-send, one
# statement the LRS refuses; "forget me" voids what was sent, once, and
# never voids a voiding statement; the player syncs in the background. Every statement is checked with xapi-validation.
cd "$(dirname "$0")/../.." || exit 1
root=$PWD
: "${BUILD:=build}"
case $BUILD in /*) ;; *) BUILD=$root/$BUILD ;; esac
npm_dir=$BUILD/npm
. tests/e2e/export_fixture.inc
lrs_pid= proxy_pid= sync_pid=
stop() {
	for p in $sync_pid $proxy_pid $lrs_pid; do kill "$p" 2>/dev/null; done
	rm -rf "$tmp"
}
trap stop EXIT INT TERM

if ! command -v node >/dev/null 2>&1 || [ ! -f "$npm_dir/node_modules/xapi-statements/dist/server.js" ]; then
	sh scripts/deps.sh test "$BUILD" >/dev/null 2>&1
fi
if ! command -v node >/dev/null 2>&1 || [ ! -f "$npm_dir/node_modules/xapi-statements/dist/server.js" ]; then
	ok "LRS tests # SKIP node or the xapi-statements package is not installed (make deps-test)"
	exit 0
fi
export NODE_PATH=$npm_dir/node_modules

# Ports: one for the LRS, one for the proxy, picked from the PID so two
# runs at once do not collide, and tried until one is free.
start_lrs() {
	for try in 1 2 3 4 5 6 7 8; do
		lrs_port=$((20000 + ($$ * 7 + try * 131) % 20000))
		(cd "$npm_dir" && EXPRESS_PORT=$lrs_port AUTH_REPO=test EVENTS_REPO=test MODELS_REPO=memory \
			STORAGE_REPO=local exec node node_modules/xapi-statements/dist/server.js) \
			>"$tmp/lrs.log" 2>&1 &
		lrs_pid=$!
		for i in $(seq 1 150); do
			if node -e 'fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))' \
				"http://127.0.0.1:$lrs_port/xAPI/about" 2>/dev/null; then
				return 0
			fi
			kill -0 "$lrs_pid" 2>/dev/null || break
			sleep 0.2
		done
		kill "$lrs_pid" 2>/dev/null
		wait "$lrs_pid" 2>/dev/null
	done
	return 1
}
start_proxy() {
	node "$root/tests/lrs/proxy.js" "$proxy_port" "$lrs_port" "$tmp/mode" "$tmp/proxy.log" \
		>>"$tmp/proxy.out" 2>&1 &
	proxy_pid=$!
	for i in $(seq 1 100); do
		if node -e 'fetch(process.argv[1]).then(()=>process.exit(0),()=>process.exit(1))' \
			"http://127.0.0.1:$proxy_port/xAPI/about" 2>/dev/null; then
			return 0
		fi
		sleep 0.1
	done
	return 1
}
stop_proxy() {
	kill "$proxy_pid" 2>/dev/null
	wait "$proxy_pid" 2>/dev/null
	proxy_pid=
}
if ! start_lrs; then
	not_ok "the LRS starts"
	cat "$tmp/lrs.log"
	exit 1
fi
ok "the LRS (xapi-statements 5.0.1) answers on 127.0.0.1:$lrs_port"
proxy_port=$((lrs_port + 1))
echo pass >"$tmp/mode"
: >"$tmp/proxy.log"
start_proxy || { not_ok "the proxy starts"; cat "$tmp/proxy.out"; exit 1; }

lrs_base=http://127.0.0.1:$lrs_port/xAPI
cat >"$tmp/config.yaml" <<YAML
xapi:
  home_page: https://library.example.org/branch-7
lrs:
  endpoint: http://127.0.0.1:$proxy_port/xAPI/
  key: dlfl-terminal-7
  secret: not-a-real-secret
  timeout: 15
  retries: 3
  batch: 5
YAML
chmod 600 "$tmp/config.yaml"
# For the slow LRS: a short timeout, one try.
sed -e 's/timeout: 15/timeout: 2/' -e 's/retries: 3/retries: 1/' "$tmp/config.yaml" >"$tmp/short.yaml"
chmod 600 "$tmp/short.yaml"
export DLFL_CONFIG=$tmp/config.yaml

in_lrs() { node "$root/tests/lrs/statements.js" "$lrs_base" >"$tmp/lrs.jsonl" 2>"$tmp/lrs.err"; }
lrs_count() { in_lrs && grep -c . "$tmp/lrs.jsonl"; }
# Every statement dlfl would export for these learners, ids sorted.
expected_ids() {
	: >"$tmp/expected"
	for who in "$@"; do
		"$DLFL" export "$who" --format xapi | jq -r '.[].id' >>"$tmp/expected"
	done
	sort -u "$tmp/expected" -o "$tmp/expected"
}
lrs_ids() { in_lrs && jq -r '.id' "$tmp/lrs.jsonl" | sort; }
same_as_expected() { lrs_ids >"$tmp/got" && cmp -s "$tmp/expected" "$tmp/got"; }
queued() { cat "$tmp/data/outbox/"*.queue 2>/dev/null | grep -c '^Q ' ; }

# ---- validation ------------------------------------------------------------
for who in "$ANN" "$ZOE"; do
	"$DLFL" export "$who" --format xapi >"$tmp/v.json"
	if node "$root/tests/lrs/validate.js" "$tmp/v.json" >"$tmp/v.out" 2>&1; then
		ok "xapi-validation passes every exported statement of $(tail -1 "$tmp/v.out" | cut -d' ' -f1) for a learner"
	else not_ok "xapi-validation: exported statements"; cat "$tmp/v.out"; fi
done

# ---- everything once ---------------------------------------------------------
expected_ids "$ANN" "$ZOE" Bob
if "$DLFL" sync >"$tmp/out" 2>"$tmp/err"; then ok "sync exits 0 when everything went"; else
	not_ok "sync exits 0 when everything went"; cat "$tmp/err"; fi
if same_as_expected; then ok "the LRS holds every exported statement, each once ($(grep -c . "$tmp/expected"))"; else
	not_ok "the LRS holds every exported statement once"; diff "$tmp/expected" "$tmp/got" | head; fi
check "sync says how many were sent" grep -q "^$(grep -c . "$tmp/expected") statements sent to the LRS" "$tmp/out"
check "requests carry X-Experience-API-Version 1.0.3 and Basic auth, POST /xAPI/statements" \
	sh -c 'grep "^POST" "$1" >"$1.post"; ! grep -v "^POST /xAPI/statements 1.0.3 Basic " "$1.post" | grep -q . && grep -q . "$1.post"' sh "$tmp/proxy.log"
check "in batches of lrs.batch statements" sh -c '! awk "\$5 > 5" "$1" | grep -q .' sh "$tmp/proxy.log"
check "the actor is the account from the settings" \
	sh -c 'jq -e "select(.actor.account.homePage != \"https://library.example.org/branch-7\")" "$1" | grep -q . && exit 1 || exit 0' sh "$tmp/lrs.jsonl"
check "the queue file is 0600 in a 0700 directory" \
	sh -c 'for f in "$1"/*.queue; do [ "$(stat -c %a "$f")" = 600 ] || exit 1; done; [ "$(stat -c %a "$1")" = 700 ]' sh "$tmp/data/outbox"
check "nothing is left queued" test "$(queued)" -eq 0

: >"$tmp/proxy.log"
if "$DLFL" sync >"$tmp/out" 2>"$tmp/err"; then ok "a second sync exits 0"; else not_ok "a second sync exits 0"; fi
check "a second sync sends nothing" sh -c '! grep -q "^POST" "$1"' sh "$tmp/proxy.log"
check "and the LRS still holds each statement once" same_as_expected

# More progress for a learner: a new record in Ann's image under a new name.
new_learner() { # NAME
	k=$(key "$1")
	sed "s/^name: .*/name: \"$1\"/" "$tmp/data/learners/$(key "$ANN").yaml" >"$tmp/data/learners/$k.yaml"
	chmod 600 "$tmp/data/learners/$k.yaml"
}

# ---- the LRS down, then back ----------------------------------------------------
new_learner "Dana Down"
stop_proxy
if "$DLFL" sync >"$tmp/out" 2>"$tmp/err"; then not_ok "sync with the LRS down exits 1"; else ok "sync with the LRS down exits 1"; fi
check "with a one-line reason" sh -c '[ "$(grep -c . "$1")" -eq 1 ] && grep -q "still queued: the LRS at .* did not answer" "$1"' sh "$tmp/err"
check "the statements stay queued" test "$(queued)" -gt 0
start_proxy
expected_ids "$ANN" "$ZOE" "Dana Down"
if "$DLFL" sync >"$tmp/out" 2>"$tmp/err"; then ok "with the LRS back, sync exits 0"; else not_ok "with the LRS back, sync exits 0"; cat "$tmp/err"; fi
check "nothing was lost, nothing doubled" same_as_expected

# ---- 500s ---------------------------------------------------------------------
new_learner "Fay Fivehundred"
echo "500 3" >"$tmp/mode"
"$DLFL" sync >"$tmp/out" 2>"$tmp/err"
first=$?
echo pass >"$tmp/mode"
"$DLFL" sync >"$tmp/out" 2>>"$tmp/err"
if [ "$first" -eq 1 ] && [ $? -eq 0 ]; then ok "500s: the sync that met them exits 1, the next 0"; else
	not_ok "500s: exit statuses (first $first)"; cat "$tmp/err"; fi
check "the LRS was asked again after a 500 (retry with backoff)" sh -c '[ "$(grep -c " 500 3$" "$1")" -ge 2 ]' sh "$tmp/proxy.log"
expected_ids "$ANN" "$ZOE" "Dana Down" "Fay Fivehundred"
check "500s cost no statement and doubled none" same_as_expected

# ---- slow answers ---------------------------------------------------------------
new_learner "Sam Slow"
echo "slow 5" >"$tmp/mode"
"$DLFL" -c "$tmp/short.yaml" sync >"$tmp/out" 2>"$tmp/err"
slow=$?
check "a slow LRS (past lrs.timeout) fails the sync with a reason" sh -c '[ "$1" -eq 1 ] && grep -q "did not answer" "$2"' sh "$slow" "$tmp/err"
check "the statements it did store are still queued here" test "$(queued)" -gt 0
echo pass >"$tmp/mode"
"$DLFL" sync >"$tmp/out" 2>"$tmp/err"
expected_ids "$ANN" "$ZOE" "Dana Down" "Fay Fivehundred" "Sam Slow"
check "sent again, the LRS keeps one of each" same_as_expected

# ---- SIGKILL in the middle of a sync ------------------------------------------------
new_learner "Kim Killed"
echo hang >"$tmp/mode"
: >"$tmp/proxy.log"
"$DLFL" sync >"$tmp/out" 2>"$tmp/err" &
sync_pid=$!
for i in $(seq 1 100); do grep -q '^POST' "$tmp/proxy.log" && break; sleep 0.1; done
sleep 0.3
kill -KILL "$sync_pid"
wait "$sync_pid" 2>/dev/null
sync_pid=
check "the sync was killed while the LRS held a batch" grep -q '^POST' "$tmp/proxy.log"
check "the queue is still whole and readable" sh -c 'for f in "$1"/*.queue; do head -1 "$f" | grep -qx "dlfl-outbox 1" || exit 1; done' sh "$tmp/data/outbox"
check "no temporary file is left behind" sh -c '! ls -a "$1" | grep -q "\.tmp\."' sh "$tmp/data/outbox"
echo pass >"$tmp/mode"
if "$DLFL" sync >"$tmp/out" 2>"$tmp/err"; then ok "after the kill, sync exits 0"; else not_ok "after the kill, sync exits 0"; cat "$tmp/err"; fi
expected_ids "$ANN" "$ZOE" "Dana Down" "Fay Fivehundred" "Sam Slow" "Kim Killed"
check "SIGKILL lost nothing and doubled nothing" same_as_expected

# ---- one statement the LRS refuses --------------------------------------------------
new_learner "Rita Refused"
"$DLFL" export "Rita Refused" --format xapi >/dev/null
rq=$tmp/data/outbox/$(key "Rita Refused").queue
"$DLFL" sync >/dev/null 2>&1 # queue Rita's, then make one of them bad
expected_ids "$ANN" "$ZOE" "Dana Down" "Fay Fivehundred" "Sam Slow" "Kim Killed" "Rita Refused"
bad_id=aaaaaaaa-bbbb-5ccc-8ddd-eeeeeeeeeeee
printf 'Q %s {"id":"%s","actor":{"objectType":"Agent","account":{"homePage":"https://x.invalid","name":"Rita Refused"}},"verb":{"id":"not an IRI"},"object":{"id":"https://x.invalid/a"}}\n' \
	"$bad_id" "$bad_id" >>"$rq"
new_learner "Rob Rest"
"$DLFL" sync >"$tmp/out" 2>"$tmp/err"
rc=$?
check "a statement the LRS refuses (4xx) does not fail the sync" test "$rc" -eq 0
check "it is reported with its id" grep -q "refused statement $bad_id (HTTP 400)" "$tmp/err"
check "it is set aside in the outbox, not queued" sh -c 'grep -q "^R $2 400 " "$1" && ! grep -q "^Q $2" "$1"' sh "$rq" "$bad_id"
expected_ids "$ANN" "$ZOE" "Dana Down" "Fay Fivehundred" "Sam Slow" "Kim Killed" "Rita Refused" "Rob Rest"
if same_as_expected; then ok "the rest of its batch and the queue still went"; else
	not_ok "the rest of its batch and the queue still went"; cat "$tmp/err"; diff "$tmp/expected" "$tmp/got"; fi
: >"$tmp/proxy.log"
"$DLFL" sync >/dev/null 2>&1
check "it is never sent again" sh -c '! grep -q "^POST" "$1"' sh "$tmp/proxy.log"

# ---- the player syncs in the background, and "forget me" voids ---------------------
mkdir -p "$tmp/one"
cat >"$tmp/one/one.yaml" <<'YAML'
format: 1
id: e2e-one
title: One lesson
summary: A module of one lesson.
sections:
  - id: s
    title: S
    screens:
      - {type: lesson, id: only, title: Only, body: Just this.}
YAML
export DLFL_MODULES="$tmp/one"
printf '1\n\n\n\nq\n' | "$DLFL" --plain -l "Pat Player" >"$tmp/play.out" 2>&1
player_rc=$?
check "the player exits at once (the learner does not wait)" test "$player_rc" -eq 0
pat_ok=1
for i in $(seq 1 300); do
	if in_lrs && grep -q '"name":"Pat Player"' "$tmp/lrs.jsonl" &&
		[ "$(grep '"name":"Pat Player"' "$tmp/lrs.jsonl" | grep -c 'verbs/completed')" -eq 1 ]; then
		pat_ok=0
		break
	fi
	sleep 0.2
done
check "after the summary, the player sent the learner's statements in the background" test "$pat_ok" -eq 0
check "the player printed nothing about it" sh -c '! grep -qi "lrs\|statement" "$1"' sh "$tmp/play.out"
pat_ids=$(grep '"name":"Pat Player"' "$tmp/lrs.jsonl" | jq -r .id | sort)
check "Pat's attempt, lesson, completion and result reached the LRS" test "$(echo "$pat_ids" | grep -c .)" -eq 4

: >"$tmp/proxy.log"
printf 'f\nPat Player\n' | "$DLFL" --plain -l "Pat Player" >"$tmp/forget.out" 2>&1
check "forget me deletes the record" test ! -e "$tmp/data/learners/$(key "Pat Player").yaml"
"$DLFL" sync >"$tmp/out" 2>"$tmp/err"
rc=$?
in_lrs
check "after forget me, sync exits 0" test "$rc" -eq 0
jq -r '.id' "$tmp/lrs.jsonl" >"$tmp/ids.now"
left=0
for id in $pat_ids; do
	grep -qFx "$id" "$tmp/ids.now" && left=$((left + 1))
done
check "none of Pat's statements is left in the LRS (all voided)" test "$left" -eq 0
voided=$(jq -r 'select(.verb.id == "http://adlnet.gov/expapi/verbs/voided") | .object.id' "$tmp/lrs.jsonl" | sort)
if [ "$voided" = "$pat_ids" ]; then ok "one voiding statement for each statement sent"; else
	not_ok "one voiding statement for each statement sent"; echo "voided: $voided"; echo "sent: $pat_ids"; fi
check "the forgotten learner's outbox is gone once the voids are sent" \
	test ! -e "$tmp/data/outbox/$(key "Pat Player").queue"
# The player's background sender and that sync sent the voids; nothing
# sends anything after them (a voiding statement is never voided).
posted() { awk '$1 == "POST" { n += $5 } END { print n + 0 }' "$1"; }
n_pat=$(echo "$pat_ids" | grep -c .)
sleep 3
check "forget me posted exactly one voiding statement per statement sent ($n_pat)" \
	test "$(posted "$tmp/proxy.log")" -eq "$n_pat"
: >"$tmp/proxy.log"
"$DLFL" sync >"$tmp/out" 2>"$tmp/err"
rc=$?
sleep 3
check "a second sync after forget me exits 0" test "$rc" -eq 0
check "and nothing more is posted, by it or in the background" sh -c '! grep -q "^POST" "$1"' sh "$tmp/proxy.log"
check "nothing is queued" test "$(queued)" -eq 0
in_lrs
pat_voids=$(jq -r 'select(.actor.account.name == "Pat Player" and .verb.id == "http://adlnet.gov/expapi/verbs/voided") | .id' "$tmp/lrs.jsonl" | sort -u | grep -c .)
check "the LRS holds exactly $n_pat voiding statements for Pat (got $pat_voids)" test "$pat_voids" -eq "$n_pat"
jq -c 'select(.verb.id == "http://adlnet.gov/expapi/verbs/voided")' "$tmp/lrs.jsonl" >"$tmp/voids.jsonl"
if node "$root/tests/lrs/validate.js" -l "$tmp/voids.jsonl" >"$tmp/v.out" 2>&1; then
	ok "xapi-validation passes the voiding statements"; else not_ok "xapi-validation: voiding statements"; cat "$tmp/v.out"; fi
in_lrs
if node "$root/tests/lrs/validate.js" -l "$tmp/lrs.jsonl" >"$tmp/v.out" 2>&1; then
	ok "xapi-validation passes every statement the LRS holds"; else not_ok "xapi-validation: the LRS's statements"; cat "$tmp/v.out"; fi

# ---- an LRS that accepts anything: forget me still ends --------------------------
# A careless LRS would take a voiding of a voiding statement too; dlfl must
# not make one, so the voids go once and the background sender stops.
echo accept >"$tmp/mode"
printf '1\n\n\n\nq\n' | "$DLFL" --plain -l "Val Voided" >/dev/null 2>&1
timeout 60 "$DLFL" sync >/dev/null 2>&1
val_sent=$(grep -c '^S ' "$tmp/data/outbox/$(key "Val Voided").queue")
: >"$tmp/proxy.log"
printf 'f\nVal Voided\n' | "$DLFL" --plain -l "Val Voided" >/dev/null 2>&1
sleep 4
timeout 60 "$DLFL" sync >/dev/null 2>&1
rc=$?
timeout 60 "$DLFL" sync >/dev/null 2>&1
sleep 3
got=$(posted "$tmp/proxy.log")
check "with an LRS that takes anything, forget me posts one void per statement sent ($val_sent, got $got)" \
	sh -c '[ "$1" -gt 0 ] && [ "$1" -eq "$2" ]' sh "$val_sent" "$got"
check "and the syncs after it end and exit 0" test "$rc" -eq 0
check "and the forgotten learner's outbox is gone" test ! -e "$tmp/data/outbox/$(key "Val Voided").queue"
echo pass >"$tmp/mode"

# ---- activity while no LRS was set, then dlfl sync with one ----------------------
# A player with no LRS set queues nothing; dlfl sync, run later with the LRS
# set and without the player's module directory, must still send all of it.
away=$tmp/away
nolrs=$tmp/nolrs
mkdir -p "$away"
cat >"$away/away.yaml" <<'YAML'
format: 1
id: e2e-away
title: Away from the LRS
summary: Done while no LRS was set.
sections:
  - id: s
    title: S
    screens:
      - {type: lesson, id: intro, title: Introduction, body: Hello.}
      - type: question
        id: q-single
        kind: single
        shuffle: false
        prompt: Lawful basis for lending?
        choices: [{text: Consent}, {text: Public task, correct: true}, {text: Contract}]
      - type: question
        id: q-multi
        kind: multiple
        shuffle: false
        prompt: Which are principles?
        choices: [{text: Accuracy, correct: true}, {text: Speed}, {text: Storage limitation, correct: true}]
YAML
printf 'xapi:\n  home_page: https://library.example.org/branch-7\n' >"$tmp/nolrs.yaml"
printf 'n\nNia Nolrs\n\n\n\n2\n\n1 3\n\n' |
	DLFL_DATA_DIR=$nolrs "$DLFL" -c "$tmp/nolrs.yaml" --plain -m "$away" >"$tmp/nia.out" 2>&1
check "with no LRS set, the player queues nothing" test ! -e "$nolrs/outbox"
DLFL_DATA_DIR=$nolrs "$DLFL" -m "$away" export "Nia Nolrs" --format xapi >"$tmp/nia.json"
jq -r '.[].id' "$tmp/nia.json" | sort >"$tmp/nia.ids"
check "the record holds six statements" test "$(grep -c . "$tmp/nia.ids")" -eq 6
: >"$tmp/proxy.log"
DLFL_DATA_DIR=$nolrs "$DLFL" sync >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 0 ]; then ok "dlfl sync with the LRS set exits 0"; else
	not_ok "dlfl sync with the LRS set exits 0 ($rc)"; cat "$tmp/err"; fi
check "it says all six were sent" grep -q "^6 statements sent to the LRS$" "$tmp/out"
check "it says the module was not given, so the questions' text is not sent" \
	grep -q "module e2e-away is not among the modules loaded" "$tmp/err"
in_lrs
grep '"name":"Nia Nolrs"' "$tmp/lrs.jsonl" >"$tmp/nia.jsonl"
jq -r '[.verb.id, .object.id] | @tsv' "$tmp/nia.jsonl" |
	sed 's|http://adlnet.gov/expapi/verbs/||; s|https://dlfl.invalid/modules/||' | sort >"$tmp/nia.got"
printf '%s\t%s\n' attempted e2e-away experienced e2e-away/screens/intro \
	answered e2e-away/screens/q-single answered e2e-away/screens/q-multi \
	completed e2e-away passed e2e-away | sort >"$tmp/nia.want"
if cmp -s "$tmp/nia.want" "$tmp/nia.got"; then
	ok "the LRS holds the attempt, the lesson, both answers, the completion and the pass"
else
	not_ok "the LRS holds every statement of the activity"; diff "$tmp/nia.want" "$tmp/nia.got"
fi
check "with the ids the player's own export gives them" \
	sh -c 'jq -r .id "$1" | sort | cmp -s - "$2"' sh "$tmp/nia.jsonl" "$tmp/nia.ids"
check "the answers carry their results" \
	jq -e -s 'map(select(.object.id | endswith("/q-single"))) | length == 1 and
		.[0].result.success == true and .[0].result.score.raw == 1' "$tmp/nia.jsonl"
if node "$root/tests/lrs/validate.js" -l "$tmp/nia.jsonl" >"$tmp/v.out" 2>&1; then
	ok "xapi-validation passes them"; else not_ok "xapi-validation: statements made from a record"; cat "$tmp/v.out"; fi
: >"$tmp/proxy.log"
DLFL_DATA_DIR=$nolrs "$DLFL" sync >"$tmp/out" 2>"$tmp/err"
rc=$?
check "a second sync exits 0 and sends nothing" \
	sh -c '[ "$1" -eq 0 ] && ! grep -q "^POST" "$2" && ! grep -q . "$3"' sh "$rc" "$tmp/proxy.log" "$tmp/out"
# The learner comes back to a player with the LRS set and the module: it
# makes the same ids, so nothing goes twice.
printf '1\nq\n' | DLFL_DATA_DIR=$nolrs "$DLFL" --plain -m "$away" -l "Nia Nolrs" >/dev/null 2>&1
sleep 2
DLFL_DATA_DIR=$nolrs "$DLFL" sync >"$tmp/out" 2>"$tmp/err"
check "nor does the player, when the learner comes back with the LRS set" \
	sh -c '! grep -q "^POST" "$1" && ! grep -q "^Q " "$2"/*.queue' sh "$tmp/proxy.log" "$nolrs/outbox"

# ---- the LRS already holds an id with other content (409) ---------------------------
# xAPI: the LRS keeps its own statement and answers 409 to the whole batch.
# Two of Nia's statements, changed, are queued for Hana before Hana's own.
hq=$nolrs/outbox/$(key "Hana Held").queue
jq -c '.[1], .[2] | .timestamp = "2020-01-01T00:00:00Z"' "$tmp/nia.json" >"$tmp/changed.jsonl"
held1=$(sed -n 1p "$tmp/changed.jsonl" | jq -r .id)
held2=$(sed -n 2p "$tmp/changed.jsonl" | jq -r .id)
{
	echo "dlfl-outbox 1"
	while read -r line; do echo "Q $(echo "$line" | jq -r .id) $line"; done <"$tmp/changed.jsonl"
} >"$hq"
chmod 600 "$hq"
sed 's/^name: .*/name: "Hana Held"/' "$nolrs/learners/$(key "Nia Nolrs").yaml" \
	>"$nolrs/learners/$(key "Hana Held").yaml"
chmod 600 "$nolrs/learners/$(key "Hana Held").yaml"
: >"$tmp/proxy.log"
DLFL_DATA_DIR=$nolrs "$DLFL" sync >"$tmp/out" 2>"$tmp/err"
rc=$?
check "a batch answered 409 does not fail the sync" test "$rc" -eq 0
check "the batch the LRS refused whole went again one statement at a time" \
	sh -c 'awk "\$1 == \"POST\" && \$5 > 1 { big = 1 } \$1 == \"POST\" && \$5 == 1 && big { n++ } END { exit !(n >= 2) }" "$1"' \
	sh "$tmp/proxy.log"
check "each statement the LRS already holds is named as held, not as refused" \
	sh -c 'for id in "$2" "$3"; do grep -q "already holds a statement with id $id, with other content (HTTP 409)" "$1" || exit 1; done
		! grep -q "refused" "$1"' sh "$tmp/err" "$held1" "$held2"
check "the summary says so" grep -q "^6 statements sent to the LRS; 2 it already held with other content$" "$tmp/out"
check "they count as delivered (so forget me voids them), not set aside" \
	sh -c 'grep -qx "S $2" "$1" && grep -qx "S $3" "$1" && ! grep -q "^[QR] " "$1"' sh "$hq" "$held1" "$held2"
in_lrs
check "Hana's own statements reached the LRS" test "$(grep -c '"name":"Hana Held"' "$tmp/lrs.jsonl")" -eq 6
check "and the LRS kept its own copies" \
	sh -c '! jq -e "select(.timestamp | startswith(\"2020-\"))" "$1" | grep -q .' sh "$tmp/lrs.jsonl"
: >"$tmp/proxy.log"
DLFL_DATA_DIR=$nolrs "$DLFL" sync >"$tmp/out" 2>"$tmp/err"
check "the next sync sends nothing" sh -c '! grep -q "^POST" "$1"' sh "$tmp/proxy.log"

# ---- forget me on a player with no LRS set, after a sync sent the activity ---------
printf 'f\nNia Nolrs\n' | DLFL_DATA_DIR=$nolrs "$DLFL" -c "$tmp/nolrs.yaml" --plain -m "$away" \
	-l "Nia Nolrs" >/dev/null 2>&1
check "forget me deletes the record" test ! -e "$nolrs/learners/$(key "Nia Nolrs").yaml"
check "and queues a void for each statement sent, though no LRS is set there" \
	test "$(grep -c '^Q ' "$nolrs/outbox/$(key "Nia Nolrs").queue")" -eq 6
DLFL_DATA_DIR=$nolrs "$DLFL" sync >"$tmp/out" 2>"$tmp/err"
rc=$?
in_lrs
jq -r 'select(.actor.account.name == "Nia Nolrs") | .verb.id' "$tmp/lrs.jsonl" | sort | uniq -c >"$tmp/nia.left"
check "the next sync sends the voids, and none of Nia's statements is left in the LRS" \
	sh -c '[ "$1" -eq 0 ] && [ "$(cat "$2" | tr -s " ")" = " 6 http://adlnet.gov/expapi/verbs/voided" ]' \
	sh "$rc" "$tmp/nia.left"
exit "$((failures > 0))"
