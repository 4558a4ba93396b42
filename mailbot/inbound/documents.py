"""Text of the documents a referat comes in: Word (.docx), PDF and OpenDocument text (.odt).

Extracted with python-docx, pypdf and odfpy. List items come back as lines starting with "- "
and table rows as cells joined by " | ", so follow-up points in lists and tables can be found.
A document that cannot be read gives '' (and a warning in the log), never an exception.
"""
from __future__ import annotations

import io
import logging
import zipfile
from email.message import Message

from mailbot.transports import mime

log = logging.getLogger(__name__)

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
PDF = "application/pdf"
KINDS = {".docx": DOCX, ".pdf": PDF, ".odt": ODT}


def kind(part: Message) -> str | None:
    """The document type of an attached part (by file name, else content type), None for others."""
    name = (part.get_filename() or "").lower()
    for suffix, content_type in KINDS.items():
        if name.endswith(suffix):
            return content_type
    return part.get_content_type() if part.get_content_type() in KINDS.values() else None


def attachments(msg: Message) -> list[tuple[str, str, bytes]]:
    """The referat documents attached to ``msg``: (file name, content type, bytes), in order."""
    found = []
    for part in msg.walk():
        content_type = None if part.is_multipart() else kind(part)
        if content_type is None:
            continue
        data = part.get_payload(decode=True)
        if isinstance(data, bytes) and data:
            found.append((mime.clean_filename(part.get_filename() or "", fallback="referat"), content_type, data))
    return found


def text(content_type: str, data: bytes) -> str:
    """The text of a document of ``content_type`` (one of :data:`KINDS`), '' when unreadable."""
    readers = {DOCX: _docx, PDF: _pdf, ODT: _odt}
    try:
        if content_type in (DOCX, ODT):
            _check_unpacked_size(data)
        return readers[content_type](data)
    except Exception as exc:  # a broken or encrypted document must not stop the referat
        log.warning("%s document not read: %s: %s", content_type, type(exc).__name__, exc)
        return ""


MAX_UNPACKED = 100_000_000  # bytes a docx or odt (a zip file) may unpack to
MAX_PDF_PAGES = 200


def _check_unpacked_size(data: bytes) -> None:
    """Raise ValueError for a zip file that would unpack to more than :data:`MAX_UNPACKED`
    bytes (a zip bomb); the sizes are read from its central directory, nothing is unpacked."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > MAX_UNPACKED:
        raise ValueError(f"unpacks to {unpacked} bytes, more than {MAX_UNPACKED}")


def _docx(data: bytes) -> str:
    import docx  # python-docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    lines = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(block, document)
            listed = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
            style = paragraph.style.name if paragraph.style is not None else ""
            listed = listed or (style or "").lower().startswith("list")
            lines.append(("- " if listed and paragraph.text.strip() else "") + paragraph.text)
        elif tag == "tbl":
            table = Table(block, document)
            lines += [" | ".join(cell.text.strip() for cell in row.cells) for row in table.rows]
            lines.append("")
    return "\n".join(lines)


def _pdf(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages[:MAX_PDF_PAGES])


def _odt(data: bytes) -> str:
    from odf import teletype
    from odf.namespaces import TEXTNS
    from odf.opendocument import load
    from odf.text import P

    lines = []
    for element in load(io.BytesIO(data)).text.childNodes:
        name = getattr(element, "qname", None)
        if name == (TEXTNS, "list"):
            lines += ["- " + teletype.extractText(p) for p in element.getElementsByType(P)]
        elif name in ((TEXTNS, "p"), (TEXTNS, "h")):
            lines.append(teletype.extractText(element))
        elif name is not None:  # tables, sections: their paragraphs in order
            lines += [teletype.extractText(p) for p in element.getElementsByType(P)]
    return "\n".join(lines)
