from timeline.extraction.lexicon import event_types
from timeline.models import EventType


def test_it_gives_the_database_the_same_choices():
    assert list(EventType.values) == list(event_types.EVENT_TYPES)
    assert EventType.MISSILE_TEST == event_types.MISSILE_TEST
    assert dict(EventType.choices)["troop deployment"] == "troop deployment"
