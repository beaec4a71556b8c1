"""Billing contacts and Delete through the page, on both layouts of the replica: the Billing
Contacts section's add box, Make Primary and its "Promote to primary billing contact?" dialog,
and Delete beside secondary contacts (never beside a primary), each verified by reading the page
again and checked in the sandbox's store; whole runs through the engine's executor."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from desktop.domain.models import ContactRole
from desktop.engine.events import Outcome
from desktop.engine.executor import Executor, ExecutorError
from desktop.engine.journal import Journal
from desktop.engine.plan import Action, Plan, StepKind
from desktop.engine.planner import make_plan
from desktop.engine.removal_planner import make_removal_plan
from desktop.portal.errors import DomainMismatch, PrimaryContact
from desktop.portal.my_atlassian import scripts
from desktop.portal.my_atlassian.errors import NeedsGuidance
from desktop.portal.my_atlassian.guide import INSTRUCTIONS, GuidedKind, GuidedStep
from desktop.portal.my_atlassian.outcome import parse_answer
from desktop.portal.my_atlassian.page_check import Found, Part, Verdict
from desktop.portal.paste_reader import read_paste
from desktop.portal.sandbox.dataset import SandboxAccount, SandboxData, fake_license_key
from desktop.services.my_atlassian.session import MyAtlassianSession
from tests.conftest import SandboxFactory, SandboxHandle
from tests.licenses import make_license
from tests.live.conftest import Live

ACTOR = "li.na@huake.example"
TARGET = "zhang.wei@huake.example"
LEAVER = "liu.yang@huake.example"  # left the company: a secondary contact here and there
FINANCE = "finance@huake.example"
BUYER = "huake.buyer@qq.com"  # a public mail domain: nobody else may promote past it

SAME_DOMAIN = "SEN-30000101"  # billing primary li.na: the target is added and promoted at once
OTHER_DOMAIN = "SEN-30000202"  # billing primary at qq.com: the target must promote itself
SECONDARIES = "SEN-30000303"  # liu.yang a secondary technical AND billing contact
BILLED_BY_LEAVER = "SEN-30000404"  # liu.yang the primary billing contact: never deleted
ALREADY = "SEN-30000505"  # the target already the primary billing contact
OWN_SECONDARY = "SEN-30000606"  # li.na only a secondary technical contact here


def _data() -> SandboxData:
    def lic(sen: str, **kw: object):  # type: ignore[no-untyped-def]
        return make_license(  # type: ignore[arg-type]
            sen, key=fake_license_key(sen), expires=date(2027, 6, 30), **kw
        )

    return SandboxData(
        accounts=(
            SandboxAccount(ACTOR, "Li Na"),
            SandboxAccount(TARGET, "Zhang Wei"),
            SandboxAccount(BUYER, None),
        ),
        licenses=(
            lic(SAME_DOMAIN, primary=ACTOR, billing=[ACTOR]),
            lic(OTHER_DOMAIN, primary=ACTOR, billing=[BUYER, ACTOR]),
            lic(SECONDARIES, primary=ACTOR, technical=[LEAVER], billing=[ACTOR, LEAVER, FINANCE]),
            lic(BILLED_BY_LEAVER, primary=ACTOR, technical=[LEAVER], billing=[LEAVER, ACTOR]),
            lic(ALREADY, primary=TARGET, technical=[ACTOR], billing=[TARGET, ACTOR]),
            lic(OWN_SECONDARY, primary=TARGET, technical=[ACTOR], billing=[TARGET]),
        ),
    )


@pytest.fixture
def sandbox(sandbox_server: SandboxFactory, layout: str) -> SandboxHandle:
    """This module's licenses (secondary billing contacts, a leaver), shown in ``layout``."""
    handle = sandbox_server(data=_data())
    handle.app.replica_layout = layout
    return handle


def _emails(live: Live, sen: str, role: ContactRole) -> list[str]:
    """The store's contacts of ``role`` on ``sen``, the primary one first."""
    contacts = live.sandbox.state.license(sen).contacts(role)
    return [c.email for c in sorted(contacts, key=lambda c: not c.primary)]


def _billing_notices(live: Live) -> set[tuple[str, str, str]]:
    return {
        (n.sen, n.to, n.new_primary)
        for n in live.sandbox.state.notifications()
        if n.kind == ContactRole.BILLING.value
    }


async def _signed_in(live: Live, **options: object) -> MyAtlassianSession:
    await live.sign_in(ACTOR)
    return live.session(ACTOR, **options)


