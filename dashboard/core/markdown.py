"""Imported or user-supplied text shown through Streamlit's Markdown (st.markdown, st.caption, st.info, ...) as plain
text: :func:`escape` is the one helper every page uses for such text (event names and notes, file names, user names,
e-mails, codes from a file).

Streamlit renders these elements as GitHub-flavoured Markdown: ``[x](url)`` and ``![x](url)`` become links and
images, bare ``http://``, ``www.`` and e-mail addresses are auto-linked, ``:red[...]``, ``:material/x:`` and
``:emoji:`` are directives, and ``<...>`` may be HTML. Escaping every ASCII punctuation mark that takes part in any of
these (CommonMark lets any ASCII punctuation be escaped with a backslash, which renders as the mark itself) and
folding line breaks into spaces leaves the text exactly as written, inert.
"""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#!|~$:@&])")
_BREAKS = re.compile(r"[\r\n\t\u2028\u2029]+")
_LIST_START = re.compile(r"^(\s*)([-+]|\d+[.)])(?=\s)")  # "- x", "+ x", "1. x" at the start would be a list
_WWW = re.compile(r"(?i)\b(www)\.")  # "www.example.org" is auto-linked without any other mark


def escape(text: object) -> str:
    """``text`` made inert for Streamlit's Markdown: no links, auto-links, images, HTML, directives, lists or headings.
    Digits, dots, commas and hyphens inside the text stay as they are (they take part in nothing but list starts)."""
    out = _SPECIAL.sub(r"\\\1", _BREAKS.sub(" ", str(text)))
    out = _WWW.sub(r"\1\\.", out)
    return _LIST_START.sub(lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], out)
