"""Queries people type for a target role, each with an occupation it must find in the top three."""

from __future__ import annotations

import pytest

from careertui.roles import RoleLibrary, load_library

# (what is typed, the O*NET-SOC code that must be among the first three results)
QUERIES = [
    # Official titles, singular or plural, any case.
    ("registered nurse", "29-1141.00"),
    ("Registered Nurses", "29-1141.00"),
    ("nurse practitioner", "29-1171.00"),
    ("software developer", "15-1252.00"),
    ("data scientist", "15-2051.00"),
    ("web developer", "15-1254.00"),
    ("database administrator", "15-1242.00"),
    ("penetration tester", "15-1299.04"),
    ("computer programmer", "15-1251.00"),
    ("economist", "19-3011.00"),
    ("statistician", "15-2041.00"),
    ("lawyer", "23-1011.00"),
    ("dental hygienist", "29-1292.00"),
    ("pharmacist", "29-1051.00"),
    ("physical therapist", "29-1123.00"),
    ("occupational therapist", "29-1122.00"),
    ("paramedic", "29-2043.00"),
    ("physician assistant", "29-1071.00"),
    ("veterinarian", "29-1131.00"),
    ("electrician", "47-2111.00"),
    ("carpenter", "47-2031.00"),
    ("flight attendant", "53-2031.00"),
    ("barista", "35-3023.01"),
    ("bartender", "35-3011.00"),
    ("cashier", "41-2011.00"),
    ("civil engineer", "17-2051.00"),
    ("mechanical engineer", "17-2141.00"),
    ("graphic designer", "27-1024.00"),
    ("photographer", "27-4021.00"),
    ("firefighter", "33-2011.00"),
    ("marketing manager", "11-2021.00"),
    ("construction manager", "11-9021.00"),
    ("customer service representative", "43-4051.00"),
    # A short word of a title.
    ("nurse", "29-1141.00"),
    ("soft dev", "15-1252.00"),
    ("chef", "35-1011.00"),
    # An exact title beats a description word or a longer title.
    ("product manager", "11-2021.00"),
    ("project manager", "13-1082.00"),
    ("operations manager", "11-1021.00"),
    ("general manager", "11-1021.00"),
    # Common job titles that are not O*NET titles (alternate and reported titles).
    ("software engineer", "15-1252.00"),
    ("devops engineer", "15-1252.00"),
    ("dev ops engineer", "15-1252.00"),
    ("full stack developer", "15-1252.00"),
    ("front end developer", "15-1254.00"),
    ("UX designer", "15-1255.00"),
    ("UI designer", "15-1255.00"),
    ("ux researcher", "15-1255.00"),
    ("machine learning engineer", "15-2051.00"),
    ("data analyst", "15-2051.00"),
    ("data engineer", "15-1243.00"),
    ("business analyst", "13-1111.00"),
    ("system administrator", "15-1244.00"),
    ("ethical hacker", "15-1299.04"),
    ("cybersecurity analyst", "15-1212.00"),
    ("security analyst", "15-1212.00"),
    ("QA tester", "15-1253.00"),
    ("qa engineer", "15-1253.00"),
    ("programmer", "15-1251.00"),
    ("HR manager", "11-3121.00"),
    ("recruiter", "13-1071.00"),
    ("accountant", "13-2011.00"),
    ("actuary", "15-2011.00"),
    ("attorney", "23-1011.00"),
    ("paralegal", "23-2011.00"),
    ("elementary school teacher", "25-2021.00"),
    ("high school teacher", "25-2031.00"),
    ("librarian", "25-4022.00"),
    ("dentist", "29-1021.00"),
    ("physiotherapist", "29-1123.00"),
    ("midwife", "29-9099.01"),
    ("vet tech", "29-2056.00"),
    ("plumber", "47-2152.00"),
    ("welder", "51-4121.00"),
    ("auto mechanic", "49-3023.00"),
    ("truck driver", "53-3032.00"),
    ("pilot", "53-2011.00"),
    ("waiter", "35-3031.00"),
    ("real estate agent", "41-9022.00"),
    ("architect", "17-1011.00"),
    ("journalist", "27-3023.00"),
    ("translator", "27-3091.00"),
    ("hairdresser", "39-5012.00"),
    ("personal trainer", "39-9031.00"),
    ("police officer", "33-3051.00"),
    ("social worker", "21-1021.00"),
    ("nanny", "39-9011.01"),
    ("housekeeper", "37-2012.00"),
    ("social media manager", "11-2032.00"),
    ("copywriter", "27-3043.00"),
    ("account manager", "11-2022.00"),
    # Abbreviations: O*NET's short titles, and the few it lacks (build.ABBREVIATIONS).
    ("RN", "29-1141.00"),
    ("rn", "29-1141.00"),
    ("LPN", "29-2061.00"),
    ("CNA", "31-1131.00"),
    ("CEO", "11-1011.00"),
    ("CFO", "11-1011.00"),
    ("CTO", "11-1011.00"),
    ("CPA", "13-2011.00"),
    ("DBA", "15-1242.00"),
    ("EMT", "29-2042.00"),
    ("PA", "29-1071.00"),
    ("OT", "29-1122.00"),
    ("DDS", "29-1021.00"),
    ("SWE", "15-1252.00"),
    ("SDE", "15-1252.00"),
    ("SRE", "15-1252.00"),
    ("BA", "13-1111.00"),
    ("sysadmin", "15-1244.00"),
    # Typos.
    ("nrse", "29-1141.00"),
    ("nurce", "29-1141.00"),
    ("registerd nurse", "29-1141.00"),
    ("nurse practioner", "29-1171.00"),
    ("sofware engineer", "15-1252.00"),
    ("software enginer", "15-1252.00"),
    ("sofware developer", "15-1252.00"),
    ("data scienist", "15-2051.00"),
    ("data anlyst", "15-2051.00"),
    ("acountant", "13-2011.00"),
    ("electrican", "47-2111.00"),
    ("elektrician", "47-2111.00"),
    ("pharmasist", "29-1051.00"),
    ("plumer", "47-2152.00"),
    ("carpentor", "47-2031.00"),
    ("teecher elementary", "25-2021.00"),
    # Codes.
    ("15-1252", "15-1252.00"),
    ("29-1141.00", "29-1141.00"),
]


@pytest.fixture(scope="module")
def library() -> RoleLibrary:
    return load_library()


def test_the_table_is_large_and_names_real_occupations(library):
    assert len(QUERIES) >= 80
    assert all(library.occupation(code) for _, code in QUERIES)


@pytest.mark.parametrize("query, code", QUERIES, ids=[query for query, _ in QUERIES])
def test_query_finds_its_occupation_in_the_top_three(library, query, code):
    top = [(m.occupation.code, m.title) for m in library.find(query, limit=3)]
    assert code in [found for found, _ in top], top


def test_product_manager_is_not_biofuels_production_managers_first(library):
    assert library.search("product manager")[0].title == "Marketing Managers"
