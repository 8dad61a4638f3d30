import os, datetime, textwrap, re
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
CASES = []

def case(kind, nn, typ, slug, docs, why, files, wd=()):
    """files: dict stem -> (frontmatter dict or None, body str)
    wd: iterable of ('YYYY-MM-DD', 'Weekday') the text relies on; asserted.
    Asserted pairs are the TRUE weekdays the case depends on (not the wrong ones
    a contradiction states)."""
    for ds, name in wd:
        real = datetime.date.fromisoformat(ds).strftime('%A')
        assert real == name, (kind, nn, slug, ds, name, real)
    assert typ in ('contra', 'twin')
    assert (typ == 'twin') == (docs == [])
    for d in docs:
        assert d in files, (slug, d)
    CASES.append(dict(kind=kind, nn=nn, typ=typ, slug=slug, docs=docs, why=why, files=files))

def q(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'

def write_all():
    for c in CASES:
        d = os.path.join(ROOT, c['kind'], '%02d-%s-%s' % (c['nn'], c['typ'], c['slug']))
        os.makedirs(d, exist_ok=True)
        for stem, (fm, body) in c['files'].items():
            body = textwrap.dedent(body).strip('\n') + '\n'
            out = ''
            if fm:
                out = '---\n' + ''.join('%s: %s\n' % (k, q(v) if k == 'title' else v) for k, v in fm.items()) + '---\n'
            with open(os.path.join(d, stem + '.txt'), 'w') as f:
                f.write(out + body)
        with open(os.path.join(d, 'expected.yaml'), 'w') as f:
            f.write('kind: %s\n' % c['kind'])
            f.write('conflict: %s\n' % ('true' if c['typ'] == 'contra' else 'false'))
            f.write('docs: [%s]\n' % ', '.join(c['docs']))
            f.write('why: %s\n' % q(c['why']))
