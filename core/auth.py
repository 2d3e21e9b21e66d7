"""Users, roles and what each role may do; login with lockout. Checked in services, not only in UI."""

from __future__ import annotations

import enum
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol

from core import i18n
from core.i18n import DomainError


class Role(enum.StrEnum):
    ADMIN = "admin"
    SAFETY_CLERK = "safety_clerk"
    DEPT_HEAD = "dept_head"
    RECTIFIER = "rectifier"
    REVIEWER = "reviewer"
    EMPLOYEE = "employee"


class Permission(enum.StrEnum):
    MANAGE_USERS = "manage_users"
    EDIT_STRUCTURE = "edit_structure"
    EDIT_PEOPLE = "edit_people"
    IMPORT_PEOPLE = "import_people"
    VIEW_PEOPLE = "view_people"
    VIEW_STRUCTURE = "view_structure"
    EDIT_SETTINGS = "edit_settings"
    VIEW_EQUIPMENT = "view_equipment"
    EDIT_EQUIPMENT = "edit_equipment"
    IMPORT_EQUIPMENT = "import_equipment"
    VIEW_HAZARDS = "view_hazards"
    REPORT_HAZARD = "report_hazard"
    RECORD_HAZARD = "record_hazard"  # staff record a hazard straight into the workflow
    DISPATCH_HAZARD = "dispatch_hazard"
    RECTIFY_HAZARD = "rectify_hazard"
    REVIEW_HAZARD = "review_hazard"
    ARCHIVE_HAZARD = "archive_hazard"
    VERIFY_REPORT = "verify_report"
    RESOLVE_CONFLICT = "resolve_conflict"
    VIEW_INSPECTIONS = "view_inspections"  # checklists, schedules, the due list, histories
    INSPECT = "inspect"  # run a checklist on a machine (its failures draft hazards)
    EDIT_CHECKLISTS = "edit_checklists"  # checklist templates and inspection schedules
    VIEW_RISKS = "view_risks"  # the risk register, assessments, post risk cards (F7)
    EDIT_RISKS = "edit_risks"  # add/edit/assess risk points and their control measures


_VIEW = {Permission.VIEW_PEOPLE, Permission.VIEW_STRUCTURE, Permission.VIEW_EQUIPMENT,
         Permission.VIEW_HAZARDS, Permission.REPORT_HAZARD, Permission.RECORD_HAZARD}
_CLERK_HAZARDS = {Permission.DISPATCH_HAZARD, Permission.RECTIFY_HAZARD,
                  Permission.REVIEW_HAZARD, Permission.ARCHIVE_HAZARD,
                  Permission.VERIFY_REPORT, Permission.RESOLVE_CONFLICT}
# Inspections are everyday floor work: operators do the daily checks of their own machines,
# fitters and electricians the weekly ones, safety officers, reviewers and heads walk rounds.
# So every role may view and run a checklist; what a check contains (and how often it is due)
# is the safety office's call, so only clerks (and admins) edit checklists and schedules.
_INSPECT = {Permission.VIEW_INSPECTIONS, Permission.INSPECT}
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    Role.SAFETY_CLERK: frozenset(
        _VIEW | _CLERK_HAZARDS | _INSPECT | {
            Permission.EDIT_STRUCTURE, Permission.EDIT_PEOPLE, Permission.IMPORT_PEOPLE,
            Permission.EDIT_EQUIPMENT, Permission.IMPORT_EQUIPMENT, Permission.EDIT_CHECKLISTS}
    ),
    # Heads receive dispatched hazards and escalations; they may assign rectifiers too.
    Role.DEPT_HEAD: frozenset(_VIEW | _INSPECT | {Permission.DISPATCH_HAZARD}),
    Role.RECTIFIER: frozenset(_VIEW | _INSPECT | {Permission.RECTIFY_HAZARD}),
    Role.REVIEWER: frozenset(_VIEW | _INSPECT | {Permission.REVIEW_HAZARD}),
    # A worker at a shared PC scans a label and reads the card (procedure, faults), and does
    # the daily check of the machine.
    Role.EMPLOYEE: frozenset({Permission.VIEW_STRUCTURE, Permission.VIEW_EQUIPMENT,
                              Permission.REPORT_HAZARD} | _INSPECT),
}

