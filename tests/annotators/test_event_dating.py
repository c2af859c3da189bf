"""How an event gets its date (annotators/events/dating.py and article_days.py): the report's day for a
promise, the story's day for a headline told in the present, the day a date heading gives the lines under
it, and a day counted from another. Sentences are written for these tests.
"""

from __future__ import annotations

from communique.annotators.events import article_days
from communique.annotators.events.dating import caption_test, story_date
from communique.document import Timex

# 2025-05-28 is a Wednesday.
PUBLISHED = "2025-05-28"


def events_of(doc, etype: str) -> list:
    found = [e for e in doc.events if e.type == etype]
    assert found, f"no {etype} in {[(e.type, e.trigger) for e in doc.events]}"
    return found


def test_an_intent_stated_in_the_past_takes_the_day_of_its_report(annotate):
    text = "Chile's foreign minister said on Tuesday that Santiago wanted to continue negotiations with Lima."
    doc = annotate(text, published=PUBLISHED)
    assert [e.date for e in events_of(doc, "AGREE")] == ["2025-05-27"]


def test_a_promise_reported_in_the_past_was_made_on_the_day_of_the_report(annotate):
    doc = annotate("Peru said it would release 20 Chilean fishermen.", published=PUBLISHED)
    promise = events_of(doc, "AGREE")[0]
    assert promise.modality == "future" and promise.date == PUBLISHED


def test_a_promise_with_a_day_of_its_own_was_made_on_its_reports_day_and_keeps_its_plan(annotate):
    doc = annotate("Peru's president said on Monday he would visit Chile next week.", published=PUBLISHED)
    promise = events_of(doc, "AGREE")[0]
    assert promise.date == "2025-05-26" and promise.planned is not None and promise.planned.date == "2025-W23"
    doc = annotate("Chile will hold talks with Peru on June 10.", published=PUBLISHED)
    plan = events_of(doc, "AGREE")[0]
    assert plan.date is None and plan.planned.date == "2025-06-10"  # no report, no day of promising


def test_a_deed_still_to_come_takes_no_date_from_its_report(annotate):
    doc = annotate("Peru said it planned to ask Chile for the return of the fishermen.", published=PUBLISHED)
    assert all(e.date is None for e in doc.events if e.modality == "future"), [
        (e.type, e.modality, e.date) for e in doc.events]


def test_a_threat_reported_in_the_past_perfect_takes_the_day_of_the_report(annotate):
    doc = annotate("Chile had said on Friday that it would walk away from the talks unless Peru withdrew "
                   "its troops from the border.", published=PUBLISHED)
    assert events_of(doc, "THREATEN")[0].date == "2025-05-23"


def test_a_headline_told_in_the_present_is_the_story_of_the_day_the_lead_gives(annotate):
    text = ("Peru backs Chile's bid to host summit\n\n"
            "LIMA (Wire) - Peru agreed on Tuesday not to oppose Chile's bid to host next year's regional "
            "summit, officials said.")
    doc = annotate(text, published=PUBLISHED)
    assert [e.date for e in events_of(doc, "SUPPORT")] == ["2025-05-27"]


def test_a_present_tense_action_outside_the_opening_gets_no_story_day(annotate):
    text = ("Chile and Peru signed a trade accord on Tuesday after two years of talks, officials said.\n\n"
            "Officials in both capitals expect trade to grow next year. Customs officers are being "
            "trained. Ports are preparing for more traffic. Peru backs Chile's bid to host the summit.")
    doc = annotate(text, published=PUBLISHED)
    assert all(e.date is None for e in doc.events if e.type == "SUPPORT")


def test_a_date_heading_dates_the_paragraphs_under_it(annotate):
    text = ("Chile and Peru traded accusations over the border this week, officials in both capitals "
            "said.\n\nMay 26:\nChile accused Peru of moving troops to the border.\n\n"
            "May 27:\nPeru accused Chile of spying on its embassy.")
    doc = annotate(text, published=PUBLISHED)
    dates = {e.source[0].country: e.date for e in events_of(doc, "ACCUSE")}
    assert dates == {"CHL": "2025-05-26", "PER": "2025-05-27"}


