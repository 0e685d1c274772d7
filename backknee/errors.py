"""Named errors, each caught by the app and shown to people as a calm message."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ContentProblem:
    """One thing wrong in one content file, written for the editor who will fix it."""

    file: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.field}: {self.message}"


class ContentError(Exception):
    """The content folder has problems; every problem is listed, not just the first."""

    def __init__(self, problems: list[ContentProblem]) -> None:
        self.problems = problems
        count = len(problems)
        noun = "problem" if count == 1 else "problems"
        lines = "\n".join(str(p) for p in problems)
        super().__init__(f"{count} content {noun}:\n{lines}")


class InvalidShareCode(Exception):
    """A share code that is wrong, damaged, from an older version, or names things we do not have."""
