"""The actors annotator does work in proportion to the text, even on a long line with no sentence break."""

from __future__ import annotations

import cProfile
import itertools
import pstats

from communique.document import Article, Document

_SYLLABLES = ["ka", "lo", "mir", "ven", "dra", "sol", "tur", "bex", "nor", "pal"]
# invented people, each named once in full and once by surname: the number of actors grows with the text
_NAMES = [f"{(a + b).title()} {(c + d).title()}ov" for a, b, c, d in itertools.product(_SYLLABLES, repeat=4)]


def _long_line(units: int) -> str:
    """One "sentence" of `units` clauses: titles, a state, a city that several states share, a quotation,
    an institution, a bare title and pronouns, joined by commas, with no full stop anywhere."""
    parts = []
    for i in range(units):
        name = _NAMES[i * 7919 % len(_NAMES)]
        parts.append(
            f"Interior Minister {name} of Chile told the ministry that he and the minister met Polish border "
            f'guards, and {name.split()[1]} said "it was fine" in Tripoli with Lebanese officials, '
        )
    return "".join(parts)


def _calls(pipeline, units: int) -> int:
    """Python function calls (spaCy's included) made by the actors annotator over the long line."""
    text = _long_line(units)
    nlp = pipeline.nlp
    with nlp.select_pipes(enable=[n for n in nlp.pipe_names if n != "communique_annotate"]):
        parsed = nlp(text)
    assert len(list(parsed.sents)) <= 3  # the model finds (almost) no sentence break in it
    annotators = dict(pipeline.annotators)
    document = Document(article=Article(id="long", text=text, published="2025-05-01"), text=text)
    annotators["time"](document, parsed)
    profile = cProfile.Profile()
    profile.enable()
    annotators["actors"](document, parsed)
    profile.disable()
    assert len(document.actors) > units // 2
    return pstats.Stats(profile).total_calls


def test_actor_work_grows_linearly_on_a_long_line_with_no_sentence_break(pipeline):
    _calls(pipeline, 10)  # tables loaded on first use are not the text's work
    small, large = _calls(pipeline, 120), _calls(pipeline, 240)
    # twice the text, about twice the work (quadratic scanning made it four times, and more)
    assert large / small < 2.3, (small, large)
