"""Who acts and who is acted upon: source and target of a trigger over the dependency parse.

Actors come from the actors layer (`Document.actors` and their mentions,
including resolved pronouns and titles); this module only decides which
noun phrase fills which role and looks its actor up by offsets.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ...document import Actor, Document
    from .lexicon import Frame

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# dependencies a subject search may climb through: support verbs, light verbs, prepositions
CLIMB = frozenset({"xcomp", "advcl", "conj", "pcomp", "prep", "pobj", "dobj", "attr", "acomp", "oprd",
                   "compound", "nmod", "appos", "npadvmod", "dative", "agent", "amod", "advmod"})
# a noun phrase's own words, without its clauses and prepositional phrases
NP_EXCLUDE = frozenset({"prep", "relcl", "acl", "advcl", "ccomp", "conj", "cc", "punct", "appos", "parataxis"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "both"})
RELATIVE = frozenset({"who", "which", "that", "whom"})


class ActorIndex:
    """Actor mentions of one document sorted by offset, for span look-ups."""

    def __init__(self, document: Document, party_heads: frozenset[str] = frozenset(),
                 demonyms: dict[str, str] | None = None, relation_nouns: frozenset[str] = frozenset()):
        # the parties of the last joint action, for "both sides", "they" (set by the annotator)
        self.parties: list[Actor] = []
        self.party_heads = party_heads
        self.demonyms = demonyms or {}
        self.relation_nouns = relation_nouns  # "Israel's ally" is not Israel
        self._synthetic: dict[str, Actor] = {}
        rows = sorted(((m.start, m.end, a) for a in document.actors for m in a.mentions), key=lambda r: (r[0], r[1]))
        self._starts = [r[0] for r in rows]
        self._rows = rows
        self._longest = max((r[1] - r[0] for r in rows), default=0)

    def group(self, tok: Token) -> Actor | None:
        """Narrow fallback for a group the actors layer left out: "Palestinian prisoners",
        "Afghan guerillas" act for the state their demonym names."""
        for child in tok.children:
            if child.dep_ in ("amod", "compound") and child.i < tok.i:
                # "Vietnamese-led forces", "Russian-backed separatists"
                code = self.demonyms.get(child.lower_) or self.demonyms.get(child.lower_.split("-")[0])
                if code:
                    return self.synthetic(code, child.text)
        return None

    def synthetic(self, code: str, name: str) -> Actor:
        if code not in self._synthetic:
            from ...document import Actor
            self._synthetic[code] = Actor(id=f"ev-{code}", name=name, country=code, kind="group")
        return self._synthetic[code]

    def within(self, start: int, end: int) -> list[tuple[int, int, Actor]]:
        """Mentions overlapping [start, end), in text order."""
        i = bisect_left(self._starts, start - self._longest)
        out = []
        while i < len(self._rows) and self._rows[i][0] < end:
            row = self._rows[i]
            if row[1] > start:
                out.append(row)
            i += 1
        return out


def np_span(tok: Token) -> tuple[int, int]:
    """Character span of a noun phrase's core (modifiers, compounds, possessor; no clauses)."""
    left, right = tok, tok
    for child in tok.children:
        if child.dep_ in NP_EXCLUDE:
            continue
        if child.left_edge.i < left.i:
            left = child.left_edge
        if child.right_edge.i > right.i:
            right = child.right_edge
    return left.idx, right.idx + len(right.text)


def actor_of(tok: Token, index: ActorIndex) -> Actor | None:
    """The actor a noun phrase names: its head's mention first, else the best mention inside it."""
    found = actors_of(tok, index)
    return found[0] if found else None


