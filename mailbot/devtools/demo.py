"""``mailbot demo``: sample invitations through the whole main job, with no mail server.

The shipped messages (``mailbot/devtools/demo_mail/*.eml``, invented people and meetings) are delivered
into a local Maildir with meeting dates a few weeks from today, mailbot runs once, and the
records and replies it made are printed. A message already handled is not delivered again, so
a second run makes no new record and no new reply.
"""
from __future__ import annotations

import email
import string
from datetime import UTC, date, datetime, time, timedelta
from email import policy
from email.utils import format_datetime
from pathlib import Path

from babel.dates import format_date
from babel.dates import format_datetime as babel_datetime

from mailbot import app
from mailbot.config.settings import load
from mailbot.model import OSLO
from mailbot.records.store import Store
from mailbot.reports.listing import records_table
from mailbot.transports import mime
from mailbot.transports.senders.outbox import OutboxSender

MESSAGES = Path(__file__).parent / "demo_mail"
# Days from today of the demo meetings D1..D5 (weekdays are shifted to the next Monday-Thursday).
OFFSETS = (17, 24, 31, 38, 45)


CONFIG = """# The demo's configuration, written by `mailbot demo`: a local Maildir, no mail server.
[maildir]
path = "maildir"
outbox = "outbox"

[store]
path = "mailbot.json"
"""


def run(folder: Path) -> int:
    """Deliver the demo messages into ``folder``'s Maildir, run once, print what happened.

    The demo's own configuration is written to ``folder/mailbot.toml`` (kept when it exists), so
    the other commands can look at its data with ``--config``.
    """
    config_file = folder / "mailbot.toml"
    if not config_file.exists():
        folder.mkdir(parents=True, exist_ok=True)
        config_file.write_text(CONFIG, encoding="utf-8")
    config = load(config_file)
    with app.session(config) as running:
        store, outbox = running.parts.store, running.dispatcher.sender
        assert isinstance(outbox, OutboxSender)  # the demo's configuration is a Maildir's
        before = {p.name for p in outbox.paths()}
        delivered = deliver(config.maildir.path, store, date.today())
        done = running.daemon.run_once()
        print(f"Delivered {delivered} demo message(s) to {config.maildir.path / 'new'}; handled {len(done)}.")
        for _message, result in done:
            print(f"  {result.outcome.value:<15} {result.ref or '-':<14} -> folder {result.folder.value}")
        print()
        print(records_table(store.record_documents(), config.chase.cadence()))
        written = sorted((p for p in outbox.paths() if p.name not in before), key=lambda p: p.stat().st_mtime_ns)
        print(f"\n{len(written)} new repl{'y' if len(written) == 1 else 'ies'} written to {config.maildir.outbox}"
              + (":" if written else "."))
        for path in written:
            msg = mime.load(path.read_bytes())
            print(f"  {path}\n    To: {mime.header(msg, 'To')}  Subject: {mime.header(msg, 'Subject')}")
        if not done:
            print("Nothing new: every demo message was handled in an earlier run.")
        elif written:
            print(f"\nThe first reply, as its recipient reads it:\n\n{_plain_text(written[0])}")
        print(f"Look around: mailbot --config {config_file} records   (or tick --at, summary --preview)")
    return 0


def _plain_text(path: Path) -> str:
    """The text/plain body of the mail in ``path`` (mailbot's own mail always has one)."""
    msg = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    body = msg.get_body(("plain",))
    if body is None:
        raise ValueError(f"{path}: no text/plain body")
    return str(body.get_content())


def deliver(maildir: Path, store: Store, today: date) -> int:
    """Put each demo message not yet handled (nor waiting) into ``maildir/new``."""
    values = _values(today)
    count = 0
    for template in sorted(MESSAGES.glob("*.eml")):
        raw = string.Template(template.read_text(encoding="utf-8")).substitute(values).encode("utf-8")
        name = f"demo-{template.stem}"
        waiting = any((maildir / sub / name).exists() for sub in ("new", "cur"))
        if waiting or store.handled(mime.message_id(mime.load(raw))) is not None:
            continue
        (maildir / "new").mkdir(parents=True, exist_ok=True)
        (maildir / "tmp").mkdir(parents=True, exist_ok=True)
        (maildir / "tmp" / name).write_bytes(raw)
        (maildir / "tmp" / name).rename(maildir / "new" / name)
        count += 1
    return count


def _values(today: date) -> dict[str, str]:
    sent = datetime.combine(today - timedelta(days=1), time(9, 30), OSLO)
    values = {
        "SENT": format_datetime(sent.astimezone(UTC)),
        "SENT_NB": babel_datetime(sent, "EEEE d. MMMM y HH:mm", locale="nb_NO"),
        "SENT_EN": babel_datetime(sent, "EEEE, d MMMM y HH:mm", locale="en_GB"),
    }
    for n, offset in enumerate(OFFSETS, 1):
        day = today + timedelta(days=offset)
        while day.weekday() > 3:  # meetings Monday to Thursday
            day += timedelta(days=1)
        values[f"D{n}_ICS"] = day.strftime("%Y%m%d")
        values[f"D{n}_NB"] = format_date(day, "EEEE d. MMMM y", locale="nb_NO")
        values[f"D{n}_EN"] = format_date(day, "EEEE d MMMM y", locale="en_GB")
    return values
