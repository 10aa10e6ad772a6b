for i in $(seq 1 60); do curl -s -o /dev/null http://127.0.0.1:${1:-5206}/login && exit 0; sleep 1; done; exit 1
