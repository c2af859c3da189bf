"""The names a quote's speaker is printed under: the fullest name the text gives a person."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..entities import entities

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ...document import Document


def full_person_names(document: Document, parsed: Doc) -> dict[str, str]:
    """Actor id -> the fullest name the text gives the person, spelled as the text spells it.

    Quotes are searched by the name the article prints ("Umierov", where a
    gazetteer may say "Umerov"); the actor id still links the canonical actor.
    A narrow stand-in for what the actors layer may come to do: a name split
    in two by the entity recognizer ("Sheikh Mohammed bin Abdulrahman" + "bin
    Jassim Al-Thani") is glued back, and a short name ("Trump", "Sheikh
    Mohammed") takes the one longer name that starts or ends with it; with two
    such names it is ambiguous and stays as it is.
    """
    text = document.text
    persons = [a for a in document.actors if a.kind == "person"]
    people = [(e.start_char, e.end_char) for e in entities(parsed) if e.label_ == "PERSON"]
    names: dict[str, set[str]] = {}
    spans: list[tuple[int, int, str]] = []
    for actor in persons:
        written = set()
        for m in actor.mentions:
            for start, end in people:
                if m.start <= start and end <= m.end:
                    written.add(" ".join(text[start:end].split()))
                    spans.append((start, end, actor.id))
        # the canonical name when the text writes it so, else the text's own spelling
        names[actor.id] = {actor.name} if actor.name in text or not written else {max(written, key=len)}
    spans.sort()
    for (s1, e1, id1), (s2, e2, id2) in zip(spans, spans[1:], strict=False):
        if id1 != id2 and s2 > e1 and not text[e1:s2].strip() and "\n" not in text[e1:s2]:
            glued = " ".join(text[s1:e2].split())
            names[id1].add(glued)
            names[id2].add(glued)
    every = {n for group in names.values() for n in group}
    out: dict[str, str] = {}
    for actor in persons:
        own = max(names[actor.id], key=len)
        longer = {
            n for n in every if len(n) > len(own) and (n.startswith(own + " ") or n.endswith(" " + own))
        }
        # keep only the longest of nested candidates ("Sheikh Mohammed bin Abdulrahman" inside the glued name)
        longest = {n for n in longer if not any(len(o) > len(n) and n in o for o in longer)}
        out[actor.id] = longest.pop() if len(longest) == 1 else own
    return out
