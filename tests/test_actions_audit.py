"""Every action writes exactly one audit entry (house style): a table of every public
action, each run on the demo report, counting the log before and after; and a scan of the
actions modules, so that a new action without a row in the table fails."""

from __future__ import annotations

import ast
import datetime
import importlib
import inspect
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import cast

import pytest
from django.contrib.auth.models import User

from forecast_files import import_forecast_file
from uppsikt.accounts.actions import create_demo_users, grant_role
from uppsikt.accounts.models import Membership
from uppsikt.audit.models import AuditEntry
from uppsikt.demo.city import generate_city
from uppsikt.domain.economy.model import AccountRule, Mapping
from uppsikt.domain.model import Assessment, AssignmentStatus, OrganisationKind
from uppsikt.domain.oversight.model import CompanyDocumentKind, ReminderKind
from uppsikt.domain.workflow import Action, Role
from uppsikt.economy.actions.forecasts import import_forecasts, record_forecast, record_outcome
from uppsikt.economy.actions.variances import Explanation, explain_variances
from uppsikt.economy.mapping_store import save_mapping
from uppsikt.goals.actions.assignments import report_assignment
from uppsikt.goals.actions.follow_ups import AssessmentInput, record_assessment
from uppsikt.importers.package import load_package
from uppsikt.organisations.models import Municipality, Organisation
from uppsikt.oversight.actions.cases import add_follow_up, close_case, open_case, record_action_plan
from uppsikt.oversight.actions.comments import add_comment, resolve_comment
from uppsikt.oversight.actions.companies import record_company_document, record_company_review
from uppsikt.oversight.actions.demo_city import load_demo_city
from uppsikt.oversight.actions.reminders import send_reminder, send_reminders
from uppsikt.oversight.actions.rounds import open_round, set_deadline
from uppsikt.oversight.models import ReportingRound, SpecialOversight
from uppsikt.reports.actions.demo import reset_workflow
from uppsikt.reports.actions.imports import import_report
from uppsikt.reports.actions.sections import save_section
from uppsikt.reports.actions.workflow import (
    approve_report,
    move_report,
    reopen_report,
    return_report,
    submit_report,
)
from uppsikt.reports.places import section_places
from uppsikt.reports.store import load_report, save_report

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "uppsikt"
DEMO = ROOT / "examples" / "malmo-ks-2025"
GOAL = "klimatneutral-2030"
ASSIGNMENT = "klimatinvesteringsplan"


@dataclass
class World:
    """The demo report stored, and its demo users."""

    report_id: int
    users: dict[str, User]

    def user(self, name: str) -> User:
        return self.users[name]

    def submitted(self) -> None:
        submit_report(self.report_id, actor=self.user("skribent"))

    def approved(self) -> None:
        self.submitted()
        approve_report(self.report_id, actor=self.user("granskare"))


@pytest.fixture
def world(db: None) -> World:
    report_id = save_report(load_package(DEMO).report)
    create_demo_users("malmo", "kommunstyrelsen", "stadsbyggnadsnamnden", actor=None)
    users = {user.username: user for user in User.objects.all()}
    return World(report_id, users)


def _first_place(w: World) -> str:
    return section_places(load_report(w.report_id))[0].place


def _comment(w: World) -> int:
    return add_comment(w.report_id, "", "En fråga.", actor=w.user("skribent")).pk


DEADLINE = datetime.date(2026, 2, 15)


def _round(w: World) -> ReportingRound:
    """A round of the demo's period for two boards whose writers have e-mail addresses."""
    for name in ("skribent", "skribent-annan"):
        w.user(name).email = f"{name}@malmo.example"
        w.user(name).save()
    return open_round(
        "malmo",
        2025,
        "annual_analysis",
        deadline=DEADLINE,
        organisations=["kommunstyrelsen", "stadsbyggnadsnamnden"],
        actor=None,
    )


def _member(w: World) -> int:
    return _round(w).members.get(organisation__key="kommunstyrelsen").pk


def _ks() -> Organisation:
    return Organisation.objects.get(key="kommunstyrelsen")


def _company(w: World) -> Organisation:
    organisation, _ = Organisation.objects.get_or_create(
        municipality=Municipality.objects.get(key="malmo"),
        key="malmo-hamn",
        defaults={"name": "Malmö Hamn AB", "kind": OrganisationKind.COMPANY.value},
    )
    return organisation


def _case(w: World) -> SpecialOversight:
    return open_case(
        _ks(), "Underskott.", "STK-2025-1363", date(2025, 9, 1), actor=w.user("granskare")
    )


def _forecast_file(w: World) -> None:
    with tempfile.TemporaryDirectory() as directory:
        import_forecast_file(Path(directory))


def _case_of(given: object) -> SpecialOversight:
    assert isinstance(given, SpecialOversight)
    return given


