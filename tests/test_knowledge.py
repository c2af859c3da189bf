"""Knowledge files are data a user can extend with a folder of their own."""

from __future__ import annotations

import pytest

from communique import knowledge


@pytest.fixture()
def user_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("COMMUNIQUE_KNOWLEDGE", str(tmp_path))
    for loader in (knowledge.load_yaml, knowledge.load_csv, knowledge.load_lines):
        loader.cache_clear()
    yield tmp_path
    monkeypatch.delenv("COMMUNIQUE_KNOWLEDGE")
    for loader in (knowledge.load_yaml, knowledge.load_csv, knowledge.load_lines):
        loader.cache_clear()


def test_a_user_yaml_file_extends_the_shipped_lists(user_folder):
    shipped = knowledge.load_yaml("boilerplate.yaml")
    knowledge.load_yaml.cache_clear()
    (user_folder / "boilerplate.yaml").write_text("drop_lines:\n  - 'listen to this story'\n")
    merged = knowledge.load_yaml("boilerplate.yaml")
    assert merged["drop_lines"] == shipped["drop_lines"] + ["listen to this story"]
    assert merged["strip_fragments"] == shipped["strip_fragments"]


def test_a_user_csv_file_adds_rows(user_folder):
    shipped = knowledge.load_csv("actors/states.csv")
    knowledge.load_csv.cache_clear()
    header = ",".join(shipped[0].keys())
    row = ",".join("Freedonia" if k == "name" else "" for k in shipped[0])
    (user_folder / "actors").mkdir()
    (user_folder / "actors" / "states.csv").write_text(header + "\n" + row + "\n")
    extended = knowledge.load_csv("actors/states.csv")
    assert len(extended) == len(shipped) + 1
    assert extended[-1]["name"] == "Freedonia"


def test_the_users_knowledge_files_are_part_of_the_fingerprint(user_folder):
    before = knowledge.fingerprint()
    (user_folder / "actors").mkdir()
    (user_folder / "actors" / "people.csv").write_text("name,country\nAda Kovac,HRV\n")
    extended = knowledge.fingerprint()
    assert extended != before
    (user_folder / "actors" / "people.csv").write_text("name,country\nAda Kovac,SVN\n")
    assert knowledge.fingerprint() not in (before, extended)


def test_the_pipeline_version_follows_the_knowledge(user_folder):
    from communique.pipeline import pipeline_version

    before = pipeline_version(["time"])
    (user_folder / "time.yaml").write_text("{}\n")
    assert pipeline_version(["time"]) != before


def test_a_speech_verb_in_the_users_folder_finds_a_quotes_speaker_without_a_restart(tmp_path, monkeypatch):
    """Two pipelines in one process: the one built with the user's folder reads its verb, the other not."""
    import communique
    from communique import Pipeline
    from communique.settings import Settings

    monkeypatch.delenv("COMMUNIQUE_KNOWLEDGE", raising=False)
    text = (
        "The council met on Monday. \"The bridge will stay closed until the spring thaw,\" "
        "Mayor Ilse Varga grumbled on Tuesday.\n\nResidents of Dornbrook shrugged."
    )
    shipped = Pipeline(Settings())
    assert communique.annotate(text, published="2025-05-28", pipeline=shipped).quotes == []

    (tmp_path / "reporting_verbs.yaml").write_text("verbs:\n  - grumble\n")
    extended = Pipeline(Settings(knowledge=str(tmp_path)))
    quotes = communique.annotate(text, published="2025-05-28", pipeline=extended).quotes
    assert [q.speaker.name for q in quotes] == ["Mayor Ilse Varga"]
    assert extended.version != shipped.version  # stored articles are read again with the new verb


def test_each_knowledge_object_reads_its_own_folder(tmp_path):
    from communique.knowledge import Knowledge

    (tmp_path / "reporting_verbs.yaml").write_text("verbs:\n  - grumble\n")
    assert "grumble" in Knowledge(tmp_path).yaml("reporting_verbs.yaml")["verbs"]
    assert "grumble" not in Knowledge(None).yaml("reporting_verbs.yaml")["verbs"]


def test_a_derived_table_is_built_once_per_knowledge_object():
    from communique.knowledge import Knowledge

    built = []

    def table(knowledge: Knowledge) -> frozenset[str]:
        built.append(knowledge)
        return frozenset(knowledge.yaml("reporting_verbs.yaml")["verbs"])

    first, second = Knowledge(None), Knowledge(None)
    assert first.derived(table) is first.derived(table)
    second.derived(table)
    assert built == [first, second]


def test_every_annotator_hands_the_pipelines_knowledge_to_the_parse_it_reads(pipeline, annotate):
    """Helpers that hold only a token read the knowledge from its parse: it must be the pipeline's."""
    import copy

    from communique.knowledge import knowledge_of

    text = "The envoy of Veldora met the mayor of Tarsk on Monday. \"We will talk again,\" she said."
    document = annotate(text)
    for name, annotator in pipeline.annotators:
        parsed = pipeline.nlp(text)
        annotator(copy.deepcopy(document), parsed)
        assert knowledge_of(parsed) is pipeline.knowledge, name
