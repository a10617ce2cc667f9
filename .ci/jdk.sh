# Sourced: exports JAVA_HOME as a JDK 21+ (JAVA_HOME, then PATH, then /usr/lib/jvm), or exits with a message.
_jdk_major() {
  local v
  v="$("$1" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)"
  v="${v#1.}"; echo "${v%%[.+-]*}"
}
_jdk_pick() {
  local c m best="" bm=0
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    m="$(_jdk_major "$JAVA_HOME/bin/java")"; [[ -n "$m" && "$m" -ge 21 ]] && { echo "$JAVA_HOME"; return; }
  fi
  if c="$(command -v java 2>/dev/null)"; then
    m="$(_jdk_major "$c")"; [[ -n "$m" && "$m" -ge 21 ]] && { (cd "$(dirname "$(readlink -f "$c")")/.." && pwd); return; }
  fi
  for c in /usr/lib/jvm/*/bin/java; do
    [[ -x "$c" ]] || continue
    m="$(_jdk_major "$c")"
    if [[ -n "$m" && "$m" -ge 21 && "$m" -gt "$bm" ]]; then best="$(cd "$(dirname "$c")/.." && pwd)"; bm="$m"; fi
  done
  [[ -n "$best" ]] && echo "$best"
}
JAVA_HOME="$(_jdk_pick)"
if [[ -z "$JAVA_HOME" ]]; then
  echo "ci: needs a JDK 21 or newer and found none (JAVA_HOME, PATH, /usr/lib/jvm/*)." >&2
  exit 127
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
