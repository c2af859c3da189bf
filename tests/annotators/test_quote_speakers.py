"""Quote speakers through the shared reference service and syntax module: joint speakers, nested
attribution, titles, inverted frames, and speakers that cannot speak. Sentences written for these tests."""

from __future__ import annotations


def speakers(doc) -> dict[str, str | None]:
    """First words of each quote -> its speaker's name."""
    return {q.text.split()[0]: (q.speaker.name if q.speaker else None) for q in doc.quotes}


def only_speaker(doc) -> str:
    (quote,) = doc.quotes
    return quote.speaker.name


# ---------------------------------------------------------------- who does the saying


def test_two_states_saying_the_words_together_are_one_joint_speaker(annotate):
    doc = annotate("“The crossings will reopen,” Ghana and Togo said on Monday.")
    (quote,) = doc.quotes
    assert quote.speaker.name == "Ghana and Togo"
    assert quote.speaker.actor_id is None  # no single actor said it


def test_the_holders_of_an_office_of_two_states_are_one_joint_speaker(annotate):
    doc = annotate("“We stand together,” the foreign ministers of Chile and Peru said on Monday.")
    (quote,) = doc.quotes
    assert quote.speaker.name == "foreign ministers of Chile and Peru"
    assert quote.speaker.country is None


def test_each_name_of_a_coordination_speaks_as_itself_not_as_the_state_it_is_of(annotate):
    doc = annotate("Ana Ruiz and Tomas Vidal of Peru said they would “stand together.”")
    (quote,) = doc.quotes
    assert quote.speaker.name == "Ana Ruiz and Tomas Vidal"


def test_according_to_a_reporter_the_words_of_a_verb_of_saying_are_its_subjects(annotate):
    doc = annotate(
        "According to the Chilean embassy, Minister Ana Ruiz said the proposal was "
        "“not worth the paper it is written on.”"
    )
    assert only_speaker(doc) == "Ana Ruiz"


def test_according_to_a_reporter_what_a_speech_act_is_about_is_the_reporters_wording(annotate):
    doc = annotate(
        "According to the Chilean Foreign Ministry, Minister Ana Ruiz briefed her guests on "
        "“a timetable for the withdrawal of troops.”"
    )
    assert "Foreign Ministry" in only_speaker(doc)


def test_the_name_right_after_an_inverted_verb_is_its_subject_not_a_later_name(annotate):
    doc = annotate(
        "“The vote will go ahead,” said Ana Ruiz after the meeting, with both of her deputies beside her: "
        "Tomas Vidal and Marta Gil."
    )
    assert only_speaker(doc) == "Ana Ruiz"


def test_a_relative_pronoun_beside_a_named_subject_belongs_to_the_reported_clause(annotate):
    doc = annotate(
        "The council passed a budget on Monday, which Mayor Tom Hardy said would bring "
        "“relief to every family” in the city."
    )
    assert only_speaker(doc) == "Tom Hardy"


def test_what_a_request_puts_into_anothers_mouth_is_the_requesters_wording(annotate):
    doc = annotate(
        "The chairman, Mark Ellis, urged Minister Ana Berg to describe the deal as "
        "“a betrayal of our farmers.”"
    )
    assert only_speaker(doc) == "Mark Ellis"


def test_the_object_of_a_causing_verb_speaks_for_itself(annotate):
    doc = annotate("The scandal prompted Minister Ana Berg to call the deal “a betrayal of our farmers.”")
    assert only_speaker(doc) == "Ana Berg"


def test_the_passive_agent_of_a_verb_of_saying_is_the_speaker_not_its_hearer(annotate):
    doc = annotate(
        "The reporters were told by Minister Ana Ruiz that the border would “stay shut until spring.”"
    )
    assert only_speaker(doc) == "Ana Ruiz"


# ---------------------------------------------------------------- titles and offices


def test_a_bare_title_names_the_person_the_text_introduced_with_it(annotate):
    doc = annotate(
        "The hearing was chaired by the chief mediator of the regional bloc, Amadou Keita, a retired "
        "Malian judge. The chief mediator said the delegates were “closer than ever.”"
    )
    assert only_speaker(doc) == "Amadou Keita"


def test_a_title_described_with_the_words_the_text_gave_the_last_speaker_is_that_speaker(annotate):
    doc = annotate(
        "“We have a deal,” former Ghanaian Prime Minister John Mensah told the crowd on Friday. "
        "Hours later the former Ghanaian premier wrote that both sides would “keep their word.”"
    )
    assert speakers(doc) == {"We": "John Mensah", "keep": "John Mensah"}


