"""Every corpus case parses to the values of its expected.json, field by field."""
import json

import pytest
from helpers import KNOWN_MISSES, corpus_cases

from mailbot.devtools import corpus

CASES = corpus_cases()


def test_the_corpus_is_there():
    assert len(CASES) >= 24


@pytest.mark.parametrize("case", [
    pytest.param(c, marks=pytest.mark.xfail(reason=KNOWN_MISSES[c.name], strict=True)) if c.name in KNOWN_MISSES else c
    for c in CASES], ids=[c.name for c in CASES])
def test_case(case, parser):
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    got = parser.parse((case / "message.eml").read_bytes()).to_json()
    wrong = {name: (expected[name], got[name]) for name in corpus.FIELDS
             if not corpus.same(name, expected[name], got[name], expected)}
    assert wrong == {}


@pytest.mark.slow  # parses the whole corpus again
def test_eval_corpus_command(capsys):
    from mailbot.cli import main
    status = main(["eval-corpus", str(CASES[0].parent)])
    out = capsys.readouterr().out
    assert status == 1  # a mismatch, the known miss
    assert f"{len(CASES)} cases" in out.splitlines()
    assert "  sequence                100.0 %" in out
    assert "MISMATCH 515_ottawa_roundtable_crosses_midnight_utc forum: expected 'OTHER', got 'NORDIC'" in out


def test_a_score_below_100_never_reads_100():
    right = dict.fromkeys(corpus.FIELDS, 250) | {"forum": 249}
    report = corpus.Report(250, right, [corpus.Mismatch("515_ottawa", "forum", "OTHER", "NORDIC")])
    lines = corpus.render(report).splitlines()
    assert lines[-1] == "overall 99.9 % of fields right"  # 3499 of 3500 is 99.97 %
    assert "  forum                    99.6 %  (249/250)" in lines
    assert "  title                   100.0 %  (250/250)" in lines
    assert (corpus.percent(2, 3), corpus.percent(1999, 2000), corpus.percent(0, 0)) == ("66.6", "99.9", "0.0")
