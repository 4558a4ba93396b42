"""Every corpus case parses to the values of its expected.json, field by field."""
import json

import pytest

from conftest import corpus_cases
from mailbot import corpus

CASES = corpus_cases()


def test_the_corpus_is_there():
    assert len(CASES) >= 24


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(case, parser):
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    got = parser.parse((case / "message.eml").read_bytes()).to_json()
    wrong = {name: (expected[name], got[name]) for name in corpus.FIELDS
             if not corpus.same(name, expected[name], got[name], expected)}
    assert wrong == {}


def test_eval_corpus_command(capsys):
    from mailbot.cli import main
    status = main(["eval-corpus", str(CASES[0].parent)])
    out = capsys.readouterr().out
    assert status == 0
    assert "  start                   100.0 %" in out
    assert "overall 100.0 % of fields right" in out
