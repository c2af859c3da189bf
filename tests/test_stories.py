"""Stories linked at ingest: which reports tell one event, told in words written for these tests."""

from __future__ import annotations

import pytest

from communique import Store
from communique import stories as st
from story_docs import E, report, save_all, story_of

SRB_KOS = {"Serbia": "SRB", "Kosovo": "KOS", "Belgrade": "SRB", "Pristina": "KOS"}

SIGNED = report(
    "accord-ledger",
    "Northern Ledger",
    "2025-03-14",
    "Serbia and Kosovo signed a customs accord in Brussels on Friday, ending a two-year quarrel over border "
    "tariffs on farm goods.\nThe accord was brokered by the envoy Karel Vlasak after eleven rounds of talks.",
    [
        E(
            "AGREE",
            "Serbia and Kosovo signed a customs accord in Brussels on Friday",
            ["SRB", "KOS"],
            date="2025-03-14",
            said="on Friday",
        )
    ],
    title="Serbia and Kosovo sign customs accord",
    states=SRB_KOS,
)
ANNOUNCED = report(
    "accord-wire",
    "Balkan Wire",
    "2025-03-15",
    "The envoy Karel Vlasak announced that Belgrade and Pristina had settled their quarrel over border "
    "tariffs "
    "on farm goods with a customs accord.\nOfficials of both sides confirmed the accord late on Friday.",
    [
        E(
            "CONCEDE",
            "Karel Vlasak announced that Belgrade and Pristina had settled their quarrel",
            ["EU"],
            ["SRB", "KOS"],
        )
    ],
    title="Envoy announces customs accord between Belgrade and Pristina",
    states=SRB_KOS,
)
OTHER_DEAL = report(
    "energy-post",
    "Danube Post",
    "2025-03-15",
    "Serbia and Kosovo agreed to share the output of a hydropower dam on the Ibar river for ten years.\n"
    "Engineers from both grids will run the turbines together from June.",
    [E("AGREE", "Serbia and Kosovo agreed to share the output of a hydropower dam", ["SRB", "KOS"])],
    title="Serbia and Kosovo to share hydropower dam output",
    states=SRB_KOS,
)


@pytest.fixture()
def store(db_path):
    with Store(db_path) as s:
        yield s


def test_an_agreement_and_a_mediators_announcement_of_it_are_one_story(store):
    save_all(store, SIGNED, ANNOUNCED)
    assert story_of(store.conn, "accord-ledger") == story_of(store.conn, "accord-wire")
    (story,) = st.stories(store.conn)
    assert story["num_articles"] == 2 and story["sources"] == ["Balkan Wire", "Northern Ledger"]


def test_another_deal_between_the_same_states_the_same_day_is_another_story(store):
    save_all(store, SIGNED, ANNOUNCED, OTHER_DEAL)
    assert story_of(store.conn, "energy-post") not in {story_of(store.conn, "accord-ledger"), None}


def test_the_same_report_two_weeks_later_is_another_story(store):
    late = report(
        "accord-late",
        "Balkan Wire",
        "2025-03-30",
        ANNOUNCED.text,
        [
            E(
                "CONCEDE",
                "Karel Vlasak announced that Belgrade and Pristina had settled their quarrel",
                ["EU"],
                ["SRB", "KOS"],
            )
        ],
        title=ANNOUNCED.article.title,
        states=SRB_KOS,
    )
    save_all(store, SIGNED, late)
    assert story_of(store.conn, "accord-ledger") != story_of(store.conn, "accord-late")


