# wraps e2load: prints the server's CPU ms per request over the run. usage: e2cpu.py PID port conc dur paths...
import subprocess,sys,re
pid=sys.argv[1]
def cpu():
    f=open(f'/proc/{pid}/stat').read().rsplit(')',1)[1].split(); return (int(f[11])+int(f[12]))*10
a=cpu(); out=subprocess.run(['python3',__file__.replace('cpu.py','load.py')]+sys.argv[2:],capture_output=True,text=True).stdout.strip(); b=cpu()
n=int(re.search(r' n=(\d+)',out).group(1)); print(out, f"cpu/req={(b-a)/max(n,1):.1f}ms")
