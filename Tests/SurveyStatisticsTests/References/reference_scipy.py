"""Reference values from scipy for the SurveyStatistics tests.

Run from this folder:   python3 reference_scipy.py
Writes scipy.json beside this script. The committed scipy.json was produced by Python 3.11.7
with numpy 2.4.6 and scipy 1.17.1.

Covers: norm/t/chi2/f/beta cdf, sf, ppf and isf over wide grids (df from 0.01 to 1e10, shape
parameters 0.01 to 1e5, tails to 1e-300); binom pmf/cdf/sf; hypergeom pmf/cdf/sf; binomtest
(two-sided); proportion intervals (binomtest(...).proportion_ci 'wilson', 'wilsoncc'; Clopper-Pearson
from beta.ppf/isf;
Jeffreys from beta.ppf with Brown et al.'s boundary rule; Agresti-Coull by its formula);
mannwhitneyu (method='auto'); kruskal; chi2_contingency(correction=False) with
contingency.association (Cramér's V); fisher_exact; the pooled two-proportion z test and
Newcombe's hybrid score interval (from binomtest Wilson intervals); McNemar exact (binomtest);
wilcoxon(method='approx') for zero_method 'wilcox'/'pratt' with and without correction;
spearmanr; false_discovery_control ('bh', 'by'); ttest_ind (Welch and Student), ttest_rel; the
survey-style Wilson interval of svyciprop (statistics.md §1.5, which survey 4.1 lacks) from
numpy code that reproduces R's svymean SE.

scipy.stats.f.isf loses precision in the far upper tail (e.g. F(2, 10) at 1e-15 returns
4995.80 instead of the exact 4995), so F isf references use d2/d1 * (1 - y)/y with
y = beta.ppf(q, d2/2, d1/2).
"""
import json
import math

import numpy as np
from scipy import stats
from scipy.stats import contingency

out = {}

# ---- distributions ------------------------------------------------------------------------
cases=[]
def add(fam, fn, params, x, v):
    v=float(v)
    if math.isnan(v): return
    cases.append(dict(family=fam, function=fn, params=[float(p) for p in params], x=float(x), expected=v))
PROBS=[1e-300,1e-100,1e-15,1e-10,1e-6,1e-3,0.025,0.1,0.3,0.5,0.6,0.9,0.975,0.999,1-1e-10]
QS=[1e-300,1e-15,1e-8,1e-3,0.025,0.4]
for x in [-38,-30,-20,-10,-5,-2,-1,-0.5,0,0.3,1,2.5,5,8.2,10,20,37]:
    add('norm','cdf',[],x,stats.norm.cdf(x)); add('norm','sf',[],x,stats.norm.sf(x))
for p in PROBS: add('norm','ppf',[],p,stats.norm.ppf(p))
for q in QS: add('norm','isf',[],q,stats.norm.isf(q))
for df in [0.1,0.5,1,1.5,2,3,4.7,10,17.537403,30,100,1e3,1e5,1e7,1e10]:
    for x in [-1e4,-50,-10,-3,-1,-0.1,0,0.5,2,7,40,1e3]:
        for fn in ['cdf','sf']:
            v=getattr(stats.t,fn)(x,df)
            if v>1e-300: add('t',fn,[df],x,v)
    for p in [1e-15,1e-10,1e-6,1e-3,0.025,0.2,0.5,0.7,0.975,0.999999]:
        add('t','ppf',[df],p,stats.t.ppf(p,df))
    for q in [1e-15,1e-8,0.025]: add('t','isf',[df],q,stats.t.isf(q,df))
for df in [0.01,0.1,0.5,1,2,3,7.5,10,50,100,1e3,1e4,1e5,1e6]:
    xs=[1e-10,1e-3,0.1,0.5,1,2,5,10,30,100,1e3,1e4,1e5,1.1e6]+[df*(1+k*math.sqrt(2/df)) for k in (-3,-1,0,1,3,8)]
    for x in xs:
        if x<=0: continue
        for fn in ['cdf','sf']:
            v=getattr(stats.chi2,fn)(x,df)
            if v>1e-300: add('chi2',fn,[df],x,v)
    for p in [1e-15,1e-10,1e-6,1e-3,0.025,0.2,0.5,0.7,0.975,0.999999]:
        add('chi2','ppf',[df],p,stats.chi2.ppf(p,df))
    for q in [1e-15,1e-8,0.025]: add('chi2','isf',[df],q,stats.chi2.isf(q,df))
