"""Page furniture in the major European languages (issue 16): Spanish, French, German, Polish,
Italian, Portuguese and Dutch, and the English forms of the same kinds where ``boilerplate``
lacked them (comment prompts, affiliate notes).

Patterns only, keyed by the kind of furniture; ``boilerplate.LINE_RULES`` gives each kind its
reason. Written as classes of furniture ("read also:", "subscribe", "comments", "photo:"), not
as the strings of any one page, and each kept only if on the tuning half of trafilatura's
evaluation pages it removed boilerplate and no article text (``scripts/bench_html.py
--rules``; figures in BENCHMARKS.md, "HTML extraction"). Like the English rules, a pattern
must not be able to match a reporter's sentence: a marker counts only at the start of a line
and followed by a colon, or on a line without sentence punctuation.
"""

from __future__ import annotations

import re

__all__ = ["PATTERNS"]

_I = re.IGNORECASE
# After a marker: a colon, guillemet or arrow, or nothing that ends a sentence up to the line end
# ("uepo.de": a dot inside a word ends nothing).
_MARKER_END = r"\b(?:\s*[:»>]|(?=(?:[^.!?]|[.!?](?=\S))*$))"

_RELATED = (
    # Spanish
    r"l[eé]a (?:también|más)|lee (?:también|más)|vea también|ver también|véase también|"
    r"(?:también )?te puede interesar|le puede interesar|leer más|más noticias|noticias relacionadas|"
    r"lo más (?:leído|visto)|"
    # French
    r"[àa] lire (?:aussi|également)|lire aussi|voir aussi|[àa] voir aussi|sur le même sujet|les plus lus|"
    # German
    r"lesen sie (?:auch|mehr)|auch lesen|lies auch|mehr zum thema|"
    r"weitere (?:artikel|beiträge|infos|informationen|themen|nachrichten|meldungen|aktuelle themen)|"
    r"zum weiterlesen|das könnte (?:sie|dich) (?:auch )?interessieren|meist ?gelesen|top-themen|"
    r"ähnliche artikel|verwandte artikel|passend dazu|siehe auch|"
    # Polish
    r"czytaj (?:też|także|więcej)|zobacz (?:też|także)|przeczytaj (?:też|także)|"
    # Italian
    r"leggi anche|vedi anche|(?:ti )?potrebbe interessar(?:ti|e)|articoli correlati|"
    # Portuguese
    r"leia (?:também|mais)|veja também|saiba mais|"
    # Dutch
    r"lees ook|zie ook|lees meer"
)

#: kind -> patterns; the kinds are ``boilerplate``'s reason names.
PATTERNS: dict[str, tuple[re.Pattern[str], ...]] = {
    "related": (
        re.compile(rf"^(?:>>?\s*|»\s*|\*\s*)?(?:{_RELATED}){_MARKER_END}", _I),
        re.compile(r"^>>.{3,200}<<$"),  # ">> Wegen Corona: … <<", a teaser for another story
    ),
    "navigation": (
        re.compile(
            r"\b(?:hier klicken|klicken sie hier|haga clic aquí|haz clic aquí|cliquez ici|kliknij tutaj|"
            r"clicca qui|clique aqui|klik hier)\b",
            _I,
        ),
    ),
    "signup": (
        re.compile(
            r"\bsuscr[ií]b(?:ete|ase)\b|\bhazte (?:miembro|socio|suscriptor)\b|\babonnez-vous\b|"
            r"\binscrivez-vous\b|\bdéjà abonné\b|\bjetzt (?:abonnieren|anmelden|registrieren)\b|"
            r"\bnewsletter (?:abonnieren|bestellen)\b|\bzapisz się\b|\biscriviti\b|\binscreva-se\b|"
            r"\b(?:síguenos|suivez-nous|folgen sie uns|folge uns|seguici|siga-nos|obserwuj nas)\b|"
            r"\b(?:nuestro canal de youtube|notre chaîne youtube|unser(?:em)? youtube-kanal|our youtube channel)\b",
            _I,
        ),
    ),
    # "Crédits photos : Bestimage", "Quelle: Landesregierung", "Foto: dpa": a short credit line.
    "caption": (
        re.compile(
            r"^\(?(?:crédits?(?: photos?)?|fotos?|bild(?:er)?|bildquelle|fotografía|fotografia|zdjęcie|"
            r"quelle|fuente|copyright)\s*:\s*\S[^.!?]{0,80}$",
            _I,
        ),
    ),
    "comments": (
        re.compile(
            r"^(?:\d+|keine|kein|no|view|show|leave a|post a|add a|write a|be the first to) "
            r"(?:kommentare?|comments?|reply|replies)\b|\bkommentare? (?:schreiben|erscheinen|verfassen)\b|"
            r"\b(?:eingeloggt|angemeldet) sein,? um\b|\bin den kommentaren\b|\bdeja (?:un|tu) comentario\b|"
            r"\blaisser un commentaire\b|\bdodaj komentarz\b",
            _I,
        ),
    ),
    # "Kategorie: News", "Temas", "Release Date:": the page's filing labels, alone on a line.
    "metadata": (
        re.compile(
            r"^(?:kategorie|kategorien|categories|category|tags?|schlagw[öo]rter|schlagworte|stichw[öo]rter|"
            r"etiquetas|temas|themen|catégories?|mots-clés|tagi|release date|last modified|posted in|"
            r"filed under)\b\s*:?(?:\s*\S+){0,6}$|\blast (?:modified|updated):",
            _I,
        ),
        # A date or time alone on a line: "23.10.2018", "19:49".
        re.compile(
            r"^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2})(?:,?\s*\d{1,2}:\d{2}(?:\s*(?:uhr|h|am|pm))?)?$"
            r"|^\d{1,2}:\d{2}(?:\s*(?:uhr|h|am|pm))?$",
            _I,
        ),
    ),
    # "*Werbung.", "Anzeige", affiliate disclosures.
    "advert": (
        re.compile(
            r"^\*?(?:werbung|anzeige|publicidad|publicité|reklama|pubblicità|gesponsert)\s*(?:[.:|*]|$)|"
            r"\bwe may (?:earn|receive) (?:a )?(?:small )?commission\b|\baffiliate[- ]links?\b|"
            r"\bindependent review process\b|\benthält werbung\b",
            _I,
        ),
    ),
    # Legal small print and file links: "Alle Angaben ohne Gewähr", "PDF | 38 KB".
    "small print": (
        re.compile(
            r"\balle angaben ohne gewähr\b|\bdatei ist nicht barrierefrei\b|\bPDF\s*\|\s*\d+\s*[KM]B\b", _I
        ),
    ),
}
