"""Regenerate all blind-set-d cases (names starting with 'n') and check them."""
import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lib import clean, ROOT
import cases1, cases2, cases3

clean()
for f in cases1.ALL + cases2.ALL + cases3.ALL:
    f()
print(len(os.listdir(ROOT)), 'cases written to', os.path.abspath(ROOT))