def _company_of(given: object) -> Organisation:
    assert isinstance(given, Organisation)
    return given


@dataclass(frozen=True)
class Case:
    """How to call one action on the demo: `setup` first (its entries are not counted)."""

    call: Callable[[World, object], object]
    setup: Callable[[World], object] = lambda w: None
    entries: int = 1  # how many entries the call writes: one, unless said why not


CASES: dict[str, Case] = {
    "move_report": Case(
        lambda w, _: move_report(w.report_id, Action.SUBMIT, actor=w.user("skribent"))
    ),
    "submit_report": Case(lambda w, _: submit_report(w.report_id, actor=w.user("skribent"))),
    "return_report": Case(
        lambda w, _: return_report(w.report_id, "Komplettera.", actor=w.user("granskare")),
        setup=World.submitted,
    ),
    "approve_report": Case(
        lambda w, _: approve_report(w.report_id, actor=w.user("granskare")), setup=World.submitted
    ),
    "reopen_report": Case(
        lambda w, _: reopen_report(w.report_id, "Rättelse.", actor=w.user("granskare")),
        setup=World.approved,
    ),
    "record_assessment": Case(
        lambda w, _: record_assessment(
            w.report_id,
            GOAL,
            AssessmentInput(Assessment.NOT_ACHIEVED, "Målet nåddes inte i år.", None, ""),
            actor=w.user("skribent"),
        )
    ),
    "report_assignment": Case(
        lambda w, _: report_assignment(
            w.report_id, ASSIGNMENT, AssignmentStatus.ONGOING, "Påbörjat.", actor=w.user("skribent")
        )
    ),
    "save_section": Case(
        lambda w, place: save_section(
            w.report_id,
            str(place),
            heading="Ny rubrik",
            body="Ny text.",
            base_version=1,
            actor=w.user("skribent"),
        ),
        setup=_first_place,
    ),
    "explain_variances": Case(
        lambda w, _: explain_variances(
            w.report_id,
            [  # two rows in one save: still one action, one entry
                Explanation("budget_areas", "kansli", "comment", "Vakanser under våren."),
                Explanation("budget_areas", "marknad", "comment", "Galan kostade mer."),
            ],
            actor=w.user("skribent"),
        )
    ),
    "add_comment": Case(lambda w, _: _comment(w)),
    "resolve_comment": Case(
        lambda w, comment: resolve_comment(
            w.report_id, int(str(comment)), actor=w.user("granskare")
        ),
        setup=_comment,
    ),
    "reset_workflow": Case(
        lambda w, _: reset_workflow(w.report_id, actor=None), setup=World.approved
    ),
    "import_report": Case(lambda w, _: import_report(load_package(DEMO).report, actor=None)),
    # Over the demo report alone: the city's other reports are not stored, and need not be.
    "load_demo_city": Case(
        lambda w, _: load_demo_city(generate_city(load_package(DEMO).report), actor=None)
    ),
    "grant_role": Case(
        lambda w, _: grant_role(
            w.user("skribent-annan"),
            Municipality.objects.get(key="malmo"),
            Role.READER,
            Organisation.objects.get(key="kommunstyrelsen"),
            actor=w.user("admin"),
        )
    ),
    # Demo set-up chains `grant_role`: one entry for each of the five roles it gives.
    "create_demo_users": Case(
        lambda w, _: create_demo_users(
            "malmo", "kommunstyrelsen", "stadsbyggnadsnamnden", actor=None
        ),
        setup=lambda w: Membership.objects.all().delete(),
        entries=5,
    ),
    "record_forecast": Case(
        lambda w, _: record_forecast(_ks(), 2025, 8, 100, 90, "", actor=w.user("skribent"))
    ),
    "record_outcome": Case(
        lambda w, _: record_outcome(_ks(), 2025, 100, 95, actor=w.user("granskare"))
    ),
    "import_forecasts": Case(
        lambda w, _: import_forecasts("malmo", 2025, 8, "2025-08", actor=None),
        setup=_forecast_file,
    ),
    "open_case": Case(lambda w, _: _case(w)),
    "record_action_plan": Case(
        lambda w, case: record_action_plan(
            _case_of(case), "Plan.", date(2025, 9, 20), actor=w.user("granskare")
        ),
        setup=_case,
    ),
    "add_follow_up": Case(
        lambda w, case: add_follow_up(
            _case_of(case), date(2025, 10, 1), "Följs.", actor=w.user("granskare")
        ),
        setup=_case,
    ),
    "close_case": Case(
        lambda w, case: close_case(
            _case_of(case), date(2025, 12, 1), "STK-2025-1500", "Klart.", actor=w.user("granskare")
        ),
        setup=_case,
    ),
    "record_company_review": Case(
        lambda w, company: record_company_review(
            _company_of(company),
            2025,
            True,
            True,
            "",
            "",
            "STK-2026-1",
            date(2026, 4, 1),
            actor=w.user("granskare"),
        ),
        setup=_company,
    ),
    "record_company_document": Case(
        lambda w, company: record_company_document(
            _company_of(company),
            2025,
            CompanyDocumentKind.ANNUAL_REPORT,
            date(2026, 3, 1),
            "",
            actor=w.user("granskare"),
        ),
        setup=_company,
    ),
    "save_mapping": Case(
        lambda w, _: save_mapping(
            "malmo", Mapping(account_rules=(AccountRule("5000", "5999", "salaries"),)), actor=None
        )
    ),
    "open_round": Case(
        lambda w, _: open_round(
            "malmo",
            2026,
            "interim_report",
            deadline=DEADLINE,
            organisations=["kommunstyrelsen", "stadsbyggnadsnamnden"],
            actor=w.user("granskare"),
        )
    ),
    "set_deadline": Case(
        lambda w, member: set_deadline(
            int(str(member)), datetime.date(2026, 3, 1), actor=w.user("granskare")
        ),
        setup=_member,
    ),
    "send_reminder": Case(
        lambda w, member: send_reminder(
            int(str(member)), ReminderKind.BEFORE, DEADLINE, actor=w.user("granskare")
        ),
        setup=_member,
    ),
    # One entry per reminder sent (here one to each of the two boards' writers): each
    # e-mail is audited on its own, through `send_reminder`.
    "send_reminders": Case(
        lambda w, round_row: send_reminders(
            cast(ReportingRound, round_row).period,
            today=DEADLINE - datetime.timedelta(days=7),
            actor=None,
        ),
        setup=_round,
        entries=2,
    ),
}