def actors_of(tok: Token, index: ActorIndex) -> list[Actor]:
    """The actors one noun phrase names: the head's mention, else a name in apposition
    ("Russia's negotiator, Vladimir Medinsky"), else every coded mention among its modifiers
    ("Hungarian and Romanian officials" is two), else any mention inside it."""
    if tok.i == tok.sent.start and tok.ent_type_ in ("GPE", "LOC"):
        # a dateline the parser made the subject ("Pyongyang, North Korea - Russian President Vladimir
        # Putin on Wednesday signed ..."): the person in apposition acts
        for child in tok.children:
            if child.dep_ == "appos":
                people = _unique(r[2] for r in index.within(*np_span(child)) if r[2].kind == "person" and r[2].country)
                if people:
                    return people
    head_hits = index.within(tok.idx, tok.idx + len(tok.text))
    coded = [r for r in head_hits if r[2].country]
    if tok.pos_ in ("NOUN", "PROPN"):
        # "Hungarian and Romanian officials", "US and British forces": the actors layer may file the
        # phrase under its nearest modifier; coordinated modifiers name one actor each
        shared = _coordinated_modifiers(tok, index)
        if len(shared) > 1:
            return shared
    if coded:
        widest = max(r[1] - r[0] for r in coded)
        # a plural pronoun ("their") can stand for several actors at once
        return _unique(r[2] for r in coded if r[1] - r[0] == widest)
    for child in tok.children:
        if child.dep_ == "appos":
            found = [r[2] for r in index.within(*np_span(child)) if r[2].country]
            if found:
                return _unique(found)
    start, end = np_span(tok)
    # "his counterpart" is not "him", "Israel's militia ally" is not Israel: pronoun possessors, and the
    # possessors of a noun of relation, do not name the phrase
    related = tok.lemma_.lower() in index.relation_nouns
    skip = [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)) for c in tok.children
            if c.dep_ == "poss" and (c.pos_ == "PRON" or related)]
    out = _unique(r[2] for r in index.within(start, end)
                  if r[2].country and not any(s <= r[0] < e for s, e in skip))
    if out:
        return out
    if not coded and tok.pos_ in ("NOUN", "PROPN"):
        # "the leaders of Cambodia and Thailand", "the DGMO of Pakistan"
        for prep, obj in preps(tok):
            if prep == "of":
                found = [a for item in (obj, *obj.conjuncts) for a in actors_of(item, index) if a.country]
                if found:
                    return _unique(found)
    if tok.pos_ in ("NOUN", "PROPN"):
        group = index.group(tok)
        if group is not None:
            return [group]
        # "security forces in Guinea", "rebels in the Ivory Coast", "delegations from Russia and Ukraine"
        for prep, obj in preps(tok):
            if prep in ("in", "from"):
                found = []
                for item in (obj, *obj.conjuncts):
                    hit = next((r[2] for r in index.within(*np_span(item)) if r[2].country), None)
                    if hit is not None and hit not in found:
                        found.append(hit)
                if found:
                    return found
    if head_hits:
        return [head_hits[0][2]]
    inside = [r for r in index.within(start, end) if not any(s <= r[0] < e for s, e in skip)]
    return [inside[0][2]] if inside else []


def _coordinated_modifiers(tok: Token, index: ActorIndex) -> list[Actor]:
    """The actors of coordinated modifiers before a noun ("Turkish and Greek sides"): each modifier's
    own mention, else the state its demonym names."""
    for child in tok.children:
        if child.dep_ not in ("amod", "compound", "nmod") or child.i > tok.i or not child.conjuncts:
            continue
        found: list[Actor] = []
        for item in (child, *child.conjuncts):
            hit = next((r[2] for r in index.within(item.idx, item.idx + len(item.text)) if r[2].country), None)
            if hit is None and (code := index.demonyms.get(item.lower_)):
                hit = index.synthetic(code, item.text)
            if hit is not None and all(a.country != hit.country for a in found):
                found.append(hit)
        return found
    return []


def _unique(actors) -> list[Actor]:
    out: list[Actor] = []
    for actor in actors:
        if actor not in out:
            out.append(actor)
    return out


