"""A recorded Exchange Server 2019 mailbox for exchangelib, served at the HTTP layer (``responses``).

No Exchange server can run here, so the EWS SOAP responses below were written in the shape
Exchange Server 2019 (15.2) returns them (the EWS reference at learn.microsoft.com/exchange/
client-developer/web-service-reference, one template per operation) and are served to
exchangelib's own requests session; exchangelib's request building, parsing, retry policy and
error mapping all run. Requests are kept in ``calls`` as (operation, parsed XML) for assertions.
"""
from __future__ import annotations

import base64
import itertools
from dataclasses import dataclass, field
from typing import ClassVar

import responses
from lxml import etree

ENDPOINT = "https://mail.example.no/EWS/Exchange.asmx"
NS = {"s": "http://schemas.xmlsoap.org/soap/envelope/",
      "m": "http://schemas.microsoft.com/exchange/services/2006/messages",
      "t": "http://schemas.microsoft.com/exchange/services/2006/types"}

ENVELOPE = """<?xml version="1.0" encoding="utf-8"?>
<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header><h:ServerVersionInfo MajorVersion="15" \
MinorVersion="2" MajorBuildNumber="1544" MinorBuildNumber="4" Version="V2017_07_11" \
xmlns:h="http://schemas.microsoft.com/exchange/services/2006/types" \
xmlns="http://schemas.microsoft.com/exchange/services/2006/types" xmlns:xsd="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/></s:Header><s:Body \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">\
<m:{op}Response xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" \
xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><m:ResponseMessages>{messages}\
</m:ResponseMessages></m:{op}Response></s:Body></s:Envelope>"""

SUCCESS = ('<m:{op}ResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode>{body}'
           '</m:{op}ResponseMessage>')
ERROR = ('<m:{op}ResponseMessage ResponseClass="Error"><m:MessageText>{text}</m:MessageText>'
         '<m:ResponseCode>{code}</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey></m:{op}ResponseMessage>')

SERVER_BUSY = """<?xml version="1.0" encoding="utf-8"?>
<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode \
xmlns:a="http://schemas.microsoft.com/exchange/services/2006/types">a:ErrorServerBusy</faultcode><faultstring \
xml:lang="en-US">The server cannot service this request right now. Try again later.</faultstring><detail>\
<e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">ErrorServerBusy</e:ResponseCode>\
<e:Message xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">The server cannot service this \
request right now. Try again later.</e:Message><t:MessageXml \
xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><t:Value Name="BackOffMilliseconds">{ms}</t:Value>\
</t:MessageXml></detail></s:Fault></s:Body></s:Envelope>"""

NOT_FOUND = "The specified object was not found in the store., The process failed to get the correct properties."


@dataclass
class Item:
    """A mail item in the recorded mailbox."""

    folder: str
    mime: bytes
    received: str
    message_id: str = ""
    kind: str = "Message"  # or MeetingRequest, as Exchange stores a forwarded invitation


