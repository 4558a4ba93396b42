"""On-premises Exchange through EWS, against recorded SOAP responses (no Exchange server runs here).

exchangelib's own code runs; only its HTTP requests are answered, by :mod:`ews_server`.
"""
from __future__ import annotations

import email
from datetime import UTC, datetime
from email import policy

import exchangelib.util
import pytest
import responses
import time_machine
from ews_server import ENDPOINT, NS, Mailbox, serve
from exchangelib.protocol import close_connections
from helpers import forward

from mailbot.config.settings import Config, EwsConfig, MailboxConfig, Secret, StoreConfig
from mailbot.errors import SendError, SourceError
from mailbot.model import MailStatus, OutgoingMail
from mailbot.transports import ews
from mailbot.transports.senders.ews import EwsSender
from mailbot.transports.sources.ews import EwsSource

NOW = datetime(2027, 1, 4, 9, 0, tzinfo=UTC)
INVITATION = forward(message_id="<inv-1@udi.no>")
AUTOMATIC = forward(subject="Automatisk svar: borte", message_id="<oof-1@udi.no>",
                    extra_headers="Auto-Submitted: auto-replied\n")


def config(**changes) -> EwsConfig:
    values = {"service_endpoint": ENDPOINT, "username": "UDI\\svc-mailbot", "password": Secret(env="MAILBOT_TEST_EWS"),
              "max_wait_seconds": 120.0}
    return EwsConfig(**{**values, **changes})


@pytest.fixture
def box(monkeypatch):
    monkeypatch.setenv("MAILBOT_TEST_EWS", "pa55word")
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield serve(mock, Mailbox())
    close_connections()  # exchangelib caches a protocol (and its back-off) per endpoint and credentials


def test_poll_hands_mime_to_the_pipeline_replies_with_our_message_id_and_moves(tmp_path, box, daemons):
    later = box.deliver(AUTOMATIC, "2027-01-04T08:40:00Z")
    first = box.deliver(INVITATION, "2027-01-04T08:30:00Z", kind="MeetingRequest")
    daemons.clock.now = NOW
    bot = daemons.open(Config(mailbox=MailboxConfig(backend="ews"), ews=config(),
                              store=StoreConfig(path=tmp_path / "mailbot.json")))
    store = bot.store

    done = bot.run_once()

    assert [m.id for m, _ in done] == [first, later] and done[0][0].raw == INVITATION
    [record] = store.records()
    assert (record.meeting.title, record.participant) == ("Møte i arbeidsgruppen", "kari.nordmann@udi.no")
    assert [len(box.in_folder(n)) for n in ("Inbox", "processed", "needs-attention", "failed")] == [0, 1, 1, 0]
    assert box.in_folder("processed")[0].mime == INVITATION
    assert {box.folders[f.folder][1] for f in box.items.values() if f.folder != "AAMkSent"} == {"AAMkInbox"}
    [reply] = [email.message_from_bytes(i.mime, policy=policy.default) for i in box.in_folder("Sent Items")]
    assert store.mail(reply["Message-ID"]).status == MailStatus.SENT
    assert reply["In-Reply-To"] == "<inv-1@udi.no>" and reply["To"] == "kari.nordmann@udi.no"
    [create] = [xml for op, xml in box.calls if op == "CreateItem"]
    assert create.find("s:Body/m:CreateItem", NS).get("MessageDisposition") == "SendAndSaveCopy"
    [find] = [xml for op, xml in box.calls if op == "FindItem"][:1]
    order = find.find(".//m:SortOrder/t:FieldOrder", NS)
    assert (order.get("Order"), order[0].get("FieldURI")) == ("Ascending", "item:DateTimeReceived")
    assert box.operations().count("CreateFolder") == 3


def test_existing_folders_are_found_not_created_again_and_an_empty_inbox_is_quiet(tmp_path, box):
    for name in ("processed", "needs-attention", "failed"):
        box.folders[f"AAMk-{name}"] = (name, "AAMkInbox")
    source = EwsSource(ews.account(config(), "ine@udi.no"))
    assert list(source.fetch()) == []
    assert source.folders()["processed"].id == "AAMk-processed"
    assert "CreateFolder" not in box.operations()


def test_an_item_that_leaves_the_inbox_before_it_is_read_is_skipped(box):
    box.deliver(INVITATION, "2027-01-04T08:30:00Z")
    second = box.deliver(AUTOMATIC, "2027-01-04T08:40:00Z")
    messages = EwsSource(ews.account(config(), "ine@udi.no")).fetch()
    assert next(messages).raw == INVITATION
    del box.items[second]  # a person moved it meanwhile
    assert list(messages) == []


def mail() -> OutgoingMail:
    raw = "From: INE <ine@udi.no>\r\nTo: kari.nordmann@udi.no\r\nSubject: Kvittering\r\n" \
          "Message-ID: <mailbot.abc@udi.no>\r\n\r\nMottatt.\r\n"
    return OutgoingMail("<mailbot.abc@udi.no>", "receipt", ("kari.nordmann@udi.no",), raw, NOW)


def test_a_mail_already_in_sent_items_is_not_sent_again(box):
    sender = EwsSender(ews.account(config(), "ine@udi.no"))
    sender.send(mail())
    sender.send(mail())  # as after a crash between sending and marking sent
    assert box.operations().count("CreateItem") == 1
    [sent] = box.in_folder("Sent Items")
    assert sent.message_id == "<mailbot.abc@udi.no>" and b"Mottatt." in sent.mime