def test_a_date_heading_dates_list_items_told_in_the_present(annotate):
    text = ("Chile and Peru traded accusations over the border this week, officials in both capitals "
            "said.\n\nMay 26:\n- Chile accuses Peru of moving troops to the border\n"
            "- Peru rejects the claim as a lie\n\n"
            "May 27:\n- Peru accuses Chile of spying on its embassy")
    doc = annotate(text, published=PUBLISHED)
    assert events_of(doc, "REJECT")[0].date == "2025-05-26"
    dates = {e.source[0].country: e.date for e in events_of(doc, "ACCUSE")}
    assert dates == {"CHL": "2025-05-26", "PER": "2025-05-27"}


def test_a_day_counted_from_the_last_day_named_dates_its_own_clause(annotate):
    doc = annotate("Chile and Peru signed a border treaty on Monday. Two days later, Peru accused Bolivia of "
                   "spying on its embassy.", published="2025-05-30")
    assert events_of(doc, "ACCUSE")[0].date == "2025-05-28"


def test_a_time_between_a_verb_of_saying_and_its_clause_dates_the_saying(annotate):
    # the parser may hang "on Tuesday" on the reported clause; the clause's own day wins
    text = "Uruguay's envoy said on Tuesday he had met Paraguay's envoy on May 20."
    doc = annotate(text, published=PUBLISHED)
    assert [e.date for e in events_of(doc, "CONSULT")] == ["2025-05-20"]


def test_the_day_before_dates_its_own_clause_not_the_coordinated_one(annotate):
    text = ("Bolivia said on Tuesday it had met Peru on May 20, and that Ecuador "
            "had praised Peru the day before.")
    doc = annotate(text, published=PUBLISHED)
    assert [e.date for e in events_of(doc, "SUPPORT")] == ["2025-05-19"]
    assert [e.date for e in events_of(doc, "CONSULT")] == ["2025-05-20"]


def test_a_demand_reported_as_what_another_must_do_takes_the_day_it_was_said(annotate):
    text = ("Norway stressed that aid convoys in Sudan should be let through, "
            "its foreign minister said on Tuesday.")
    doc = annotate(text, published=PUBLISHED)
    assert [e.date for e in events_of(doc, "REQUEST")] == ["2025-05-27"]


def test_a_clause_some_days_after_another_happened_that_many_days_before_it(annotate):
    text = "Uruguay accused Paraguay on May 23, two days after Paraguay had criticised Uruguay."
    doc = annotate(text, published=PUBLISHED)
    assert sorted(e.date for e in events_of(doc, "ACCUSE")) == ["2025-05-21", "2025-05-23"]


def test_a_photo_caption_above_the_lead_does_not_date_the_story(annotate, pipeline):
    text = ("Chile and Peru sign trade accord\n"
            "The Chilean foreign minister testifies before a Senate panel in Santiago on May 2, 2025.\n"
            "Chile and Peru signed a trade accord on Tuesday after two years of talks, officials said.")
    doc = annotate(text, published=PUBLISHED)
    parsed = pipeline.nlp(doc.text)
    assert story_date(parsed, doc.text, doc.timexes, PUBLISHED) == "2025-05-27"


def test_a_lead_in_the_present_of_a_verb_of_saying_is_no_caption(pipeline):
    text = "Peru says its navy seized a Chilean trawler off the coast of Arica."
    parsed = pipeline.nlp(text)
    line = article_days.lines(text)[0]
    assert not caption_test(parsed)(line)


def test_headline_and_byline_lines_come_before_the_lead():
    text = ("Peru backs Chile's bid\n\nBy Ana Ruiz\n\n"
            "LIMA - Peru agreed on Tuesday not to oppose the bid, officials said.")
    lead = article_days.lead_line(text)
    assert lead is not None and lead.text.startswith("LIMA - Peru agreed")
    assert article_days.opening_end(text) == len(text)


def test_a_list_item_is_not_a_heading_that_ends_the_section():
    text = ("Officials in both capitals reported new incidents this week.\n\n"
            "May 26:\n- Shots fired\n- A border post closed")
    start = text.index("May 26")
    sections = article_days.dated_sections(text, [Timex("May 26", start, start + 6, "DATE", "2025-05-26")])
    assert len(sections) == 1 and sections[0].end == len(text)


