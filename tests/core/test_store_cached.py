"""store.cached, the one caching helper: keyed by the warehouse version and the arguments."""

from __future__ import annotations

import pandas as pd

from dashboard.core import store

CALLS: list[tuple] = []


@store.cached(max_entries=10)
def frame(n: int) -> pd.DataFrame:
    CALLS.append(("frame", n))
    return pd.DataFrame({"n": [n]})


@store.cached(max_entries=10, keep_object=True)
def kept(n: int) -> dict:
    CALLS.append(("kept", n))
    return {"n": n}


@store.cached(max_entries=10)
def other(n: int) -> pd.DataFrame:  # same source shape as `frame`: must not share its cache
    CALLS.append(("other", n))
    return pd.DataFrame({"n": [n * 10]})


def test_cached_per_version_and_arguments(monkeypatch):
    version = ["v1"]
    monkeypatch.setattr(store, "version", lambda: version[0])
    for f in (frame, kept, other):
        f.clear()
    CALLS.clear()
    assert frame(1)["n"].iloc[0] == 1 and frame(1)["n"].iloc[0] == 1
    assert CALLS == [("frame", 1)]  # the second call came from the cache
    assert other(1)["n"].iloc[0] == 10  # another function with the same arguments has its own entry
    frame(2)
    assert CALLS[-1] == ("frame", 2)
    version[0] = "v2"  # an import swapped a new warehouse in
    frame(1)
    assert CALLS[-1] == ("frame", 1) and len(CALLS) == 4


def test_callers_get_copies_unless_the_object_is_kept(monkeypatch):
    monkeypatch.setattr(store, "version", lambda: "v")
    frame.clear()
    kept.clear()
    a = frame(3)
    a.loc[0, "n"] = 99
    assert frame(3)["n"].iloc[0] == 3  # st.cache_data: changing one's copy changes nobody else's
    assert kept(3) is kept(3)  # keep_object: the object itself (figures)


def test_uncached_is_the_plain_function():
    CALLS.clear()
    assert frame.uncached(5)["n"].iloc[0] == 5
    assert frame.uncached(5)["n"].iloc[0] == 5
    assert CALLS == [("frame", 5), ("frame", 5)]
