"""Headless jobs that join the data (db) to the renderers (reports): used by the CLI and the app.

Sits between desktop and reports|db in the layer contract, so both the CLI and the desktop can
run the same report with the same data fetching.
"""
