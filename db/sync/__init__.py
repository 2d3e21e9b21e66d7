"""Sync with the central store (F13): local state and batches (local.py), the HTTP client
(client.py), where the device token is kept (credentials.py)."""
