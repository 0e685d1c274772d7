"""Command line for editors: ``python -m backknee check`` validates the content folder;
``python -m backknee coverage`` walks every combination of the explorer's answers and says how
often each tip and exercise is suggested, and whether every promise of the explorer holds."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from backknee.content.loader import content_dir, load_content
from backknee.errors import ContentError


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


def coverage(folder: Path) -> int:
    """Print how often each tip is on the cards and each exercise in the plan, over every
    combination of answers, and every broken promise (exit code 1 if there is one)."""
    from backknee.explorer import guarantees

    try:
        content = load_content(folder)
    except ContentError as error:
        print(f"{len(error.problems)} content problems: run `python -m backknee check` first.")
        return 1
    walk = guarantees.walk_every_answer(content.rules, content.tips, content.exercises)
    broken = guarantees.broken_promises(
        walk, content.red_flags, content.rules, content.tips, content.exercises
    )
    cards = Counter(c.tip_id for _, shown, _ in walk.tips for c in shown)
    listed = Counter(c.tip_id for _, _, more in walk.tips for c in more)
    planned = Counter(p.exercise_id for _, plan in walk.plans for p in plan.exercises)
    print(f"Every combination of answers: {len(walk.tips):,} for the tips, {len(walk.plans):,} for the plan.")
    print("\nTip: share of answers with it on a card (and in the list under the cards)")
    share = {t: (cards[t] / len(walk.tips), listed[t] / len(walk.tips)) for t in content.tips}
    for tip_id in sorted(content.tips, key=lambda t: -cards[t]):
        if content.tips[tip_id].recommendable:
            print(f"  {tip_id:32} {share[tip_id][0]:7.1%}  ({share[tip_id][1]:.1%})")
    print("\nExercise: share of plans with it")
    for exercise_id in sorted(content.exercises, key=lambda e: -planned[e]):
        print(f"  {exercise_id:32} {planned[exercise_id] / len(walk.plans):7.1%}")
    print()
    for promise, count in broken.items():
        print(f"{'BROKEN' if count else 'holds '}  {promise}" + (f": {count:,} cases" if count else ""))
    return 1 if any(broken.values()) else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m backknee", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="check every file in the content folder")
    check_parser.add_argument("folder", nargs="?", type=Path, help="content folder (default: content/)")
    coverage_parser = commands.add_parser(
        "coverage", help="how often each tip and exercise is suggested, and whether every promise holds"
    )
    coverage_parser.add_argument("folder", nargs="?", type=Path, help="content folder (default: content/)")
    args = parser.parse_args(argv)
    folder = args.folder or content_dir()
    if args.command == "coverage":
        return coverage(folder)
    return check(folder, date.today())


if __name__ == "__main__":
    sys.exit(main())