def test_a_caption_between_paragraphs_is_not_a_date_heading(annotate):
    text = ("Chile and Peru signed a trade accord on Tuesday after two years of talks, officials said.\n\n"
            "The Peruvian envoy speaks in Lima on May 2\n\n"
            "Later, Peru accused Bolivia of trying to block the accord.")
    doc = annotate(text, published=PUBLISHED)
    assert events_of(doc, "ACCUSE")[0].date == "2025-05-27"


def test_a_quoted_statement_standing_alone_is_of_the_day_its_report_gives(annotate):
    text = (
        "Bolivia and Paraguay agreed to reopen the border, the Argentine ministry said on Tuesday.\n\n"
        '"As hosts, Argentina and Uruguay thank both delegations and remain ready to help them further."'
    )
    doc = annotate(text, published=PUBLISHED)
    thanks = [e for e in events_of(doc, "SUPPORT") if e.evidence.start >= text.index('"As hosts')]
    assert thanks and all(e.date == "2025-05-27" for e in thanks)  # the statement's day: Tuesday


def test_an_unquoted_present_outside_the_lead_stays_undated(annotate):
    text = (
        "Bolivia and Paraguay agreed on Tuesday to reopen the border, officials said.\n\n"
        "Trucks crossed the bridge later in the day.\n\n"
        "Argentina and Uruguay back the deal and offer help."
    )
    doc = annotate(text, published=PUBLISHED)
    later = [e for e in doc.events if e.evidence.start > text.index("Argentina and Uruguay")]
    assert all(e.date is None for e in later)


def test_the_leads_action_keeps_the_storys_day_against_a_background_one_of_another_year(annotate):
    text = (
        "Chilean jets have bombed a Peruvian border post, killing four guards.\n\n"
        "Officials in Lima called it the worst clash in years. Chilean jets bombed the same post in "
        "March 2019, when six soldiers died."
    )
    doc = annotate(text, published=PUBLISHED)
    strikes = [e for e in doc.events if e.type == "ASSAULT"]
    assert strikes and strikes[0].date == PUBLISHED  # the first record of the pair is the story's
    assert any(e.date == "2019-03" for e in strikes)  # the background strike is a record of its own


def test_the_leads_action_takes_a_date_of_the_same_week_told_further_down(annotate):
    text = (
        "Chilean jets have bombed a Peruvian border post, killing four guards.\n\n"
        "Officials in Lima called it the worst clash in years. The jets bombed the post on Monday."
    )
    doc = annotate(text, published=PUBLISHED)
    strikes = [e for e in doc.events if e.type == "ASSAULT"]
    assert [e.date for e in strikes] == ["2025-05-26"]


def test_a_headline_participle_tells_the_storys_action(annotate):
    text = (
        "Peruvian border guard killed in Chilean air strike\n\n"
        "LIMA (Wire) - Peru summoned the Chilean ambassador on Wednesday over the raid."
    )
    doc = annotate(text, published=PUBLISHED)
    headline = [e for e in doc.events if e.type == "ASSAULT" and e.evidence.start < text.index("LIMA")]
    assert headline and headline[0].date == PUBLISHED


def test_an_act_caused_by_a_past_verb_happened_when_that_verb_says(annotate):
    text = "Chile and Peru signed a border deal on Monday. The clashes prompted Bolivia to reopen its border."
    doc = annotate(text, published=PUBLISHED)
    after = text.index("The clashes")
    reopened = [e for e in doc.events if e.evidence.start >= after and e.type == "CONCEDE"]
    assert reopened and reopened[0].date == "2025-05-26"


def test_a_statements_participle_is_dated_as_the_statement(annotate):
    text = (
        "Chile and Peru signed a border deal on Monday. Chile's president said in a statement thanking Peru "
        "for its patience that the deal was fair."
    )
    doc = annotate(text, published=PUBLISHED)
    thanks = [e for e in doc.events if e.type == "SUPPORT"]
    assert thanks and thanks[0].date == "2025-05-26"


