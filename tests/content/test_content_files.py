"""Every content file is valid, every source resolves, and patient text is easy to read."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
import textstat
import yaml

from backknee.content.base import Reviewed
from backknee.content.checks import cited_reference_ids
from backknee.content.loader import ITEM_FOLDERS, SINGLE_FILES, load_content
from backknee.content.pages import PAGE_MODELS
from backknee.errors import ContentError
from tests.paths import CONTENT

FILES = sorted(CONTENT.rglob("*.yaml"))
MAX_GRADE = 6
"""Flesch-Kincaid grade 6: a reading age of about 11 (the NHS aims for 9 to 11)."""
MIN_WORDS = 40
"""Texts this long or longer are scored as a whole: shorter ones give unsteady scores."""
MAX_AVERAGE_SENTENCE = 15
MAX_SENTENCE = 25
MAX_UNCOMMON = 0.10


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


def every_patient_text() -> list[tuple[str, str, str]]:
    """(file, field, text) for every single text a patient reads, of any length."""
    texts = []
    for path in FILES:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for field, value in _leaves(data):
            if "[*]" in field or not isinstance(value, str) or not value.strip():
                continue
            if path.name == "references.yaml" and not field.endswith(".note"):
                continue
            if path.name == "rules.yaml" and not field.endswith(".because"):
                continue
            texts.append((shown(path), field, plain(value)))
    return texts


BLOCKS = patient_text_blocks()
EVERY_TEXT = every_patient_text()


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


TERMS = load_content(CONTENT).terms.words


@pytest.mark.parametrize(("file", "field", "text"), BLOCKS, ids=[f"{f}:{field}" for f, field, _ in BLOCKS])
def test_patient_text_reads_at_grade_6_or_below(file, field, text):
    grade = textstat.flesch_kincaid_grade(text)
    assert grade <= MAX_GRADE, (
        f"{file}: {field}: reading grade {grade:.1f} is above {MAX_GRADE} (a reading age of about 11). "
        f"Its longest sentences: {longest(text)}. Use shorter sentences and shorter words, and "
        "explain any medical word."
    )


@pytest.mark.parametrize(("file", "field", "text"), BLOCKS, ids=[f"{f}:{field}" for f, field, _ in BLOCKS])
def test_patient_text_has_short_sentences_on_average(file, field, text):
    lengths = [len(s.split()) for s in sentences(text)]
    average = sum(lengths) / len(lengths)
    assert average <= MAX_AVERAGE_SENTENCE, (
        f"{file}: {field}: sentences average {average:.1f} words; keep it to {MAX_AVERAGE_SENTENCE} "
        f"or fewer. The longest: {longest(text)}."
    )


@pytest.mark.parametrize(
    ("file", "field", "text"), EVERY_TEXT, ids=[f"{f}:{field}" for f, field, _ in EVERY_TEXT]
)
def test_no_sentence_a_patient_reads_is_over_25_words(file, field, text):
    long = [s for s in sentences(text) if len(s.split()) > MAX_SENTENCE]
    assert not long, (
        f"{file}: {field}: a sentence of {len(long[0].split())} words (keep each to {MAX_SENTENCE} or "
        f"fewer): {long[0]!r}"
    )


@pytest.mark.parametrize(("file", "field", "text"), BLOCKS, ids=[f"{f}:{field}" for f, field, _ in BLOCKS])
def test_patient_text_has_few_uncommon_words_besides_the_terms_it_explains(file, field, text):
    uncommon = uncommon_words(text)
    share = len(uncommon) / textstat.lexicon_count(text)
    assert share <= MAX_UNCOMMON, (
        f"{file}: {field}: {share:.0%} of the words are uncommon (keep it to {MAX_UNCOMMON:.0%}): "
        f"{', '.join(sorted(uncommon))}. Use everyday words, or add a word the page explains to "
        "content/terms.yaml."
    )


def sentences(text: str) -> list[str]:
    """The sentences of a text: it breaks after . ! or ? and a space."""
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


def longest(text: str) -> str:
    ordered = sorted(sentences(text), key=lambda s: -len(s.split()))
    return "; ".join(f"{s!r} ({len(s.split())} words)" for s in ordered[:2])


def uncommon_words(text: str) -> set[str]:
    """textstat's difficult words (not on the Dale-Chall list of common words, two syllables or
    more), less the terms the guide explains (content/terms.yaml)."""
    return {w for w in textstat.difficult_words_list(text) if w.lower() not in TERMS}


def test_the_reading_rules_can_fail():
    assert (
        textstat.flesch_kincaid_grade(
            "Osteoarthritis necessitates comprehensive multidisciplinary management."
        )
        > 6
    )
    assert len(uncommon_words("Physiotherapy necessitates comprehensive rehabilitation.")) == 3
    assert uncommon_words("See a physio.") == set(), "a term the guide explains is not counted"
    assert [len(s.split()) for s in sentences("One two. Three four five! Six?")] == [2, 3, 1]


def test_every_term_the_guide_explains_is_used_somewhere_a_patient_reads():
    words = " ".join(text for _, _, text in EVERY_TEXT).lower()
    unused = sorted(
        t.term
        for t in load_content(CONTENT).terms.terms
        if not re.search(rf"\b{re.escape(t.term.lower())}", words)
    )
    assert not unused, f"content/terms.yaml: terms: not used anywhere, so remove them: {', '.join(unused)}"


DOSE = re.compile(r"\b\d+(\.\d+)?\s?(mg|ml|milligrams?|grams?|tablets?|capsules?|puffs?)\b", re.IGNORECASE)


@pytest.mark.parametrize("tip_id", sorted(load_content(CONTENT).tips), ids=str)
def test_no_tip_gives_a_medicine_dose(tip_id):
    """The app never doses: a medicine tip says to ask a pharmacist or GP."""
    tip = load_content(CONTENT).tips[tip_id]
    words = " ".join([tip.title, tip.summary, tip.why, *tip.steps, *tip.cautions])
    assert not DOSE.search(words), f"content/tips/{tip_id}.yaml gives a dose: {DOSE.search(words).group(0)!r}"


TIPS_NOW = load_content(CONTENT).tips


@pytest.mark.parametrize("tip_id", sorted(TIPS_NOW), ids=str)
def test_every_verdict_names_its_guideline_and_says_where_we_read_it(tip_id):
    tip = TIPS_NOW[tip_id]
    for joint, verdict in tip.evidence.verdicts:
        wanted = "NICE NG59" if joint.value == "back" else "NICE NG226"
        assert verdict.guideline == wanted, (
            f"content/tips/{tip_id}.yaml: evidence.{joint.value}: use {wanted}"
        )
        assert verdict.read_in in ("guideline", "summary"), (
            f"content/tips/{tip_id}.yaml: evidence.{joint.value}"
        )


@pytest.mark.parametrize("tip_id", sorted(TIPS_NOW), ids=str)
def test_no_tip_for_one_joint_carries_the_other_joints_verdict(tip_id):
    tip = TIPS_NOW[tip_id]
    joints = {joint.value for joint, _ in tip.evidence.verdicts}
    expected = {"back", "knee"} if tip.helps.value == "both" else {tip.helps.value}
    assert joints == expected, (
        f"content/tips/{tip_id}.yaml: evidence: a tip for {tip.helps.value} gives verdicts for "
        f"{', '.join(sorted(joints))}"
    )