async def _run(session: MyAtlassianSession, plan: Plan, tmp_path: Path):  # type: ignore[no-untyped-def]
    executor = Executor({ACTOR: session}, Journal(tmp_path / "journal.sqlite3"))
    return (await executor.run(plan)).outcomes


# -- reading ---------------------------------------------------------------------------------------


async def test_secondary_billing_contacts_read_right_live_and_as_a_paste(live: Live) -> None:
    session = await _signed_in(live)

    licenses = await session.list_licenses()
    pasted = read_paste(await live.driver.text(), account_key=ACTOR)  # select-all + copy

    expected, _ = live.sandbox.state.list_for(ACTOR, 0, 100)
    assert [lic.sen for lic in licenses] == [lic.sen for lic in expected]
    by_sen = {lic.sen: lic for lic in pasted.licenses}
    for got, want in zip(licenses, expected, strict=True):
        for reading in (got, by_sen[got.sen]):
            assert reading.technical_contacts == want.technical_contacts, got.sen
            assert reading.billing_contacts == want.billing_contacts, got.sen
    assert session.last_warnings == []
    assert "Make Primary | Delete" in await live.driver.text()


# -- add and make primary -----------------------------------------------------------------------


async def test_a_billing_contact_is_added_and_made_primary_in_the_same_domain(live: Live) -> None:
    session = await _signed_in(live)

    added = await session.add_billing_contact(SAME_DOMAIN, TARGET)
    assert added.contact(ContactRole.BILLING, TARGET) is not None
    assert _emails(live, SAME_DOMAIN, ContactRole.BILLING) == [ACTOR, TARGET]
    assert _emails(live, SAME_DOMAIN, ContactRole.TECHNICAL) == [ACTOR]  # the other section

    promoted = await session.make_billing_primary(SAME_DOMAIN, TARGET)

    assert promoted.is_primary(ContactRole.BILLING, TARGET)
    assert _emails(live, SAME_DOMAIN, ContactRole.BILLING) == [TARGET, ACTOR]
    assert _emails(live, SAME_DOMAIN, ContactRole.TECHNICAL) == [ACTOR]
    assert _billing_notices(live) == {(SAME_DOMAIN, ACTOR, TARGET)}
    assert [n.kind for n in live.sandbox.state.notifications()] == ["billing"]
    again = await session.get_license(SAME_DOMAIN)  # the page, read again
    assert again.billing_contacts == live.sandbox.state.license(SAME_DOMAIN).billing_contacts


async def test_across_domains_the_target_is_added_but_make_primary_is_not_clicked(
    live: Live, tmp_path: Path
) -> None:
    session = await _signed_in(live)
    licenses = await session.list_licenses()
    plan = make_plan(licenses, {ACTOR}, TARGET, also_billing=True).only({OTHER_DOMAIN})
    part = plan.entry(OTHER_DOMAIN).billing  # type: ignore[union-attr]
    assert part is not None and part.action is Action.NEEDS_TARGET_SIGN_IN

    outcomes = await _run(session, plan, tmp_path)

    assert outcomes[OTHER_DOMAIN].outcome is Outcome.PARTIAL, outcomes[OTHER_DOMAIN]
    assert _emails(live, OTHER_DOMAIN, ContactRole.BILLING) == [BUYER, ACTOR, TARGET]
    # The page greys Make Primary out across domains: asked anyway, the connector refuses.
    with pytest.raises(DomainMismatch):
        await session.make_billing_primary(OTHER_DOMAIN, TARGET)
    assert _emails(live, OTHER_DOMAIN, ContactRole.BILLING)[0] == BUYER
    assert _billing_notices(live) == set()
    assert not await _dialog_open(live)


# -- Delete ---------------------------------------------------------------------------------------


async def test_secondary_technical_and_billing_contacts_are_deleted_each_in_its_section(
    live: Live,
) -> None:
    session = await _signed_in(live)

    await session.remove_technical_contact(SECONDARIES, LEAVER)

    assert _emails(live, SECONDARIES, ContactRole.TECHNICAL) == [ACTOR]
    assert LEAVER in _emails(live, SECONDARIES, ContactRole.BILLING)  # not the other section
    await session.remove_billing_contact(SECONDARIES, LEAVER)
    await session.remove_billing_contact(SECONDARIES, FINANCE)

    assert _emails(live, SECONDARIES, ContactRole.BILLING) == [ACTOR]
    page = await session.get_license(SECONDARIES)  # read again from the page
    assert page.technical_contacts == live.sandbox.state.license(SECONDARIES).technical_contacts
    assert page.billing_contacts == live.sandbox.state.license(SECONDARIES).billing_contacts
    assert live.sandbox.state.notifications() == []  # a deletion notifies nobody
    assert not await _dialog_open(live)
    # Already gone: nothing to click, no error.
    await session.remove_billing_contact(SECONDARIES, FINANCE)


