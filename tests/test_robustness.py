"""The parser never raises on bad input: mangled corpus messages and public calendar files."""
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

import icalendar
import pytest
from helpers import corpus_cases, representative_cases

CASES = corpus_cases()
QUICK = set(representative_cases())  # the rest of the corpus only in the whole suite


def mangled(raw: bytes) -> list[bytes]:
    """Ways real mail arrives broken: cut short, wrong charset labels, lost boundaries, NULs."""
    return [
        raw[: len(raw) // 3],
        raw[: len(raw) * 2 // 3],
        raw.replace(b'charset="utf-8"', b'charset="x-unknown"'),
        raw.replace(b'charset="utf-8"', b'charset="iso-8859-1"'),
        raw.replace(b"boundary=", b"boundary-lost="),
        raw.replace(b"Content-Transfer-Encoding: base64", b"Content-Transfer-Encoding: quoted-printable"),
        raw.replace(b"BEGIN:VEVENT", b"BEGIN:VEVENT\r\nDTSTART:2027-13-45"),
        raw.replace(b"\r\n\r\n", b"\r\n\x00\r\n", 3),
        raw.replace(b"Date:", b"Date: not a date\r\nX-Old-Date:"),
        raw.replace(b"From:", b"From: <>\r\nX-Old-From:"),
        b"",
        b"garbage without headers",
    ]


@pytest.mark.parametrize("case", [c if c in QUICK else pytest.param(c, marks=pytest.mark.slow) for c in CASES],
                         ids=[c.name for c in CASES])  # a quarter of a second a case
def test_mangled_messages_never_raise(case, parser):
    for raw in mangled((case / "message.eml").read_bytes()):
        result = parser.parse(raw).to_json()
        assert result["kind"] in ("invitation", "update", "cancellation", "not_invitation")


CALENDARS = sorted((Path(icalendar.__file__).parent / "tests").rglob("*.ics"))


@pytest.mark.slow
@pytest.mark.skipif(not CALENDARS, reason="this icalendar release ships no test calendars")
def test_public_calendar_files_never_raise(parser):
    """icalendar's own test calendars (real exports, fuzzing finds, broken files), forwarded."""
    kinds = set()
    for path in CALENDARS:
        message = EmailMessage(policy=SMTP)
        message["From"] = "Kari Nordmann <kari.nordmann@udi.no>"
        message["Subject"] = "VS: invitasjon"
        message["Message-ID"] = "<fwd@udi.no>"
        message.set_content("Se vedlagt invitasjon.\n")
        message.add_attachment(path.read_bytes(), maintype="application", subtype="octet-stream",
                               filename="invite.ics")
        kinds.add(parser.parse(message.as_bytes()).to_json()["kind"])
    assert len(CALENDARS) > 100
    assert {"invitation", "not_invitation"} <= kinds