def test_a_day_heading_over_a_list_dates_its_items_even_with_no_prose_above(annotate):
    text = (
        "How the row unfolded\n\n"
        "Tuesday, May 20\n"
        "- Peru recalls its ambassador from Bolivia.\n"
        "- Bolivia condemns the move.\n\n"
        "Thursday, May 22\n"
        "- Chile offers to mediate between Peru and Bolivia."
    )
    doc = annotate(text, published=PUBLISHED)
    dates = {e.type: e.date for e in doc.events}
    assert dates.get("ACCUSE") == "2025-05-20"
    assert dates.get("AGREE") == "2025-05-22"
    recall = [e for e in doc.events if e.evidence.start < text.index("- Bolivia")]
    assert recall and all(e.date == "2025-05-20" for e in recall)


def test_a_clause_on_a_dated_event_noun_happened_on_that_date(annotate):
    text = "Police have hunted him since the March 2019 bombing of a Lima market that killed two guards."
    doc = annotate(text, published=PUBLISHED)
    killing = [e for e in doc.events if e.type == "ASSAULT"]
    assert killing and killing[0].date == "2019-03"


def test_a_deed_at_the_midnight_that_opens_a_day_happens_on_that_day(annotate):
    doc = annotate(
        "Chile imposed new sanctions on Peru on Monday. Chilean officials said the sanctions took effect "
        "at midnight.",
        published="2024-03-06",
    )
    (sanction,) = [e for e in doc.events if e.type == "SANCTION"]
    assert sanction.date == "2024-03-04"


def test_an_adjective_of_time_on_a_noun_does_not_date_the_clause(annotate):
    # "current" (a TIMEX3 PRESENT_REF) describes the host; the talks still take the report's day
    text = (
        "Peru and Chile held talks in Lisbon hosted by Portugal's prime minister, "
        "the current chair of the regional bloc, where both sides agreed to reopen the border."
    )
    doc = annotate(text, published=PUBLISHED)
    assert [e.date for e in events_of(doc, "CONSULT")] == [PUBLISHED]


def test_a_date_modifying_a_noun_dates_that_noun_not_the_clause(annotate):
    doc = annotate("Peru and Chile resumed border talks on Wednesday in Lima. Chile kept up its criticism of "
                   "Monday's vote in the Peruvian senate.", published=PUBLISHED)
    assert events_of(doc, "ACCUSE")[0].date == PUBLISHED
    doc = annotate("Peru and Chile resumed border talks on Wednesday in Lima. Peru welcomed Monday's release "
                   "of the fishermen.", published=PUBLISHED)
    assert events_of(doc, "SUPPORT")[0].date == PUBLISHED
    doc = annotate("Peru and Chile resumed talks on Wednesday. Peru accused Chile of ordering the 2019 raid "
                   "on its border post.", published=PUBLISHED)
    assert events_of(doc, "ACCUSE")[0].date == PUBLISHED


def test_a_date_given_to_a_background_noun_does_not_carry_the_narrative(annotate):
    doc = annotate("Chile's president hosted Peru's president in Santiago on Tuesday, a change from their "
                   "tense meeting in February. Peru thanked Chile for its help with the floods.",
                   published=PUBLISHED)
    assert events_of(doc, "SUPPORT")[0].date == "2025-05-27"


def test_a_deed_after_the_midnight_of_the_report_day_is_of_that_day(annotate):
    doc = annotate("Chile launched air strikes on rebel camps in Peru after midnight on 28 May.",
                   published=PUBLISHED)
    strike = events_of(doc, "ASSAULT")[0]
    assert (strike.date, strike.planned) == (PUBLISHED, None)


def test_the_articles_title_repeated_with_a_full_stop_is_its_headline_not_its_lead(annotate, pipeline):
    title = "Peru says it is calling home its ambassador to Chile over a fishing dispute"
    text = (f"{title}.\n\nPeru is calling home its ambassador to Chile, the foreign ministry in Lima said. "
            "The decision followed a clash between fishing boats off Arica on Monday.")
    doc = annotate(text, published=PUBLISHED, title=title)
    parsed = pipeline.nlp(doc.text)
    assert story_date(parsed, doc.text, doc.timexes, PUBLISHED) == PUBLISHED  # without the title
    assert story_date(parsed, doc.text, doc.timexes, PUBLISHED, title) == "2025-05-26"


