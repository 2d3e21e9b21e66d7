"""The QR decoder (desktop/scanner/decode.py) on the synthetic webcam set of tests/scanner_set.py.

The set (375 frames of 1280×720, ~20 % without a code) is generated once per module and read by
the pipeline and by each library alone, so the comparison is on the same frames. The timing
targets (median < 15 ms a frame with a code, < 20 ms without) are measured without other load
by bench/scanner_bench.py; here they are only guarded against gross regressions (2×).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image

from desktop.scanner.decode import (
    Decoded,
    FrameDeduper,
    decode_frame,
    decode_grey_image,
    decode_image_file,
)
from tests import scanner_set as S

ROOT = Path(__file__).resolve().parent.parent
PIPELINE = "pipeline"
MIN_RATE = 0.85  # share of the coded frames the pipeline must read
MIN_GAIN = 0.05  # … and at least 5 points more than the best library alone


@pytest.fixture(scope="module")
def outcomes() -> list[S.Outcome]:
    # OpenCV's classic detector is left to the bench: slower than its ArUco-based sibling and
    # the weaker of the two there. Two processes: the set takes ~30 s on one core.
    return S.evaluate([PIPELINE, "zxing-cpp", "pyzbar", "opencv-aruco"], workers=2)


def _singles(outcomes: list[S.Outcome]) -> dict[str, float]:
    return {name: S.rate(outcomes, name) for name in outcomes[0].read if name != PIPELINE}


def test_the_set_is_what_it_says(outcomes):
    assert 300 <= len(outcomes) <= 500
    empty = [o for o in outcomes if not o.expected]
    assert 0.18 <= len(empty) / len(outcomes) <= 0.22
    assert {o.kind for o in outcomes} == set(S.KINDS)
    small = [o.symbol_px for o in outcomes if o.kind == "small"]
    assert min(small) >= 40 and max(small) <= 68


def test_pipeline_reads_5_points_more_than_the_best_single_library(outcomes):
    singles = _singles(outcomes)
    ours = S.rate(outcomes, PIPELINE)
    best_name = max(singles, key=singles.__getitem__)
    report = ", ".join(f"{n} {r:.1%}" for n, r in sorted(singles.items(), key=lambda x: -x[1]))
    assert ours >= MIN_RATE, f"pipeline {ours:.1%} ({report})"
    assert ours - singles[best_name] >= MIN_GAIN, f"pipeline {ours:.1%} vs {report}"


def test_pipeline_reads_every_frame_zxing_reads_and_nearly_all_any_library_reads(outcomes):
    coded = [o for o in outcomes if o.expected]
    assert [o.index for o in coded if o.ok("zxing-cpp") and not o.ok(PIPELINE)] == []
    any_single = [o for o in coded if any(o.ok(n) for n in o.read if n != PIPELINE)]
    missed = [(o.index, o.kind) for o in any_single if not o.ok(PIPELINE)]
    # pyzbar alone reads ~2 in 300 frames nothing else reads, at 15× zxing's cost: not worth
    # a stage in a live pipeline (see decode.py); everything else must be covered.
    assert len(missed) <= 0.02 * len(any_single), missed


def test_no_false_reads_and_no_wrong_payloads(outcomes):
    wrong = [(o.index, o.kind, sorted(o.wrong(PIPELINE))) for o in outcomes if o.wrong(PIPELINE)]
    assert wrong == []
    empty = [o for o in outcomes if not o.expected]
    assert all(not o.read[PIPELINE] for o in empty)


# Kinds a webcam scan must not miss, and the share of them read at least. "small" reaches down
# to 40 px, where a dense (Chinese-code) symbol has 1.4 px per module: some are unreadable.
MUST_READ = {"clean": 1.0, "rotation": 0.95, "perspective": 0.95, "noise": 0.9, "lowlight": 0.9,
             "glare": 0.9, "curved": 0.9, "inverted": 0.95, "jpeg": 0.9, "small": 0.8}


@pytest.mark.parametrize("kind", list(MUST_READ))
def test_readable_kinds_are_read(outcomes, kind):
    cases = [o for o in outcomes if o.kind == kind]
    missed = [o.index for o in cases if not o.ok(PIPELINE)]
    assert len(missed) <= (1 - MUST_READ[kind]) * len(cases) + 1e-9, missed


def test_timing_has_not_regressed(outcomes):
    coded = [o.ms[PIPELINE] for o in outcomes if o.expected]
    empty = [o.ms[PIPELINE] for o in outcomes if not o.expected]
    assert statistics.median(coded) < 2 * 15
    assert statistics.median(empty) < 2 * 20


def test_budget_stops_escalating(outcomes):
    """With no time left only the first pass runs: a frame that needs a later stage is not read."""
    rescued = next(o for o in outcomes if o.ok(PIPELINE) and not o.ok("zxing-cpp"))
    frame = S.make_case(rescued.index, rescued.kind).frame
    assert decode_frame(frame, budget_ms=0) == []
    assert {d.text for d in decode_frame(frame, budget_ms=None)} == rescued.expected


def test_grey_bgr_and_bgra_frames():
    case = S.make_case(0, "clean")
    grey = cv2.cvtColor(case.frame, cv2.COLOR_BGR2GRAY)
    bgra = cv2.cvtColor(case.frame, cv2.COLOR_BGR2BGRA)
    for frame in (case.frame, grey, bgra, grey[..., None]):
        (found,) = decode_frame(frame)
        assert isinstance(found, Decoded) and {found.text} == case.expected
        assert found.engine == "zxing"


def _near(points: list[tuple[float, float]], centre: tuple[float, float], tol: float) -> bool:
    cx = sum(p[0] for p in points) / len(points)
    cy = sum(p[1] for p in points) / len(points)
    return abs(cx - centre[0]) < tol and abs(cy - centre[1]) < tol


def _three_labels() -> list[S.Sprite]:
    rng = np.random.default_rng(3)
    pdf = S.pdf_sprites()
    return [S.qr_sprite(S.payloads()[0], rng), pdf[1], pdf[len(pdf) - 1]]


def test_several_codes_in_one_frame_and_their_corners():
    sprites = _three_labels()
    image, centres = S.photo(sprites, (S.FRAME_W, S.FRAME_H), [110, 120, 130])
    found = decode_frame(image)
    assert {d.text for d in found} == {s.payload for s in sprites}
    for sprite, centre in zip(sprites, centres, strict=True):
        (d,) = [d for d in found if d.text == sprite.payload]
        assert len(d.points) == 4 and _near(d.points, centre, 10), (d.points, centre)


def test_4k_frame_with_a_small_code():
    """A 4K webcam: the first look is at 1920 px, where this code has 1 px per module."""
    sprite = S.qr_sprite(S.payloads()[1], np.random.default_rng(2))
    image, (centre,) = S.photo([sprite], (3840, 2160), [50], seed=4)
    (found,) = decode_frame(image)
    assert found.text == sprite.payload
    assert found.engine != "zxing"  # not the first look: a later stage, at full resolution
    assert _near(found.points, centre, 10), (found.points, centre)


def test_several_codes_in_one_photo_file(tmp_path):
    sprites = _three_labels()
    image, centres = S.photo(sprites, (2400, 1600), [220, 300, 260], seed=11)
    path = tmp_path / "three.png"
    cv2.imwrite(str(path), image)
    found = decode_image_file(path)
    assert {d.text for d in found} == {s.payload for s in sprites}
    for sprite, centre in zip(sprites, centres, strict=True):
        (d,) = [d for d in found if d.text == sprite.payload]
        assert _near(d.points, centre, 15), (d.points, centre)


def test_exif_rotated_jpeg_is_read_upright(tmp_path):
    """A phone stores the sensor's pixels and an EXIF orientation; the points must be those of
    the picture as shown (the decoder reads any angle, so only the corners tell)."""
    sprite = S.pdf_sprites()[0]
    upright, (centre,) = S.photo([sprite], (1600, 1000), [200], seed=5)
    shown_w, shown_h = 1600, 1000
    stored = Image.fromarray(upright[..., ::-1]).transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to display"
    path = tmp_path / "phone.jpg"
    stored.save(path, "JPEG", quality=90, exif=exif.tobytes())
    with Image.open(path) as check:
        assert check.size == (shown_h, shown_w)  # stored sideways
    (found,) = decode_image_file(path)
    assert found.text == sprite.payload
    assert all(0 <= x <= shown_w and 0 <= y <= shown_h for x, y in found.points)
    assert _near(found.points, centre, 15), (found.points, centre)


def test_12_megapixel_photo_with_a_small_label(tmp_path):
    sprite = S.qr_sprite(S.payloads()[3], np.random.default_rng(1))
    w, h = 4032, 3024
    image, (centre,) = S.photo([sprite], (w, h), [64], seed=9)
    path = tmp_path / "12mp.jpg"
    Image.fromarray(image[..., ::-1]).save(path, "JPEG", quality=88)
    # In a 2000 px copy the symbol is 32 px: too small for zxing; full resolution reads it.
    start = time.perf_counter()
    (found,) = decode_image_file(path)
    assert time.perf_counter() - start < 5
    assert found.text == sprite.payload
    assert _near(found.points, centre, 10), (found.points, centre)


def test_photo_without_a_code_reads_nothing():
    case = next(S.make_case(i, S.EMPTY_KIND) for i in range(300, 303))
    grey = cv2.resize(cv2.cvtColor(case.frame, cv2.COLOR_BGR2GRAY), (3000, 1688))
    assert decode_grey_image(grey) == []


def test_not_an_image_raises_oserror(tmp_path):
    path = tmp_path / "notes.png"
    path.write_text("not a picture", encoding="utf-8")
    with pytest.raises(OSError):
        decode_image_file(path)


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_frame_deduper_reports_a_code_once_while_it_stays_in_view():
    clock = FakeClock()
    dedupe = FrameDeduper(hold_s=2.0, clock=clock)
    assert dedupe.fresh(["A"]) == ["A"]
    for _ in range(90):  # three seconds of frames, the label never leaves the picture
        clock.now += 1 / 30
        assert dedupe.fresh(["A"]) == []
    clock.now += 1.5  # missed for 1.5 s (motion blur): still the same sighting
    assert dedupe.fresh(["A"]) == []
    clock.now += 2.5  # gone for longer than hold_s, then back: a new scan
    assert dedupe.fresh([]) == []
    assert dedupe.fresh(["A"]) == ["A"]
    assert dedupe.fresh(["A", "B", "B"]) == ["B"]  # a second label comes into view
    clock.now += 0.5
    assert dedupe.fresh(["C"]) == ["C"]
    assert dedupe.fresh(["A"]) == ["A"]  # A, C, A: not twice in a row
    decoded = [Decoded("A", [], "zxing"), Decoded("D", [], "zxing")]
    assert [d.text for d in dedupe.filter(decoded)] == ["D"]
    dedupe.reset()
    assert dedupe.fresh(["A"]) == ["A"]


def test_decode_does_not_import_qt():
    code = "import desktop.scanner.decode, sys; assert 'PySide6' not in sys.modules"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
