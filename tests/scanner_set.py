"""A synthetic, deterministic test set of webcam frames for the QR scanner.

Every frame is 1280×720 BGR, as a 720p webcam delivers it, and is generated at test time from
an index: the same index gives the same pixels, so no images are committed. A frame shows at
most one equipment label (``Case.expected`` holds its payload) or none at all (about 20 % of
the set, ``expected`` empty): plain walls, Chinese notices, checkerboards, tables and QR-like
clutter (finder patterns around random modules, half a code, a label with its code torn off),
where any read is a false read.

Labels come from the real label code: QR images made with the ``qrcode`` module at error
correction Q (as reports.labels prints them) and whole labels cut from PDFs rendered by
reports.labels.render_labels and rasterised with pypdfium2 (thermal rolls and A4 sheets).
They are placed by a pinhole camera model (in-plane rotation 0–360°, tilt up to 45°), with
a webcam's mild blur and sensor noise on every frame, then one degradation per kind:

======================  ===============================================================
kind                    what
======================  ===============================================================
clean                   upright, facing the camera, 90–260 px symbol
rotation                any in-plane angle, up to 15° tilt
perspective             tilt 28–45° about a random axis
blur                    Gaussian blur, sigma 0.35–0.8 module
motion                  linear motion blur, 0.8–2.2 modules long
noise                   Gaussian sensor noise, sigma 14–60 grey levels
lowlight                gamma 1.3–2.3 and gain 0.05–0.30 (white paper at ~10–70 of 255)
glare                   a bright, partly saturating elliptical highlight on the code
curved                  label wrapped around a pipe (cylindrical remap, 30–65° half-angle)
small                   40–68 px symbols (1.4–2.7 px per module; a 21 mm symbol is
                        ~60 px at 35 cm from a 720p webcam)
inverted                light-on-dark label (laser-marked plate)
jpeg                    JPEG quality 8–30 on a 80–140 px symbol
clutter                 busy background, text and a cable across the frame
pdf                     label PDFs rendered and degraded (two degradations)
combo                   three random degradations together
none                    no code at all (several kinds of clutter)
======================  ===============================================================

Usage: ``for case in iter_cases(): ...`` (``n_per_kind`` scales the set; the default gives
15 × 20 coded frames + 75 empty ones = 375 frames, ~28 ms each to make). ``evaluate`` runs
readers over the set for tests/test_decode.py and bench/scanner_bench.py.
"""

from __future__ import annotations

import functools
import importlib.resources
import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import cv2
import numpy as np
import qrcode
from PIL import Image, ImageDraw, ImageFont
from qrcode.constants import ERROR_CORRECT_Q

from core.qr_payload import encode

FRAME_W, FRAME_H = 1280, 720
FOCAL_PX = 900.0  # a typical webcam: ~70° horizontal field of view at 1280 px

CODE_KINDS = (
    "clean", "rotation", "perspective", "blur", "motion", "noise", "lowlight", "glare",
    "curved", "small", "inverted", "jpeg", "clutter", "pdf", "combo",
)  # fmt: skip
EMPTY_KIND = "none"
KINDS = (*CODE_KINDS, EMPTY_KIND)

SITE = "ZC01"
_CODES = (
    "YJ-CY-0012", "QZ-ZZ-0003", "DJ-PT-0101", "KY-DL-0007", "CC-CK-0042", "HJ-HJ-0150",
    "冲压-3号", "PD-1#-0001", "FJ-TZ-0020", "YJ-CY-0213", "行车2", "ZJ-A.3/7",
)  # fmt: skip
_NAMES = ("冲压机 JH21-160", "桥式起重机 10t", "空压机", "喷漆房排风机组（防爆型）",
          "叉车 CPD30", "电焊机 NBC-350", "配电柜1#低压进线柜")
_GRADES = ("major", "considerable", "general", "low", None)
_CHINESE = ("安全生产 人人有责", "禁止烟火", "当心机械伤人", "必须戴安全帽", "设备点检记录表",
            "二号车间 冲压线", "危险化学品暂存间", "消防通道 禁止占用", "操作规程",
            "注意安全 小心地滑", "责任人：张伟 电话：13812345678", "隐患排查治理台账")


@dataclass(frozen=True)
class Case:
    index: int
    kind: str
    frame: np.ndarray  # 1280×720×3 BGR uint8
    expected: frozenset[str]  # the payload(s) in the frame; empty: no code
    symbol_px: float  # the symbol's side before tilt (0 without a code)


@dataclass(frozen=True)
class Sprite:
    """A label image and where its QR symbol is (pixels of ``image``)."""

    image: np.ndarray  # BGR uint8
    payload: str
    centre: tuple[float, float]  # the symbol's centre
    symbol: float  # the symbol's side (modules only, no quiet zone)
    modules: int


