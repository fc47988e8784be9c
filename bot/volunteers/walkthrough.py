"""The state of a guided self-filing walkthrough and how a reply moves it.

One step is shown per message. The citizen answers "Xong" (done), "Chưa
được" (stuck) or "Quay lại" (back). Stuck once at a step shows that step's
common problems and fixes; stuck again at the same step hands over to staff.
Finishing the last step means the citizen filed the dossier themselves.

>>> walk = Walkthrough(step_count=3)
>>> walk.reply(WalkState(0), "done")
(WalkState(step=1, stuck_at=None), 'show_step')
>>> walk.reply(WalkState(1), "stuck")
(WalkState(step=1, stuck_at=1), 'show_problems')
>>> walk.reply(WalkState(1, stuck_at=1), "stuck")
(WalkState(step=1, stuck_at=1), 'need_staff')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple

REPLIES = ("done", "stuck", "back", "repeat", "stop")
#: what to show after a reply
SHOW_STEP, SHOW_PROBLEMS, NEED_STAFF, FINISHED, STOPPED = (
    "show_step", "show_problems", "need_staff", "finished", "stopped")


@dataclass(frozen=True)
class WalkState:
    step: int  # 0-based index of the step being shown
    stuck_at: Optional[int] = None  # the step whose problems were shown already


@dataclass(frozen=True)
class Walkthrough:
    step_count: int

    def __post_init__(self) -> None:
        if self.step_count < 1:
            raise ValueError("a walkthrough has at least one step")

    def reply(self, state: WalkState, reply: str) -> Tuple[WalkState, str]:
        """The next state and what to show after the citizen's ``reply``."""
        if reply not in REPLIES:
            raise ValueError(f"reply must be one of {REPLIES}")
        step = max(0, min(state.step, self.step_count - 1))
        if reply == "stop":
            return WalkState(step, state.stuck_at), STOPPED
        if reply == "repeat":
            return WalkState(step, state.stuck_at), SHOW_STEP
        if reply == "back":
            return WalkState(max(0, step - 1)), SHOW_STEP
        if reply == "stuck":
            if state.stuck_at == step:
                return WalkState(step, step), NEED_STAFF
            return WalkState(step, step), SHOW_PROBLEMS
        if step + 1 >= self.step_count:
            return WalkState(step), FINISHED
        return WalkState(step + 1), SHOW_STEP
