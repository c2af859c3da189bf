"""Stage 2, frame: which action the trigger reports here, and whether its clause reports an action
at all (not a condition, an aim, an obligation on someone else, or a characterisation).

The stage also reads the clause's mood from its grammar (`Draft.mood`): later stages need to know
whether the action is told as done, announced or possible.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..candidates import all_content, direct_content
from ..clauses import before_unrealised, in_condition_or_purpose, term_of_deal
from ..fallbacks import continued_action
from ..frames import characterises, licensed, publishes
from ..modality import failed, head_chain, modality, obliged, will_not
from ..slots import noun_doers
from .frame_senses import (
    a_direct_question_tells_no_deed,
    a_phrase_fused_by_hyphens_names_a_kind,
    a_share_of_backing_is_a_poll,
    a_warning_that_only_foresees_threatens_no_one,
    asking_a_question_requests_no_deed,
    force_against_oneself_is_no_attack,
    meeting_a_thing_is_no_talks,
    one_person_attacking_people_attacks_in_words,
    personal_pronoun,
    speaking_to_the_public_is_no_talks,
)
from .trigger import reported_fact

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..draft import Context, Draft
    from ..lexicon import Lexicon

__all__ = ["RULES"]

GENERIC_DETERMINERS = frozenset({"any", "whatever", "whichever"})


def the_content_sets_type_and_mode(draft: Draft, ctx: Context) -> bool:
    """What an action is about can make it another action ("vowed to strike" threatens) or give its
    mode ("agreed to meet" is an agreement to meet)."""
    frame = draft.frame
    before = (draft.type, draft.mode)
    direct = direct_content(draft.cand)
    for sub in all_content(draft.cand):
        if sub in direct:
            draft.type = frame.content_type.get(sub.frame.type, draft.type)
            draft.mode = draft.mode or frame.content_mode.get(sub.frame.type)
        draft.mode = draft.mode or (sub.frame.mode if sub.frame.type == draft.type else None)
    return (draft.type, draft.mode) != before


def an_obligation_on_someone_is_not_their_act(draft: Draft, ctx: Context) -> bool:
    """ "Y must withdraw": an obligation put on Y (someone's request of Y), not Y's action."""
    return obliged(draft.tok, ctx.lex.obligation_modals) and draft.drop()


def a_deed_wanted_of_another_is_not_theirs(draft: Draft, ctx: Context) -> bool:
    """ "wants B to withdraw", "told B to leave", "expects B to sign": an infinitive whose doer another
    verb names is what that verb's subject wants of B, not B's action (after a verb that is a trigger
    itself it is that trigger's content; after "forced B to", "persuaded B to" it was done)."""
    tok = draft.tok
    if draft.is_noun and tok.dep_ in ("dobj", "obj"):
        tok = tok.head  # "to impose sanctions": the light verb carries the infinitive
    coordinated = tok.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
    if coordinated:
        tok = _first_conjunct(tok)  # "urged B to withdraw and release ...": one more deed wanted of B
    if tok.dep_ not in ("xcomp", "ccomp") or not _to_infinitive(tok):
        return False
    governor = tok.head
    if governor.lemma_.lower() in ctx.lex.modality.implicative_verbs:
        return False
    if governor.i in ctx.cands:
        return coordinated and draft.drop()  # the first deed is the trigger's content, and so is this one
    own_doer = any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
    controller = tok.dep_ == "xcomp" and any(c.dep_ in ("dobj", "obj") for c in governor.children)
    return (own_doer or controller) and draft.drop()


def _first_conjunct(tok: Token) -> Token:
    while tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _to_infinitive(tok: Token) -> bool:
    return tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def a_condition_or_an_aim_is_not_an_action(draft: Draft, ctx: Context) -> bool:
    """An action inside "if"/"unless" or a purpose infinitive, or one that is to follow only once a
    demand is met ("before they disarm"), has not happened."""
    tok = draft.tok
    unreal = in_condition_or_purpose(tok, ctx.lex) or before_unrealised(tok, ctx.lex, ctx.state.trigger_types)
    return unreal and draft.drop()


def a_protests_topic_is_not_an_action(draft: Draft, ctx: Context) -> bool:
    """What protesters call for or denounce while protesting is the protest's topic (PLOVER PROTEST)."""
    tok, types = draft.tok, ctx.state.trigger_types
    if draft.type not in ctx.lex.protest_topics or tok.dep_ not in ("advcl", "xcomp", "acl", "conj"):
        return False
    protest = types.get(tok.head.i) == "PROTEST" or any(
        c.dep_ == "dobj" and types.get(c.i) == "PROTEST" for c in tok.head.children
    )
    return protest and draft.drop()


def publishing_a_text_frees_no_one(draft: Draft, ctx: Context) -> bool:
    """ "released a statement", "information released by the army": a text or a picture made public is
    no release of captives (PLOVER RETREAT `release`)."""
    return draft.frame.mode == "release" and publishes(draft.tok, ctx.lex) and draft.drop()


def a_noun_made_generic_names_no_action(draft: Draft, ctx: Context) -> bool:
    """ "whatever proposal is made", "any attack on our ships": a noun made generic by its determiner
    names a kind of action, not one that happened."""
    generic = draft.is_noun and any(
        c.dep_ == "det" and c.lower_ in GENERIC_DETERMINERS for c in draft.tok.children
    )
    return generic and draft.drop()


def an_infinitive_on_a_noun_names_a_possibility(draft: Draft, ctx: Context) -> bool:
    """ "a reason to meet", "in a position to commit", "a chance to have a truce": an infinitive that
    modifies a noun names what could be done, not a deed (nor does what it carries); only a noun of
    intent ("the decision to withdraw", "its plan to strike") or of action commits its owner to it.
    (An action judged, "the failure to condemn the strikes", happened all the same.)"""
    if reported_fact(draft.cand, ctx.lex):
        return False
    for node in head_chain(draft.tok):
        if node.dep_ not in ("acl", "relcl") or node.head.pos_ not in ("NOUN", "PROPN"):
            continue
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
            continue
        if node.head.lemma_.lower() in ctx.lex.intent_nouns or node.head.i in ctx.cands:
            return False
        return draft.drop()
    return False


def a_noun_predicated_of_a_thing_judges_it(draft: Draft, ctx: Context) -> bool:
    """ "It is an ultimatum", "this is a provocation": the noun characterises a thing (the speaker's
    judgement of it), it does not report an action."""
    if not draft.is_noun or not characterises(draft.tok, ctx.refs):
        return False
    if draft.type in ctx.lex.characterising and noun_doers(draft.tok, ctx.refs):
        return False  # "this was A's first strike on B": the noun names A's action, not a judgement of it
    if draft.type not in ctx.lex.characterising:
        return draft.drop()
    draft.type, draft.mode = ctx.lex.characterising[draft.type]
    return True


def the_clause_grammar_gives_the_mood(draft: Draft, ctx: Context) -> bool:
    """Auxiliaries, negation, verbs of planning and conditions say whether the action is done,
    announced, possible or denied."""
    # a deed another deed judges or answers ("will condemn the invasion", "avoided condemning the raid")
    # is told as having happened, whatever the mood of the judging: only its own words qualify it
    own_only = reported_fact(draft.cand, ctx.lex)
    draft.mood = modality(draft.tok, ctx.lex.modality, own_only=own_only)
    return draft.mood != "asserted"


def a_light_noun_needs_a_verb_or_an_owner(draft: Draft, ctx: Context) -> bool:
    """A light noun ("a deal", "talks") reports an action only when a light verb, an owner or its
    own sides make it one; an action judged by another is told as done, and a definite action said
    to go on ("the exchange will continue") is one more of an action told before."""
    tok, frame = draft.tok, draft.frame
    if (
        not draft.is_noun
        or not frame.light
        or licensed(tok, ctx.lex, ctx.refs)
        or reported_fact(draft.cand, ctx.lex)
    ):
        return False
    if draft.mood == "future" and continued_action(
        tok, draft.type, frame.mutual, ctx.refs, ctx.state, ctx.lex
    ):
        return False
    return draft.drop()


def failing_to_agree_is_refusing_the_terms(draft: Draft, ctx: Context) -> bool:
    """ "failed to reach agreement": the sides refused each other's terms (PLOVER REJECT)."""
    lex = ctx.lex
    if draft.mood != "negated" or draft.type not in lex.failure_types or not failed(draft.tok, lex.modality):
        return False
    draft.type, draft.mode = lex.failure_types[draft.type]
    draft.mood = "asserted"
    return True


def announcing_one_will_not_act_is_a_refusal(draft: Draft, ctx: Context) -> bool:
    """ "won't join the negotiations": announcing one will not act is refusing, done now."""
    lex = ctx.lex
    if (
        draft.mood != "negated"
        or draft.type not in lex.refusal_types
        or not will_not(draft.tok, lex.modality)
    ):
        return False
    draft.type, draft.mode = lex.refusal_types[draft.type]
    draft.mood, draft.refusal = "asserted", True
    return True


def getting_ready_to_use_force_is_a_mobilization(draft: Draft, ctx: Context) -> bool:
    """Forces made ready to strike ("prepared to renew the bombardment") have moved: the preparation is
    what happened."""
    lex = ctx.lex
    if (
        draft.mood != "future"
        or draft.type not in lex.readiness_types
        or not any(node.lemma_.lower() in lex.readiness_verbs for node in head_chain(draft.tok)[1:])
    ):
        return False
    draft.type, draft.mode = lex.readiness_types[draft.type]
    draft.mood = "asserted"
    return True


def a_warning_that_only_quotes_words_threatens_nothing(draft: Draft, ctx: Context) -> bool:
    """A verb of warning that introduces a quotation with no action in it ("'this is only the
    beginning,' warned the envoy") reports speech; a threat names what will be done."""
    tok = draft.tok
    if draft.type != "THREATEN" or draft.is_noun or tok.lemma_.lower() not in ctx.lex.speech_verbs:
        return False
    clauses = [c for c in tok.children if c.dep_ in ("ccomp", "parataxis")]
    quotes = [q for q in ctx.document.quotes if any(q.start <= c.idx < q.end for c in clauses)]
    if not quotes or any(q.start <= sub.tok.idx < q.end for sub in draft.cand.content for q in quotes):
        return False
    return draft.drop()


def _reported_by(text: Token, lex: Lexicon) -> Token | None:
    """The verb of the words a text reports: the verb of saying it is the subject of ("a joint statement
    said ..."), a participle on it ("a statement saying ...", "committing to ..."), or the verb of saying
    it is the setting of ("In a joint statement, A and B said ...")."""
    saying = lex.reporting_verbs | lex.speech_verbs
    if text.dep_ == "nsubj" and text.head.lemma_.lower() in saying:
        return text.head
    participle = next((c for c in text.children if c.dep_ == "acl" and c.tag_ == "VBG"), None)
    if participle is not None:
        return participle
    head = text.head
    if text.dep_ == "pobj" and head.lower_ == "in" and head.head.lemma_.lower() in saying:
        return head.head
    return None


def _commits(verb: Token, lex: Lexicon) -> bool:
    """Words that commit their authors: a word of commitment ("committing to", "pledged") or a deed told
    as still to come ("would withdraw", "will cooperate")."""
    to_come = lex.modality.future_aux | {"would"}
    return any(
        (t.lemma_.lower() in lex.commitment_words and t.pos_ in ("VERB", "ADJ"))
        or (t.dep_ == "aux" and t.lower_ in to_come)
        for t in verb.subtree
    )


def a_joint_statement_is_an_agreement_when_it_commits(draft: Draft, ctx: Context) -> bool:
    """A text two sides issue together ("a joint statement") is their agreement when what it says
    commits them ("said they would withdraw", "committing to talks"); one that only states views is
    no action of its own."""
    tok, lex = draft.tok, ctx.lex
    if not draft.is_noun or draft.frame.type != "AGREE" or tok.lemma_.lower() not in lex.joint_texts:
        return False
    verb = _reported_by(tok, lex)
    if verb is not None and _commits(verb, lex):
        return False
    return draft.drop()


def a_future_term_of_a_deal_keeps_its_type(draft: Draft, ctx: Context) -> bool:
    """A deed an agreement provides for ("under the deal, B will release the detainees") is that deed,
    still to come: it keeps its type with future modality (the agreement itself is the AGREE)."""
    if (
        draft.mood != "future"
        or draft.type not in ctx.lex.future_types
        or not term_of_deal(draft.tok, ctx.lex)
    ):
        return False
    draft.term = True
    return True


def seeking_a_person_is_searching_for_them(draft: Draft, ctx: Context) -> bool:
    """A verb of wanting something asks for a thing or an act ("sought talks"); what it seeks is a
    person or a group ("a man sought by the police") only in a search or a manhunt, which asks nothing
    of anyone."""
    tok = draft.tok
    if not draft.frame.unless_obj_actor:
        return False
    sought = [c for c in tok.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        sought.append(tok.head)  # "a man sought by the police": the noun is what is sought
    # the sought noun is a person or a group ("sought Russian help" seeks help, not Russians)
    people = any(
        obj.ent_type_ == "PERSON" or obj.lemma_.lower() in ctx.lex.person_nouns or personal_pronoun(obj)
        for obj in sought
    )
    return people and draft.drop()


def backing_ones_own_backs_no_other_side(draft: Draft, ctx: Context) -> bool:
    """Some words of backing back another side only when what they back is not the doer's own: a
    defence of one's own record, decision or remarks, or of oneself, supports no one else."""
    tok = draft.tok
    if not draft.frame.unless_own_obj or draft.is_noun:
        return False
    objects = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    return any(_own_thing(obj, ctx) for obj in objects) and draft.drop()


def _own_thing(obj: Token, ctx: Context) -> bool:
    """A reflexive pronoun ("itself"), or a thing, not an actor, owned by a pronoun or marked "own"
    ("his record", "their own decision")."""
    if obj.tag_ == "PRP" and obj.lower_.endswith(("self", "selves")):
        return True
    if obj.ent_type_ in ("PERSON", "NORP", "ORG", "GPE") or obj.lemma_.lower() in ctx.lex.person_nouns:
        return False
    if ctx.refs.named(obj):
        return False  # "his Peruvian counterpart" is a side
    return any(
        (c.dep_ == "poss" and c.pos_ == "PRON") or c.lower_ == "own" for c in obj.children
    )


def agreeing_that_something_is_so_is_a_view(draft: Draft, ctx: Context) -> bool:
    """Agreeing or accepting that something is so ("agreed that the rules were unfair") shares a view;
    the clause is an agreement only when it commits (a deed to come, a word of commitment) or names
    an action ("agreed that a truce was needed", "agreed that talks would resume")."""
    tok = draft.tok
    if not draft.frame.opinion_clause or draft.is_noun:
        return False
    if any(c.dep_ in ("dobj", "obj", "xcomp") for c in tok.children):
        return False
    clauses = [c for c in tok.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
    if not clauses or any(_commits(c, ctx.lex) for c in clauses):
        return False
    if any(t.i in ctx.cands for c in clauses for t in c.subtree):
        return False
    return draft.drop()


def refusing_an_act_of_ones_own_rejects_no_one(draft: Draft, ctx: Context) -> bool:
    """A refusal rejects a demand, a proposal or a party; refusing to do something that is no action
    between parties ("refused to comment", "refused to give his name") turns down no one's demand."""
    tok = draft.tok
    if draft.type != "REJECT" or draft.is_noun:
        return False
    if any(c.dep_ in ("dobj", "obj", "nsubjpass", "dative", "prep") for c in tok.children):
        return False
    acts = [c for c in tok.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
    # the act, or what it acts on ("refused to join the pact"), is an action between parties
    deeds = [*acts, *(o for a in acts for o in a.children if o.dep_ in ("dobj", "obj"))]
    if not acts or any(d.i in ctx.state.trigger_types for d in deeds):
        return False
    return draft.drop()


RULES = (
    the_content_sets_type_and_mode,
    a_phrase_fused_by_hyphens_names_a_kind,
    asking_a_question_requests_no_deed,
    a_direct_question_tells_no_deed,
    seeking_a_person_is_searching_for_them,
    meeting_a_thing_is_no_talks,
    one_person_attacking_people_attacks_in_words,
    speaking_to_the_public_is_no_talks,
    a_share_of_backing_is_a_poll,
    force_against_oneself_is_no_attack,
    backing_ones_own_backs_no_other_side,
    agreeing_that_something_is_so_is_a_view,
    refusing_an_act_of_ones_own_rejects_no_one,
    an_obligation_on_someone_is_not_their_act,
    a_deed_wanted_of_another_is_not_theirs,
    a_condition_or_an_aim_is_not_an_action,
    a_protests_topic_is_not_an_action,
    publishing_a_text_frees_no_one,
    a_noun_made_generic_names_no_action,
    an_infinitive_on_a_noun_names_a_possibility,
    a_noun_predicated_of_a_thing_judges_it,
    a_joint_statement_is_an_agreement_when_it_commits,
    the_clause_grammar_gives_the_mood,
    a_light_noun_needs_a_verb_or_an_owner,
    failing_to_agree_is_refusing_the_terms,
    announcing_one_will_not_act_is_a_refusal,
    getting_ready_to_use_force_is_a_mobilization,
    a_warning_that_only_quotes_words_threatens_nothing,
    a_warning_that_only_foresees_threatens_no_one,
    a_future_term_of_a_deal_keeps_its_type,
)
