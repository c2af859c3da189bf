"""Cleaning drops page furniture and keeps captions' words and dates."""

from communique.cleaning import clean_text


def test_photo_credit_is_cut_but_caption_kept():
    text = (
        "Talks resume\nThe minister speaks in Geneva on May 2, 2025. © Jane Doe / Getty Images\n"
        "The talks began."
    )
    cleaned = clean_text(text)
    assert "Getty" not in cleaned and "Jane Doe" not in cleaned
    assert "The minister speaks in Geneva on May 2, 2025." in cleaned


def test_read_more_and_share_prompts_are_dropped():
    text = (
        "Envoys met on Monday.\nRead more\nShare this article\nRead also: Other news here\n"
        "They agreed to meet again."
    )
    assert clean_text(text) == "Envoys met on Monday.\nThey agreed to meet again."


def test_headline_without_full_stop_stays_on_its_own_line():
    text = "Ministers spoke by phone on Wednesday\nThe call lasted an hour."
    assert clean_text(text).split("\n") == [
        "Ministers spoke by phone on Wednesday",
        "The call lasted an hour.",
    ]


def test_control_and_bidi_override_characters_are_removed():
    assert clean_text("Kyiv\u202e said\x07 no.") == "Kyiv said no."


def test_prose_that_mentions_reading_is_not_dropped():
    line = "Read more closely, the memorandum demands that Kyiv withdraw its forces."
    assert clean_text(line) == line
