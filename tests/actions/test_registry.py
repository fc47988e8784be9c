"""The action server registers every custom action the domain names, and nothing it cannot run."""

from rasa.shared.core.domain import Domain
from rasa_sdk.executor import ActionExecutor

from bot import PROJECT_ROOT


def test_every_domain_action_is_registered_once():
    executor = ActionExecutor()
    executor.register_package("actions")  # raises if an action cannot even name itself
    domain = Domain.load(str(PROJECT_ROOT / "domain"))
    custom = {a for a in domain.user_actions if a.startswith(("action_", "validate_"))}
    assert custom and custom <= set(executor.actions), sorted(custom - set(executor.actions))