def test_a_lead_paragraph_of_one_sentence_goes_on_into_the_next_for_the_story_day():
    text = ("Chile and Peru agreed to reopen their border crossings, ending a month-long closure.\n\n"
            "Ministers from both sides signed the accord in Arica on Monday after two days of talks.\n\n"
            "The closure had stranded hundreds of lorries on Friday, May 2.")
    monday, friday = text.index("Monday"), text.index("Friday, May 2")
    timexes = [Timex(text="Monday", start=monday, end=monday + 6, type="DATE", value="2025-05-26"),
               Timex(text="Friday, May 2", start=friday, end=friday + 13, type="DATE", value="2025-05-02")]
    assert article_days.story_day(text, timexes, PUBLISHED) == "2025-05-26"


def test_an_action_told_over_a_stretch_up_to_now_has_no_single_day(annotate):
    doc = annotate("In recent months, Chile has repeatedly accused Peru of spying.", published=PUBLISHED)
    assert events_of(doc, "ACCUSE")[0].date is None
    doc = annotate("Over the past week, Chile attacked Peruvian border posts three times.",
                   published=PUBLISHED)
    assert events_of(doc, "ASSAULT")[0].date is None
    doc = annotate("Chile attacked a Peruvian border post last week.", published=PUBLISHED)
    assert events_of(doc, "ASSAULT")[0].date == "2025-W21"


def test_an_event_named_as_the_subject_of_the_clause_gives_it_its_day(pipeline):
    from communique.annotators.events.dating import date_and_plan

    cases = [("The Friday bombing in Lima killed 40 people.", "Friday", "2025-05-23"),
             ("The bombing, on May 23, killed 40 people in Lima.", "May 23", "2025-05-23"),
             ("Peru welcomed the exchange of prisoners over the weekend.", "the weekend", None)]
    for text, when, expected in cases:
        parsed = pipeline.nlp(text)
        at = text.index(when)
        timexes = [Timex(text=when, start=at, end=at + len(when), type="DATE", value="2025-05-23")]
        verb = next(t for t in parsed if t.lemma_ in ("kill", "welcome"))
        noun = next(t for t in parsed if t.lower_ in ("bombing", "exchange"))
        date, _, _ = date_and_plan(verb, parsed, timexes, PUBLISHED, other_triggers=frozenset({noun.i}))
        assert date == expected, text


def test_an_initial_does_not_end_a_lead_sentence():
    text = ("Leaders condemn N. Korea test, vow a firm answer.\n\n"
            "The council on Monday condemned the test and pledged new sanctions against the regime.")
    monday = text.index("Monday")
    timexes = [Timex(text="Monday", start=monday, end=monday + 6, type="DATE", value="2025-05-26")]
    assert article_days.story_day(text, timexes, PUBLISHED) == "2025-05-26"


def test_a_when_clause_shares_the_day_of_the_clause_it_modifies(annotate):
    doc = annotate("Peru and Chile resumed talks on Tuesday. On May 2, when Chilean rebels attacked the "
                   "port, Peru closed the border.", published=PUBLISHED)
    assert events_of(doc, "ASSAULT")[0].date == "2025-05-02"


def test_an_action_a_phase_verb_introduces_happens_when_that_verb_says(annotate):
    doc = annotate("Peru and Chile resumed talks on Tuesday. Chile began to withdraw its troops from the "
                   "border.", published=PUBLISHED)
    assert events_of(doc, "RETREAT")[0].date == "2025-05-27"


def test_an_agreement_to_meet_on_a_later_day_is_dated_by_the_narrative_and_keeps_the_plan(annotate):
    doc = annotate("Chile and Peru resumed talks on Tuesday. They agreed to meet again on June 10.",
                   published=PUBLISHED)
    agreement = events_of(doc, "AGREE")[0]
    assert (agreement.date, agreement.planned.date) == ("2025-05-27", "2025-06-10")


def test_an_action_done_over_and_over_or_at_an_unknown_remove_takes_no_day(annotate):
    doc = annotate("Peru's president has repeatedly accused Chile of spying, a Peruvian official said on "
                   "Monday.", published=PUBLISHED)
    assert [e.date for e in events_of(doc, "ACCUSE")] == [None]
    doc = annotate("Peru and Chile resumed talks on Tuesday. Chile has since rejected a Peruvian request for "
                   "a ceasefire.", published=PUBLISHED)
    assert [e.date for e in events_of(doc, "REJECT")] == [None]


