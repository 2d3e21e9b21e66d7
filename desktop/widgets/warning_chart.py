"""A matplotlib canvas in Qt showing a warning's chart (reports/warning_charts.py draws it).

matplotlib is imported when the first chart is shown, not with the page: most warnings have
no chart and start-up time matters more.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QVBoxLayout, QWidget


class WarningChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.canvas: Any = None
        self.figure: Any = None
        self.setMinimumHeight(240)
        self.hide()

    def show_chart(self, chart: Any) -> None:
        from matplotlib import rc_context
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        from reports.warning_charts import SeriesChart, draw_hours, draw_series, style

        if self.canvas is None:
            self.figure = Figure(figsize=(7, 3), dpi=96)
            self.canvas = FigureCanvasQTAgg(self.figure)
            self._layout.addWidget(self.canvas)
        with rc_context(style()):
            (draw_series if isinstance(chart, SeriesChart) else draw_hours)(self.figure, chart)
            self.canvas.draw()
        self.show()

    def clear(self) -> None:
        self.hide()