ERI_ETH = {"Eritrea": "ERI", "Ethiopia": "ETH", "Eritrean": "ERI", "Ethiopian": "ETH"}
STRUCK = report(
    "strike-a",
    "Horn Courier",
    "2025-04-02",
    "Eritrean jets struck a fuel depot outside the Ethiopian town of Adigrat on Tuesday, killing 12 people.\n"
    "The depot burned through the night as crews fought the fire.",
    [
        E(
            "ASSAULT",
            "Eritrean jets struck a fuel depot outside the Ethiopian town of Adigrat",
            ["ERI"],
            ["ETH"],
            mode="aerial",
        )
    ],
    title="Eritrean jets hit fuel depot near Adigrat",
    states=ERI_ETH,
)
BOMBED = report(
    "strike-b",
    "Red Sea Monitor",
    "2025-04-02",
    "Ethiopia says Eritrean aircraft bombed a fuel depot near Adigrat, and that at least 15 people were "
    "killed.\n"
    "Residents said the fire at the depot could be seen for miles.",
    [E("ASSAULT", "Eritrean aircraft bombed a fuel depot near Adigrat", ["ERI"], ["ETH"], mode="aerial")],
    title="Ethiopia says Eritrea bombed depot near Adigrat",
    states=ERI_ETH,
)
STRUCK_BACK = report(
    "strike-c",
    "Horn Courier",
    "2025-04-04",
    "Ethiopian jets struck two Eritrean air bases on Thursday in reply to the bombing of the fuel depot at "
    "Adigrat.\nEritrea said its air defences shot down one of the jets.",
    [
        E(
            "ASSAULT",
            "Ethiopian jets struck two Eritrean air bases on Thursday",
            ["ETH"],
            ["ERI"],
            mode="aerial",
        )
    ],
    title="Ethiopia strikes Eritrean air bases",
    states=ERI_ETH,
)


def test_two_outlets_telling_one_strike_are_one_story(store):
    save_all(store, STRUCK, BOMBED)
    assert story_of(store.conn, "strike-a") == story_of(store.conn, "strike-b")


def test_the_other_side_striking_back_two_days_later_is_another_story(store):
    save_all(store, STRUCK, BOMBED, STRUCK_BACK)
    assert story_of(store.conn, "strike-c") != story_of(store.conn, "strike-a")


def test_a_strike_told_with_the_sides_swapped_does_not_join(store):
    swapped = report(
        "strike-d",
        "Gulf Ledger",
        "2025-04-02",
        BOMBED.text,
        [E("ASSAULT", "Eritrean aircraft bombed a fuel depot near Adigrat", ["ETH"], ["ERI"])],
        states=ERI_ETH,
    )
    save_all(store, STRUCK, swapped)
    assert story_of(store.conn, "strike-a") != story_of(store.conn, "strike-d")


def test_a_side_named_as_an_organisation_matches_a_member_state(store):
    union = report(
        "potash-eu",
        "Brussels Desk",
        "2025-02-10",
        "The European Union imposed sanctions on three potash exporters accused of funding the army.\n"
        "The measures freeze their assets and ban their shipments through member ports.",
        [E("SANCTION", "The European Union imposed sanctions on three potash exporters", ["EU"], ["BLR"])],
        title="EU sanctions three potash exporters",
    )
    member = report(
        "potash-fr",
        "Paris Evening",
        "2025-02-10",
        "France and its European partners sanctioned three potash exporters accused of funding the army.\n"
        "Paris said the asset freeze would hold until the prisoners are freed.",
        [
            E(
                "SANCTION",
                "France and its European partners sanctioned three potash exporters",
                ["FRA"],
                ["BLR"],
            )
        ],
        title="France and partners sanction potash exporters",
    )
    outsider = report(
        "potash-us",
        "Capitol Brief",
        "2025-02-10",
        "The United States barred three potash exporters from dollar payments on Monday.\n"
        "The Treasury said the exporters moved money for the army.",
        [E("SANCTION", "The United States barred three potash exporters", ["USA"], ["BLR"])],
        title="US bars potash exporters from dollar payments",
    )
    save_all(store, union, member, outsider)
    assert story_of(store.conn, "potash-eu") == story_of(store.conn, "potash-fr")
    assert story_of(store.conn, "potash-us") != story_of(store.conn, "potash-eu")


