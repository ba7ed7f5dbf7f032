"""A terminal table of events: one line per event (date, actor, type, recipient, place, trigger)."""

from __future__ import annotations

from typing import TextIO

from lagebild.model import Article


def _codes(refs: list) -> str:
    return "+".join(r.code for r in refs) or "-"


def print_events_table(article: Article, out: TextIO) -> None:
    from rich.console import Console
    from rich.table import Table

    title = article.title or article.id
    table = Table(title=f"{title} ({article.date or 'no date'}): {len(article.events)} events", show_lines=False)
    for col in ("date", "actor", "type/mode", "cameo", "recipient", "place", "modality", "trigger"):
        table.add_column(col, overflow="fold")
    for e in article.events:
        table.add_row(e.date.value if e.date and e.date.value else "-", _codes(e.actor),
                      f"{e.plover_type}/{e.plover_mode or '-'}", e.cameo_code, _codes(e.recipient),
                      f"{e.location.name} ({e.location.country})" if e.location else "-", e.modality, e.trigger.text)
    Console(file=out, width=160).print(table)
    if article.reasons:
        Console(file=out, width=160).print(f"[dim]{len(article.reasons)} trigger(s) not coded; see --format json "
                                           "'reasons'[/dim]")
