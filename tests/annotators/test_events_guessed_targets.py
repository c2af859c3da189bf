"""Events: whom an action with no named target is guessed to be aimed at. The nearest other party of the
sentence is the guess, but not one named in the frame of a report of another's deed, a witness telling
of it, or a relative clause about a noun of another part of the sentence; sentences written here."""

from __future__ import annotations

from event_checks import codes, find

REPORTED_RAIDS = "Brazil told the Security Council on Monday that the Argentine raids threatened the peace."


def test_whom_another_side_reports_a_deed_to_is_no_guessed_target(annotate):
    doc = annotate(REPORTED_RAIDS)
    event = find(doc, "ASSAULT")
    assert codes(event.source) == ["ARG"]
    assert "UN" not in codes(event.target)


def test_the_side_that_reports_a_deed_of_force_stays_the_guessed_target(annotate):
    doc = annotate(REPORTED_RAIDS)
    assert codes(find(doc, "ASSAULT").target) == ["BRA"]


def test_a_witness_to_another_sides_promise_is_no_guessed_target(annotate):
    doc = annotate(
        "The Austrian chancellor told reporters that Hungary had promised to resume gas deliveries."
    )
    event = find(doc, "AGREE")
    assert codes(event.source) == ["HUN"]
    assert "AUT" not in codes(event.target)


def test_a_relative_clause_in_a_side_clause_names_no_guessed_target(annotate):
    doc = annotate("Mali urged calm on Monday, while traders who sell goods to Niger closed their shops.")
    event = find(doc, "REQUEST")
    assert codes(event.source) == ["MLI"]
    assert "NER" not in codes(event.target)


def test_the_nearest_other_party_is_still_the_guess_in_a_plain_side_clause(annotate):
    doc = annotate("Mali urged calm on Monday, while Niger closed the border crossing.")
    event = find(doc, "REQUEST")
    assert codes(event.target) == ["NER"]


def test_a_state_named_in_the_sentence_only_in_a_ruled_out_phrase_is_no_fallback_target(annotate):
    doc = annotate(
        "Togo held a general election on Sunday. Togo's electoral commission counted the votes overnight. "
        "Ghana urged calm on Monday, while traders who sell goods to Togo closed their shops."
    )
    event = find(doc, "REQUEST")
    assert codes(event.source) == ["GHA"]
    assert "TGO" not in codes(event.target)
