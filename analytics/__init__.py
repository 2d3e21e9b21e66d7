"""Numeric analysis with numpy (sensor series, anomaly detection): below jobs, beside db/reports."""
