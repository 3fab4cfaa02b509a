"""The meetings as an iCalendar file, written with the `icalendar` package.

A meeting whose day is not known is left out: a calendar entry would invent one. An
announced meeting (`status: planned`) is TENTATIVE; the others are CONFIRMED.
"""

from __future__ import annotations

from datetime import timedelta

import icalendar

from ..core.dataset import Dataset
from ..pages.dates import format_span
from . import licence
from .edition import Edition


def meetings_calendar(data: Dataset, edition: Edition) -> str:
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//{edition.site_name}//meetings//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"{edition.site_name}: meetings")
    cal.add("x-wr-caldesc", licence.notice(edition.site_name))  # iCalendar has no licence property
    uid_host = edition.host or "three-brothers-briefing"
    for m in sorted(data.meetings.values(), key=lambda m: m.start.earliest):
        if m.start.day is None or (m.end is not None and m.end.day is None):
            continue
        event = icalendar.Event()
        event.add("uid", f"{m.id}@{uid_host}")
        event.add("dtstamp", edition.date)
        event.add("dtstart", m.start.earliest)
        event.add("dtend", (m.end or m.start).earliest + timedelta(days=1))  # exclusive end
        event.add("summary", m.title)
        event.add("status", "TENTATIVE" if m.status == "planned" else "CONFIRMED")  # planned: announced
        event.add("location", m.place.name)
        event.add("description", f"{m.summary or m.title} ({format_span(m.start, m.end)})")
        page = edition.url(f"meetings/{m.id}/")
        if page:
            event.add("url", page)
        cal.add_component(event)
    return cal.to_ical().decode("utf-8")
