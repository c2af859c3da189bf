"""An event draft and the machinery its stages share.

A `Draft` is one trigger on its way to becoming an `Event`. It passes fixed stages (see
`stages/__init__.py`); each stage is an ordered tuple of rules. A rule is a plain function
`rule(draft, ctx) -> bool` whose name and docstring state the linguistic reason it encodes; it
returns True when it fired (changed or decided something), and drops the draft with
`draft.drop()` when the trigger turns out to report no action. The names of the rules that fired
are the draft's `trace`, carried into `Event.trace`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ...document import Actor, Document, Location, Planned
    from ..references import References
    from .candidates import Candidate
    from .lexicon import Frame, Lexicon
    from .state import ArticleState

__all__ = ["Context", "Draft", "Rule", "run_stage"]


@dataclass
class Context:
    """What every rule may read about the article: the lexicon, the reference service, the
    article's running state, the document and its parse, and the trigger candidates."""

    lex: Lexicon
    refs: References
    state: ArticleState
    document: Document
    parsed: Doc
    cands: dict[int, Candidate]
    hosts: dict[int, Candidate] = field(default_factory=dict)  # host verb -> the talks it hosts (so far)
    obligation_verbs: frozenset[int] = frozenset()  # verbs already read as a reported obligation


@dataclass
class Draft:
    """One trigger's reading so far."""

    cand: Candidate
    type: str
    mode: str | None
    source: list[Actor] = field(default_factory=list)
    target: list[Actor] = field(default_factory=list)
    subj: Token | None = None  # the subject governing the trigger, if any
    passive: bool = False  # ... and whether it is a passive subject
    own_subj: Token | None = None  # the subject of the trigger itself
    own_passive: bool = False
    named_agent: bool = False  # a doer is named in the clause, coded or not
    mood: str = "asserted"  # what the clause's grammar says: asserted, future, hypothetical, negated
    modality: str = "asserted"  # the event's modality, set by the modality stage
    own_target: bool = False  # the target named is the doer's own state: no other is guessed
    explicit_target: bool = False  # the clause names the target (none was guessed)
    joint: bool = False  # several doers acting together, with no one else as target
    refusal: bool = False  # announced not to act: a refusal
    term: bool = False  # a future deed that is a term of an agreement: keeps its own type
    placed: bool = False  # no doer named: coded for the state where the deed happened
    mutual: bool = False  # the sides are unordered
    mutual_sides: bool = False  # the roles stage split one joint side in two: still unordered
    hosted: bool = False  # talks a third party hosts or brokers
    date: str | None = None
    plan_date: str | None = None
    inferred: bool = False  # the date was lent by the narrative
    place: Location | None = None
    content_place: Location | None = None  # where the action's content is to happen ("agreed to meet in C")
    # the action the clause reports, as it was before an announced one was coded as its promise (AGREE):
    # what is planned, when the action is still to come ("will visit" plans a visit)
    action: tuple[str, str | None] | None = None
    planned: Planned | None = None
    plan_sides: list[Actor] = field(default_factory=list)  # who is to carry out the plan
    trace: list[str] = field(default_factory=list)
    dropped: bool = False

    @property
    def tok(self) -> Token:
        return self.cand.tok

    @property
    def frame(self) -> Frame:
        return self.cand.frame

    @property
    def is_noun(self) -> bool:
        return self.cand.tok.pos_ in ("NOUN", "PROPN")

    @property
    def promised(self) -> bool:
        """Announced or possible rather than done: PLOVER codes it as a promise or a threat."""
        return self.mood in ("future", "hypothetical")

    def drop(self) -> bool:
        self.dropped = True
        return True

    def codes(self, side: str = "source") -> set[str | None]:
        return {a.country for a in getattr(self, side)}


Rule = Callable[[Draft, Context], bool]


def run_stage(name: str, rules: tuple[Rule, ...], draft: Draft, ctx: Context) -> bool:
    """Apply a stage's rules in order; record each rule that fires; False once the draft is dropped."""
    for rule in rules:
        if rule(draft, ctx):
            draft.trace.append(f"{name}.{rule.__name__}")
            if draft.dropped:
                return False
    return True
