"""``MyAtlassianSession``: a PortalSession that works through the signed-in My Atlassian page.

Reading: open the licenses page, expand collapsed licenses (or open their own page), take the
page's ``innerText`` and hand it to the paste reader — one code path for pasted and live text.
Acting (assisted): operate the page's own controls by their visible labels; refuse when a
label is missing or ambiguous and fall back to guided mode (the person clicks, the app waits).
Either way the step counts only when re-reading the page shows it. Technical and billing
contacts alike, each in its own section of the license's block (Add, Make Primary → Yes, and
Delete → Yes, which the engine asks for only in a removal plan; never beside a primary).

One page, so one operation at a time (a lock), whatever the engine's concurrency.

A page that lands on a sign-in page (the session expired, or the person signed out elsewhere)
raises SignInRequired wherever it happens: reading, after a click, while verifying or while a
guided step waits; never a refusal, "not verified" or "not found". After a click the outcome is
then unknown: the engine pauses for the account, signs in again and reads the license again.
Once the account is signed in again in the same page, this session works again as it was.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import partial
from typing import Protocol

from desktop.domain.emails import normalize_email
from desktop.domain.models import Account, ContactRole, License
from desktop.domain.sen import normalize_sen
from desktop.engine.executor import without_contact
from desktop.portal import errors
from desktop.portal.my_atlassian import scripts
from desktop.portal.my_atlassian.blocks import reconcile
from desktop.portal.my_atlassian.errors import (
    GuidedStepSkipped,
    NeedsGuidance,
    PageNotUnderstood,
    SignInRequired,
    StepNotVerified,
)
from desktop.portal.my_atlassian.guide import GuidedKind, GuidedStep
from desktop.portal.my_atlassian.labels import PageLabels
from desktop.portal.my_atlassian.outcome import (
    ScriptAnswer,
    error_from_alerts,
    looks_like_sign_in,
    parse_answer,
    refusal,
)
from desktop.portal.my_atlassian.page_check import PageCheck, judge
from desktop.portal.my_atlassian.urls import MyAtlassianUrls, origin_of
from desktop.portal.paste_reader import PasteError, PasteResult, read_paste
from desktop.services.my_atlassian.page_driver import PageDriver

log = logging.getLogger(__name__)


class ActionMode(StrEnum):
    ASSISTED = "assisted"  # the app clicks by visible labels, guided when it will not
    GUIDED = "guided"  # the person clicks every step, the app shows and checks


class GuidedHandler(Protocol):
    """Shows a guided step to the person (highlight, clipboard, words) and waits."""

    async def wait_for_person(self, step: GuidedStep) -> bool:
        """Return when the person says they did it (True) or skips it (False)."""
        ...

    def step_verified(self, step: GuidedStep) -> None:
        """The page shows the step done: close or advance the guidance."""
        ...


@dataclass(frozen=True, slots=True)
class LiveTimings:
    """How long to wait for the page (seconds)."""

    load: float = 30.0
    content: float = 20.0
    step: float = 15.0
    dialog: float = 8.0
    guided: float = 30 * 60.0
    poll: float = 0.05


class MyAtlassianSession:
    """One signed-in My Atlassian account, in one page of its browser profile.

    Args:
        driver: the page, already signed in (the sign-in window left it there).
        account: who is signed in (kind ``MY_ATLASSIAN``).
        urls: where the licenses page is (the real site or the sandbox's replica).
        guide: shows guided steps; without one, a refused click raises NeedsGuidance.
    """

    def __init__(
        self,
        driver: PageDriver,
        account: Account,
        urls: MyAtlassianUrls,
        *,
        guide: GuidedHandler | None = None,
        mode: ActionMode = ActionMode.ASSISTED,
        labels: PageLabels | None = None,
        timings: LiveTimings | None = None,
    ) -> None:
        self.driver = driver
        self._account = account
        self.urls = urls
        self.guide = guide
        self.mode = mode
        self.labels = labels or urls.labels  # the site profile's, unless a test gives its own
        self.timings = timings or LiveTimings()
        self.last_warnings: list[str] = []
        self._lock = asyncio.Lock()
        # The page asked to sign in: no operation navigates it until it shows the licenses
        # again (the person may be signing in there, in the sign-in window).
        self._signed_out = False
        self._last_reading: tuple[tuple[str, str, frozenset[str]], PasteResult] | None = None

    # -- PortalSession -----------------------------------------------------------------------

    @property
    def account(self) -> Account:
        return self._account

    async def me(self) -> Account:
        return self._account

    async def list_licenses(self) -> list[License]:
        async with self._lock:
            await self._open_list()
            return (await self._read(expand_all=True)).licenses

    async def get_license(self, sen: str) -> License:
        async with self._lock:
            return await self._license(normalize_sen(sen))

    async def add_technical_contact(self, sen: str, email: str, name: str | None = None) -> License:
        del name  # the page's add box takes only the address
        return await self._add(ContactRole.TECHNICAL, sen, email)

    async def make_primary(self, sen: str, email: str) -> License:
        return await self._promote(ContactRole.TECHNICAL, sen, email)

    async def remove_technical_contact(self, sen: str, email: str) -> None:
        """Delete beside a secondary technical contact (the engine asks only in a removal
        plan); never beside a primary one."""
        await self._remove(ContactRole.TECHNICAL, sen, email)

    async def add_billing_contact(self, sen: str, email: str, name: str | None = None) -> License:
        del name
        return await self._add(ContactRole.BILLING, sen, email)

    async def make_billing_primary(self, sen: str, email: str) -> License:
        return await self._promote(ContactRole.BILLING, sen, email)

    async def remove_billing_contact(self, sen: str, email: str) -> None:
        """Delete beside a secondary billing contact (only in a removal plan); never a primary."""
        await self._remove(ContactRole.BILLING, sen, email)

    async def _add(self, role: ContactRole, sen: str, email: str) -> License:
        """The add box and Add of the license's ``role`` section (its own block)."""
        sen, email = normalize_sen(sen), normalize_email(email)
        async with self._lock:
            lic = await self._license(sen)
            if lic.contact(role, email) is not None:
                return lic
            if lic.is_evaluation and role is ContactRole.TECHNICAL:
                raise errors.EvaluationLicense(
                    "technical contacts cannot be added to an evaluation"
                )
            step = GuidedStep(GuidedKind.ADD_CONTACT, sen, email, section=role.value)

            def added(found: License) -> bool:
                return found.contact(role, email) is not None

            if self.mode is ActionMode.GUIDED:
                return await self._guided(step, added)
            answer = await self._answer(scripts.add_contact(sen, email, self.labels, role.value))
            if not answer.ok:
                return await self._refused(answer, step, added)
            log.info("%s: pressed Add for a new %s contact", sen, role.value)
            return await self._verify(sen, added)

    async def _promote(self, role: ContactRole, sen: str, email: str) -> License:
        """Make Primary in the contact's row of the ``role`` section, then Yes in the dialog
        "Promote to primary … contact?" when it names the contact and the license."""
        sen, email = normalize_sen(sen), normalize_email(email)
        async with self._lock:
            lic = await self._license(sen)
            if lic.is_primary(role, email):
                return lic
            if lic.contact(role, email) is None:
                raise errors.ContactNotFound(f"not a {role.value} contact on the page")
            step = GuidedStep(GuidedKind.MAKE_PRIMARY, sen, email, section=role.value)

            def promoted(found: License) -> bool:
                return found.is_primary(role, email)

            if self.mode is ActionMode.GUIDED:
                return await self._guided(step, promoted)
            answer = await self._answer(scripts.make_primary(sen, email, self.labels, role.value))
            if not answer.ok:
                return await self._refused(answer, step, promoted)
            opened = await self.driver.wait_for(
                partial(self._dialog_state, step.dialog),
                lambda a: a.ok,
                timeout=self.timings.dialog,
            )
            if opened is None:
                await self._ensure_signed_in()
                alert = await self._alert_error()
                if alert is not None:
                    raise alert
                state = await self._dialog_state(step.dialog)
                return await self._refused(state, step, promoted)
            if not (answer := await self._confirm(step)).ok:
                return await self._refused(answer, step, promoted)
            log.info("%s: confirmed the promotion of a %s contact", sen, role.value)
            return await self._verify(sen, promoted)

    async def _remove(self, role: ContactRole, sen: str, email: str) -> None:
        """Delete in the contact's row of the ``role`` section, and Yes when the page asks to
        confirm; verified by reading the page again. A primary contact is never deleted (the
        page shows no Delete there): refused before any click."""
        sen, email = normalize_sen(sen), normalize_email(email)
        itself = email == normalize_email(self._account.email)
        async with self._lock:
            try:
                lic = await self._license(sen)
            except errors.NotFound:
                if itself:
                    return  # it no longer sees the license: its removal took effect
                raise
            contact = lic.contact(role, email)
            if contact is None:
                return
            if contact.primary:
                raise errors.PrimaryContact(f"a primary {role.value} contact is never deleted")
            step = GuidedStep(GuidedKind.REMOVE_CONTACT, sen, email, section=role.value)
            # Deleting itself, the account no longer sees the license: gone from the page.
            gone = without_contact(lic, role, email) if itself else None

            def removed(found: License) -> bool:
                return found.contact(role, email) is None

            if self.mode is ActionMode.GUIDED:
                await self._guided(step, removed, gone=gone)
                return
            answer = await self._answer(scripts.delete_contact(sen, email, self.labels, role.value))
            if not answer.ok:
                await self._refused(answer, step, removed, gone=gone)
                return
            log.info("%s: pressed Delete beside a %s contact", sen, role.value)
            asked = await self.driver.wait_for(
                partial(self._asked_or_done, step, removed, gone),
                lambda state: state is not None,
                timeout=self.timings.dialog,
            )
            if asked == "dialog":
                if not (answer := await self._confirm(step)).ok:
                    await self._refused(answer, step, removed, gone=gone)
                    return
                log.info("%s: confirmed the deletion of a %s contact", sen, role.value)
            await self._verify(sen, removed, gone=gone)

    async def _asked_or_done(
        self, step: GuidedStep, check: Callable[[License], bool], gone: License | None
    ) -> str | None:
        """After a click that may open a dialog: ``dialog`` when it is open, ``done`` when the
        page shows the step done without one (or an alert), None while neither."""
        if (await self._dialog_state(step.dialog)).ok:
            return "dialog"
        if await self._alert_error() is not None:
            return "done"  # the verification says what the alert means
        found = await self._reading_of(step.sen, gone)
        return "done" if found is not None and check(found) else None

    async def _confirm(self, step: GuidedStep) -> ScriptAnswer:
        """The confirming button of the step's open dialog, if it names the contact and SEN
        (a deletion's may say "Delete" instead of "Yes")."""
        confirm = ("yes", "delete") if step.kind is GuidedKind.REMOVE_CONTACT else ("yes",)
        return await self._answer(
            scripts.confirm_promotion(step.sen, step.email, self.labels, step.dialog, confirm)
        )

    async def close(self) -> None:
        """Nothing to release here: the page and profile belong to the live account."""

    # -- the page check ----------------------------------------------------------------------

    async def check_page(self) -> tuple[PageCheck, list[License]]:
        """Look for every part the connector needs on the licenses page, changing nothing
        (collapsed licenses are opened to be read, as a person would): the check, and the
        licenses read."""
        async with self._lock:
            licenses: list[License] | None
            try:
                await self._load(self.urls.licenses)
                await self._open_list()
                licenses = (await self._read(expand_all=True)).licenses
            except SignInRequired:
                return self._judged(None, None, signed_in=False), []
            except PageNotUnderstood:
                licenses = None
            inspected = await self._script_data(scripts.inspect(self.labels))
            check = self._judged(inspected, licenses, signed_in=True)
            log.info("page check: %s", check.verdict.value)
            return check, licenses or []

    async def page_structure(self) -> dict[str, object] | None:
        """The page's structure (tags, ids, classes, roles, labels found), without its text."""
        async with self._lock:
            return await self._script_data(scripts.structure(self.labels))

    async def _script_data(self, script: str) -> dict[str, object] | None:
        try:
            answer = await self._answer(script)
        except errors.PortalError:
            return None
        return answer.data if answer.ok else None

    def _judged(
        self,
        inspected: dict[str, object] | None,
        licenses: list[License] | None,
        *,
        signed_in: bool,
    ) -> PageCheck:
        scheme, host = origin_of(self.driver.url)
        return judge(
            inspected,
            licenses=licenses,
            signed_in=signed_in,
            host=host,
            secure=scheme == "https",
            profile=self.urls.profile_title,
        )

    # -- reading -----------------------------------------------------------------------------

    async def _open_list(self) -> None:
        if self.driver.url.rstrip("/") != self.urls.licenses.rstrip("/"):
            await self._load(self.urls.licenses)
        if not self.urls.is_licenses_page(self.driver.url):
            await self._ensure_signed_in()
            raise PageNotUnderstood("My Atlassian shows another page than the licenses")

    async def _load(self, url: str) -> None:
        """Open ``url`` in the page; not while the page asks to sign in after the session
        ended (the person may be signing in there): SignInRequired until it is signed in."""
        if self._signed_out:
            if not self.urls.is_licenses_page(self.driver.url):
                raise SignInRequired("the account has not signed in again yet")
            await self._ensure_signed_in()
            self._signed_out = False
        await self.driver.load(url, timeout=self.timings.load)

    def _check_site(self) -> None:
        """Read and act only on My Atlassian itself (scheme and host), never elsewhere."""
        if not self.urls.on_site(self.driver.url):
            self._signed_out = True
            raise SignInRequired("the page is not on My Atlassian (a sign-in page?)")

    async def _ensure_signed_in(self, text: str | None = None) -> None:
        """Raise SignInRequired when the page shows a sign-in page now (the session ended):
        off My Atlassian (Atlassian's sign-in, the company's single sign-on), or on it with a
        sign-in form (any language) or words asking to sign in (``text``: read already)."""
        if self.urls.on_site(self.driver.url):
            try:
                if text is None:
                    text = await self.driver.text()
                if not looks_like_sign_in(text) and not await self.driver.run_js(
                    scripts.SIGN_IN_FORM
                ):
                    return
            except errors.PortalError:  # a page on its way elsewhere may not answer
                return
        log.info("the page asks to sign in again: the session has ended")
        self._signed_out = True
        raise SignInRequired("the page asks to sign in again")

    async def _page_result(self, sens: set[str] | None = None) -> PasteResult | None:
        """The page read as a paste, then each license of ``sens`` (all: None) checked against
        its own block: the key from a text box, the contacts from the page's structure. Read to
        act or to check a step (``sens`` given), a license is only what its own block shows.

        Such a reading is kept with the page's address and text: while both stay the same the
        page shows the same, and the blocks are not read again (a step being watched)."""
        self._check_site()
        text = await self.driver.text()
        seen = (self.driver.url, text, frozenset(sens)) if sens is not None else None
        if seen is not None and self._last_reading is not None and self._last_reading[0] == seen:
            return self._last_reading[1]
        try:
            result = read_paste(text, account_key=self._account.key)
        except PasteError:
            await self._ensure_signed_in(text)
            return None
        result = await self._with_blocks(result, sens)
        if seen is not None:
            self._last_reading = (seen, result)
        return result

    async def _with_blocks(self, result: PasteResult, sens: set[str] | None) -> PasteResult:
        collapsed = _collapsed(result, None)
        everyone = [*result.licenses, *(u.reading for u in result.unreadable)]
        shown = [
            lic.sen
            for lic in everyone
            if (sens is None or lic.sen in sens) and lic.sen not in collapsed
        ]
        if not shown:
            return result
        answer = await self._answer(scripts.blocks(shown, self.labels))
        found = (answer.data or {}).get("blocks") if answer.ok else None
        return reconcile(
            result, found if isinstance(found, dict) else {}, from_blocks_only=sens is not None
        )

    async def _read(self, *, expand_all: bool, only: str | None = None) -> PasteResult:
        """Read the page; expand collapsed licenses (all, or ``only``) and read again."""
        wanted = {only} if only else None
        result = await self.driver.wait_for(
            lambda: self._page_result(wanted), lambda r: r is not None, timeout=self.timings.content
        )
        if result is None:
            if await self._empty_list():
                return PasteResult(licenses=[], warnings=[])
            await self._ensure_signed_in()
            raise PageNotUnderstood("no license could be read from the page")
        for _attempt in range(2):
            collapsed = _collapsed(result, wanted if not expand_all else None)
            if not collapsed:
                break
            answer = await self._answer(scripts.expand(collapsed, self.labels))
            if not answer.ok:
                break
            again = await self.driver.wait_for(
                lambda: self._page_result(wanted),
                _shows_details(set(collapsed)),
                timeout=self.timings.content,
            )
            result = again or await self._page_result(wanted) or result
        still = _collapsed(result, wanted if not expand_all else None)
        if still:
            result = await self._read_own_pages(result, still)
        self.last_warnings = [w.message for w in result.warnings]
        self.last_warnings += [u.message for u in result.unreadable]
        return result

    async def _read_own_pages(self, result: PasteResult, sens: list[str]) -> PasteResult:
        """Read each still-collapsed license from its own page, where it has one."""
        if self.urls.license(sens[0]) is None:
            return result
        by_sen = {lic.sen: lic for lic in result.licenses}
        for sen in sens:
            url = self.urls.license(sen)
            assert url is not None
            await self._load(url)
            own = await self.driver.wait_for(
                partial(self._page_result, {sen}),
                _shows_details({sen}),
                timeout=self.timings.content,
            )
            if own is not None:
                by_sen.update({lic.sen: lic for lic in own.licenses if lic.sen == sen})
        await self._load(self.urls.licenses)
        licenses = [by_sen[lic.sen] for lic in result.licenses]
        return PasteResult(licenses=licenses, warnings=result.warnings)

    async def _empty_list(self) -> bool:
        text = await self.driver.text()
        return "SEN" in text and "Support Expires" in text and "SEN-" not in text

    async def _license(self, sen: str) -> License:
        """The license as the page shows it now (its details expanded)."""
        if not self.urls.is_licenses_page(self.driver.url):
            await self._open_list()
        result = await self._read(expand_all=False, only=sen)
        found = next((lic for lic in result.licenses if lic.sen == sen), None)
        if found is None and self.driver.url.rstrip("/") != self.urls.licenses.rstrip("/"):
            await self._open_list()
            result = await self._read(expand_all=False, only=sen)
            found = next((lic for lic in result.licenses if lic.sen == sen), None)
        if found is None:
            await self._ensure_signed_in()
        if found is None and any(u.sen == sen for u in result.unreadable):
            raise PageNotUnderstood(
                "the license's own block on the page could not be read unambiguously"
            )
        if found is None:
            raise errors.NotFound("the license is not on this account's licenses page")
        return found

    # -- acting ------------------------------------------------------------------------------

    async def _answer(self, script: str) -> ScriptAnswer:
        """Run one of the connector's scripts in the page: its answer. A page that did not
        run it because it went to a sign-in page (the session ended) says SignInRequired."""
        try:
            return parse_answer(await self.driver.run_js(script))
        except PageNotUnderstood:
            await self._ensure_signed_in()
            raise

    async def _dialog_state(self, title: str = "promote_title") -> ScriptAnswer:
        return await self._answer(scripts.dialog_state(self.labels, title))

    async def _alert_error(self) -> errors.PortalError | None:
        answer = await self._answer(scripts.alerts(self.labels))
        alerts = (answer.data or {}).get("alerts") or []
        error = error_from_alerts([str(a) for a in alerts])
        if isinstance(error, SignInRequired):  # "your session has expired"
            self._signed_out = True
        return error

    async def _reading_of(self, sen: str, gone: License | None = None) -> License | None:
        """The license as its own block on the page shows it now; ``gone`` when the page no
        longer shows it at all (given for an account deleting itself from it)."""
        result = await self._page_result({sen})
        found = next((lic for lic in (result.licenses if result else []) if lic.sen == sen), None)
        if found is not None or gone is None:
            return found
        if result is not None and not any(u.sen == sen for u in result.unreadable):
            return gone
        return gone if result is None and await self._empty_list() else None

    async def _verify(
        self, sen: str, check: Callable[[License], bool], *, gone: License | None = None
    ) -> License:
        """Re-read the page until it shows the step done; an alert or no change is a failure.
        A reading the page broke (it was on its way elsewhere, e.g. to a sign-in page) is read
        again; the last one broken is the failure."""
        broken: list[PageNotUnderstood] = []

        async def look() -> License | errors.PortalError | None:
            alert = await self._alert_error()
            if alert is not None:
                return alert
            try:
                found = await self._reading_of(sen, gone)
            except PageNotUnderstood as error:
                broken[:] = [error]
                return None
            broken.clear()
            return found

        async def probe() -> License | errors.PortalError | None:
            try:
                return await look()
            except PageNotUnderstood:
                # A script breaks when the page goes elsewhere while it runs (to the sign-in
                # page, say): once the page has loaded, look once more.
                await self.driver.settle(timeout=self.timings.load)
                return await look()

        outcome = await self.driver.wait_for(
            probe,
            lambda v: isinstance(v, errors.PortalError) or (isinstance(v, License) and check(v)),
            timeout=self.timings.step,
            interval=self.timings.poll,
        )
        if isinstance(outcome, errors.PortalError):
            raise outcome
        if isinstance(outcome, License):
            return outcome
        await self._ensure_signed_in()
        if broken:
            raise broken[0]
        log.warning("%s: the page does not show the step done", sen)
        raise StepNotVerified("the page does not show the change after the step")

    async def _refused(
        self,
        answer: ScriptAnswer,
        step: GuidedStep,
        check: Callable[[License], bool],
        *,
        gone: License | None = None,
    ) -> License:
        await self._ensure_signed_in()  # no control on a sign-in page: not a refusal
        error = refusal(answer, step.kind.value)
        if not isinstance(error, NeedsGuidance):
            raise error
        log.warning("%s: %s; falling back to guided mode", step.sen, error)
        if self.guide is None:
            raise error
        return await self._guided(replace(step, reason=error.reason), check, gone=gone)

    async def _guided(
        self, step: GuidedStep, check: Callable[[License], bool], *, gone: License | None = None
    ) -> License:
        """Highlight, let the person act, and wait until the page shows it (or they skip)."""
        if self.guide is None:
            raise NeedsGuidance("guided mode has no one to guide", reason=step.reason)
        step = await self._named_as_shown(step)
        await self._highlight(step)
        person = asyncio.ensure_future(self.guide.wait_for_person(step))
        watcher = asyncio.ensure_future(self._watch(step.sen, check, gone))
        try:
            done, _ = await asyncio.wait(
                {person, watcher},
                timeout=self.timings.guided,
                return_when=asyncio.FIRST_COMPLETED,
            )
            if watcher in done:
                lic = watcher.result()
                self.guide.step_verified(step)
                return lic
            if person in done and not person.result():
                raise GuidedStepSkipped("the person skipped the step")
            if person not in done:
                await self._ensure_signed_in()
                raise StepNotVerified("the guided step was not done in time")
            return await self._verify(step.sen, check, gone=gone)  # they say done: check again
        finally:
            for task in (person, watcher):
                task.cancel()
            await self._highlight(step, clear=True)

    async def _named_as_shown(self, step: GuidedStep) -> GuidedStep:
        """``step`` with the texts the page shows for its labels (and the profile's usual ones)."""
        usual = tuple((key, self.labels.first(key)) for key in self.labels.names())
        try:
            answer = await self._answer(
                scripts.page_labels(step.sen, self.labels, step.section, step.dialog)
            )
        except errors.PortalError:
            answer = ScriptAnswer(ok=False)
        found = (answer.data or {}).get("labels") if answer.ok else None
        shown = (
            tuple((str(k), str(v)) for k, v in found.items() if isinstance(v, str))
            if isinstance(found, dict)
            else ()
        )
        return replace(step, shown=shown, usual=usual)

    async def _watch(
        self, sen: str, check: Callable[[License], bool], gone: License | None
    ) -> License:
        while True:
            found = await self._reading_of(sen, gone)
            if found is not None and check(found):
                return found
            await asyncio.sleep(max(self.timings.poll, 0.3))

    async def _highlight(self, step: GuidedStep, *, clear: bool = False) -> None:
        try:
            await self.driver.run_js(
                scripts.highlight(
                    step.sen,
                    step.kind.value,
                    step.email,
                    self.labels,
                    section=step.section,
                    title=step.dialog,
                    clear=clear,
                )
            )
        except errors.PortalError:
            log.debug("could not mark the page for a guided step")


def _collapsed(result: PasteResult, among: set[str] | None) -> list[str]:
    """The SENs the reader saw only as a summary row (their details were not shown)."""
    warnings = [*result.warnings, *(w for u in result.unreadable for w in u.warnings)]
    sens = [w.sen for w in warnings if w.key == "details-missing" and w.sen]
    return [sen for sen in sens if among is None or sen in among]


def _shows_details(sens: set[str]) -> Callable[[PasteResult | None], bool]:
    """A test for a reading: it shows every license of ``sens`` with its details."""

    def test(result: PasteResult | None) -> bool:
        return result is not None and not _collapsed(result, sens)

    return test
