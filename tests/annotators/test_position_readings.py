"""Readings of positions found wrong or missing on unseen news, each on sentences written for it:
who asks in a passive, promises by clause, "ask for", "if ... not", obligations put on another side,
and the look-alikes that state no stance (orders of a court, counterfactuals, denied or doubted
holders, a stance asked of another inside a noun's clause, places beside an office)."""

from __future__ import annotations

import pytest

# (sentence, holder, kind, words the content must hold, addressee or None)
FOUND = [
    # a day after "on" is when, not the one who acts
    ("Peru announced on Friday to offer a reward for information on the smugglers.", "PER", "offer",
     "reward for information", None),
    # a passive stance verb's by-phrase names who asks, also when its subject is borrowed
    ("The Bolivian envoy recalled being asked by Chile to mediate the dispute.", "CHL", "demand",
     "mediate the dispute", None),
    # a promise that the holder's own side will act binds it
    ("Chile assured Bolivia that it would reopen the port of Arica.", "CHL", "offer", "reopen the port",
     "BOL"),
    ("The Spanish king assured him Spain would close the port to Moroccan trade.", "ESP", "offer",
     "close the port", None),
    ("Peru promised that it would reopen the border crossing.", "PER", "offer", "reopen the border", None),
    # asking for a thing demands it
    ("Paraguay asked for a delay in the vote on the river treaty.", "PRY", "demand", "delay in the vote",
     None),
    # "if ... not" sets a condition as "unless" does
    ("Peru threatened to leave the talks if Chile did not withdraw its troops.", "PER", "demand",
     "withdraw its troops", "CHL"),
    # what another side is to pledge, as the condition of an offer, is the deed it binds itself to
    ("Chile offered to lower its tariffs if Peru pledged to cut its fishing quotas.", "CHL", "demand",
     "cut its fishing quotas", "PER"),
    # a verb before "and" with a "to" of its own is an item of its own; a bare one shares the next object
    ("Peru offered to withdraw and to pay compensation.", "PER", "offer", "withdraw", None),
    # the time is ripe for talks: what is called necessary is asked for
    ("Chile said the time is ripe for talks.", "CHL", "demand", "talks", None),
    # what a side says the time has come for it asks for
    ('"It is time for Chile to end the blockade," the Peruvian minister said.', "PER", "demand",
     "end the blockade", "CHL"),
    ("Now is the time for talks, the Peruvian minister said.", "PER", "demand", "talks", None),
    # a gerund after a preposition is done by the subject of the verb the preposition hangs on
    ("Bolivia eased tension along the river by pledging to pull its units out of Peruvian land.", "BOL",
     "offer", "pull its units out of Peruvian land", None),
    ("Peru surprised observers by offering talks on the river.", "PER", "offer", "talks on the river", None),
    # an offer of a proposal leaves the proposal noun to say what it proposes
    ("Ecuador offered a new proposal for a staged settlement of the fishing quarrel.", "ECU", "proposal",
     "staged settlement of the fishing quarrel", None),
    # refusing a stance noun turns down what the noun asks for
    ("The U.S. demand for the smuggler's extradition was refused by the Bolivian government.", "BOL",
     "rejection", "extradition", "USA"),
    # a contracted "'s" that is "has": no passive
    ("It has become an issue, with Boric, who's called for big tax hikes on miners, attacking the plan.",
     "CHL", "demand", "big tax hikes on miners", None),
    # an obligation put on another named side
    ("Peru said Chile needs to pay compensation to the fishermen.", "PER", "demand", "pay compensation",
     "CHL"),
    ("Chile has to pay compensation, the Peruvian minister said.", "PER", "demand", "pay compensation",
     "CHL"),
    # a letter's author asks, not the paper that prints it
    ("A Peruvian paper printed a letter from Bolivia's foreign minister asking for the release of the "
     "sailors.", "BOL", "demand", "release of the sailors", None),
]


@pytest.mark.parametrize(("text", "holder", "kind", "content", "addressee"), FOUND,
                         ids=[f[0][:40] for f in FOUND])
def test_the_stance_is_found(annotate, text, holder, kind, content, addressee):
    doc = annotate(text)
    found = [(p.holder, p.kind, p.content, p.addressee) for p in doc.positions]
    assert any(
        p.holder == holder and p.kind == kind and content in p.content
        and (addressee is None or p.addressee == addressee)
        for p in doc.positions
    ), found


