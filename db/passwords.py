"""Argon2id password hashing (memory-hard), through argon2-cffi."""

from __future__ import annotations

from argon2 import PasswordHasher as _Argon2
from argon2.exceptions import InvalidHashError, VerificationError


class Argon2Hasher:
    def __init__(self, fast: bool = False) -> None:
        # ``fast`` is for tests only: real logins use the library's RFC 9106 low-memory profile.
        self._ph = _Argon2(time_cost=1, memory_cost=8, parallelism=1) if fast else _Argon2()

    def hash(self, password: str) -> str:
        return self._ph.hash(password)

    def verify(self, password_hash: str, password: str) -> bool:
        try:
            return self._ph.verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, password_hash: str) -> bool:
        try:
            return self._ph.check_needs_rehash(password_hash)
        except InvalidHashError:
            return False
