"""The store at 100, 20,000 and 100,000 records: open, per message, `records`, clean shutdown.

The store is pre-filled with records, handled-message entries and sent-mail receipts in the
proportions of real use. At each size: opening the store alone (``Store``, then closed); the
daemon over the maildir backend (``app.daemon``, as ``mailbot run`` builds it, default
``compact_after``) handling messages one by one the whole way (parse, decide, render, store with
fsync, send to the Maildir outbox, move to the processed folder), enough of them that the
default compaction happens at least once, so the mean per message includes it; the daemon's clean
shutdown; and ``mailbot records`` in a child process (wall time and peak RSS). As a floor in the
same run, TinyDB's own JSONStorage is timed for one insert at the same sizes. Targets (issue 13):
at 100,000 records open <= 1 s, clean shutdown <= 1 s, ``records`` <= 2 s and <= 200 MB, the
mean per message <= 1.5x the one at 100 records.
Run: python benchmarks/bench_store_growth.py [--sizes 100,20000,100000] [--messages 300] [--quick]
"""
from __future__ import annotations

import argparse
import contextlib
import json
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

from common import mailbot_command, measured, spread
from tinydb import TinyDB

from mailbot import app
from mailbot.config.settings import Config, MaildirConfig, SendersConfig, StoreConfig
from mailbot.model import Folder, Handled, MailStatus, Meeting, Outcome, OutgoingMail, Participation, State
from mailbot.records.codec import to_dict
from mailbot.records.store import Store

NOW = datetime(2027, 1, 4, 9, 0, tzinfo=UTC)
FORA = ["EMN", "EUAA", "COUNCIL", "FRONTEX", "EULISA", "GDISC", "IGC", "NORDIC", "EEA_GRANTS", "UNHCR", "OTHER"]


def prefill(path: Path, records: int) -> None:
    """Write a TinyDB snapshot with ``records`` records, 2 handled entries and 2 sent mails each."""
    tables: dict[str, dict] = {"records": {}, "handled": {}, "outbox": {}, "meta": {}}
    for n in range(1, records + 1):
        year = 2010 + n * 17 // records
        start = datetime(year, 1 + n % 12, 1 + n % 27, 9, tzinfo=UTC)
        ref = f"INE-{year}-{n:05d}"
        meeting = Meeting(title=f"Meeting number {n}", start=start, end=start + timedelta(hours=6),
                          timezone="Europe/Brussels", location="Brussels", organizer="secretariat@example.org",
                          forum=FORA[n % len(FORA)], ical_uid=f"uid-{n}@example.org", sequence=0)
        state = State.REFERAT_RECEIVED if start < NOW else State.REGISTERED
        record = Participation(ref=ref, state=state, meeting=meeting, participant=f"person{n % 300}@udi.no",
                               participant_name=f"Person {n % 300}", created_at=start - timedelta(days=30))
        tables["records"][str(n)] = to_dict(record)
        for k in (0, 1):
            key = f"<in-{n}-{k}@udi.no>"
            tables["handled"][str(2 * n + k)] = to_dict(Handled(key, f"{n:064x}{k}", start, Outcome.REGISTERED,
                                                                Folder.PROCESSED, ref))
            mail = OutgoingMail(f"<out-{n}-{k}@udi.no>", "reply", (record.participant,), "", start, ref,
                                status=MailStatus.SENT, sent_at=start, attempts=1)
            tables["outbox"][str(2 * n + k)] = to_dict(mail)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(tables), encoding="utf-8")


def invitation(n: int) -> bytes:
    """Forwarded invitation number ``n``, as RFC 5322 bytes (text only: no calendar part)."""
    msg = EmailMessage(policy=SMTP)
    msg["From"] = f"Kari Nordmann <kari.nordmann.{n}@udi.no>"  # one each: the daily limit per address
    msg["To"] = "INE <ine@udi.no>"
    msg["Subject"] = f"VS: Arbeidsgruppemøte nr. {n}"
    msg["Date"] = "Mon, 04 Jan 2027 08:00:00 +0000"
    msg["Message-ID"] = f"<bench-{n}@udi.no>"
    msg.set_content(f"Jeg deltar.\n\nFra: Sekretariatet <sekretariat@consilium.europa.eu>\n"
                    f"Sendt: mandag 4. januar 2027 08:00\nEmne: Arbeidsgruppemøte nr. {n}\n\n"
                    f"Arbeidsgruppen møtes onsdag 20. januar 2027 kl. 10.00–12.30.\n"
                    f"Møtet holdes i Justus Lipsius-bygningen, Brussel.\n")
    return msg.as_bytes()


@dataclass
class Figures:
    """What one size measured: seconds, milliseconds per message, MB."""

    open_s: list[float] = field(default_factory=list)
    message_ms: list[float] = field(default_factory=list)
    shutdown_s: float = 0.0
    records_s: list[float] = field(default_factory=list)
    records_mb: list[float] = field(default_factory=list)
    tinydb_ms: float = 0.0
    compactions: int = 0


