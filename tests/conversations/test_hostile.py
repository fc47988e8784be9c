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


@pytest.mark.parametrize("flow", ["walkthrough", "callback", "complaint", "volunteer"])
def test_hostile_input_inside_a_walkthrough_or_form_is_answered(servers, flow):
    """Each hostile text at the point where the flow waits for free text: answered, nothing logged as an error."""
    offsets = servers.log_offsets()
    opening = {
        "walkthrough": ['/start_guided_filing{"procedure": "dang-ky-khai-sinh"}'],
        "callback": ["/request_callback", "/affirm"],
        "complaint": ["/file_complaint", "/affirm"],
        "volunteer": ["tôi là tình nguyện viên"],
    }[flow]
    for index, text in enumerate(HOSTILE_TEXTS):
        someone = f"hostile-{flow}-{index}"
        for step in opening:
            assert servers.send(someone, step)
        messages = servers.send(someone, text, timeout=60)
        assert messages and all(m.get("text") or m.get("buttons") for m in messages), (flow, text[:40])
        # answered by the flow itself, not by the dialogue's last-resort fallback
        assert not any("vẫn chưa hiểu câu hỏi" in (m.get("text") or "") for m in messages), (flow, text[:40])
    someone = f"hostile-{flow}-after"
    for step in opening:
        servers.send(someone, step)
    for text in HOSTILE_TEXTS[:8]:
        servers.send(someone, text, timeout=60)
    if flow == "walkthrough":  # the walkthrough kept its place
        assert "Bước 2/8" in "\n".join(m.get("text", "") for m in servers.send(someone, "/guide_done"))
    problems = [line for line in servers.log_text(since=offsets).splitlines()
                if re.search(r"Traceback|Exception|\bERROR\b", line)]
    assert not problems, "\n".join(problems[:20])
