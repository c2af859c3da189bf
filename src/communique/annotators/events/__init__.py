"""Events: who did what to whom, coded in PLOVER 2.0 (with CAMEO, QuadClass and Goldstein codes).

Triggers (verbs, nominalizations, readiness adjectives) and their argument frames are data
(`knowledge/en/event_triggers.yaml`). Each trigger becomes a draft that passes fixed stages
(`stages/`): trigger (is it an action of its own?) -> frame (which action, and is it one at all?)
-> participants (who the clause names) -> roles (source and target, guessed when unnamed) ->
modality -> date and place -> coding. Each stage is a tuple of rules named for the linguistic
reason they encode; the rules that fired are the event's `trace` (`communique extract --explain`).

Sides come from the actors layer through the reference service (`annotators/references.py`),
grammar from `annotators/syntax.py`, dates from the time layer through `dating.py`. Two readings
bypass the stages because their trigger is a construction, not a word: a reported obligation
("X said Y must ...", X's request of Y) and a judgement worded indirectly ("called Y's plan
dangerous"). Repeats of one action become mentions of one Event.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...document import Event, Evidence
from ...knowledge import Knowledge, attach
from ..references import References
from ..registry import annotator
from .article_days import opening_end
from .candidates import Scan, TriggerScanner
from .clauses import clause_span, reciprocal, speech_verb
from .clauses import obligations as reported_obligations
from .coding import add_codes, merge_events
from .dating import caption_test, event_date, story_date
from .draft import Context, Draft, run_stage
from .judgements import judgements
from .lexicon import load_lexicon
from .stages import STAGES
from .state import ArticleState

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ...document import Document
    from .candidates import Candidate

__all__ = ["EventAnnotator"]


@annotator("events", requires=("timexes", "actors", "quotes"), assigns=("events",))
class EventAnnotator:
    def __init__(self, knowledge: Knowledge | None = None) -> None:
        self.knowledge = knowledge or Knowledge.from_env()
        self.lex = self.knowledge.derived(load_lexicon)
        self.scanner = TriggerScanner(self.lex)

    def __call__(self, document: Document, parsed: Doc) -> None:
        attach(parsed, self.knowledge)
        ctx, scan, obligations = self.context(document, parsed)
        events: list[Event] = list({id(e): e for _, e in obligations}.values())
        for i in sorted(scan.cands):
            draft = self.run_stages(scan.cands[i], ctx)
            if not draft.dropped:
                _remember(draft, ctx)
                events.append(_to_event(draft, ctx))
        state = ctx.state
        self._date_obligations(obligations, parsed, state, document)
        for event, verb in judgements(parsed, scan.judging_verbs, ctx.refs, self.lex, state.speaker_at):
            event.date, _, inferred = event_date(verb, event.modality, frozenset(), state, document, self.lex)
            if inferred:
                state.inferred.add(id(event))
            events.append(event)
        if state.opening_end is None:  # where the headline and lead end: their actions are the story's
            state.opening_end = opening_end(document.text, caption_test(parsed, document.article.title))
        merged = merge_events(events, state.inferred, state.opening_end)
        for event in merged:
            add_codes(event, self.lex)
        document.events.extend(merged)

    def _date_obligations(self, obligations: list[tuple[int, Event]], parsed: Doc, state: ArticleState,
                          document: Document) -> None:
        """ "X said Y must halt ...": the demand was made when the words were said (dating.py on the verb
        of saying: its own date, else the narrative's or the story's day)."""
        for verb_i, event in obligations:
            speech = speech_verb(parsed[verb_i], self.lex) if event.date is None else None
            if speech is not None:
                event.date, _, inferred = event_date(
                    speech, "asserted", frozenset(), state, document, self.lex, narrate=False
                )
                if inferred:
                    state.inferred.add(id(event))

    def context(self, document: Document, parsed: Doc) -> tuple[Context, Scan, list[tuple[int, Event]]]:
        """What the stages read about one article: its trigger candidates, the reference service, the
        article's running state; and the reported obligations read before them."""
        lex = self.lex
        refs = References(document, knowledge=self.knowledge)
        scan = self.scanner.scan(parsed)
        state = ArticleState(document)
        state.trigger_ids = frozenset(scan.cands)
        state.trigger_types = {i: c.frame.type for i, c in scan.cands.items()}
        state.sentence_starts = [sent.start for sent in parsed.sents]
        state.story_date = story_date(parsed, document.text, document.timexes, document.article.published,
                                      document.article.title)
        obligations = reported_obligations(parsed, scan.modals, refs, lex)
        ctx = Context(
            lex,
            refs,
            state,
            document,
            parsed,
            scan.cands,
            obligation_verbs=frozenset(i for i, _ in obligations),
        )
        return ctx, scan, obligations

    def run_stages(self, cand: Candidate, ctx: Context, until: str | None = None) -> Draft:
        """One trigger's draft through the stages in order (up to and including `until`); a draft
        that turns out to report no action comes back with `dropped` set."""
        draft = Draft(cand, cand.frame.type, cand.frame.mode)
        for name, rules in STAGES:
            if not run_stage(name, rules, draft, ctx) or name == until:
                break
        return draft


