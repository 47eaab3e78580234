from datetime import date, datetime

import pytest

from timeline.settings import SETTINGS, SettingError, parse_reference_date, resolve_settings


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2025-09-20", date(2025, 9, 20)),
        (" 2024-02-29 ", date(2024, 2, 29)),
        (date(2020, 1, 1), date(2020, 1, 1)),
        (None, None),
        ("2026-03-14T18:05", datetime(2026, 3, 14, 18, 5)),
        ("2026-03-14 07:30:15", datetime(2026, 3, 14, 7, 30, 15)),
        (datetime(2026, 3, 14, 9), datetime(2026, 3, 14, 9)),
    ],
)
def test_reference_date_accepts_iso_dates(raw, expected):
    assert parse_reference_date(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "2025-13-01",
        "2023-02-29",
        "20/09/2025",
        "yesterday",
        "2025-9-1",
        "2026-03-14T25:00",
        "2026-03-14T18:61",
        "2026-03-14T18",
        "2026-03-14T18:05+01:00",
    ],
)
def test_reference_date_rejects_everything_else(raw):
    with pytest.raises(SettingError, match="invalid reference date"):
        parse_reference_date(raw)


def test_defaults_fill_every_setting():
    resolved = resolve_settings()
    assert resolved == {setting.name: setting.default for setting in SETTINGS}


@pytest.mark.parametrize(
    ("name", "raw", "expected"),
    [
        ("day_first", "yes", True),
        ("day_first", "0", False),
        ("country", "gb", "GB"),
        ("max_bytes", "10", 10),
    ],
)
def test_values_are_validated_and_converted(name, raw, expected):
    assert resolve_settings(**{name: raw})[name] == expected


@pytest.mark.parametrize(
    ("name", "raw"), [("day_first", "maybe"), ("country", "USA"), ("max_bytes", "-3")]
)
def test_bad_values_raise(name, raw):
    with pytest.raises(SettingError):
        resolve_settings(**{name: raw})


def test_unknown_setting_is_named():
    with pytest.raises(SettingError, match="colour"):
        resolve_settings(colour="blue")


def test_every_setting_is_documented_in_the_readme():
    from pathlib import Path

    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    for setting in SETTINGS:
        assert f"`{setting.name}`" in readme, f"README does not document {setting.name}"