def configuration(root: Path) -> tuple[Config, Path]:
    """The maildir configuration under ``root``, as a Config and as a TOML file for the CLI."""
    config = Config(maildir=MaildirConfig(path=root / "maildir", outbox=root / "outbox"),
                    store=StoreConfig(path=root / "store" / "mailbot.json"),
                    senders=SendersConfig(allowed_domains=("udi.no",)))
    toml = root / "mailbot.toml"
    toml.write_text(f'[mailbox]\nbackend = "maildir"\n[maildir]\npath = "{root / "maildir"}"\n'
                    f'outbox = "{root / "outbox"}"\n[store]\npath = "{config.store.path}"\n', encoding="utf-8")
    return config, toml


def measure(records: int, messages: int, repeats: int) -> Figures:
    """Every figure at one size (see the module doc)."""
    figures = Figures()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        config, toml = configuration(root)
        started = time.perf_counter()
        prefill(config.store.path, records)
        print(f"{records:>7} records: store written in {time.perf_counter() - started:.1f} s", flush=True)
        shutil.copy(config.store.path, root / "pristine.json")
        for _ in range(repeats):
            opened = time.perf_counter()
            Store(config.store.path).close()
            figures.open_s.append(time.perf_counter() - opened)
        with contextlib.ExitStack() as stack:
            daemon = stack.enter_context(app.daemon(config, clock=lambda: NOW))
            (root / "maildir" / "new").mkdir(parents=True, exist_ok=True)
            (root / "maildir" / "new" / "warm-up").write_bytes(invitation(10**6))
            daemon.run_once()  # warms up the parser's caches (gazetteer, language model)
            for n in range(messages):
                (root / "maildir" / "new" / f"m{n}").write_bytes(invitation(n))
                before = journal_bytes(config.store.path)
                started = time.perf_counter()
                daemon.run_once()
                figures.message_ms.append((time.perf_counter() - started) * 1000)
                figures.compactions += journal_bytes(config.store.path) < before
            assert len(daemon.store.records()) == records + 1 + messages, "a message made no record"
            assert len(list((root / "outbox" / "new").iterdir())) == 1 + messages, "a message got no reply"
            started = time.perf_counter()
        figures.shutdown_s = time.perf_counter() - started
        for _ in range(repeats):
            seconds, mb = measured([*mailbot_command(), "--config", str(toml), "records"], cwd=root)
            figures.records_s.append(seconds)
            figures.records_mb.append(mb)
        figures.tinydb_ms = tinydb_insert_ms(root / "pristine.json")
    return figures


def journal_bytes(store: Path) -> int:
    """The size of the store's journal (it shrinks at a compaction); 0 when there is none."""
    journal = store.with_name(store.name + ".journal")
    return journal.stat().st_size if journal.exists() else 0


def tinydb_insert_ms(pristine: Path) -> float:
    """Floor: one insert into TinyDB's own JSONStorage holding the same pre-filled store."""
    path = pristine.with_name("plain.json")
    shutil.copy(pristine, path)
    db = TinyDB(path)
    table = db.table("records")
    started = time.perf_counter()
    for n in range(5):
        table.insert({"n": n})
    elapsed = (time.perf_counter() - started) * 1000 / 5
    db.close()
    return elapsed


def main() -> int:
    """Measure every size and print the figures; 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,20000,100000", help="record counts, comma-separated")
    parser.add_argument("--messages", type=int, default=300, help="messages per size (300 cross a compaction)")
    parser.add_argument("--repeats", type=int, default=3, help="opens and `records` runs per size")
    parser.add_argument("--quick", action="store_true", help="100 and 5,000 records, 20 messages, once")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    if args.quick:
        sizes, args.messages, args.repeats = [100, 5000], 20, 1
    rows: dict[int, Figures] = {}
    for size in sizes:
        f = rows[size] = measure(size, args.messages, args.repeats)
        ms = f.message_ms
        print(f"{size:>7} records: open {spread(f.open_s)} s; per message mean {statistics.mean(ms):.1f} ms "
              f"(incl. {f.compactions} compactions), median {statistics.median(ms):.1f} ms, max {max(ms):.0f} ms; "
              f"clean shutdown {f.shutdown_s:.2f} s; `records` {spread(f.records_s)} s, peak RSS "
              f"{spread(f.records_mb)} MB; floor: TinyDB JSONStorage insert {f.tinydb_ms:.1f} ms", flush=True)
    small, large = rows[min(sizes)], rows[max(sizes)]
    ratio = statistics.mean(large.message_ms) / statistics.mean(small.message_ms)
    print(f"per message (mean, incl. compaction) at {max(sizes):,} vs {min(sizes):,} records: mailbot {ratio:.2f}x "
          f"(target <= 1.5); floor TinyDB insert {large.tinydb_ms / small.tinydb_ms:.1f}x; targets at 100,000: "
          f"open <= 1 s, clean shutdown <= 1 s, `records` <= 2 s and <= 200 MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
