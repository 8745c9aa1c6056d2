"""The desk calendar's contents: month grids with Korean public holidays (from the maintained
`holidays` library, not from our code) and the items in season to feature each month."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date

import holidays

from ..model.catalog import Catalog, Item

PER_MONTH = 2
WEEKDAYS = ("일", "월", "화", "수", "목", "금", "토")


@dataclass(frozen=True)
class Day:
    day: int  # 0 = a blank cell before the 1st or after the last day
    weekday: int  # 0 = Sunday
    holiday: str = ""
    also: Day | None = None
    """The day a week later that shares this cell ("23/30"): a month of six weeks is set in five."""


def five_weeks(weeks: list[tuple[Day, ...]]) -> tuple[tuple[Day, ...], ...]:
    """A month's weeks in five rows, as desk calendars set them: a sixth week's days (only the
    30th and 31st) share the cells of the week before (a row of two days stood under the month)."""
    if len(weeks) <= 5:
        return tuple(weeks)
    *rest, fifth, sixth = weeks
    shared = tuple(replace(d, also=late) if late.day else d for d, late in zip(fifth, sixth, strict=True))
    return (*rest, shared)


@dataclass(frozen=True)
class Glance:
    """A month beside the month shown, small (the month before and after, as desk calendars
    print them in the corner): its weeks as they fall, six rows at most."""

    year: int
    number: int
    weeks: tuple[tuple[Day, ...], ...]


@dataclass(frozen=True)
class Month:
    number: int
    weeks: tuple[tuple[Day, ...], ...]
    featured: tuple[Item, ...]
    tip: str
    around: tuple[Glance, ...] = ()
    """The month before and the month after."""


def calendar_year(catalog: Catalog) -> int:
    """The configured year, or the year after the build date (desk calendars go out in autumn)."""
    return catalog.print_settings.calendar.year or catalog.settings.date.year + 1


def in_season(item: Item, month: int) -> bool:
    months = item.product.months
    return not months or month in months


def featured(items: list[Item], per_month: int = PER_MONTH) -> dict[int, list[Item]]:
    """Items to feature, per month: each in season that month; each item at most once while
    there are enough; the months with the fewest candidates choose first; seasonal items
    before year-round ones. Every month gets one item if the catalog has any."""
    candidates = {
        m: sorted((i for i in items if in_season(i, m)), key=lambda i: (len(i.product.months) or 13, i.uid))
        for m in range(1, 13)
    }
    chosen: dict[int, list[Item]] = {m: [] for m in range(1, 13)}
    used: set[str] = set()
    for round_ in range(per_month):
        for month in sorted(chosen, key=lambda m: (len(candidates[m]), m)):
            fresh = [i for i in candidates[month] if i.uid not in used]
            if not fresh and round_ == 0:  # small catalogs: better a repeat than an empty month
                fresh = candidates[month] or sorted(items, key=lambda i: i.uid)
            if fresh:
                chosen[month].append(fresh[0])
                used.add(fresh[0].uid)
    return chosen


def day_label(name: str) -> str:
    """A holiday's name as desk calendars print it, short enough for one line of a day's cell:
    '설날 대체 휴일' is '대체공휴일' (the day before says which), '신정연휴' is '신정', an election
    day '국회의원선거', and two holidays on one day '개천절·추석'."""
    if ";" in name:
        return "·".join(day_label(part.strip()) for part in name.split(";"))
    if name.endswith("대체 휴일"):
        return "대체공휴일"
    if name.endswith("선거일"):
        return name[:-1].replace(" ", "")
    return {"신정연휴": "신정"}.get(name, name)


def months(catalog: Catalog) -> tuple[int, tuple[Month, ...]]:
    year = calendar_year(catalog)
    days_off = holidays.country_holidays("KR", years=(year - 1, year, year + 1), language="ko")
    picks = featured(list(catalog.items))
    tips = catalog.print_settings.calendar.tips
    grid = calendar.Calendar(firstweekday=6)  # weeks start on Sunday, as Korean desk calendars do

    def glance(number: int) -> Glance:  # month 0 is the December before, 13 the January after
        y, n = (year - 1, 12) if number == 0 else (year + 1, 1) if number == 13 else (year, number)
        return Glance(
            y,
            n,
            tuple(
                tuple(Day(d, wd, day_label(days_off.get(date(y, n, d), "")) if d else "") for wd, d in enumerate(week))
                for week in grid.monthdayscalendar(y, n)
            ),
        )

    # each month worked out once: the year's twelve and the one on either side of it (each month's
    # weeks were worked out again as its neighbours' small months)
    shown = [glance(number) for number in range(14)]
    out = []
    for number in range(1, 13):
        tip = tips[number - 1] if number <= len(tips) else ""
        around = (shown[number - 1], shown[number + 1])
        out.append(Month(number, five_weeks(list(shown[number].weeks)), tuple(picks[number]), tip, around))
    return year, tuple(out)