def test_an_adverb_of_an_unknown_remove_yields_to_a_date_the_clause_gives(annotate):
    doc = annotate("Peru and Chile resumed talks on Tuesday. Chile had previously rejected a Peruvian "
                   "request for a ceasefire in March.", published=PUBLISHED)
    assert [e.date for e in events_of(doc, "REJECT")] == ["2025-03"]


def test_a_past_perfect_with_no_date_of_its_own_takes_not_the_narratives_day(annotate):
    doc = annotate("Peru accused Chile of spying on Monday. Chile had rejected a Peruvian request for talks.",
                   published=PUBLISHED)
    assert [e.date for e in events_of(doc, "ACCUSE")] == ["2025-05-26"]
    assert [e.date for e in events_of(doc, "REJECT")] == [None]


def test_a_reported_past_perfect_still_takes_its_reports_day(annotate):
    doc = annotate("Peru said on Monday that Chile had rejected its request for talks.", published=PUBLISHED)
    assert [e.date for e in events_of(doc, "REJECT")] == ["2025-05-26"]


def test_a_time_after_a_judged_deed_dates_that_deed_and_one_before_it_the_judgement(annotate):
    doc = annotate("Peru on Saturday condemned two bomb attacks by Chilean rebels in Lima on Friday.",
                   published=PUBLISHED)
    assert [e.date for e in events_of(doc, "ACCUSE")] == ["2025-05-24"]
    assert [e.date for e in events_of(doc, "ASSAULT")] == ["2025-05-23"]


def test_a_deed_named_as_what_the_clause_comes_ahead_of_takes_not_the_clauses_day(annotate):
    doc = annotate("Just ahead of the Peruvian president's visit to Chile, Chile's foreign ministry on "
                   "Sunday issued a warning to Peru.", published=PUBLISHED)
    # the visit is still ahead (a plan to meet, or the talks themselves): either way it has no day yet
    visits = [e for e in doc.events if e.trigger == "visit"]
    assert visits and [e.date for e in visits] == [None]


def test_a_deed_a_stretch_of_time_before_the_clause_takes_not_the_clauses_day(annotate):
    doc = annotate("Peruvian police arrested 12 Chilean fishermen on Sunday. The arrests came two weeks "
                   "after a Chilean attack on a Peruvian patrol boat.", published=PUBLISHED)
    assert [e.date for e in events_of(doc, "COERCE")] == ["2025-05-25"]
    assert [e.date for e in events_of(doc, "ASSAULT")] == [None]


def test_a_deed_before_a_dated_action_takes_not_that_actions_day(annotate):
    doc = annotate("Chile and Peru held talks in Lima on Monday. Peru condemned Chile on Tuesday. Before the "
                   "talks, Peru had recalled its ambassador from Chile.", published=PUBLISHED)
    assert [e.date for e in events_of(doc, "SANCTION")] == [None]


def test_a_stressed_past_is_narrated_past_and_a_determiner_names_a_known_deed(pipeline):
    from communique.annotators.events.dating import definite_noun, narrated_past, sequence_object

    parsed = pipeline.nlp("But the meeting did produce one accord ahead of the vote.")
    meeting, produce, vote = (next(t for t in parsed if t.text == w) for w in ("meeting", "produce", "vote"))
    assert narrated_past(produce) and definite_noun(meeting)
    ahead = frozenset({"ahead of"})
    assert sequence_object(vote, ahead) and not sequence_object(meeting, ahead)
    assert not narrated_past(pipeline.nlp("They do produce accords.")[2])


COLUMN = ("I have covered the quarrels between Peru and Chile for a decade, and I have rarely seen them this "
          "bitter. My friends in Lima say the same.\n\nThe mood was different once. The two capitals traded "
          "students and football teams.\n\nChile expelled two Peruvian diplomats, and Peru accused Chile of "
          "spying.\n")
REPORT = ("The quarrel between Peru and Chile has grown bitter, diplomats in Lima say. Both capitals have "
          "recalled envoys.\n\nThe mood was different once. The two capitals traded students and football "
          "teams.\n\nChile expelled two Peruvian diplomats, and Peru accused Chile of spying.\n")


