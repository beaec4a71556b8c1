"""Acting through the page: assisted clicks by visible labels via the engine's executor,
refusals that fall back to guided mode, and verification by reading the page again."""

from __future__ import annotations

import json
import logging
from importlib import resources
from pathlib import Path

import pytest

from desktop.domain.models import Account, AccountKind
from desktop.engine.events import Outcome
from desktop.engine.executor import Executor
from desktop.engine.journal import Journal
from desktop.engine.plan import Action
from desktop.engine.planner import make_plan
from desktop.portal.errors import DomainMismatch
from desktop.portal.my_atlassian.errors import NeedsGuidance
from desktop.portal.my_atlassian.guide import GuidedKind, GuidedStep
from desktop.portal.my_atlassian.urls import replica
from desktop.services.my_atlassian.session import MyAtlassianSession
from desktop.services.my_atlassian.site_profile import load_profile
from tests.live.conftest import FAST, Live

ACTOR = "li.na@huake.example"
TARGET = "zhang.wei@huake.example"
ADD_AND_PROMOTE = ("SEN-20110101", "SEN-20110388")
PROMOTE_ONLY = "SEN-20110577"
OTHER_DOMAIN = "SEN-20111846"  # primary at a public mail domain: the target must promote itself
EVALUATION = "SEN-20110790"


async def _run(live: Live, session: MyAtlassianSession, sens: set[str], tmp_path: Path):
    licenses = await session.list_licenses()
    plan = make_plan(licenses, {ACTOR}, TARGET).only(sens)
    executor = Executor({ACTOR: session}, Journal(tmp_path / "journal.sqlite3"))
    result = await executor.run(plan)
    return plan, {sen: f for sen, f in result.outcomes.items() if sen in sens}


def _primary(live: Live, sen: str) -> str:
    primary = live.sandbox.state.license(sen).primary_technical_contact
    assert primary is not None
    return primary.email


