"""Event vocabulary: the everyday words of the 16 PLOVER types and the senses PLOVER gives them.

Each case is a sentence written for these tests: which type and mode its trigger codes, and between whom;
and the readings a word must not get ("sanctions hit the economy" is no attack).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from event_checks import codes

LEXICON = Path(__file__).resolve().parents[2] / "src/communique/knowledge/en/event_triggers.yaml"


def coded(doc, trigger: str):
    """The event whose trigger is this word (its form in the sentence)."""
    found = [e for e in doc.events if (e.trigger or "").lower() == trigger]
    assert found, f"no event on {trigger!r} in {[(e.type, e.trigger) for e in doc.events]}"
    return found[0]


def no_event_on(doc, trigger: str) -> bool:
    return all((e.trigger or "").lower() != trigger for e in doc.events)


# ---------------------------------------------------------------- fighting and force (ASSAULT, COERCE)

FORCE = [
    # sentence, trigger, type, mode, sources, targets
    ("Indian troops skirmished with Chinese soldiers overnight.", "skirmished", "ASSAULT", None,
     ["IND"], ["CHN"]),
    ("Syrian jets strafed a Turkish convoy near the border.", "strafed", "ASSAULT", "aerial",
     ["SYR"], ["TUR"]),
    ("Russian artillery bombarded Ukrainian positions all night.", "bombarded", "ASSAULT", "heavy-weapons",
     ["RUS"], ["UKR"]),
    ("Somali pirates hijacked a Greek cargo ship.", "hijacked", "ASSAULT", "abduct", ["SOM"], ["GRC"]),
    ("Iran executed four activists on Monday.", "executed", "ASSAULT", "targeted", ["IRN"], ["IRN"]),
    ("Nigerian gunmen took three aid workers hostage.", "took", "ASSAULT", "abduct", ["NGA"], ["NGA"]),
    ("Hamas fighters took the Israeli town of Sderot.", "took", "ASSAULT", None, ["PSE"], ["ISR"]),
    ("Malian rebels used villagers as human shields.", "used", "ASSAULT", "abduct", ["MLI"], ["MLI"]),
    ("Kenyan police fired tear gas at protesters in Nairobi.", "fired", "ASSAULT", "crowd-control",
     ["KEN"], ["KEN"]),
    ("Turkish police used water cannon to disperse the crowd.", "used", "ASSAULT", "crowd-control",
     ["TUR"], ["TUR"]),
    ("Georgian police dispersed the protesters outside parliament.", "dispersed", "COERCE", "restrict",
     ["GEO"], ["GEO"]),
    ("Turkish forces hit Kurdish positions in Syria.", "hit", "ASSAULT", None, ["TUR"], ["SYR"]),
    ("Israeli and Egyptian soldiers exchanged fire at the border.", "exchanged", "ASSAULT", "firearms",
     ["EGY", "ISR"], []),
    ("Belarusian police raided the offices of an independent newspaper.", "raided", "COERCE", "seize",
     ["BLR"], ["BLR"]),
    ("Egyptian agents searched the home of an opposition leader.", "searched", "COERCE", "seize",
     ["EGY"], ["EGY"]),
    ("Iranian authorities shut down the internet.", "shut", "COERCE", "withhold", ["IRN"], ["IRN"]),
    ("Russia outlawed a Ukrainian party.", "outlawed", "COERCE", "restrict", ["RUS"], ["UKR"]),
    ("Kenya closed its border with Somalia.", "closed", "COERCE", "restrict", ["KEN"], ["SOM"]),
    ("Britain closed its embassy in Tehran.", "closed", "SANCTION", "withdraw", ["GBR"], ["IRN"]),
    ("Russia expelled two American journalists.", "expelled", "COERCE", "deport", ["RUS"], ["USA"]),
    ("Hungary banned imports of Ukrainian grain.", "banned", "SANCTION", "discontinue", ["HUN"], ["UKR"]),
    ("Belarusian police cracked down on protesters in the capital.", "cracked", "COERCE", None,
     ["BLR"], ["BLR"]),
    ("Israeli settlers evicted a Palestinian family.", "evicted", "COERCE", "deport", ["ISR"], ["PSE"]),
    ("The Thai army declared martial law on Sunday.", "law", "COERCE", "martial-law", ["THA"], ["THA"]),
    ("A Russian court sentenced the American reporter to 16 years in prison.", "sentenced", "SANCTION",
     "convict", ["RUS"], ["USA"]),
]


@pytest.mark.parametrize(("sentence", "trigger", "etype", "mode", "sources", "targets"), FORCE)
def test_words_of_force_code_their_plover_type_mode_and_sides(annotate, sentence, trigger, etype, mode,
                                                              sources, targets):
    event = coded(annotate(sentence), trigger)
    assert (event.type, event.mode) == (etype, mode)
    assert codes(event.source) == sources
    assert codes(event.target) == targets


def test_taking_a_town_by_force_is_an_assault_and_seizing_goods_a_seizure(annotate):
    town = coded(annotate("Sudanese militias seized the town of Karvo on Sunday."), "seized")
    assert town.type == "ASSAULT"
    goods = coded(annotate("Iranian police seized two tons of heroin at the airport."), "seized")
    assert (goods.type, goods.mode) == ("COERCE", "seize")


def test_troops_or_police_blocking_people_restrict_them_and_protesters_blocking_a_road_obstruct_it(annotate):
    police = coded(annotate("Serbian police blocked the marchers from reaching the parliament."), "blocked")
    assert (police.type, police.mode) == ("COERCE", "restrict")
    farmers = coded(annotate("French farmers blocked the highway near Lyon."), "blocked")
    assert (farmers.type, farmers.mode) == ("PROTEST", "obstruct")


def test_a_raid_by_police_is_a_search_and_a_raid_by_soldiers_an_attack(annotate):
    police = coded(annotate("Greek police raided a warehouse in the port."), "raided")
    assert (police.type, police.mode) == ("COERCE", "seize")
    troops = coded(annotate("Israeli commandos raided a Lebanese village."), "raided")
    assert troops.type == "ASSAULT"


def test_protesters_storming_a_building_riot_and_militants_storming_it_attack(annotate):
    crowd = coded(annotate("Serbian protesters stormed the parliament in Belgrade."), "stormed")
    assert (crowd.type, crowd.mode) == ("PROTEST", "riot")
    armed = coded(annotate("Iraqi militants stormed a police station."), "stormed")
    assert armed.type == "ASSAULT"


def test_clashes_between_two_states_are_one_joint_assault(annotate):
    event = coded(annotate("Clashes between Armenia and Azerbaijan broke out on Monday."), "clashes")
    assert event.type == "ASSAULT"
    assert codes(event.source) == ["ARM", "AZE"]
    assert event.mutual


def test_cordoning_off_an_area_is_a_restriction_whatever_the_lemmatizer_makes_of_cordoned(annotate):
    event = coded(annotate("Turkish police cordoned off the main square."), "cordoned")
    assert (event.type, event.mode) == ("COERCE", "restrict")


@pytest.mark.parametrize(("sentence", "trigger"), [
    ("Sanctions hit the Russian economy hard.", "hit"),
    ("Prices hit a record in March.", "hit"),
    ("The two ministers clashed over the budget.", "clashed"),
    ("Rescuers searched for survivors in the rubble.", "searched"),
    ("Police arrested a convicted spy from Russia.", "convicted"),
    ("The army's engineers executed the plan without delay.", "executed"),
    ("The Chinese government cracked down on tax evasion.", "cracked"),
    ("Thailand has been under martial law since May.", "law"),
    ("Egypt used its influence as a mediator.", "used"),
    ("The Malian army has been holding villagers as human shields, according to a press release by the "
     "rebels.", "release"),
])
def test_everyday_words_of_force_in_their_other_senses_are_no_event(annotate, sentence, trigger):
    assert no_event_on(annotate(sentence), trigger)


# ---------------------------------------------------------------- relations, moves, protest

RELATIONS = [
    ("Egypt recalled its ambassador from Israel.", "recalled", "SANCTION", "withdraw", ["EGY"], ["ISR"]),
    ("Egypt announced the recall of its ambassador from Israel.", "recall", "SANCTION", "withdraw",
     ["EGY"], ["ISR"]),
    ("Turkey halted all trade with Israel.", "halted", "SANCTION", "discontinue", ["TUR"], ["ISR"]),
    ("Niger terminated its military cooperation agreement with France.", "terminated", "SANCTION", "withdraw",
     ["NER"], ["FRA"]),
    ("Mali downgraded its diplomatic ties with France.", "downgraded", "SANCTION", "withdraw",
     ["MLI"], ["FRA"]),
    ("The United States imposed tariffs on Chinese steel.", "tariffs", "SANCTION", "discontinue",
     ["USA"], ["CHN"]),
    ("Russia stationed nuclear missiles in Belarus.", "stationed", "MOBILIZE", "weapons", ["RUS"], ["BLR"]),
    ("China amassed troops along the Indian border.", "amassed", "MOBILIZE", "troops", ["CHN"], ["IND"]),
    ("Japan scrambled fighter jets on Tuesday.", "scrambled", "MOBILIZE", "weapons", ["JPN"], []),
    ("Thousands protested against the new law in Tbilisi.", "protested", "PROTEST", "demo", ["GEO"], ["GEO"]),
    ("French doctors struck for higher pay.", "struck", "PROTEST", "strike", ["FRA"], ["FRA"]),
]


@pytest.mark.parametrize(("sentence", "trigger", "etype", "mode", "sources", "targets"), RELATIONS)
def test_words_of_relations_moves_and_protest_code_their_plover_type_and_sides(annotate, sentence, trigger,
                                                                               etype, mode, sources, targets):
    event = coded(annotate(sentence), trigger)
    assert (event.type, event.mode) == (etype, mode)
    assert codes(event.source) == sources
    assert codes(event.target) == targets


def test_leaving_a_treaty_is_a_sanction_and_troops_leaving_a_town_a_retreat(annotate):
    treaty = coded(annotate("Russia announced its withdrawal from the grain agreement."), "withdrawal")
    assert (treaty.type, treaty.mode) == ("SANCTION", "withdraw")
    troops = coded(annotate("Russia announced the withdrawal of its troops from the town."), "withdrawal")
    assert (troops.type, troops.mode) == ("RETREAT", "withdraw")


def test_workers_walking_out_strike_and_a_delegation_walking_out_of_talks_leaves_them(annotate):
    workers = coded(annotate("Italian dockworkers walked out on Friday."), "walked")
    assert (workers.type, workers.mode) == ("PROTEST", "strike")
    delegation = coded(annotate("The Iranian delegation walked out of the talks."), "walked")
    assert (delegation.type, delegation.mode) == ("SANCTION", "withdraw")


def test_troops_marching_move_and_supporters_marching_protest(annotate):
    troops = coded(annotate("Russian troops marched on the capital."), "marched")
    assert (troops.type, troops.mode) == ("MOBILIZE", "troops")
    crowd = coded(annotate("Supporters of the opposition marched through Caracas."), "marched")
    assert (crowd.type, crowd.mode) == ("PROTEST", "demo")


@pytest.mark.parametrize(("sentence", "trigger"), [
    ("North Korea demonstrated its new missile on Tuesday.", "demonstrated"),
    ("The senator recalled his first visit to the region.", "recalled"),
    ("Heavy rain halted the search for the missing.", "halted"),
])
def test_words_of_relations_and_protest_in_their_other_senses_are_no_event(annotate, sentence, trigger):
    assert no_event_on(annotate(sentence), trigger)


# ---------------------------------------------------------------- words of verbal conflict

VERBAL_CONFLICT = [
    ("Germany summoned the Iranian ambassador.", "summoned", "ACCUSE", "disapprove", ["DEU"], ["IRN"]),
    ("Poland summoned Russia's charge d'affaires over the incident.", "summoned", "ACCUSE", "disapprove",
     ["POL"], ["RUS"]),
    ("Japan berated South Korea.", "berated", "ACCUSE", "disapprove", ["JPN"], ["KOR"]),
    ("South Korea lashed out at Japan.", "lashed", "ACCUSE", "disapprove", ["KOR"], ["JPN"]),
    ("China hit out at the United States.", "hit", "ACCUSE", "disapprove", ["CHN"], ["USA"]),
    ("A US court indicted two Russian hackers.", "indicted", "ACCUSE", "allege", ["USA"], ["RUS"]),
    ("American prosecutors charged an Iranian national with espionage.", "charged", "ACCUSE", "allege",
     ["USA"], ["IRN"]),
    ("Mexico filed a complaint against the United States at the WTO.", "complaint", "ACCUSE", "allege",
     ["MEX"], ["USA"]),
    ("Hungary defied the European Union.", "defied", "REJECT", None, ["HUN"], ["EU"]),
    ("Iran spurned the American offer.", "spurned", "REJECT", None, ["IRN"], ["USA"]),
    ("Ukraine ruled out talks with Russia.", "ruled", "REJECT", None, ["UKR"], ["RUS"]),
    ("Pakistan cancelled the talks with India.", "cancelled", "REJECT", "meet", ["PAK"], ["IND"]),
    ("Japan postponed the summit with China.", "postponed", "REJECT", "meet", ["JPN"], ["CHN"]),
    ("Algeria called off the visit of the French minister.", "called", "REJECT", "meet", ["DZA"], ["FRA"]),
    ("Kenya lobbied the United States to act.", "lobbied", "REQUEST", None, ["KEN"], ["USA"]),
    ("Ukraine pressured Germany to send tanks.", "pressured", "REQUEST", None, ["UKR"], ["DEU"]),
    ("The UN implored Israel and Hamas to stop fighting.", "implored", "REQUEST", None,
     ["UN"], ["ISR", "PSE"]),
    ("The ICC issued an arrest warrant for the Russian president.", "warrant", "THREATEN", "arrest",
     ["ICC"], ["RUS"]),
]


@pytest.mark.parametrize(("sentence", "trigger", "etype", "mode", "sources", "targets"), VERBAL_CONFLICT)
def test_words_of_verbal_conflict_code_their_plover_type_and_sides(annotate, sentence, trigger, etype, mode,
                                                                   sources, targets):
    event = coded(annotate(sentence), trigger)
    assert (event.type, event.mode) == (etype, mode)
    assert codes(event.source) == sources
    assert codes(event.target) == targets


def test_calling_off_a_strike_concedes_and_calling_off_a_visit_rejects_it(annotate):
    strike = coded(annotate("Argentine unions called off the strike."), "called")
    assert strike.type == "CONCEDE"
    visit = coded(annotate("Chile called off the visit of the Peruvian president."), "called")
    assert (visit.type, visit.mode) == ("REJECT", "meet")


@pytest.mark.parametrize(("sentence", "trigger"), [
    ("The minister is in charge of the negotiations.", "charge"),
    ("The committee postponed the vote until June.", "postponed"),
    ("The mayor summoned the courage to speak.", "summoned"),
    ("The army charged across the river.", "charged"),
])
def test_words_of_verbal_conflict_in_their_other_senses_are_no_event(annotate, sentence, trigger):
    assert no_event_on(annotate(sentence), trigger)


# ---------------------------------------------------------------- words of cooperation and concession

COOPERATION = [
    ("Chinese President Xi attended the summit in Moscow.", "summit", "CONSULT", "visit", ["CHN"], ["RUS"]),
    ("The Brazilian president sat down with his Argentine counterpart.", "sat", "CONSULT", None,
     ["BRA"], ["ARG"]),
    ("Washington reached out to Tehran.", "reached", "CONSULT", None, ["USA"], ["IRN"]),
    ("The Japanese minister's trip to Beijing was a success.", "trip", "CONSULT", "visit", ["JPN"], ["CHN"]),
    ("Iran and the EU struck a deal on Tuesday.", "struck", "AGREE", None, ["EU", "IRN"], []),
    ("Israel and Hamas sealed a truce.", "sealed", "AGREE", None, ["ISR", "PSE"], []),
    ("The United States guaranteed Ukraine's security.", "guaranteed", "AGREE", None, ["USA"], ["UKR"]),
    ("Colombia recognised the independence of Kosovo.", "recognised", "SUPPORT", None, ["COL"], ["XKX"]),
    ("Germany stood by Ukraine.", "stood", "SUPPORT", None, ["DEU"], ["UKR"]),
    ("Canada expressed solidarity with Ukraine.", "solidarity", "SUPPORT", None, ["CAN"], ["UKR"]),
    ("Spain extradited a Russian hacker to the United States.", "extradited", "COOPERATE", None,
     ["ESP"], ["USA"]),
    ("The United States airlifted food to Sudan.", "airlifted", "AID", None, ["USA"], ["SDN"]),
    ("Pakistani commandos rescued ten Chinese hostages.", "rescued", "AID", None, ["PAK"], ["CHN"]),
    ("Britain trained Ukrainian soldiers.", "trained", "AID", None, ["GBR"], ["UKR"]),
    ("China lent Pakistan two billion dollars.", "lent", "AID", None, ["CHN"], ["PAK"]),
    ("Japan apologized to South Korea.", "apologized", "CONCEDE", None, ["JPN"], ["KOR"]),
    ("The Iranian president pardoned two French citizens.", "pardoned", "CONCEDE", None, ["IRN"], ["FRA"]),
    ("Belarus reopened its border with Poland.", "reopened", "CONCEDE", None, ["BLR"], ["POL"]),
    ("Israel allowed aid trucks into Gaza.", "allowed", "RETREAT", "access", ["ISR"], []),
    ("Russia returned twenty Ukrainian children.", "returned", "RETREAT", "release", ["RUS"], ["UKR"]),
    ("Hamas handed over four Israeli hostages.", "handed", "RETREAT", "release", ["PSE"], ["ISR"]),
    ("Armenia and Azerbaijan observed the ceasefire.", "observed", "RETREAT", "ceasefire",
     ["ARM", "AZE"], []),
    ("Russia pulled out of the grain deal.", "pulled", "SANCTION", "withdraw", ["RUS"], []),
    ("The Kenyan president announced the pullout of troops from Somalia.", "pullout", "RETREAT", "withdraw",
     ["KEN"], ["SOM"]),
]


@pytest.mark.parametrize(("sentence", "trigger", "etype", "mode", "sources", "targets"), COOPERATION)
def test_words_of_cooperation_and_concession_code_their_plover_type_and_sides(annotate, sentence, trigger,
                                                                             etype, mode, sources, targets):
    event = coded(annotate(sentence), trigger)
    assert (event.type, event.mode) == (etype, mode)
    assert codes(event.source) == sources
    assert codes(event.target) == targets


def test_hosting_refugees_is_aid_and_hosting_a_leader_a_visit(annotate):
    refugees = coded(annotate("Turkey hosts millions of Syrian refugees."), "hosts")
    assert refugees.type == "AID"
    leader = coded(annotate("Turkey hosted the Syrian president in Ankara."), "hosted")
    assert (leader.type, leader.mode) == ("CONSULT", "visit")


def test_striking_a_deal_agrees_and_striking_a_target_attacks(annotate):
    deal = coded(annotate("Serbia and Kosovo struck a deal on trade."), "struck")
    assert deal.type == "AGREE"
    target = coded(annotate("Israeli jets struck a depot in Lebanon."), "struck")
    assert target.type == "ASSAULT"


def test_a_strike_by_a_weapon_or_on_someone_attacks_and_a_strike_by_workers_protests(annotate):
    air = coded(annotate("The Turkish air force launched air strikes on Kurdish camps in Iraq."), "strikes")
    assert air.type == "ASSAULT"
    aimed = coded(annotate("Egyptian jets launched a strike on a Libyan militia base."), "strike")
    assert aimed.type == "ASSAULT"
    labour = coded(annotate("Dock workers in Greece launched a strike over pay."), "strike")
    assert (labour.type, labour.mode) == ("PROTEST", "strike")


@pytest.mark.parametrize(("sentence", "trigger"), [
    ("The delegation returned to Geneva for talks.", "returned"),
    ("The envoy reached the capital on Monday.", "reached"),
    ("Engineers trained their new software on the data.", "trained"),
    ("The buses were equipped with cameras.", "equipped"),
])
def test_words_of_cooperation_in_their_other_senses_are_no_event(annotate, sentence, trigger):
    assert no_event_on(annotate(sentence), trigger)


# ---------------------------------------------------------------- senses that are no event

@pytest.mark.parametrize(("sentence", "trigger"), [
    ("The UN council charged the inspectors with checking Iraqi warehouses.", "charged"),
    ("India's new law guaranteed that prices stayed low.", "guaranteed"),
    ("The Iraqi leader lashed out in anger after the vote.", "lashed"),
    ("The Kenyan governor stood by the constitution.", "stood"),
    ("The damaged American embassy in Nairobi may have to be razed.", "razed"),
    ("The Nigerian minister expressed relief at the news.", "relief"),
    ("The Cuban boy attended the hearing in Washington.", "hearing"),
    ("The Saudi oil company shut down two outlets in the port.", "shut"),
])
def test_everyday_words_in_senses_that_report_no_action_are_no_event(annotate, sentence, trigger):
    assert no_event_on(annotate(sentence), trigger)


# ---------------------------------------------------------------- the lexicon file itself

FRAME_KEYS = {"type", "mode", "when_prep", "when_obj", "when_head", "when_means", "unless_means", "target",
              "mutual",
              "no_target", "needs_target", "light", "takes_clause", "when_clause", "when_condition",
              "when_directive", "when_mod", "unless_mod", "unless_dep", "unless_obj_actor", "unless_obj_head",
              "party_obj", "when_reason", "unless_own_obj", "opinion_clause", "when_dep",
              "joint_type", "joint_content", "content_mode", "content_type", "source"}
SOURCES = ("petrarch2:", "plover", "usage")


def _frames():
    data = yaml.safe_load(LEXICON.read_text(encoding="utf-8"))
    for table in ("verbs", "nouns", "adjectives"):
        for lemma, value in data[table].items():
            for frame in value if isinstance(value, list) else [value]:
                yield table, lemma, frame


def test_every_frame_key_is_one_the_loader_reads_or_the_source_note():
    unknown = [(t, lemma, sorted(set(f) - FRAME_KEYS)) for t, lemma, f in _frames() if set(f) - FRAME_KEYS]
    assert unknown == []


def test_every_source_note_names_petrarch2_with_a_cameo_code_the_plover_manual_or_usage():
    bad = [(lemma, f["source"]) for _, lemma, f in _frames() if "source" in f and not (
        f["source"] in ("plover", "usage") or (f["source"].startswith("petrarch2:")
                                               and f["source"].split(":")[1].isdigit()))]
    assert bad == []


def test_every_frame_type_and_mode_is_plover_2():
    plover = yaml.safe_load((LEXICON.parent / "plover.yaml").read_text(encoding="utf-8"))["types"]
    modes = {name: set((info or {}).get("modes") or ()) for name, info in plover.items()}
    bad = [(lemma, f["type"], f.get("mode")) for _, lemma, f in _frames()
           if f["type"] != "none"
           and (f["type"] not in plover or (f.get("mode") and f["mode"] not in modes[f["type"]]))]
    assert bad == []


@pytest.mark.parametrize("sentence", [
    "According to information released by the Chilean army, the fighting stopped at dawn.",
    "Chile released a statement on the border dispute with Peru.",
    "Chile released footage of the Peruvian patrol boat.",
])
def test_releasing_a_text_or_pictures_publishes_them_and_frees_no_one(annotate, sentence):
    assert not [e for e in annotate(sentence).events if e.mode == "release"]


def test_releasing_captives_still_frees_them(annotate):
    event = coded(annotate("Chile released 40 Peruvian prisoners on Monday."), "released")
    assert (event.type, event.mode) == ("RETREAT", "release")
    assert codes(event.source) == ["CHL"] and codes(event.target) == ["PER"]


def test_sharing_intelligence_cooperates_and_sharing_a_border_or_a_language_is_no_event(annotate):
    event = coded(annotate("Chile agreed on Monday to share intelligence with Peru."), "agreed")
    assert codes(event.target) == ["PER"]
    doc = annotate("Chile and Peru share a long border and a common language.")
    assert no_event_on(doc, "share")


@pytest.mark.parametrize(("sentence", "trigger"), [
    ("Bolivia worked hard to meet the standards set by Chile.", "meet"),
    ("Peru failed to meet the deadline that Chile had set.", "meet"),
    ("A Chilean company suspended construction of its port in Peru last week.", "suspended"),
])
def test_meeting_a_standard_and_suspending_work_are_no_event(annotate, sentence, trigger):
    assert no_event_on(annotate(sentence), trigger)


def test_meeting_a_counterpart_is_talks_and_suspending_flights_a_sanction(annotate):
    talks = coded(annotate("The Chilean president met his Peruvian counterpart in Lima."), "met")
    assert talks.type == "CONSULT" and codes(talks.target) == ["PER"]
    flights = coded(annotate("Chile suspended flights to Peru on Monday."), "suspended")
    assert (flights.type, flights.mode) == ("SANCTION", "discontinue") and codes(flights.target) == ["PER"]


def test_warning_about_a_danger_is_concern_and_warning_someone_is_a_threat(annotate):
    assert no_event_on(annotate("The Peruvian president warned about the risks of a wider war."), "warned")
    threat = coded(annotate("Peru warned Chile about the consequences of its actions."), "warned")
    assert threat.type == "THREATEN" and codes(threat.target) == ["CHL"]


# ---------------------------------------------------------------- a wire report's plainest words, as nouns

WIRE_NOUNS = [
    # sentence, trigger, type, mode, sources, targets
    ("Hungary imposed a ban on Ukrainian grain imports.", "ban", "SANCTION", "discontinue", ["HUN"], ["UKR"]),
    ("Kenya announced the expulsion of two Somali diplomats.", "expulsion", "SANCTION", "expel",
     ["KEN"], ["SOM"]),
    ("The detention of three Greek sailors by Turkish police angered Athens.", "detention", "COERCE",
     "arrest", ["TUR"], ["GRC"]),
    ("Lebanon began the deportation of Syrian refugees.", "deportation", "COERCE", "deport",
     ["LBN"], ["SYR"]),
    ("The British airlift of aid to Sudan began on Monday.", "airlift", "AID", None, ["GBR"], ["SDN"]),
    ("The shelling of Kharkiv by Russian forces continued overnight.", "shelling", "ASSAULT", "heavy-weapons",
     ["RUS"], ["UKR"]),
    ("The Venezuelan opposition called a boycott of the elections.", "boycott", "PROTEST", "boycott",
     ["VEN"], ["VEN"]),
    ("Egypt announced the postponement of its talks with Ethiopia.", "postponement", "REJECT", "meet",
     ["EGY"], ["ETH"]),
    ("The Russian ambassador was summoned by the German foreign ministry.", "summoned", "ACCUSE",
     "disapprove", ["DEU"], ["RUS"]),
]


@pytest.mark.parametrize(("sentence", "trigger", "etype", "mode", "sources", "targets"), WIRE_NOUNS)
def test_wire_report_nouns_and_passives_code_their_plover_type_and_sides(annotate, sentence, trigger, etype,
                                                                          mode, sources, targets):
    event = coded(annotate(sentence), trigger)
    assert (event.type, event.mode) == (etype, mode)
    assert codes(event.source) == sources
    assert codes(event.target) == targets


def test_a_politician_attacking_someone_criticises_and_troops_attacking_fight(annotate):
    words = coded(annotate("The Chilean president attacked his Peruvian counterpart over the trade dispute."),
                  "attacked")
    assert (words.type, words.mode) == ("ACCUSE", "disapprove") and codes(words.target) == ["PER"]
    force = coded(annotate("Chilean troops attacked Peruvian positions near the border."), "attacked")
    assert force.type == "ASSAULT"
    back = coded(annotate("The Chilean foreign minister hit back at Peru on Monday."), "hit")
    assert back.type == "ACCUSE" and codes(back.target) == ["PER"]


def test_attacking_a_plan_or_a_legislative_attack_is_criticism(annotate):
    plan = coded(annotate("The Chilean president attacked the Peruvian plan on Monday."), "attacked")
    assert (plan.type, plan.mode) == ("ACCUSE", "disapprove")
    doc = annotate("Peruvian lawmakers kept up their legislative attacks on the Chilean treaty.")
    assert coded(doc, "attacks").type == "ACCUSE"
    assert coded(annotate("Chilean jets attacked Peruvian positions."), "attacked").type == "ASSAULT"


@pytest.mark.parametrize(("sentence", "trigger"), [
    ("The Chilean campaign seized on remarks by the Peruvian minister.", "seized"),
    ("Chile backed off its demand that Peru pay compensation.", "backed"),
])
def test_seizing_on_words_and_backing_off_a_demand_are_no_event(annotate, sentence, trigger):
    assert no_event_on(annotate(sentence), trigger)