def test_meetings_of_the_same_sides_in_two_countries_are_two_stories(store):
    geneva = report(
        "talks-ge",
        "Alpine Times",
        "2025-05-06",
        "Eritrean and Ethiopian delegations held talks on the disputed border on Monday.\n"
        "Both sides described the talks as frank and useful.",
        [
            E(
                "CONSULT",
                "Eritrean and Ethiopian delegations held talks on the disputed border",
                ["ERI", "ETH"],
                place=("Geneva", "CHE"),
            )
        ],
        states=ERI_ETH,
    )
    nairobi = report(
        "talks-nb",
        "Lakeside Herald",
        "2025-05-06",
        "Eritrean and Ethiopian delegations held talks on the disputed border on Monday.\n"
        "Both sides described the talks as frank and useful.",
        [
            E(
                "CONSULT",
                "Eritrean and Ethiopian delegations held talks on the disputed border",
                ["ERI", "ETH"],
                place=("Nairobi", "KEN"),
            )
        ],
        states=ERI_ETH,
    )
    save_all(store, geneva, nairobi)
    assert story_of(store.conn, "talks-ge") != story_of(store.conn, "talks-nb")


MAY_TALKS = report(
    "may-talks",
    "Lakeside Herald",
    "2025-05-06",
    "Eritrean and Ethiopian delegations met in Djibouti on Monday for talks on prisoners held since the "
    "war.\n"
    "The mediators said the sides would exchange lists of names within a month.",
    [
        E(
            "CONSULT",
            "Eritrean and Ethiopian delegations met in Djibouti on Monday for talks on prisoners",
            ["ERI", "ETH"],
            date="2025-05-05",
            said="on Monday",
            place=("Djibouti", "DJI"),
        )
    ],
    title="Eritrea and Ethiopia meet in Djibouti",
    states=ERI_ETH,
)
JULY_TALKS = report(
    "july-talks",
    "Lakeside Herald",
    "2025-07-08",
    "Eritrean and Ethiopian delegations began a second round of talks in Mombasa on Tuesday on reopening the "
    "border crossings.\nThe negotiators last met in Djibouti in May for talks on prisoners.",
    [
        E(
            "CONSULT",
            "Eritrean and Ethiopian delegations began a second round of talks in Mombasa",
            ["ERI", "ETH"],
            date="2025-07-08",
            said="on Tuesday",
            place=("Mombasa", "KEN"),
        ),
        E(
            "CONSULT",
            "The negotiators last met in Djibouti in May for talks on prisoners",
            ["ERI", "ETH"],
            date="2025-05",
            said="in May",
            place=("Djibouti", "DJI"),
        ),
    ],
    title="Eritrea and Ethiopia open second round of talks",
    states=ERI_ETH,
)


def test_a_look_back_at_older_talks_is_background_and_never_joins_the_news(store):
    save_all(store, MAY_TALKS, JULY_TALKS)
    key = st.report_of(JULY_TALKS).events[1]
    assert key.role == "background"
    may, july = story_of(store.conn, "may-talks"), story_of(store.conn, "july-talks", 0)
    assert may != july
    may_story = st.story(store.conn, may)
    assert [m["article_id"] for m in may_story["mentions"]] == ["may-talks"]  # a look back is not a report
    assert all(m["article_id"] == "july-talks" for m in may_story["background"])


def test_a_lead_event_whose_date_came_from_another_sentence_is_news_of_the_report_day():
    doc = report(
        "lead-date",
        "Horn Courier",
        "2025-11-20",
        "Eritrean jets struck a fuel depot near Adigrat, the first strike on the town in months.\n"
        "The same depot was hit in September 2024 during the last round of fighting.",
        [E("ASSAULT", "Eritrean jets struck a fuel depot near Adigrat", ["ERI"], ["ETH"], date="2024-09")],
        states=ERI_ETH,
    )
    (key,) = st.report_of(doc).events
    assert key.role == "central" and key.day == "2025-11-20"


