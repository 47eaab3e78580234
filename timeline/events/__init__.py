"""The events stage: sentences and timexes in, dated events with short titles out.

Public API (the pipeline calls exactly these):

* :func:`build_events` -- events of tagged documents, merged across documents,
  sorted, numbered ``e1``, ``e2``, ...
* :func:`split_sentences` -- sentence spans of a text.
"""

from timeline.events.build import build_events
from timeline.events.segment import split_sentences

__all__ = ["build_events", "split_sentences"]
