import importlib, shutil, os, common
if os.path.isdir(common.ROOT):
    for k in os.listdir(common.ROOT):
        p = os.path.join(common.ROOT, k)
        if os.path.isdir(p): shutil.rmtree(p)
for m in ['k1_same_event', 'k2_duration', 'k3_weekday_date', 'k4_pin_text', 'k5_page_body', 'k6_order_words', 'k7_inverted_range']:
    importlib.import_module(m)
common.write_all()
from collections import Counter
c = Counter((x['kind'], x['typ']) for x in common.CASES)
for k in sorted({x['kind'] for x in common.CASES}):
    print(k, c[(k, 'contra')], c[(k, 'twin')])
print('total', len(common.CASES))
