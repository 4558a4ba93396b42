"""Every value is checked to its real range at load, so no accepted configuration makes a later
command fail on it; the error names the file and the right key."""
import pytest

from mailbot.cli import main


@pytest.mark.parametrize("body, key", [
    ('[chase]\noffice_opens = "25:00"', "chase.office_opens"),
    ('[chase]\noffice_closes = "24:00"', "chase.office_closes"),
    ('[chase]\nclosed_days = ["02-30"]', "chase.closed_days"),
    ('[summary]\ntime = "07:60"', "summary.time"),
    ("[maildir]\npoll_seconds = 0", "maildir.poll_seconds"),
    ("[imap]\ntimeout_seconds = -1", "imap.timeout_seconds"),
    ("[smtp]\nport = 70000", "smtp.port"),
    ("[store]\ncompact_after = 0", "store.compact_after"),
    ("[maildir]\nmax_message_bytes = 0", "maildir.max_message_bytes"),
    ("[limits]\nmax_commands = 0", "limits.max_commands"),
])
def test_a_value_out_of_range_is_refused_by_check_config_naming_the_key(tmp_path, capsys, body, key):
    path = tmp_path / "mailbot.toml"
    path.write_text(body + "\n", encoding="utf-8")
    assert main(["--config", str(path), "check-config"]) == 2
    error = capsys.readouterr().err
    assert f"{path}: {key}:" in error


def test_office_hours_that_check_config_accepts_work_for_records_and_tick(tmp_path, capsys):
    path = tmp_path / "mailbot.toml"
    path.write_text(f'[chase]\noffice_opens = "23:00"\noffice_closes = "23:59"\n[store]\npath = "{tmp_path}/s.json"\n'
                    f'[maildir]\npath = "{tmp_path}/m"\noutbox = "{tmp_path}/o"\n', encoding="utf-8")
    assert main(["--config", str(path), "check-config"]) == 0
    assert main(["--config", str(path), "tick"]) == 0
    assert main(["--config", str(path), "records"]) == 0


def test_the_older_name_unit_staff_is_read_as_unit_advisers_with_a_warning(tmp_path, caplog):
    from mailbot.config import settings
    path = tmp_path / "mailbot.toml"
    path.write_text('[unit]\nstaff = ["anne.adviser@udi.no"]\n', encoding="utf-8")
    assert settings.load(path).unit.advisers == ("anne.adviser@udi.no",)
    assert "unit.staff is now called unit.advisers" in caplog.text
    path.write_text('[unit]\nstaff = ["a@udi.no"]\nadvisers = ["b@udi.no"]\n', encoding="utf-8")
    with pytest.raises(Exception, match=r"unit\.staff: set unit\.advisers only"):
        settings.load(path)
