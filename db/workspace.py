"""The composition of one data folder: the database, its repositories and the services over them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from core.auth import Actor, AuthService, Role
from core.dashboard import DashboardService
from core.equipment import CODE_RULE_KEY, DEFAULT_CODE_RULE, EquipmentService
from core.floorplan import FloorPlanService
from core.hazards import DEFAULT_POINT_RULES, POINT_RULES_KEY, HazardService
from core.i18n import DomainError, language
from core.ids import uuid7
from core.inspections import InspectionService
from core.major_hazard import ChemicalService
from core.metrics import MetricsService
from core.plant import PeopleService, StructureService
from core.points import PointsService
from core.risk import SCORING_KEY, RiskService, scoring_or_default
from core.warnings import WarningService
from db.attachments import AttachmentStore
from db.database import Database
from db.passwords import Argon2Hasher
from db.repositories.chemicals import SqliteChemicalRepository
from db.repositories.dashboard import SqliteDashboardRepository
from db.repositories.equipment import SqliteEquipmentRepository
from db.repositories.floorplans import SqliteFloorPlanRepository
from db.repositories.hazards import SqliteHazardRepository
from db.repositories.inspections import SqliteInspectionRepository
from db.repositories.metrics import SqliteMetricsRepository
from db.repositories.people import SqlitePeopleRepository
from db.repositories.risk import SqliteRiskRepository
from db.repositories.settings import SqliteSettingsRepository
from db.repositories.structure import SqliteStructureRepository
from db.repositories.users import SqliteUserRepository
from db.repositories.warnings import SqliteWarningRepository

PLANT_NAME_KEY = "plant.name"


@dataclass
class Workspace:
    data_dir: Path
    db: Database
    people: PeopleService
    structure: StructureService
    auth: AuthService
    settings: SqliteSettingsRepository
    people_repo: SqlitePeopleRepository
    structure_repo: SqliteStructureRepository
    users_repo: SqliteUserRepository
    equipment: EquipmentService
    hazards: HazardService
    hazards_repo: SqliteHazardRepository
    equipment_repo: SqliteEquipmentRepository
    attachments: AttachmentStore
    points: PointsService
    inspections: InspectionService
    inspections_repo: SqliteInspectionRepository
    floorplans: FloorPlanService
    floorplans_repo: SqliteFloorPlanRepository

    @classmethod
    def open(cls, data_dir: Path | str, fast_hash: bool = False) -> Workspace:
        data_dir = Path(data_dir)
        db = Database.open(data_dir)
        people_repo = SqlitePeopleRepository(db)
        structure_repo = SqliteStructureRepository(db)
        users_repo = SqliteUserRepository(db)
        settings = SqliteSettingsRepository(db)
        attachments = AttachmentStore(db, data_dir / "attachments")
        equipment_repo = SqliteEquipmentRepository(db, attachments)

        def lookup_code(kind: str, item_id: str) -> str | None:
            if kind == "type":
                return next((t["code"] for t in equipment_repo.types() if t["id"] == item_id), None)
            item = structure_repo.get(kind, item_id)
            return item["code"] if item else None

        equipment = EquipmentService(
            equipment_repo, lookup_code,
            lambda: settings.get(CODE_RULE_KEY) or DEFAULT_CODE_RULE)
        hazards_repo = SqliteHazardRepository(db, attachments)

        def point_rules() -> dict[str, int]:
            raw = settings.get(POINT_RULES_KEY)
            try:
                return {**DEFAULT_POINT_RULES, **(json.loads(raw) if raw else {})}
            except ValueError:
                return dict(DEFAULT_POINT_RULES)  # a hand-edited setting must not stop work

        hazards = HazardService(hazards_repo, uuid7, lambda: (db.clock.now(), db.device_id),
                                point_rules=point_rules)
        inspections_repo = SqliteInspectionRepository(db, attachments, equipment_repo)
        floorplans_repo = SqliteFloorPlanRepository(db)
        return cls(
            data_dir=data_dir,
            db=db,
            people=PeopleService(people_repo),
            structure=StructureService(structure_repo),
            auth=AuthService(users_repo, Argon2Hasher(fast=fast_hash)),
            settings=settings,
            people_repo=people_repo,
            structure_repo=structure_repo,
            users_repo=users_repo,
            equipment=equipment,
            hazards=hazards,
            hazards_repo=hazards_repo,
            equipment_repo=equipment_repo,
            attachments=attachments,
            points=PointsService(hazards_repo, people_repo, structure_repo, equipment_repo,
                                 point_rules),
            inspections=InspectionService(inspections_repo, hazards, uuid7),
            inspections_repo=inspections_repo,
            floorplans=FloorPlanService(floorplans_repo),
            floorplans_repo=floorplans_repo,
        )

    @property
    def chemicals(self) -> ChemicalService:
        """The dangerous chemical inventory (major hazard ledger); stateless, made on demand."""
        return ChemicalService(SqliteChemicalRepository(self.db))

    @property
    def risk_repo(self) -> SqliteRiskRepository:
        """Risk points, assessments and control measures (F7); stateless, made on demand."""
        return SqliteRiskRepository(self.db)

    @property
    def risk(self) -> RiskService:
        # The grading setting is read at each assessment, so a change applies at once.
        return RiskService(self.risk_repo, lambda: scoring_or_default(self.settings.get(SCORING_KEY)))

    @property
    def dashboard(self) -> DashboardService:
        """The early-warning dashboard's figures and charts (F8); stateless, made on demand.
        It reads the hazard service's clock, so tests with a fixed "now" agree everywhere."""
        return DashboardService(SqliteDashboardRepository(self.db), lambda: self.hazards.now())

    @property
    def metrics_repo(self) -> SqliteMetricsRepository:
        return SqliteMetricsRepository(self.db)

    @property
    def metrics(self) -> MetricsService:
        """Effect metrics (F9): incidents, workforce, external inspections, before/after."""
        return MetricsService(self.metrics_repo, lambda: self.hazards.now())

    @property
    def warnings_repo(self) -> SqliteWarningRepository:
        return SqliteWarningRepository(self.db)

    @property
    def warnings(self) -> WarningService:
        """Early warnings (F8): rules, warnings and their life, key monitoring; stateless, made
        on demand, on the hazard service's clock."""
        return WarningService(self.warnings_repo, self.hazards, self.settings.get,
                              self.settings.set, lambda: self.hazards.now())

    @property
    def plant_name(self) -> str:
        return self.settings.get(PLANT_NAME_KEY) or ""

    def is_initialised(self) -> bool:
        """A plant exists once it has a name and an administrator (the first-run wizard's work)."""
        return bool(self.plant_name) and self.auth.has_users()

    def create_plant(self, plant_name: str, site_code: str, site_name: str, admin_username: str,
                     admin_display_name: str, admin_password: str) -> Actor:
        """First run: name the plant, create its first site and the administrator, in one go."""
        if not plant_name.strip():
            raise DomainError("plant.required", field="厂名" if language() == "zh_CN" else "Plant name")
        with self.db.transaction():
            user_id = self.auth.create_user(None, admin_username, admin_display_name,
                                            [Role.ADMIN], admin_password)
            admin = self.auth.users.by_username(admin_username)
            assert admin is not None and admin.id == user_id
            actor = admin.actor()
            self.structure.add(actor, "site", {"code": site_code, "name": site_name})
            self.settings.set(PLANT_NAME_KEY, plant_name.strip())
        return actor

    def close(self) -> None:
        self.db.close()
