#!/bin/sh
# The outbox is kept like records: statements are queued and sent only
# from a directory of this user's that nobody else can write to (never
# through a symbolic link), and a rewrite cut short leaves nothing behind.
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/export_fixture.inc
printf 'lrs:\n  endpoint: http://127.0.0.1:9/xAPI/\n  key: k\n  secret: s\n  timeout: 1\n  retries: 1\n' \
	>"$tmp/config.yaml"
chmod 600 "$tmp/config.yaml"
export DLFL_CONFIG=$tmp/config.yaml
ob=$tmp/data/outbox

"$DLFL" sync >"$tmp/out" 2>"$tmp/err"
rc=$?
check "with the LRS unreachable, sync exits 1" test "$rc" -eq 1
check "and the statements wait in the outbox" sh -c 'grep -q "^Q " "$1"/*.queue' sh "$ob"
check "the outbox is 0700" test "$(stat -c %a "$ob")" = 700

q=$ob/$(key "$ANN").queue
echo partial >"$q.tmp.AbC123"
"$DLFL" sync >/dev/null 2>&1
check "a rewrite cut short leaves no temporary file after the next sync" test ! -e "$q.tmp.AbC123"

chmod 777 "$ob"
"$DLFL" sync >"$tmp/out" 2>"$tmp/err"
rc=$?
check "an outbox others can write to is refused" sh -c '[ "$1" -eq 1 ] && grep -q "others could change the statements queued there" "$2"' sh "$rc" "$tmp/err"
chmod 700 "$ob"

mv "$ob" "$tmp/elsewhere"
ln -s "$tmp/elsewhere" "$ob"
"$DLFL" sync >"$tmp/out" 2>"$tmp/err"
rc=$?
check "an outbox that is a symbolic link is refused" sh -c '[ "$1" -eq 1 ] && grep -q "not a directory" "$2"' sh "$rc" "$tmp/err"
exit "$((failures > 0))"
