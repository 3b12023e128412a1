"""The heading and address lines of a FRUS document: designation, type, sender, recipient.

Shared by the plain-text passes and the TEI import (whose ``<head>`` holds the same lines).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kernel_utils.text.markers import PAGE_MARKER
from kernel_utils.text.vocabulary import TELEGRAM_NUMBER

__all__ = ["Address", "Heading", "looks_like_address", "parse_address", "parse_heading", "split_address"]

#: "NNN.NN/M–DDYY: Telegram": a designation, a colon and a short type (split at the last ": ").
_HEADING = re.compile(
    r"^(?P<designation>.{1,150}): (?P<doc_type>[A-Za-z][A-Za-z\-'’]*(?: [A-Za-z][A-Za-z\-'’]*){0,3})$"
)
#: A designation standing alone: "795.00/12–1350", "860 E.00/18", "File No. 763.72/1234".
_BARE_DESIGNATION = re.compile(r"^(?:File No\.\s*)?\d{3}[\w.]*(?: [\w.]+){0,3}/[\w.–\-]+$")
_FILE_NO = re.compile(r"^File No\.\s*")
#: Later series: "235. Telegram From the Mission ... to the Department of State1", "371. Telegram 1219 to Geneva1".
_SERIES_HEADING = re.compile(
    r"^(?P<docno>\d{1,4})\. (?P<doc_type>(?:Circular |Joint )?(?:Telegram|Airgram|Cable|Message|Letter|Note|Despatch"
    r"|Instruction|Memorandum(?: of (?:a )?(?:[A-Z][a-z]+ )?Conversations?)?|Paper|Report|Minutes|Editorial Note"
    r"|Aide-Mémoire|Record|Notes))(?=\d{0,3}(?:\W|$))(?P<rest>.*)$"
)
#: The type phrase that may open an address line: "Memorandum by ...", "Memorandum of Conversation, by ...".
_TYPE_PREFIX = re.compile(
    r"^(?P<doc_type>(?:Circular )?(?:Memorandum(?: of (?:a )?(?:[A-Z][a-z]+ )?Conversations?)?|Telegram|Letter|Note"
    r"|Aide-Mémoire|Minutes|Paper|Report|Record of (?:a )?(?:Conversation|Meeting)|Notes))"
    r"(?:,? (?:Prepared )?by| From) (?P<rest>.+)$"
)
#: A footnote number at the end of an address line, glued or after one space.
_ADDRESS_NOTE = re.compile(r"(?<=[A-Za-z)\].’])\s?\d{1,3}$")
_SERIES_NUMBER = re.compile(r"^ (?P<number>[A-Z]?[\w–-]*\d[\w–-]*)(?: to (?P<recipient>.+))?$")


@dataclass(frozen=True)
class Heading:
    """What a heading line gives.  ``names_sender`` is true when the heading itself names the
    sender (a later-series "Telegram From X to Y"), so no address line is looked for."""

    file_designation: str | None = None
    doc_type: str | None = None
    sender: str | None = None
    recipient: str | None = None
    heading_number: str | None = None
    names_sender: bool = False


@dataclass(frozen=True)
class Address:
    """What an address line gives: the type only when a phrase ("Memorandum by") opens it."""

    doc_type: str | None
    sender: str | None
    recipient: str | None


def strip_address_note(line: str) -> str:
    """The line without a footnote number at its end ("… State1", "… Offices 1")."""
    return _ADDRESS_NOTE.sub("", line).rstrip()


def split_address(line: str) -> tuple[str | None, str | None]:
    """Sender and recipient from "X to Y" (footnote digits at the end already removed).

    A sender may itself hold " to " ("... Delegation to the General Assembly (Roosevelt) to
    ..."): when the line has ") to " the split is at the first of those; else at the first
    " to the " when the first " to " is followed by a capitalised word ("The Commission to
    Negotiate Peace to the ..."); else at the first " to ".
    """
    at = line.find(") to ")
    article = line.find(" to the ")
    if at >= 0:
        sender, recipient = line[: at + 1], line[at + 5 :]
    elif article >= 0 and not line[line.find(" to ") + 4 :][:1].islower():
        # FRUS prints the recipient with a lowercase article, so a " to " followed by a
        # capitalised word is inside the sender
        sender, recipient = line[:article], line[article + 4 :]
    elif " to " in line:
        sender, recipient = line.split(" to ", 1)
    else:
        return (line.strip() or None), None
    return sender.strip() or None, recipient.strip() or None


#: Lowercase words a sender's title may hold ("The Minister of Foreign Affairs of the Republic").
_TITLE_WORDS = frozenset({"of", "the", "in", "at", "for", "and", "on", "to", "de", "a", "an"})


def _period_address(line: str) -> bool:
    """An address line of the older volumes, closed by a period: "Mr. Conger to the Secretary of
    State.", "The American Ambassador to the Secretary of State." (short, one sentence, a sender
    of capitalised title words, the recipient with FRUS's lowercase article)."""
    if not line.endswith(".") or line.endswith("..") or len(line.split()) > 20:
        return False
    clean = line[:-1]
    sender, recipient = split_address(clean)
    return (
        sender is not None
        and all(word[:1].isupper() or word[:1] in "(“" or word in _TITLE_WORDS for word in sender.split())
        and recipient is not None
        and recipient.startswith("the ")
        and len(recipient.split()) <= 10
        and not re.search(r"[a-z]{3}\. [A-Z]", clean)  # no sentence break inside ("Mr. X" is allowed)
        and looks_like_address(clean)
    )


def looks_like_address(line: str) -> bool:
    """An address line: a type phrase ("Memorandum by …"), or a short capitalised "X to Y"
    that does not end like a sentence and is neither a telegram number nor holds a page marker;
    or such a line closed by a period in the manner of the older volumes."""
    if _TYPE_PREFIX.match(line) or _period_address(line):
        return True
    return (
        " to " in line
        and len(line.split()) <= 40
        and line[:1].isupper()
        and not line.rstrip().endswith((".", ":", ";", "?", "!"))
        and not TELEGRAM_NUMBER.match(line)
        and not PAGE_MARKER.search(line)
    )


def parse_address(line: str) -> Address:
    """The type (when a phrase opens the line), sender and recipient of an address line."""
    clean = strip_address_note(line)
    if _period_address(clean):
        clean = clean[:-1]
    prefixed = _TYPE_PREFIX.match(clean)
    if prefixed:
        sender, recipient = split_address(prefixed.group("rest"))
        return Address(prefixed.group("doc_type"), sender, recipient)
    sender, recipient = split_address(clean)
    return Address(None, sender, recipient)


def _series_heading(match: re.Match[str]) -> Heading:
    """A later-series heading: "235. Telegram From X to Y", "371. Telegram 1219 to Geneva", "12. Note to Y"."""
    rest = strip_address_note(match.group("rest"))
    doc_type = match.group("doc_type")
    if rest.startswith(" From "):
        sender, recipient = split_address(rest[len(" From ") :])
        return Heading(doc_type=doc_type, sender=sender, recipient=recipient, names_sender=True)
    if rest.startswith(" to "):
        return Heading(doc_type=doc_type, recipient=rest[len(" to ") :].strip() or None)
    numbered = _SERIES_NUMBER.match(rest)
    if numbered:
        return Heading(
            doc_type=doc_type, heading_number=numbered.group("number"), recipient=numbered.group("recipient")
        )
    return Heading(doc_type=doc_type)


def parse_heading(line: str) -> Heading | None:
    """The fields a first line gives, or ``None`` when it is not a heading."""
    series = _SERIES_HEADING.match(line)
    if series:
        return _series_heading(series)
    heading = _HEADING.match(line)
    if heading and len(heading.group("designation").split()) <= 12 and not _TYPE_PREFIX.match(line):
        return Heading(
            file_designation=_FILE_NO.sub("", heading.group("designation")), doc_type=heading.group("doc_type")
        )
    if _BARE_DESIGNATION.match(line):
        # "File No. 812.00/7833." (older volumes): the closing period is the line's, not the number's
        return Heading(file_designation=_FILE_NO.sub("", line).removesuffix("."))
    return None


def looks_like_designation(line: str) -> bool:
    """A line that can be a file designation when an address line follows it: a collection or
    lot name ("Truman Library, Truman Papers, PSF–Subject File", "Executive Secretariat Files:
    53D444"), short, not a sentence, not an address."""
    return (
        len(line.split()) <= 12
        and (line[:1].isupper() or line[:1].isdigit())
        and not line.endswith((".", ":", ";", "?", "!"))
        and not PAGE_MARKER.search(line)
        and not looks_like_address(line)
        and not TELEGRAM_NUMBER.match(line)
    )


#: The title of an enclosed document standing after the sign-off ("Draft Memorandum by the
#: President to the Secretary of State1"): where an enclosure begins when no "[Enclosure]" line says so.
_ENCLOSED_TITLE = re.compile(
    r"^(?:Draft |Enclosed )?(?:Memorandum|Letter|Note|Telegram|Aide-Mémoire|Message)\b.*\b(?:by|from|From|to)\b.*[^.:;]$"
)


def looks_like_enclosed_title(line: str) -> bool:
    """The title of an enclosed document (type phrase, sender or recipient, no end punctuation)."""
    return bool(_ENCLOSED_TITLE.match(line)) and len(line.split()) <= 25
