"""Each cue of knowledge/en/positions.yaml on a sentence written for it: the stance it must find,
and the look-alikes it must leave alone."""

from __future__ import annotations

import pytest

from communique.annotators.positions.lexicon import load_lexicon

# (sentence, holder, kind, words the content must hold)
CUES = [
    # verbs and phrases
    ("Colombia pressed for a prisoner swap with the rebels.", "COL", "demand", "prisoner swap"),
    ("Ecuador held out for a full withdrawal of the border units.", "ECU", "demand", "full withdrawal"),
    ("Paraguay suggested an initiative for joint river patrols.", "PRY", "proposal", "joint river patrols"),
    ("Bolivia is seeking the release of its detained fishermen.", "BOL", "demand", "release of its detained"),
    (
        "The Spanish government wants to reopen negotiations on the fishing accord.",
        "ESP",
        "proposal",
        "reopen negotiations",
    ),
    ("Chile pledged to send monitors to the demilitarized zone.", "CHL", "offer", "send monitors"),
    ("Uruguay promised to reopen the river crossing by Friday.", "URY", "offer", "reopen the river crossing"),
    ("Peru agreed to a ten-day pause in the border shelling.", "PER", "support", "ten-day pause"),
    (
        "After days of pressure, Ecuador agrees to take back deported migrants from Panama.",
        "ECU",
        "offer",
        "take back deported migrants",
    ),
    ("Chile pledged to back the peace plan.", "CHL", "support", "peace plan"),
    ("Venezuela extended the truce by three days.", "VEN", "offer", "truce"),
    (
        (
            "Bolivia laid out its conditions: a border commission, the return of seized trucks "
            "and an end to the blockade."
        ),
        "BOL",
        "demand",
        "border commission",
    ),
    (
        "Uruguay handed over a draft of a ceasefire agreement to Paraguay.",
        "URY",
        "proposal",
        "ceasefire agreement",
    ),
    ("Peru withdrew its offer of naval patrols on the lake.", "PER", "rejection", "naval patrols"),
    ("Paraguay offered emergency aid to the flooded provinces of Bolivia.", "PRY", "offer", "emergency aid"),
    # appraisals
    ("Paraguay views the peace plan favourably.", "PRY", "support", "peace plan"),
    ("Ecuador responded coolly to the Peruvian offer of talks.", "ECU", "rejection", "talks"),
    # nouns of stance, with an owner or a stating verb
    ("Venezuela's insistence on a neutral venue delayed the talks.", "VEN", "demand", "neutral venue"),
    (
        "Bolivia's readiness to reopen the pipeline surprised its neighbours.",
        "BOL",
        "offer",
        "reopen the pipeline",
    ),
    ("Brazil's plan for a buffer zone was discussed in Lima.", "BRA", "proposal", "buffer zone"),
    ("Turkey's bid to mediate between the two sides was welcomed.", "TUR", "proposal", "mediate"),
    ("Georgia pressed its bid for NATO membership.", "GEO", "proposal", "NATO membership"),
    ("Spain's foreign minister stressed the need for a lasting truce.", "ESP", "demand", "lasting truce"),
    ("Argentina lent its support to the Uruguayan peace plan.", "ARG", "support", "peace plan"),
    ("Peru gave its backing to the ten-day truce.", "PER", "support", "ten-day truce"),
    ("Kenya reaffirmed its support for the ceasefire in the north.", "KEN", "support", "ceasefire"),
    (
        "Argentina's guarantee of safe passage for the convoys was made public.",
        "ARG",
        "offer",
        "safe passage",
    ),
    # denials, contrast, disinterest
    (
        (
            "The Chilean foreign minister said Santiago was not seeking a truce "
            "but a full withdrawal of the troops."
        ),
        "CHL",
        "demand",
        "full withdrawal",
    ),
    ("Peru said it could not accept the proposal for a joint patrol.", "PER", "rejection", "joint patrol"),
    (
        "Bolivia says it has no interest in a new round of negotiations.",
        "BOL",
        "rejection",
        "new round of negotiations",
    ),
    (
        "Chile promised not to veto Peru's application to join the trade bloc.",
        "CHL",
        "support",
        "application to join the trade bloc",
    ),
    # participles and converses
    (
        "The cross-border corridor proposed by Chile opened on Tuesday.",
        "CHL",
        "proposal",
        "cross-border corridor",
    ),
    ("Uruguay backed the ceasefire announced by Paraguay.", "PRY", "proposal", "ceasefire"),
    ("The US-proposed corridor would run along the river.", "USA", "proposal", "corridor"),
    (
        "Argentina won assurances from Brazil that the corridor would stay open.",
        "BRA",
        "offer",
        "corridor would stay open",
    ),
    # implicit stances
    (
        '"We are delighted that Chile and Peru signed a truce on Sunday," the Brazilian president said.',
        "BRA",
        "support",
        "truce",
    ),
    (
        "The moment is ripe for a lasting settlement, the Chilean foreign minister said.",
        "CHL",
        "demand",
        "settlement",
    ),
    ("Peru said it was essential that Chile withdraw its troops.", "PER", "demand", "withdraw its troops"),
    ("Chile is ready to implement the truce agreement.", "CHL", "support", "implement the truce agreement"),
    # an agenda of the speaker's side, one proposal per item
    (
        '"The agenda we gave our hosts was to discuss, first, a ceasefire and, second, a meeting of the two '
        'presidents," the Chilean negotiator said.',
        "CHL",
        "proposal",
        "meeting of the two presidents",
    ),
    # conditions
    (
        "The Kremlin said a summit could happen only after the sides agree on a final text.",
        "RUS",
        "demand",
        "agree on a final text",
    ),
    (
        "Russia offered a truce in return for the lifting of sanctions.",
        "RUS",
        "demand",
        "lifting of sanctions",
    ),
    (
        "Zelensky said any deal would need the consent of the Ukrainian parliament.",
        "UKR",
        "demand",
        "consent",
    ),
]