async def test_consolidates_through_assisted_clicks_and_verifies(
    live: Live, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    cookies: list[bytes] = []
    live.profile.cookieStore().cookieAdded.connect(lambda c: cookies.append(bytes(c.value())))
    await live.sign_in(ACTOR)
    session = live.session(ACTOR)
    sens = {*ADD_AND_PROMOTE, PROMOTE_ONLY, OTHER_DOMAIN, EVALUATION}

    plan, finished = await _run(live, session, sens, tmp_path)

    assert plan.entry(ADD_AND_PROMOTE[0]).action is Action.ADD_AND_PROMOTE  # type: ignore[union-attr]
    assert plan.entry(PROMOTE_ONLY).action is Action.PROMOTE_ONLY  # type: ignore[union-attr]
    for sen in (*ADD_AND_PROMOTE, PROMOTE_ONLY):
        assert finished[sen].outcome is Outcome.DONE, finished[sen]
        assert _primary(live, sen) == TARGET
    # Across domains the plan only adds; the target must sign in and promote itself.
    assert finished[OTHER_DOMAIN].outcome is Outcome.PARTIAL
    assert live.sandbox.state.license(OTHER_DOMAIN).is_technical_contact(TARGET)
    assert _primary(live, OTHER_DOMAIN) == "huake.buyer@qq.com"
    assert finished[EVALUATION].outcome is Outcome.NOT_POSSIBLE
    assert not live.sandbox.state.license(EVALUATION).is_technical_contact(TARGET)
    notified = {(n.sen, n.to) for n in live.sandbox.state.notifications()}
    assert notified == {(sen, ACTOR) for sen in (*ADD_AND_PROMOTE, PROMOTE_ONLY)}
    # What the page shows now is what the sandbox holds.
    again = {lic.sen: lic for lic in await session.list_licenses()}
    for sen in sens:
        assert again[sen].technical_contacts == live.sandbox.state.license(sen).technical_contacts

    # Nothing of the session, the password or a license key reached a log.
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert cookies, "the replica set no session cookie"
    for secret in [c.decode() for c in cookies] + [
        lic.license_key for lic in live.sandbox.state.all_licenses() if lic.license_key
    ]:
        assert secret not in logged
    assert "password" not in logged.lower()


async def test_a_renamed_label_is_not_clicked_and_the_step_needs_guidance(
    live: Live, tmp_path: Path
) -> None:
    await live.set_quirks(labels={"make_primary": "Promote now"})
    await live.sign_in(ACTOR)
    session = live.session(ACTOR)  # no guide: the refusal reaches the engine

    _, finished = await _run(live, session, {PROMOTE_ONLY}, tmp_path)

    assert finished[PROMOTE_ONLY].outcome is Outcome.FAILED
    assert finished[PROMOTE_ONLY].error_key == NeedsGuidance.error_key
    assert _primary(live, PROMOTE_ONLY) == ACTOR  # nothing was clicked
    assert live.sandbox.state.notifications() == []


async def test_an_ambiguous_label_is_refused(live: Live) -> None:
    await live.set_quirks(labels={"delete": "Make Primary"})  # two "Make Primary" in the row
    await live.sign_in(ACTOR)
    session = live.session(ACTOR)

    with pytest.raises(NeedsGuidance) as refused:
        await session.make_primary(PROMOTE_ONLY, TARGET)

    assert refused.value.reason == "ambiguous"
    after = live.sandbox.state.license(PROMOTE_ONLY)
    assert after.is_primary_technical(ACTOR) and after.is_technical_contact(TARGET)


class PersonAtThePage:
    """A guided-mode handler that does what the instructions say, as the person would."""

    def __init__(self, live: Live, clicks: list[str]) -> None:
        self.live = live
        self.clicks = clicks
        self.steps: list[GuidedStep] = []
        self.verified: list[GuidedStep] = []
        self.state_when_asked: list[str] = []

    async def wait_for_person(self, step: GuidedStep) -> bool:
        self.steps.append(step)
        self.state_when_asked.append(_primary(self.live, step.sen))
        for label in self.clicks:
            clicked = await self.live.driver.wait_for(
                lambda label=label: self.live.driver.run_js(_click(label, step.sen, step.email)),
                lambda clicked: clicked is True,
                timeout=5,
            )
            assert clicked, f"the person found no {label!r}"
        await self.live.driver.wait_for(
            lambda: self.live.driver.run_js("0"), lambda _: False, timeout=30
        )  # waits: the app notices the change itself and stops waiting for the person
        return True

    def step_verified(self, step: GuidedStep) -> None:
        self.verified.append(step)


def _click(label: str, sen: str, email: str) -> str:
    """The person clicks ``label`` in ``email``'s row of ``sen``, or in the open dialog (on
    either layout of the replica)."""
    return (
        "(function(label, sen, email){"
        "const parts=[...document.querySelectorAll(`[data-sen='${sen}']`)];"
        "const rows=parts.flatMap(p=>[...p.querySelectorAll('.ma-contact, li.contact')])"
        ".filter(r=>r.innerText.includes(email));"
        "const scope=rows.length?[rows[0]]:parts;"
        "const found=[...scope.flatMap(p=>[...p.querySelectorAll('button, a')]),"
        "...document.querySelectorAll('.ma-dialog button')];"
        "const b=found.find(x=>x.innerText.trim()===label);"
        "if(!b)return false;b.click();return true;})"
        f"({label!r}, {sen!r}, {email!r})"
    )


async def test_guided_fallback_waits_for_the_person_and_verifies(
    live: Live, tmp_path: Path
) -> None:
    await live.set_quirks(labels={"make_primary": "Promote now"})
    await live.sign_in(ACTOR)
    person = PersonAtThePage(live, ["Promote now", "Yes"])
    session = live.session(ACTOR, guide=person)

    _, finished = await _run(live, session, {PROMOTE_ONLY}, tmp_path)

    assert [s.kind for s in person.steps] == [GuidedKind.MAKE_PRIMARY]
    assert person.steps[0].reason == "missing"
    assert person.state_when_asked == [ACTOR]  # the app had clicked nothing before asking
    assert person.verified == person.steps
    assert finished[PROMOTE_ONLY].outcome is Outcome.DONE
    assert _primary(live, PROMOTE_ONLY) == TARGET


async def test_a_step_that_does_not_take_effect_fails(live: Live, tmp_path: Path) -> None:
    await live.set_quirks(ignoreWrites=True)  # the page accepts the click, nothing changes
    await live.sign_in(ACTOR)
    session = live.session(ACTOR)

    _, finished = await _run(live, session, {ADD_AND_PROMOTE[0]}, tmp_path)

    assert finished[ADD_AND_PROMOTE[0]].outcome is Outcome.FAILED
    assert finished[ADD_AND_PROMOTE[0]].error_key == "not-verified"
    assert not live.sandbox.state.license(ADD_AND_PROMOTE[0]).is_technical_contact(TARGET)


async def test_make_primary_greyed_out_across_domains_is_not_clicked(live: Live) -> None:
    await live.sign_in(ACTOR)
    session = live.session(ACTOR)
    other = "wang.fang@northwind.example"  # a secondary contact at another company's domain

    with pytest.raises(DomainMismatch):
        await session.make_primary("SEN-20110388", other)

    assert _primary(live, "SEN-20110388") == ACTOR
    assert live.sandbox.state.notifications() == []


async def test_an_override_profile_changes_the_label_the_connector_clicks(
    live: Live, tmp_path: Path
) -> None:
    """The page renamed Make Primary: the built-in profile refuses to click it, a broken
    override is refused (the built-in kept), a valid override that names it clicks it."""
    await live.set_quirks(labels={"make_primary": "Promote now"})
    await live.sign_in(ACTOR)
    data = json.loads(
        resources.files("desktop.portal.my_atlassian").joinpath("site_profile.json").read_text()
    )
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({**data, "labels": {"make_primary": ["Promote now"]}}))
    refused = load_profile(broken)
    assert refused.problem and not refused.overridden
    kept = live.session(ACTOR, labels=None)
    kept.urls = replica(live.sandbox.url, refused.profile)
    kept.labels = kept.urls.labels
    with pytest.raises(NeedsGuidance):
        await kept.make_primary(PROMOTE_ONLY, TARGET)
    assert _primary(live, PROMOTE_ONLY) == ACTOR

    data["labels"]["make_primary"] = ["Promote now"]
    good = tmp_path / "site-profile.json"
    good.write_text(json.dumps(data))
    chosen = load_profile(good)
    assert chosen.overridden
    account = Account(AccountKind.MY_ATLASSIAN, email=ACTOR, portal=live.urls.start)
    session = MyAtlassianSession(
        live.driver, account, replica(live.sandbox.url, chosen.profile), timings=FAST
    )

    lic = await session.make_primary(PROMOTE_ONLY, TARGET)

    assert lic.is_primary_technical(TARGET) and _primary(live, PROMOTE_ONLY) == TARGET
