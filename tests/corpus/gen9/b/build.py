#!/usr/bin/env python3
"""Regenerate this set's k cases in tests/corpus/cases: python tests/corpus/gen9/b/build.py (stdlib only)."""
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import CASES, write_case  # noqa: E402
from g1_languages import CASES_G1  # noqa: E402
from g2_distractors import CASES_G2  # noqa: E402
from g3_places import CASES_G3  # noqa: E402
from g4_not_invitations import CASES_G4  # noqa: E402

for old in CASES.glob("k[0-9][0-9]_*"):  # this set's cases only
    shutil.rmtree(old)
CASES.mkdir(parents=True, exist_ok=True)
names = []
for fn in CASES_G1 + CASES_G2 + CASES_G3 + CASES_G4:
    name, eml, exp = fn()
    write_case(name, eml, exp)
    names.append(name)
print("\n".join(names))
print(len(names), "cases written to", CASES)
