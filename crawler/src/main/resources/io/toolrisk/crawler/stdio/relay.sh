# The crawler's end of a sandboxed stdio server. Arguments: DIR SETPRIV SANDBOX-COMMAND...
#
# The sandbox reads its stdin from a FIFO that this process, once it has become `cat`, feeds from the crawler's
# pipe. When the crawler closes that pipe or dies (kill -9 included), cat reads the end of it and exits; the
# runner below and the sandbox under it have a parent-death signal, so they die with it, and with the sandbox's
# first process dies its whole PID namespace. The server cannot stop this: cat is outside its namespaces.
# The runner waits for the sandbox and writes its exit status to DIR/status for the crawler to read.
# Its own programs are looked up on the system's PATH; the sandbox gets the server's.
server_path=$PATH
PATH=/usr/sbin:/usr/bin:/sbin:/bin
d=$1
setpriv=$2
shift 2
mkfifo -m 600 "$d/stdin" || exit 125
PATH=$server_path "$setpriv" --pdeathsig KILL -- /bin/sh -c 'd=$1; shift; "$@" < "$d/stdin"; echo "$?" > "$d/status"' runner "$d" "$@" &
exec cat > "$d/stdin" 2> /dev/null