def test_a_columns_undated_deeds_past_its_lead_take_no_story_day(annotate):
    column, report = annotate(COLUMN, published=PUBLISHED), annotate(REPORT, published=PUBLISHED)
    assert [e.date for e in events_of(column, "SANCTION")] == [None]
    assert [e.date for e in events_of(report, "SANCTION")] == [PUBLISHED]


def test_a_quoted_i_makes_no_column(annotate):
    quoted = REPORT.replace("Chile expelled", '"I was shocked, I was," my friend said. Chile expelled', 1)
    assert [e.date for e in events_of(annotate(quoted, published=PUBLISHED), "SANCTION")] == [PUBLISHED]


def test_a_clause_a_stretch_before_an_undated_one_has_no_day_the_text_gives(annotate):
    doc = annotate("Nearly a week after Chilean police shot a Peruvian student, Lima remains tense.",
                   published=PUBLISHED)
    assert [e.date for e in events_of(doc, "ASSAULT")] == [None]
    doc = annotate("Peru and Chile held talks on Monday. Two days after Chile expelled two Peruvian "
                   "diplomats, Peru recalled its envoy.", published=PUBLISHED)
    assert sorted(e.trigger for e in events_of(doc, "SANCTION") if e.date is None) == ["expelled"]


def test_a_deed_judged_past_the_lead_takes_the_day_the_text_gave_it_not_the_judgements(annotate):
    lead = "Peru and Chile resumed border talks in Lima on Wednesday, officials said.\n\n"
    doc = annotate(lead + "Peru on Saturday condemned the attacks by Chilean rebels on its embassies.",
                   published=PUBLISHED)
    assert [e.date for e in events_of(doc, "ACCUSE")] == ["2025-05-24"]
    assert [e.date for e in events_of(doc, "ASSAULT")] == [None]


def test_a_deed_done_to_a_deed_shares_its_time(annotate):
    doc = annotate("In 1998, Peruvian troops repelled a Chilean invasion of the border province.",
                   published=PUBLISHED)
    assert {e.date for e in doc.events} == {"1998"}


def test_a_deed_named_inside_another_deeds_phrase_takes_not_the_clauses_day(pipeline):
    from communique.annotators.events.dating import inside_another

    parsed = pipeline.nlp("Tarvian officers confirmed on Sunday the arrest of a student in the shooting of a "
                          "border guard.")
    arrest, shooting, police = (next(t for t in parsed if t.text == w)
                                for w in ("arrest", "shooting", "officers"))
    assert inside_another(shooting, frozenset({arrest.i}))
    assert not inside_another(arrest, frozenset({shooting.i}))
    assert not inside_another(police, frozenset({arrest.i}))


def test_a_day_a_state_lasts_until_is_not_the_day_of_an_action(annotate):
    doc = annotate("Until Thursday, Peru has refused to release the Chilean fishermen.", published=PUBLISHED)
    assert [e.date for e in events_of(doc, "REJECT")] == [None]


def test_a_deed_lent_an_old_narrative_year_is_not_the_same_deed_dated_years_later(annotate):
    text = ("Peru protests to Chile over border post\n\n"
            "LIMA (Wire) - Peru lodged a protest with Chile over a border post, the ministry said.\n\n"
            "In 2010, Chile expelled Peru's ambassador. "
            "Chilean troops then attacked a Peruvian post near Tacna. "
            "On Saturday, Chilean troops attacked a Peruvian post near Tacna, officials said.")
    attacks = events_of(annotate(text, published=PUBLISHED), "ASSAULT")
    assert sorted(e.date for e in attacks) == ["2010", "2025-05-24"], [(e.date, e.mentions) for e in attacks]


def test_a_deed_told_again_with_its_day_takes_that_day_over_the_story_day_it_was_lent(annotate):
    text = ("Chile and Peru hold talks\n\n"
            "SANTIAGO (Wire) - Chile and Peru held border talks, officials said.\n\n"
            "The talks were held on Monday in Arica, the ministry said.")
    talks = events_of(annotate(text, published=PUBLISHED), "CONSULT")
    assert [(e.date, len(e.mentions)) for e in talks] == [("2025-05-26", 3)]
