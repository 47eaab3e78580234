"""The rule tables: every example is matched by its own rule; malformed tables fail loudly."""

from __future__ import annotations

import pytest

from timeline.temporal import rules as rules_module
from timeline.temporal.normalize import normalize
from timeline.temporal.rules import RuleError, load

RULES = load("en")
EXAMPLES = [(rule.name, example) for rule in RULES.rules for example in rule.examples]


@pytest.mark.parametrize(("name", "example"), EXAMPLES)
def test_example_is_matched_by_its_own_rule(name: str, example: str) -> None:
    rule = next(r for r in RULES.rules if r.name == name)
    match = rule.regex.search(example)
    assert match is not None, f"{name} does not match its example {example!r}"
    assert normalize(match, rule, RULES, day_first=False) is not None


def test_rule_names_are_unique() -> None:
    names = [rule.name for rule in RULES.rules]
    assert len(names) == len(set(names))


def test_unknown_fragment_fails_loudly() -> None:
    with pytest.raises(RuleError, match="unknown fragment"):
        rules_module._build_rule(
            {"name": "x", "pattern": "{nope}", "type": "DATE", "value": "1", "examples": ["a"]},
            RULES.fragments,
        )


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ({"name": "x", "pattern": "a", "type": "DATE", "examples": ["a"]}, "missing 'value'"),
        ({"name": "x", "pattern": "a", "type": "DAY", "value": "1", "examples": ["a"]}, "bad type"),
        (
            {"name": "x", "pattern": "(a", "type": "DATE", "value": "1", "examples": ["a"]},
            "bad regex",
        ),
        ({"name": "x", "pattern": "a", "type": "DATE", "value": "{y}", "examples": ["a"]}, "group"),
        ({"name": "x", "pattern": "a", "type": "DATE", "value": "1"}, "example"),
        ({"name": "x", "pattern": "a", "type": "DATE", "value": "1", "oops": 1}, "unknown keys"),
    ],
)
def test_malformed_rules_are_rejected(spec: dict, message: str) -> None:
    with pytest.raises(RuleError, match=message):
        rules_module._build_rule(spec, RULES.fragments)


def test_fragment_lookup_is_case_and_space_insensitive() -> None:
    assert RULES.fragments["month"].lookup("Sept.") == 9
    assert RULES.fragments["numword"].lookup("a  few") == "X"
