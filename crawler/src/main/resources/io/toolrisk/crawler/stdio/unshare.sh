# Builds a sandbox's file system with util-linux, where bubblewrap is not installed, then starts its namespaces.
# Run by `unshare --mount` (as root) or `unshare --user --map-root-user --mount` (as anyone else).
# Arguments: DIR NETWORK DROP SERVER-PATH SETPRIV UNSHARE INIT CWD STEP... -- COMMAND...
#   DIR      the crawl's directory; DIR/root is where the new root is assembled
#   NETWORK  host or none
#   DROP     1 when the crawler is root: the server then runs as nobody (65534), not as a root in disguise
#   STEP     hide PATH | read PATH | write SOURCE PATH | seal PATH, applied in order (see SandboxLayout)
# Every mount of the system is copied read-only under DIR/root, the steps hide and add what they name, and the
# copy becomes the root (pivot_root; the old root is detached). The server's user namespace is made after that,
# so every mount is locked: it cannot unmount the empty folders that hide the crawler's files.
set -eu
PATH=/usr/sbin:/usr/bin:/sbin:/bin
umask 022
d=$1 net=$2 drop=$3 server_path=$4 setpriv=$5 unshare=$6 init=$7 cwd=$8
shift 8
r=$d/root
mount --rbind / "$r"
# Every mount of the copy read-only, but proc: a user namespace may mount a new proc (below) only where one
# is visible that is no more restricted than it.
while read -r _ _ _ _ mp _; do
  case $mp in *\\*) mp=$(printf '%b' "$(printf '%s' "$mp" | sed 's/\\\([0-7][0-7][0-7]\)/\\0\1/g')") ;; esac
  case $mp in
    "$r/proc" | "$r/proc/"*) ;;
    "$r" | "$r/"*) mount -o remount,bind,ro "$mp" ;;
  esac
done < /proc/self/mountinfo
mount -t tmpfs -o mode=755,size=64k,nosuid,noexec tmpfs "$r/dev"
for node in null zero full random urandom; do
  : > "$r/dev/$node"
  mount --bind "/dev/$node" "$r/dev/$node"
done
ln -s /proc/self/fd "$r/dev/fd"
ln -s /proc/self/fd/0 "$r/dev/stdin"
ln -s /proc/self/fd/1 "$r/dev/stdout"
ln -s /proc/self/fd/2 "$r/dev/stderr"
mkdir "$r/dev/shm"
mount -t tmpfs -o mode=1777,size=64m,nosuid,nodev tmpfs "$r/dev/shm"
mount -o remount,bind,ro,nosuid,noexec "$r/dev"
while [ $# -gt 0 ]; do
  step=$1
  shift
  case $step in
    --) break ;;
    hide) mount -t tmpfs -o mode=755,size=64k,nosuid,nodev tmpfs "$r$1"; shift ;;
    read)
      if [ -d "$1" ]; then mkdir -p "$r$1"; else mkdir -p "$r${1%/*}"; [ -e "$r$1" ] || : > "$r$1"; fi
      mount --bind "$1" "$r$1"
      mount -o remount,bind,ro "$r$1"
      shift ;;
    write) mkdir -p "$r$2"; mount --bind "$1" "$r$2"; shift 2 ;;
    seal) mount -o remount,bind,ro,nosuid,nodev "$r$1"; shift ;;
    *) echo "sandbox: unknown step '$step'" >&2; exit 125 ;;
  esac
done
cd "$r"
pivot_root . .
umount -l .
cd "$cwd"
# The first process of the sandbox gets the server's environment, nothing of this script's.
unset OLDPWD PWD
PATH=$server_path
netns=
if [ "$net" = none ]; then netns=--net; fi
if [ "$drop" = 1 ]; then
  exec "$setpriv" --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all --pdeathsig keep -- \
    "$unshare" --user --map-user=65534 --map-group=65534 --pid --fork --kill-child --mount-proc --ipc --uts $netns \
    -- /bin/sh -c "$init" init "$server_path" "$@"
fi
exec "$unshare" --user --map-user=65534 --map-group=65534 --pid --fork --kill-child --mount-proc --ipc --uts $netns \
  -- /bin/sh -c "$init" init "$server_path" "$@"