def _remember(draft: Draft, ctx: Context) -> None:
    """What later drafts read: the parties of a joint action or a two-sided talk ("both sides", "they"
    later refer to them; not a third party calling both), the sides that dealt with each other (whom an
    action with no named target may be aimed at), and who did what (talks are their parties')."""
    source, target = draft.source, draft.target
    talks = (
        draft.type == "CONSULT"
        and bool(source)
        and draft.explicit_target
        and (draft.frame.mutual or len(source) + len(target) == 2)
    )
    if draft.joint or draft.mutual_sides or talks:
        ctx.refs.parties = source + target
    if _done_with_each_other(draft) or draft.mutual_sides or talks:
        ctx.state.sides = source + target
    if draft.type == "ASSAULT" and draft.modality == "asserted":
        for a in source:
            for b in target:
                if a.country and b.country and a.country != b.country:
                    ctx.state.foes.setdefault(a.country, set()).add(b.country)
                    ctx.state.foes.setdefault(b.country, set()).add(a.country)
    doers = source + target if draft.type == "CONSULT" else source
    ctx.state.recent.append((frozenset({draft.frame.type, draft.type}), doers))
    if draft.planned is not None and draft.planned.type and draft.plan_sides:
        # ("proposed that A and B hold talks ... the talks could begin on Monday": the talks are A's and B's)
        ctx.state.recent.append((frozenset({draft.planned.type}), draft.plan_sides))
        ctx.state.plans.append((draft.planned, draft.plan_sides))


# joint actions whose doers deal with one another ("A and B agreed", "A and B met"), unlike doers who
# together judge, ask or back someone else ("A and B urged restraint", "A and B back the rebels")
WITH_EACH_OTHER_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE", "RETREAT", "CONCEDE"})


def _done_with_each_other(draft: Draft) -> bool:
    """Doers of a joint action are sides to each other when the action is done between them: a symmetric
    one, an agreement or talks, or one done to "each other"; allies who together back, ask or judge a
    third are not each other's counterpart."""
    if not draft.joint:
        return False
    each_other = any(reciprocal(c) for c in draft.tok.children if c.dep_ in ("dobj", "dative", "pobj"))
    return draft.frame.mutual or draft.type in WITH_EACH_OTHER_TYPES or each_other


def _to_event(draft: Draft, ctx: Context) -> Event:
    start, end = clause_span(draft.tok)
    event = Event(
        type=draft.type,
        mode=draft.mode,
        source=[a.ref() for a in draft.source],
        target=[a.ref() for a in draft.target],
        evidence=Evidence(start, end, ctx.document.text[start:end]),
        modality=draft.modality,
        date=draft.date,
        location=draft.place,
        planned=draft.planned,
        mutual=draft.mutual,
        trigger=draft.tok.text,
        trace=draft.trace,
    )
    if draft.inferred:
        ctx.state.inferred.add(id(event))
    return event
