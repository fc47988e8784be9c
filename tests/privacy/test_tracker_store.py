import asyncio

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.privacy.tracker_store import RedactingSQLTrackerStore

SECRETS = ["0912345678", "079203001234", "5678"]


def test_nothing_personal_reaches_the_database(tmp_path):
    db = tmp_path / "tracker.db"
    store = RedactingSQLTrackerStore(domain=Domain.empty(), dialect="sqlite", db=str(db))
    tracker = DialogueStateTracker("citizen", [])
    tracker.update(ActionExecuted("action_listen"))
    tracker.update(UserUttered("sdt toi 0912345678, cccd 079203001234",
                               {"name": "inform", "confidence": 1.0},
                               [{"entity": "x", "value": "0912345678", "start": 8, "end": 18}]))
    tracker.update(UserUttered("5678", {"name": "inform", "confidence": 1.0}))
    tracker.update(SlotSet("phone_last4", "5678"))
    tracker.update(UserUttered("ho so 000.31.35.H12-251103-0042", {"name": "check_dossier_status", "confidence": 1.0}))
    tracker.update(BotUttered("Lệ phí 15.000 đ"))
    asyncio.run(store.save(tracker))

    raw = db.read_bytes()
    for secret in SECRETS:
        assert secret.encode() not in raw
    assert b"000.31.35.H12-251103-0042" in raw  # dossier codes stay usable

    restored = asyncio.run(store.retrieve("citizen"))
    texts = [e.text for e in restored.events if isinstance(e, UserUttered)]
    assert texts == ["sdt toi <phone>, cccd <id-number>", "<digits>", "ho so 000.31.35.H12-251103-0042"]
    assert restored.get_slot("phone_last4") is None or restored.get_slot("phone_last4") == "<digits>"

    # saving again adds nothing twice
    asyncio.run(store.save(restored))
    assert len(asyncio.run(store.retrieve("citizen")).events) == len(restored.events)