def test_an_old_date_said_in_the_event_sentence_makes_it_background():
    doc = report(
        "old-date",
        "Horn Courier",
        "2025-11-20",
        "Residents rebuilt the depot that Eritrean jets struck in September 2024 near Adigrat.\n"
        "The new tanks hold twice the fuel of the old ones.",
        [
            E(
                "ASSAULT",
                "Eritrean jets struck in September 2024",
                ["ERI"],
                ["ETH"],
                date="2024-09",
                said="September 2024",
            )
        ],
        states=ERI_ETH,
    )
    (key,) = st.report_of(doc).events
    assert key.role == "background"


def _treaty_reports(prefix: str):
    """Two outlets' leads on one signing: one codes the host's welcome (SUPPORT), the other the signing
    (AGREE), so their lead events fall in unrelated families."""
    hosted = report(
        f"{prefix}-a",
        "Capital Times",
        "2025-06-12",
        "Kenya hosted the leaders of Eritrea and Ethiopia in Nairobi for the signing of a border "
        "demarcation treaty on Thursday.\nThe treaty fixes the line along the Mereb river.",
        [
            E(
                "SUPPORT",
                "Kenya hosted the leaders of Eritrea and Ethiopia in Nairobi",
                ["KEN"],
                ["ERI", "ETH"],
            )
        ],
        title="Eritrea and Ethiopia sign border demarcation treaty in Nairobi",
    )
    signed = report(
        f"{prefix}-b",
        "Horn Courier",
        "2025-06-12",
        "The leaders of Eritrea and Ethiopia signed a border demarcation treaty in Nairobi on Thursday.\n"
        "The treaty fixes the line along the Mereb river, host Kenya said.",
        [
            E(
                "AGREE",
                "The leaders of Eritrea and Ethiopia signed a border demarcation treaty",
                ["ERI", "ETH"],
            )
        ],
        title="Eritrea and Ethiopia sign border demarcation treaty",
    )
    return hosted, signed


def test_reports_whose_lead_events_were_coded_in_unrelated_families_join_on_close_leads(store):
    hosted, signed = _treaty_reports("summit")
    save_all(store, hosted, signed)
    assert story_of(store.conn, "summit-a") == story_of(store.conn, "summit-b")


def test_a_plan_told_in_the_body_is_not_vouched_for_by_the_lead(store):
    first = report(
        "plan-a",
        "Capital Times",
        "2025-06-12",
        "Serbia and Kosovo signed a customs accord in Brussels on Thursday after months of talks.\n"
        "Their ministers will meet in Vienna next month to discuss railway links.",
        [
            E("AGREE", "Serbia and Kosovo signed a customs accord in Brussels", ["SRB", "KOS"]),
            E("AGREE", "Their ministers will meet in Vienna next month", ["SRB", "KOS"], modality="future"),
        ],
        states=SRB_KOS,
    )
    second = report(
        "plan-b",
        "Balkan Wire",
        "2025-06-12",
        "Serbia and Kosovo signed a customs accord in Brussels on Thursday after months of talks.\n"
        "Tariffs on farm goods fall to zero from August.",
        [E("AGREE", "Serbia and Kosovo signed a customs accord in Brussels", ["SRB", "KOS"])],
        states=SRB_KOS,
    )
    save_all(store, first, second)
    assert story_of(store.conn, "plan-a", 0) == story_of(store.conn, "plan-b", 0)
    assert story_of(store.conn, "plan-a", 1) != story_of(store.conn, "plan-b", 0)


def test_story_ids_stay_when_an_article_is_reprocessed_and_go_with_their_last_report(store):
    save_all(store, SIGNED, ANNOUNCED)
    story_id = story_of(store.conn, "accord-ledger")
    save_all(store, SIGNED)  # re-annotated: unlinked, then linked again
    assert story_of(store.conn, "accord-ledger") == story_id
    assert st.story(store.conn, story_id)["num_articles"] == 2
    store.delete("accord-ledger")
    assert st.story(store.conn, story_id)["num_articles"] == 1
    store.delete("accord-wire")
    assert st.story(store.conn, story_id) is None


