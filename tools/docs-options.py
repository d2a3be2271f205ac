#!/usr/bin/env python3
"""Prints a Markdown table of every public property of every *Options class under src/, from the code and its
XML docs (in the name order; docs/hosting.md groups them by topic). Run it after adding an option and paste the class's section
into docs/hosting.md; GuidesCoverageTests.Hosting_EveryOptionOfEveryOptionsClass_IsInItsSection (docs/snippets) fails until
every option is there.

    python3 tools/docs-options.py [ClassName ...]
"""
import re,sys,glob
files=[f for f in glob.glob('src/**/*.cs',recursive=True) if '/obj/' not in f and '/Model/' not in f]
out={}
for f in files:
    src=open(f).read()
    m=re.search(r'public (?:sealed )?(?:partial )?(?:class|record) (\w*Options)\b',src)
    if not m: continue
    name=m.group(1)
    lines=src.split('\n'); summ=[]; props=[]
    collecting=False
    for l in lines:
        s=l.strip()
        if s.startswith('///'):
            summ.append(s[3:].strip()); continue
        mm=re.match(r'public (?:required )?([\w<>\[\]?,. ]+?) (\w+) \{ get;(?: (?:set|init);)? \}(?: = (.*);)?$',s)
        if mm:
            d=' '.join(summ)
            d=re.sub(r'<param.*','',d)
            d=re.sub(r'</?(summary|remarks|para)>','',d)
            d=re.sub(r'<see cref="(?:[A-Z]:)?(?:[\w.]+\.)?([^".]+)"\s*/>',r'`\1`',d)
            d=re.sub(r'<see langword="(\w+)"\s*/>',r'`\1`',d)
            d=re.sub(r'<see cref="[^"]*">(.*?)</see>',r'\1',d)
            d=re.sub(r'<c>(.*?)</c>',r'`\1`',d)
            d=re.sub(r'\s+',' ',d).strip()
            d=re.sub(r'^Gets (or sets |or initializes )?','',d)
            d=re.sub(r'^a value indicating whether ','whether ',d)
            d=d[0].upper()+d[1:] if d else d
            dflt=(mm.group(3) or '').strip()
            props.append((mm.group(2),mm.group(1),dflt,d.replace('|','\\|')))
        if not s.startswith('['): summ=[]
    out[name]=(f,props)
wanted=set(sys.argv[1:])
for name,(f,props) in sorted(out.items()):
    if wanted and name not in wanted: continue
    print(f"#### `{name}`\n\n| Option | Type | Default | What it does |\n|---|---|---|---|")
    for p,t,dv,d in props:
        dv=dv.replace('|','\\|').replace('string.Empty','""')
        print(f"| `{p}` | `{t}` | {('`'+dv+'`') if dv else ''} | {d} |")
    print()
