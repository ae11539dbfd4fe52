"""Reader check on people: full names from the sources, surnames used before them in a summary.

Definitions in ``newsfuse.evaluate_reading``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from newsfuse.text import is_lowercased

__all__ = ["CAP_WORD", "full_names", "is_lowercased", "names_before_introduction", "strip_possessive"]

TITLES = frozenset(
    """Mr Mrs Ms Miss Dr Gov Governor Sen Senator Rep Representative President Vice Prime Minister Secretary
    Lt Lieutenant Sgt Sergeant Capt Captain Col Colonel Gen General Officer Detective Det Chief Judge Justice
    Coach Prof Professor Rev Reverend Father Sister Brother Pope King Queen Prince Princess Lord Lady Sir Dame
    Mayor Attorney Sheriff Deputy Inspector Commissioner Superintendent Chairman Chairwoman CEO Director
    Ambassador Speaker Leader Agent Trooper Cpl Corporal Pvt Private Adm Admiral Marshal Gov. Dean Bishop
    Cardinal Rabbi Imam Sheikh Dr. Mr. Mrs. Ms. Lt. Sgt. Sen. Rep. Capt. Col. Gen. Prof. Rev. Det. Cpl. Pvt.
    Adm. Supt. Insp. Spokesman Spokeswoman Police Officers Inspector-General Rabbi Pastor Nurse Doctor""".split()
)
# Words that end capitalised runs but are places, organisations, days, not surnames.
NOT_SURNAMES = frozenset(
    """House Court City County Street Center Centre University College School Department Party Times Post News
    Press Airport Hospital Police Park Church Island Islands River Valley States Kingdom Republic Union Council
    Committee Agency Bank Group Inc Corp Company Association Service Services Office Force Army Navy Senate
    Congress Day Week Avenue Road Hall Square Beach Bay Lake Mountain Mountains Hills Heights Hotel Museum
    Library Institute Foundation Fund Network Magazine Journal Book Award Awards Prize Festival Show Series
    Club Team League Cup Games Olympics War Act Law Bill Amendment Medical Health Security Affairs
    Administration Commission Board Authority Ministry Government Assembly Parliament Station Terminal
    Airlines Airways Motors Media Studios Pictures Records Entertainment Tribune Herald Globe Chronicle
    Gazette Mail Telegraph Guardian Sun Star Today Online Facebook Twitter Instagram YouTube Google Street
    Coast Sea Ocean Area Region Province State Town Village District Zone Border Garden Gardens Field Stadium
    Arena Tower Building Bridge Station Channel Jr Sr II III IV Twitter Republicans Democrats America
    Africa Asia Europe Canada China Russia Japan India Korea Iran Iraq Syria Israel Mexico Brazil France
    Germany Britain England Ireland Scotland Wales Australia Africa Pakistan Afghanistan Ukraine Turkey
    Egypt York Angeles Francisco Diego Jersey Carolina Dakota Virginia Hampshire Orleans Vegas Lumpur Street
    Inc. Corp. Co. Ltd. LLC Fox CBS NBC ABC CNN MSNBC BBC Reuters Tesla Lives Matter Trust Project Initiative
    Program Programme Capital Partners Holdings Industries Systems Technologies Labs Lab Energy Oil Gas Power
    Water Air Airport Port Base Camp Prison Jail Academy Hall Avenue Boulevard Highway Freeway Drive Way Lane
    God Christ Christmas Easter Thanksgiving Halloween Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    January February March April May June July August September October November December Unit High Hill
    Basin Sciences Slam Saint""".split()
)
CAP_RUN = re.compile(r"(?:(?:(?:[A-Z]\.){1,3}|[A-Z][\w'’-]*\.?)[ \t]+){1,4}[A-Z][a-z][\w'’-]*")
# A given name as written before a surname: "Ellen", "Jean-Luc" (a word ending in "." ends a sentence).
GIVEN_NAME = re.compile(r"^(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?|(?:[A-Z]\.){2,3})$")
NOT_GIVEN = frozenset(
    """The A An In On At When After Before But And Or If As For From With Without By To Of That This These
    Those There Here Then While Since Until During Under Over Former Late Actor Actress Singer Rapper Star
    Democrat Republican Sen Rep Gov Says Said Told Asked Dear Like Unlike Both Neither Either Every Each
    New Los Las San Santa Fort Port North South East West Upper Lower Great United Saint Mount Lake
    Whenever Wherever Whether Although Though Because Unless Despite Once Meanwhile However Also Still Even
    Only Just Some Many Most Several Such Why How What Who Which Where Today Tonight Yesterday Related""".split()
)
PERSON_CONTEXT = (
    r"(?<![A-Z][a-z]\s)(?<![A-Z][a-z]{{2}}\s)(?<![A-Z][a-z]{{3}}\s)(?<![A-Z][a-z]{{4}}\s)(?<![A-Z][a-z]{{5}}\s)"
    r"\b{name}\b,?\s+(?:said|says|told|added|wrote|writes|explained|noted|argued|recalled|asked|replied|"
    r"testified|tweeted|who|was|is|has|had|did|does|will|would|also|then|later|pleaded|died)\b"
    r"|\b(?:said|says|told|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Sen\.|Rep\.|Gov\.|Sgt\.|Lt\.|Det\.|Officer|President|"
    r"killed|murdered|shot|arrested|charged|accused|sued|fired|hired|married|thanked|interviewed)\s+{name}\b"
)
CAP_WORD = re.compile(r"\b[A-Z][a-z][\w-]*")


def strip_possessive(word: str) -> str:
    return re.sub(r"(?:'s|’s|'|’)$", "", word)


def full_names(source_texts: Sequence[str]) -> dict[str, set[str]]:
    """Surname -> the full names ("Ellen Pao") the sources give for it.

    A candidate is the last word of a run of capitalised words, the word before it (middle
    initials skipped) its given name; runs with more than two words before the surname are headlines
    or captions. To keep places, organisations and headline words out: neither word occurs in
    lower case in the sources; the surname is not a demonym ("Australians"); it is not more often a
    first name than a surname ("Clarissa Dickson Wright"); and the sources use it alone as a person,
    before a speech or action verb or "who", or after a title ("Varga said", "said Varga", "Mr. Varga").
    """
    joined = "\n".join(source_texts)
    lower_words = set(re.findall(r"\b[a-z][a-z'-]+\b", joined))
    candidates: dict[str, set[str]] = {}
    as_surname: Counter[str] = Counter()
    for m in CAP_RUN.finditer(joined):
        words = m.group(0).split()
        surname = strip_possessive(words[-1])
        given = [w for w in words[:-1] if not (len(w) == 2 and w.endswith("."))]  # middle initials
        if not given or len(surname) < 3 or surname in NOT_SURNAMES or not surname[1:].islower():
            continue
        first = given[-1]
        if first == surname or not GIVEN_NAME.match(first) or first in TITLES | NOT_GIVEN:
            continue
        if len([w for w in given if w not in TITLES]) > 2 or surname.lower() in lower_words:
            continue
        if first.lower().strip(".") not in lower_words:
            candidates.setdefault(surname, set()).add(f"{first} {surname}")
            as_surname[surname] += 1
    given_names = {form.split()[0] for forms in candidates.values() for form in forms}
    out = {}
    for surname, forms in candidates.items():
        if re.search(r"(?:ians|ans|ese)$", surname):
            continue
        others = "|".join(re.escape(w) for w in (given_names | set(candidates)) - {surname})
        as_first = len(re.findall(rf"\b{re.escape(surname)}[ \t]+(?:[A-Z]\.[ \t]+)?(?:{others})\b", joined))
        if as_first >= as_surname[surname]:
            continue
        if re.search(PERSON_CONTEXT.format(name=re.escape(surname)), joined):
            out[surname] = forms
    return out


def names_before_introduction(sentences: Sequence[str], names: dict[str, set[str]]) -> list[tuple[int, str]]:
    """(sentence index, surnames) for people referred to before the summary gives their full name."""
    introduced: set[str] = set()
    flagged: list[tuple[int, str]] = []
    for index, text in enumerate(sentences):
        full_here: set[str] = set()
        early: list[str] = []
        for m in CAP_WORD.finditer(text):
            surname = strip_possessive(m.group(0))
            if surname not in names:
                continue
            head = [w for w in text[: m.start()].split() if not (len(w) == 2 and w.endswith("."))]
            given = strip_possessive(head[-1]) if head else ""
            if given in {form.split()[0] for form in names[surname]}:
                full_here.add(surname)
            elif surname not in introduced and surname not in full_here:
                early.append(surname)
        if early:
            flagged.append((index, ", ".join(dict.fromkeys(early))))
        introduced |= full_here
    return flagged