def test_relinking_the_store_rebuilds_the_same_stories(store):
    save_all(store, SIGNED, ANNOUNCED, OTHER_DEAL, STRUCK, BOMBED)
    before = {
        (m["article_id"], s["id"]) for s in st.stories(store.conn, min_articles=1) for m in s["mentions"]
    }
    assert st.relink_store(store.conn) == 5
    after = {
        (m["article_id"], s["id"]) for s in st.stories(store.conn, min_articles=1) for m in s["mentions"]
    }
    assert after == before


def test_stories_are_found_by_actor_family_and_day(store):
    save_all(store, SIGNED, ANNOUNCED, STRUCK, BOMBED)
    assert {s["type"] for s in st.stories(store.conn, actor="ETH")} == {"ASSAULT"}
    assert [s["family"] for s in st.stories(store.conn, type="RETREAT")] == ["settlement"]
    assert [s["type"] for s in st.stories(store.conn, since="2025-04-01")] == ["ASSAULT"]
    assert [s["type"] for s in st.stories(store.conn, until="2025-03-31")] == ["AGREE"]


def test_an_event_row_names_its_story(store):
    save_all(store, STRUCK, BOMBED)
    rows = store.events(actor="ERI")
    assert {r["story_id"] for r in rows} == {story_of(store.conn, "strike-a")}


SWAP = [
    (
        "swap-reuters",
        "Reuters",
        "2025-06-01",
        "Russia and Ukraine agreed on Saturday to exchange 1,000 prisoners of war each, negotiators said "
        "after talks.",
    ),
    (
        "swap-ap",
        "AP",
        "2025-06-02",
        "Moscow and Kyiv have agreed to a swap of a thousand captives on each side, officials said "
        "on Sunday.",
    ),
    (
        "swap-tass",
        "TASS",
        "2025-06-03",
        "Ukraine and Russia agreed to a prisoner exchange of 1,000 for 1,000, the Russian delegation said "
        "on Monday.",
    ),
]
ENERGY = (
    "energy-afp",
    "AFP",
    "2025-06-02",
    "Russia and Ukraine agreed on Sunday to halt strikes on energy facilities for 30 days.",
)


def test_the_pipeline_links_three_wordings_of_one_exchange_and_not_the_energy_truce(pipeline, db_path):
    from communique.document import Article

    with Store(db_path) as store:
        for article_id, source, published, text in [*SWAP, ENERGY]:
            store.save(
                pipeline(Article(id=article_id, text=text, source=source, published=published)),
                pipeline.version,
            )
        linked = st.stories(store.conn, actor="RUS", min_articles=1)
    swap = next(s for s in linked if any(m["article_id"] == "swap-reuters" for m in s["mentions"]))
    assert {m["article_id"] for m in swap["mentions"]} == {"swap-reuters", "swap-ap", "swap-tass"}
    assert not any(m["article_id"] == "energy-afp" for m in swap["mentions"])


def _meeting(
    article_id, outlet, published, text, phrase, parties, *, type="CONSULT", title=None, modality="asserted"
):
    return report(
        article_id,
        outlet,
        published,
        text,
        [E(type, phrase, parties, modality=modality)],
        title=title,
        states=ERI_ETH,
    )


def test_one_meeting_of_the_same_parties_worded_apart_is_one_story(store):
    a = _meeting(
        "meet-a",
        "Horn Courier",
        "2025-09-03",
        "The Eritrean and Ethiopian foreign ministers sat down together in Asmara on Wednesday.\n"
        "Aides said grazing rights along the frontier topped the agenda.",
        "The Eritrean and Ethiopian foreign ministers sat down together",
        ["ERI", "ETH"],
    )
    b = _meeting(
        "meet-b",
        "Red Sea Monitor",
        "2025-09-04",
        "Ethiopia's top diplomat flew home from a first visit to Asmara since the war.\n"
        "State television showed him embracing his Eritrean counterpart on the tarmac.",
        "Ethiopia's top diplomat flew home from a first visit to Asmara",
        ["ETH", "ERI"],
    )
    save_all(store, a, b)
    assert story_of(store.conn, "meet-a") == story_of(store.conn, "meet-b")