def side(tok: Token | None, index: ActorIndex) -> list[Actor]:
    """The actors of a (possibly coordinated) noun phrase: "Russia and Ukraine" is two."""
    if tok is None:
        return []
    if tok.lower_ in RELATIVE and tok.head.dep_ == "relcl":
        tok = tok.head.head
    parties = index.parties
    out: list[Actor] = []
    for item in (tok, *tok.conjuncts):
        for actor in actors_of(item, index):
            if actor not in out:
                out.append(actor)
    named = _names_the_parties(tok, index.party_heads)
    if len(parties) > 1 and len({a.country for a in out if a.country}) < 2 and (named or tok.lower_ in PLURAL_PRONOUNS):
        # "both sides", "urging them": unless the phrase names its states ("the delegations of
        # Ukraine and Russia"), a plural for one state or none is the parties of the last joint action
        return list(parties)
    if not out and parties and tok.lower_ in PLURAL_PRONOUNS:
        return list(parties)
    if not out and tok.pos_ == "PRON" and tok.dep_ == "nsubj":
        # "Syria says it is willing ...": the pronoun is the reporter when the actors layer left it open
        clause = tok.head
        if clause.dep_ == "ccomp":
            reporter, _ = subject_here(clause.head)
            if reporter is not None and reporter is not tok:
                return side(reporter, index)
    return out


def _names_the_parties(tok: Token, party_heads: frozenset[str]) -> bool:
    """ "both sides", "the two countries", "the parties": the parties of the last joint action."""
    if tok.tag_ not in ("NNS", "NNPS") or not ({tok.lemma_.lower(), tok.lower_.removesuffix("s"),
                                                  tok.lower_.removesuffix("ies") + "y"} & party_heads):
        return False
    return any(c.lower_ in ("both", "two", "the") for c in tok.children) or tok.lower_ == "parties"


def subject(tok: Token) -> tuple[Token | None, bool]:
    """The subject governing a trigger (climbing support and light verbs), and whether it is passive."""
    cur = tok
    for _ in range(12):
        for child in cur.children:
            if child.dep_ in SUBJECTS:
                return child, child.dep_ == "nsubjpass"
        if cur.dep_ in SUBJECTS or cur.dep_ not in CLIMB or cur.head is cur:
            return None, False
        cur = cur.head
    return None, False


def agent(tok: Token) -> Token | None:
    """The "by" phrase of a passive verb or of a noun ("talks mediated by the US")."""
    for child in tok.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def preps(tok: Token) -> list[tuple[str, Token]]:
    """(preposition, object) pairs hanging on a token, particles included."""
    out = []
    for child in tok.children:
        if child.dep_ in ("prep", "agent"):
            # "to Trump and to China": coordinated prepositions share the role
            for prep in (child, *child.conjuncts):
                for grand in prep.children:
                    if grand.dep_ in ("pobj", "pcomp"):
                        out.append((child.lower_, grand))
    return out


