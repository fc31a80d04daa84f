"""The "What's on" filters, read from the query string and bounded: bad input is ignored."""

from dataclasses import dataclass

from events.models import REGIONS, AttendanceMode, Audience

KINDS = [("event", "Events"), ("course", "Training courses")]
ATTENDANCE = [("online", "Online"), ("in-person", "In person")]
AUDIENCES = [(Audience.DIGITAL_TEAMS.value, "Digital teams"), (Audience.LEADERS.value, "Leaders")]
WHEN = [("upcoming", "Upcoming"), ("past", "Past events")]
MAX_VALUE_LENGTH = 60


def chosen(query, name: str, choices) -> tuple[str, ...]:
    allowed = {value for value, _label in choices}
    values = [str(value)[:MAX_VALUE_LENGTH] for value in query.getlist(name)[: len(allowed) * 2]]
    return tuple(dict.fromkeys(value for value in values if value in allowed))


@dataclass(frozen=True)
class WhatsOnFilters:
    kind: tuple[str, ...] = ()
    attendance: tuple[str, ...] = ()
    region: tuple[str, ...] = ()
    audience: tuple[str, ...] = ()
    when: str = "upcoming"

    @classmethod
    def from_query(cls, query) -> "WhatsOnFilters":
        when = chosen(query, "when", WHEN)
        return cls(
            kind=chosen(query, "kind", KINDS),
            attendance=chosen(query, "attendance", ATTENDANCE),
            region=chosen(query, "region", REGIONS),
            audience=chosen(query, "audience", AUDIENCES),
            when=when[0] if when else "upcoming",
        )

    @property
    def is_past(self) -> bool:
        return self.when == "past"

    @property
    def active(self) -> bool:
        return bool(self.kind or self.attendance or self.region or self.audience)

    def attendance_modes(self) -> set[str]:
        """Hybrid events are both online and in person."""
        modes = set()
        if "online" in self.attendance:
            modes |= {AttendanceMode.ONLINE, AttendanceMode.HYBRID}
        if "in-person" in self.attendance:
            modes |= {AttendanceMode.IN_PERSON, AttendanceMode.HYBRID}
        return modes

    def groups(self):
        """(parameter, legend, [(value, label, checked)]) for the filter form."""
        return [
            ("kind", "Type", [(v, label, v in self.kind) for v, label in KINDS]),
            (
                "attendance",
                "Online or in person",
                [(v, label, v in self.attendance) for v, label in ATTENDANCE],
            ),
            ("audience", "Audience", [(v, label, v in self.audience) for v, label in AUDIENCES]),
            ("region", "Region", [(v, label, v in self.region) for v, label in REGIONS]),
        ]
