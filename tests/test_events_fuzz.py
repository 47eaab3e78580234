"""build_events never fails and always gives short, non-empty titles, whatever the text."""

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.events import build_events, split_sentences
from timeline.model import Document, Interval, Reference, TaggedDocument, Timex

WORDS = st.sampled_from(
    [
        "the",
        "a",
        "Mr.",
        "U.S.",
        "said",
        "will",
        "on",
        "in",
        "Friday",
        ",",
        ".",
        ";",
        ":",
        "“",
        "”",
        "(",
        ")",
        "-",
        "—",
        "which",
        "who",
        "that",
        "he",
        "she",
        "signed",
        "met",
        "plans",
        "to",
        "expected",
        "eventually",
        "one",
        "day",
        "at",
        "a",
        "later",
        "stage",
        "Dr.",
        "Jan.",
        "19",
        "3.5",
        "\n",
        "\n\n",
        "Trump",
        "Xi",
        "deadline",
        "summit",
        "’s",
        "'s",
        "...",
        "?",
        "!",
        "reported",
        "told",
        "officials",
    ]
)


@st.composite
def documents(draw: st.DrawFn) -> TaggedDocument:
    words = draw(st.lists(WORDS, min_size=0, max_size=60))
    text = " ".join(words)
    timexes = []
    for n in range(draw(st.integers(0, 4))):
        if len(text) < 2:
            break
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, min(len(text), start + 20)))
        day = date(2025, 1, 1 + n)
        timexes.append(
            Timex(
                text=text[start:end],
                start=start,
                end=end,
                type=draw(st.sampled_from(["DATE", "TIME", "DURATION"])),
                value=day.isoformat(),
                interval=Interval(day, day, "day"),
                anchor=draw(st.sampled_from(["absolute", "named-event"])),
                id=f"d1.t{n + 1}",
            )
        )
    document = Document("d1", "fuzz.txt", text, Reference(date(2025, 1, 2), "option"))
    return TaggedDocument(document, tuple(sorted(timexes, key=lambda t: t.start)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_build_events_is_total(document: TaggedDocument) -> None:
    events = build_events([document])
    for event in events:
        assert event.title.strip()
        assert len(event.title) <= 70
    assert [e.id for e in events] == [f"e{n}" for n in range(1, len(events) + 1)]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .?!\n“”\"'U.S.Mr")), max_size=80))
def test_sentences_are_ordered_non_overlapping_spans(text: str) -> None:
    spans = split_sentences(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert text[start:end].strip() == text[start:end]
        previous_end = end
