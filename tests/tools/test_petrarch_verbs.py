"""tools/petrarch_verbs.py: candidate triggers from a verb dictionary in PETRARCH2's format, on a fixture
of our own."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import yaml

TOOLS = Path(__file__).resolve().parents[2] / "tools"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="module")
def tool():
    spec = importlib.util.spec_from_file_location("petrarch_verbs", TOOLS / "petrarch_verbs.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while they are built
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop(spec.name, None)


@pytest.fixture(scope="module")
def found(tool):
    """Candidates of the fixture dictionary, patterns included."""
    text = (FIXTURES / "verbs_sample.txt").read_text(encoding="utf-8")
    modes = tool.plover_modes(FIXTURES / "plover_sample.yaml")
    table = tool.read_table((FIXTURES / "table_sample.txt").read_text(encoding="utf-8"), modes)
    known = tool.known_lemmas(FIXTURES / "lexicon_sample.yaml")
    return tool.candidates(tool.parse_dictionary(text), table, known, patterns=True)


def test_verb_lines_give_lemma_particle_and_the_block_or_own_code(tool):
    entries = tool.parse_dictionary((FIXTURES / "verbs_sample.txt").read_text(encoding="utf-8"))
    by_lemma = {e.lemma: e for e in entries}
    assert by_lemma["pummel"].code == "194"
    assert by_lemma["shoot"].particles == ("up",) and by_lemma["shoot"].code == "194"
    assert by_lemma["board"].code == "1711"  # its own code overrides the block's
    assert by_lemma["greet"].code is None  # the null code "---"
    assert "wire" not in by_lemma and "tap" not in by_lemma  # a word before the verb: not in our frames


def test_a_cameo_code_becomes_the_plover_type_and_mode_with_its_origin(found):
    assert found["pummel"][-1][0] == {"type": "ASSAULT", "mode": "heavy-weapons", "source": "petrarch2:194"}
    assert found["shoot"][-1][0] == {"type": "ASSAULT", "mode": "heavy-weapons", "when_prep": ["up"],
                                     "source": "petrarch2:194"}


def test_lemmas_we_have_codes_without_a_plover_type_and_null_codes_give_no_candidate(found):
    assert "hail" not in found  # already in the lexicon
    assert "whisper" not in found  # CAMEO 012 has no PLOVER type in the table
    assert "drought" not in found
    # a block with the null code: no plain sense, only the sense its pattern gives
    greet = {"type": "SUPPORT", "when_obj": ["crowd"], "source": "petrarch2:051"}
    assert [f for f, _ in found["greet"]] == [greet]


def test_a_mode_plover_2_does_not_have_is_dropped(found):
    frames = [f for f, _ in found["pummel"]]
    destroy = {"type": "ASSAULT", "when_prep": ["at"], "when_obj": ["border"], "source": "petrarch2:1712"}
    assert destroy in frames


def test_pattern_frames_come_before_the_plain_sense_and_synsets_are_expanded(found):
    frames = [f for f, _ in found["board"]]
    ships = {"type": "COERCE", "mode": "seize", "when_obj": ["ferry", "tanker"], "source": "petrarch2:171"}
    assert frames[0] == ships
    assert frames[-1] == {"type": "COERCE", "mode": "seize", "source": "petrarch2:1711"}


def test_parent_code_stands_in_for_a_code_the_table_lacks(tool):
    table = {"194": tool.PloverCode("ASSAULT", "heavy-weapons", "")}
    assert tool.plover_code("1941", table).type == "ASSAULT"
    assert tool.plover_code("19", table) is None


def test_written_candidates_load_as_frames_of_our_lexicon(tool, tmp_path):
    from communique.annotators.events.lexicon import _frame

    out = tmp_path / "candidates.yaml"
    code = tool.main([str(FIXTURES / "verbs_sample.txt"), "--table", str(FIXTURES / "table_sample.txt"),
                      "--lexicon", str(FIXTURES / "lexicon_sample.yaml"),
                      "--plover", str(FIXTURES / "plover_sample.yaml"), "-o", str(out)])
    assert code == 0
    verbs = yaml.safe_load(out.read_text(encoding="utf-8"))["verbs"]
    assert set(verbs) == {"pummel", "shoot", "board"}  # without --patterns: one plain frame per verb
    frames = [_frame(item, ("obj",)) for items in verbs.values() for item in items]
    assert {f.type for f in frames} == {"ASSAULT", "COERCE"}


def test_a_missing_input_ends_in_one_line(tool, tmp_path, capsys):
    code = tool.main([str(tmp_path / "absent.txt"), "--table", str(FIXTURES / "table_sample.txt")])
    assert code == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("petrarch_verbs: cannot read input") and "\n" not in err
