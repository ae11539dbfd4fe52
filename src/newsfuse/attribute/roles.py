"""A person's role as the reports give it next to the name, for introducing them as news style does.

Reporters introduce a person with a role: a title before the name ("Indian Prime Minister Atal
Bihari Vajpayee", "the Luanda provincial governor Justino Fernandes") or an appositive after it
("Suzan Shown Harjo, president of the Morning Star Institute, said"). ``role_of`` reads every
place a report writes the person's full name and takes a role only from those two patterns, short
and ending on a word for an office or occupation; of the roles found, the one most reports give.
Precision first: a wrong role is worse than none, so anything else (a clause, a verb, a list, a
name before the name) gives no role. Stdlib only: a few substring searches per person.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from newsfuse.attribute.speakers import HONORIFICS, STOP, TITLES

__all__ = ["MODIFIERS", "ROLE_NOUNS", "Role", "is_role_noun", "role_of", "roles_in"]

#: Words for an office or occupation: the head of a role ("president of…", "a chemistry professor").
ROLE_NOUNS = frozenset(
    """president chairman chairwoman chair director executive officer chief head leader manager
    spokesman spokeswoman spokesperson secretary minister premier governor mayor senator
    congressman congresswoman lawmaker legislator representative ambassador diplomat envoy
    commissioner commander colonel captain lieutenant sergeant detective sheriff
    inspector superintendent judge justice prosecutor attorney lawyer counsel adviser advisor aide
    analyst economist scientist researcher professor lecturer teacher principal dean author writer
    novelist poet journalist reporter correspondent editor columnist publisher producer actor
    actress singer musician rapper comedian artist photographer host anchor presenter coach owner
    founder cofounder co-founder partner investor banker consultant engineer architect doctor
    physician surgeon psychiatrist psychologist nurse veterinarian pharmacist expert specialist
    activist organizer campaigner advocate candidate nominee chancellor administrator coordinator
    curator trustee treasurer member pastor priest bishop rabbi imam cardinal councilman
    councilwoman councillor councilor alderman deputy undersecretary ceo cfo coo entrepreneur
    designer chef pilot astronaut ranger agent strategist pollster lobbyist broker accountant
    auditor instructor trainer referee negotiator mediator warden chaplain officeholder
    official""".split()
)
#: Lowercase words that may stand before a role noun in a title ("former", "provincial").
MODIFIERS = frozenset(
    """former deputy assistant associate acting interim chief senior junior top lead head executive
    general managing vice then longtime veteran retired state federal provincial regional local
    national city county district municipal presidential party union company police military army
    navy defense defence foreign finance health education justice interior legislative prime
    co""".split()
)
#: Lowercase adjectives by their ending ("provincial", "economic", "judiciary").
_ADJECTIVE = re.compile(r"^[a-z]{3,}(?:[^e]al|ic|ical|ary)$")
#: Words that end an appositive role before them: a clause, a circumstance, a second description.
_ROLE_ENDS = frozenset(
    """who whose whom which that where when while since after before because as located based said
    says told added noted according if than but""".split()
)
#: Words a role never holds: verbs, pronouns.
_NOT_IN_ROLE = frozenset(
    """is was are were be been being has have had will would can could may might must shall should
    did does do he she they it we i you his her their its our my your this these those not""".split()
)
#: Prepositions after a role's head ("director of…", "chief of rheumatology at…").
_AFTER_HEAD = frozenset({"of", "at", "for", "in", "with", "from", "on", "to"})
#: Where an appositive is cut when longer than ``MAX_WORDS`` ("… Policy at Tufts University …").
_CUT_AT = frozenset({"at", "in", "from", "on"})
ARTICLES = frozenset({"a", "an", "the"})
#: A role longer than this is a description, not a role.
MAX_WORDS = 9
#: A title before a name longer than this is a description ("Governor of New Jersey and…").
MAX_BEFORE = 5
#: Abbreviations that may stand inside a role ("U.S.", "Gov.", "Corp.", "St.").
_ABBREVIATION = re.compile(r"^(?:(?:[A-Z]\.){2,}|[A-Z][a-z]{0,3}\.)$")
_OPENING = re.compile(r"(?:^|[.!?]['\"”’)]*\s+|\n\s*|[“\"‘(]\s*)$")
COURTESY = HONORIFICS | {"Miss"}


@dataclass(frozen=True, slots=True)
class Role:
    """A role as a report writes it: ``before`` the name as a title, or after it as an appositive."""

    text: str
    before: bool

    @property
    def head(self) -> str:
        """The role's office word ("president" of "president of the Morning Star Institute")."""
        return _head(self.text.split()) or ""


def _word(token: str) -> str:
    return token.lower().strip("“”\"'‘’").removesuffix("'s").removesuffix("’s")


def is_role_noun(token: str) -> bool:
    """Whether ``token`` is a word for an office or occupation ("spokeswoman", "psychologist",
    "president-elect")."""
    word = _word(token)
    if word in ROLE_NOUNS or (word.endswith(("ist", "ian")) and token[:1].islower() and len(word) > 5):
        return True
    first = word.split("-")[0]  # "president-elect", "vice-chairman"
    return word.endswith(("-elect", "-chairman", "-president")) and first in ROLE_NOUNS | {"vice", "co"}


