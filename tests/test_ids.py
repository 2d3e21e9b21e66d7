import time
import uuid

from core.ids import deterministic_id, uuid7, uuid7_time_ms


def test_uuid7_version_variant_and_order():
    ids = [uuid7() for _ in range(5000)]
    assert len(set(ids)) == len(ids)
    assert ids == sorted(ids)  # creation order = sort order, also within one millisecond
    u = uuid.UUID(ids[0])
    assert u.version == 7
    assert u.variant == uuid.RFC_4122


def test_uuid7_carries_its_time():
    before = int(time.time() * 1000)
    made = uuid7_time_ms(uuid7())
    assert before <= made <= int(time.time() * 1000) + 1


def test_deterministic_id_is_stable_and_distinct():
    assert deterministic_id("ns", "a", "b") == deterministic_id("ns", "a", "b")
    assert deterministic_id("ns", "a", "b") != deterministic_id("ns", "ab", "")