def test_a_title_of_a_state_names_its_office_holder(annotate):
    doc = annotate("“The vote was clean,” the Peruvian foreign minister said on Sunday.")
    (quote,) = doc.quotes
    assert (quote.speaker.name, quote.speaker.country) == ("Peruvian foreign minister", "PER")


def test_an_unnamed_official_is_named_by_the_noun_phrase(annotate):
    doc = annotate("“Nothing is settled yet,” a senior Western diplomat said.")
    assert only_speaker(doc) == "senior Western diplomat"


# ---------------------------------------------------------------- who cannot speak


def test_a_bare_title_the_text_never_resolves_is_left_without_a_speaker(annotate):
    assert annotate("“Nothing is settled yet,” the spokesman said.").quotes == []


def test_a_thing_that_says_something_does_not_hand_the_quote_to_the_previous_speaker(annotate):
    doc = annotate(
        "“Talks will resume in May,” Senator Ana Ruiz said. "
        "“The harvest will be late this year and prices will rise,” the weather forecast said."
    )
    assert speakers(doc) == {"Talks": "Ana Ruiz"}


def test_an_event_named_as_subject_is_no_speaker(annotate):
    doc = annotate(
        "The summit, which lasted two days, said little; the final talks ended in “a spirit of trust.”"
    )
    assert all(q.speaker is None or "talks" not in q.speaker.name for q in doc.quotes)


def test_a_place_that_qualifies_a_speaker_is_not_the_speaker(annotate):
    doc = annotate("“The water is safe to drink,” the Dayton police chief Carl Moss said.")
    assert only_speaker(doc) == "Carl Moss"


# ---------------------------------------------------------------- headlines


def test_a_headline_quoting_the_body_takes_the_body_quotes_speaker(annotate):
    title = "‘Fair and complete’: recount begins in the north"
    text = (
        f"{title}\n\nGovernor Ann Cole said on Monday that the recount would be "
        "“fair and complete in every county.”"
    )
    doc = annotate(text, title=title)
    assert [(q.text, q.speaker.name) for q in doc.quotes] == [
        ("Fair and complete", "Ann Cole"),
        ("fair and complete in every county.", "Ann Cole"),
    ]


def test_a_headline_speaker_named_by_a_bare_title_is_the_body_quotes_speaker(annotate):
    title = "Recount will be ‘fair and complete’, governor promises"
    text = (
        f"{title}\n\nGovernor Ann Cole said on Monday that the recount would be "
        "“fair and complete in every county.”"
    )
    doc = annotate(text, title=title)
    assert [q.speaker.name for q in doc.quotes] == ["Ann Cole", "Ann Cole"]


def test_a_headline_quotation_the_body_never_quotes_stays_without_a_speaker(annotate):
    title = "‘Fair and complete’: recount begins in the north"
    text = (
        f"{title}\n\nGovernor Ann Cole said on Monday that the recount would end in “a week or two” at most."
    )
    doc = annotate(text, title=title)
    assert [q.text for q in doc.quotes] == ["a week or two"]


# ---------------------------------------------------------------- datelines and signatures


def test_a_dateline_the_parser_took_for_a_second_subject_is_not_the_speaker(annotate):
    doc = annotate(
        "QUITO, May 28 (Reuters) - Peru's foreign minister said on Wednesday that talks would resume "
        "“as soon as the guns fall silent.”"
    )
    (quote,) = doc.quotes
    assert quote.speaker.country == "PER"
    assert "QUITO" not in quote.speaker.name


def test_a_signature_on_the_line_below_names_the_speaker(annotate):
    doc = annotate("“We will not give an inch.”\n— Interior Minister Pablo Ortiz, in a statement on Friday")
    assert only_speaker(doc) == "Pablo Ortiz"


def test_a_line_below_that_opens_with_a_dash_but_names_no_person_signs_nothing(annotate):
    doc = annotate("Notes from the day:\n“The corridor will open soon.”\n— Peace talks continue in Quito.")
    assert doc.quotes == []


def test_titles_that_share_one_article_describe_one_speaker(annotate):
    doc = annotate(
        "Governor Ann Cole won the primary in May. In a farm town on Tuesday, the governor and party "
        "nominee promised to campaign “in every county of the state.”"
    )
    assert only_speaker(doc) == "Ann Cole"


def test_titles_with_an_article_each_are_two_speakers(annotate):
    doc = annotate(
        "Governor Ann Cole and Mayor Tom Hardy met in May. On Tuesday the governor and the mayor said "
        "they would “work together on the budget.”"
    )
    assert only_speaker(doc) == "Ann Cole and Tom Hardy"


def test_a_joint_speaker_of_three_is_named_as_a_list(annotate):
    doc = annotate("“We will meet again in June,” Chile, Peru and Bolivia said in a joint statement.")
    assert only_speaker(doc) == "Chile, Peru and Bolivia"
