import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

import bot.nlu  # noqa: F401  (installs the fix)


def action():
    return RemoteAction("action_x", None)


def test_valid_response_passes():
    assert action()._validate_action_result({"events": [{"event": "slot", "name": "x", "value": 1}], "responses": []})


@pytest.mark.parametrize("bad", [{"events": "nope"}, {"responses": [1]}, {"events": [{"no_event_key": 1}]}])
def test_invalid_response_still_raises(bad):
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        action()._validate_action_result(bad)
