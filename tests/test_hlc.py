"""HLC and field-merge properties: the guarantees sync will rely on."""

from hypothesis import given
from hypothesis import strategies as st

from core.fieldclock import merge
from core.hlc import COUNTER_MASK, HybridLogicalClock, Stamp, pack, unpack


class FakeWall:
    def __init__(self, ms: int) -> None:
        self.ms = ms

    def __call__(self) -> int:
        return self.ms


@given(st.lists(st.integers(min_value=-10_000, max_value=10_000), min_size=1, max_size=200))
def test_now_is_strictly_monotonic_under_clock_jumps(jumps):
    wall = FakeWall(1_700_000_000_000)
    clock = HybridLogicalClock(wall=wall)
    previous = 0
    for jump in jumps:
        wall.ms = max(0, wall.ms + jump)  # the wall clock goes back as well as forward
        stamp = clock.now()
        assert stamp > previous
        previous = stamp


def test_counter_overflow_moves_into_next_millisecond():
    wall = FakeWall(1000)
    clock = HybridLogicalClock(last=pack(1000, COUNTER_MASK - 1), wall=wall)
    a = clock.now()
    b = clock.now()
    assert unpack(a) == (1000, COUNTER_MASK)
    assert unpack(b) == (1001, 0)


@given(
    st.integers(min_value=0, max_value=2**40),
    st.integers(min_value=0, max_value=2**40),
    st.integers(min_value=0, max_value=COUNTER_MASK - 1),
)
def test_observe_moves_past_remote_and_local(local_ms, remote_ms, remote_counter):
    clock = HybridLogicalClock(wall=FakeWall(local_ms))
    before = clock.now()
    remote = pack(remote_ms, remote_counter)
    after = clock.observe(remote)
    assert after > remote and after > before
    assert clock.now() > after


def test_stamps_are_totally_ordered_by_hlc_then_device():
    stamps = [Stamp(5, "b"), Stamp(5, "a"), Stamp(4, "z"), Stamp(6, "a")]
    assert sorted(stamps) == [Stamp(4, "z"), Stamp(5, "a"), Stamp(5, "b"), Stamp(6, "a")]
    assert Stamp.decode(Stamp(7, "x").encode()) == Stamp(7, "x")


fields = st.sampled_from(["name", "phone", "post", "status"])
stamps = st.builds(Stamp, st.integers(min_value=0, max_value=50), st.sampled_from(["pc1", "pc2", "pc3"]))
versions = st.dictionaries(fields, st.tuples(st.integers(0, 5), stamps), max_size=4)


def _consistent(*vs):
    """Real replicas never give one stamp two values; make generated inputs respect that."""
    seen = {}
    out = []
    for v in vs:
        fixed = {}
        for f, (value, stamp) in v.items():
            fixed[f] = (seen.setdefault((f, stamp), value), stamp)
        out.append(fixed)
    return out


@given(versions, versions)
def test_merge_commutative(a, b):
    a, b = _consistent(a, b)
    assert merge(a, b) == merge(b, a)


@given(versions, versions, versions)
def test_merge_associative(a, b, c):
    a, b, c = _consistent(a, b, c)
    assert merge(merge(a, b), c) == merge(a, merge(b, c))


@given(versions, versions)
def test_merge_idempotent(a, b):
    a, b = _consistent(a, b)
    ab = merge(a, b)
    assert merge(ab, b) == ab
    assert merge(a, a) == a


@given(versions, versions)
def test_merge_keeps_highest_stamp_per_field(a, b):
    a, b = _consistent(a, b)
    merged = merge(a, b)
    for field in set(a) | set(b):
        candidates = [v[field][1] for v in (a, b) if field in v]
        assert merged[field][1] == max(candidates)


def test_edits_to_different_fields_both_survive():
    base = {"name": ("张三", Stamp(1, "pc1")), "phone": ("1", Stamp(1, "pc1"))}
    pc1 = {**base, "name": ("张三丰", Stamp(5, "pc1"))}
    pc2 = {**base, "phone": ("13800001111", Stamp(6, "pc2"))}
    merged = merge(pc1, pc2)
    assert merged["name"][0] == "张三丰"
    assert merged["phone"][0] == "13800001111"
