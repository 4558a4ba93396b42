"""Configuration: the example file is valid; every error names the file and the key."""
import dataclasses
from pathlib import Path

import pytest

from mailbot.cli import main
from mailbot.config import settings as config
from mailbot.errors import ConfigError
from mailbot.records.directory import Directory

EXAMPLE = Path(__file__).resolve().parent.parent / "config" / "mailbot.example.toml"
SERVICE = EXAMPLE.parent / "mailbot.service"


IMAP = """[mailbox]
backend = "imap"
[smtp]
host = "smtp.udi.no"
username = "ine@udi.no"
auth = "xoauth2"
token_env = "T"
[imap]
host = "imap.udi.no"
security = "tls"
username = "ine@udi.no"
password_env = "P"
"""


def test_an_imap_configuration_is_read_with_its_secrets_by_name(tmp_path):
    loaded = config.load(write(tmp_path, IMAP))
    assert (loaded.imap.host, loaded.imap.port, loaded.imap.idle_seconds) == ("imap.udi.no", 993, 300.0)
    assert loaded.imap.password == config.Secret(env="P") and loaded.smtp.token == config.Secret(env="T")
    assert (loaded.smtp.port, loaded.smtp.security, loaded.smtp.copy_to_mailbox) == (587, "starttls", True)


def write(tmp_path, text: str) -> Path:
    path = tmp_path / "mailbot.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_example_file_is_valid_and_gives_the_defaults():
    loaded = config.load(EXAMPLE)
    assert loaded.mailbox.address == "ine@udi.no"
    assert loaded.senders.allowed_domains == ("udi.no",)
    assert loaded.parsing.default_timezone == "Europe/Oslo"
    assert loaded.store.path == Path("/var/lib/mailbot/mailbot.json")
    defaults = config.Config()
    differ = {f"{section.name}.{key.name}" for section in dataclasses.fields(defaults)
              if dataclasses.is_dataclass(getattr(defaults, section.name))
              for key in dataclasses.fields(getattr(defaults, section.name))
              if getattr(getattr(loaded, section.name), key.name) != getattr(getattr(defaults, section.name), key.name)}
    # only the keys marked "(set for the unit)" or "(no default ...)" in the file
    assert differ == {"maildir.path", "maildir.outbox", "store.path", "imap.username", "imap.password",
                      "smtp.username", "smtp.password"}
    assert EXAMPLE.read_text(encoding="utf-8").count("\n# (set for the unit") == 5
    assert loaded.chase == config.ChaseConfig() and loaded.unit == config.UnitConfig()
    assert loaded.summary == config.SummaryConfig() and loaded.summary_recipients == ("ine@udi.no",)
    assert loaded.unit_recipients == ("ine@udi.no",)


def test_the_example_copied_to_etc_keeps_its_state_and_secrets_where_the_systemd_unit_has_them(tmp_path):
    unit = [line.split("=", 1) for line in SERVICE.read_text(encoding="utf-8").splitlines()
            if "=" in line and not line.startswith("#")]
    state = Path("/var/lib") / dict(unit)["StateDirectory"]
    assert dict(unit)["WorkingDirectory"] == str(state) == "/var/lib/mailbot"
    credentials = {value.split(":")[0] for key, value in unit if key == "LoadCredential"}
    etc = tmp_path / "etc" / "mailbot"
    etc.mkdir(parents=True)
    text = EXAMPLE.read_text(encoding="utf-8").replace('backend = "maildir"', 'backend = "imap"')
    (etc / "mailbot.toml").write_text(text.replace('host = ""', 'host = "mail.udi.no"'), encoding="utf-8")
    loaded = config.load(etc / "mailbot.toml")  # only the mail server filled in
    assert loaded.store.path == state / "mailbot.json"
    assert (loaded.maildir.path, loaded.maildir.outbox) == (state / "maildir", state / "outbox")
    run = Path("/run/credentials/mailbot.service")
    assert (loaded.imap.password.file, loaded.smtp.password.file) == (run / "imap-password", run / "smtp-password")
    assert credentials == {"imap-password", "smtp-password"}


def test_the_department_directory_example_names_managers(tmp_path):
    path = write(tmp_path, f'[unit]\ndirectory = "{EXAMPLE.parent / "departments.example.toml"}"\n'
                           'staff = ["Anne.Adviser@udi.no"]\n')
    loaded = config.load(path)
    directory = Directory.load(loaded.unit.directory)
    assert directory.department_of("Kari.Nordmann@udi.no").code == "AUA"
    assert directory.manager_of("kari.nordmann@udi.no") == "leder.aua@udi.no"
    assert directory.manager_of("leder.aua@udi.no") is None and directory.manager_of("x@udi.no") is None
    assert loaded.unit_recipients == ("Anne.Adviser@udi.no",)


def test_a_reference_prefix_of_letters_and_digits_is_taken_as_written(tmp_path):
    assert config.load(write(tmp_path, '[records]\nreference_prefix = "Udi2"\n')).records.reference_prefix == "Udi2"


def test_relative_paths_are_read_from_the_config_folder(tmp_path):
    loaded = config.load(write(tmp_path, '[store]\npath = "state/db.json"\n'))
    assert loaded.store.path == tmp_path / "state" / "db.json"


