# Adds 20 accounts of 2,000 people (CEO -> 10 VPs -> 100 directors -> staff) and 2,000 of 8 people, with deals and
# buying influences, to a KeySell SQLite database created by a first start of the app. Deterministic (seed 1) except ids.
# usage: python3 generate.py /path/keysell.db
import sqlite3, uuid, random, sys
random.seed(1)
db=sqlite3.connect(sys.argv[1])
now='2026-11-30 02:30:00.0000000+00:00'
U=lambda: str(uuid.uuid4()).upper()
sur=['王','李','张','刘','陈','杨','赵','黄','周','吴']; given=['伟','芳','娜','敏','静','强','磊','军','洋','勇','艳','杰']
en=['Wang','Li','Zhang','Liu','Chen','Yang','Zhao','Huang','Zhou','Wu']; eg=['Wei','Fang','Na','Min','Jing','Qiang','Lei','Jun','Yang','Yong','Yan','Jie']
titles=['总监 Director','经理 Manager','工程师 Engineer','采购专员 Buyer','副总裁 VP','主管 Supervisor']
depts=['财务部 Finance','采购部 Procurement','信息技术部 IT','生产部 Production','质量部 Quality','物流部 Logistics','销售部 Sales','研发部 R&D']
acc=[];ppl=[];dep=[];opp=[];inf=[]
big=[]
def person(a,boss,d):
    i=random.randrange(10);j=random.randrange(12)
    pid=U(); ppl.append((pid,a,f"{sur[i]}{given[j]} {en[i]} {eg[j]} {len(ppl)}",random.choice(titles),d,boss,'active',now,'gen',now,'gen',1)); return pid
for n in range(2020):
    a=U(); size=2000 if n<20 else 8
    acc.append((a,now,'gen','gen-industry',f"生成集团 Generated Group {n:05d}",'Region',now,'gen',1))
    if n<20: big.append(a)
    ds=[U() for _ in depts]
    for k,d in enumerate(ds): dep.append((d,a,depts[k],now,'gen',now,'gen',1))
    ceo=person(a,None,ds[0]); pp=[ceo]
    if size==2000:
        vps=[person(a,ceo,ds[k%8]) for k in range(10)]; pp+=vps
        dirs=[person(a,v,ds[k%8]) for v in vps for k in range(10)]; pp+=dirs
        while len(pp)<2000: pp.append(person(a,random.choice(dirs),random.choice(ds)))
    else:
        while len(pp)<size: pp.append(person(a,ceo,random.choice(ds)))
    for o in range(25 if size==2000 else 2):
        oid=U(); opp.append((oid,a,f"Deal {n}-{o}",random.choice(['universe','above','in','best-few']),now,'gen',now,'gen',1))
        for k,p in enumerate(random.sample(pp,6)):
            inf.append((U(),oid,p,f"p{k}",k,random.choice([1,2,4,8]),'medium',random.randint(-5,5),'occasional','growth','[]','[]',now,'gen',now,'gen',1))
db.executemany("insert into Accounts(Id,CreatedAt,CreatedBy,Industry,Name,Region,UpdatedAt,UpdatedBy,Version) values(?,?,?,?,?,?,?,?,?)",acc)
db.executemany("insert into Departments(Id,AccountId,Name,CreatedAt,CreatedBy,UpdatedAt,UpdatedBy,Version) values(?,?,?,?,?,?,?,?)",dep)
db.executemany("insert into People(Id,AccountId,Name,Title,DepartmentId,ReportsToId,Status,CreatedAt,CreatedBy,UpdatedAt,UpdatedBy,Version) values(?,?,?,?,?,?,?,?,?,?,?,?)",ppl)
db.executemany("insert into Opportunities(Id,AccountId,Name,FunnelLevel,CreatedAt,CreatedBy,UpdatedAt,UpdatedBy,Version) values(?,?,?,?,?,?,?,?,?)",opp)
db.executemany("insert into BuyingInfluences(Id,OpportunityId,PersonId,Key,Position,Roles,Influence,Support,Contact,Mode,Wins,Results,CreatedAt,CreatedBy,UpdatedAt,UpdatedBy,Version) values(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",inf)
db.commit()
print(len(acc),len(ppl),len(opp),len(inf)); print("BIG",big[0]); print("OPP",opp[0][0])
