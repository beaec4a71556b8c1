"""The wizard's words for the flow's keys (blockers, summary groups, next steps, statuses)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.engine.plan import Action, PlanEntry
from desktop.engine.reasons import render
from desktop.services.consolidation_flow import Blocker, NextStep, SummaryGroup, TargetProblem

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

CONTEXT = "ConsolidationWizard"


def blocker_text(blocker: Blocker) -> str:
    texts = {
        Blocker.NO_SOURCE: translate(
            "ConsolidationWizard", "Choose at least one signed-in account to work with."
        ),
        Blocker.NO_TARGET: translate(
            "ConsolidationWizard", "Type or choose the email address of the target account."
        ),
        Blocker.INVALID_TARGET: translate(
            "ConsolidationWizard",
            "This is not a valid email address. Check it for typos, e.g. name@company.com.",
        ),
        Blocker.NOTHING_TO_DO: translate(
            "ConsolidationWizard",
            "Nothing can be changed for this target right now: see the counts above.",
        ),
        Blocker.NOTHING_CHECKED: translate(
            "ConsolidationWizard", "Tick at least one license to consolidate."
        ),
        Blocker.NOT_CONFIRMED: translate("ConsolidationWizard", "Confirm the change to go on."),
        Blocker.RUNNING: translate(
            "ConsolidationWizard", "Wait until the run has finished, or cancel it."
        ),
    }
    return texts[blocker]


def target_problem_text(problem: TargetProblem, args: tuple[str, ...] = ()) -> str:
    """Why an address is refused as the target, in plain words (``%1`` … from ``args``)."""
    texts = {
        TargetProblem.NOT_AN_ADDRESS: translate(
            "ConsolidationWizard",
            "This is not a valid email address. Check it for typos, e.g. name@company.com.",
        ),
        TargetProblem.MIXED_SCRIPTS: translate(
            "ConsolidationWizard",
            "This address mixes letters of different alphabets: %1 is not from the same "
            "alphabet as the other letters, so the address only looks like the one you mean "
            "and may belong to someone else. Type it again with the keyboard set to English.",
        ),
        TargetProblem.LOCAL_PART_TOO_LONG: translate(
            "ConsolidationWizard",
            "The part before the @ has %1 characters; an email address can have at most %2 "
            "there. Check the address.",
        ),
        TargetProblem.UNUSABLE_CHARACTERS: translate(
            "ConsolidationWizard",
            "The address contains %1. Atlassian cannot use an address with / \\ ? # or % in it: "
            "the licenses would get a contact that can never be made primary. Use another "
            "address.",
        ),
    }
    quoted = problem in (TargetProblem.MIXED_SCRIPTS, TargetProblem.UNUSABLE_CHARACTERS)
    text = texts[problem]
    for number, arg in enumerate(args, start=1):
        text = text.replace(f"%{number}", f"\u201c{arg}\u201d" if quoted else arg)
    return text


def group_title(group: SummaryGroup, count: int) -> str:
    texts = {
        SummaryGroup.DONE: translate(
            "ConsolidationWizard", "Done: the target is now primary on %n license(s)", "", count
        ),
        SummaryGroup.ALREADY_DONE: translate(
            "ConsolidationWizard", "Already done: %n license(s)", "", count
        ),
        SummaryGroup.NEEDS_TARGET_SIGN_IN: translate(
            "ConsolidationWizard", "Needs the target to sign in: %n license(s)", "", count
        ),
        SummaryGroup.NOT_POSSIBLE: translate(
            "ConsolidationWizard", "Not possible (evaluation): %n license(s)", "", count
        ),
        SummaryGroup.CANNOT_ACT: translate(
            "ConsolidationWizard", "No signed-in account can change: %n license(s)", "", count
        ),
        SummaryGroup.FAILED: translate("ConsolidationWizard", "Failed: %n license(s)", "", count),
        SummaryGroup.CANCELLED: translate(
            "ConsolidationWizard", "Not run (cancelled): %n license(s)", "", count
        ),
        SummaryGroup.EXCLUDED: translate(
            "ConsolidationWizard", "Left out by you: %n license(s)", "", count
        ),
    }
    return texts[group]


def next_step_text(step: NextStep) -> str:
    texts = {
        NextStep.NOTHING: translate(
            "ConsolidationWizard", "Nothing more to do: the target account manages these now."
        ),
        NextStep.SIGN_IN_AS_TARGET: translate(
            "ConsolidationWizard",
            "Sign in as the target account and run the consolidation again: the target "
            "can promote itself where the email domains differ.",
        ),
        NextStep.CONTACT_ATLASSIAN: translate(
            "ConsolidationWizard",
            "Technical contacts cannot be added to evaluation licenses. Buy a license "
            "or ask Atlassian support.",
        ),
        NextStep.SIGN_IN_AS_CONTACT: translate(
            "ConsolidationWizard",
            "Sign in with an account that is a contact of these licenses, then run again.",
        ),
        NextStep.RETRY: translate(
            "ConsolidationWizard",
            "Press \u201cRetry failed\u201d below, or run again later.",
        ),
        NextStep.RESUME: translate(
            "ConsolidationWizard", "Run the consolidation again to finish these."
        ),
        NextStep.RUN_AGAIN: translate(
            "ConsolidationWizard", "Run the consolidation again and tick them if you want them."
        ),
    }
    return texts[step]


def action_text(action: Action) -> str:
    texts = {
        Action.ALREADY_DONE: translate("ConsolidationWizard", "Already done"),
        Action.ADD_AND_PROMOTE: translate("ConsolidationWizard", "Add contact, make primary"),
        Action.PROMOTE_ONLY: translate("ConsolidationWizard", "Make primary"),
        Action.NEEDS_TARGET_SIGN_IN: translate(
            "ConsolidationWizard", "Needs the target to sign in"
        ),
        Action.NOT_POSSIBLE: translate("ConsolidationWizard", "Not possible"),
        Action.CANNOT_ACT: translate("ConsolidationWizard", "Cannot change"),
        Action.EXCLUDED: translate("ConsolidationWizard", "Left out"),
    }
    return texts[action]


def translate_engine(context: str, text: str) -> str:
    """The ``translate`` callable the engine's texts (reasons, errors, report) take."""
    return QCoreApplication.translate(context, text)