# Public functions of the actions modules that write nothing: why each is no action.
HELPERS = {
    "assignment_place": "names a place",
    "assessment_problems": "validates input",
    "lock_for_edit": "reads and locks inside an action's transaction",
    "locked_state": "reads and locks inside an action's transaction",
    "assessment_values": "reads: the input of the form's version token",
    "assessment_token": "computes a version token",
    "assignment_values": "reads: the input of the form's version token",
    "assignment_token": "computes a version token",
    "explanation_token": "computes a version token",
    "marker_problem": "validates input",
    "clean_section_text": "validates input",
    "latest_version": "reads",
    "section_versions": "reads",
    "content_digest": "reads",
    "deadline_token": "computes a version token",
    "swedish_date": "formats a date",
    "writers_emails": "reads",
    "due_reminders": "reads",
    "forecast_values": "reads: the input of the form's version token",
    "forecast_token": "computes a version token",
    "newest_forecast": "reads",
    "forecast_problems": "validates input",
    "case_number_problem": "validates input",
    "future_problem": "validates input",
    "review_values": "reads: the input of the form's version token",
    "review_token": "computes a version token",
}

# Every app's actions: `<app>/actions.py` or the modules of `<app>/actions/`.
ACTION_MODULES = sorted(
    path
    for pattern in ("*/actions.py", "*/actions/*.py")
    for path in SRC.glob(pattern)
    if path.name != "__init__.py" and path.parts[-2] != "audit" and path.parent.name != "audit"
)


def _module_name(path: Path) -> str:
    return ".".join(("uppsikt", *path.relative_to(SRC).with_suffix("").parts))


# Entry points elsewhere that are actions too (they are in the table).
OTHER_ACTIONS = {"save_mapping"}


def _public_functions(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and not node.name.startswith("_")
    ]


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_action_writes_exactly_one_audit_entry(world: World, name: str) -> None:
    case = CASES[name]
    given = case.setup(world)
    before = AuditEntry.objects.count()

    case.call(world, given)

    assert AuditEntry.objects.count() - before == case.entries


def test_every_public_function_of_the_actions_modules_is_in_the_table() -> None:
    found = {name for path in ACTION_MODULES for name in _public_functions(path)}
    assert found - set(HELPERS) - set(CASES) == set(), "add the new action to CASES"
    assert set(CASES) - found - OTHER_ACTIONS == set(), "a listed action no longer exists"
    assert set(HELPERS) <= found


def _function(name: str) -> Callable[..., object]:
    modules = [_module_name(path) for path in ACTION_MODULES]
    for module_name in [*modules, "uppsikt.economy.mapping_store"]:
        found: object = getattr(importlib.import_module(module_name), name, None)
        if callable(found) and getattr(found, "__module__", "") == module_name:
            return found
    raise LookupError(name)


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_action_takes_a_keyword_only_actor(name: str) -> None:
    parameter = inspect.signature(_function(name)).parameters.get("actor")
    assert parameter is not None and parameter.kind is inspect.Parameter.KEYWORD_ONLY
