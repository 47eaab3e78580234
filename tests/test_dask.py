"""The Dask engine writes the same JSON Lines as one process (LocalCluster, 2 workers)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_parallel import _corpus, _run

distributed = pytest.importorskip(
    "distributed", reason="dask.distributed is not installed: pip install -e '.[dask]'"
)


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A small in-process cluster: 2 workers of 1 thread each."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        yield cluster.scheduler_address


def test_dask_output_equals_the_single_process_one(tmp_path: Path, scheduler: str) -> None:
    texts = [f"text {n}" + (" SLOW" if n % 4 == 0 else "") for n in range(40)]
    corpus = _corpus(tmp_path / "corpus", texts)
    one, spread = tmp_path / "one.jsonl", tmp_path / "dask.jsonl"
    _run([str(corpus)], one, jobs=1)
    summary, errors = _run([str(corpus)], spread, engine="dask", scheduler=scheduler, jobs=2)
    assert (summary.written, errors) == (40, [])
    assert spread.read_bytes() == one.read_bytes()


def test_dask_reports_bad_inputs_and_resumes(tmp_path: Path, scheduler: str) -> None:
    corpus = _corpus(tmp_path / "corpus", ["a", "BAD", "c", "d"])
    output = tmp_path / "out.jsonl"
    summary, errors = _run([str(corpus)], output, engine="dask", scheduler=scheduler, jobs=2)
    assert (summary.written, errors) == (3, [f"{corpus}/doc001.txt: bad input"])
    (corpus / "doc001.txt").write_text("fixed", encoding="utf-8")
    summary, errors = _run(
        [str(corpus)], output, engine="dask", scheduler=scheduler, jobs=2, resume=True
    )
    assert (summary.skipped, summary.written, errors) == (3, 1, [])


def test_dask_cli_writes_the_bytes_of_one_process(tmp_path: Path, scheduler: str) -> None:
    """The real pipeline through ``timeline extract --engine dask --scheduler``."""
    from click.testing import CliRunner

    try:
        from timeline.cli import cli
    except ImportError as error:  # the tagger or events stage has not landed yet
        pytest.skip(f"the pipeline is not complete yet ({error})")
    texts = [
        f"Story {n}. The council met on Monday and set a deadline of March {n + 1}, 2026. "
        f"The project began in {2000 + n}."
        for n in range(12)
    ]
    corpus = _corpus(tmp_path / "corpus", texts)
    one, spread = tmp_path / "one.jsonl", tmp_path / "dask.jsonl"
    common = [str(corpus), "--reference-date", "2025-09-20"]
    runner = CliRunner()
    local = runner.invoke(cli, ["extract", *common, "--jobs", "1", "-o", str(one)])
    remote = runner.invoke(
        cli, ["extract", *common, "--engine", "dask", "--scheduler", scheduler, "-o", str(spread)]
    )
    assert (local.exit_code, remote.exit_code) == (0, 0), remote.stderr
    assert spread.read_bytes() == one.read_bytes()
    assert len(one.read_text(encoding="utf-8").splitlines()) == 12


def test_an_unreachable_scheduler_is_one_error_line(tmp_path: Path) -> None:
    from timeline.scale.engines import EngineError, dask_cluster

    with (
        pytest.raises(EngineError, match="cannot reach the Dask scheduler"),
        dask_cluster("tcp://127.0.0.1:1", 1, timeout=1),
    ):
        pass


class _Unrunnable:
    """A job a worker cannot run, as when timeline is missing there."""

    def __call__(self, batch: list[tuple[int, str]]) -> list[object]:
        raise ModuleNotFoundError("No module named 'timeline'")


def test_a_job_the_workers_cannot_run_is_one_error_line(scheduler: str) -> None:
    from timeline.scale.engines import EngineError, dask_cluster

    with (
        pytest.raises(EngineError, match="ModuleNotFoundError.*installed on every worker"),
        dask_cluster(scheduler, 2) as run,
    ):
        list(run(_Unrunnable(), [[(1, "a.txt")]]))
