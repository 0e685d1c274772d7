"""Read one content file's YAML strictly: dates stay text, a repeated key is refused, and any
failure comes back as a `ContentProblem` for the editor instead of an exception.

`import yaml` below is PyYAML: imports are absolute, so this module does not shadow it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

import yaml

from backknee.errors import ContentProblem

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _ContentLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """YAML loader that keeps dates as text (pydantic explains bad ones) and refuses repeated keys."""

    yaml_implicit_resolvers: ClassVar[dict[Any, list[tuple[str, Any]]]] = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
    }

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"'{key}' appears twice here; keep one", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)  # type: ignore[no-any-return]


def read_mapping(path: Path, shown: str) -> dict[Any, Any] | ContentProblem:
    """The 'name: value' lines of one file, or the one problem that stopped us reading it.
    `shown` is the file's name as the editor sees it, such as content/site.yaml."""
    if not path.exists():
        return ContentProblem(shown, "file", "this file is missing")
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_ContentLoader)  # noqa: S506
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"line {mark.line + 1}" if mark else "file"
        what = error.problem or error.context or "the YAML could not be read"
        return ContentProblem(shown, where, f"could not read this file: {what}")
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        return ContentProblem(shown, "file", f"could not read this file: {error}")
    except OSError as error:
        return ContentProblem(shown, "file", f"could not open this file: {error.strerror}")
    if not isinstance(data, dict):
        return ContentProblem(
            shown, "file", "the file should be made of 'name: value' lines, but it is empty or a list"
        )
    return data
