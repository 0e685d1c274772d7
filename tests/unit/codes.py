"""Plan codes made by hand, as anyone could make them: any ids, any level number, and a right
checksum (shared by the share-code tests)."""

from __future__ import annotations

import base64

from backknee.explorer.share import PREFIX, VERSION, checksum, fingerprint


def crafted(tip_ids: list[str], exercises: list[tuple[str, int]]) -> str:
    """A readable code naming these tips and (exercise id, level number 0-3)."""
    body = bytes([VERSION, len(tip_ids) << 4 | len(exercises)])
    levels = 0
    for number, (_, level) in enumerate(exercises):
        levels |= level << (2 * number)
    for item in [*tip_ids, *(e for e, _ in exercises)]:
        body += fingerprint(item).to_bytes(2, "big")
    body += levels.to_bytes(2, "big")
    body += checksum(body).to_bytes(2, "big")
    return f"{PREFIX}{VERSION}-" + base64.b32encode(body).decode("ascii").rstrip("=")
