"""A picture's box is sized on the server, from the picture alone: no wider than the room a
phone's column gives, the picture's shape kept, with room above for what sits over it."""

from __future__ import annotations

import pytest

from backknee.ui.figures import ROOM_WIDTH_PX, room_size


def test_a_picture_wider_than_the_room_is_boxed_at_the_rooms_width_in_its_own_shape():
    width, height = room_size(2 * ROOM_WIDTH_PX, ROOM_WIDTH_PX)
    assert (width, height) == (ROOM_WIDTH_PX, ROOM_WIDTH_PX // 2)


def test_a_narrower_picture_keeps_its_own_size_rounded_up_so_it_never_spills():
    assert room_size(285.6, 460.2) == (286, 461)


def test_room_above_a_picture_is_added_to_its_box_height():
    plain = room_size(959.6, 380)
    with_controls = room_size(959.6, 380, above=60)
    assert with_controls[0] == plain[0]
    assert with_controls[1] - plain[1] == pytest.approx(60, abs=1)
