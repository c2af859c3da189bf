"""The normalizer of each pattern kind: from a matched pattern to a TIMEX3
(type, value), resolved against the publication date, the last mentioned day
and the tense of the clause.
"""

from __future__ import annotations

from collections.abc import Callable

from .amounts import (
    clock,
    duration_kind,
    half_duration,
    long_duration,
    reference,
    set_every,
    set_kind,
    that_period,
    vague_duration,
    vague_period,
)
from .context import Context, Value
from .dates import (
    ago,
    anaphoric_day,
    century,
    day_around,
    day_of_month,
    day_offset,
    decade,
    deictic,
    deictic_part,
    holiday,
    in_the_week,
    iso_date,
    month,
    month_day,
    month_year,
    nth_weekday,
    ordinal_day,
    part_of_day,
    relative_unit,
    season,
    that_unit,
    week_of,
    weekday,
    weekend,
    whole_unit,
    year,
)
from .grammar import Candidate
from .periods import half, quarter, quarter_ref, the_year, year_end

__all__ = ["NORMALIZERS", "Context", "Value"]

NORMALIZERS: dict[str, Callable[[Candidate, Context], Value | None]] = {
    "month_day": month_day,
    "iso_date": iso_date,
    "month_year": month_year,
    "month": month,
    "nth_weekday": nth_weekday,
    "season": season,
    "year": year,
    "decade": decade,
    "century": century,
    "holiday": holiday,
    "weekday": weekday,
    "deictic": deictic,
    "deictic_part": deictic_part,
    "day_offset": day_offset,
    "day_around": day_around,
    "day_of_month": day_of_month,
    "anaphoric_day": anaphoric_day,
    "ordinal_day": ordinal_day,
    "part_of_day": part_of_day,
    "relative_unit": relative_unit,
    "whole_unit": whole_unit,
    "week_of": week_of,
    "in_the_week": in_the_week,
    "the_year": the_year,
    "that_unit": that_unit,
    "year_end": year_end,
    "weekend": weekend,
    "quarter": quarter,
    "half": half,
    "quarter_ref": quarter_ref,
    "ago": ago,
    "duration": duration_kind,
    "half_duration": half_duration,
    "long_duration": long_duration,
    "vague_duration": vague_duration,
    "vague_period": vague_period,
    "that_period": that_period,
    "reference": reference,
    "set": set_kind,
    "set_every": set_every,
    "clock": clock,
}
