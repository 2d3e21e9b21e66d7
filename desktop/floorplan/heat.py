"""The hazard-density heat overlay: a blurred count of open hazards per spot of the plan.

``density_rgba`` is plain numpy (no Qt), so it runs on a worker thread; the page wraps the
bytes in a QImage on the UI thread. The grid is coarse (at most 512 cells a side) and scaled
up when drawn: a heat map has no sharp edges to lose.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

MAX_CELLS = 512
SIGMA_FRACTION = 0.025  # blur radius as a share of the plan's longer side


def _gauss_kernel(sigma: float) -> np.ndarray:
    radius = max(1, int(3 * sigma))
    x = np.arange(-radius, radius + 1, dtype=float)
    k = np.exp(-(x * x) / (2 * sigma * sigma))
    return k / k.sum()


def _blur(grid: np.ndarray, sigma: float) -> np.ndarray:
    k = _gauss_kernel(sigma)
    # separable: rows then columns, each a 1-D convolution per line (vectorised with apply)
    out = np.apply_along_axis(lambda r: np.convolve(r, k, mode="same"), 1, grid)
    return np.apply_along_axis(lambda c: np.convolve(c, k, mode="same"), 0, out)


def density_rgba(points: Sequence[tuple[float, float]], width_px: int,
                 height_px: int) -> tuple[bytes, int, int]:
    """(RGBA8888 bytes, grid width, grid height) covering the whole plan."""
    step = max(width_px, height_px) / MAX_CELLS if max(width_px, height_px) > MAX_CELLS else 1.0
    gw, gh = max(1, int(width_px / step)), max(1, int(height_px / step))
    grid = np.zeros((gh, gw), dtype=float)
    if points:
        pts = np.asarray(points, dtype=float)
        cx = np.clip((pts[:, 0] / step).astype(int), 0, gw - 1)
        cy = np.clip((pts[:, 1] / step).astype(int), 0, gh - 1)
        np.add.at(grid, (cy, cx), 1.0)
        grid = _blur(grid, max(1.0, SIGMA_FRACTION * max(gw, gh)))
    peak = grid.max()
    t = grid / peak if peak > 0 else grid
    # yellow (sparse) -> red (dense); transparent where nothing happens
    rgba = np.zeros((gh, gw, 4), dtype=np.uint8)
    rgba[..., 0] = 255
    rgba[..., 1] = (220 * (1 - t)).astype(np.uint8)
    rgba[..., 2] = 0
    rgba[..., 3] = (np.clip(t * 1.6, 0, 1) * 170).astype(np.uint8)
    return rgba.tobytes(), gw, gh