def test_a_meeting_agreed_is_not_the_meeting_held_the_same_day(store):
    held = _meeting(
        "held",
        "Horn Courier",
        "2025-09-03",
        "The Eritrean and Ethiopian foreign ministers sat down together in Asmara on Wednesday.\n"
        "Aides said grazing rights along the frontier topped the agenda.",
        "The Eritrean and Ethiopian foreign ministers sat down together",
        ["ERI", "ETH"],
    )
    agreed = _meeting(
        "agreed",
        "Red Sea Monitor",
        "2025-09-03",
        "Ethiopia and Eritrea said their heads of state could meet before the rains end.\n"
        "No date was given for the summit.",
        "Ethiopia and Eritrea said their heads of state could meet",
        ["ETH", "ERI"],
        type="AGREE",
    )
    agreed.events[0].mode = "meet"
    save_all(store, held, agreed)
    assert story_of(store.conn, "held") != story_of(store.conn, "agreed")


def test_side_events_told_only_in_the_bodies_of_two_reports_need_close_words(store):
    lead = (
        "Flooding closed the main highway between Asmara and Gondar on Wednesday after three days of rain.\n"
        "Farmers in the border districts lost most of the sorghum harvest to the water.\n"
    )
    first = report(
        "body-a",
        "Horn Courier",
        "2025-09-03",
        lead + "Eritrea separately condemned Ethiopian troop movements near the river crossing.",
        [
            E(
                "ACCUSE",
                "Eritrea separately condemned Ethiopian troop movements near the river crossing",
                ["ERI"],
                ["ETH"],
            )
        ],
        states=ERI_ETH,
    )
    second = report(
        "body-b",
        "Red Sea Monitor",
        "2025-09-03",
        lead + "Eritrean officials also denounced the arrest of two traders by Ethiopian police.",
        [
            E(
                "ACCUSE",
                "Eritrean officials also denounced the arrest of two traders by Ethiopian police",
                ["ERI"],
                ["ETH"],
            )
        ],
        states=ERI_ETH,
    )
    save_all(store, first, second)
    assert st.report_of(first).events[0].role == "body"
    assert story_of(store.conn, "body-a") != story_of(store.conn, "body-b")


def test_a_story_told_as_a_welcome_and_as_a_signing_is_found_by_either_family(store):
    hosted, signed = _treaty_reports("fam")
    ratified = report(
        "fam-c",
        "Lakeside Herald",
        "2025-06-13",
        "Lawmakers will debate the Mereb border treaty next month, the speaker of parliament said.\n"
        "Several opposition members want a referendum on the new line first.\n"
        "Eritrea and Ethiopia signed the border demarcation treaty in Nairobi on Thursday, fixing "
        "the line along the Mereb river.",
        [E("AGREE", "Eritrea and Ethiopia signed the border demarcation treaty in Nairobi", ["ERI", "ETH"])],
        title="Parliament to debate Mereb border treaty",
        states=ERI_ETH,
    )
    save_all(store, hosted, signed, ratified)
    assert st.report_of(ratified).events[0].role == "body"
    assert story_of(store.conn, "fam-a") == story_of(store.conn, "fam-b") == story_of(store.conn, "fam-c")