_ROW_CONTROLS = """(function(){
  const rows = [...document.querySelectorAll('.ma-contact, li.contact')];
  return JSON.stringify(rows.map(r => ({
    primary: r.innerText.includes('PRIMARY'),
    deletes: [...r.querySelectorAll('a, button')]
      .filter(b => b.innerText.trim() === 'Delete').length,
  })));
})()"""


async def test_no_delete_beside_a_primary_and_the_connector_never_deletes_one(live: Live) -> None:
    session = await _signed_in(live)
    await session.get_license(BILLED_BY_LEAVER)  # its details open

    rows = json.loads(await live.driver.run_js(_ROW_CONTROLS))
    assert any(r["primary"] for r in rows) and any(not r["primary"] for r in rows)
    assert all(r["deletes"] == (0 if r["primary"] else 1) for r in rows), rows

    with pytest.raises(PrimaryContact):
        await session.remove_billing_contact(BILLED_BY_LEAVER, LEAVER)
    with pytest.raises(PrimaryContact):
        await session.remove_technical_contact(BILLED_BY_LEAVER, ACTOR)
    assert _emails(live, BILLED_BY_LEAVER, ContactRole.BILLING) == [LEAVER, ACTOR]
    assert _emails(live, BILLED_BY_LEAVER, ContactRole.TECHNICAL) == [ACTOR, LEAVER]
    assert not await _dialog_open(live)


async def test_a_delete_shown_beside_a_primary_is_not_clicked(live: Live) -> None:
    await live.set_quirks(deleteBesidePrimary=True)
    session = await _signed_in(live)
    await session.get_license(BILLED_BY_LEAVER)
    rows = json.loads(await live.driver.run_js(_ROW_CONTROLS))
    assert all(r["deletes"] == 1 for r in rows), rows  # the page shows one beside everyone

    for section, email in (("billing", LEAVER), ("technical", ACTOR)):
        answer = parse_answer(
            await live.driver.run_js(
                scripts.delete_contact(BILLED_BY_LEAVER, email, session.labels, section)
            )
        )
        assert (answer.ok, answer.error) == (False, "primary")

    assert not await _dialog_open(live)
    assert _emails(live, BILLED_BY_LEAVER, ContactRole.BILLING) == [LEAVER, ACTOR]


async def test_delete_outside_a_removal_plan_is_refused_by_the_executor(
    live: Live, tmp_path: Path
) -> None:
    session = await _signed_in(live)
    licenses = await session.list_licenses()
    removal = make_removal_plan(licenses, {ACTOR}, [LEAVER], keep=[TARGET]).only({SECONDARIES})
    smuggled = Plan(target=TARGET, entries=removal.entries, created=removal.created)

    with pytest.raises(ExecutorError):
        await _run(session, smuggled, tmp_path)

    assert LEAVER in _emails(live, SECONDARIES, ContactRole.TECHNICAL)
    assert LEAVER in _emails(live, SECONDARIES, ContactRole.BILLING)


# -- renamed labels: guided, never a wrong click ---------------------------------------------------


async def test_a_renamed_billing_dialog_is_not_confirmed_and_needs_guidance(live: Live) -> None:
    await live.set_quirks(labels={"promote_billing_title": "Change who gets the invoices?"})
    session = await _signed_in(live)  # no guide: the refusal reaches the caller
    await session.add_billing_contact(SAME_DOMAIN, TARGET)

    with pytest.raises(NeedsGuidance) as refused:
        await session.make_billing_primary(SAME_DOMAIN, TARGET)

    assert refused.value.reason == "missing"
    assert _emails(live, SAME_DOMAIN, ContactRole.BILLING) == [ACTOR, TARGET]
    assert _billing_notices(live) == set()


async def test_a_renamed_delete_is_not_clicked_and_needs_guidance(live: Live) -> None:
    await live.set_quirks(labels={"delete": "Retire"})
    session = await _signed_in(live)

    with pytest.raises(NeedsGuidance) as refused:
        await session.remove_billing_contact(SECONDARIES, FINANCE)

    assert refused.value.reason == "missing"
    assert FINANCE in _emails(live, SECONDARIES, ContactRole.BILLING)
    assert not await _dialog_open(live)


