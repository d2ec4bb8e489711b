"""Words of author metadata and byline elements in several languages at once: a page's author
field is written in the site's language, whatever the article's (``describe/bylines.py``,
``clean/html.py``)."""

from __future__ import annotations

# The word that opens a byline element ("By Anna Petrov", "Von Anna Petrov").
BYLINE_PREFIX = r"^(?:by|von|par|por)\s+"
# Labels before the names: "View all posts by", "Autorin:", "Text:".
LABEL = (
    r"^(?:(?:view|see)\s+all\s+(?:posts|articles|stories)\s+by|zeige\s+alle\s+beitr(?:ä|ae)ge\s+von"
    r"|(?:posts|articles|stories)\s+by|(?:written|posted|reported)\s+by|by|von|par|por|di|door|av"
    r"|autor(?:in)?|author|text|texte?|redakteur(?:in)?)\b[:\s]*"
)
# A role after a name: the "Staff Writer" of "Anna Petrov, Staff Writer".
ROLE = (
    r"[\s,–—-]+(?:staff\s+(?:writer|reporter)|contributor|correspondent|reporter|editor|columnist"
    r"|redakteur(?:in)?|korrespondent(?:in)?)\s*$"
)
BETWEEN_NAMES = (
    r"\s*(?:,|;|\||&|\band\b|\bund\b|\bet\b|\by\b|\bim gespräch mit\b|\bin conversation with\b)\s*"
)
# A date stamp glued after a name ("Anna Petrov Updated 5 May", "Anna Petrov am 5. Mai").
STAMP = r"\s*\b(?:updated|published|aktualisiert|am|on)\b.*$"
# Author values that name nobody.
PLACEHOLDERS = frozenset({
    "no author", "noauthor", "admin", "administrator", "redaktion", "editor", "editors", "staff",
    "unknown", "anonymous", "guest", "null", "none", "n/a", "team", "webmaster", "redaktion online",
})  # fmt: skip
# A copyright line: no byline.
COPYRIGHT = r"©|\(c\)|copyright|all rights reserved"
# A company's legal form, a publisher or a newsroom: not a person.
COMPANY = (
    r"\b(?:gmbh|ag|inc|ltd|llc|plc|e\.\s?v|s\.a|s\.l|srl|kg|co\.|corp|media group|verlag"
    r"|redaktion|newsroom|desk)\b\.?"
)
