"""SQL tracker store that never writes phone or ID numbers in clear.

Rasa keeps the unredacted tracker in memory for the turn being processed (so an
action can still check the digits a citizen just typed); everything written to
the database or streamed to an event broker goes through ``redact_tree``.
"""

from __future__ import annotations

from typing import Any, Dict, Iterator, List, Optional, Text

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event
from rasa.shared.core.trackers import DialogueStateTracker

from bot.privacy.redact import redact_tree

_KEEP = ("timestamp", "message_id", "event")


def _tune_sqlite(engine: Any) -> None:
    """WAL journal and NORMAL sync: one fsync per checkpoint instead of per message."""
    from sqlalchemy import event

    @event.listens_for(engine, "connect")
    def _on_connect(connection: Any, _record: Any) -> None:
        cursor = connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    engine.dispose()  # connections opened before the listener get the pragmas too


class RedactedEvent:
    """What the SQL store and the broker read of an event (``type_name``, ``as_dict``), redacted.

    Cheaper than rebuilding a Rasa ``Event`` from the redacted dict, which
    resolves the event class by scanning every subclass.
    """

    __slots__ = ("type_name", "_data")

    def __init__(self, event: Event) -> None:
        data: Dict[str, Any] = event.as_dict()
        kept = {key: data[key] for key in _KEEP if key in data}
        self.type_name = event.type_name
        self._data = {**redact_tree({k: v for k, v in data.items() if k not in _KEEP}), **kept}

    def as_dict(self) -> Dict[str, Any]:
        return dict(self._data)


class RedactingSQLTrackerStore(SQLTrackerStore):
    def __init__(self, domain: Optional[Domain] = None, host: Optional[Text] = None,
                 event_broker: Optional[EventBroker] = None, **kwargs: Any) -> None:
        super().__init__(domain=domain, host=host, event_broker=event_broker, **kwargs)
        if self.engine.dialect.name == "sqlite":
            _tune_sqlite(self.engine)

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator:
        for event in super()._additional_events(session, tracker):
            yield RedactedEvent(event)

    async def _stream_new_events(self, event_broker: EventBroker, new_events: List[Event], sender_id: Text) -> None:
        await super()._stream_new_events(event_broker, [RedactedEvent(e) for e in new_events], sender_id)