def direct_object(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ in ("dobj", "obj"):
            return child
    return None


def possessor_side(tok: Token, index: ActorIndex) -> list[Actor]:
    """Who owns an object: "Ukraine's claims", "the claims by Kyiv", "an Indian proposal"."""
    for child in tok.children:
        if child.dep_ == "poss":
            found = side(child, index)
            if found:
                return found
    for prep, obj in preps(tok):
        if prep in ("of", "by", "from"):
            found = side(obj, index)
            if found:
                return found
    for child in tok.children:
        if child.dep_ in ("amod", "compound") and child.i < tok.i:
            actor = actor_of(child, index)
            if actor is not None and actor.country:
                return [actor]
    return []


def targets(tok: Token, frame: Frame, index: ActorIndex) -> list[Actor]:
    """The target of a trigger: the first argument slot of its frame that names an actor."""
    pairs = preps(tok)
    uncoded: list[Actor] = []
    for slot in frame.target:
        found: list[Actor] = []
        if slot == "obj":
            obj = direct_object(tok)
            # "reaffirmed Trump's commitment": the owner of an abstract object is not its target
            # (a pronoun owns nothing here: "called his Peruvian counterpart" is aimed at the counterpart)
            owned = obj is not None and any(c.dep_ == "poss" and c.pos_ != "PRON" for c in obj.children) and not index.within(
                obj.idx, obj.idx + len(obj.text))
            found = side(obj, index) if obj is not None and not owned else []
        elif slot == "poss_obj":
            obj = direct_object(tok)
            found = possessor_side(obj, index) if obj is not None else []
        elif slot == "anti":
            # "anti-Russian sanctions" are aimed at Russia
            for child in tok.children:
                if child.dep_ in ("amod", "compound") and _anti(child):
                    found = [r[2] for r in index.within(child.idx, child.idx + len(child.text)) if r[2].country]
                    code = index.demonyms.get(child.lower_.rsplit("-", 1)[-1])
                    if not found and code:
                        found = [index.synthetic(code, child.text)]
                    if found:
                        break
        elif slot == "obj_prep":
            # "threatened action against Russia", "imposed sanctions on Iran"
            obj = direct_object(tok)
            for prep, pobj in preps(obj) if obj is not None else ():
                if prep in ("against", "on", "with", "to", "at", "toward", "towards"):
                    found = side(pobj, index)
                    if found:
                        break
        elif slot == "for_prep":
            # "mobilized reservists for a possible war against Iraq": aimed at whom the purpose is
            for prep, pobj in pairs:
                if prep == "for":
                    found = next((side(g, index) for p2, g in preps(pobj)
                                  if p2 in ("against", "on") and side(g, index)), [])
                    if found:
                        break
        elif slot == "dative":
            for child in tok.children:
                if child.dep_ == "dative":
                    # "provided intelligence to Macedonia, which ...": the preposition's object, not its clause
                    obj = next((g for g in child.children if g.dep_ == "pobj"), None) if child.pos_ == "ADP" else child
                    found = side(obj, index)
                    break
        elif slot == "xcomp_obj":
            for child in tok.children:
                if child.dep_ == "xcomp":
                    obj = direct_object(child)
                    found = side(obj, index) if obj is not None else []
                    break
        elif slot == "cond_subj":
            # "we'll respond if he attacks": aimed at whoever the condition is about
            for child in tok.children:
                if child.dep_ == "advcl" and any(m.dep_ == "mark" for m in child.children):
                    subj, _ = subject_here(child)
                    found = side(subj, index)
                    break
        elif slot == "ccomp_subj":
            for child in tok.children:
                if child.dep_ == "ccomp":
                    subj, _ = subject_here(child)
                    found = side(subj, index)
                    break
        else:
            # "to Trump and to China": every object of the slot's preposition (coordinated ones share it)
            for prep, obj in pairs:
                if prep == slot:
                    found += [a for a in side(obj, index) if a not in found]
        if any(a.country for a in found):
            return found
        uncoded = uncoded or found  # "congratulations to both countries on using Common Sense": a coded slot first
    return uncoded


def _anti(tok: Token) -> bool:
    """ "anti-Russian": the modifier names the target, not the owner."""
    if tok.lower_.startswith("anti-"):
        return True
    doc = tok.doc
    return tok.i >= 1 and (doc[tok.i - 1].lower_ in ("anti", "anti-") or (
        tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ == "anti"))


def subject_here(tok: Token) -> tuple[Token | None, bool]:
    """The subject attached to this very token (no climbing)."""
    for child in tok.children:
        if child.dep_ in SUBJECTS:
            return child, child.dep_ == "nsubjpass"
    return None, False


def noun_sources(tok: Token, index: ActorIndex, mutual: bool = False, between: bool = True) -> list[Actor]:
    """Who acts in a nominalization: "Russia's demands", "Russian air strikes", "talks between X and Y"."""
    owners = [tok, tok.head] if tok.dep_ in ("nsubjpass", "dobj", "nsubj") else [tok]
    for owner in owners if between else ():
        for prep, obj in preps(owner):
            if prep == "between":
                found = side(obj, index)
                if found:
                    return found
    if mutual:
        # "the meeting of the delegations of Ukraine and Russia"
        for prep, obj in preps(tok):
            if prep == "of":
                found = side(obj, index)
                if len(found) > 1:
                    return found
    agent_tok = agent(tok)
    if agent_tok is not None:
        found = side(agent_tok, index)
        if found:
            return found
    found = []
    for child in tok.children:
        if child.i < tok.i and child.dep_ in ("poss", "amod", "compound", "nmod") and not _anti(child):
            for item in (child, *child.conjuncts):
                actor = actor_of(item, index)
                # ("the Istanbul talks": a place names where, not who)
                if actor is not None and actor.country and actor not in found and actor.kind != "location":
                    found.append(actor)
    if not found and not any(_anti(c) for c in tok.children):
        group = index.group(tok)  # "Palestinian riots"
        if group is not None:
            found.append(group)
    return found