# Risk register (F7): every role reads it (the post risk cards are written for workers); grading
# risks is the safety office's job, so only clerks (and admins, who hold everything) edit it.
ROLE_PERMISSIONS = {role: perms | {Permission.VIEW_RISKS} for role, perms in ROLE_PERMISSIONS.items()}
ROLE_PERMISSIONS[Role.SAFETY_CLERK] |= {Permission.EDIT_RISKS}

# What a refusal names ("您没有执行此操作的权限（需要：编辑风险分级管控）"): every permission, so a
# new one without a name fails tests/test_risk.py rather than showing its raw key to a user.
PERMISSION_LABELS: dict[Permission, tuple[str, str]] = {
    Permission.MANAGE_USERS: ("管理用户", "managing users"),
    Permission.EDIT_STRUCTURE: ("编辑组织结构", "editing the plant structure"),
    Permission.EDIT_PEOPLE: ("编辑人员", "editing people"),
    Permission.IMPORT_PEOPLE: ("导入人员", "importing people"),
    Permission.VIEW_PEOPLE: ("查看人员", "viewing people"),
    Permission.VIEW_STRUCTURE: ("查看组织结构", "viewing the plant structure"),
    Permission.EDIT_SETTINGS: ("修改设置", "changing settings"),
    Permission.VIEW_EQUIPMENT: ("查看设备", "viewing equipment"),
    Permission.EDIT_EQUIPMENT: ("编辑设备", "editing equipment"),
    Permission.IMPORT_EQUIPMENT: ("导入设备", "importing equipment"),
    Permission.VIEW_HAZARDS: ("查看隐患", "viewing hazards"),
    Permission.REPORT_HAZARD: ("上报隐患", "reporting a hazard"),
    Permission.RECORD_HAZARD: ("登记隐患", "recording a hazard"),
    Permission.DISPATCH_HAZARD: ("派发隐患整改", "dispatching hazards"),
    Permission.RECTIFY_HAZARD: ("隐患整改", "rectifying hazards"),
    Permission.REVIEW_HAZARD: ("隐患复核", "reviewing rectifications"),
    Permission.ARCHIVE_HAZARD: ("隐患归档", "archiving hazards"),
    Permission.VERIFY_REPORT: ("核实员工上报", "verifying reports"),
    Permission.RESOLVE_CONFLICT: ("处理同步冲突", "resolving sync conflicts"),
    Permission.VIEW_INSPECTIONS: ("查看点检", "viewing inspections"),
    Permission.INSPECT: ("设备点检", "running inspections"),
    Permission.EDIT_CHECKLISTS: ("编辑点检表和计划", "editing checklists and schedules"),
    Permission.VIEW_RISKS: ("查看风险分级管控", "viewing the risk register"),
    Permission.EDIT_RISKS: ("编辑风险分级管控", "editing the risk register"),
}


def permission_label(permission: Permission | str, lang: str | None = None) -> str:
    """The readable name of a permission; its key when it has none (never an exception)."""
    try:
        zh, en = PERMISSION_LABELS[Permission(permission)]
    except (KeyError, ValueError):
        return str(permission)
    return en if (lang or i18n.language()) == "en" else zh


class PermissionDenied(DomainError):
    """auth.forbidden naming the missing permission in the language the message is shown in."""

    def __init__(self, permission: Permission) -> None:
        self.permission = permission
        super().__init__("auth.forbidden", permission=permission_label(permission, "en"))

    def message(self, lang: str | None = None) -> str:
        return i18n.t(self.key, lang, permission=permission_label(self.permission, lang))


MAX_FAILURES = 5
LOCKOUT_SECONDS = 15 * 60
MIN_PASSWORD_LENGTH = 8