class PersonAtThePage:
    """Guided mode: sees what the app highlights, clicks it, then the dialog's button."""

    def __init__(self, live: Live, dialog_button: str, control: str = "") -> None:
        self.live = live
        self.dialog_button = dialog_button
        self.control = control  # what to click inside a highlighted row (the page's word)
        self.steps: list[GuidedStep] = []
        self.highlighted: list[str] = []
        self.dialogs: list[bool] = []  # whether an open dialog was marked too
        self.verified: list[GuidedStep] = []

    async def wait_for_person(self, step: GuidedStep) -> bool:
        self.steps.append(step)
        driver = self.live.driver
        marked = await driver.wait_for(
            lambda: driver.run_js(_MARKED), lambda found: bool(found), timeout=5
        )
        assert marked, "nothing highlighted"
        self.highlighted.append(marked)
        self.dialogs.append(await driver.run_js(_DIALOG_MARKED))
        assert await driver.run_js(_click_marked(self.control)) is True
        clicked = await driver.wait_for(
            lambda: driver.run_js(_click_in_dialog(self.dialog_button)),
            lambda done: done is True,
            timeout=5,
        )
        assert clicked, f"no {self.dialog_button!r} in the dialog"
        await driver.wait_for(lambda: driver.run_js("0"), lambda _: False, timeout=30)
        return True  # (cancelled once the app sees the change itself)

    def step_verified(self, step: GuidedStep) -> None:
        self.verified.append(step)


# What the app marked in the license's block (the dialog, when open, is marked besides).
_IN_BLOCK = "[...document.querySelectorAll('.lc-guide')].find(x => !x.closest('[role=dialog]'))"
_DIALOG_MARKED = "!!document.querySelector('[role=dialog].lc-guide')"
# The highlighted control: its text and which contact and section it belongs to.
_MARKED = f"""(function(){{
  const el = {_IN_BLOCK};
  if (!el) return '';
  return el.innerText.trim() + '|' + (el.dataset.role || '') + '|' + (el.dataset.email || '');
}})()"""


def _click_marked(label: str) -> str:
    """Click the highlighted control, or the one saying ``label`` inside the highlighted row."""
    return (
        f"(function(label){{const m={_IN_BLOCK};"
        "const b=label?[...m.querySelectorAll('a, button')].find(x=>x.innerText.trim()===label):m;"
        "if(!b)return false;b.click();return true;})"
        f"({json.dumps(label)})"
    )


def _click_in_dialog(label: str) -> str:
    return (
        "(function(label){const b=[...document.querySelectorAll('[role=dialog] button')]"
        ".find(x=>x.innerText.trim()===label);if(!b)return false;b.click();return true;})"
        f"({json.dumps(label)})"
    )


async def test_guided_mode_highlights_the_billing_delete_and_verifies(live: Live) -> None:
    await live.set_quirks(labels={"delete": "Retire"})  # the profile does not know the word
    person = PersonAtThePage(live, "Yes", control="Retire")
    session = await _signed_in(live, guide=person)

    await session.remove_billing_contact(SECONDARIES, FINANCE)

    assert [(s.kind, s.section, s.reason) for s in person.steps] == [
        (GuidedKind.REMOVE_CONTACT, "billing", "missing")
    ]
    # The row's control is not known by its label: the whole row is what the app marks.
    assert FINANCE in person.highlighted[0]
    assert person.verified == person.steps
    words = person.steps[0].fill(INSTRUCTIONS[GuidedKind.REMOVE_CONTACT])
    assert '"Billing Contacts"' in words and FINANCE in words and SECONDARIES in words
    assert FINANCE not in _emails(live, SECONDARIES, ContactRole.BILLING)
    assert LEAVER in _emails(live, SECONDARIES, ContactRole.BILLING)


async def test_guided_mode_by_choice_marks_the_delete_beside_the_contact(live: Live) -> None:
    from desktop.services.my_atlassian.session import ActionMode

    person = PersonAtThePage(live, "Yes")
    session = await _signed_in(live, guide=person, mode=ActionMode.GUIDED)

    await session.remove_technical_contact(SECONDARIES, LEAVER)

    assert person.highlighted == [f"Delete|technical|{LEAVER}"]
    assert person.steps[0].section == "technical" and person.verified == person.steps
    assert _emails(live, SECONDARIES, ContactRole.TECHNICAL) == [ACTOR]
    assert LEAVER in _emails(live, SECONDARIES, ContactRole.BILLING)


