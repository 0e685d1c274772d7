"""Command line: ``python -m backknee check`` validates the content folder for editors."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from backknee.errors import ContentError
from backknee.loader import content_dir, load_content


def check(folder: Path, today: date) -> int:
    """Print every content problem (exit code 1) or a one-line summary (exit code 0).

    Notes that are not problems (reviews due, files not yet checked by a clinician, an
    example phone number) go to standard error, so the summary stays one line.
    """
    try:
        content = load_content(folder)
    except ContentError as error:
        for problem in error.problems:
            print(problem)
        count = len(error.problems)
        print(
            f"{count} problem{'s' if count != 1 else ''} found in {folder}. Fix them and run the check again."
        )
        return 1
    overdue = [r for r in content.reviews if r.review_due < today]
    for review in overdue:
        print(f"{review.file}: review_due: note: the review was due on {review.review_due}", file=sys.stderr)
    unchecked = [r for r in content.reviews if r.reviewed_by is None]
    for review in unchecked:
        print(f"{review.file}: reviewed_by: note: not yet checked by a clinician", file=sys.stderr)
    if content.clinic.phone_is_an_example:
        print(
            "content/clinic.yaml: phone: note: this is an example number (020 7946 0xxx); "
            "put the clinic's real number, hours and booking address here before going live",
            file=sys.stderr,
        )
    signs = sum(len(level.back) + len(level.knee) for level in content.red_flags.levels)
    print(
        f"Content OK: {len(content.pages)} pages, {len(content.references)} references, "
        f"{signs} warning signs, {len(content.reviews)} files checked in {folder}"
        + (f"; {len(overdue)} overdue for review" if overdue else "")
        + (f"; {len(unchecked)} not yet checked by a clinician" if unchecked else "")
        + "."
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m backknee", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="check every file in the content folder")
    check_parser.add_argument("folder", nargs="?", type=Path, help="content folder (default: content/)")
    args = parser.parse_args(argv)
    return check(args.folder or content_dir(), date.today())


if __name__ == "__main__":
    sys.exit(main())