MESSAGES = {
    "auth.forbidden": {
        "zh_CN": "您没有执行此操作的权限（需要：{permission}）。",
        "en": "You are not allowed to do this (needs: {permission}).",
    },
    "auth.bad_credentials": {
        "zh_CN": "用户名或密码错误。",
        "en": "Wrong user name or password.",
    },
    "auth.locked": {
        "zh_CN": "登录失败次数过多，账号已锁定，请 {minutes} 分钟后再试，或请管理员解锁。",
        "en": "Too many failed logins; the account is locked. Try again in {minutes} minutes "
        "or ask an administrator.",
    },
    "auth.inactive": {
        "zh_CN": "该账号已停用。",
        "en": "This account is disabled.",
    },
    "auth.password_short": {
        "zh_CN": "密码至少需要 {n} 个字符。",
        "en": "The password needs at least {n} characters.",
    },
    "auth.username_taken": {
        "zh_CN": "用户名“{username}”已被使用。",
        "en": "The user name “{username}” is already taken.",
    },
    "auth.username_required": {
        "zh_CN": "请输入用户名。",
        "en": "Please enter a user name.",
    },
    "auth.no_roles": {
        "zh_CN": "请至少选择一个角色。",
        "en": "Please choose at least one role.",
    },
    "auth.last_admin": {
        "zh_CN": "不能停用或删除最后一个管理员。",
        "en": "The last administrator cannot be disabled or removed.",
    },
}
i18n.register(MESSAGES)

ROLE_LABELS = {
    Role.ADMIN: ("管理员", "Administrator"),
    Role.SAFETY_CLERK: ("安全员", "Safety clerk"),
    Role.DEPT_HEAD: ("部门负责人", "Department head"),
    Role.RECTIFIER: ("整改人", "Rectifier"),
    Role.REVIEWER: ("复核人", "Reviewer"),
    Role.EMPLOYEE: ("员工", "Employee"),
}


def role_label(role: Role | str, lang: str | None = None) -> str:
    zh, en = ROLE_LABELS[Role(role)]
    return en if (lang or i18n.language()) == "en" else zh


@dataclass(frozen=True)
class Actor:
    """Who is doing something: passed to every service call that changes data."""

    user_id: str
    username: str
    display_name: str
    roles: frozenset[Role] = field(default_factory=frozenset)
    person_id: str | None = None

    def can(self, permission: Permission) -> bool:
        return any(permission in ROLE_PERMISSIONS[r] for r in self.roles)


SYSTEM = Actor("system", "system", "system", frozenset({Role.ADMIN}))


def require(actor: Actor, permission: Permission) -> None:
    if not actor.can(permission):
        raise PermissionDenied(permission)


@dataclass(frozen=True)
class User:
    id: str
    username: str
    display_name: str
    roles: frozenset[Role]
    password_hash: str
    active: bool = True
    person_id: str | None = None

    def actor(self) -> Actor:
        return Actor(self.id, self.username, self.display_name, self.roles, self.person_id)


class PasswordHasher(Protocol):
    def hash(self, password: str) -> str: ...
    def verify(self, password_hash: str, password: str) -> bool: ...
    def needs_rehash(self, password_hash: str) -> bool: ...


class UserRepository(Protocol):
    def by_username(self, username: str) -> User | None: ...
    def list_users(self) -> list[User]: ...
    def add_user(self, username: str, display_name: str, roles: Iterable[Role],
                 password_hash: str, person_id: str | None) -> str: ...
    def update_user(self, user_id: str, changes: dict) -> dict: ...
    def failures(self, username: str) -> tuple[int, int | None]: ...
    def record_failure(self, username: str, failures: int, locked_until: int | None) -> None: ...
    def clear_failures(self, username: str) -> None: ...


