"""Exchange Online through Microsoft Graph, against recorded HTTP responses (no Graph service runs here).

The responses have the shapes Graph documents for message delta, $value, move, mailFolders and
sendMail; msal's own token requests are answered too, so the real token code runs.
"""
from __future__ import annotations

import base64
import email
import json
from datetime import UTC, datetime
from email import policy

import pytest
import requests
import responses
from helpers import forward
from responses import matchers

from mailbot.config.settings import Config, GraphConfig, MailboxConfig, Secret, StoreConfig
from mailbot.errors import SendError, SourceError
from mailbot.model import MailStatus, OutgoingMail
from mailbot.transports.graph import GraphClient
from mailbot.transports.senders.graph import GraphSender
from mailbot.transports.sources.graph import GraphSource

LOGIN = "https://login.microsoftonline.com/contoso-tenant"
GRAPH = "https://graph.microsoft.com/v1.0/users/ine@udi.no"
DELTA = f"{GRAPH}/mailFolders/AAMkInbox/messages/delta?$select=receivedDateTime"
FOLDERS = {"processed": "AAMkProcessed", "needs-attention": "AAMkAttention", "failed": "AAMkFailed"}
NOW = datetime(2027, 1, 4, 9, 0, tzinfo=UTC)
INVITATION = forward(message_id="<inv-1@udi.no>")
SECOND = forward(subject="VS: Møte i styringsgruppen", message_id="<inv-2@udi.no>",
                 body="Fra: Sekretariatet <sekretariat@consilium.europa.eu>\nSendt: mandag 14. desember 2026\n"
                      "Emne: Møte i styringsgruppen\n\nStyringsgruppen møtes torsdag 28. januar 2027 kl. 13.00–15.00 "
                      "i Brussel.\n")
AUTOMATIC = forward(subject="Automatisk svar: borte", message_id="<oof-1@udi.no>",
                    extra_headers="Auto-Submitted: auto-replied\n")


def record_token(mock: responses.RequestsMock) -> None:
    """msal's two requests: the tenant's OpenID metadata and the client-credentials token."""
    mock.get(f"{LOGIN}/v2.0/.well-known/openid-configuration",
             json={"token_endpoint": f"{LOGIN}/oauth2/v2.0/token", "issuer": f"{LOGIN}/v2.0",
                   "authorization_endpoint": f"{LOGIN}/oauth2/v2.0/authorize"})
    mock.post(f"{LOGIN}/oauth2/v2.0/token",
              json={"token_type": "Bearer", "expires_in": 3599, "ext_expires_in": 3599, "access_token": "token-1"})


def record_folders(mock: responses.RequestsMock) -> None:
    """The Inbox, two target folders that exist and one (processed) that is created."""
    mock.get(f"{GRAPH}/mailFolders/inbox", json={"id": "AAMkInbox", "displayName": "Inbox"})
    for name, folder_id in FOLDERS.items():
        query = matchers.query_param_matcher({"$filter": f"displayName eq '{name}'", "$select": "id,displayName"})
        found = [] if name == "processed" else [{"id": folder_id, "displayName": name}]
        mock.get(f"{GRAPH}/mailFolders/AAMkInbox/childFolders", match=[query], json={"value": found})
    mock.post(f"{GRAPH}/mailFolders/AAMkInbox/childFolders", match=[matchers.json_params_matcher(
        {"displayName": "processed"})], status=201, json={"id": "AAMkProcessed", "displayName": "processed"})


def record_message(mock: responses.RequestsMock, message_id: str, raw: bytes) -> None:
    """The message's MIME and its move."""
    mock.get(f"{GRAPH}/messages/{message_id}/$value", body=raw, content_type="text/plain")
    mock.post(f"{GRAPH}/messages/{message_id}/move", status=201, json={"id": f"{message_id}-moved"})


def record_sending(mock: responses.RequestsMock) -> None:
    """An empty Sent Items search and an accepted sendMail."""
    mock.get(f"{GRAPH}/mailFolders/sentitems/messages", json={"value": []})
    mock.post(f"{GRAPH}/sendMail", status=202)


def page(*entries: dict, next_link: str = "", delta_link: str = "") -> dict:
    """A delta response page (https://learn.microsoft.com/graph/api/message-delta)."""
    body: dict = {"@odata.context": f"{GRAPH}/$metadata#Collection(message)", "value": list(entries)}
    body["@odata.nextLink" if next_link else "@odata.deltaLink"] = next_link or delta_link
    return body


def calls(mock: responses.RequestsMock, method: str, fragment: str) -> list:
    return [c.request for c in mock.calls if c.request.method == method and fragment in c.request.url]


GRAPH_SECRET = "MAILBOT_TEST_GRAPH_SECRET"


