"""The rakor page's data: the material of the current filters and the deck and brief files made from it, each
cached per warehouse version (the deck is built when its download button is clicked)."""

from __future__ import annotations

from dashboard.core import store
from dashboard.rakor import content as rakor_content
from dashboard.rakor import deck_pdf, deck_pptx


@store.cached(max_entries=20)
def material(periode: str, kab: str | None, language: str) -> rakor_content.Bahan:
    return rakor_content.bahan(periode, kab, language)


@store.cached(max_entries=10)
def pptx_bytes(periode: str, kab: str | None, language: str) -> bytes:
    return deck_pptx.build(material(periode, kab, language))


@store.cached(max_entries=10)
def pdf_bytes(periode: str, kab: str | None, language: str) -> bytes:
    return deck_pdf.build(material(periode, kab, language))