def _is_title(token: str) -> bool:
    return token in TITLES and token not in COURTESY


def _head(words: Sequence[str]) -> str | None:
    """The office word of a role: the last word before its first preposition, when it is one."""
    before = []
    for w in words:
        if w.lower() in _AFTER_HEAD:
            break
        before.append(w)
    if before and (is_role_noun(before[-1]) or _is_title(before[-1])):
        return _word(before[-1])
    return None


#: Lowercase words a title written before a name may follow: they are not part of it.
_BOUNDARY = frozenset(
    """the a an and or but nor of for to in on at by with from as said says told asked added
    according when while after before that which who whose whom than then also is was are were be
    been has have had his her their its our my your this these those including like about against
    between among during since until under over into onto upon via per between says say tell
    tells ask asks""".split()
)


def _compound(word: str) -> bool:
    """Whether a lowercase ``word`` before a title is more of it ("restaurant" of "restaurant
    manager"), not a word it follows ("the", "said", "hired")."""
    return word not in _BOUNDARY and word not in ARTICLES and not word.endswith("ed")


def _before(text: str, at: int, proper: Callable[[str], bool]) -> Role | None:
    """The title a report writes before the name at ``at`` ("New Jersey Gov.", "former Mayor")."""
    tokens = text[max(0, at - 160) : at].split()
    if not tokens or text[at - 1 : at] != " ":
        return None
    if tokens[-1] in COURTESY:  # "Dr. Gary Patronek": the courtesy title is not the role
        tokens = tokens[:-1]
    taken: list[str] = []
    for token in reversed(tokens):
        if len(taken) > MAX_BEFORE:
            return None  # a longer phrase than a title: its start is not known
        if (
            token.rstrip(",;:") != token
            or token[-1:] in "\"”’'("
            or (token.endswith(".") and not _ABBREVIATION.match(token))
            or token.endswith(("'s", "’s"))
            or token in STOP
        ):
            break
        lower = token.lower()
        if (
            token[:1].isupper()
            or lower in MODIFIERS
            or is_role_noun(token)
            or _ADJECTIVE.match(token)
            or (lower in {"of", "for"} and taken and taken[0][:1].isupper())
        ):
            taken.insert(0, token)
        elif token.isalpha() and token.islower() and _compound(token) and not any(map(_is_title, taken)):
            return None  # "restaurant manager", "PS4 lead system architect": the role goes on
        else:
            break
    # "treasurer of Vice President Al Gore": the office before "of" is someone else's.
    joins = [k for k, w in enumerate(taken) if w.lower() in {"of", "for"}]
    if joins and any(_is_title(w) or is_role_noun(w) for w in taken[joins[-1] + 1 :]):
        taken = taken[joins[-1] + 1 :]
    while taken and (
        taken[0].lower() in {"of", "for"}
        or not (
            taken[0][:1].isupper()
            or taken[0].lower() in MODIFIERS
            or is_role_noun(taken[0])
            or _ADJECTIVE.match(taken[0])
        )
    ):
        taken = taken[1:]
    # The last office word, then only its complement ("Secretary of State"), nothing else: a
    # capitalised word after it is a given name the search did not include.
    offices = [k for k, w in enumerate(taken) if _is_title(w) or is_role_noun(w)]
    if not offices or len(taken) > MAX_BEFORE:
        return None
    tail = taken[offices[-1] + 1 :]
    if tail and tail[0].lower() not in {"of", "for"}:
        return None
    if tail and not all(w[:1].isupper() or w.lower() in {"of", "for"} for w in tail):
        return None
    # A lowercase office word alone after a possessive says whose it is ("the firm's lawyer"): too
    # little without the owner; a modifier before it may start a longer phrase.
    start = at - len(" ".join(taken)) - 1
    preceding = text[max(0, start - 40) : start]
    if taken[0][:1].islower() and re.search(r"(?:'s|’s)\s*$", preceding):
        return None
    first = taken[0]
    if _OPENING.search(preceding) and first[:1].isupper() and not _is_title(first):
        # A capital that opens a sentence: "Harbour master…" may be a common noun.
        if first.lower() in MODIFIERS or is_role_noun(first):
            if not any(w[:1].isupper() for w in taken[1:]):  # "Former President" keeps its capital
                taken[0] = first[:1].lower() + first[1:]
        elif not proper(first):
            return None
    return Role(" ".join(taken), before=True)


