# Sourced (bash) by build-linux.sh and test-linux-deb.sh: runs a command under Xvfb until its log shows a line.
# run_until LOG MARKER COMMAND [ARGS...] passes the caller's environment on (XDG_DATA_HOME, JAVA_TOOL_OPTIONS), ends
# the command as a window manager would once MARKER appears and prints that line; when the command ends first or
# 180 s pass, it prints the log and a failure line and returns 1.
run_until() {
  local log=$1 marker=$2 pidfile found=1
  shift 2
  pidfile=$(mktemp)
  # sh records the pid of what it execs (a launcher that execs the JVM): ending only xvfb-run would leave the JVM
  # running without a display.
  xvfb-run -a -s "-screen 0 1600x1000x24" sh -c 'echo $$ > "$0"; exec "$@"' "$pidfile" "$@" >"$log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 1800); do
    if grep -q "$marker" "$log"; then
      found=0
      break
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if [ -s "$pidfile" ]; then kill "$(cat "$pidfile")" 2>/dev/null || true; fi
  [ $found -eq 0 ] || kill "$pid" 2>/dev/null || true
  wait "$pid" || true
  rm -f "$pidfile"
  if [ $found -eq 0 ]; then
    grep "$marker" "$log"
    return 0
  fi
  cat "$log" >&2
  echo "FAIL: no \"$marker\" from $*" >&2
  return 1
}
