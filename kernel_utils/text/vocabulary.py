"""What the lines of a FRUS document look like: the furniture's vocabulary and patterns.

Pure predicates on one line of text (no positions, no state), shared by the plain-text
passes and the TEI import.  They know FRUS conventions, never the words of one document.
"""

from __future__ import annotations

import re

from kernel_utils.text.markers import PAGE_MARKER

__all__ = [
    "CLASSIFICATIONS",
    "CLOSING_FORMULA",
    "CLOSING_PLACE",
    "DATELINE",
    "DATELINE_HEAD",
    "DATELINE_WITH_HOUR_HEAD",
    "DOCUMENT_NUMBER",
    "ENCLOSURE",
    "FOOTNOTE_DASH",
    "GLUED_NOTE_END",
    "LABEL_ONLY",
    "OMISSION",
    "POINT",
    "PRECEDENCES",
    "RECEIVED",
    "SITE_CHROME",
    "TELEGRAM_NUMBER",
    "is_telegram_number",
    "looks_like_body_start",
    "looks_like_signature",
    "marking_kind",
    "near",
]

CLASSIFICATIONS = (
    "top secret",
    "secret",
    "confidential",
    "restricted",
    "unclassified",
    "personal and confidential",
    "strictly confidential",
    "official use only",
    "limited official use",
    "eyes only",
    "top secret—eyes only",
)
PRECEDENCES = (
    "priority",
    "niact",
    "operational immediate",
    "operational priority",
    "immediate",
    "flash",
    "routine",
    "urgent",
    "us urgent",
    "most urgent",
    "triple priority",
    "emergency",
)
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
#: "Washington, March 12, 1951—7 p. m.", "[Washington,] December 21, 1950.", ", December 19, 1918—5 p.m.",
#: "Mexico City, April 18, 1914, 8 p.m.", "American Embassy, Mexico, March 14, 1913." and a small-caps
#: dateline as a copy gives it, "MEXICO, JUNE 19, 1913—5 P.M.".
DATELINE = re.compile(
    rf"^(?:\[?[A-Z][\w .,'()’-]{{0,40}}?,?\]?,?\s*|,\s*)?(?i:{_MONTHS})\s+\d{{1,2}},\s+\d{{4}}"
    rf"(?:[,.]?\s*(?:[—–-]|\d).{{0,30}})?\.?$"
)
#: The first half of a dateline split over two lines: "Washington, March 12," (the year on the next line).
DATELINE_HEAD = re.compile(rf"^\[?[A-Z][\w .'’-]{{0,40}}?,?\]?,?\s*(?:{_MONTHS})\s+\d{{1,2}},?$")
DATELINE_WITH_HOUR_HEAD = re.compile(rf"^.*(?:{_MONTHS})\s+\d{{1,2}},\s+\d{{4}}[—–-]\d{{1,2}}(?::\d\d)?$")
RECEIVED = re.compile(r"^\[Received\b(?P<value>.*)\]\.?$")
_EDITORIAL_BRACKET = re.compile(
    r"^\[(?:Telegram|Paraphrase|Extracts?|Excerpts?|Translation|Summary|Circular|Airgram|Code|Plain|Gray|Undated)"
    r"[^\]]{0,40}\]$",
    re.IGNORECASE,
)
#: A despatch or document number line: "No. 360", "No. 1906.]" (older volumes close it with a bracket).
_SERIAL = re.compile(r"^No\.\s*\d+[\w–-]*\.?\]?$")
#: A document-number line standing before or after the designation: "No. 236".
DOCUMENT_NUMBER = re.compile(r"^No\. \d{1,4}$")
#: The telegram number that opens the body: "602. ", "Delga 460. ", "C–60453. ", "Number 76. ", "Unnumbered. ".
#: One or two series words may introduce it ("Dir 02521 (Out 73573). ", "Greek Series 18. "): a parenthesised
#: second number is not part of it.
TELEGRAM_NUMBER = re.compile(
    r"^(?P<number>(?:[A-Z][A-Za-z]{1,10}\s){0,2}[A-Z]{0,3}[–-]?\d{1,6}|Unnumbered)(?: \([A-Z][a-z]{1,10} \d{1,6}\))?\.(?:\s|$)"
)
POINT = re.compile(r"^(?:- )?[“\"]?(?P<point>\d{1,2})\.(?:\s|$)")
#: A list label standing alone on its line: "(a)", "1.", "- 1.", "- (1)", "- “(a)".
LABEL_ONLY = re.compile(r"^(?:[-•]\s*)?[“\"]?(?:\(?[0-9]{1,2}[.)]|\([a-zA-Z]{1,4}\)|[a-z]\.|[A-Z]\.)$")
#: An omission line: ". . . . . . ." or "…".
OMISSION = re.compile(r"^(?:\.\s*){3,}$|^…+$|^(?:\.\s*)+…?$")
CLOSING_FORMULA = re.compile(
    r"^(?:I (?:have|am|remain|avail myself) \[etc\.?\]|I have the honou?r to be.*|Accept, (?:Sir|Excellency).*|\[etc\.\]"
    r"|Very truly yours,?|Sincerely(?: yours)?,?|Respectfully(?: yours)?,?|Faithfully yours,?"
    r"|Yours (?:very )?(?:sincerely|faithfully|truly),?)$"
)
#: A closing place line at the end of a note: "Washington.", "Washington, [undated.]".
CLOSING_PLACE = re.compile(r"^[A-Z][a-z]+(?: [A-Z][a-z]+)?(?:, \[undated\.?\]|\.)$")
ENCLOSURE = re.compile(r"^\[(?:Enclosure|Inclosure|Annex|Attachment|Appendix|Tab [A-Z0-9])\b[^\]]{0,40}\]$")
#: A footnote list item rendered "- text↩", or a lone "-".
FOOTNOTE_DASH = re.compile(r"^- \S.*↩$|^-$")
#: A line ending in a glued footnote number ("…Department.2").
GLUED_NOTE_END = re.compile(r"(?:[.,;:”’)\]]|[A-Za-z])\d{1,3}$")
#: Lines of the history.state.gov site that a copy of a page can carry before the document
#: (witnessed: "Learn about the beta", removed from two development texts).
SITE_CHROME = re.compile(r"^Learn about the beta$")
_SIGNATURE_MAX_WORDS = 6
_NAME_PARTICLES = ("de", "da", "van", "von", "der", "la", "le", "y")


