"""Likely partners' contacts: exactly what their public profile shows."""

import uuid

from cso_map.services.matching.partners.contacts import Contact, partner_contacts


def test_contacts_of_listed_organizations_only(app_context, directory):
    contacts = partner_contacts(
        [str(directory["bravo"]), str(directory["foxtrot"]), str(uuid.uuid4())]
    )
    assert contacts == {
        str(directory["bravo"]): Contact(
            "+1 559 555 0101",
            "info@centro-legal.example.org",
            "https://centro-legal.example.org",
        )
    }  # foxtrot is a proposal nobody has verified yet: not public


def test_an_organization_without_contacts_says_so(app_context, directory):
    (contact,) = partner_contacts([str(directory["delta"])]).values()
    assert not contact
    assert partner_contacts([]) == {}
