"""License type and hosting, derived from the product's text."""

import pytest

from desktop.domain import Hosting, LicenseType, hosting_from_product, license_type_from_product

SEED_PRODUCT = "synapseRT - Test Management for Jira for JIRA (Server) 10 Users: Commercial License"


@pytest.mark.parametrize(
    ("product", "license_type", "hosting"),
    [
        (SEED_PRODUCT, LicenseType.COMMERCIAL, Hosting.SERVER),
        ("Jira Software (Data Center) 500 Users: Commercial License", "commercial", "datacenter"),
        ("Confluence (Data Center) 1000 Users: Evaluation License", "evaluation", "datacenter"),
        ("Jira Software (Server) 10 Users: Academic License", "academic", "server"),
        ("Confluence (Server) 10 Users: Community License", "community", "server"),
        ("Bitbucket (Server) 10 Users: Open Source License", "open-source", "server"),
        ("Jira Software (Server) 10 Users: Starter License", "starter", "server"),
        ("Jira Software (Server) 10 Users: Developer License", "developer", "server"),
        ("Jira Service Management (Cloud) Standard: Commercial License", "commercial", "cloud"),
        (
            "Tempo Timesheets for Jira (DataCenter) 250 Users: Commercial License",
            "commercial",
            "datacenter",
        ),
        # An add-on's own name must not decide: the colon's tail and the brackets do.
        (
            "Developer Toolbox for Jira (Server) 10 Users: Commercial License",
            "commercial",
            "server",
        ),
        (
            "Cloud Migration Helper for Jira (Server) 25 Users: Academic License",
            "academic",
            "server",
        ),
        (
            "Server Monitor for Confluence (Data Center) 50 Users: Commercial License",
            "commercial",
            "datacenter",
        ),
        ("jira software (data center) 50 users: commercial license", "commercial", "datacenter"),
        ("Something else entirely", None, None),
        ("", None, None),
    ],
)
def test_type_and_hosting_from_product(
    product: str, license_type: str | None, hosting: str | None
) -> None:
    assert license_type_from_product(product) == license_type
    assert hosting_from_product(product) == hosting
    if license_type is not None:
        assert isinstance(license_type_from_product(product), LicenseType)


def test_evaluation_wins_over_other_words_in_the_tail() -> None:
    product = "Jira Software (Server) Commercial Evaluation License"
    assert license_type_from_product(product) is LicenseType.EVALUATION
