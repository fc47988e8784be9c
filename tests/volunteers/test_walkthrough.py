import pytest

from bot.volunteers.walkthrough import (FINISHED, NEED_STAFF, SHOW_PROBLEMS, SHOW_STEP, STOPPED, WalkState,
                                        Walkthrough)

WALK = Walkthrough(step_count=8)


@pytest.mark.parametrize("state, reply, expected", [
    (WalkState(0), "done", (WalkState(1), SHOW_STEP)),
    (WalkState(6), "done", (WalkState(7), SHOW_STEP)),
    (WalkState(7), "done", (WalkState(7), FINISHED)),
    (WalkState(3), "back", (WalkState(2), SHOW_STEP)),
    (WalkState(0), "back", (WalkState(0), SHOW_STEP)),
    (WalkState(2), "stuck", (WalkState(2, 2), SHOW_PROBLEMS)),
    (WalkState(2, 2), "stuck", (WalkState(2, 2), NEED_STAFF)),
    (WalkState(2, 1), "stuck", (WalkState(2, 2), SHOW_PROBLEMS)),
    (WalkState(2, 2), "done", (WalkState(3), SHOW_STEP)),
    (WalkState(4, 4), "repeat", (WalkState(4, 4), SHOW_STEP)),
    (WalkState(4), "stop", (WalkState(4), STOPPED)),
    (WalkState(42), "done", (WalkState(7), FINISHED)),
    (WalkState(-5), "back", (WalkState(0), SHOW_STEP)),
])
def test_replies_move_the_walkthrough(state, reply, expected):
    assert WALK.reply(state, reply) == expected


def test_stuck_twice_at_one_step_but_not_across_steps():
    state, shown = WALK.reply(WalkState(1), "stuck")
    state, shown = WALK.reply(state, "done")
    assert (state, shown) == (WalkState(2), SHOW_STEP)
    state, shown = WALK.reply(state, "stuck")
    assert shown == SHOW_PROBLEMS


def test_a_whole_walk_ends_filed():
    state, shown = WalkState(0), SHOW_STEP
    for _ in range(8):
        state, shown = WALK.reply(state, "done")
    assert shown == FINISHED


def test_bad_input_is_refused():
    with pytest.raises(ValueError):
        WALK.reply(WalkState(0), "xong")
    with pytest.raises(ValueError):
        Walkthrough(step_count=0)
