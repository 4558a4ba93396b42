"""Online meetings: join links of the common video platforms, and platform names as a venue."""
from __future__ import annotations

import re

JOIN_LINK = re.compile(
    r"https?://[^\s<>\"')\]]*?(?:"
    r"teams\.microsoft\.(?:com|us)/(?:l/meetup-join|meet)|teams\.live\.com/meet|"
    r"zoom(?:gov)?\.(?:us|com)/(?:j|w|my|s|wc)/|"
    r"webex\.com/(?:[\w.-]+/)?(?:j\.php|meet|join|wbxmjs|webappng)|"
    r"meet\.google\.com/|whereby\.com/|meet\.goto\.com/|gotomeet(?:ing)?\.com/join|global\.gotomeeting\.com/|"
    r"bluejeans\.com/|meet\.jit\.si/|join\.skype\.com/|meet\.lync\.com/|"
    r"interactio\.io/|kudoway\.com/|kudo\.live/|pexip\.|/vmr/|joinmeeting|join-meeting"
    r")[^\s<>\"')\]]*",
    re.I,
)
PLATFORM = re.compile(r"\b(microsoft teams|teams(?:-?møte|-?möte|-?meeting)?|zoom|webex|skype|google meet|"
                      r"gotomeeting|online|virtual|virtuelt|digitalt|videomøte|nettmøte|videokonferanse|"
                      r"video conference|videoconference)\b", re.I)


# a meeting number on a platform's own host under another domain ("https://meet.goto.example.com/418275306")
PLATFORM_HOST_LINK = re.compile(r"https?://(?:[\w-]+\.)*(?:zoom|webex|goto|gotomeeting|whereby|jitsi|bluejeans)"
                                r"\.(?:[\w-]+\.)*[a-z]{2,}/(?:[\w.-]+/)*\d{6,}\b", re.I)


def join_links(text: str) -> list[str]:
    """Join links of online meetings found in ``text`` (plain text or HTML source)."""
    return JOIN_LINK.findall(text or "") or PLATFORM_HOST_LINK.findall(text or "")


def names_platform(venue: str) -> bool:
    """True when a venue text names an online platform ("Microsoft Teams Meeting", "Webex")."""
    return bool(PLATFORM.search(venue or ""))


# The heading of a join block as the platforms write it ("Microsoft Teams meeting", "Join Zoom Meeting")
_HEADING = re.compile(r"^[ \t*_]*((?:microsoft teams[ -](?:meeting|møte|möde|möte|besprechung|réunion)|"
                      r"microsoft teams|join zoom meeting|zoom[ -](?:meeting|møte)|"
                      r"(?:cisco )?webex[ -](?:meeting|møte)|google meet))[ \t*_]*$", re.I | re.M)


def heading(text: str) -> str | None:
    """The heading of the join block in ``text`` as written, the venue of an online meeting that
    names no other; None when there is none."""
    match = _HEADING.search(text or "")
    return match.group(1) if match else None
