"""One runtime fix for Rasa 3.6.21, applied when Rasa imports our components.

``RemoteAction._validate_action_result`` calls ``jsonschema.validate`` for every
action-server response, which re-checks the (constant) response schema each
time: 40 % of the Rasa server's CPU in our profile (bench/README.md). We
validate against a validator built once for that schema: the same checks and
the same ``ValidationError`` for a bad response, without re-checking the schema.
"""

from __future__ import annotations

import functools
from typing import Any, Dict, Text

_INSTALLED = "_tro_ly_cached_validator"


@functools.lru_cache(maxsize=1)
def _validator() -> Any:
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _validate_action_result(self: Any, result: Dict[Text, Any]) -> bool:
    from jsonschema import ValidationError
    from rasa.shared.constants import DOCS_BASE_URL

    try:
        _validator().validate(result)
        return True
    except ValidationError as error:
        error.message += (
            ". Failed to validate Action server response from API, make sure your response "
            f"from the Action endpoint is valid. For more information visit {DOCS_BASE_URL}/custom-actions"
        )
        raise


def install() -> None:
    """Idempotent."""
    from rasa.core.actions.action import RemoteAction

    if not getattr(RemoteAction, _INSTALLED, False):
        RemoteAction._validate_action_result = _validate_action_result
        setattr(RemoteAction, _INSTALLED, True)
