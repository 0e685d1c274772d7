"""Every content file is valid, every source resolves, and patient text is easy to read."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
import textstat
import yaml

from backknee.errors import ContentError
from backknee.loader import ITEM_FOLDERS, SINGLE_FILES, load_content
from backknee.models import PAGE_MODELS, Reviewed, cited_reference_ids
from tests.conftest import CONTENT

FILES = sorted(CONTENT.rglob("*.yaml"))
MAX_GRADE = 8
MIN_WORDS = 40


def _problems_by_file() -> dict[str, list[str]]:
    try:
        load_content(CONTENT)
    except ContentError as error:
        found: dict[str, list[str]] = defaultdict(list)
        for problem in error.problems:
            found[problem.file].append(str(problem))
        return found
    return {}


PROBLEMS = _problems_by_file()


def shown(path: Path) -> str:
    return f"content/{path.relative_to(CONTENT)}"


@pytest.mark.parametrize("path", FILES, ids=shown)
def test_every_content_file_is_valid(path):
    assert not PROBLEMS.get(shown(path)), "\n".join(PROBLEMS[shown(path)])


def test_the_check_found_every_file_it_should():
    expected = {f"content/{name}" for name in SINGLE_FILES} | {f"content/pages/{p}.yaml" for p in PAGE_MODELS}
    items = {shown(p) for p in FILES if p.parent.name in ITEM_FOLDERS and p.parent.parent == CONTENT}
    assert {shown(p) for p in FILES} == expected | items, (
        "a content file is missing, or one is not checked by a model"
    )


def test_every_reference_cited_anywhere_resolves():
    content = load_content(CONTENT)
    cited = {ref for page in content.pages.values() for ref in _cited(page)} | {
        ref for level in content.red_flags.levels for ref in level.references
    }
    assert cited, "the pages should cite their sources"
    assert cited <= set(content.references)


def _cited(model: Reviewed) -> set[str]:
    return {ref_id for _, ref_id in cited_reference_ids(model)}


def plain(text: str) -> str:
    """Markdown to plain words: link text kept, emphasis marks dropped."""
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)
    return re.sub(r"[*_#>`]", "", text)


def patient_text_blocks() -> list[tuple[str, str, str]]:
    """(file, field, text) for every text of MIN_WORDS words or more that a patient reads."""
    blocks = []
    for path in FILES:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        blocks.extend((shown(path), field, text) for field, text in long_texts(path.name, data))
    return blocks


def long_texts(file_name: str, data: object) -> list[tuple[str, str]]:
    """(field, plain text) for each text of MIN_WORDS words or more in one file's data."""
    texts = []
    for field, value in _leaves(data):
        if file_name == "references.yaml" and not field.endswith(".note"):
            continue  # titles and journals are citations, not our prose; notes are ours
        if isinstance(value, str) and len(plain(value).split()) >= MIN_WORDS:
            texts.append((field, plain(value)))
    return texts


def _leaves(value: object, path: str = ""):
    """Every text in a file with its field path, and each list's texts joined as they are
    shown together on a page (a list of warning signs, the steps of the cycle)."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for number, item in enumerate(value, start=1):
            yield from _leaves(item, f"{path}[{number}]")
        if value and all(isinstance(item, dict) for item in value):
            for key in value[0]:
                texts = [item.get(key) for item in value]
                if all(isinstance(text, str) for text in texts):
                    yield f"{path}[*].{key}", " ".join(text.rstrip(".") + "." for text in texts)
    else:
        yield path, value


BLOCKS = patient_text_blocks()


def test_the_reading_level_test_scores_the_long_texts():
    scored = {(file, field) for file, field, _ in BLOCKS}
    assert ("content/pages/home.yaml", "intro") in scored
    assert ("content/red_flags.yaml", "levels[3].action") in scored
    assert ("content/red_flags.yaml", "levels[1].back[*].text") in scored, "a list is scored as one block"
    assert ("content/pages/home.yaml", "cycle.steps[*].explanation") in scored


def test_in_the_sources_only_our_notes_are_scored_not_the_titles_of_papers():
    long = " ".join(["word"] * MIN_WORDS)
    source = {"id": "x", "title": long, "published_in": long, "note": long}
    fields = {field for field, _ in long_texts("references.yaml", {"references": [source]})}
    assert fields == {"references[1].note", "references[*].note"}


@pytest.mark.parametrize(("file", "field", "text"), BLOCKS, ids=[f"{f}:{field}" for f, field, _ in BLOCKS])
def test_patient_text_reads_at_grade_8_or_below(file, field, text):
    grade = textstat.flesch_kincaid_grade(text)
    assert grade <= MAX_GRADE, (
        f"{file}: {field}: reading grade {grade:.1f} is above {MAX_GRADE} (a reading age of about 13; "
        "we aim for 9-11, about grade 6). "
        "Use shorter sentences and shorter words, and explain any medical word."
    )


DOSE = re.compile(r"\b\d+(\.\d+)?\s?(mg|ml|milligrams?|grams?|tablets?|capsules?|puffs?)\b", re.IGNORECASE)


@pytest.mark.parametrize("tip_id", sorted(load_content(CONTENT).tips), ids=str)
def test_no_tip_gives_a_medicine_dose(tip_id):
    """The app never doses: a medicine tip says to ask a pharmacist or GP."""
    tip = load_content(CONTENT).tips[tip_id]
    words = " ".join([tip.title, tip.summary, tip.why, *tip.steps, *tip.cautions])
    assert not DOSE.search(words), f"content/tips/{tip_id}.yaml gives a dose: {DOSE.search(words).group(0)!r}"
