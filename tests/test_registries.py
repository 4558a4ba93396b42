"""The registries beside the configuration (fora, consultation rules, department directory):
check-config refuses what run refuses, with the same exit status, and every error names the
registry's file, the configuration key pointing to it and the entry and field inside it."""
from pathlib import Path

import pytest

from mailbot.cli import main
from mailbot.config.resources import shipped

FORA = shipped("config/fora.toml").read_text(encoding="utf-8")
RULES = shipped("config/consultation.toml").read_text(encoding="utf-8")
DEPARTMENT = '[[department]]\ncode = "AUA"\nmanager = "leder.aua@udi.no"\nmembers = ["*@udi.no"]\n'
BASE = '[maildir]\npath = "inbox"\noutbox = "outbox"\n[store]\npath = "db.json"\n'
PARSING = '[parsing]\nfora = "fora.toml"\nconsultation_rules = "rules.toml"\n[unit]\ndirectory = "departments.toml"\n'


def forum(fields: str) -> str:
    """The shipped registry with one more forum (the entry forum[N] counted from 0)."""
    return FORA + f'\n[[forum]]\ncode = "NEW"\nname = "A new forum"\n{fields}\n'


NEW = f"forum[{FORA.splitlines().count('[[forum]]')}]"  # counted from 0


def setup(tmp_path: Path, fora: str = FORA, rules: str = RULES, directory: str = DEPARTMENT) -> Path:
    """A maildir configuration whose three registries are ``fora``, ``rules`` and ``directory``."""
    (tmp_path / "inbox" / "new").mkdir(parents=True)
    (tmp_path / "fora.toml").write_text(fora, encoding="utf-8")
    (tmp_path / "rules.toml").write_text(rules, encoding="utf-8")
    (tmp_path / "departments.toml").write_text(directory, encoding="utf-8")
    config = tmp_path / "mailbot.toml"
    config.write_text(BASE + PARSING, encoding="utf-8")
    return config


CASES = [
    pytest.param({"fora": "code: COUNCIL\nname: Council\n"}, "fora.toml (parsing.fora): ",
                 "not valid TOML: Expected '=' after a key in a key/value pair (at line 1", id="fora-not-toml"),
    pytest.param({"fora": forum('level = "strategc"')}, f"fora.toml (parsing.fora): {NEW}.level: ",
                 "expected one of strategic, operational, got 'strategc'", id="fora-bad-level"),
    pytest.param({"fora": forum('level = "strategic"\naliases = "x"')}, f"fora.toml (parsing.fora): {NEW}.aliases: ",
                 "expected a list of strings, got a string ('x')", id="fora-aliases-a-string"),
    pytest.param({"fora": forum('level = "strategic"\nalias = ["NF"]')}, f"fora.toml (parsing.fora): {NEW}.alias: ",
                 "unknown key", id="fora-unknown-field"),
    pytest.param({"fora": forum("")}, f"fora.toml (parsing.fora): {NEW}: ", "missing key level",
                 id="fora-missing-level"),
    pytest.param({"fora": "# nothing yet\n"}, "fora.toml (parsing.fora): ", "no [[forum]] entries",
                 id="fora-empty"),
    pytest.param({"rules": "x=1\n"}, "rules.toml (parsing.consultation_rules): ", "no [[rule]] entries",
                 id="rules-no-rules"),
    pytest.param({"rules": "x = 1\n" + RULES}, "rules.toml (parsing.consultation_rules): x: ", "unknown key",
                 id="rules-stray-key"),
    pytest.param({"rules": '[[rule]]\nid = "law"\nlabel_nb = "Lov"\nlabel_en = "Law"\npatterns = ["(law"]\n'},
                 "rules.toml (parsing.consultation_rules): rule[0].patterns: ", "bad regular expression",
                 id="rules-bad-regex"),
    pytest.param({"rules": '[[rule]]\nid = "law"\nlabel_nb = "Lov"\nlabel_en = "Law"\npatterns = "law"\n'},
                 "rules.toml (parsing.consultation_rules): rule[0].patterns: ", "expected a list of strings",
                 id="rules-patterns-a-string"),
    pytest.param({"directory": "[[department]\n"}, "departments.toml (unit.directory): ", "not valid TOML: ",
                 id="directory-not-toml"),
    pytest.param({"directory": DEPARTMENT.replace("leder.aua@udi.no", "leder")},
                 "departments.toml (unit.directory): department[0].manager: ", "expected an email address",
                 id="directory-bad-manager"),
    pytest.param({"directory": DEPARTMENT.replace('["*@udi.no"]', '"*@udi.no"')},
                 "departments.toml (unit.directory): department[0].members: ", "expected a list of strings",
                 id="directory-members-a-string"),
    pytest.param({"directory": ""}, "departments.toml (unit.directory): ", "no [[department]] entries",
                 id="directory-empty"),
]


@pytest.mark.parametrize("registries, where, words", CASES)
@pytest.mark.parametrize("command", [["check-config"], ["run", "--once"]])
def test_check_config_and_run_refuse_a_bad_registry_naming_file_key_and_field(tmp_path, capsys, command,
                                                                              registries, where, words):
    config = setup(tmp_path, **registries)
    assert main(["--config", str(config), *command]) == 2
    err = capsys.readouterr().err
    assert f"{tmp_path}/{where}{words}" in err, err


def test_check_config_and_run_accept_the_shipped_registries(tmp_path, capsys):
    config = setup(tmp_path)
    assert main(["--config", str(config), "check-config"]) == 0
    fora = FORA.splitlines().count("[[forum]]")  # OTHER among them
    assert (f"# registries read: parsing.fora {fora} fora, parsing.consultation_rules 5 rules, "
            "unit.directory 1 departments") in capsys.readouterr().out
    assert main(["--config", str(config), "run", "--once"]) == 0