for d1,d2 in [(1,1),(0.5,3),(2,10),(3,112),(3.976343,111.337607),(10,0.7),(50,50),(1e3,1e4),(1e5,1e5),(5,1e6),(9,81)]:
    for x in [1e-8,0.01,0.3,1,2.5,10,1e3,1e6]:
        for fn in ['cdf','sf']:
            v=getattr(stats.f,fn)(x,d1,d2)
            if v>1e-300: add('f',fn,[d1,d2],x,v)
    for p in [1e-15,1e-10,1e-6,1e-3,0.025,0.2,0.5,0.7,0.975,0.999999]:
        add('f','ppf',[d1,d2],p,stats.f.ppf(p,d1,d2))
    for q in [1e-15,1e-8,0.025]:
        y=stats.beta.ppf(q,d2/2,d1/2)
        add('f','isf',[d1,d2],q,d2/d1*(1-y)/y)
sh=[0.01,0.1,0.5,1,2.5,10,100,1e4,1e5]
for a in sh:
    for b in sh:
        m=a/(a+b)
        for x in [1e-12,1e-5,1e-3,0.05,0.3,0.5,m,0.7,0.95,0.999,1-1e-7, m*(1-1e-3), min(m*(1+1e-3),0.9999999)]:
            for fn in ['cdf','sf']:
                v=getattr(stats.beta,fn)(x,a,b)
                if v>1e-300: add('beta',fn,[a,b],x,v)
        for p in [1e-15,1e-10,1e-6,1e-3,0.025,0.2,0.5,0.7,0.975,0.999999]:
            v=stats.beta.ppf(p,a,b)
            if v>1e-300: add('beta','ppf',[a,b],p,v)
        for q in [1e-15,1e-8,0.025]:
            v=stats.beta.isf(q,a,b)
            if v>1e-300: add('beta','isf',[a,b],q,v)
