# The first process of a sandbox's PID namespace. Arguments: SERVER-PATH COMMAND...
# Starts the server with the PATH its entry gets and exits with its status; the kernel then kills every process
# left in the namespace, double-forked daemons included.
PATH=$1
export PATH
unset PWD OLDPWD
shift
exec 3<&0
"$@" <&3 3<&- &
exec 3<&-
wait $!