@pytest.mark.parametrize("text, key, words", [
    ('[mailbox]\nadress = "x@udi.no"\n', "mailbox.adress", "unknown key"),
    ('[senders]\nallowed_domains = "udi.no"\n', "senders.allowed_domains", "expected a list"),
    ('[maildir]\npoll_seconds = "fast"\n', "maildir.poll_seconds", "expected float"),
    ('[parsing]\ndefault_timezone = "Europe/Atlantis"\n', "parsing.default_timezone", "unknown IANA time zone"),
    ('[mailbox]\nbackend = "pigeon"\n', "mailbox.backend", "unknown backend"),
    ('[mailbox]\npassword = "hunter2"\n', "mailbox.password", "password_env"),
    ('[store\n', None, "not valid TOML"),
    ('[chase]\noffice_opens = "8"\n', "chase.office_opens", "HH:MM"),
    ('[chase]\noffice_opens = "17:00"\n', "chase.office_closes", "open before they close"),
    ('[chase]\nclosed_days = ["12-32"]\n', "chase.closed_days", "MM-DD"),
    ('[chase]\nreminder_days = [10, 5]\n', "chase.reminder_days", "increasing"),
    ('[chase]\nescalate_after_days = 10\n', "chase.reminder_days", "increasing"),
    ('[chase]\nout_of_office_days = 0\n', "chase.out_of_office_days", "out of range"),
    ('[records]\nreference_prefix = "ine 2"\n', "records.reference_prefix", "1 to 10 ASCII letters and digits"),
    ('[records]\nreference_prefix = "2INE"\n', "records.reference_prefix", "starting with a letter, got '2INE'"),
    ('[records]\nreference_prefix = ""\n', "records.reference_prefix", "PREFIX-YYYY-NNNN"),
    ('[records]\nreference_prefix = "INTERNASJONAL"\n', "records.reference_prefix", "1 to 10"),
    ('[records]\nreference_prefix = "INE-X"\n', "records.reference_prefix", "letters and digits"),
    ('[unit]\nadvisers = ["anne"]\n', "unit.advisers", "email addresses"),
    ('[unit]\ndirectory = "nowhere.toml"\n', "unit.directory", "file not found"),
    (IMAP.replace('host = "imap.udi.no"', ''), "imap.host", "host name is needed"),
    (IMAP.replace('security = "tls"', 'security = "ssl"'), "imap.security", "one of: tls, starttls, none"),
    (IMAP + "idle_seconds = 1800\n", "imap.idle_seconds", "RFC 2177"),
    (IMAP.replace('token_env = "T"', ''), "smtp.token_command", "xoauth2 needs"),
    (IMAP.replace('password_env = "P"', 'password = "hunter2"'), "imap.password", "password_env"),
    (IMAP.replace('password_env = "P"', ''), "imap.password_env", "password_env"),
    (IMAP.replace("[mailbox]", "[mailbox]\nreconnect_seconds = 0"), "mailbox.reconnect_seconds", "reconnect"),
    ('[summary]\nday = "mandag"\n', "summary.day", "weekday in English"),
    ('[summary]\ntime = "7.30"\n', "summary.time", "HH:MM"),
    ('[summary]\ntime = "24:00"\n', "summary.time", "HH:MM"),
    ('[summary]\nlanguage = "sv"\n', "summary.language", '"nb" or "en"'),
    ('[summary]\ntrend_weeks = 0\n', "summary.trend_weeks", "1 to 52"),
    ('[summary]\nrecipients = ["anne@gmail.com"]\n', "summary.recipients", "outside senders.allowed_domains"),
])
def test_errors_name_the_file_and_the_key(tmp_path, text, key, words):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as error:
        config.load(path)
    message = str(error.value)
    assert message.startswith(str(path))
    if key:
        assert f"{path}: {key}: " in message
    assert words in message


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(ConfigError, match="missing.toml: cannot read"):
        config.load(tmp_path / "missing.toml")


def test_check_config_prints_the_effective_config_with_secrets_masked(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("MAILBOT_TEST_SECRET", "hunter2")
    secret = config.Secret(env="MAILBOT_TEST_SECRET")
    assert secret.read() == "hunter2"
    assert secret.masked() == "env MAILBOT_TEST_SECRET (set)"
    assert main(["--config", str(EXAMPLE), "check-config"]) == 0
    out = capsys.readouterr().out
    assert "[mailbox]" in out and 'address = "ine@udi.no"' in out
    assert "hunter2" not in out


def test_a_bad_config_makes_the_command_fail_with_the_key(tmp_path, capsys):
    path = write(tmp_path, '[mailbox]\nadress = "x"\n')
    assert main(["--config", str(path), "check-config"]) == 2
    assert f"{path}: mailbox.adress: unknown key" in capsys.readouterr().err


def test_the_example_file_shows_every_key():
    text = EXAMPLE.read_text(encoding="utf-8")
    defaults = config.Config()
    for section in dataclasses.fields(defaults):
        value = getattr(defaults, section.name)
        if not dataclasses.is_dataclass(value):
            continue
        assert f"[{section.name}]" in text
        for key in dataclasses.fields(value):
            shown = f"{key.name}_env" if isinstance(getattr(value, key.name), config.Secret) else key.name
            assert f"\n{shown} = " in text or f"\n# {shown} = " in text, f"{section.name}.{shown}"