for n in [1,5,20,100,1000,100000]:
    for p in [0,0.001,0.1,0.5,0.77,0.999,1]:
        for k in sorted(set([0,1,n//3,n//2,int(n*p),n-1,n])):
            if k<0 or k>n: continue
            for fn in ['pmf','cdf','sf']:
                v=getattr(stats.binom,fn)(k,n,p)
                if v>1e-300 or v==0: add('binom',fn,[n,p],k,v)
for M,nn,N in [(20,7,12),(85,40,45),(1000,300,50),(21,11,10),(5,5,3),(10,0,4)]:
    for k in range(0,N+1,max(1,N//7)):
        for fn in ['pmf','cdf','sf']:
            v=getattr(stats.hypergeom,fn)(k,M,nn,N)
            add('hypergeom',fn,[M,nn,N],k,v)
out['distributions']=cases

A=[4,5,3,4,4,5,2,4,5,3]; B=[2,3,3,1,4,2,3,2,3,3,2]; C=[3,4,4,3,5,4,3,4]
P=[2.31,4.12,3.35,5.01,2.98,4.44,3.87]; Q=[1.95,2.64,3.12,2.20,2.75,3.30,1.81,2.49,2.02]
U=[10.2,11.5,9.8,12.1,13.4,10.9,11.1,12.8,9.5,10.4,11.9,12.3]
V=[9.1,10.05,8.7,11.25,9.9,10.6,8.2,9.35,10.85,9.6,8.95,10.3,11.6,9.05,8.45]
samples={'likertAB':(A,B),'likertAC':(A,C),'likertBC':(B,C),'exactSmall':([3,5,4,6],[1,2,7,0,8]),
  'exactSevenNine':(P,Q),'continuous':(U,V),'pairOfTwo':([3,5],[1,2,2]),'threeFive':([2,2,4],[1,3,3,5,2]),
  'heavyTies':([1,1,1,2,2,2,2,3],[2,2,3,3,3,3,3,3,1]),'exactOneVsMany':([7.5],U),'exactTwoEight':([0.5,20.1],[1.1,2.2,3.3,4.4,5.5,6.6,7.7,8.8])}
f=float

# ---- binomial test and proportion intervals ------------------------------------------------
out['binomialTest']=[dict(k=k,n=n,p=p,pValue=f(stats.binomtest(k,n,p).pvalue)) for k,n,p in
  [(3,13,0.5),(10,13,0.5),(0,12,0.5),(7,50,0.1),(18,20,0.75),(5,5,0.3),(682,925,0.75),(2,30,0.25),(40,100,0.4),(1,1,0.5),(0,1,0.2),(6,10,0.6),(3,1000,0.01)]]
def agresti(x,n,level):
    z=stats.norm.ppf(1-(1-level)/2); nt=n+z*z; pt=(x+z*z/2)/nt; h=z*math.sqrt(pt*(1-pt)/nt)
    return max(0.0,pt-h),min(1.0,pt+h)
def clopper(x,n,level):
    # binomtest(...).proportion_ci(method='exact') solves with a root finder and is off by up
    # to 2e-9 (1/400 at 0.9); the beta quantiles below are the same interval in closed form.
    a=(1-level)/2
    lo=0.0 if x==0 else stats.beta.ppf(a,x,n-x+1)
    hi=1.0 if x==n else stats.beta.isf(a,x+1,n-x)
    return lo,hi
def jeffreys(x,n,level):
    a=(1-level)/2
    lo=0.0 if x==0 else stats.beta.ppf(a,x+0.5,n-x+0.5)
    hi=1.0 if x==n else stats.beta.isf(a,x+0.5,n-x+0.5)
    return lo,hi
pis=[]
for x,n in [(3,10),(0,12),(7,50),(18,20),(20,20),(1,2),(2,3),(5,5),(0,1),(1,1),(250,1000),(1,400)]:
    for level in [0.9,0.95,0.99]:
        r=stats.binomtest(x,n)
        for name,meth in [('wilson','wilson'),('wilsonContinuityCorrected','wilsoncc')]:
            ci=r.proportion_ci(confidence_level=level,method=meth)
            pis.append(dict(successes=x,trials=n,level=level,method=name,lower=f(ci.low),upper=f(ci.high)))
        for name,fn in [('clopperPearson',clopper),('agrestiCoull',agresti),('jeffreys',jeffreys)]:
            lo,hi=fn(x,n,level); pis.append(dict(successes=x,trials=n,level=level,method=name,lower=f(lo),upper=f(hi)))
out['proportionIntervals']=pis

# ---- t tests -------------------------------------------------------------------------------
tt=[]
for name,(x,y) in samples.items():
    if len(x)<2: continue
    for kind in ['welch','student']:
        r=stats.ttest_ind(x,y,equal_var=(kind=='student'))
        tt.append(dict(name=name,kind=kind,x=x,y=y,statistic=f(r.statistic),df=f(r.df),pValue=f(r.pvalue)))
w1=[3,2,4,3,2,3,1,4,2,3,3,2]; w2=[4,4,4,5,3,2,3,5,3,4,3,4]
r=stats.ttest_rel(w2,w1); tt.append(dict(name='waves',kind='paired',x=w2,y=w1,statistic=f(r.statistic),df=f(r.df),pValue=f(r.pvalue)))
out['tTests']=tt

# ---- rank tests ----------------------------------------------------------------------------
mw=[]
for name,(x,y) in samples.items():
    for cc in [True,False]:
        r=stats.mannwhitneyu(x,y,use_continuity=cc,method='auto')
        xy=np.concatenate([x,y]); ties=len(np.unique(xy))<len(xy)
        exact=(not ties) and min(len(x),len(y))<=8
        if exact and not cc: continue
        n1,n2=len(x),len(y)
        mw.append(dict(name=name,x=x,y=y,method='exact' if exact else 'asymptotic',continuity=cc,u1=f(r.statistic),pValue=f(r.pvalue),
                       rankBiserial=f(2*r.statistic/(n1*n2)-1)))
out['mannWhitney']=mw
kw=[]
for name,g in {'likert':[A,B,C],'small':[[3,5],[1,2,2],[2,2,4],[1,3,3,5,2]],'continuous':[P,Q,U],'twoGroups':[A,B],'pairs':[[1,2],[2,3],[3,4]]}.items():
    r=stats.kruskal(*g); N=sum(len(v) for v in g)
    kw.append(dict(name=name,groups=g,statistic=f(r.statistic),df=len(g)-1,pValue=f(r.pvalue),epsilonSquared=f(r.statistic/(N-1))))
out['kruskalWallis']=kw
wx=[]
mixed=([5,3,4,4,2,5,1,3,4,2,5,3,3,4],[3,3,2,4,4,1,2,3,1,2,2,5,1,1])
for name,(x,y) in {'waves':(w2,w1),'mixed':mixed,'manyZeros':([1,2,3,4,5,6,7,8],[1,2,3,3,6,5,7,9]),'continuous':(U,[u-0.3*((i%3)-1)-0.05*i for i,u in enumerate(U)])}.items():
    for zm in ['wilcox','pratt']:
        for cc in [False,True]:
            r=stats.wilcoxon(x,y,zero_method=zm,correction=cc,method='approx')
            wx.append(dict(name=name,x=x,y=y,zeroMethod=zm,correction=cc,statistic=f(r.statistic),pValue=f(r.pvalue),z=f(r.zstatistic)))
out['wilcoxon']=wx

# ---- tables --------------------------------------------------------------------------------
tabs={'bands':[[7,2,1],[1,5,5],[5,3,0]],'counts':[[7,1,2],[1,5,5],[5,1,2]],'twoByTwo':[[8,2],[3,8]],'waves':[[18,22],[27,18]],
      'large':[[120,80,45,30],[60,95,70,52]],'sparse':[[1,0,4],[0,3,1],[2,1,0],[5,0,2]],'twoByFive':[[3,9,12,7,1],[6,4,8,10,5]]}
cs=[]
for name,t in tabs.items():
    r=stats.chi2_contingency(t,correction=False)
    cs.append(dict(name=name,table=t,statistic=f(r.statistic),df=int(r.dof),pValue=f(r.pvalue),expected=r.expected_freq.tolist(),
                   cramersV=f(contingency.association(t,method='cramer',correction=False))))
out['chiSquare']=cs
fi=[]
for t in [(8,2,3,8),(18,22,27,18),(1,9,11,3),(0,5,5,0),(3,0,0,3),(10,10,10,10),(2,7,8,2),(12,5,9,7),(0,4,3,6),(0,0,3,4),(5,0,0,0),(1,0,0,1),(40,10,15,35),(7,3,0,10)]:
    r=stats.fisher_exact([[t[0],t[1]],[t[2],t[3]]])
    orv=None if math.isnan(r.statistic) else f(r.statistic)
    fi.append(dict(table=list(t),oddsRatio=orv,pValue=f(r.pvalue)))
out['fisher']=fi
tp=[]
for x1,n1,x2,n2 in [(27,45,18,40),(8,10,3,11),(0,12,4,15),(30,60,30,60),(45,50,20,50),(1,2,2,3),(5,5,0,5)]:
    p1,p2=x1/n1,x2/n2; pp=(x1+x2)/(n1+n2); z=(p1-p2)/math.sqrt(pp*(1-pp)*(1/n1+1/n2))
    chi=stats.chi2_contingency([[x1,n1-x1],[x2,n2-x2]],correction=False)
    c1=stats.binomtest(x1,n1).proportion_ci(method='wilson'); c2=stats.binomtest(x2,n2).proportion_ci(method='wilson')
    lo=(p1-p2)-math.sqrt((p1-c1.low)**2+(c2.high-p2)**2); hi=(p1-p2)+math.sqrt((c1.high-p1)**2+(p2-c2.low)**2)
    tp.append(dict(successes1=x1,trials1=n1,successes2=x2,trials2=n2,z=f(z),pValue=f(2*stats.norm.sf(abs(z))),chiSquare=f(chi.statistic),newcombeLower=f(lo),newcombeUpper=f(hi)))
out['twoProportion']=tp
mc=[]
for b,c in [(3,10),(10,3),(0,6),(5,5),(12,30),(1,2),(0,1),(25,60)]:
    mc.append(dict(b=b,c=c,exactP=f(stats.binomtest(b,b+c).pvalue),chiSquare=f((b-c)**2/(b+c)),chiSquareP=f(stats.chi2.sf((b-c)**2/(b+c),1))))
out['mcnemar']=mc

# ---- correlation and multiplicity ----------------------------------------------------------
sp=[]
for name,(x,y) in {'doc':([1,2,2,3,4,4,5,5,3,2],[2,1,3,3,4,5,4,5,2,3]),'continuous':(U,[u*u/10-v for u,v in zip(U,U[::-1])]),'three':([1,2,3],[2,1,3]),
                   'perfect':([1,2,3,4,5],[2,4,6,8,10]),'ties':([1,1,2,2,3,3,4,4],[1,2,1,2,3,4,3,4])}.items():
    r=stats.spearmanr(x,y)
    sp.append(dict(name=name,x=x,y=y,rho=f(r.statistic),pValue=f(r.pvalue)))
out['spearman']=sp
fdr=[]
for ps in [[0.001,0.008,0.039,0.041,0.042,0.060,0.074,0.205,0.212,0.216],[0.5,0.6,0.1,0.001],[0.04,0.04,0.04,0.2,0.01,1,0],[0.3,0.3],
           [0.0001,0.0004,0.0019,0.0095,0.0201,0.0278,0.0298,0.0344,0.0459,0.3240,0.4262,0.5719,0.6528,0.7590,1.000]]:
    fdr.append(dict(p=ps,bh=stats.false_discovery_control(ps).tolist(),by=stats.false_discovery_control(ps,method='by').tolist()))
out['fdr']=fdr

# ---- survey-style Wilson interval (svyciprop method="wilson", statistics.md §1.5) ----------
def svymean(y,w):
    y=np.asarray(y,float); w=np.asarray(w,float); n=len(y); W=w.sum(); m=(w*y).sum()/W
    z=w*(y-m)/W; z=z-z.mean(); return m,math.sqrt(n/(n-1)*(z**2).sum())
sw=[]
for name,y,w in [('binary',[1,0,1,1,0,0,1,0,1,1,0,1,0,0,1,0,0,1,0,0],[1.2,0.8,1.5,1.0,0.6,0.9,2.0,1.1,0.7,1.3,1.0,0.8,1.4,0.9,1.6,1.0,0.7,1.2,0.9,1.4]),
                 ('binaryUnweighted',[1,0,1,1,0,0,1,0,1,1,0,1,0,0,1,0,0,1,0,0],[1]*20),('three',[1,0,1],[1,2,1.5]),
                 ('skewed',[1,0,0,0,0,0,0,0,0,0,0,1,0,0,0],[2.5,1,1,1.2,0.8,1,1,1.1,0.9,1,1,0.6,1.3,1,1])]:
    p,se=svymean(y,w)
    for level in [0.9,0.95]:
        t=stats.t.ppf(1-(1-level)/2,len(y)-1); neff=p*(1-p)/se**2
        den=1+t*t/neff; r=math.sqrt(4*neff*p*(1-p)+t*t)
        sw.append(dict(name=name,y=y,w=w,method='wilson',level=level,lower=f((p+t*t/(2*neff)-t/(2*neff)*r)/den),upper=f((p+t*t/(2*neff)+t/(2*neff)*r)/den),
                       kishEffectiveSize=f(np.sum(w)**2/np.sum(np.square(w)))))
out['surveyWilson']=sw

def enc(o):
    if isinstance(o,dict): return {k:enc(v) for k,v in o.items()}
    if isinstance(o,(list,tuple)): return [enc(v) for v in o]
    if isinstance(o,(np.floating,float)):
        o=float(o)
        if math.isinf(o): return "inf" if o>0 else "-inf"
        return o
    if isinstance(o,np.integer): return int(o)
    return o
with open('scipy.json','w') as fh:
    json.dump(enc(out),fh)
print('wrote scipy.json')
