# Small load client (admin sign-in from KEYSELL_PASSWORD); usage: load.py PORT USERS SECONDS PATH...
# Signs in once, then N threads GET the given paths for D seconds; prints p50/p95/p99, req/s, bytes.
import http.client, os, re, sys, threading, time, urllib.parse
host, port = '127.0.0.1', int(sys.argv[1]); conc=int(sys.argv[2]); dur=float(sys.argv[3]); paths=sys.argv[4:]
def signin():
    c=http.client.HTTPConnection(host,port); c.request('GET','/login'); r=c.getresponse(); body=r.read().decode()
    cookies={}
    for k,v in r.getheaders():
        if k.lower()=='set-cookie': n,val=v.split(';')[0].split('=',1); cookies[n]=val
    tok=re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"',body) or re.search(r'value="([^"]+)" name="__RequestVerificationToken"',body) or re.search(r'__RequestVerificationToken[^>]*value="([^"]+)"',body)
    data=urllib.parse.urlencode({'email':'admin@keysell.local','password':os.environ['KEYSELL_PASSWORD'],'returnUrl':'/','__RequestVerificationToken':tok.group(1)})
    c.request('POST','/login',data,{'Content-Type':'application/x-www-form-urlencoded','Cookie':'; '.join(f'{k}={v}' for k,v in cookies.items())})
    r=c.getresponse(); r.read()
    for k,v in r.getheaders():
        if k.lower()=='set-cookie': n,val=v.split(';')[0].split('=',1); cookies[n]=val
    return '; '.join(f'{k}={v}' for k,v in cookies.items())
cookie=signin()
lat=[];size=[0];errs=[0];lock=threading.Lock();stop=time.time()+dur
def work(i):
    c=http.client.HTTPConnection(host,port,timeout=60); k=i
    while time.time()<stop:
        p=paths[k%len(paths)];k+=1;t=time.perf_counter()
        try:
            c.request('GET',p,headers={'Cookie':cookie}); r=c.getresponse(); b=r.read(); d=time.perf_counter()-t
            with lock:
                lat.append(d); size[0]=len(b)
                if r.status!=200: errs[0]+=1
        except Exception as e:
            with lock: errs[0]+=1
            c=http.client.HTTPConnection(host,port,timeout=60)
ts=[threading.Thread(target=work,args=(i,)) for i in range(conc)]; t0=time.time()
[t.start() for t in ts];[t.join() for t in ts]; el=time.time()-t0
lat.sort(); q=lambda f: lat[min(len(lat)-1,int(f*len(lat)))]*1000
print(f"c={conc} n={len(lat)} err={errs[0]} rps={len(lat)/el:.1f} p50={q(.5):.1f}ms p95={q(.95):.1f}ms p99={q(.99):.1f}ms bytes={size[0]}")
