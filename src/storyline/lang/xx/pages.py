"""Words of pages in several languages at once, read before the page's language is known: what
makes a page no article (an error or maintenance page, a login or subscription wall) and what
makes a date line under the headline a modification date. English, German, French, Spanish,
Italian, Dutch and Portuguese, as far as each list goes."""

from __future__ import annotations

# Only short pages are taken for error pages and walls (clean/not_articles.py): a long text
# that mentions "404" is an article about it.
ERROR_PAGE = (
    r"\b(?:404|410|500|502|503)\b.{0,40}\b(?:error|fehler|erreur|not found|introuvable|nicht gefunden)\b"
    r"|\b(?:page|seite|página|pagina)\s+(?:not found|nicht gefunden|introuvable|no encontrada|non trovata)\b"
    r"|\bpage (?:does not|doesn't) exist\b|\bdiese seite (?:existiert nicht|wurde nicht gefunden)\b"
    r"|\b(?:under|in) maintenance\b|\bwartungsarbeiten\b|\bmaintenance en cours\b"
    r"|\bmodification de page en cours\b"
    r"|\btemporarily unavailable\b|\bvorübergehend nicht (?:verfügbar|erreichbar)\b|\baccess denied\b"
    r"|\bzugriff verweigert\b|\bforbidden\b"
)
WALL = (
    r"\b(?:sign|log) in to (?:continue|read|view)\b|\bsubscribe (?:now )?to (?:continue|read|keep reading)\b"
    r"|\bthis (?:content|article) is (?:for|only for|available to) (?:subscribers|members)\b"
    r"|\b(?:anmelden|einloggen),? um (?:weiter)?zu(?:lesen)?\b"
    r"|\bjetzt (?:abonnieren|anmelden) und weiterlesen\b"
    r"|\bconnectez-vous pour (?:lire|continuer)\b|\bcreate (?:a free )?account to (?:continue|read)\b"
)

# A date line naming a change ("Updated", "Aktualisiert", "mis à jour") under the headline is
# left out (clean/header_dates.py): a modification date is never a publication date.
CHANGED = (
    r"updated|update:|modified|revised|aktualisiert|geändert|änderung|modifié|mis à jour|actualizado"
    r"|actualización|aggiornat|bijgewerkt|atualizado"
)
# A date written with a month name, day first ("6 January 2020", "28. April 2020") or month
# first ("January 6th, 2020"): the month name in any language, the English ordinal endings.
WRITTEN_DATE = (
    r"\b\d{1,2}\.?\s+[^\W\d_]{3,12}\.?\s+(?:19|20)\d{2}\b"
    r"|\b[^\W\d_]{3,12}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}\b"
)
