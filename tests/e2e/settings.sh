#!/bin/sh
# The settings file: where it is found (-c, $DLFL_CONFIG,
# $XDG_CONFIG_HOME/dlfl/config.yaml), unknown keys reported with
# file:line:column and a near miss, wrong values named, and secrets refused
# in a file others can read (the settings or lrs.credentials_file).
. "$(dirname "$0")/lib.sh"
export LC_ALL=C.UTF-8 DLFL_DATA_DIR="$tmp/data" HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/xdg"
unset DLFL_CONFIG
mkdir -p "$tmp/home" "$tmp/xdg/dlfl" "$tmp/data"

# expect DESCRIPTION STATUS TEXT-IN-STDERR COMMAND...
expect() {
	d=$1 want=$2 text=$3
	shift 3
	"$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ "$rc" -eq "$want" ] && { [ -z "$text" ] || grep -qF -- "$text" "$tmp/err"; }; then ok "$d"; else
		not_ok "$d (exit $rc)"; cat "$tmp/err"
	fi
}

cd "$tmp" || exit 1
printf 'xapi:\n  home_page: https://lib.example.org/a\nlrs:\n  endpiont: https://lrs.example.org/xapi/\n  timeout: 10\n' >typo.yaml
expect "an unknown key is an error with file:line:column and a near miss" 1 \
	"typo.yaml:4:3: error: unknown key 'endpiont' in lrs; did you mean 'endpoint'?" \
	"$DLFL" -c typo.yaml export Nobody --format xapi
printf 'xapi:\n  colour: blue\n' >unknown.yaml
expect "an unknown key with no near miss is named" 1 "unknown.yaml:2:3: error: unknown key 'colour' in xapi" \
	"$DLFL" -c unknown.yaml sync
printf 'xpai:\n  home_page: https://x.example\n' >top.yaml
expect "a misspelt section gets a near miss too" 1 "top.yaml:1:1: error: unknown key 'xpai' in the settings; did you mean 'xapi'?" \
	"$DLFL" -c top.yaml sync
printf 'xapi:\n  send_reflections: maybe\nlrs:\n  timeout: soon\n  endpoint: ftp://x\n' >values.yaml
expect "a wrong value is named with its place" 1 "values.yaml:2:21: error: 'xapi.send_reflections' must be true or false, not 'maybe'" \
	"$DLFL" -c values.yaml sync
cp "$tmp/err" values.err
printf 'xapi:\n  send_reflections: "true"\n' >quoted.yaml
expect "a quoted true is text, as in a module" 1 \
	"quoted.yaml:2:21: error: 'xapi.send_reflections' must be true or false, not 'true'" "$DLFL" -c quoted.yaml sync
expect "every wrong value is reported, not only the first" 0 "" grep -q "values.yaml:4:12: error: 'lrs.timeout' must be a whole number" values.err
expect "an endpoint must be a web address" 0 "" grep -q "values.yaml:5:13: error: 'lrs.endpoint' must be a web address" values.err
printf 'xapi: [\n' >broken.yaml
expect "a YAML syntax error names the file" 1 "broken.yaml:" "$DLFL" -c broken.yaml sync
expect "a missing -c file is an error" 1 "nope.yaml: cannot open the settings" "$DLFL" -c nope.yaml sync
printf '# nothing set yet\n' >empty.yaml
expect "settings of comments only are no settings" 1 "no LRS is set up" "$DLFL" -c empty.yaml sync

printf 'lrs:\n  endpoint: http://127.0.0.1:9/xapi\n  key: k\n  secret: s\n' >open.yaml
chmod 644 open.yaml
expect "a secret in a file others can read is refused" 1 \
	"open.yaml:3:3: error: 'lrs.key' is a secret, but this file can be read by others (mode 0644)" \
	"$DLFL" -c open.yaml sync
chmod 600 open.yaml
expect "the same file at 0600 is read (and nothing is queued, so sync succeeds)" 0 "" \
	"$DLFL" -c open.yaml sync

printf 'key: k\nsecret: s\n' >creds.yaml
chmod 640 creds.yaml
printf 'lrs:\n  endpoint: http://127.0.0.1:9/xapi\n  credentials_file: creds.yaml\n' >withcreds.yaml
chmod 644 withcreds.yaml
expect "a credentials file others can read is refused" 1 "creds.yaml: error: the LRS credentials can be read by others (mode 0640)" \
	"$DLFL" -c withcreds.yaml sync
chmod 600 creds.yaml
expect "a 0600 credentials file beside 0644 settings is read" 0 "" "$DLFL" -c withcreds.yaml sync
printf 'key: k\nscret: s\n' >creds.yaml
expect "a credentials file's unknown key is named" 1 "creds.yaml:2:1: error: unknown key 'scret' in the credentials file; did you mean 'secret'?" \
	"$DLFL" -c withcreds.yaml sync

# Where the settings are found.
printf 'xapi:\n  home_pag: x\n' >"$tmp/xdg/dlfl/config.yaml"
expect "\$XDG_CONFIG_HOME/dlfl/config.yaml is read" 1 "$tmp/xdg/dlfl/config.yaml:2:3: error: unknown key 'home_pag'" \
	"$DLFL" sync
printf 'xapi:\n  home_page_: x\n' >env.yaml
DLFL_CONFIG=$tmp/env.yaml expect "\$DLFL_CONFIG comes before it" 1 "env.yaml:2:3: error: unknown key 'home_page_'" \
	"$DLFL" sync
DLFL_CONFIG=$tmp/env.yaml expect "-c comes before both" 1 "unknown.yaml:2:3" "$DLFL" -c unknown.yaml sync
rm "$tmp/xdg/dlfl/config.yaml"
expect "with no settings at all, sync says no LRS is set up" 1 "no LRS is set up" "$DLFL" sync
expect "with no settings at all, the rest works" 0 "" "$DLFL" list
# A file named with -c is read whatever the command; a broken one found by
# the search only stops the commands that need settings.
mkdir -p mods && printf 'format: 1\nid: m\ntitle: M\nsummary: S.\nsections:\n  - id: s\n    title: S\n    screens:\n      - {type: lesson, id: l, title: L, body: B.}\n' >mods/m.yaml
expect "a valid module checks with no settings" 0 "" "$DLFL" check mods
printf 'xapi: [\n' >broken.yaml
expect "list with -c a broken file exits 1 naming it" 1 "broken.yaml" "$DLFL" -c broken.yaml list
expect "list with -c a missing file exits 1 naming it" 1 "$tmp/nonexistent.yaml" "$DLFL" -c "$tmp/nonexistent.yaml" list
expect "check with -c a broken file exits 1 naming it" 1 "broken.yaml" "$DLFL" -c broken.yaml check mods
expect "check with -c a missing file exits 1 naming it" 1 "$tmp/nonexistent.yaml" "$DLFL" -c "$tmp/nonexistent.yaml" check mods
cp broken.yaml "$tmp/xdg/dlfl/config.yaml"
expect "a broken settings file found by the search does not stop list" 0 "" "$DLFL" list
expect "nor check" 0 "" "$DLFL" check mods
expect "but stops export, naming it" 1 "$tmp/xdg/dlfl/config.yaml" "$DLFL" export Nobody --format xapi
rm "$tmp/xdg/dlfl/config.yaml"
exit "$((failures > 0))"
