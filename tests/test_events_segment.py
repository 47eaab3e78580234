"""Sentence segmentation of news text."""

import pytest

from timeline.events import split_sentences

CASES = [
    # (text, expected sentences)
    ("The deal is done. Both sides agreed.", ["The deal is done.", "Both sides agreed."]),
    ("U.S. President Anna Cole spoke.", ["U.S. President Anna Cole spoke."]),
    ("She flew to the U.S. on Monday.", ["She flew to the U.S. on Monday."]),
    ("He moved to the U.K. He stayed.", ["He moved to the U.K.", "He stayed."]),
    ("The vote is on Jan. 19 in Ohio.", ["The vote is on Jan. 19 in Ohio."]),
    ("Mr. Lin met Dr. Ruiz today.", ["Mr. Lin met Dr. Ruiz today."]),
    ("Mrs. Okafor and Ms. Berg left.", ["Mrs. Okafor and Ms. Berg left."]),
    ("Sen. Hale voted no. Gov. Park signed.", ["Sen. Hale voted no.", "Gov. Park signed."]),
    (
        "It was written by J. R. Tolkien. Fans cheered.",
        ["It was written by J. R. Tolkien.", "Fans cheered."],
    ),
    ("Growth hit 3.5 percent. Prices rose.", ["Growth hit 3.5 percent.", "Prices rose."]),
    ("Shares fell 0.7% to $12.40 on Friday.", ["Shares fell 0.7% to $12.40 on Friday."]),
    ("He paused... Then he left.", ["He paused...", "Then he left."]),
    ("It was... complicated, she said.", ["It was... complicated, she said."]),
    ("Wait… What happened?", ["Wait…", "What happened?"]),
    ("“We are ready.” The talks resumed.", ["“We are ready.”", "The talks resumed."]),
    ('"We are ready." The talks resumed.', ['"We are ready."', "The talks resumed."]),
    ("“Is it over?” she asked. Nobody knew.", ["“Is it over?” she asked.", "Nobody knew."]),
    ("“Never!” he shouted.", ["“Never!” he shouted."]),
    ("Talks end today.\nA vote follows.", ["Talks end today.", "A vote follows."]),
    ("Breaking news\nThe vote passed.", ["Breaking news", "The vote passed."]),
    ("First paragraph here.\n\nSecond one here.", ["First paragraph here.", "Second one here."]),
    ("Apple Inc. said sales rose.", ["Apple Inc. said sales rose."]),
    ("He joined Acme Corp. The firm grew.", ["He joined Acme Corp.", "The firm grew."]),
    ("The meeting starts at 9 a.m. Friday.", ["The meeting starts at 9 a.m. Friday."]),
    ("It ended at 5 p.m. The crowd left.", ["It ended at 5 p.m.", "The crowd left."]),
    ("See No. 5 on the list.", ["See No. 5 on the list."]),
    ("Rates rose (again). Markets fell.", ["Rates rose (again).", "Markets fell."]),
    ("Fruit, e.g. Apples, sold well.", ["Fruit, e.g. Apples, sold well."]),
    ("Is it true? Yes! It is.", ["Is it true?", "Yes!", "It is."]),
    ("The U.S.-China talks ended. Both left.", ["The U.S.-China talks ended.", "Both left."]),
    ("He said: “It is done. We won.”", ["He said: “It is done.", "We won.”"]),
    ("In 2024. In 2025.", ["In 2024.", "In 2025."]),
    ("St. Louis won. Gen. Wu lost.", ["St. Louis won.", "Gen. Wu lost."]),
    ("", []),
    ("   \n  ", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in split_sentences(text)] == expected


WRAPPED = (
    "The council met on a rainy morning and\n"
    "voted to close the old bridge for\n"
    "repairs. Work starts in May and the\n"
    "bridge reopens next year.\n"
)


def test_hard_wrapped_text_joins_lines() -> None:
    sentences = [WRAPPED[a:b] for a, b in split_sentences(WRAPPED)]
    assert len(sentences) == 2
    assert sentences[0].startswith("The council") and sentences[0].endswith("repairs.")


def test_line_running_on_in_lower_case_is_joined() -> None:
    text = "The minister said the plan\nwould be ready soon.\nNew rules follow."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "The minister said the plan\nwould be ready soon.",
        "New rules follow.",
    ]


def test_spans_are_trimmed_offsets() -> None:
    text = "  One here.   Two there.  "
    assert split_sentences(text) == [(2, 11), (14, 24)]


def test_headings_between_long_paragraphs_stay_apart() -> None:
    paragraph = "The army crossed the river and took the town after a long siege. " * 3
    text = f"1955-1963\n{paragraph}\nThe aftermath\n{paragraph}\n"
    sentences = [text[a:b] for a, b in split_sentences(text)]
    assert sentences[0] == "1955-1963"
    assert "The aftermath" in sentences
