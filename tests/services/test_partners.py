"""Likely partners on constructed scenarios whose right answer is argued here."""

import pytest

from cso_map.services.analysis.policy import CoveragePolicy
from cso_map.services.matching.partners import PartnerQuery, likely_partners
from cso_map.services.matching.partners.ranking import WEIGHTS
from tests.conftest import load_fixture_directory
from tests.factories import insert, organization_record

POLICY = CoveragePolicy(underserved_below=1.0)


@pytest.fixture
def scenario(app, app_context):
    """The fixture directory, plus a big legal clinic in Arizona (next to California),
    a New York clinic also online for New York only, a national US line, a legal
    clinic in Tijuana (minutes from San Diego, in another country), a binational
    Tijuana clinic that lists California itself, and a Californian group with legal
    expertise but no legal service yet."""
    load_fixture_directory(app)
    new_york = organization_record(
        "online", "Línea Legal", 40.71, -74.0, [("legal_advice", ["US-NY"])]
    )
    new_york["services"][0]["online"] = True
    national = organization_record(
        "national", "Línea Nacional", 29.76, -95.37, [("legal_advice", ["US"])]
    )
    national["services"][0].update(by_phone=True, remote_only=True)
    insert(
        app,
        [
            new_york,
            national,
            organization_record(
                "binational",
                "Casa Binacional",
                32.53,
                -117.02,
                [("legal_advice", ["MX-BCN", "US-CA"])],
            ),
            organization_record(
                "arizona",
                "Clínica Jurídica de Phoenix",
                33.45,
                -112.07,
                [("legal_advice", ["US-AZ"])],
                paid_staff=40,
            ),
            organization_record(
                "tijuana",
                "Defensoría Migrante de Tijuana",
                32.52,
                -117.03,
                [("legal_advice", ["MX-BCN"])],
            ),
            organization_record(
                "skilled",
                "Colectivo de Abogadas de Oakland",
                37.80,
                -122.27,
                [("civic_participation", ["US-CA"])],
                skills=["legal_expertise"],
                paid_staff=2,
                volunteers=10,
            ),
        ],
    )


def by_name(partners):
    return {partner.name: partner for partner in partners}


def test_a_provider_in_the_state_beats_a_bigger_one_next_door(scenario):
    partners = likely_partners(PartnerQuery("US-CA", ("legal_advice",)), POLICY)
    found = by_name(partners)
    fresno = found["Centro Legal del Valle"]
    phoenix = found["Clínica Jurídica de Phoenix"]
    assert (fresno.tier, phoenix.tier) == (1, 2)
    assert partners.index(fresno) < partners.index(phoenix)
    assert fresno.reasons[0] == {
        "code": "in_region",
        "service": "legal_advice",
        "region": "US-CA",
    }
    assert phoenix.reasons[0]["code"] == "neighbour"
    assert phoenix.components["distance"] < fresno.components["distance"] == 1.0


def test_remote_binational_and_could_start_partners_come_with_their_reasons(
    scenario,
):
    found = by_name(likely_partners(PartnerQuery("US-CA", ("legal_advice",)), POLICY))
    # Red Nacional's line is for Mexico and Línea Legal is online for New York
    # only: neither delivers anything in California.
    assert "Red Nacional Ejemplo" not in found
    assert "Línea Legal" not in found
    national = found["Línea Nacional"]  # by phone, for the whole US
    assert national.tier == 2
    assert national.reasons[0] == {
        "code": "remote",
        "service": "legal_advice",
        "region": "US-CA",
        "channels": ["by_phone"],
        "area": "US",
    }
    binational = found["Casa Binacional"]  # lists California itself
    assert binational.tier == 1
    assert binational.reasons[0]["from_country"] == "MX"
    skilled = found["Colectivo de Abogadas de Oakland"]
    assert skilled.tier == 3
    assert skilled.reasons[0] == {
        "code": "could_start",
        "skills": ["legal_expertise"],
        "people": 12,
        "region": "US-CA",
    }


def test_withdrawn_far_and_foreign_organizations_are_not_partners(scenario):
    names = set(
        by_name(likely_partners(PartnerQuery("US-CA", ("legal_advice",)), POLICY))
    )
    # A few km from San Diego, but it serves Baja California, in another country.
    assert "Defensoría Migrante de Tijuana" not in names
    assert "Asociación Cerrada" not in names  # defunct, in Los Angeles
    assert "Propuesta Pendiente" not in names  # pending verification
    assert "Federación Zacatecana de Illinois" not in names  # Illinois only


def test_languages_and_groups_asked_for_are_scored_and_explained(scenario):
    partners = likely_partners(
        PartnerQuery("US-CA", ("legal_advice",), languages=("mix", "zap")), POLICY
    )
    fresno = by_name(partners)["Centro Legal del Valle"]
    assert fresno.components["languages"] == 0.5  # Mixteco yes, Zapoteco no
    assert {"code": "languages", "covered": ["mix"], "missing": ["zap"]} in (
        fresno.reasons
    )
    plain = by_name(likely_partners(PartnerQuery("US-CA", ("legal_advice",)), POLICY))
    assert plain["Centro Legal del Valle"].components["languages"] is None


def test_each_organization_appears_once_in_its_best_tier(scenario):
    partners = likely_partners(
        PartnerQuery("US-CA", ("legal_advice", "psychosocial", "health")), POLICY
    )
    names = [partner.name for partner in partners]
    assert len(names) == len(set(names))
    tiers = [partner.tier for partner in partners]
    assert tiers == sorted(tiers)


def test_an_unknown_state_is_refused(scenario):
    with pytest.raises(ValueError, match="unknown state"):
        likely_partners(PartnerQuery("XX-YY", ("legal_advice",)), POLICY)


def test_unknown_capacity_is_said_and_scored_neither_up_nor_down(app, app_context):
    known, unknown = (
        organization_record(
            key, name, 36.74, -119.78, [("housing", ["US-CA"])], paid_staff=3
        )
        for key, name in (("known", "Vivienda Conocida"), ("unknown", "Vivienda X"))
    )
    unknown["services"][0]["capacity_per_month"] = None
    insert(app, [known, unknown])
    found = by_name(likely_partners(PartnerQuery("US-CA", ("housing",)), POLICY))
    silent = found["Vivienda X"]
    assert silent.components["capacity"] is None
    assert {"code": "capacity_unknown"} in silent.reasons
    # The score is the weighted mean of the other components alone.
    weights = {k: v for k, v in WEIGHTS.items() if silent.components[k] is not None}
    expected = sum(silent.components[k] * w for k, w in weights.items()) / sum(
        weights.values()
    )
    assert silent.score == pytest.approx(expected, abs=2e-3)
    assert found["Vivienda Conocida"].components["capacity"] is not None
