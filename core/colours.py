"""The four-colour scheme for risk grades (REGULATIONS.md): the one place colours come from."""

RISK_COLOURS = {
    "major": "#E02020",  # red 红
    "considerable": "#F28C28",  # orange 橙
    "general": "#F5D000",  # yellow 黄
    "low": "#2F7FD8",  # blue 蓝
}
# Text on the colour: dark on yellow/orange reads better when printed.
RISK_TEXT_COLOURS = {"major": "#FFFFFF", "considerable": "#000000", "general": "#000000", "low": "#FFFFFF"}
NOT_ASSESSED_COLOUR = "#9E9E9E"  # grey: risk not assessed yet
