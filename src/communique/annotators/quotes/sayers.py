"""Who does the saying: the word in the parse that stands for the speaker of a verb of saying.

Read with the shared syntax module (`annotators/syntax.py`): the passive agent, the own subject (a
relative pronoun read as its antecedent), the subject climbed to from a complement; what is particular
to reporting stays here: the passive subject of a verb of saying heard the words, the words of a
request or a promise are the requester's, and a trailing "..., accusing X" acts for the nearest actor.
`SpeakerResolver` (speakers.py) turns the word into a speaker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..pronouns import pronouns_of
from ..syntax import is_passive, own_subject, passive_agent, relative_antecedent, subject

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Token

    from .lexicon import Lexicon

_NOMINAL = ("NOUN", "PROPN")


class Sayers:
    def __init__(
        self,
        lexicon: Lexicon,
        inside_quote: Callable[[int], bool],
        names_actor: Callable[[Token], bool],
        sentence: Callable[[int], tuple[int, int]],
    ) -> None:
        self.lex = lexicon
        self.inside_quote = inside_quote
        self.names_actor = names_actor  # whether a phrase names an actor that can speak
        self.sentence = sentence  # token index -> token bounds of its sentence

    def subject_of(self, verb: Token, depth: int = 0) -> Token | None:
        """Who does the saying: the passive agent ("was quoted by X"), the subject (a relative pronoun
        read as its antecedent), the noun a relative or gerund clause modifies ("footage of X asking"),
        else the one who does the verb the saying complements (syntax.subject: "prompted B to comment":
        B comments); but what a request or a promise puts into another's mouth ("urged B to call it
        '...'") is in the words of the one who asks or promises."""
        if is_passive(verb):
            # "X was told that ...": the passive subject of saying heard it, the by-phrase said it
            return passive_agent(verb)
        own = self._own_subject(verb)
        if own is not None or verb.head is verb or depth > 3:
            return own
        if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in _NOMINAL):
            return verb.head
        if verb.dep_ in ("ccomp", "acl") or (verb.dep_ == "xcomp" and self._reports(verb.head)):
            inherited = self.subject_of(verb.head, depth + 1)
        else:
            climbed, _ = subject(verb)
            inherited = self._antecedent(climbed) if climbed is not None else None
        if (verb.tag_ == "VBG" or verb.dep_ in ("advcl", "acl")) and (
            inherited is None or not self.names_actor(inherited)
        ):
            # "..., accusing X of": the clause above may have a thing for subject ("the call took place
            # as the president raised the stakes, accusing ..."); then the nearest actor subject before
            return self._nearest_actor_subject(verb) or inherited
        return inherited

    def _own_subject(self, verb: Token) -> Token | None:
        found, passive = own_subject(verb)
        if found is None or (passive and found.lower_ == "it"):
            return None  # "it was agreed": no speaker here
        return self._antecedent(found)

    @staticmethod
    def _antecedent(tok: Token) -> Token:
        """A relative pronoun stands for its noun, also when the parser hung its clause elsewhere
        ("the police department which reported ...")."""
        found = relative_antecedent(tok)
        if (
            found is tok
            and tok.lower_ in pronouns_of(tok.doc).relative
            and tok.i > 0
            and tok.doc[tok.i - 1].pos_ in _NOMINAL
        ):
            return tok.doc[tok.i - 1]
        return found

    def _reports(self, verb: Token) -> bool:
        lemma = verb.lemma_.lower()
        return lemma in self.lex.verbs or lemma in self.lex.speech_acts

    def _nearest_actor_subject(self, verb: Token) -> Token | None:
        """The nearest subject on the left that names an actor; else the nearest person named on the
        left ("footage of the senator, Ann Cole, asking, '...'")."""
        start, _ = self.sentence(verb.i)
        before = [t for t in reversed(verb.doc[start : verb.i]) if not self.inside_quote(t.idx)]
        for tok in before:
            if tok.dep_ == "nsubj" and self.names_actor(tok):
                return tok
        return next((t for t in before if t.ent_type_ == "PERSON"), None)
