"""Regenerate every case: python make_all.py (uses mailbot's venv python for extract_msg's OLE writer)."""
import shutil, os
import common
for old in os.listdir(common.OUT) if os.path.isdir(common.OUT) else []:  # this set's cases only
    if old.startswith("m") and old[1:3].isdigit():
        shutil.rmtree(os.path.join(common.OUT, old))
import make_a, make_b, make_c, make_d
for mod in (make_a, make_b, make_c, make_d):
    mod.run()
print(len(common.ALL), "cases written to", os.path.abspath(common.OUT))