def test_a_busy_server_is_waited_out_as_it_asks(box, monkeypatch):
    box.deliver(INVITATION, "2027-01-04T08:30:00Z")
    with time_machine.travel(NOW, tick=False) as clock:
        slept: list[float] = []
        monkeypatch.setattr(exchangelib.util.time, "sleep", lambda s: (slept.append(s), clock.shift(s)))
        box.busy = [30000]  # ErrorServerBusy, BackOffMilliseconds 30000
        [message] = EwsSource(ews.account(config(), "ine@udi.no")).fetch()
    assert message.raw == INVITATION
    assert slept == [30.0]
    assert box.operations()[:2] == ["ConvertId", "ConvertId"]  # the refused request, then again


def test_a_server_busy_beyond_max_wait_is_a_temporary_error(box):
    box.busy = [600000]  # 600 s > max_wait_seconds (120)
    with pytest.raises(SendError) as raised:
        EwsSender(ews.account(config(), "ine@udi.no")).send(mail())
    assert raised.value.permanent is False
    box.busy = [600000]
    with pytest.raises(SourceError, match="cannot open the mailbox's folders"):
        list(EwsSource(ews.account(config(), "ine@udi.no")).fetch())


def test_a_refused_recipient_is_a_permanent_error(box, monkeypatch):
    def refuse(action):
        return ['<m:CreateItemResponseMessage ResponseClass="Error"><m:MessageText>One or more recipients are '
                'invalid.</m:MessageText><m:ResponseCode>ErrorInvalidRecipients</m:ResponseCode>'
                '<m:DescriptiveLinkKey>0</m:DescriptiveLinkKey></m:CreateItemResponseMessage>']
    monkeypatch.setattr(box, "_CreateItem", refuse)
    with pytest.raises(SendError, match="ErrorInvalidRecipients") as raised:
        EwsSender(ews.account(config(), "ine@udi.no")).send(mail())
    assert raised.value.permanent is True


def test_oauth2_client_credentials_ask_entra_id_for_the_servers_scope(box, monkeypatch):
    monkeypatch.setenv("MAILBOT_TEST_EWS_SECRET", "app-secret")
    token_url = "https://login.microsoftonline.com/udi-tenant/oauth2/v2.0/token"
    box.mock.post(token_url, json={"token_type": "Bearer", "expires_in": 3599, "access_token": "ews-token"})
    account = ews.account(config(auth="oauth2", tenant_id="udi-tenant", client_id="app-2", access_type="impersonation",
                                 client_secret=Secret(env="MAILBOT_TEST_EWS_SECRET")), "ine@udi.no")
    assert list(EwsSource(account).fetch()) == []
    token_request = next(c.request for c in box.mock.calls if c.request.url == token_url)
    assert "scope=https%3A%2F%2Fmail.example.no%2F.default" in token_request.body
    assert "grant_type=client_credentials" in token_request.body
    ews_requests = [c.request for c in box.mock.calls if c.request.url == ENDPOINT]
    assert {r.headers["Authorization"] for r in ews_requests} == {"Bearer ews-token"}
    impersonation = box.calls[-1][1].find("s:Header/t:ExchangeImpersonation/t:ConnectingSID/t:PrimarySmtpAddress", NS)
    assert impersonation.text == "ine@udi.no"



EWS_TOML = f"""[mailbox]
backend = "ews"
address = "ine@udi.no"
[ews]
service_endpoint = "{ENDPOINT}"
username = 'UDI\\svc-mailbot'
password_env = "MAILBOT_TEST_EWS"
access_type = "impersonation"
max_wait_seconds = 90
"""


def test_the_ews_backend_is_configured_and_wired(tmp_path, monkeypatch):
    from exchangelib import FaultTolerance

    from mailbot import app
    from mailbot.config import settings as config
    monkeypatch.setenv("MAILBOT_TEST_EWS", "pa55word")
    (tmp_path / "mailbot.toml").write_text(EWS_TOML)
    loaded = config.load(tmp_path / "mailbot.toml")
    source, sender = app.source(loaded, None), app.sender(loaded)
    assert isinstance(source, EwsSource) and isinstance(sender, EwsSender)
    account = source.account
    assert (account.primary_smtp_address, account.access_type) == ("ine@udi.no", "impersonation")
    protocol = account.protocol
    assert (protocol.service_endpoint, protocol.auth_type, protocol.credentials.username) == (
        ENDPOINT, "NTLM", "UDI\\svc-mailbot")
    assert isinstance(protocol.retry_policy, FaultTolerance) and protocol.retry_policy.max_wait == 90.0
    close_connections()


@pytest.mark.parametrize("change, key, words", [
    ('service_endpoint = "mail.example.no"\n', "ews.service_endpoint", "https://"),
    ('auth = "kerberos"\n', "ews.auth", "ntlm"),
    ('auth = "oauth2"\n', "ews.tenant_id", "required"),
    ('access_type = "owner"\n', "ews.access_type", "impersonation"),
])
def test_ews_configuration_errors_name_the_key(tmp_path, change, key, words):
    from mailbot.config import settings as config
    from mailbot.errors import ConfigError
    first = change.split(" = ")[0]
    text = "\n".join(line for line in EWS_TOML.splitlines() if not line.startswith(first + " ")) + "\n" + change
    (tmp_path / "mailbot.toml").write_text(text)
    with pytest.raises(ConfigError) as raised:
        config.load(tmp_path / "mailbot.toml")
    assert f"{key}: " in str(raised.value) and words in str(raised.value)
