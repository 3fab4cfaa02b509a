"""Dates as readers read them, keeping the precision the sources give."""

from __future__ import annotations

from ..core.fields import PartialDate

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def format_date(value: PartialDate | None) -> str:
    """'3 July 2024', 'July 2024', '2024', with 'c. ' for approximate dates."""
    if value is None:
        return "date unknown"
    text = str(value.year)
    if value.month:
        text = f"{MONTHS[value.month - 1]} {text}"
    if value.day:
        text = f"{value.day} {text}"
    return f"c. {text}" if value.approximate else text


def format_span(start: PartialDate | None, end: PartialDate | None) -> str:
    """A date range written once where it can be: '3–4 July 2024', '12–20 September 2021',
    '27 September – 10 November 2020', 'April–June 2024', '2016–2023'."""
    if start is None or end is None or end == start:
        return format_date(start)
    if start.approximate or end.approximate or (start.day is None) != (end.day is None):
        return f"{format_date(start)} – {format_date(end)}"
    if start.year == end.year and start.month and start.month == end.month and start.day and end.day:
        return f"{start.day}–{end.day} {MONTHS[start.month - 1]} {start.year}"
    if start.year == end.year and start.month and end.month:
        head = format_date(start).rsplit(" ", 1)[0]
        sep = " – " if start.day else "–"
        return f"{head}{sep}{format_date(end)}"
    if start.month is None and end.month is None:
        return f"{format_date(start)}–{format_date(end)}"
    return f"{format_date(start)} – {format_date(end)}"
