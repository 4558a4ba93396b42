"""Processing time per message with 100 and with 20,000 records already in the store.

Each message goes the whole way: parse, decide, render, store (journal commit with fsync), send to
the Maildir outbox (marked sent, committed) and move to the processed folder. The store is
pre-filled with records, handled-message entries and sent-mail receipts in the proportions of
real use. As a baseline in the same run, TinyDB's own JSONStorage is timed for one insert at the
same sizes. Run: python benchmarks/bench_store_growth.py [--messages N]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

from tinydb import TinyDB

from mailbot.config.settings import Config, MaildirConfig, StoreConfig
from mailbot.daemon import Daemon
from mailbot.inbound.pipeline import Pipeline
from mailbot.model import Folder, Handled, MailStatus, Meeting, Outcome, OutgoingMail, Participation, State
from mailbot.records.codec import to_dict
from mailbot.records.store import Store
from mailbot.transports.senders.outbox import OutboxSender
from mailbot.transports.sources.maildir import MaildirSource

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
    msg["From"] = "Kari Nordmann <kari.nordmann@udi.no>"
    msg["To"] = "INE <ine@udi.no>"
    msg["Subject"] = f"VS: Arbeidsgruppemøte nr. {n}"
    msg["Date"] = "Mon, 04 Jan 2027 08:00:00 +0000"
    msg["Message-ID"] = f"<bench-{n}@udi.no>"
    msg.set_content(f"Jeg deltar.\n\nFra: Sekretariatet <sekretariat@consilium.europa.eu>\n"
                    f"Sendt: mandag 4. januar 2027 08:00\nEmne: Arbeidsgruppemøte nr. {n}\n\n"
                    f"Arbeidsgruppen møtes onsdag 20. januar 2027 kl. 10.00–12.30.\n"
                    f"Møtet holdes i Justus Lipsius-bygningen, Brussel.\n")
    return msg.as_bytes()


def per_message_ms(records: int, messages: int) -> tuple[float, float, float]:
    """Median and mean milliseconds per message through the whole daemon path, and store open time."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        config = Config(maildir=MaildirConfig(path=root / "maildir", outbox=root / "outbox"),
                        store=StoreConfig(path=root / "mailbot.json"))
        prefill(config.store.path, records)
        opened = time.perf_counter()
        store = Store(config.store.path, compact_after=10**9)
        open_s = time.perf_counter() - opened
        source = MaildirSource(config.maildir.path)
        daemon = Daemon(source, OutboxSender(config.maildir.outbox), Pipeline.from_config(config, store), store,
                        clock=lambda: NOW)
        daemon.pipeline.handle(invitation(10**6), NOW)  # warm up parser caches (gazetteer, language model)
        store.commit()
        timings = []
        for n in range(messages):
            (root / "maildir" / "new" / f"m{n}").write_bytes(invitation(n))
            started = time.perf_counter()
            daemon.run_once()
            timings.append((time.perf_counter() - started) * 1000)
        assert len(store.records()) == records + 1 + messages
        store.close()
        return statistics.median(timings), statistics.mean(timings), open_s


def tinydb_insert_ms(records: int) -> float:
    """Baseline: one insert into TinyDB's own JSONStorage holding ``records`` records."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plain.json"
        prefill(path, records)
        db = TinyDB(path)
        table = db.table("records")
        started = time.perf_counter()
        for n in range(5):
            table.insert({"n": n})
        elapsed = (time.perf_counter() - started) * 1000 / 5
        db.close()
        return elapsed


def main() -> int:
    """Run the benchmark at 100 and 20,000 records and print the times; 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=40)
    args = parser.parse_args()
    rows = {}
    for size in (100, 20_000):
        median, mean, open_s = per_message_ms(size, args.messages)
        rows[size] = (median, mean, open_s, tinydb_insert_ms(size))
        print(f"{size:>6} records: mailbot {median:7.1f} ms/message median, {mean:7.1f} mean "
              f"(store opened in {open_s:.2f} s); TinyDB JSONStorage insert {rows[size][3]:7.1f} ms")
    ratio = rows[20_000][0] / rows[100][0]
    baseline = rows[20_000][3] / rows[100][3]
    print(f"ratio 20,000/100: mailbot {ratio:.2f} (target <= 1.5); TinyDB JSONStorage baseline {baseline:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
