"""Quotes: quotation spans, the frames that name the speaker, scare quotes, reported speech."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from communique.annotators.quotes.spans import find_quote_spans


def quote_with(doc, words):
    found = [q for q in doc.quotes if words in q.text]
    assert found, f"no quote with {words!r} in {[q.text for q in doc.quotes]}"
    return found[0]


def speaker_of(doc, words):
    quote = quote_with(doc, words)
    return quote.speaker.name if quote.speaker else None


# ---------------------------------------------------------------- spans (text only)


def texts(text):
    return [s.text(text) for s in find_quote_spans(text)]


def test_straight_and_curly_double_marks_both_open_quotations():
    text = 'He said "we will see" and then “the talks are over.”'
    assert texts(text) == ["we will see", "the talks are over."]


def test_a_single_quote_inside_a_double_one_belongs_to_the_outer_quote():
    text = "She said he “welcomed the ‘one-for-one’ exchange of prisoners.”"
    assert texts(text) == ["welcomed the ‘one-for-one’ exchange of prisoners."]


def test_apostrophes_in_possessives_and_contractions_open_no_quotation():
    text = "Russia's envoy rejected the Ukrainians' demands, and it's not over. He called it 'a farce'."
    assert texts(text) == ["a farce"]


def test_a_quote_over_several_paragraphs_runs_to_the_last_closing_mark():
    text = "He went on:\n“The first point is clear.\n“The second point is clearer,” he said.\nThen he left."
    spans = find_quote_spans(text)
    assert len(spans) == 1
    assert spans[0].text(text) == "The first point is clear.\nThe second point is clearer,"


def test_a_quote_never_closed_ends_with_its_paragraph():
    text = 'The minister added, "Orders went out to every unit at dawn.\nLater that day the talks resumed.'
    spans = find_quote_spans(text)
    assert [s.text(text) for s in spans] == ["Orders went out to every unit at dawn."]
    assert spans[0].close_mark is None


def test_two_apostrophes_are_read_as_a_double_quotation_mark():
    text = "''This is not reform,'' said the economist. ''It is a tax increase.''"
    assert texts(text) == ["This is not reform,", "It is a tax increase."]


def test_mixed_straight_and_curly_marks_still_pair():
    text = '"We are ready,” the envoy said.'
    assert texts(text) == ["We are ready,"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab '\"“”‘’„«»\n.,")), max_size=80))
def test_quotation_spans_stay_inside_the_text_in_order_and_apart(text):
    spans = find_quote_spans(text)
    for span in spans:
        assert 0 <= span.open_mark < span.start <= span.end <= len(text)
        assert span.close_mark is None or span.close_mark >= span.end
    for before, after in zip(spans, spans[1:], strict=False):
        assert before.end <= after.open_mark


# ---------------------------------------------------------------- speakers


def test_a_direct_quote_goes_to_the_subject_of_the_reporting_verb(annotate):
    doc = annotate("“We will not give up a single village,” President Michael Brown said on Monday.")
    quote = quote_with(doc, "single village")
    assert quote.speaker.name == "Michael Brown"
    assert (quote.kind, quote.verb) == ("direct", "say")
    assert doc.text[quote.start : quote.end] == quote.text


def test_a_quote_broken_by_its_attribution_keeps_one_speaker(annotate):
    doc = annotate("“The talks were useful,” Maria Lopez added. “We will meet again in June.”")
    assert speaker_of(doc, "talks were useful") == "Maria Lopez"
    assert speaker_of(doc, "meet again in June") == "Maria Lopez"


def test_inverted_attribution_after_the_quote_names_the_speaker(annotate):
    doc = annotate('"The sanctions are working," said David Gordon, an economist at the institute.')
    assert speaker_of(doc, "sanctions are working") == "David Gordon"


def test_a_colon_introduces_the_quote_of_the_one_before_it(annotate):
    doc = annotate('Peter Hall said: "The agreement will be signed next week."')
    assert speaker_of(doc, "agreement will be signed") == "Peter Hall"


def test_a_colon_introduces_a_quote_in_a_paragraph_of_its_own(annotate):
    doc = annotate(
        "“The vote was fair,” Governor Tom Hardy said.\n\n"
        "On Monday, Senator Anna Holt made the following comment:\n\n"
        "“For young people who have dropped out of school, the unemployment rate is 33 percent.”"
    )
    assert speaker_of(doc, "unemployment rate") == "Anna Holt"


def test_a_partial_quote_goes_to_the_subject_of_its_speech_act_with_whom_it_is_about(annotate):
    doc = annotate(
        "The meeting took place as President John Carter sharpened his tone, "
        "accusing his rival Robert Stone of “lying to the nation.”"
    )
    quote = quote_with(doc, "lying to the nation")
    assert quote.speaker.name == "John Carter"
    assert quote.kind == "partial"
    assert quote.about is not None and quote.about.name.endswith("Stone")


def test_the_verb_of_saying_above_a_speech_act_names_the_speaker(annotate):
    doc = annotate("The Kremlin said on Friday that Putin “welcomed the outline of a pause in fighting.”")
    assert speaker_of(doc, "welcomed the outline") == "Kremlin"


def test_according_to_names_the_speaker_of_its_clause(annotate):
    doc = annotate(
        "According to the Russian Foreign Ministry, Lavrov gave Rubio “a detailed plan for a second round.”"
    )
    assert "Foreign Ministry" in speaker_of(doc, "detailed plan")


def test_a_title_points_back_to_the_person_who_holds_it(annotate):
    doc = annotate(
        "Foreign Minister Anna Berg met her counterpart on Monday.\n"
        "“We have agreed on a timetable,” the foreign minister said."
    )
    assert speaker_of(doc, "agreed on a timetable") == "Anna Berg"


def test_he_said_goes_to_the_latest_speaker(annotate):
    doc = annotate(
        "“The border will stay open,” Prime Minister Thomas Weber said.\n"
        "“We hope there will be no more attacks,” he said."
    )
    assert speaker_of(doc, "no more attacks") == "Thomas Weber"


def test_she_said_after_a_quote_of_several_sentences_goes_to_the_person_the_text_was_about(annotate):
    doc = annotate(
        "“The border will stay open,” Senator Tom Hardy said on Monday.\n\n"
        "On a radio show on Tuesday, Senator Maria Lopez criticized the officer "
        "for shooting an unarmed man.\n\n"
        "“Why does this keep happening? On our own streets? Honestly, it is too much to bear,” she said."
    )
    assert speaker_of(doc, "keep happening") == "Maria Lopez"


def test_a_quote_without_a_frame_goes_to_the_person_the_sentence_before_it_is_about(annotate):
    doc = annotate(
        "“We will win this state,” Governor Tom Hardy said on Monday.\n\n"
        "On a talk show, Senator Maria Lopez named the exhaustion of young voters as a reason for hope. "
        "“The younger people are sick and tired of all this.”"
    )
    assert speaker_of(doc, "sick and tired") == "Maria Lopez"


def test_a_name_modifying_the_subject_is_not_what_he_refers_to(annotate):
    doc = annotate(
        "Macron campaign spokesman Jean Dupont told reporters that the plan would extend to all mothers. "
        "However, he could not explain why the rule was on the website.\n\n"
        "“We do not have the exact text written down,” he said."
    )
    assert speaker_of(doc, "exact text") == "Jean Dupont"


def test_a_quote_standing_alone_continues_the_previous_speaker(annotate):
    doc = annotate(
        "“The first phase starts on Sunday,” said Sarah Klein, the mediator.\n\n"
        "“Both sides have promised to respect the calm.”"
    )
    assert speaker_of(doc, "respect the calm") == "Sarah Klein"


def test_a_statement_without_an_owner_belongs_to_the_last_source_named(annotate):
    doc = annotate(
        "Russia accepted a halt to strikes, "
        "according to a readout of the conversation released by the Kremlin.\n"
        "“The parties agreed to begin negotiations on the details,” the statement said."
    )
    assert speaker_of(doc, "begin negotiations") == "Kremlin"


def test_an_owned_statement_speaks_for_its_owner(annotate):
    doc = annotate("The White House statement says the two governments “will keep the shipping lanes open.”")
    assert speaker_of(doc, "shipping lanes") == "White House"


def test_a_new_speaker_in_the_next_paragraph_closes_a_quote_left_open(annotate):
    doc = annotate(
        "“It is a warning to all of us,” Senator Karen Hill said on Friday. "
        "“If this goes on, nobody will trust the vote.\n"
        "“I have been thinking about this for weeks,” added Senator Paul Reed."
    )
    assert speaker_of(doc, "nobody will trust") == "Karen Hill"
    assert speaker_of(doc, "thinking about this") == "Paul Reed"
    assert "thinking" not in quote_with(doc, "nobody will trust").text


def test_saying_after_by_takes_the_subject_of_the_clause_above(annotate):
    doc = annotate("President Barack Obama responded by saying the issue was “manufactured” by his critics.")
    assert speaker_of(doc, "manufactured") == "Barack Obama"


def test_saying_after_a_coordinated_preposition_takes_the_subject_of_the_verb_above(annotate):
    doc = annotate(
        "Senator Ann Cole appeared at a 2014 hearing for her role in promoting the pills on her show "
        "and for saying that the extract was a “magic cure for every body type.”"
    )
    assert speaker_of(doc, "magic cure") == "Ann Cole"


def test_a_person_named_only_inside_the_quote_is_not_the_he_of_its_frame(annotate):
    doc = annotate(
        'Mr. Obama spoke at length. "My adviser, John Holdren, sends me charts every morning," he said.'
    )
    assert all(q.speaker.name != "John Holdren" for q in doc.quotes)


def test_a_quote_signed_with_a_dash_goes_to_the_name_after_it(annotate):
    doc = annotate("“He does not understand our lives at all.” ― Laura Perez\n")
    assert speaker_of(doc, "understand our lives") == "Laura Perez"


def test_an_unknown_speaker_is_named_by_its_noun_phrase(annotate):
    doc = annotate("“There was no warmth at all,” an observer said.")
    assert speaker_of(doc, "no warmth") == "observer"


def test_editorial_brackets_stay_in_the_quote(annotate):
    doc = annotate("“We will find out whether [the president is] serious,” Mark Evans said on Wednesday.")
    assert "[the president is]" in quote_with(doc, "find out").text


def test_a_transcript_label_names_the_speaker(annotate):
    doc = annotate('Partial transcript as follows:\n\n"WALLACE: Will she be at the debate tonight?"')
    assert speaker_of(doc, "at the debate").lower() == "wallace"


def test_each_transcript_label_opens_a_turn_of_its_own(annotate):
    text = (
        'The interview went on:\n\n"HARPER: Your opponent says the plan is a tax increase.'
        '\n\n"KELLY: That is simply wrong, and the numbers show it.'
        '\n\n"HARPER: Will you release the numbers before the vote?'
        '\n\n"KELLY: We will publish them next week.'
        '\n\n"(CROSSTALK.)'
        '\n\n"HARPER: Thank you, Senator."'
    )
    doc = annotate(text)
    turns = [(q.text.split(":")[0], q.speaker.name.upper()) for q in doc.quotes]
    assert turns == [
        ("HARPER", "HARPER"),
        ("KELLY", "KELLY"),
        ("HARPER", "HARPER"),
        ("KELLY", "KELLY"),
        ("HARPER", "HARPER"),
    ]


def test_a_signed_quotation_takes_the_whole_name_after_the_dash(annotate):
    text = (
        "Readers shared their views after the debate.\n\n"
        "“He does not speak for our community.” ― Nell Carden Grey\n"
        "“I am truly afraid of what comes next.” ― Edwin G. Monroy.\n"
        "“Maybe we can build a wall around him.” ― Beck Pimentel"
    )
    doc = annotate(text)
    assert [q.speaker.name for q in doc.quotes] == ["Nell Carden Grey", "Edwin G. Monroy", "Beck Pimentel"]


def test_a_proper_name_the_recognizer_missed_speaks_through_a_speech_act(annotate):
    doc = annotate("Factcheckr rated the governor's statement about the budget “misleading” on Tuesday.")
    assert speaker_of(doc, "misleading") == "Factcheckr"


def test_the_verb_lemma_is_recovered_when_the_lemmatizer_slips_on_a_past_form(annotate):
    doc = annotate("PolitiFact rated 32 percent of the claims as “false” last year.")
    quote = quote_with(doc, "false")
    assert quote.speaker.name == "PolitiFact"
    assert quote.verb == "rate"


def test_what_a_speaker_calls_an_object_with_as_is_a_quote(annotate):
    doc = annotate("Senator Harry Johnson has been pounding the governor as a “con artist” for weeks.")
    quote = quote_with(doc, "con artist")
    assert quote.speaker.name == "Harry Johnson"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            (
                "Senator Ann Reyes (D-Ore.), in particular, has been steadily pounding Holden "
                "as a “career politician” ― just as she did in 2014."
            ),
            "Ann Reyes",
        ),
        (
            (
                "Mayor Cole (D-Ill.) kept branding his rival Ann Reyes as a “con man” "
                "― a charge he first made in 2012."
            ),
            "Mayor Cole",
        ),
    ],
)
def test_an_object_characterized_as_a_quoted_phrase_is_the_subjects_quote_whatever_the_parse(
    annotate, sentence, speaker
):
    assert annotate(sentence).quotes[0].speaker.name == speaker


def test_a_verb_of_saying_right_before_the_quotation_speaks_it_when_the_parse_hangs_it_elsewhere(annotate):
    doc = annotate(
        "The clip ends with a shot of Holden saying at the town hall on Monday, “That makes me smart,” "
        "when Reyes criticized him for his taxes."
    )
    assert speaker_of(doc, "makes me smart") == "Holden"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            (
                "His fame has not spared him from being seen, "
                "as The Boston Globe put it in a long profile, “the showman.”"
            ),
            "Boston Globe",
        ),
        (
            (
                "As Mark Ellis, a tax lawyer, recently put it, "
                "“Did Holden cut his taxes by legal means, or not?”"
            ),
            "Mark Ellis",
        ),
    ],
)
def test_as_someone_put_it_names_the_speaker(annotate, sentence, speaker):
    assert annotate(sentence).quotes[0].speaker.name == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            (
                "The crime bill prompted Senator Ann Reyes to make a controversial comment "
                "that described the young offenders as “super predators.”"
            ),
            "Ann Reyes",
        ),
        (
            (
                "The chairman, Mark Ellis, urged the minister to describe the deal as "
                "“a betrayal of our farmers.”"
            ),
            "Mark Ellis",
        ),
        ("Holden promised voters to call the tax “a thing of the past.”", "Holden"),
    ],
)
def test_the_object_of_a_causing_verb_does_what_follows_but_a_request_or_promise_stays_the_subjects(
    annotate, sentence, speaker
):
    assert annotate(sentence).quotes[0].speaker.name == speaker


def test_likening_something_to_a_quoted_phrase_is_a_quote(annotate):
    doc = annotate("Another critic, Laura Bennet, likened the new rules to “tearing up the treaty.”")
    assert speaker_of(doc, "tearing up the treaty") == "Laura Bennet"


def test_a_bare_participle_like_compared_to_reports_nobody(annotate):
    doc = annotate(
        "Exports grew by “a record margin,” compared to 11 percent of Democratic states last year."
    )
    assert all(q.verb != "compare" for q in doc.quotes)


def test_a_speech_act_in_an_adverbial_clause_keeps_its_own_speaker(annotate):
    doc = annotate(
        "Kevin was nodding off, and as Senator Mark Doyle went on about “how the vote is fixed,” "
        "Melanie Ross said yes, over and over again."
    )
    assert speaker_of(doc, "vote is fixed") == "Mark Doyle"


def test_a_speech_act_beside_the_verb_of_saying_without_a_subject_of_its_own_yields_to_it(annotate):
    doc = annotate(
        "Foreign Minister Ivan Petrov said that Russia continues the dialogue with Washington "
        "while charging the European Union with “sabotaging every attempt at talks.”"
    )
    assert speaker_of(doc, "sabotaging every attempt") == "Ivan Petrov"


def test_a_phrasal_speech_act_is_found_whatever_its_other_dependents(annotate):
    doc = annotate(
        "In an interview with local media, Ivan Petrov put forward a list of conditions "
        "that Moscow considers “the minimum for any settlement.”"
    )
    assert speaker_of(doc, "minimum for any settlement") == "Ivan Petrov"
    doc = annotate(
        "At the rally in Ohio, Senator Mark Doyle went on about “the forgotten voters” of the Midwest."
    )
    assert speaker_of(doc, "forgotten voters") == "Mark Doyle"


def test_a_dash_the_parser_took_for_a_subject_is_passed_over():
    # the parse of '... made public ― Reeves boasted, "..."' seen in news text, built by hand
    from types import SimpleNamespace

    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from communique.annotators.quotes.lexicon import load_lexicon
    from communique.annotators.quotes.speakers import SpeakerResolver

    words = ["made", "public", "―", "Reeves", "boasted", "."]
    doc = Doc(
        Vocab(),
        words=words,
        heads=[0, 2, 4, 4, 0, 0],
        deps=["ROOT", "amod", "nsubj", "nsubj", "ccomp", "punct"],
        pos=["VERB", "ADJ", "NOUN", "PROPN", "VERB", "PUNCT"],
    )
    resolver = SpeakerResolver(
        SimpleNamespace(text=doc.text, actors=[]), doc, load_lexicon(), lambda offset: False
    )
    assert resolver.subject_of(doc[4]).text == "Reeves"


def test_an_issued_statement_speaks_for_whoever_issued_it(annotate):
    doc = annotate(
        "Late on Sunday, the Security Council put out a statement that called the missile launch "
        "“a clear violation of international law.”"
    )
    assert "Security Council" in speaker_of(doc, "clear violation")


def test_a_claim_speaks_for_its_owner(annotate):
    doc = annotate(
        "Inspectors checked Governor Anna Holt's claim that there were "
        "“thousands of empty homes” in the city."
    )
    assert speaker_of(doc, "empty homes") == "Anna Holt"


def test_speaking_of_a_quoted_phrase_is_a_quote(annotate):
    doc = annotate("After the vote, Senator Ann Cole spoke of “a new era” for the region.")
    assert speaker_of(doc, "a new era") == "Ann Cole"


def test_what_a_speaker_called_something_is_a_quote_not_a_name(annotate):
    doc = annotate(
        "The Security Council vowed further penalties to deter what it called "
        "\"a grave danger to the stability of the region.\""
    )
    assert "Security Council" in speaker_of(doc, "grave danger")
    assert annotate("They joined a group called “the mothers of the city” in May.").quotes == []


def test_a_relative_clause_the_parser_hung_elsewhere_still_speaks_for_its_noun(annotate):
    doc = annotate(
        "For figures, they went to the Denver Police Department "
        "which reported “1,204 burglaries” in the city."
    )
    assert "Police Department" in speaker_of(doc, "1,204 burglaries")


def test_a_headline_in_title_case_can_hold_a_quote(annotate):
    title = "Governor Ann Cole Calls The Tax Plan ‘A Disgrace’ Over Budget Cuts"
    doc = annotate(f"{title}.\n\nGovernor Ann Cole spoke in Albany on Tuesday.", title=title)
    assert speaker_of(doc, "A Disgrace") == "Ann Cole"


def test_a_headline_label_names_the_speaker(annotate):
    title = "Ann Cole: Voters Worried About The Tax Plan Are ‘Right to Worry’"
    doc = annotate(f"{title}.\n\nThe governor of New York spoke in Albany on Tuesday.", title=title)
    assert speaker_of(doc, "Right to Worry") == "Ann Cole"


def test_a_headline_label_the_recognizer_missed_is_found_among_the_bodys_actors(annotate):
    title = "Factcheckr: Governor Is Right, ‘Thousands of Jobs’ Were Lost This Year"
    text = f"{title}.\n\nAfter the debate Factcheckr reviewed the governor’s claim about lost jobs in Ohio."
    doc = annotate(text, title=title)
    assert speaker_of(doc, "Thousands of Jobs") == "Factcheckr"


def test_title_case_words_in_a_sentence_case_headline_are_still_a_name(annotate):
    title = "Ministers discuss revival of the ‘Black Sea Initiative’ in Ankara"
    doc = annotate(f"{title}.\n\nThe ministers met on Tuesday.", title=title)
    assert doc.quotes == []


def test_a_cry_in_capitals_is_a_quote_not_a_name(annotate):
    doc = annotate(
        'The governor was greeted with chants of "Holden!" at a union rally in Dayton last month, '
        "according to Ohio AFL-CIO President Mary Dunn."
    )
    assert speaker_of(doc, "Holden!") == "Mary Dunn"


# ---------------------------------------------------------------- not anyone's words


@pytest.mark.parametrize(
    "sentence",
    [
        (
            "At the convention his aides forced a change in the platform, "
            "stripping out a call for “supplying modern air defense systems” to the region."
        ),
        "The paper sent its reporter into “a small diner in western Ohio” to meet his voters.",
    ],
)
def test_a_longer_phrase_on_a_preposition_with_no_frame_continues_no_speaker(annotate, sentence):
    doc = annotate("Senator Holden said on Monday that he opposes new aid. " + sentence)
    assert doc.quotes == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The army ordered its troops to act as “peacekeepers” in the region.",
        "The embassy withdrew its “non-critical” staff on Friday.",
        "Russia handed over a so-called “memorandum” to the delegation.",
        "Ministers discussed the revival of the “Black Sea Initiative” in Ankara.",
        "She spoke on “Fox News Sunday,” the weekly talk show.",
        "Senator Ann Cole said his 1994 “Contract with America” had failed the voters.",
        "“We will win this state,” Kelly said.\n\n“(Applause.)”\n\nThe rally ended an hour later.",
    ],
)
def test_scare_quotes_names_and_titles_are_not_quotes(annotate, sentence):
    assert [q.text for q in annotate(sentence).quotes if "win this state" not in q.text] == []


def test_a_single_term_with_a_verb_of_saying_is_a_quote(annotate):
    doc = annotate("The Kremlin stated on Monday that it is “polishing” its draft of the text.")
    assert speaker_of(doc, "polishing") == "Kremlin"


def test_a_quote_without_any_speaker_is_left_out(annotate):
    doc = annotate("“It is going to be a long winter.”")
    assert doc.quotes == []


# ---------------------------------------------------------------- reported speech


def test_reported_speech_becomes_a_statement_with_speaker_and_content(annotate):
    doc = annotate(
        "Defence Minister Oleg Petrenko said that the delegations discussed a large exchange of prisoners."
    )
    statement = next(s for s in doc.statements if s.speaker and s.speaker.name == "Oleg Petrenko")
    assert statement.content == "the delegations discussed a large exchange of prisoners"
    assert statement.verb == "say"
    assert doc.text[statement.start : statement.end] == statement.content


def test_according_to_makes_a_statement_of_the_rest_of_the_sentence(annotate):
    doc = annotate("According to the Foreign Ministry, the next round will be held in Istanbul.")
    statement = next(s for s in doc.statements if s.verb == "according to")
    assert statement.content.startswith("the next round will be held in Istanbul")
    assert "Foreign Ministry" in statement.speaker.name


def test_quotes_are_searchable_by_speaker_in_the_store(annotate, tmp_path):
    from communique.store import Store

    doc = annotate("“We are ready for talks,” Foreign Minister Anna Berg said on Monday.")
    store = Store(tmp_path / "quotes.db")
    store.save(doc, "test")
    rows = store.quotes(speaker="Berg")
    assert [r["text"] for r in rows] == ["We are ready for talks,"]
    assert rows[0]["published"] == "2025-05-28"
