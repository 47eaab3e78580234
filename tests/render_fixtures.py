"""Hand-built timelines for the render tests (no extractor involved).

``sample_timeline()`` covers what the page must draw: points, month and year bars,
approximate bounds, an undated future plan, an undated past, a timed event, two
documents, and text that would break a careless page ("$5m ... $9m", ``<b>``, ``&``).
``hostile_timeline()`` carries the injection corpus of issue 7 in every field.
"""

from __future__ import annotations

from datetime import date, datetime

from timeline.model import Document, Event, Interval, Reference, TaggedDocument, Timeline, Timex

NEWS = (
    "Lawmakers passed the storage act in April 2024, setting a first deadline of "
    "January 19. The council voted on Friday to extend it to December 16. "
    "Officials expect the new depot to open early next year, and a second phase "
    "will follow at a later stage. Costs rose from $5m to $9m <b>in 2023</b> & beyond. "
    "The mayor spoke at 14:30 on 3 March 2025."
)
NOTES = (
    "The board met in the summer of 2019. Long before that, the site had been a quarry. "
    "The review ran from 2021 to 2022, and the audit closed on 12 May 2022."
)


def _timex(doc: Document, ident: str, text: str, value: str, interval: Interval | None) -> Timex:
    start = doc.text.index(text)
    return Timex(
        text=text,
        start=start,
        end=start + len(text),
        type="DATE",
        value=value,
        interval=interval,
        id=f"{doc.id}.{ident}",
    )