class Bot:
    """A daemon over Graph (built by the harness from a configuration), its store and the delta
    link's file, on a fixed clock; the waits the Graph code asks for are recorded, not slept."""

    def __init__(self, daemons, tmp_path, max_retries: int = 5) -> None:
        config = Config(mailbox=MailboxConfig(backend="graph"), store=StoreConfig(path=tmp_path / "mailbot.json"),
                        graph=GraphConfig(tenant_id="contoso-tenant", client_id="app-1", max_retries=max_retries,
                                          client_secret=Secret(env=GRAPH_SECRET), poll_seconds=20))
        daemons.clock.now = NOW
        self.daemon = daemons.open(config)
        self.store = self.daemon.store
        self.state = tmp_path / "mailbot.json.graph-delta"
        self.sleeps: list[float] = []
        for waiter in (self.daemon.source, self.daemon.source.client, self.daemon.dispatcher.sender.client):
            waiter.sleep = self.sleeps.append  # the seam GraphClient and GraphSource offer for tests

    def delta_link(self) -> str:
        return json.loads(self.state.read_text())["delta_link"]


@pytest.fixture
def api(monkeypatch):
    monkeypatch.setenv(GRAPH_SECRET, "s3cret")
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        record_token(mock)
        yield mock


@pytest.fixture
def bot(api, daemons, tmp_path):
    record_folders(api)
    record_sending(api)
    return Bot(daemons, tmp_path)


def test_delta_round_hands_raw_mime_to_the_pipeline_replies_and_moves(bot, api):
    api.get(DELTA, json=page({"id": "AAMkB=", "receivedDateTime": "2027-01-04T08:40:00Z"},
                             {"id": "AAMkGone=", "@removed": {"reason": "deleted"}},
                             next_link=f"{DELTA}&$skiptoken=p2"))
    api.get(f"{DELTA}&$skiptoken=p2", json=page({"id": "AAMkA=", "receivedDateTime": "2027-01-04T08:30:00Z"},
                                                delta_link=f"{DELTA}&$deltatoken=L1"))
    record_message(api, "AAMkA=", INVITATION)
    record_message(api, "AAMkB=", AUTOMATIC)

    done = bot.daemon.run_once()

    assert [m.id for m, _ in done] == ["AAMkA=", "AAMkB="]  # oldest first, removed entries skipped
    assert done[0][0].raw == INVITATION
    [record] = bot.store.records()
    assert (record.meeting.title, record.participant) == ("Møte i arbeidsgruppen", "kari.nordmann@udi.no")
    moves = [(r.url.split("/messages/")[1], json.loads(r.body)["destinationId"]) for r in calls(api, "POST", "/move")]
    assert moves == [("AAMkA=/move", "AAMkProcessed"), ("AAMkB=/move", "AAMkAttention")]
    assert len(calls(api, "POST", "/childFolders")) == 1  # only the missing folder is created
    [sent] = calls(api, "POST", "/sendMail")
    assert sent.headers["Content-Type"] == "text/plain"
    assert sent.headers["Authorization"] == "Bearer token-1"
    reply = email.message_from_bytes(base64.b64decode(sent.body), policy=policy.default)
    stored = bot.store.mail(reply["Message-ID"])
    assert stored.status == MailStatus.SENT and stored.purpose == "reply-registered"
    assert reply["In-Reply-To"] == "<inv-1@udi.no>" and reply["Auto-Submitted"] == "auto-replied"
    assert reply["To"] == "kari.nordmann@udi.no" and record.ref in reply["X-Mailbot-Ref"]
    assert bot.delta_link() == f"{DELTA}&$deltatoken=L1"


def test_the_saved_delta_link_is_reused_and_replaced(bot, api):
    bot.state.write_text(json.dumps({"folder": "AAMkInbox", "delta_link": f"{DELTA}&$deltatoken=L1"}))
    api.get(f"{DELTA}&$deltatoken=L1", json=page({"id": "AAMkA=", "receivedDateTime": "2027-01-04T08:30:00Z"},
                                                 delta_link=f"{DELTA}&$deltatoken=L2"))
    record_message(api, "AAMkA=", INVITATION)

    bot.daemon.run_once()

    assert [r.url for r in calls(api, "GET", "/messages/delta")] == [f"{DELTA}&$deltatoken=L1"]
    assert len(bot.store.records()) == 1
    assert bot.delta_link() == f"{DELTA}&$deltatoken=L2"


