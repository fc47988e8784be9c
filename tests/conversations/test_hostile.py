import re

import pytest

from tests.hostile import HOSTILE_TEXTS

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("index", range(len(HOSTILE_TEXTS)))
def test_every_hostile_input_gets_an_answer(servers, index):
    text = HOSTILE_TEXTS[index]
    messages = servers.send(f"hostile-{index}", text, timeout=60)
    assert messages, f"no answer to {text[:40]!r}"
    for message in messages:
        assert message.get("text") or message.get("buttons")
    # the conversation goes on normally afterwards
    assert servers.send(f"hostile-{index}", "xin chào")


def test_no_exception_in_any_log(servers):
    offsets = servers.log_offsets()
    for index, text in enumerate(HOSTILE_TEXTS):
        servers.send(f"hostile-log-{index}", text, timeout=60)
    problems = [line for line in servers.log_text(since=offsets).splitlines()
                if re.search(r"Traceback|Exception|\bERROR\b", line)]
    assert not problems, "\n".join(problems[:20])
