#!/bin/sh
# Fault injection: an LD_PRELOAD shim fails the Nth write, fsync, rename and
# close of a save in turn with ENOSPC, EIO and EROFS. After each failure the
# previous record must be intact byte for byte, no temporary file left, the
# learner told, and the next save (the retry) must succeed.
set -u
. "$(dirname "$0")/lib.sh"

needs "$DRV"
inject_shim

# The reference bytes of records 1 (the old) and 2 (the new).
"$DRV" save "$tmp/ref1" Ann 1 && cp "$tmp/ref1/learners/%41nn.yaml" "$tmp/old.yaml" &&
	"$DRV" save "$tmp/ref2" Ann 2 && cp "$tmp/ref2/learners/%41nn.yaml" "$tmp/new.yaml" || {
	echo "not ok - reference records written"
	exit 1
}

for func in write fsync rename close; do
	for errname in ENOSPC EIO EROFS; do
		n=1
		bad=0
		fired=0
		while [ "$n" -le 12 ]; do
			rm -rf "$tmp/data" "$tmp/log"
			"$DRV" save "$tmp/data" Ann 1 || { bad=1; break; }
			out=$(DLFL_INJECT="$func:$n:$errname" DLFL_INJECT_LOG="$tmp/log" \
				LD_PRELOAD="$tmp/inject.so" "$DRV" inject "$tmp/data" Ann 2 \
				"$tmp/old.yaml" "$tmp/new.yaml" 2>&1)
			[ -f "$tmp/log" ] || break # past the last call: nothing failed
			fired=$((fired + 1))
			case $out in
			*"first=failed file=old tmp=0 message=["*"could not be saved"*"second=saved file2=new tmp2=0")
				;; # the old record kept, the learner told, the retry saved
			*"first=failed file=new tmp=0 message=[Progress was written but may not be safe"*"second=saved file2=new tmp2=0")
				# only the directory's fsync failed, after the rename
				[ "$func" = fsync ] || { bad=1; echo "# $func $n $errname: $out"; }
				;;
			*"first=saved file=new tmp=0 second=saved file2=new tmp2=0")
				;; # a call whose failure loses nothing (closing a file only read)
			*"first=saved file=new tmp=0 second=failed file2=new tmp2=0")
				;; # the call was in the second save: the first one's record stays
			*)
				bad=1
				echo "# $func $n $errname: $out"
				;;
			esac
			n=$((n + 1))
		done
		if [ "$bad" -eq 0 ] && [ "$fired" -gt 0 ]; then
			echo "ok - failing each $func with $errname ($fired calls) keeps the old record and retries"
		else
			echo "not ok - failing each $func with $errname ($fired calls)"
		fi
	done
done

# The failing call of each kind inside the save itself, named.
for spec in write:1 fsync:1 rename:1; do
	rm -rf "$tmp/data"
	"$DRV" save "$tmp/data" Ann 1
	out=$(DLFL_INJECT="$spec:ENOSPC" LD_PRELOAD="$tmp/inject.so" "$DRV" inject "$tmp/data" Ann 2 \
		"$tmp/old.yaml" "$tmp/new.yaml" 2>&1)
	case $out in
	*"first=failed file=old tmp=0 message=[Progress could not be saved: the disk is full"*)
		echo "ok - ${spec%:*} on a full disk: the learner is told plainly" ;;
	*) echo "not ok - ${spec%:*} on a full disk: $out" ;;
	esac
done