def test_an_expired_delta_link_gives_a_full_resync_without_double_processing(api, daemons, tmp_path):
    record_folders(api)
    record_sending(api)
    bot = Bot(daemons, tmp_path, max_retries=1)
    # Round 1: the invitation is handled, but its move fails (503 twice): the delta link L1 stays.
    bot.state.write_text(json.dumps({"folder": "AAMkInbox", "delta_link": f"{DELTA}&$deltatoken=L1"}))
    api.get(f"{DELTA}&$deltatoken=L1", json=page({"id": "AAMkA=", "receivedDateTime": "2027-01-04T08:30:00Z"},
                                                 delta_link=f"{DELTA}&$deltatoken=L2"))
    api.get(f"{GRAPH}/messages/AAMkA=/$value", body=INVITATION)
    api.post(f"{GRAPH}/messages/AAMkA=/move", status=503, json={"error": {"code": "ServiceUnavailable"}})
    with pytest.raises(SourceError, match="cannot move a message to processed"):
        bot.daemon.run_once()
    assert json.loads(bot.state.read_text())["delta_link"].endswith("deltatoken=L1")
    assert len(calls(api, "POST", "/sendMail")) == 1

    # Round 2: L1 has expired; the full resync lists the same message and a new one.
    api.replace(responses.GET, f"{DELTA}&$deltatoken=L1", status=410, json={"error": {
        "code": "SyncStateNotFound", "message": "The sync state generation is not found."}})
    api.get(DELTA, json=page({"id": "AAMkC=", "receivedDateTime": "2027-01-04T08:50:00Z"},
                             {"id": "AAMkA=", "receivedDateTime": "2027-01-04T08:30:00Z"},
                             delta_link=f"{DELTA}&$deltatoken=R1"))
    api.replace(responses.POST, f"{GRAPH}/messages/AAMkA=/move", status=201, json={"id": "AAMkA-moved"})
    record_message(api, "AAMkC=", SECOND)
    done = bot.daemon.run_once()

    assert [(m.id, r.repeated) for m, r in done] == [("AAMkA=", True), ("AAMkC=", False)]
    assert sorted(r.meeting.title for r in bot.store.records()) == ["Møte i arbeidsgruppen", "Møte i styringsgruppen"]
    assert len(calls(api, "POST", "/sendMail")) == 2  # one reply per invitation, none twice
    assert [json.loads(r.body)["destinationId"] for r in calls(api, "POST", "/move")][-2:] == ["AAMkProcessed"] * 2
    assert bot.delta_link() == f"{DELTA}&$deltatoken=R1"


def test_throttling_is_waited_out_with_retry_after(bot, api):
    api.get(DELTA, json=page({"id": "AAMkA=", "receivedDateTime": "2027-01-04T08:30:00Z"},
                             delta_link=f"{DELTA}&$deltatoken=L1"))
    throttled = {"error": {"code": "ApplicationThrottled",
                           "message": "Application is over its MailboxConcurrency limit."}}
    api.get(f"{GRAPH}/messages/AAMkA=/$value", status=429, headers={"Retry-After": "7"}, json=throttled)
    api.get(f"{GRAPH}/messages/AAMkA=/$value", body=INVITATION)
    api.post(f"{GRAPH}/messages/AAMkA=/move", status=503, json={"error": {"code": "ServiceUnavailable"}})
    api.post(f"{GRAPH}/messages/AAMkA=/move", status=201, json={"id": "AAMkA-moved"})
    api.replace(responses.POST, f"{GRAPH}/sendMail", status=429, headers={"Retry-After": "3"}, json=throttled)
    api.post(f"{GRAPH}/sendMail", status=202)

    bot.daemon.run_once()

    assert bot.sleeps == [7.0, 3.0, 1.0]  # Retry-After, Retry-After, back-off of a 503 without one
    assert len(calls(api, "POST", "/sendMail")) == 2 and len(calls(api, "GET", "/$value")) == 2
    assert bot.store.queued() == []
    assert len(bot.store.records()) == 1


def mail() -> OutgoingMail:
    raw = "From: INE <ine@udi.no>\r\nTo: kari.nordmann@udi.no\r\nSubject: Kvittering\r\n" \
          "Message-ID: <mailbot.abc@udi.no>\r\n\r\nMottatt.\r\n"
    return OutgoingMail("<mailbot.abc@udi.no>", "receipt", ("kari.nordmann@udi.no",), raw, NOW)


@pytest.fixture
def sender(api):
    sleeps: list[float] = []
    client = GraphClient(tenant_id="contoso-tenant", client_id="app-1", credential="s3cret", mailbox="ine@udi.no",
                         max_retries=2, sleep=sleeps.append)
    sender = GraphSender(client)
    sender.sleeps = sleeps
    return sender


def test_a_mail_already_in_sent_items_is_not_sent_again(sender, api):
    api.get(f"{GRAPH}/mailFolders/sentitems/messages", match=[matchers.query_param_matcher(
        {"$filter": "internetMessageId eq '<mailbot.abc@udi.no>'", "$select": "id"})], json={"value": [{"id": "X"}]})
    sender.send(mail())
    assert calls(api, "POST", "/sendMail") == []


