# usage: e2mem.sh PID SECONDS -> prints max RSS MB and last RSS MB
pid=$1; end=$((SECONDS+$2)); max=0; last=0
while [ $SECONDS -lt $end ] && kill -0 $pid 2>/dev/null; do
  r=$(awk '/VmRSS/{print $2}' /proc/$pid/status); [ -n "$r" ] && { last=$r; [ $r -gt $max ] && max=$r; }; sleep 0.5
done
echo "rss_max=$((max/1024))MB rss_last=$((last/1024))MB"