def sample_timeline() -> Timeline:
    """A 10-event, two-document timeline exercising every drawing rule."""
    ref = Reference(date(2025, 9, 20), "option")
    d1 = Document("d1", "news/storage.txt", NEWS, ref, title="Storage act")
    d2 = Document("d2", "https://example.org/notes", NOTES, ref, title="Board notes")
    t1 = (
        _timex(
            d1,
            "t1",
            "April 2024",
            "2024-04",
            Interval(date(2024, 4, 1), date(2024, 4, 30), "month"),
        ),
        _timex(
            d1,
            "t2",
            "January 19",
            "2025-01-19",
            Interval(date(2025, 1, 19), date(2025, 1, 19), "day"),
        ),
        _timex(
            d1, "t3", "Friday", "2025-09-19", Interval(date(2025, 9, 19), date(2025, 9, 19), "day")
        ),
        _timex(
            d1,
            "t4",
            "December 16",
            "2025-12-16",
            Interval(date(2025, 12, 16), date(2025, 12, 16), "day"),
        ),
        _timex(
            d1,
            "t5",
            "early next year",
            "2026",
            Interval(date(2026, 1, 1), date(2026, 4, 30), "month", approximate=True),
        ),
        _timex(d1, "t6", "at a later stage", "FUTURE_REF", None),
        _timex(d1, "t7", "2023", "2023", Interval(date(2023, 1, 1), date(2023, 12, 31), "year")),
        _timex(
            d1,
            "t8",
            "14:30 on 3 March 2025",
            "2025-03-03T14:30",
            Interval(datetime(2025, 3, 3, 14, 30), datetime(2025, 3, 3, 14, 30), "minute"),
        ),
    )
    t2 = (
        _timex(
            d2,
            "t1",
            "the summer of 2019",
            "2019-SU",
            Interval(date(2019, 6, 1), date(2019, 8, 31), "season", approximate=True),
        ),
        _timex(d2, "t2", "Long before that", "PAST_REF", None),
        _timex(
            d2, "t3", "2021 to 2022", "2021", Interval(date(2021, 1, 1), date(2022, 12, 31), "year")
        ),
        _timex(
            d2,
            "t4",
            "12 May 2022",
            "2022-05-12",
            Interval(date(2022, 5, 12), date(2022, 5, 12), "day"),
        ),
    )
    s1 = NEWS.split(". ")
    events = (
        _event(
            "e1",
            date(2024, 4, 1),
            date(2024, 4, 30),
            "month",
            "Lawmakers passed the storage act",
            s1[0],
            "d1",
            ("d1.t1",),
            "April 2024",
        ),
        _event(
            "e2",
            date(2025, 1, 19),
            date(2025, 1, 19),
            "day",
            "First deadline",
            s1[0],
            "d1",
            ("d1.t2",),
            "January 19",
        ),
        _event(
            "e3",
            date(2025, 9, 19),
            date(2025, 9, 19),
            "day",
            "Council voted to extend the deadline",
            s1[1],
            "d1",
            ("d1.t3",),
            "Friday",
        ),
        _event(
            "e4",
            date(2025, 12, 16),
            date(2025, 12, 16),
            "day",
            "Extended deadline",
            s1[1],
            "d1",
            ("d1.t4",),
            "December 16",
        ),
        _event(
            "e5",
            date(2026, 1, 1),
            date(2026, 4, 30),
            "month",
            "New depot opens",
            s1[2],
            "d1",
            ("d1.t5",),
            "early next year",
            approximate=True,
        ),
        _event(
            "e6",
            None,
            None,
            None,
            "Second phase follows",
            s1[2],
            "d1",
            ("d1.t6",),
            "at a later stage",
            undated="future",
        ),
        _event(
            "e7",
            date(2023, 1, 1),
            date(2023, 12, 31),
            "year",
            "Costs rose from $5m to $9m <b>",
            s1[3],
            "d1",
            ("d1.t7",),
            "2023",
        ),
        _event(
            "e8",
            datetime(2025, 3, 3, 14, 30),
            datetime(2025, 3, 3, 14, 30),
            "minute",
            "The mayor spoke",
            s1[4],
            "d1",
            ("d1.t8",),
            "14:30 on 3 March 2025",
        ),
        _event(
            "e9",
            date(2019, 6, 1),
            date(2019, 8, 31),
            "season",
            "The board met",
            NOTES.split(". ")[0],
            "d2",
            ("d2.t1",),
            "the summer of 2019",
            approximate=True,
            url="https://example.org/notes#board",
        ),
        _event(
            "e10",
            None,
            None,
            None,
            "The site was a quarry",
            NOTES.split(". ")[1],
            "d2",
            ("d2.t2",),
            "Long before that",
            undated="past",
        ),
        _event(
            "e11",
            date(2021, 1, 1),
            date(2022, 12, 31),
            "year",
            "The review ran",
            NOTES.split(". ")[2],
            "d2",
            ("d2.t3",),
            "2021 to 2022",
        ),
        _event(
            "e12",
            date(2022, 5, 12),
            date(2022, 5, 12),
            "day",
            "The audit closed",
            NOTES.split(". ")[2],
            "d2",
            ("d2.t4",),
            "12 May 2022",
        ),
    )
    return Timeline(
        documents=(TaggedDocument(d1, t1), TaggedDocument(d2, t2)),
        events=events,
        title="Storage act & the depot: a <timeline>",
    )


def _event(
    ident, start, end, granularity, title, sentence, doc, timexes, date_text, **extra
) -> Event:
    return Event(
        id=ident,
        start=start,
        end=end,
        granularity=granularity,
        approximate=extra.pop("approximate", False),
        title=title,
        sentence=sentence,
        documents=(doc,),
        timexes=timexes,
        date_text=date_text,
        **extra,
    )


