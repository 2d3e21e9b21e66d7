"""QR decoding for webcam frames and photo files. Qt-free: numpy, OpenCV, zxing-cpp (pyzbar
only as the photo files' last resort), so the CLI, tests and a worker thread can use it.

A staged pipeline: the cheapest pass first, heavier ones only when it reads nothing, stop at the
first success. Every engine and stage here was chosen by measurement (bench/scanner_bench.py on
the synthetic set of tests/scanner_set.py, 375 frames of 1280×720, 2 cores), not assumed:

- **zxing-cpp** is the first pass and the workhorse: the best single library by far (~78 % of
  the coded frames vs ~59 % for pyzbar and OpenCV's ArUco-based QR detector, ~41 % for
  OpenCV's classic one) at a median ~1.7 ms a frame (pyzbar ~23 ms, OpenCV 26–33 ms). Its own
  options already cover light-on-dark codes (``try_invert``), turned codes (the QR detector
  takes any angle, ``try_rotate`` the 90° steps) and big codes (``try_downscale``): separate
  inversion, rotation and down-scaling stages read nothing more, so there are none.
- What zxing misses is mostly **blur** (defocus, motion), **curved labels** on pipes and
  **tiny codes** far from the camera. The stages below (``STAGES``) were picked greedily by
  codes rescued per millisecond spent on frames *without* a code (the case that pays for every
  stage) over two seeds of the set, and checked on two others: local thresholds at reduced
  size turn blurred or faint modules crisp; unsharp masking; symbols zxing *located* but could
  not read (``return_errors``) are rectified and "unbent" as a cylinder of a few curvatures;
  a bicubic 2× copy reads codes below 2 px per module.
- **pyzbar** and **OpenCV** read nothing on whole frames that zxing plus these stages did not,
  except 2 frames in 300 for pyzbar, at 14× zxing's cost; OpenCV added none. Neither is in the
  frame pipeline; pyzbar is the photo files' last resort, where 30 ms more does not matter.

Coordinates in ``Decoded.points`` are those of the image passed in (for files: the image as
shown, after its EXIF rotation).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import zxingcpp

_QR = zxingcpp.BarcodeFormat.QRCode

# A live preview gets a new frame every 33 ms; give the decoder about half of that.
LIVE_BUDGET_MS = 18.0

Point = tuple[float, float]


@dataclass(frozen=True)
class Decoded:
    """One code read: its text, its corners (input-image pixels) and what read it."""

    text: str
    points: list[Point]
    engine: str  # "zxing", or "zxing+<stage>" after preprocessing, or "zbar"


# (text, 4×2 corners, engine) while working; Decoded at the end.
_Found = list[tuple[str, np.ndarray, str]]


@dataclass(frozen=True)
class _Candidate:
    """A symbol zxing located (finder patterns) but could not read: corners in the grey frame."""

    quad: np.ndarray  # 4×2 float32: top-left, top-right, bottom-right, bottom-left

    @property
    def side(self) -> float:
        q = self.quad
        return float(max(np.linalg.norm(q[1] - q[0]), np.linalg.norm(q[3] - q[0])))


# -- engines -----------------------------------------------------------------------------------


def _corners(position) -> np.ndarray:
    p = position
    return np.array(
        [[p.top_left.x, p.top_left.y], [p.top_right.x, p.top_right.y],
         [p.bottom_right.x, p.bottom_right.y], [p.bottom_left.x, p.bottom_left.y]],
        dtype=np.float32,
    )  # fmt: skip


def _zxing(grey: np.ndarray, engine: str = "zxing", candidates: bool = False,
           quick: bool = False) -> tuple[_Found, list[_Candidate]]:
    """zxing-cpp on a grey image: what it reads and, if asked, what it located but could not read.

    ``quick`` skips zxing's own rotated, inverted and downscaled retries (for stages that only
    make sense on the upright, dark-on-light, full-size picture).
    """
    options = {"try_rotate": False, "try_invert": False, "try_downscale": False} if quick else {}
    results = zxingcpp.read_barcodes(grey, formats=_QR, return_errors=candidates, **options)
    found: _Found = []
    located: list[_Candidate] = []
    for r in results:
        if r.valid:
            if r.text:
                found.append((r.text, _corners(r.position), engine))
        elif r.format == _QR:
            located.append(_Candidate(_corners(r.position)))
    return found, located


def _zbar(grey: np.ndarray) -> _Found:
    """pyzbar, if it and libzbar are installed (the photo files' last resort)."""
    try:
        from pyzbar.pyzbar import ZBarSymbol
        from pyzbar.pyzbar import decode as zbar_decode
    except (ImportError, OSError):  # OSError: the Python package without libzbar
        return []
    found: _Found = []
    for sym in zbar_decode(grey, symbols=[ZBarSymbol.QRCODE]):
        try:
            text = sym.data.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if not text:
            continue
        if len(sym.polygon) == 4:
            pts = np.array([(p.x, p.y) for p in sym.polygon], dtype=np.float32)
        else:
            r = sym.rect
            pts = np.array([[r.left, r.top], [r.left + r.width, r.top],
                            [r.left + r.width, r.top + r.height], [r.left, r.top + r.height]],
                           dtype=np.float32)
        found.append((text, pts, "zbar"))
    return found


# -- image helpers -----------------------------------------------------------------------------


def to_grey(frame: np.ndarray) -> np.ndarray:
    """A contiguous 8-bit grey image from grey, BGR or BGRA input."""
    if frame.ndim == 3 and frame.shape[2] == 1:
        frame = frame[..., 0]
    if frame.ndim == 2:
        grey = frame
    elif frame.shape[2] == 4:
        grey = cv2.cvtColor(frame, cv2.COLOR_BGRA2GRAY)
    else:
        grey = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    if grey.dtype != np.uint8:
        grey = cv2.convertScaleAbs(grey)
    return np.ascontiguousarray(grey)


def _scaled(grey: np.ndarray, f: float) -> np.ndarray:
    if f == 1:
        return grey
    return cv2.resize(grey, None, fx=f, fy=f,
                      interpolation=cv2.INTER_AREA if f < 1 else cv2.INTER_CUBIC)


def _sharpen(grey: np.ndarray, sigma: float, amount: float) -> np.ndarray:
    blurred = cv2.GaussianBlur(grey, (0, 0), sigma)
    return cv2.addWeighted(grey, 1 + amount, blurred, -amount, 0)


def _unscale(found: _Found, f: float) -> _Found:
    """Results read on a copy scaled by ``f`` -> coordinates of the original."""
    if f == 1:
        return found
    return [(text, pts / f, engine) for text, pts, engine in found]


# -- stages: (grey, located candidates) -> what they read --------------------------------------

Stage = Callable[[np.ndarray, list[_Candidate]], _Found]

_MIN_CANDIDATE_PX = 18  # below this a 21-module symbol has under 1 px per module
_MAX_CANDIDATES = 2  # checkerboards and tiles can look like many symbols; the biggest first
_RECTIFIED_PX = 240  # 41 modules (our densest labels) still get ~6 px each
# (half-angle of the cylinder, axis): 0 = just rectified; 1.0 rad ≈ a 21 mm label on a 36 mm
# pipe, 0.7 rad on a 50 mm one; axis 0 = the pipe runs along the symbol's vertical sides.
_CURVES = ((0.0, 0), (1.0, 0), (1.0, 1), (0.7, 0), (0.7, 1))


def _stage_located(grey: np.ndarray, candidates: list[_Candidate]) -> _Found:
    """Symbols zxing located but could not read: rectify them, and undo a curved surface."""
    usable = sorted((c for c in candidates if c.side >= _MIN_CANDIDATE_PX), key=lambda c: -c.side)
    for cand in _distinct(usable)[:_MAX_CANDIDATES]:
        for alpha, axis in _CURVES:
            flat = _rectify(grey, cand.quad, alpha, axis)
            found, _ = _zxing(flat, "zxing+unbend" if alpha else "zxing+rectify")
            if found:
                # the corners zxing located are the symbol's place in the frame
                return [(text, cand.quad.copy(), engine) for text, _pts, engine in found]
    return []


def _distinct(cands: list[_Candidate]) -> list[_Candidate]:
    """Drop candidates centred inside a bigger one (zxing may locate one symbol twice)."""
    kept: list[_Candidate] = []
    for c in cands:
        centre = c.quad.mean(axis=0)
        if all(np.linalg.norm(centre - k.quad.mean(axis=0)) > k.side * 0.5 for k in kept):
            kept.append(c)
    return kept


def _rectify(grey: np.ndarray, quad: np.ndarray, alpha: float, axis: int) -> np.ndarray:
    """The quadrilateral warped to a square with a quiet zone; with ``alpha``, also unbent.

    A label on a pipe is a cylinder seen from the front: a point at arc length ``s`` from the
    middle appears at ``R sin(s / R)``. With the symbol's visible half-width ``n / 2`` and a
    guessed half-angle ``alpha``, ``R = (n / 2) / sin(alpha)``; resampling at equal arc steps
    gives the flat label back.
    """
    q = quad.astype(np.float32)
    side = max(np.linalg.norm(q[1] - q[0]), np.linalg.norm(q[3] - q[0]),
               np.linalg.norm(q[2] - q[1]), np.linalg.norm(q[2] - q[3]))
    n = int(min(side, _RECTIFIED_PX))
    m = max(8, n // 4)
    size = n + 2 * m
    dst = np.array([[m, m], [m + n, m], [m + n, m + n], [m, m + n]], dtype=np.float32)
    rect = cv2.warpPerspective(grey, cv2.getPerspectiveTransform(q, dst), (size, size),
                               flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    if not alpha:
        return rect
    if axis == 1:
        rect = np.ascontiguousarray(rect.T)
    radius = (n / 2) / math.sin(alpha)
    half = min(radius * alpha * (1 + 2 * m / n), radius * math.pi / 2 * 0.98)
    out_w = int(2 * half)
    arc = np.arange(out_w, dtype=np.float32) - out_w / 2
    xs = radius * np.sin(np.clip(arc / radius, -math.pi / 2, math.pi / 2)) + size / 2
    map_x = np.tile(xs.astype(np.float32), (size, 1))
    map_y = np.tile(np.arange(size, dtype=np.float32)[:, None], (1, out_w))
    flat = cv2.remap(rect, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    return np.ascontiguousarray(flat.T) if axis == 1 else flat


def _threshold_stage(f: float, block: int, c: int, gaussian: bool = False) -> Stage:
    """Scale by ``f``, then a local mean (or Gaussian) threshold: blurred or faint modules come
    out crisp black and white, which zxing's own binarizer does not manage."""
    method = cv2.ADAPTIVE_THRESH_GAUSSIAN_C if gaussian else cv2.ADAPTIVE_THRESH_MEAN_C

    def stage(grey: np.ndarray, _candidates: list[_Candidate]) -> _Found:
        work = _scaled(grey, f)
        binary = cv2.adaptiveThreshold(work, 255, method, cv2.THRESH_BINARY, block, c)
        return _unscale(_zxing(binary, "zxing+threshold")[0], f)

    return stage


def _sharpen_stage(f: float, sigma: float, amount: float, denoise: float = 0.0) -> Stage:
    """Scale by ``f``, optionally smooth sensor noise, then unsharp-mask (defocus, motion)."""

    def stage(grey: np.ndarray, _candidates: list[_Candidate]) -> _Found:
        work = _scaled(grey, f)
        if denoise:
            work = cv2.GaussianBlur(work, (0, 0), denoise)
        return _unscale(_zxing(_sharpen(work, sigma, amount), "zxing+sharpen")[0], f)

    return stage


def _stage_upscale(grey: np.ndarray, _candidates: list[_Candidate]) -> _Found:
    """Twice the size, bicubic: a code far from the camera, under 2 px per module. Upright and
    dark-on-light only: zxing's own retries ran in the first pass and cost 40 % more here."""
    return _unscale(_zxing(_scaled(grey, 2.0), "zxing+upscale", quick=True)[0], 2.0)


# Greedy order: codes rescued per ms on frames without a code (bench/scanner_bench.py).
STAGES: list[tuple[str, Stage]] = [
    ("located", _stage_located),  # free when zxing located nothing
    ("threshold-half", _threshold_stage(0.5, 11, 2)),
    ("threshold-half-gauss", _threshold_stage(0.5, 15, 3, gaussian=True)),
    ("threshold-third", _threshold_stage(0.35, 11, 2)),
    ("sharpen-third", _sharpen_stage(0.35, 1.0, 4.0)),
    ("sharpen-half", _sharpen_stage(0.5, 2.0, 4.0, denoise=0.8)),
    ("upscale", _stage_upscale),
]

_FRAME_MAX_PX = 1920  # bigger frames (4K webcams) are looked at in a 1920 px copy first


# -- public API --------------------------------------------------------------------------------


def decode_frame(frame: np.ndarray, budget_ms: float | None = None) -> list[Decoded]:
    """The QR codes in one video frame (BGR, BGRA or grey), cheapest way first.

    Stops at the first stage that reads something. With ``budget_ms`` no further stage starts
    once that much time has passed (live video: the next frame will come; ``LIVE_BUDGET_MS``);
    ``None`` runs every stage. Several codes in the frame are all returned when the stage that
    reads one reads them too; photo files (``decode_image_file``) look harder for every code.
    """
    start = time.perf_counter()
    grey = to_grey(frame)
    f = min(1.0, _FRAME_MAX_PX / max(grey.shape))
    work = _scaled(grey, f)
    found, located = _zxing(work, candidates=True)
    if found:
        return _results(_unscale(found, f))
    for _name, stage in STAGES:
        if _over(start, budget_ms):
            return []
        found = _unscale(stage(work, located), f)
        if found:
            return _results(found)
    if f < 1 and not _over(start, budget_ms):  # a small code in a 4K frame
        return _results(_zxing(grey, "zxing+full-resolution")[0])
    return []


def _over(start: float, budget_ms: float | None) -> bool:
    return budget_ms is not None and (time.perf_counter() - start) * 1000 >= budget_ms


def decode_image_file(path: str | Path) -> list[Decoded]:
    """Every QR code in a photo file, as the photo is shown (EXIF orientation applied).

    Big photos (a 12 MP phone picture) are read in a copy of at most 2000 px and at full
    resolution, where a small label still has pixels enough per module; every preprocessing
    stage runs on the copy (a file is read once: look hard, and for every code), at full
    resolution only when nothing was found; pyzbar is the last resort. Raises OSError (or
    PIL.UnidentifiedImageError, a subclass) when the file cannot be read as an image.
    """
    from PIL import Image, ImageOps

    with Image.open(path) as image:
        grey = np.ascontiguousarray(np.asarray(ImageOps.exif_transpose(image).convert("L")))
    return decode_grey_image(grey)


_FILE_COPY_PX = 2000


def decode_grey_image(grey: np.ndarray) -> list[Decoded]:
    """``decode_image_file`` for an image already in memory (8-bit grey)."""
    f = min(1.0, _FILE_COPY_PX / max(grey.shape))
    work = _scaled(grey, f)
    found, located = _zxing(work, candidates=True)
    found = _unscale(found, f)
    located_full: list[_Candidate] = []
    if f < 1:
        full, located_full = _zxing(grey, candidates=True)
        found += full
    for _name, stage in STAGES:
        found += _unscale(stage(work, located), f)
    if not found and f < 1:
        # Nothing at all: the stages once more at full resolution (a small label that needs
        # help), bar the 2× copy, which a photo this big never needs.
        for name, stage in STAGES:
            if name != "upscale" and (found := stage(grey, located_full)):
                break
    if not found:
        found = _unscale(_zbar(work), f)
    return _results(found)


def _results(found: Iterable[tuple[str, np.ndarray, str]]) -> list[Decoded]:
    """One Decoded per text, the first reading of it."""
    out: dict[str, Decoded] = {}
    for text, pts, engine in found:
        if text not in out:
            out[text] = Decoded(text, [(float(x), float(y)) for x, y in pts], engine)
    return list(out.values())


class FrameDeduper:
    """The live preview sees a label in every frame: report it once, not 30 times a second.

    ``fresh(texts)`` returns the texts to report for one frame. A code is not reported again
    while it stays in view (frames where the decoder misses it for up to ``hold_s`` seconds do
    not count as gone), so the same code is never reported twice in a row within ``hold_s``.
    It is reported again after ``hold_s`` out of view, or as soon as another code was
    reported in between (label A, then B, then A again opens A again).
    """

    def __init__(self, hold_s: float = 2.0, clock: Callable[[], float] = time.monotonic):
        self.hold_s = hold_s
        self._clock = clock
        self._last_seen: dict[str, float] = {}

    def fresh(self, texts: Iterable[str]) -> list[str]:
        now = self._clock()
        texts = list(dict.fromkeys(texts))
        new = [t for t in texts if now - self._last_seen.get(t, -math.inf) > self.hold_s]
        if new:  # something else was reported: earlier codes are no longer "in a row"
            self._last_seen = {t: s for t, s in self._last_seen.items() if t in texts}
        for t in texts:
            self._last_seen[t] = now
        # forget codes long gone: the table stays small in a day-long session
        self._last_seen = {t: s for t, s in self._last_seen.items() if now - s <= self.hold_s}
        return new

    def filter(self, decoded: Iterable[Decoded]) -> list[Decoded]:
        """The ``Decoded`` of one frame that should be reported (see ``fresh``)."""
        items = list(decoded)
        new = set(self.fresh(d.text for d in items))
        return [d for d in items if d.text in new]

    def reset(self) -> None:
        self._last_seen.clear()