@dataclass
class Mailbox:
    """The recorded mailbox: folders by id (name, parent id), items by id, and the requests seen."""

    folders: dict[str, tuple[str, str]] = field(default_factory=lambda: {
        "AAMkRoot": ("Top of Information Store", ""), "AAMkInbox": ("Inbox", "AAMkRoot"),
        "AAMkSent": ("Sent Items", "AAMkRoot")})
    items: dict[str, Item] = field(default_factory=dict)
    calls: list[tuple[str, etree._Element]] = field(default_factory=list)
    busy: list[int] = field(default_factory=list)  # BackOffMilliseconds of ErrorServerBusy answers to give first
    ids: itertools.count = field(default_factory=lambda: itertools.count(1))
    mock: responses.RequestsMock | None = None
    distinguished: ClassVar[dict[str, str]] = {"root": "AAMkRoot", "msgfolderroot": "AAMkRoot", "inbox": "AAMkInbox",
                                               "sentitems": "AAMkSent"}

    def deliver(self, mime: bytes, received: str, kind: str = "Message") -> str:
        """Put a message in the Inbox; returns its item id."""
        item_id = f"AAMkItem{next(self.ids)}="
        self.items[item_id] = Item("AAMkInbox", mime, received, kind=kind)
        return item_id

    def in_folder(self, name: str) -> list[Item]:
        """The items of the folder called ``name``."""
        return [i for i in self.items.values() if self.folders[i.folder][0] == name]

    def operations(self) -> list[str]:
        return [op for op, _ in self.calls]

    def __call__(self, request) -> tuple[int, dict, str]:
        root = etree.fromstring(request.body if isinstance(request.body, bytes) else request.body.encode())
        action = root.find("s:Body", NS)[0]
        op = etree.QName(action).localname
        self.calls.append((op, root))
        if self.busy:
            return 500, {"Content-Type": "text/xml; charset=utf-8"}, SERVER_BUSY.format(ms=self.busy.pop(0))
        messages = getattr(self, f"_{op}")(action)
        return 200, {"Content-Type": "text/xml; charset=utf-8"}, ENVELOPE.format(op=op, messages="".join(messages))

    # -- operations (one response message per requested object, as Exchange answers) --------

    def _folder_id(self, element) -> str:
        if etree.QName(element).localname == "DistinguishedFolderId":
            return self.distinguished[element.get("Id")]
        return element.get("Id")

    def _folder_xml(self, folder_id: str) -> str:
        name, parent = self.folders[folder_id]
        count = sum(1 for i in self.items.values() if i.folder == folder_id)
        parent_xml = f'<t:ParentFolderId Id="{parent}" ChangeKey="AQAAAA=="/>' if parent else ""
        return (f'<t:Folder><t:FolderId Id="{folder_id}" ChangeKey="AQAAABYAAAA="/>{parent_xml}'
                f"<t:FolderClass>IPF.Note</t:FolderClass><t:DisplayName>{name}</t:DisplayName>"
                f"<t:TotalCount>{count}</t:TotalCount><t:ChildFolderCount>0</t:ChildFolderCount>"
                f"<t:UnreadCount>{count}</t:UnreadCount></t:Folder>")

    def _ConvertId(self, action):  # exchangelib's version probe: only the header matters
        return [ERROR.format(op="ConvertId", code="ErrorInvalidIdMalformed", text="Id is malformed.")]

    def _GetFolder(self, action):
        out = []
        for element in action.find("m:FolderIds", NS):
            folder_id = self._folder_id(element)
            if folder_id in self.folders:
                out.append(SUCCESS.format(op="GetFolder", body=f"<m:Folders>{self._folder_xml(folder_id)}</m:Folders>"))
            else:
                out.append(ERROR.format(op="GetFolder", code="ErrorFolderNotFound",
                                        text="The specified folder could not be found in the store."))
        return out

    def _FindFolder(self, action):
        parent = self._folder_id(action.find("m:ParentFolderIds", NS)[0])
        wanted = action.find(".//t:Constant", NS)
        found = [fid for fid, (name, p) in self.folders.items()
                 if p == parent and (wanted is None or name == wanted.get("Value"))]
        folders = "".join(self._folder_xml(fid) for fid in found)
        return [SUCCESS.format(op="FindFolder", body=(
            f'<m:RootFolder IndexedPagingOffset="{len(found)}" TotalItemsInView="{len(found)}" '
            f'IncludesLastItemInRange="true"><t:Folders>{folders}</t:Folders></m:RootFolder>'))]

    def _CreateFolder(self, action):
        parent = self._folder_id(action.find("m:ParentFolderId", NS)[0])
        name = action.find(".//t:DisplayName", NS).text
        folder_id = f"AAMkFolder{next(self.ids)}="
        self.folders[folder_id] = (name, parent)
        return [SUCCESS.format(op="CreateFolder", body=(
            f'<m:Folders><t:Folder><t:FolderId Id="{folder_id}" ChangeKey="AQAAABYAAAA="/></t:Folder></m:Folders>'))]

    def _FindItem(self, action):
        folder = self._folder_id(action.find("m:ParentFolderIds", NS)[0])
        wanted = action.find(".//t:IsEqualTo/t:FieldURIOrConstant/t:Constant", NS)
        found = sorted(((iid, i) for iid, i in self.items.items() if i.folder == folder
                        and (wanted is None or i.message_id == wanted.get("Value"))), key=lambda p: p[1].received)
        items = "".join(f'<t:{i.kind}><t:ItemId Id="{iid}" ChangeKey="CQAAABYAAAA="/></t:{i.kind}>' for iid, i in found)
        return [SUCCESS.format(op="FindItem", body=(
            f'<m:RootFolder IndexedPagingOffset="{len(found)}" TotalItemsInView="{len(found)}" '
            f'IncludesLastItemInRange="true"><t:Items>{items}</t:Items></m:RootFolder>'))]

    def _GetItem(self, action):
        out = []
        for element in action.find("m:ItemIds", NS):
            item = self.items.get(element.get("Id"))
            if item is None:
                out.append(ERROR.format(op="GetItem", code="ErrorItemNotFound", text=NOT_FOUND))
                continue
            mime = base64.b64encode(item.mime).decode()
            out.append(SUCCESS.format(op="GetItem", body=(
                f'<m:Items><t:{item.kind}><t:MimeContent CharacterSet="UTF-8">{mime}</t:MimeContent>'
                f'<t:ItemId Id="{element.get("Id")}" ChangeKey="CQAAABYAAAA="/></t:{item.kind}></m:Items>')))
        return out

    def _MoveItem(self, action):
        target = self._folder_id(action.find("m:ToFolderId", NS)[0])
        out = []
        for element in action.find("m:ItemIds", NS):
            item = self.items.pop(element.get("Id"), None)
            if item is None:
                out.append(ERROR.format(op="MoveItem", code="ErrorItemNotFound", text=NOT_FOUND))
                continue
            new_id = f"AAMkItem{next(self.ids)}="
            self.items[new_id] = Item(target, item.mime, item.received, item.message_id, item.kind)
            moved = f'<t:{item.kind}><t:ItemId Id="{new_id}" ChangeKey="CQAAABYAAAA="/></t:{item.kind}>'
            out.append(SUCCESS.format(op="MoveItem", body=f"<m:Items>{moved}</m:Items>"))
        return out

    def _CreateItem(self, action):
        saved = self._folder_id(action.find("m:SavedItemFolderId", NS)[0])
        mime = base64.b64decode(action.find(".//t:MimeContent", NS).text)
        message_id = next(line.split(b":", 1)[1].strip().decode() for line in mime.splitlines()
                          if line.lower().startswith(b"message-id:"))
        self.items[f"AAMkItem{next(self.ids)}="] = Item(saved, mime, "2027-01-04T09:00:00Z", message_id)
        return [SUCCESS.format(op="CreateItem", body="<m:Items/>")]


def serve(mock: responses.RequestsMock, mailbox: Mailbox) -> Mailbox:
    """Answer EWS requests to :data:`ENDPOINT` from ``mailbox``."""
    mock.add_callback(responses.POST, ENDPOINT, callback=mailbox)
    mailbox.mock = mock
    return mailbox
