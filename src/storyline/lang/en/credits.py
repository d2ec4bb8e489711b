"""English bylines, credit lines and outlets' words about themselves (``describe/header.py``,
``describe/outlets.py``). Signatures are general forms, not one site's wording."""

from __future__ import annotations

# "By Anna Petrov, Reuters", "By Jan van der Berg in Brussels": a name (particles of names in
# many languages included), then a role or place.
BYLINE = (
    r"^by\s+(?P<name>[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|van|von|der|al|bin|da|and|&)){0,6}?)"
    r"(?:\s*(?:,|\||–|—|-|\bin\b)\s*(?P<role>[^\n]{0,80}))?$"
)
# An organisation's name as English text writes it ("The Bank of England", "Al Jazeera").
NAME = r"(?:The |the )?[A-Z][\w&.'’-]*(?: (?:[A-Z][\w&.'’-]*|of|de|du|al|&)){0,5}"
# A self-description in an appeal ("The Independent is trusted by ...").
SELF_DESCRIPTION = (
    rf"(?P<o>{NAME}) is (?:trusted by|on the ground|an independent|reader-funded|funded by its readers)"
)
# A copyright footer naming the outlet.
COPYRIGHT_NOTICE = rf"(?:©|\(c\)|copyright)\s*(?:\d{{4}}\s*[-–]?\s*(?:\d{{4}})?\s*)?(?P<o>{NAME})"
# A credit line ("Associated Press writer ... contributed to this report"). Keywords match in
# any case; the organisation's name must be capitalised as names are.
CREDIT_LINE = (
    rf"^(?:(?P<org>{NAME}) (?i:staff )?(?i:writers?|correspondents?|reporters?|journalists?|"
    r"photographers?|videographers?|staff)\b[^\n]{0,160}?\b(?i:contributed)\b[^\n]{0,60}"
    r"|(?i:(?:additional |with )?(?:reporting|inputs?) (?:by|from)) [^\n]{1,160}"
    r"|(?i:this (?:story|article|report) (?:was )?(?:originally )?(?:published|appeared) (?:by|in|on))"
    rf" (?P<org2>{NAME})[^\n]{{0,80}}"
    r"|\(?(?i:with (?:inputs|reporting) from) [^\n]{1,80}\)?)\s*$"
)
# What a credit line may name that is no organisation.
GENERIC_CREDITS = frozenset(
    {"staff", "special", "our", "the", "this", "news", "wire", "agency", "agencies", "reuters staff"}
)
# Cut from the end of an organisation's name: legal forms, the "All" of "All rights reserved".
NAME_TAILS = (" All", " Ltd", " Inc", " LLC", " Limited")