async def test_guided_billing_promotion_names_the_pages_dialog(live: Live) -> None:
    title = "Change who gets the invoices?"
    await live.set_quirks(labels={"promote_billing_title": title})
    person = PersonAtThePage(live, "Yes")
    session = await _signed_in(live, guide=person)
    await session.add_billing_contact(SAME_DOMAIN, TARGET)

    lic = await session.make_billing_primary(SAME_DOMAIN, TARGET)

    assert [(s.kind, s.section) for s in person.steps] == [(GuidedKind.MAKE_PRIMARY, "billing")]
    # The app had pressed Make Primary; the dialog it does not know is the person's to answer:
    # marked too, and named as it is titled.
    assert person.highlighted[0] == f"Make Primary|billing|{TARGET}"
    assert person.dialogs == [True]
    assert person.steps[0].label(person.steps[0].dialog) == title
    assert f'"{title}"' in person.steps[0].fill(INSTRUCTIONS[GuidedKind.MAKE_PRIMARY])
    assert lic.is_primary(ContactRole.BILLING, TARGET)
    assert _billing_notices(live) == {(SAME_DOMAIN, ACTOR, TARGET)}


# -- whole runs through the executor -------------------------------------------------------------


async def test_a_consolidation_with_billing_runs_through_the_page(
    live: Live, tmp_path: Path
) -> None:
    session = await _signed_in(live)
    licenses = await session.list_licenses()
    sens = {SAME_DOMAIN, OTHER_DOMAIN, SECONDARIES, ALREADY}
    plan = make_plan(licenses, {ACTOR}, TARGET, also_billing=True).only(sens)

    outcomes = await _run(session, plan, tmp_path)

    for sen in (SAME_DOMAIN, SECONDARIES):
        assert outcomes[sen].outcome is Outcome.DONE, outcomes[sen]
        assert _emails(live, sen, ContactRole.TECHNICAL)[0] == TARGET
        assert _emails(live, sen, ContactRole.BILLING)[0] == TARGET
    assert outcomes[OTHER_DOMAIN].outcome is Outcome.PARTIAL  # billing: the target signs in
    assert _emails(live, OTHER_DOMAIN, ContactRole.TECHNICAL)[0] == TARGET
    assert _emails(live, OTHER_DOMAIN, ContactRole.BILLING)[0] == BUYER
    assert TARGET in _emails(live, OTHER_DOMAIN, ContactRole.BILLING)
    assert outcomes[ALREADY].outcome is Outcome.ALREADY_DONE
    assert _billing_notices(live) == {(SAME_DOMAIN, ACTOR, TARGET), (SECONDARIES, ACTOR, TARGET)}
    technical = [n for n in live.sandbox.state.notifications() if n.kind == "technical"]
    assert {(n.sen, n.to) for n in technical} == {
        (sen, ACTOR) for sen in (SAME_DOMAIN, OTHER_DOMAIN, SECONDARIES)
    }
    # Nothing was deleted in a consolidation.
    assert _emails(live, SECONDARIES, ContactRole.BILLING) == [TARGET, ACTOR, LEAVER, FINANCE]


async def test_a_removal_plan_runs_through_the_page(live: Live, tmp_path: Path) -> None:
    session = await _signed_in(live)
    licenses = await session.list_licenses()
    plan = make_removal_plan(licenses, {ACTOR}, [LEAVER], keep=[TARGET])
    assert {e.sen for e in plan.entries} == {SECONDARIES, BILLED_BY_LEAVER}
    # Still the primary billing contact there: "make someone else primary first", no step.
    assert plan.entry(BILLED_BY_LEAVER).action is Action.NOT_POSSIBLE  # type: ignore[union-attr]

    outcomes = await _run(session, plan, tmp_path)

    assert outcomes[SECONDARIES].outcome is Outcome.DONE, outcomes[SECONDARIES]
    assert LEAVER not in _emails(live, SECONDARIES, ContactRole.TECHNICAL)
    assert LEAVER not in _emails(live, SECONDARIES, ContactRole.BILLING)
    assert FINANCE in _emails(live, SECONDARIES, ContactRole.BILLING)  # only who was chosen
    assert outcomes[BILLED_BY_LEAVER].outcome is Outcome.NOT_POSSIBLE
    assert _emails(live, BILLED_BY_LEAVER, ContactRole.TECHNICAL) == [ACTOR, LEAVER]
    assert _emails(live, BILLED_BY_LEAVER, ContactRole.BILLING) == [LEAVER, ACTOR]
    assert live.sandbox.state.notifications() == []