def reason_text(entry: PlanEntry) -> str:
    """Why the plan does what it does for one license, in the person's language."""
    return render(entry.reason, entry.reason_args, translate_engine, context="PlanReason")


def error_text(error_key: str, args: tuple[str, ...] = ()) -> str:
    """A failure (a portal's errorKey, the engine's or the wizard's own key) in plain words."""
    own = {
        "cannot-resume": translate(
            "ConsolidationWizard",
            "This run cannot be resumed: it was discarded or has nothing left.",
        ),
        "resume-elsewhere": translate(
            "ConsolidationWizard",
            "This run was confirmed for another portal or other accounts; it is resumed only "
            "there. Nothing was changed.",
        ),
        "run-unreadable": translate(
            "ConsolidationWizard",
            "This run cannot be read from the journal, so it is not resumed. It is kept as it "
            "is. Nothing was changed.",
        ),
        "journal-busy": translate(
            "ConsolidationWizard",
            "The run journal is in use by another copy of the app or by desktop-cli. Wait "
            "until it has finished. Nothing was changed.",
        ),
        "journal-unwritable": translate(
            "ConsolidationWizard",
            "The run journal cannot be written, so the run stopped (no request goes unrecorded).",
        ),
        "internal-error": translate(
            "ConsolidationWizard", "An unexpected error stopped the run. The log has the details."
        ),
        "report-unwritable": translate(
            "ConsolidationWizard", "The report could not be written there. Choose another folder."
        ),
        "disk-full": translate(
            "ConsolidationWizard", "The disk is full: the report was not written."
        ),
        "report-format": translate(
            "ConsolidationWizard", "A report must be an .xlsx or a .csv file."
        ),
        "report-is-folder": translate(
            "ConsolidationWizard",
            "That is a folder, not a file: choose a file name for the report.",
        ),
        "report-failed": translate(
            "ConsolidationWizard",
            "The report could not be made (the log has the details). The run is kept in the "
            "journal: try again, or use desktop-cli report.",
        ),
        "report-no-run": translate(
            "ConsolidationWizard", "There is no finished run to report on yet."
        ),
    }
    if error_key in own:
        return own[error_key]
    return render(error_key, args, translate_engine)
