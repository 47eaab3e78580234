"""Where the per-document work runs: this process, a process pool, or Dask.

Every engine maps a job over batches of numbered inputs and yields outcomes in
input order. At most ``window`` batches are in flight at once, so the results
waiting for a slower predecessor (the reorder buffer) stay bounded however
large the corpus.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import AbstractContextManager, contextmanager
from itertools import islice
from typing import Any, Protocol, TypeVar

Batch = list[tuple[int, str]]
T = TypeVar("T")

#: Inputs per task: small for local processes (even load), larger for Dask
#: (each task costs the scheduler about a millisecond).
LOCAL_BATCH = 4
DASK_BATCH = 16
#: How often a worker process checks that its parent is still alive.
PARENT_CHECK_SECONDS = 1.0


class EngineError(Exception):
    """An engine cannot start or lost its workers; the message is one line."""


class _Future(Protocol):
    def result(self) -> Any: ...


Submit = Callable[[Callable[[Batch], list[T]], Batch], _Future]


def all_cores() -> int:
    """The number of cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last may be shorter)."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def ordered_map(
    submit: Submit, job: Callable[[Batch], list[T]], batches: Iterable[Batch], window: int
) -> Iterator[T]:
    """Submit ``job`` over ``batches``, at most ``window`` at a time; yield results in order."""
    pending: deque[_Future] = deque()
    for batch in batches:
        pending.append(submit(job, batch))
        if len(pending) >= window:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


@contextmanager
def in_process() -> Iterator[Callable[..., Iterator[Any]]]:
    """Run every batch here, one after the other (``--jobs 1``)."""

    def run(job: Callable[[Batch], list[T]], batches: Iterable[Batch]) -> Iterator[T]:
        for batch in batches:
            yield from job(batch)

    yield run


def _watch_parent(parent: int) -> None:
    """In a worker: leave Ctrl-C to the parent, and exit when the parent is gone.

    A worker blocks waiting for work, so a parent killed with ``kill -9`` would
    otherwise leave it running forever.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="watch-parent", daemon=True).start()


@contextmanager
def process_pool(jobs: int) -> Iterator[Callable[..., Iterator[Any]]]:
    """Run batches in ``jobs`` worker processes."""
    from concurrent.futures.process import BrokenProcessPool

    executor = ProcessPoolExecutor(
        max_workers=jobs, initializer=_watch_parent, initargs=(os.getpid(),)
    )

    def run(job: Callable[[Batch], list[T]], batches: Iterable[Batch]) -> Iterator[T]:
        try:
            yield from ordered_map(executor.submit, job, batches, window=4 * jobs)
        except BrokenProcessPool:
            raise EngineError(
                "a worker process died (out of memory?); rerun with --resume to go on"
            ) from None

    try:
        yield run
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


#: Dask settings for the local cluster: no per-task profiler and calmer monitors
#: (together about a tenth of the workers' CPU on a busy 2-core machine).
LOCAL_DASK_CONFIG: dict[str, object] = {
    "distributed.worker.profile.enabled": False,
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
}
_DASK_LOG_VARIABLE = "DASK_LOGGING__DISTRIBUTED"


@contextmanager
def _quiet_dask(local: bool) -> Iterator[None]:
    """Dask's own log lines off stderr (we report failures ourselves), local settings on.

    Worker processes read the logging level from the environment when they start.
    """
    import dask

    logger = logging.getLogger("distributed")
    level, saved = logger.level, os.environ.get(_DASK_LOG_VARIABLE)
    logger.setLevel(logging.CRITICAL)
    os.environ[_DASK_LOG_VARIABLE] = "critical"
    try:
        with dask.config.set(LOCAL_DASK_CONFIG if local else {}):
            yield
    finally:
        logger.setLevel(level)
        if saved is None:
            os.environ.pop(_DASK_LOG_VARIABLE, None)
        else:
            os.environ[_DASK_LOG_VARIABLE] = saved


@contextmanager
def dask_cluster(
    scheduler: str | None, workers: int, *, timeout: float = 10.0
) -> Iterator[Callable[..., Iterator[Any]]]:
    """Run batches on a Dask cluster: the one at ``scheduler``, else a local one.

    ``timeout`` bounds the wait for the scheduler (seconds).
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise EngineError(
            "--engine dask needs dask.distributed: pip install -e '.[dask]'"
        ) from None
    with _quiet_dask(local=scheduler is None):
        yield from _dask_run(Client, LocalCluster, scheduler, workers, timeout)


def _dask_run(
    client_type: Any, cluster_type: Any, scheduler: str | None, workers: int, timeout: float
) -> Iterator[Callable[..., Iterator[Any]]]:
    cluster = None
    try:
        if scheduler is None:
            cluster = cluster_type(n_workers=workers, threads_per_worker=1, dashboard_address=None)
            client = client_type(cluster)
        else:
            client = client_type(scheduler, timeout=f"{timeout}s")
    except Exception as error:  # refused, timed out, or worker processes that cannot start
        if cluster is not None:
            cluster.close()
        if scheduler is None:
            raise EngineError(f"cannot start a local Dask cluster: {error}") from None
        raise EngineError(f"cannot reach the Dask scheduler {scheduler}: {error}") from None
    if scheduler is not None:
        try:
            client.wait_for_workers(1, timeout=30)
        except TimeoutError:
            client.close()
            raise EngineError(f"no Dask worker joined the scheduler {scheduler} in 30 s") from None
    slots = max(1, sum(client.nthreads().values()))

    def submit(job: Callable[[Batch], list[T]], batch: Batch) -> _Future:
        return client.submit(job, batch, pure=False)

    def run(job: Callable[[Batch], list[T]], batches: Iterable[Batch]) -> Iterator[T]:
        from distributed import KilledWorker

        try:
            yield from ordered_map(submit, job, batches, window=4 * slots)
        except KilledWorker:
            raise EngineError(
                "Dask workers died on a batch (out of memory?); rerun with --resume to go on"
            ) from None
        except Exception as error:  # a worker could not run the job at all
            raise EngineError(
                f"a Dask task failed ({type(error).__name__}: {error}); is the same timeline "
                "installed on every worker (pip install -e '.[dask]')?"
            ) from None

    try:
        yield run
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def open_engine(
    engine: str, *, jobs: int, scheduler: str | None = None
) -> AbstractContextManager[Callable[..., Iterator[Any]]]:
    """The engine named ``engine`` (``local`` or ``dask``) as a context manager."""
    if engine == "dask":
        return dask_cluster(scheduler, jobs)
    if jobs == 1:
        return in_process()
    return process_pool(jobs)


def batch_size(engine: str) -> int:
    """Inputs per task for ``engine``."""
    return DASK_BATCH if engine == "dask" else LOCAL_BATCH