@pytest.mark.parametrize(("text", "holder", "kind", "content"), CUES, ids=[c[0][:40] for c in CUES])
def test_each_cue_finds_its_stance(annotate, text, holder, kind, content):
    doc = annotate(text)
    found = [(p.holder, p.kind, p.content) for p in doc.positions]
    assert any(
        p.holder == holder and p.kind == kind and content in p.content for p in doc.positions
    ), f"no {holder} {kind} with {content!r} in {found}"


NOT_STANCES = [
    "The senator launched his bid for a Senate seat.",  # a bid for an office is a candidacy
    "Colombia pressed the point in a long speech.",  # a bare object says nothing of what is wanted
    # a wish about oneself, no stance
    "Peru's envoy said he wanted to return from the summit with good news.",
    "Lima has sought broader contacts with its neighbours.",  # contacts are no stance
    "Chile plans to expand its navy next year.",  # a plan to do something is an intention
    "Kenya offered its full support for the war effort.",  # support of a war, not of a stance
    # both sides together: a deal, not an offer
    "Armenia and Azerbaijan extended the border truce until Sunday.",
    "Peru and Chile agreed to a ceasefire on Monday.",  # the same
    "Under the accord's terms, Peru agreed to free the detained sailors.",  # a deal's term carried out
    "The accord requires Chile to withdraw its troops.",  # a deal's requirement is nobody's demand
    "The envoy said the visit did not mean Quito should count on lower tariffs.",  # a denied modal
    "She suggested the levies could still rise later.",  # a prediction, not a proposal
    "Peru withdrew its troops from the border.",  # troops are no stance
    # what one says or feels is offered to nobody as part of a bargain
    "The Uruguayan envoy offered insights into the history of the river dispute.",
    "Bolivia offered an alternative view of the crisis.",
    "Colombia offered a stark alternative to the old tariff rules.",
    "The Peruvian minister offered his condolences to the families of the miners.",
    # a side's readiness that others weigh or doubt is no stance the side stated
    "Any settlement hinges on Ecuador's willingness to return the seized trawlers.",
    "Observers doubted Paraguay's readiness to open the dam's floodgates.",
    "Much depends on Venezuela being willing to free the journalists.",
]


@pytest.mark.parametrize("text", NOT_STANCES, ids=[t[:40] for t in NOT_STANCES])
def test_look_alikes_are_no_stance(annotate, text):
    doc = annotate(text)
    assert doc.positions == [], [(p.holder, p.kind, p.content) for p in doc.positions]


def test_every_verb_cue_says_why_in_a_comment():
    """Each verb cue added for this issue sits under a comment giving its general reason."""
    from importlib.resources import files

    text = (files("communique.knowledge") / "en" / "positions.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    verbs = load_lexicon().verbs
    for cue in ("press", "suggest", "seek", "want", "pledge", "promise", "agree", "extend"):
        assert cue in verbs
        row = next(i for i, line in enumerate(lines) if line.strip().startswith(f"{cue}:"))
        above = lines[row - 1].strip()
        assert above.startswith("#") or lines[row - 2].strip().startswith("#"), cue


def test_a_stance_given_up_is_no_longer_held_and_a_threat_to_give_up_is_not_a_rejection(annotate):
    doc = annotate("Chile dropped its demand for a referendum in the border provinces.")
    assert [(p.holder, p.kind) for p in doc.positions] == [("CHL", "rejection")]
    threat = annotate("Washington said it could abandon the talks unless Lima moved.")
    assert [p.kind for p in threat.positions] == ["demand"]