@pytest.mark.parametrize("status, code, permanent, tries", [
    (400, "ErrorInvalidRecipients", True, 1),
    (413, "ErrorMessageSizeExceeded", True, 1),
    (403, "ErrorAccessDenied", False, 1),
    (500, "InternalServerError", False, 1),  # sendMail is not repeated blindly after a 5xx
    (429, "ApplicationThrottled", False, 3),  # throttled: retried, then left for the outbox's retry
])
def test_send_errors_map_to_permanent_or_temporary(sender, api, status, code, permanent, tries):
    api.get(f"{GRAPH}/mailFolders/sentitems/messages", json={"value": []})
    api.post(f"{GRAPH}/sendMail", status=status, headers={"Retry-After": "2"}, json={"error": {"code": code}})
    with pytest.raises(SendError) as raised:
        sender.send(mail())
    assert raised.value.permanent is permanent
    assert code in str(raised.value)
    assert len(calls(api, "POST", "/sendMail")) == tries
    assert sender.sleeps == [2.0] * (tries - 1)


def test_a_lost_connection_during_sendmail_is_not_retried_blindly(sender, api):
    api.get(f"{GRAPH}/mailFolders/sentitems/messages", json={"value": []})
    api.post(f"{GRAPH}/sendMail", body=requests.ConnectionError("connection reset by peer"))
    with pytest.raises(SendError) as raised:
        sender.send(mail())
    assert raised.value.permanent is False
    assert len(calls(api, "POST", "/sendMail")) == 1


def test_a_certificate_credential_signs_the_token_request(tmp_path):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    from mailbot.transports import graph
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "mailbot")])
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(1).not_valid_before(NOW).not_valid_after(datetime(2099, 1, 1, tzinfo=UTC))
            .sign(key, hashes.SHA256()))
    pem = (key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode()
           + cert.public_bytes(serialization.Encoding.PEM).decode())
    credential = graph.credential(certificate_pem=pem)
    assert credential["thumbprint"] == cert.fingerprint(hashes.SHA1()).hex()
    with responses.RequestsMock() as mock:
        record_token(mock)
        client = GraphClient(tenant_id="contoso-tenant", client_id="app-1", credential=credential, mailbox="ine@udi.no")
        assert client.token() == "token-1"
        body = mock.calls[-1].request.body
    assert "client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer" in body
    assert "client_secret" not in body and "scope=https%3A%2F%2Fgraph.microsoft.com%2F.default" in body


GRAPH_TOML = """[mailbox]
backend = "graph"
address = "ine@udi.no"
[store]
path = "db/mailbot.json"
[graph]
tenant_id = "contoso-tenant"
client_id = "app-1"
client_secret_env = "MAILBOT_TEST_GRAPH_SECRET"
poll_seconds = 15
"""


def test_the_graph_backend_is_configured_and_wired(tmp_path, monkeypatch):
    from mailbot import app
    from mailbot.config import settings as config
    monkeypatch.setenv(GRAPH_SECRET, "s3cret")
    (tmp_path / "mailbot.toml").write_text(GRAPH_TOML)
    loaded = config.load(tmp_path / "mailbot.toml")
    source, sender = app.source(loaded, None), app.sender(loaded)
    assert isinstance(source, GraphSource) and isinstance(sender, GraphSender)
    assert source.state == tmp_path / "db" / "mailbot.json.graph-delta" and source.poll_seconds == 15.0
    assert source.client.base == GRAPH and source.client.scope == "https://graph.microsoft.com/.default"
    assert sender.client._app_args["client_credential"] == "s3cret"


@pytest.mark.parametrize("change, key, words", [
    ('tenant_id = ""\n', "graph.tenant_id", "required"),
    ('certificate_file = "graph.pem"\n', "graph.client_secret", "exactly one of"),
    ('client_secret = "s3cret"\n', "graph.client_secret", "client_secret_env"),
    ('endpoint = "http://graph.example"\n', "graph.endpoint", "https://"),
])
def test_graph_configuration_errors_name_the_key(tmp_path, change, key, words):
    from mailbot.config import settings as config
    from mailbot.errors import ConfigError
    text = GRAPH_TOML.replace('tenant_id = "contoso-tenant"\n', "") if "tenant_id" in change else GRAPH_TOML
    if change.startswith("client_secret ="):
        text = text.replace('client_secret_env = "MAILBOT_TEST_GRAPH_SECRET"\n', "")
    (tmp_path / "mailbot.toml").write_text(text + change)
    with pytest.raises(ConfigError) as raised:
        config.load(tmp_path / "mailbot.toml")
    assert f"{key}: " in str(raised.value) and words in str(raised.value)
