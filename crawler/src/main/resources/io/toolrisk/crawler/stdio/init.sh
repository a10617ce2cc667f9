# The first process of a sandbox's PID namespace. Arguments: SERVER-PATH COMMAND...
# Starts the server with the PATH its entry gets and exits with its status; the kernel then kills every process
# left in the namespace, double-forked daemons included.
PATH=$1
export PATH
unset PWD OLDPWD
shift
# The server gets the sandbox's stdin and stderr; this shell's own stderr goes nowhere, so that its report of a server
# killed at the end of a crawl ("Killed") never lands in the server's stderr.
exec 3<&0 4>&2 2>/dev/null
"$@" <&3 3<&- 2>&4 4>&- &
exec 3<&- 4>&-
wait $!