def near(word: str, vocabulary: tuple[str, ...]) -> bool:
    """A single word at most one letter off a vocabulary word of 6+ letters (a misprint such as
    "priorty"): one deletion, insertion or substitution."""
    if " " in word or len(word) < 5:
        return False
    for known in vocabulary:
        if " " in known or len(known) < 6 or abs(len(known) - len(word)) > 1:
            continue
        if len(known) == len(word):
            if sum(a != b for a, b in zip(known, word)) == 1:
                return True
        else:
            short, long_ = sorted((known, word), key=len)
            if any(long_[:k] + long_[k + 1 :] == short for k in range(len(long_))):
                return True
    return False


def marking_kind(part: str) -> str | None:
    """What a header marking is: classification, precedence, received, editorial, serial, dateline."""
    low = part.lower()
    if low in CLASSIFICATIONS:
        return "classification"
    if low in PRECEDENCES or (part.islower() and near(low, PRECEDENCES)):
        return "precedence"
    if RECEIVED.match(part):
        return "received"
    if _EDITORIAL_BRACKET.match(part):
        return "editorial"
    if _SERIAL.match(part):
        return "serial"
    if DATELINE.match(part):
        return "dateline"
    return None


def looks_like_body_start(line: str) -> bool:
    """A line that opens a body: a telegram number, a list label, or a "Caption:" of a few words."""
    return bool(TELEGRAM_NUMBER.match(line) or LABEL_ONLY.match(line) or re.match(r"^[A-Z][\w ]{0,30}:", line))


def looks_like_signature(line: str) -> bool:
    """A short line of names: capitalised words, initials or name particles, no digits, no end punctuation."""
    words = line.split()
    if not words or len(words) > _SIGNATURE_MAX_WORDS:
        return False
    if line.rstrip().endswith((".", ",", ";", ":", "?", "!")) and not re.search(r"\b[A-Z]\.$", line):
        return False
    if not line[:1].isupper() or PAGE_MARKER.search(line) or LABEL_ONLY.match(line):
        return False
    if marking_kind(line) or CLOSING_FORMULA.match(line) or re.search(r"\d", line):
        return False
    return all(w[:1].isupper() or w in _NAME_PARTICLES for w in words)


def is_telegram_number(number: str, doc_type: str | None) -> bool:
    """A number opening the body is a telegram number in telegrams, or when it has a series
    prefix ("Delga 460") or reads "Unnumbered"; in a document of unknown type a bare number
    other than 1 (which opens a numbered list); otherwise it is the first numbered point."""
    if not number[:1].isdigit():  # a series prefix, or "Unnumbered"
        return True
    if doc_type is None:
        return number != "1"
    return any(word in doc_type.lower() for word in ("telegram", "airgram", "cable", "message"))