def _after(text: str, end: int) -> Role | None:
    """The appositive a report writes after the name ending at ``end``: ", president of the
    Morning Star Institute," — its head an office word, no clause, no verb."""
    rest = text[end : end + 300]
    found = re.match(r",\s+(?:\d{1,3},\s+)?", rest)
    if not found:
        return None
    tokens = rest[found.end() :].split()
    words: list[str] = []
    closed = False
    for token in tokens:
        bare = token.rstrip(",;:)")
        if bare[:1] in '“"‘(' or _word(bare) in _ROLE_ENDS:
            closed = True
            break
        if bare.endswith(".") and not _ABBREVIATION.match(bare):
            words.append(bare[:-1])
            closed = True
            break
        words.append(bare)
        if bare != token or token.endswith(("--", "—")):
            closed = True
            break
        if len(words) > MAX_WORDS + 6:
            break
    if not closed or not words:
        return None
    words[-1] = words[-1].rstrip("—-")
    if any(_word(w) in _NOT_IN_ROLE for w in words) or not words[-1]:
        return None
    # A coordinated second description ("a chemistry professor and president of…") is left out.
    for k, w in enumerate(words[1:], 1):
        if w == "and" and k + 1 < len(words) and (words[k + 1] in ARTICLES or is_role_noun(words[k + 1])):
            words = words[:k]
            break
    while len(words) > MAX_WORDS:
        cut = [k for k, w in enumerate(words) if w in _CUT_AT and k > 1]
        if not cut:
            return None
        words = words[: cut[-1]]
    if not (words[0][:1].islower() or _is_title(words[0]) or words[0].endswith(("'s", "’s"))):
        return None
    if words[0] in {"and", "or", "but", "nor", "then", "also"}:  # the next name of a list
        return None
    if words[-1].lower() in _AFTER_HEAD | ARTICLES | {"and", "or"}:
        return None
    head_words = words[1:] if words[0] in ARTICLES else words
    if not head_words or _head(head_words) is None:
        return None
    return Role(" ".join(words), before=False)


def roles_in(text: str, name: str, proper: Callable[[str], bool] = lambda word: False) -> list[Role]:
    """The roles ``text`` gives the person ``name`` (their full name as the reports write it):
    next to the full name, in a title before the surname ("Prime Minister Vajpayee") and, after
    the full name, in an appositive to the surname ("Springer, a former Cincinnati TV news
    anchor,"); nothing next to the surname where ``text`` names someone else of that surname.
    ``proper`` tells whether a capitalised word opening a sentence is a name ("Indian"), not a
    common noun ("Harbour master")."""
    out = []
    words = name.split()
    at = first = _find(text, name, 0)
    while at >= 0:
        end = at + len(name)
        if not _longer(text, at, words):
            out += [r for r in (_before(text, at, proper), _after(text, end)) if r is not None]
        at = _find(text, name, end)
    surname = words[-1]
    for given in re.findall(rf"([A-Z][\w'’.-]*) {re.escape(surname)}\b", text):
        if given not in words and given not in TITLES and given[-1:].isalpha():
            return out  # "Nicole Brown Simpson" beside "O.J. Simpson": the surname is not theirs alone
    at = _find(text, surname, 0)
    while at >= 0:
        end = at + len(surname)
        if not _longer(text, at, words):
            out += [r for r in (_before(text, at, proper),) if r is not None]
            if 0 <= first < at:
                out += [r for r in (_after(text, end),) if r is not None]
        at = _find(text, surname, end)
    return out


def _longer(text: str, at: int, words: Sequence[str]) -> bool:
    """Whether the name at ``at`` is the end of a longer name ("Arthur Dickson Wright" for
    "Dickson Wright"; the full name again for its surname)."""
    lead = text[max(0, at - 40) : at].split()
    return bool(lead) and lead[-1][:1].isupper() and lead[-1][-1:].isalpha() and lead[-1] not in TITLES


def _find(text: str, name: str, start: int) -> int:
    """Where ``name`` stands as whole words in ``text`` from ``start``, or -1."""
    at = text.find(name, start)
    while at >= 0:
        end = at + len(name)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            return at
        at = text.find(name, at + 1)
    return -1


def _key(role: Role) -> str:
    words = role.text.split()
    return " ".join(words[1:] if words[0] in ARTICLES else words).lower()


def role_of(name: str, texts: Sequence[str]) -> Role | None:
    """The role most reports give ``name``: each report counts once for every role it gives, and
    a shorter form supports a longer one ("Prime Minister Vajpayee" supports "Indian Prime
    Minister"); of equals, a title before the name, then the longer, then the first found."""
    seen: dict[str, bool] = {}

    def proper(word: str) -> bool:  # written with its capital in mid-sentence somewhere
        if word not in seen:
            pattern = re.compile(rf"[a-z,] {re.escape(word)}\b")
            seen[word] = any(word in t and pattern.search(t) for t in texts)
        return seen[word]

    surname = name.split()[-1]
    given: list[set[str]] = []
    first: dict[str, Role] = {}
    for text in texts:
        if surname not in text:
            continue
        found = roles_in(text, name, proper)
        given.append({_key(r) for r in found})
        for role in found:
            first.setdefault(_key(role), role)
    if not first:
        return None
    order = list(first)

    def support(key: str) -> int:
        return sum(any(key == k or key.endswith(" " + k) for k in keys) for keys in given)

    best = max(order, key=lambda k: (support(k), first[k].before, len(k.split()), -order.index(k)))
    return first[best]