def test_a_story_opened_by_a_plan_in_a_report_body_is_not_joined_on_that_reports_lead(store):
    lead = (
        "Serbia and Kosovo signed a customs accord in Brussels on Thursday after months of talks.\n"
        "Tariffs on farm goods fall to zero from August under the accord.\n"
    )
    planned = report(
        "vouch-a",
        "Capital Times",
        "2025-06-12",
        lead + "The two governments will sign a railway accord in Vienna next month.",
        [
            E(
                "AGREE",
                "The two governments will sign a railway accord in Vienna next month",
                ["SRB", "KOS"],
                modality="future",
            )
        ],
        states=SRB_KOS,
    )
    signed = report(
        "vouch-b",
        "Balkan Wire",
        "2025-06-12",
        lead,
        [E("AGREE", "Serbia and Kosovo signed a customs accord in Brussels", ["SRB", "KOS"])],
        states=SRB_KOS,
    )
    save_all(store, planned, signed)
    assert story_of(store.conn, "vouch-a") != story_of(store.conn, "vouch-b")


def test_a_look_back_that_names_the_day_is_shown_with_that_story_but_not_counted(store):
    later = report(
        "depot-later",
        "Horn Courier",
        "2025-04-20",
        "Ethiopian engineers finished rebuilding the Adigrat fuel depot on Saturday.\n"
        "Work began soon after the site was hit by missiles in the spring.\n"
        "Eritrean jets struck the fuel depot near Adigrat on 2 April, killing 12 people.",
        [
            E(
                "ASSAULT",
                "Eritrean jets struck the fuel depot near Adigrat on 2 April",
                ["ERI"],
                ["ETH"],
                date="2025-04-02",
                said="on 2 April",
            )
        ],
        states=ERI_ETH,
    )
    save_all(store, STRUCK, BOMBED, later)
    story = st.story(store.conn, story_of(store.conn, "strike-a"))
    assert [m["article_id"] for m in story["background"]] == ["depot-later"]
    assert story["num_articles"] == 2


VOL_TAR = {"Volaria": "VOL", "Tarsen": "TAR", "Volarian": "VOL", "Tarsenian": "TAR"}


def _strike(article_id, outlet, text, phrase, source, target, *, date="2025-04-09", title=None):
    return report(
        article_id,
        outlet,
        date,
        text,
        [E("ASSAULT", phrase, source, target, date=date, said="on Wednesday")],
        title=title,
        states=VOL_TAR,
    )


SHELLING = _strike(
    "shell-a",
    "Plains Herald",
    "Volaria shelled three Tarsenian border villages on Wednesday, wounding a dozen farmers.\n"
    "Artillery fire lasted until dawn, residents said.",
    "Volaria shelled three Tarsenian border villages on Wednesday",
    ["VOL"],
    ["TAR"],
)


def _denounced(article_id, date="2025-04-09"):
    """Another outlet's report whose news is the victim's premier denouncing the strike."""
    return _strike(
        article_id,
        "Steppe Daily",
        "Tarsen's premier denounced on Wednesday the Volarian bombardment of its frontier hamlets.\n"
        "He told parliament the country reserved every right to answer.",
        "denounced on Wednesday the Volarian bombardment",
        ["VOL"],
        ["TAR"],
        date=date,
    )


def test_the_news_of_two_reports_one_side_striking_the_other_the_same_day_is_one_story(store):
    condemned = _denounced("shell-b")
    save_all(store, SHELLING, condemned)
    assert story_of(store.conn, "shell-a") == story_of(store.conn, "shell-b")


def test_a_strike_back_the_same_day_is_another_story(store):
    back = _strike(
        "shell-c",
        "Steppe Daily",
        "Tarsen fired rockets at a Volarian airfield on Wednesday, its army said.\n"
        "No damage was reported by the airfield's commander.",
        "Tarsen fired rockets at a Volarian airfield on Wednesday",
        ["TAR"],
        ["VOL"],
    )
    save_all(store, SHELLING, back)
    assert story_of(store.conn, "shell-a") != story_of(store.conn, "shell-c")


def test_the_same_sides_striking_on_another_day_is_another_story(store):
    later = _denounced("shell-d", date="2025-04-16")
    save_all(store, SHELLING, later)
    assert story_of(store.conn, "shell-a") != story_of(store.conn, "shell-d")