class AuthService:
    def __init__(self, users: UserRepository, hasher: PasswordHasher,
                 now: Callable[[], float] = time.time) -> None:
        self.users = users
        self.hasher = hasher
        self.now = now

    def has_users(self) -> bool:
        return bool(self.users.list_users())

    def list_users(self, actor: Actor) -> list[User]:
        require(actor, Permission.MANAGE_USERS)
        return self.users.list_users()

    def is_locked(self, actor: Actor, username: str) -> bool:
        """Is the user locked out of this PC's login right now?"""
        require(actor, Permission.MANAGE_USERS)
        _failures, locked_until = self.users.failures(username)
        return bool(locked_until and locked_until > self.now())

    def login(self, username: str, password: str) -> Actor:
        username = username.strip()
        failures, locked_until = self.users.failures(username)
        now = self.now()
        if locked_until and locked_until > now:
            raise DomainError("auth.locked", minutes=max(1, round((locked_until - now) / 60)))
        user = self.users.by_username(username)
        if user is None or not self.hasher.verify(user.password_hash, password):
            failures += 1
            lock = int(now + LOCKOUT_SECONDS) if failures >= MAX_FAILURES else None
            self.users.record_failure(username, 0 if lock else failures, lock)
            if lock:
                raise DomainError("auth.locked", minutes=LOCKOUT_SECONDS // 60)
            raise DomainError("auth.bad_credentials")
        if not user.active:
            raise DomainError("auth.inactive")
        self.users.clear_failures(username)
        if self.hasher.needs_rehash(user.password_hash):
            self.users.update_user(user.id, {"password_hash": self.hasher.hash(password)})
        return user.actor()

    def create_user(self, actor: Actor | None, username: str, display_name: str,
                    roles: Iterable[Role | str], password: str,
                    person_id: str | None = None) -> str:
        """Create a user. ``actor`` None is allowed only for the very first user (first run)."""
        if actor is None:
            if self.has_users():
                raise PermissionDenied(Permission.MANAGE_USERS)
        else:
            require(actor, Permission.MANAGE_USERS)
        username = username.strip()
        role_set = frozenset(Role(r) for r in roles)
        if not username:
            raise DomainError("auth.username_required")
        if not role_set:
            raise DomainError("auth.no_roles")
        if len(password) < MIN_PASSWORD_LENGTH:
            raise DomainError("auth.password_short", n=MIN_PASSWORD_LENGTH)
        if self.users.by_username(username) is not None:
            raise DomainError("auth.username_taken", username=username)
        return self.users.add_user(username, display_name.strip() or username, role_set,
                                   self.hasher.hash(password), person_id)

    def set_password(self, actor: Actor, user_id: str, password: str) -> None:
        if actor.user_id != user_id:
            require(actor, Permission.MANAGE_USERS)
        if len(password) < MIN_PASSWORD_LENGTH:
            raise DomainError("auth.password_short", n=MIN_PASSWORD_LENGTH)
        self.users.update_user(user_id, {"password_hash": self.hasher.hash(password)})

    def set_active(self, actor: Actor, user_id: str, active: bool) -> None:
        require(actor, Permission.MANAGE_USERS)
        if not active:
            admins = [u for u in self.users.list_users() if u.active and Role.ADMIN in u.roles]
            if [u.id for u in admins] == [user_id]:
                raise DomainError("auth.last_admin")
        self.users.update_user(user_id, {"active": 1 if active else 0})

    def set_roles(self, actor: Actor, user_id: str, roles: Iterable[Role | str]) -> None:
        require(actor, Permission.MANAGE_USERS)
        role_set = frozenset(Role(r) for r in roles)
        if not role_set:
            raise DomainError("auth.no_roles")
        if Role.ADMIN not in role_set:
            admins = [u for u in self.users.list_users() if u.active and Role.ADMIN in u.roles]
            if [u.id for u in admins] == [user_id]:
                raise DomainError("auth.last_admin")
        self.users.update_user(user_id, {"roles": sorted(r.value for r in role_set)})

    def unlock(self, actor: Actor, username: str) -> None:
        require(actor, Permission.MANAGE_USERS)
        self.users.clear_failures(username)