def payloads() -> list[str]:
    return [encode(SITE, code) for code in _CODES]


@functools.cache
def _matrix(payload: str) -> np.ndarray:
    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_Q, border=0)
    qr.add_data(payload)
    qr.make(fit=True)
    return np.array(qr.get_matrix(), dtype=bool)


def n_modules(payload: str) -> int:
    return len(_matrix(payload))


def qr_image(payload: str, module_px: int = 8, border: int = 4) -> np.ndarray:
    """The payload as a crisp black-on-white QR image (grey uint8) with ``border`` modules of
    quiet zone."""
    img = np.where(_matrix(payload), 0, 255).astype(np.uint8)
    img = np.pad(img, border, constant_values=255)
    return np.kron(img, np.ones((module_px, module_px), dtype=np.uint8))


def qr_sprite(payload: str, rng: np.random.Generator) -> Sprite:
    """A plain code on a white sticker, sometimes with a printed caption under it."""
    module_px = 8
    grey = qr_image(payload, module_px)
    n = n_modules(payload)
    pad_bottom = int(rng.integers(0, 3)) * 10 * module_px // 2
    grey = np.pad(grey, ((0, pad_bottom), (0, 0)), constant_values=255)
    image = cv2.cvtColor(grey, cv2.COLOR_GRAY2BGR)
    if pad_bottom:
        text = payload.split(":")[2][:12]
        cv2.putText(image, text, (4 * module_px, grey.shape[0] - pad_bottom // 3),
                    cv2.FONT_HERSHEY_SIMPLEX, 1.6, (30, 30, 30), 3, cv2.LINE_AA)
    side = (n + 8) * module_px
    return Sprite(image, payload, (side / 2, side / 2), n * module_px, n)


@functools.cache
def pdf_sprites() -> tuple[Sprite, ...]:
    """Labels cut from real label PDFs (reports.labels), rasterised with pypdfium2."""
    import tempfile
    from pathlib import Path

    import pypdfium2 as pdfium

    from reports.labels import TEMPLATES, LabelItem, render_labels

    items = [
        LabelItem(code, _NAMES[i % len(_NAMES)], ("冲压车间", "涂装车间", "")[i % 3],
                  _GRADES[i % len(_GRADES)], encode(SITE, code))
        for i, code in enumerate(_CODES)
    ]
    out: list[Sprite] = []
    with tempfile.TemporaryDirectory() as tmp:
        for key, dpi in (("thermal-60x40", 300), ("thermal-50x30", 360), ("a4-3x8", 200)):
            t = TEMPLATES[key]
            pdf_path = Path(tmp) / f"{key}.pdf"
            render_labels(items, pdf_path, key, "华东精密机械制造股份有限公司")
            px_mm = dpi / 25.4
            doc = pdfium.PdfDocument(str(pdf_path))
            try:
                pages = [np.asarray(doc[i].render(scale=dpi / 72).to_pil().convert("RGB"))
                         for i in range(len(doc))]
            finally:
                doc.close()
            for pos, item in enumerate(items):
                page = pages[pos // t.per_page]
                left, top = t.label_origin_mm(pos)
                x0, y0 = round(left * px_mm), round(top * px_mm)
                x1, y1 = round((left + t.label_w_mm) * px_mm), round((top + t.label_h_mm) * px_mm)
                label = np.ascontiguousarray(page[y0:y1, x0:x1, ::-1])
                n = n_modules(item.payload)
                block = t.qr_mm * px_mm
                centre = (t.inset_left_mm * px_mm + block / 2, t.inset_top_mm * px_mm + block / 2)
                out.append(Sprite(label, item.payload, centre, block * n / (n + 8), n))
    return tuple(out)


# -- backgrounds ------------------------------------------------------------------------------


@functools.cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    # A path, not the bytes: FreeType then reads the 5 MB file on demand for every size.
    resource = importlib.resources.files("resources") / "fonts" / "wqy-microhei.ttc"
    with importlib.resources.as_file(resource) as path:  # a plain file in a source tree
        return ImageFont.truetype(str(path), size)


@functools.cache
def _noise_bank() -> np.ndarray:
    """Sensor noise of unit sigma a little larger than a frame: luminance grain plus a weaker
    per-channel part. Frames take shifted crops of it (drawing fresh noise costs 10 ms)."""
    rng = np.random.default_rng(12345)
    shape = (FRAME_H + 64, FRAME_W + 64)
    grain = rng.standard_normal((*shape, 1), dtype=np.float32)
    colour = rng.standard_normal((*shape, 3), dtype=np.float32) * 0.3
    return (grain + colour) / math.sqrt(1 + 0.09)


def _noise_field(rng: np.random.Generator) -> np.ndarray:
    dx, dy = (int(v) for v in rng.integers(0, 64, 2))
    return _noise_bank()[dy : dy + FRAME_H, dx : dx + FRAME_W]


def background(rng: np.random.Generator, busy: bool = False) -> np.ndarray:
    """A float32 BGR scene: a wall, a machine panel or a notice board."""
    base = rng.uniform(60, 200, 3).astype(np.float32)
    shade = 0.75 + 0.5 * cv2.resize(rng.random((6, 10), dtype=np.float32), (FRAME_W, FRAME_H),
                                    interpolation=cv2.INTER_CUBIC)
    texture = rng.random((FRAME_H // 6, FRAME_W // 6), dtype=np.float32) - 0.5
    texture *= rng.uniform(5, 30)
    texture = cv2.resize(texture, (FRAME_W, FRAME_H), interpolation=cv2.INTER_LINEAR)
    grey = cv2.add(shade * float(base.mean()), texture)
    frame = np.empty((FRAME_H, FRAME_W, 3), np.uint8)
    for ch in range(3):
        frame[..., ch] = np.clip(grey * float(base[ch] / base.mean()), 0, 255)
    style = int(rng.integers(0, 4)) if not busy else 3
    if style >= 1:  # panels, pipes and cables
        for _ in range(int(rng.integers(3, 12 if busy else 7))):
            colour = tuple(int(c) for c in rng.integers(0, 256, 3))
            p1 = (int(rng.integers(0, FRAME_W)), int(rng.integers(0, FRAME_H)))
            if rng.random() < 0.5:
                p2 = (p1[0] + int(rng.integers(40, 400)), p1[1] + int(rng.integers(40, 300)))
                cv2.rectangle(frame, p1, p2, colour, int(rng.choice([-1, 2, 5])))
            else:
                p2 = (int(rng.integers(0, FRAME_W)), int(rng.integers(0, FRAME_H)))
                cv2.line(frame, p1, p2, colour, int(rng.integers(1, 14)), cv2.LINE_AA)
    if style >= 2:  # printed words
        for _ in range(int(rng.integers(2, 10 if busy else 5))):
            text = str(rng.choice(["SAFETY FIRST", "220V", "DANGER", "P-101", "ON/OFF",
                                   "NO.3 LINE", "KEEP CLEAR", "MAX 10t"]))
            org = (int(rng.integers(0, FRAME_W - 200)), int(rng.integers(30, FRAME_H)))
            cv2.putText(frame, text, org, cv2.FONT_HERSHEY_SIMPLEX, float(rng.uniform(0.6, 2.0)),
                        tuple(int(c) for c in rng.integers(0, 256, 3)), int(rng.integers(1, 4)),
                        cv2.LINE_AA)
    if style >= 3 or busy:
        _chinese(frame, rng, int(rng.integers(2, 5)))
    return frame.astype(np.float32)


def _chinese(frame: np.ndarray, rng: np.random.Generator, count: int) -> None:
    for _ in range(count):
        text = str(rng.choice(_CHINESE))
        size = int(rng.integers(18, 64)) // 8 * 8  # 6 sizes: a FreeType face costs ~1.4 MB
        font = _font(size)
        box = font.getbbox(text)
        w, h = box[2] + 8, box[3] + 8
        patch = Image.new("L", (w, h), 0)
        ImageDraw.Draw(patch).text((4, 4), text, fill=255, font=font)
        mask = np.asarray(patch, dtype=np.float32)[..., None] / 255
        x = int(rng.integers(0, max(1, FRAME_W - w)))
        y = int(rng.integers(0, max(1, FRAME_H - h)))
        region = frame[y : y + h, x : x + w]
        mask = mask[: region.shape[0], : region.shape[1]]
        colour = rng.uniform(0, 255, 3).astype(np.float32)
        region[:] = (region * (1 - mask) + colour * mask).astype(frame.dtype)


# -- camera geometry --------------------------------------------------------------------------


def _rotation(theta: float, tilt: float, axis_angle: float) -> np.ndarray:
    """In-plane rotation theta, then a tilt about an in-plane axis at axis_angle (radians)."""
    c, s = math.cos(theta), math.sin(theta)
    rz = np.array([[c, -s, 0], [s, c, 0], [0, 0, 1]])
    ax = np.array([math.cos(axis_angle), math.sin(axis_angle), 0.0])
    k = np.array([[0, -ax[2], ax[1]], [ax[2], 0, -ax[0]], [-ax[1], ax[0], 0]])
    tilt_m = np.eye(3) + math.sin(tilt) * k + (1 - math.cos(tilt)) * (k @ k)
    return tilt_m @ rz


def _project(points: np.ndarray, rot: np.ndarray, centre: tuple[float, float]) -> np.ndarray:
    """Points (u, v) on the label plane (px at unit depth) -> frame pixels."""
    p3 = np.c_[points, np.zeros(len(points))] @ rot.T
    z = FOCAL_PX + p3[:, 2]
    return np.c_[FOCAL_PX * p3[:, 0] / z + centre[0], FOCAL_PX * p3[:, 1] / z + centre[1]]


def place(frame: np.ndarray, sprite: Sprite, symbol_px: float, theta: float, tilt: float,
          axis: float, rng: np.random.Generator) -> tuple[float, float] | None:
    """Draw ``sprite`` into ``frame`` with its symbol ``symbol_px`` wide; return the symbol's
    centre in the frame, None when it cannot fit."""
    image = sprite.image
    k = symbol_px / sprite.symbol
    cx, cy = sprite.centre
    if k < 0.6:  # pre-shrink with area averaging: warpPerspective alone would alias
        f = min(1.0, 1.6 * k)
        image = cv2.resize(image, None, fx=f, fy=f, interpolation=cv2.INTER_AREA)
        k, cx, cy = k / f, cx * f, cy * f
    h, w = image.shape[:2]
    rot = _rotation(theta, tilt, axis)
    half = symbol_px * (0.5 + 4.0 / sprite.modules)  # the symbol and its quiet zone
    zone = np.array([[-half, -half], [half, -half], [half, half], [-half, half]])
    probe = _project(zone, rot, (0.0, 0.0))
    lo, hi = probe.min(axis=0), probe.max(axis=0)
    margin = 6
    x_range = (margin - lo[0], FRAME_W - margin - hi[0])
    y_range = (margin - lo[1], FRAME_H - margin - hi[1])
    if x_range[0] >= x_range[1] or y_range[0] >= y_range[1]:
        return None
    centre = (float(rng.uniform(*x_range)), float(rng.uniform(*y_range)))
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float64)
    dst = _project((src - [cx, cy]) * k, rot, centre)
    # Warp into the bounding box of the label only: a full-frame warp costs 10× more.
    x_lo, y_lo = np.maximum(np.floor(dst.min(axis=0)).astype(int) - 1, 0)
    x_hi = min(int(np.ceil(dst[:, 0].max())) + 2, FRAME_W)
    y_hi = min(int(np.ceil(dst[:, 1].max())) + 2, FRAME_H)
    box_w, box_h = x_hi - x_lo, y_hi - y_lo
    H = cv2.getPerspectiveTransform(src.astype(np.float32), (dst - [x_lo, y_lo]).astype(np.float32))
    warped = cv2.warpPerspective(image, H, (box_w, box_h), flags=cv2.INTER_LINEAR,
                                 borderMode=cv2.BORDER_CONSTANT, borderValue=(0, 0, 0))
    mask = cv2.warpPerspective(np.full((h, w), 255, np.uint8), H, (box_w, box_h),
                               flags=cv2.INTER_LINEAR)
    m = mask.astype(np.float32)[..., None] / 255
    # paper under the room light: a little dimmer or brighter than pure white
    paper = float(rng.uniform(0.8, 1.0))
    roi = frame[y_lo:y_hi, x_lo:x_hi]
    roi[:] = roi * (1 - m) + warped.astype(np.float32) * (paper * m)
    return centre


def curve(sprite: Sprite, half_angle: float, vertical_axis: bool) -> Sprite:
    """The label wrapped around a cylinder centred on the code, seen from the front."""
    image = sprite.image
    if not vertical_axis:
        image = cv2.rotate(image, cv2.ROTATE_90_CLOCKWISE)
        h0 = sprite.image.shape[0]
        cx, cy = h0 - sprite.centre[1], sprite.centre[0]
    else:
        cx, cy = sprite.centre
    h, w = image.shape[:2]
    radius = (sprite.symbol / 2) / half_angle  # the symbol's half-width spans half_angle
    left_arc, right_arc = -cx, w - cx
    x_min = radius * math.sin(max(left_arc / radius, -math.pi / 2 + 0.05))
    x_max = radius * math.sin(min(right_arc / radius, math.pi / 2 - 0.05))
    out_w = int(x_max - x_min)
    xs = np.arange(out_w, dtype=np.float32) + x_min
    arc = radius * np.arcsin(np.clip(xs / radius, -1, 1))
    map_x = np.tile((arc + cx).astype(np.float32), (h, 1))
    map_y = np.tile(np.arange(h, dtype=np.float32)[:, None], (1, out_w))
    bent = cv2.remap(image, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    light = (0.55 + 0.45 * np.cos(arc / radius)).astype(np.float32)  # the far sides get darker
    bent = np.clip(bent.astype(np.float32) * light[None, :, None], 0, 255).astype(np.uint8)
    new_cx = -x_min
    if not vertical_axis:
        bent = cv2.rotate(bent, cv2.ROTATE_90_COUNTERCLOCKWISE)
        new_centre = (cy, bent.shape[0] - new_cx)
    else:
        new_centre = (new_cx, cy)
    return Sprite(bent, sprite.payload, new_centre, sprite.symbol, sprite.modules)


# -- degradations (float32 BGR frames) ----------------------------------------------------------


def gaussian_blur(frame: np.ndarray, sigma: float) -> np.ndarray:
    return cv2.GaussianBlur(frame, (0, 0), sigma)


def motion_blur(frame: np.ndarray, length: float, angle: float) -> np.ndarray:
    size = int(math.ceil(length)) | 1
    kernel = np.zeros((size, size), np.float32)
    c = size // 2
    dx, dy = math.cos(angle) * length / 2, math.sin(angle) * length / 2
    cv2.line(kernel, (round(c - dx), round(c - dy)), (round(c + dx), round(c + dy)), 1.0, 1,
             cv2.LINE_AA)
    return cv2.filter2D(frame, -1, kernel / kernel.sum())


def noise(frame: np.ndarray, rng: np.random.Generator, sigma: float) -> np.ndarray:
    return cv2.scaleAdd(_noise_field(rng), sigma, frame)


def low_light(frame: np.ndarray, gamma: float, gain: float) -> np.ndarray:
    table = (255.0 * gain * (np.arange(256) / 255.0) ** gamma).astype(np.float32)
    return cv2.LUT(_to_u8(frame), table)


def glare(frame: np.ndarray, rng: np.random.Generator, centre: tuple[float, float],
          size: float) -> np.ndarray:
    """An elliptical highlight (a lamp on glossy label film), saturating at its core."""
    a, b = size * rng.uniform(0.25, 0.5), size * rng.uniform(0.12, 0.3)
    ang = rng.uniform(0, math.pi)
    x0 = centre[0] + rng.uniform(-0.3, 0.3) * size
    y0 = centre[1] + rng.uniform(-0.3, 0.3) * size
    peak = rng.uniform(140, 260)
    r = int(3 * a) + 1  # exp(-9): nothing visible beyond three radii
    x_lo, x_hi = max(int(x0) - r, 0), min(int(x0) + r, FRAME_W)
    y_lo, y_hi = max(int(y0) - r, 0), min(int(y0) + r, FRAME_H)
    if x_lo >= x_hi or y_lo >= y_hi:
        return frame
    yy, xx = np.mgrid[y_lo:y_hi, x_lo:x_hi].astype(np.float32)
    xr = (xx - x0) * math.cos(ang) + (yy - y0) * math.sin(ang)
    yr = -(xx - x0) * math.sin(ang) + (yy - y0) * math.cos(ang)
    spot = np.exp(-((xr / a) ** 2 + (yr / b) ** 2)) * peak
    frame[y_lo:y_hi, x_lo:x_hi] += spot[..., None]
    return frame


def jpeg(frame: np.ndarray, quality: int) -> np.ndarray:
    ok, buf = cv2.imencode(".jpg", _to_u8(frame), [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    return cv2.imdecode(buf, cv2.IMREAD_COLOR).astype(np.float32)


def _to_u8(frame: np.ndarray) -> np.ndarray:
    return cv2.convertScaleAbs(cv2.max(frame, 0.0))  # rounds and saturates at 255


# -- empty frames -------------------------------------------------------------------------------


def _checkerboard(frame: np.ndarray, rng: np.random.Generator) -> None:
    cells, cell = int(rng.integers(5, 12)), int(rng.integers(10, 40))
    board = (np.indices((cells, cells)).sum(axis=0) % 2 * 255).astype(np.uint8)
    board = np.kron(board, np.ones((cell, cell), np.uint8))
    _paste(frame, board, rng)


def _fake_qr(frame: np.ndarray, rng: np.random.Generator) -> None:
    """Three finder patterns around random modules: looks like a QR code, holds nothing."""
    n = int(rng.choice([21, 25, 29, 33]))
    grid = rng.random((n, n)) < 0.5
    finder = np.ones((7, 7), bool)
    finder[1:6, 1:6] = False
    finder[2:5, 2:5] = True
    for r, c in ((0, 0), (0, n - 7), (n - 7, 0)):
        grid[max(r - 1, 0) : r + 8, max(c - 1, 0) : c + 8] = False
        grid[r : r + 7, c : c + 7] = finder
    img = np.pad(np.where(grid, 0, 255).astype(np.uint8), 4, constant_values=255)
    img = np.kron(img, np.ones((int(rng.integers(3, 9)),) * 2, np.uint8))
    _paste(frame, img, rng)


def _half_code(frame: np.ndarray, rng: np.random.Generator) -> None:
    """A real label torn in half: neither half may be read."""
    img = qr_image(str(rng.choice(payloads())), int(rng.integers(4, 9)))
    h = img.shape[0]
    cut = img.copy()
    cut[:, h // 2 - h // 20 :] = 255  # keep the left ~45 %
    _paste(frame, cut, rng)


def _table(frame: np.ndarray, rng: np.random.Generator) -> None:
    x0, y0 = int(rng.integers(20, 500)), int(rng.integers(20, 300))
    rows, cols = int(rng.integers(4, 12)), int(rng.integers(3, 8))
    rh, cw = int(rng.integers(18, 40)), int(rng.integers(50, 120))
    cv2.rectangle(frame, (x0, y0), (x0 + cols * cw, y0 + rows * rh), (235, 235, 235), -1)
    for r in range(rows + 1):
        cv2.line(frame, (x0, y0 + r * rh), (x0 + cols * cw, y0 + r * rh), (20, 20, 20), 1)
    for c in range(cols + 1):
        cv2.line(frame, (x0 + c * cw, y0), (x0 + c * cw, y0 + rows * rh), (20, 20, 20), 1)


def _label_without_code(frame: np.ndarray, rng: np.random.Generator) -> None:
    sprite = pdf_sprites()[int(rng.integers(0, len(pdf_sprites())))]
    image = sprite.image.copy()
    half = int(sprite.symbol * (0.5 + 4.0 / sprite.modules)) + 2
    cx, cy = int(sprite.centre[0]), int(sprite.centre[1])
    image[max(cy - half, 0) : cy + half, max(cx - half, 0) : cx + half] = 255
    shown = Sprite(image, "", sprite.centre, sprite.symbol, sprite.modules)
    place(frame, shown, float(rng.uniform(80, 200)), rng.uniform(0, 2 * math.pi),
          rng.uniform(0, 0.5), rng.uniform(0, math.pi), rng)


def _paste(frame: np.ndarray, grey: np.ndarray, rng: np.random.Generator) -> None:
    h, w = grey.shape
    if h >= FRAME_H - 20 or w >= FRAME_W - 20:
        f = 0.8 * min((FRAME_H - 20) / h, (FRAME_W - 20) / w)
        grey = cv2.resize(grey, None, fx=f, fy=f, interpolation=cv2.INTER_AREA)
        h, w = grey.shape
    x, y = int(rng.integers(10, FRAME_W - w - 10)), int(rng.integers(10, FRAME_H - h - 10))
    region = frame[y : y + h, x : x + w]
    region[:] = cv2.cvtColor(grey, cv2.COLOR_GRAY2BGR).astype(np.float32) * rng.uniform(0.7, 1.0)


_EMPTY_MAKERS = (_checkerboard, _fake_qr, _half_code, _table, _label_without_code)


# -- the set --------------------------------------------------------------------------------------


def case_kinds(n_per_kind: int = 20, empty_share: float = 0.2) -> list[str]:
    """The kind of every index: coded kinds interleaved, then the empty frames."""
    kinds = [kind for _ in range(n_per_kind) for kind in CODE_KINDS]
    n_empty = round(len(kinds) * empty_share / (1 - empty_share))
    return kinds + [EMPTY_KIND] * n_empty


def iter_cases(n_per_kind: int = 20, seed: int = 20251101) -> Iterator[Case]:
    for index, kind in enumerate(case_kinds(n_per_kind)):
        yield make_case(index, kind, seed)


def make_case(index: int, kind: str, seed: int = 20251101) -> Case:
    rng = np.random.default_rng([seed, index])
    if kind == EMPTY_KIND:
        frame = background(rng, busy=bool(rng.random() < 0.5))
        for _ in range(int(rng.integers(1, 3))):
            _EMPTY_MAKERS[int(rng.integers(0, len(_EMPTY_MAKERS)))](frame, rng)
        if rng.random() < 0.5:
            _chinese(frame, rng, int(rng.integers(1, 4)))
        frame = _camera(frame, rng)
        return Case(index, kind, _to_u8(frame), frozenset(), 0.0)
    return _coded_case(index, kind, rng)


def _coded_case(index: int, kind: str, rng: np.random.Generator) -> Case:
    use_pdf = kind == "pdf" or rng.random() < 0.45
    if use_pdf:
        sprites = pdf_sprites()
        sprite = sprites[int(rng.integers(0, len(sprites)))]
    else:
        sprite = qr_sprite(payloads()[int(rng.integers(0, len(_CODES)))], rng)
    degradations: list[str] = []
    if kind == "pdf":
        degradations = list(rng.choice(["blur", "noise", "lowlight", "glare", "jpeg",
                                        "perspective", "motion", "rotation"], 2, replace=False))
    elif kind == "combo":
        degradations = list(rng.choice(["blur", "noise", "lowlight", "glare", "jpeg",
                                        "perspective", "motion", "curved"], 3, replace=False))
    elif kind != "clean":
        degradations = [kind]

    size = float(rng.uniform(90, 260))
    if "small" in degradations:
        size = float(rng.uniform(40, 68))
    elif "jpeg" in degradations:
        size = float(rng.uniform(80, 140))
    theta = float(rng.normal(0, 0.08))
    tilt = float(rng.uniform(0, 0.2))
    if "rotation" in degradations or kind in ("combo", "pdf", "clutter"):
        theta = float(rng.uniform(0, 2 * math.pi))
        tilt = float(rng.uniform(0, math.radians(15)))
    if "perspective" in degradations:
        theta = float(rng.uniform(0, 2 * math.pi))
        tilt = float(rng.uniform(math.radians(28), math.radians(45)))
    if "curved" in degradations:
        sprite = curve(sprite, float(rng.uniform(math.radians(30), math.radians(65))),
                       bool(rng.random() < 0.5))
    if "inverted" in degradations:
        sprite = Sprite(255 - sprite.image, sprite.payload, sprite.centre, sprite.symbol,
                        sprite.modules)

    frame = background(rng, busy=kind == "clutter")
    if "inverted" in degradations:
        frame *= 0.5
    axis = float(rng.uniform(0, math.pi))
    while (centre := place(frame, sprite, size, theta, tilt, axis, rng)) is None:
        size *= 0.9  # a big symbol at a steep tilt may not fit: step back from the label
    module = size / sprite.modules

    if kind == "clutter":
        p1 = (int(rng.integers(0, FRAME_W)), 0)
        p2 = (int(rng.integers(0, FRAME_W)), FRAME_H)
        cv2.line(frame, p1, p2, tuple(float(c) for c in rng.uniform(0, 80, 3)),
                 max(1, int(module * rng.uniform(0.5, 1.2))), cv2.LINE_AA)

    for d in degradations:
        if d == "blur":
            frame = gaussian_blur(frame, module * float(rng.uniform(0.35, 0.8)))
        elif d == "motion":
            frame = motion_blur(frame, module * float(rng.uniform(0.8, 2.2)),
                                float(rng.uniform(0, math.pi)))
        elif d == "glare":
            frame = glare(frame, rng, centre, size)
    frame = _camera(frame, rng)
    for d in degradations:
        if d == "noise":
            frame = noise(frame, rng, float(rng.uniform(14, 60)))
        elif d == "lowlight":
            frame = low_light(frame, float(rng.uniform(1.3, 2.3)), float(rng.uniform(0.05, 0.30)))
            frame = noise(frame, rng, float(rng.uniform(1.5, 4)))
    if "jpeg" in degradations:
        frame = jpeg(frame, int(rng.integers(8, 31)))
    return Case(int(index), kind, _to_u8(frame), frozenset({sprite.payload}), size)


def _camera(frame: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """What every webcam adds: a little defocus, vignetting and sensor noise."""
    frame = cv2.GaussianBlur(frame, (0, 0), float(rng.uniform(0.4, 0.8)))
    frame = cv2.multiply(frame, _vignette())
    return cv2.scaleAdd(_noise_field(rng), float(rng.uniform(1.5, 4)), frame)


@functools.cache
def _vignette() -> np.ndarray:
    yy, xx = np.ogrid[-1 : 1 : FRAME_H * 1j, -1 : 1 : FRAME_W * 1j]
    v = (1 - 0.25 * (xx**2 + yy**2) / 2).astype(np.float32)
    return np.ascontiguousarray(np.repeat(v[..., None], 3, axis=2))


# -- photos for the file tests ------------------------------------------------------------------


def photo(sprites: list[Sprite], size: tuple[int, int], symbol_px: list[float],
          seed: int = 7) -> tuple[np.ndarray, list[tuple[float, float]]]:
    """A BGR photo of ``size`` (w, h) with the labels side by side, facing the camera; also
    the centre of each label's symbol. Made in 8 bits: a 12 MP photo stays at 36 MB."""
    rng = np.random.default_rng(seed)
    w, h = size
    image = cv2.resize(_to_u8(background(rng)), (w, h), interpolation=cv2.INTER_LINEAR)
    slot = w / len(sprites)
    centres = []
    for i, (sprite, px) in enumerate(zip(sprites, symbol_px, strict=True)):
        k = px / sprite.symbol
        label = cv2.resize(sprite.image, None, fx=k, fy=k,
                           interpolation=cv2.INTER_AREA if k < 1 else cv2.INTER_LINEAR)
        lh, lw = label.shape[:2]
        x = int(max(0, min(w - lw, slot * (i + 0.5) - sprite.centre[0] * k)))
        y = int(max(0, min(h - lh, h / 2 - sprite.centre[1] * k)))
        image[y : y + lh, x : x + lw] = label[: h - y, : w - x]
        centres.append((x + sprite.centre[0] * k, y + sprite.centre[1] * k))
    return cv2.GaussianBlur(image, (0, 0), 0.7), centres


# -- evaluation (tests/test_decode.py and bench/scanner_bench.py) ---------------------------------

Reader = Callable[[np.ndarray], "set[str]"]
SINGLE_READERS = ("zxing-cpp", "pyzbar", "opencv-aruco", "opencv")


def make_reader(name: str) -> Reader:
    """A reader by name: ``pipeline`` (decode_frame, no time limit), ``pipeline-live`` (with
    the live preview's budget) or one library alone, called as its documentation shows, on
    the grey frame, QR codes only."""

    def grey(frame: np.ndarray) -> np.ndarray:
        return cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY) if frame.ndim == 3 else frame

    if name.startswith("pipeline"):
        from desktop.scanner.decode import LIVE_BUDGET_MS, decode_frame

        budget = LIVE_BUDGET_MS if name == "pipeline-live" else None
        return lambda frame: {d.text for d in decode_frame(frame, budget)}
    if name == "zxing-cpp":
        import zxingcpp

        qr = zxingcpp.BarcodeFormat.QRCode
        return lambda frame: {r.text for r in zxingcpp.read_barcodes(grey(frame), formats=qr)}
    if name == "pyzbar":
        from pyzbar.pyzbar import ZBarSymbol
        from pyzbar.pyzbar import decode as zbar_decode

        return lambda frame: {s.data.decode("utf-8", "replace")
                              for s in zbar_decode(grey(frame), symbols=[ZBarSymbol.QRCODE])}
    detector = {"opencv": cv2.QRCodeDetector, "opencv-aruco": cv2.QRCodeDetectorAruco}[name]()

    def read(frame: np.ndarray) -> set[str]:
        try:
            ok, texts, _points, _straight = detector.detectAndDecodeMulti(grey(frame))
        except cv2.error:  # OpenCV 5.0 fails an assertion inside kmeans on some frames
            return set()
        return {t for t in texts if t} if ok else set()

    return read


@dataclass
class Outcome:
    """What each reader made of one case, and how long it took (ms)."""

    index: int
    kind: str
    expected: frozenset[str]
    symbol_px: float
    read: dict[str, frozenset[str]]
    ms: dict[str, float]

    def ok(self, reader: str) -> bool:
        """The code and nothing else on a coded frame; nothing at all on an empty one."""
        got = self.read[reader]
        return (bool(got) and got <= self.expected) if self.expected else not got

    def wrong(self, reader: str) -> frozenset[str]:
        """Texts that are not in the frame: a false or a wrong read."""
        return self.read[reader] - self.expected


def evaluate(readers: Sequence[str], n_per_kind: int = 20, seed: int = 20251101,
             workers: int = 1) -> list[Outcome]:
    """Every reader on every frame of the set; each frame is made, read and dropped.

    ``workers`` > 1 splits the frames over processes (OpenCV then uses one thread each, so
    the timings are those of one core per decoder)."""
    kinds = case_kinds(n_per_kind)
    if workers <= 1:
        return _evaluate_part(tuple(readers), list(range(len(kinds))), n_per_kind, seed, False)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    parts = [list(range(w, len(kinds), workers)) for w in range(workers)]
    # spawn: a forked child would inherit OpenCV's and the test runner's threads
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        done = pool.map(_evaluate_part, [tuple(readers)] * workers, parts,
                        [n_per_kind] * workers, [seed] * workers, [True] * workers)
        outcomes = [o for part in done for o in part]
    return sorted(outcomes, key=lambda o: o.index)


def _evaluate_part(readers: tuple[str, ...], indices: list[int], n_per_kind: int, seed: int,
                   single_thread: bool) -> list[Outcome]:
    import time

    if single_thread:
        cv2.setNumThreads(1)
    made = {name: make_reader(name) for name in readers}
    kinds = case_kinds(n_per_kind)
    outcomes = []
    for index in indices:
        case = make_case(index, kinds[index], seed)
        read, ms = {}, {}
        for name, reader in made.items():
            start = time.perf_counter()
            got = reader(case.frame)
            ms[name] = (time.perf_counter() - start) * 1000
            read[name] = frozenset(got)
        outcomes.append(Outcome(case.index, case.kind, case.expected, case.symbol_px, read, ms))
    return outcomes


def rate(outcomes: list[Outcome], reader: str) -> float:
    """Share of the coded frames read correctly."""
    coded = [o for o in outcomes if o.expected]
    return sum(o.ok(reader) for o in coded) / len(coded)