#: Strings that would run script, load something, or mangle the chart if not escaped.
PAYLOADS: tuple[str, ...] = (
    "<script>window.__pwned=1</script>",
    "<script src='http://127.0.0.1:9/x.js'></script>",
    "</script><script>window.__pwned=2</script>",
    "<!--<script>window.__pwned=3</script>-->",
    '<img src=x onerror="window.__pwned=4">',
    "<img src='http://127.0.0.1:9/pixel.png'>",
    "<svg onload=window.__pwned=5>",
    "<svg><script>window.__pwned=6</script></svg>",
    "<iframe src='javascript:window.__pwned=7'></iframe>",
    "javascript:window.__pwned=8",
    " JaVaScRiPt:alert(9)",
    "data:text/html,<script>window.__pwned=10</script>",
    "<a href='javascript:alert(11)'>click</a>",
    '<a href="http://127.0.0.1:9/">link</a>',
    '"><script>alert(12)</script>',
    "'><img src=x onerror=alert(13)>",
    "{{ 7*7 }} {% raw %}",
    "${alert(14)}",
    "`;alert(15);//",
    '\\"});alert(16);//',
    "</div></li></ol><script>alert(17)</script>",
    "<style>body{display:none}</style>",
    "<link rel=stylesheet href='http://127.0.0.1:9/x.css'>",
    "<meta http-equiv='refresh' content='0;url=http://127.0.0.1:9/'>",
    "<base href='http://127.0.0.1:9/'>",
    "<object data='http://127.0.0.1:9/x.swf'></object>",
    "<video><source onerror=alert(18)></video>",
    "<details open ontoggle=alert(19)>",
    "<math><mi xlink:href='javascript:alert(20)'>x</mi></math>",
    "Costs rose from $5m to $9m and $\\alpha$ too",
    "<b>bold</b> <i>it</i> <br> <sup>1</sup> <a href='https://example.org'>ok</a>",
    "&lt;script&gt;alert(21)&lt;/script&gt; &amp; &#36;",
    "\u2028\u2029 line separators </SCRIPT > <!-- ",
    "<form action='http://127.0.0.1:9/'><button>go</button></form>",
    "%{customdata} %{x} %{text}",
)


def hostile_timeline() -> Timeline:
    """Every payload in every user-controlled field: title, sentence, source, url, group."""
    ref = Reference(date(2024, 6, 1), "option")
    sentences = [f"{payload} on {i + 1} May 2024." for i, payload in enumerate(PAYLOADS)]
    text = " ".join(sentences)
    doc = Document("d1", PAYLOADS[0] + ".txt", text, ref, title=PAYLOADS[2])
    other = Document("d2", "javascript:alert(99)", "Nothing <script>alert(98)</script>", ref)
    timexes = []
    events = []
    cursor = 0
    for i, (payload, sentence) in enumerate(zip(PAYLOADS, sentences, strict=True)):
        written = f"{i + 1} May 2024"
        start = text.index(written, cursor)
        cursor = start + len(written)
        day = date(2024, 5, i + 1) if i < 31 else date(2024, 6, i - 30)
        timexes.append(
            Timex(
                text=written,
                start=start,
                end=start + len(written),
                type="DATE",
                value=day.isoformat(),
                interval=Interval(day, day, "day"),
                id=f"d1.t{i + 1}",
            )
        )
        ranged = i % 4 == 1
        events.append(
            Event(
                id=f"e{i + 1}",
                start=day,
                end=date(2024, 7, 31) if ranged else day,
                granularity="month" if ranged else "day",
                approximate=i % 5 == 2,
                title=payload,
                sentence=sentence,
                documents=("d1",),
                timexes=(f"d1.t{i + 1}",),
                group=PAYLOADS[i % 3],
                url=PAYLOADS[(i + 7) % len(PAYLOADS)],
                media=PAYLOADS[(i + 5) % len(PAYLOADS)],
                date_text=payload[:20] + written,
                undated=None,
            )
        )
    events.append(
        Event(
            id="e999",
            start=None,
            end=None,
            granularity=None,
            approximate=False,
            title=PAYLOADS[4],
            sentence=PAYLOADS[3],
            documents=("d2",),
            timexes=(),
            undated="future",
            url="javascript:window.__pwned=99",
            date_text=PAYLOADS[0],
        )
    )
    return Timeline(
        documents=(TaggedDocument(doc, tuple(timexes)), TaggedDocument(other, ())),
        events=tuple(events),
        title=PAYLOADS[2] + PAYLOADS[29],
    )
