"""Labels cut to fit: text shortened with an ellipsis, and chart labels that never read alike."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careertui.model.labels import distinct_labels, shorten


@pytest.mark.parametrize(("text", "width", "shown"), [
    ("Speak", 14, "Speak"), ("Raise Management", 14, "Raise Managem…"), ("abc", 3, "abc"),
])
def test_shorten_cuts_with_an_ellipsis(text, width, shown):
    assert shorten(text, width) == shown


@pytest.mark.parametrize(("names", "width", "labels"), [
    (["Speak", "Lead"], 14, ["Speak", "Lead"]),
    # cut alike: the words they share at the start give way to the words that differ
    (["Raise Management of Personnel Resources from 2 to 3.8",
      "Raise Management of Financial Resources from 1.5 to 3.4", "Speak"], 14,
     ["…Personnel Re…", "…Financial Re…", "Speak"]),
    # the same text twice (two goals of one statement): numbered
    (["Read a book", "Read a book", "Lead"], 14, ["Read a book #1", "Read a book #2", "Lead"]),
    (["Management of Personnel Resources", "Management of Personnel Resourcing"], 16,
     ["…Resources", "…Resourcing"]),
    (["Alpha beta gamma delta", "Alpha beta gamma epsilon"], 6, ["…delta", "…epsi…"]),
    # still alike once the shared words are gone: numbered
    (["Alpha betaXXXXXXXX1", "Alpha betaXXXXXXXX2", "Alpha"], 8,
     ["Alph… #1", "Alph… #2", "Alpha"]),
])
def test_distinct_labels_never_read_alike(names, width, labels):
    assert distinct_labels(names, width) == labels


@given(st.lists(st.text(alphabet="ab c", min_size=1, max_size=30), max_size=8),
       st.integers(min_value=6, max_value=20))
def test_distinct_names_always_get_distinct_labels_that_fit(names, width):
    labels = distinct_labels(names, width)
    assert len(labels) == len(names)
    assert all(len(label) <= width for label in labels)
    assert len(set(labels)) == len(labels)