NONE = [
    "The Bolivian envoy recalled being asked to mediate the dispute.",  # the asker is unnamed
    # a court's order binds; the side that won it states nothing
    "The families obtained an injunction requiring the port authority to keep the harbour open.",
    "Peru said the old plans would have required dismantling the border posts.",  # counterfactual
    # what is possible, or what a report shows, is no condition anyone sets
    "The report showed that the council can settle disputes, but only when the big powers let it.",
    # an offer asked of another inside a noun's clause is not that side's offer
    "The note carried a suggestion that Peru offer to withdraw its troops.",
    # a holder denied by its quantifier
    "Not all Chileans insist that the border be closed.",
    "Few Peruvians want a truce.",
    "No country demanded a vote on the river treaty.",
    # a promise of force is a threat
    "Iran pledged to strike the rebel camps in Syria.",
    # "have" with an object owns means; it obliges no one
    "Chile said only Peru has the means to make it work.",
    # an inference under a denied verb, and a condition on one's own fortune
    '"I don\'t think Chile would be sending its envoy if Peru did not want a deal," the Bolivian minister '
    "said.",
    "If Peru does not win the vote, the president will resign.",
    # a modal clause that describes a noun asks nothing
    '"This is the way the commission should work," the Chilean minister said.',
    # a promise about what another side will do binds nobody; a forecast of need obliges no one
    "Chile assured Bolivia that Peru would pay.",
    "Peru will need to borrow more money.",
    # a maxim addressed to no side
    '"No one should mistake our patience for weakness," the Peruvian president said.',
    '"Everybody must stay calm," the Peruvian president said.',
    # what is called necessary for a purpose is not asked for; the purpose is not either
    "The Chilean minister argued that Peru's stability is indispensable for the security of the region.",
    # a state set on terms is no condition a side sets
    "Under Peruvian rules, a trawler has no fishing licence unless its owner files the forms.",
    # a stance only weighed is not yet taken
    "Aides said the Peruvian defence minister is considering urging the president to mobilise the reserves.",
    # a time narrated, or a time of no call
    "It was time to leave, the Peruvian minister said.",
    '"It is a time to reflect," the Peruvian president said.',
    # options described: a gerund under "has ways" is no deed of the subject
    "Chile has two ways to seek payment: by filing a lawsuit or by asking the courts to seize the ships.",
    # a condition on the doer's own wish, a deal's term carried out, a word withheld, a joint pledge
    "Peru must stay out of the dispute unless it wants to lose its seat.",
    "The inspectors came back under the accord, under which Bolivia agreed to give monitors access to dams.",
    "The Peruvian minister declined to use the word blockade.",
    "Both sides pledged to respect each other's borders.",
    "Peru and Chile pledged to reopen the crossing.",
    # whom a demand is put to is not what it asks
    '"Leave now," the Chilean minister urged the Peruvian envoys.',
    # a gerund's deed not done
    "The forms were drawn up by the Peruvian congress without requiring much detail from the candidates.",
    # a reporter's question
    "Asked for comment, the Peruvian ministry declined.",
    "The Peruvian fishermen appealed the ruling.",  # a legal appeal contests, it asks no side
]


@pytest.mark.parametrize("text", NONE, ids=[t[:40] for t in NONE])
def test_no_stance_is_found(annotate, text):
    doc = annotate(text)
    assert doc.positions == [], [(p.holder, p.kind, p.content) for p in doc.positions]


def test_a_verb_that_shares_the_next_object_is_no_stance_alone(annotate):
    doc = annotate("Chile promised to match and in a few sectors surpass the quotas for copper exports.")
    assert "match" not in [p.content for p in doc.positions]


def test_a_place_beside_an_office_is_not_its_holder(annotate):
    doc = annotate("The head of the trade mission in Lima was willing to extend the fishing permits.")
    assert not [p for p in doc.positions if p.holder == "PER"]
    # the place as the whole phrase, or its modifier, still speaks for its state
    doc = annotate("Officials in Lima demanded the release of the sailors.")
    assert [(p.holder, p.kind) for p in doc.positions] == [("PER", "demand")]
    doc = annotate("In May, the North Carolina senator called on his colleagues to drop the bill.")
    assert [(p.holder, p.kind) for p in doc.positions] == [("USA", "demand")]


def test_a_second_for_phrase_names_whom_it_is_for(annotate):
    doc = annotate(
        "Bolivia asked for twelve permits for the convoy, for the drivers, the mechanics and a doctor."
    )
    assert [(p.holder, p.kind, p.content) for p in doc.positions] == [
        ("BOL", "demand", "twelve permits for the convoy")
    ]
