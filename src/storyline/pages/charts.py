"""The geometry of the pages' charts, computed once in the view layer so the server, the
static report and the JSON twin agree: a story's visual timeline (a dated axis, one mark per
entry sized by its support and coloured by its kind, background dated before the story kept
in its own strand) and an entity's mentions for every month of its span."""

from __future__ import annotations

from datetime import date, timedelta

from storyline.model.analyses import TimelineEntry
from storyline.pages.shapes import Chart, Mark, MonthBar, Tick
from storyline.store.rows import MonthCount

WIDTH, PAD = 800, 72  # the left margin holds the lanes' names
LANES = ("happened", "said", "planned")
BACKGROUND_DAYS = 30  # entries dated this long before the story's first report are background


def _day(value: str | None) -> date | None:
    """A timeline date ("2010-01-13", "2010-01", "2010") as a day (mid-month, mid-year)."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        if len(parts) >= 3:
            return date(int(parts[0]), int(parts[1]), int(parts[2]))
        if len(parts) == 2:
            return date(int(parts[0]), int(parts[1]), 15)
        return date(int(parts[0]), 7, 1)
    except ValueError:
        return None


def _ticks(start: date, end: date, count: int = 6) -> list[date]:
    days = max((end - start).days, 1)
    return [start + timedelta(days=round(days * k / (count - 1))) for k in range(count)]


def story_chart(timeline: list[TimelineEntry], first_date: str | None, last_date: str | None) -> Chart:
    """Marks and axis of a story's timeline (x in a 0–800 view box), and the indices of the
    background entries (dated over ``BACKGROUND_DAYS`` before the story's first report)."""
    first, last = _day(first_date), _day(last_date)
    dated = [(i, _day(e["date"])) for i, e in enumerate(timeline)]
    background = [i for i, d in dated if d and first and d < first - timedelta(days=BACKGROUND_DAYS)]
    shown = [(i, d) for i, d in dated if d and i not in background]
    if not shown:
        return Chart(marks=[], ticks=[], background=background, lanes=list(LANES))
    lo = min([d for _, d in shown] + ([first] if first else []))
    hi = max([d for _, d in shown] + ([last] if last else []))
    if hi == lo:
        lo, hi = lo - timedelta(days=1), hi + timedelta(days=1)
    span = (hi - lo).days

    def x(d: date) -> float:
        return round(PAD + (WIDTH - PAD - 24) * (d - lo).days / span, 1)

    marks = []
    for i, d in shown:
        e = timeline[i]
        support = (e.get("known_outlets") or 0) + (e.get("unknown_articles") or 0) or e.get("support") or 1
        kind = e["kind"] if e.get("kind") in LANES else "happened"
        marks.append(
            Mark(
                entry=i,
                x=x(d),
                y=20 + 26 * LANES.index(kind),
                r=round(min(4 + 3 * (support - 1) ** 0.5, 14), 1),
                kind=kind,
                date=e["date"],
                support=support,
                text=(e.get("text") or "")[:140],
            )
        )
    long = span > 120
    ticks = [Tick(x=x(t), label=t.strftime("%b %Y") if long else t.isoformat()) for t in _ticks(lo, hi)]
    return Chart(
        marks=marks, ticks=ticks, background=background, lanes=list(LANES), left=PAD, right=WIDTH - 8
    )


MAX_BARS = 120  # more months than this are shown as years


def every_month(months: list[MonthCount], max_bars: int = MAX_BARS) -> list[MonthBar]:
    """An entity's months from its first to its last, the empty ones included (0 articles);
    a span of more than ``max_bars`` months as its years. Each bar has ``label`` (the month,
    or the year) and ``year`` (set where a new year starts, for the axis's second line)."""
    have = {m["month"]: m["articles"] for m in months if m.get("month") and len(m["month"]) >= 7}
    if not have:
        return []
    first, last = min(have), max(have)
    y0, m0, y1, m1 = int(first[:4]), int(first[5:7]), int(last[:4]), int(last[5:7])
    if (y1 - y0) * 12 + m1 - m0 + 1 > max_bars:
        years: dict[str, int] = {}
        for key, n in have.items():
            years[key[:4]] = years.get(key[:4], 0) + n
        return [
            MonthBar(month=f"{y:04d}", articles=years.get(f"{y:04d}", 0), label=f"{y:04d}", year="")
            for y in range(y0, y1 + 1)
        ]
    out: list[MonthBar] = []
    y, m = y0, m0
    while (y, m) <= (y1, m1):
        key = f"{y:04d}-{m:02d}"
        start = not out or m == 1
        out.append(
            MonthBar(month=key, articles=have.get(key, 0), label=f"{m:02d}", year=f"{y:04d}" if start else "")
        )
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out