async def test_the_signed_in_account_removes_itself_and_the_license_leaves_its_page(
    live: Live, tmp_path: Path
) -> None:
    session = await _signed_in(live)
    licenses = await session.list_licenses()
    plan = make_removal_plan(licenses, {ACTOR}, [ACTOR], keep=[TARGET]).only({OWN_SECONDARY})
    assert [s.kind for s in plan.entry(OWN_SECONDARY).steps] == [  # type: ignore[union-attr]
        StepKind.REMOVE_TECHNICAL_CONTACT
    ]

    outcomes = await _run(session, plan, tmp_path)

    assert outcomes[OWN_SECONDARY].outcome is Outcome.DONE, outcomes[OWN_SECONDARY]
    assert _emails(live, OWN_SECONDARY, ContactRole.TECHNICAL) == [TARGET]
    assert OWN_SECONDARY not in {lic.sen for lic in await session.list_licenses()}


async def _dialog_open(live: Live) -> bool:
    return bool(await live.driver.run_js("!!document.querySelector('[role=dialog]')"))


# -- the page check -------------------------------------------------------------------------------


async def test_the_page_check_finds_the_billing_section_and_delete(live: Live) -> None:
    session = await _signed_in(live)

    check, _ = await session.check_page()

    assert check.verdict is Verdict.READY
    billing, delete = check.finding(Part.BILLING), check.finding(Part.DELETE)
    assert billing.found is Found.YES and billing.shown == ("Billing Contacts",)
    assert billing.count == sum(
        len(lic.billing_contacts) for lic in live.sandbox.state.list_for(ACTOR, 0, 100)[0]
    )
    assert delete.found is Found.YES and delete.shown == ("Delete",)
    assert live.sandbox.state.notifications() == []


async def test_a_renamed_delete_is_said_by_the_check_and_the_verdict_stays(live: Live) -> None:
    await live.set_quirks(labels={"delete": "Retire"})
    session = await _signed_in(live)

    check, _ = await session.check_page()

    assert check.finding(Part.DELETE).found is Found.NO
    assert check.finding(Part.BILLING).found is Found.YES
    assert check.verdict is Verdict.READY  # consolidating needs no Delete


async def test_guided_mode_by_choice_marks_the_billing_add_box(live: Live) -> None:
    from desktop.services.my_atlassian.session import ActionMode

    class PersonWhoTypes:
        def __init__(self) -> None:
            self.marked: list[str] = []

        async def wait_for_person(self, step: GuidedStep) -> bool:
            driver = live.driver
            self.marked.append(await driver.run_js(_MARKED_BOX))
            await driver.run_js(_type_and_add(TARGET))
            await driver.wait_for(lambda: driver.run_js("0"), lambda _: False, timeout=30)
            return True

        def step_verified(self, step: GuidedStep) -> None:
            del step

    person = PersonWhoTypes()
    session = await _signed_in(live, guide=person, mode=ActionMode.GUIDED)

    lic = await session.add_billing_contact(SAME_DOMAIN, TARGET)

    assert person.marked == ["billing"]  # the add box of the Billing Contacts section
    assert lic.contact(ContactRole.BILLING, TARGET) is not None
    assert _emails(live, SAME_DOMAIN, ContactRole.BILLING) == [ACTOR, TARGET]
    assert _emails(live, SAME_DOMAIN, ContactRole.TECHNICAL) == [ACTOR]


# The section of the add box the app marked (its form holds the box and Add).
_MARKED_BOX = f"""(function(){{
  const m = {_IN_BLOCK};
  const box = m && (m.matches('.ma-add-box') ? m : m.querySelector('.ma-add-box'));
  return box ? box.dataset.kind : '';
}})()"""


def _type_and_add(email: str) -> str:
    """The person pastes ``email`` into the marked add box and clicks its Add."""
    return (
        f"(function(email){{const m={_IN_BLOCK};"
        "const box=m.matches('.ma-add-box')?m:m.querySelector('.ma-add-box');"
        "const input=box.querySelector('input');input.value=email;"
        "box.querySelector('.ma-add').click();return true;})"
        f"({json.dumps(email)})"
    )
