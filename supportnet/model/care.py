"""Care teams: supporters who take turns checking in on one focus person, on a rota.

A team centres on a focus person: someone in the network (by uid) or the user themself
(:data:`ME`). Its supporters are people in the network and perhaps the user. The rota is a
list of slots; each slot's timing is a :class:`Plan` (fixed, flexible or one-off, with its
time zone), its ``uid`` the slot's stable identity (calendar UIDs are made from it), and
its target unused (the team's focus person is whom every slot is with). A swap hands one
date of a slot's series to another supporter (or leaves it open) without changing the rest.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from supportnet.i18n import N_, _
from supportnet.model import field_words as fields
from supportnet.model.errors import Problem
from supportnet.model.network import new_uid, raise_problems
from supportnet.model.plans import Plan, PlanKind
from supportnet.model.text import NAME_MAX, NOTE_MAX, check_text, clean_line, clean_note

#: The user, as a team's focus person or as one of its supporters.
ME = "me"
#: What the user is called on a rota (marked: compare untranslated, show through ``_()``).
YOU = N_("You")
#: How someone taken out of the network reads on a team (their uid stays, their name goes).
NOT_IN_NETWORK = N_("Someone no longer in your network")
#: How many days without a check-in the team is comfortable with, by default, and at most.
DEFAULT_COMFORTABLE_GAP_DAYS = 2
MAX_COMFORTABLE_GAP_DAYS = 60

#: Why a flexible check-in's date can't be swapped: it has no fixed dates (it moves with the
#: last contact), so a swap of one would go astray the day it moved.
FLEXIBLE_SWAP = N_("Flexible check-ins move with the last contact; change who takes it instead.")

#: Who takes a slot: a person's uid, :data:`ME`, or None for an open slot (nobody yet).
SupporterRef = str | None


@dataclass(slots=True)
class RotaSlot:
    """One recurring (or one-off) check-in on the rota, taken by ``supporter``."""

    plan: Plan
    supporter: SupporterRef = None

    @property
    def uid(self) -> str:
        return self.plan.uid

    @property
    def is_open(self) -> bool:
        return self.supporter is None

    def problems(self) -> list[Problem]:
        # The plan's target is the team's focus person, not the plan's own fields.
        return [p for p in self.plan.problems() if p.field != "target"]


@dataclass(frozen=True, slots=True)
class SlotSwap:
    """On ``on`` (the occurrence's local date), ``slot_uid`` is taken by ``supporter``."""

    slot_uid: str
    on: date
    supporter: SupporterRef


@dataclass(slots=True)
class CareTeam:
    """A focus person, their supporters in order, a shared note and the rota."""

    name: str
    focus: str
    supporters: list[str] = field(default_factory=list)
    note: str = ""
    comfortable_gap_days: int = DEFAULT_COMFORTABLE_GAP_DAYS
    slots: list[RotaSlot] = field(default_factory=list)
    swaps: list[SlotSwap] = field(default_factory=list)
    id: int | None = None
    uid: str = field(default_factory=new_uid)
    created_at: datetime | None = None
    updated_at: datetime | None = None

    def normalised(self) -> CareTeam:
        """Trim the words in place (and the slots' plans) and return self."""
        self.name = clean_line(self.name)
        self.note = clean_note(self.note)
        for slot in self.slots:
            slot.plan.normalised()
        return self

    def refs(self) -> set[str]:
        """Everyone the team names (uids, or :data:`ME`): its focus, its supporters and
        whoever a slot or a swap gives a check-in to."""
        refs = {self.focus, *self.supporters}
        refs |= {s.supporter for s in self.slots if s.supporter}
        refs |= {s.supporter for s in self.swaps if s.supporter}
        return refs

    def slot(self, uid: str) -> RotaSlot | None:
        return next((slot for slot in self.slots if slot.uid == uid), None)

    def swap_on(self, slot_uid: str, on: date) -> SlotSwap | None:
        return next((s for s in self.swaps if s.slot_uid == slot_uid and s.on == on), None)

    def without_supporter(self, ref: str) -> CareTeam:
        """This team with ``ref`` gone: their slots and swapped dates become open.

        Nothing else is lost: the slots, their timing and the other swaps stay.
        """
        self.supporters = [s for s in self.supporters if s != ref]
        for slot in self.slots:
            if slot.supporter == ref:
                slot.supporter = None
        self.swaps = [
            SlotSwap(s.slot_uid, s.on, None) if s.supporter == ref else s for s in self.swaps
        ]
        return self

    def problems(self) -> list[Problem]:
        """Everything wrong with this team, one message per problem."""
        problems: list[Problem] = []
        check_text(
            problems, "name", self.name, says=fields.TEAM_NAME, max_len=NAME_MAX, required=True
        )
        check_text(
            problems, "note", self.note, says=fields.TEAM_NOTE, max_len=NOTE_MAX, multiline=True
        )
        if not self.focus:
            problems.append(Problem("focus", _("Choose whom the team is there for.")))
        if self.focus in self.supporters:
            problems.append(
                Problem("supporters", _("The person the team is for can't also be a supporter."))
            )
        if len(set(self.supporters)) != len(self.supporters):
            problems.append(Problem("supporters", _("Each supporter is on the team once.")))
        if not 0 <= self.comfortable_gap_days <= MAX_COMFORTABLE_GAP_DAYS:
            problems.append(
                Problem(
                    "comfortable_gap_days",
                    _("Choose a gap from 0 to {most} days.").format(most=MAX_COMFORTABLE_GAP_DAYS),
                )
            )
        members = set(self.supporters)
        uids = [slot.uid for slot in self.slots]
        if len(set(uids)) != len(uids):
            problems.append(Problem("slots", _("Each check-in is on the rota once.")))
        for slot in self.slots:
            if slot.supporter is not None and slot.supporter not in members:
                problems.append(Problem("slots", _("A check-in's supporter must be on the team.")))
            problems.extend(slot.problems())
        known = set(uids)
        flexible = {slot.uid for slot in self.slots if slot.plan.kind is PlanKind.FLEXIBLE}
        seen: set[tuple[str, date]] = set()
        for swap in self.swaps:
            if swap.slot_uid not in known:
                problems.append(
                    Problem("swaps", _("A swap must belong to a check-in on the rota."))
                )
            if swap.slot_uid in flexible:
                problems.append(Problem("swaps", _(FLEXIBLE_SWAP)))
            if swap.supporter is not None and swap.supporter not in members:
                problems.append(Problem("swaps", _("A swap's supporter must be on the team.")))
            if (swap.slot_uid, swap.on) in seen:
                problems.append(Problem("swaps", _("A check-in's date is swapped once.")))
            seen.add((swap.slot_uid, swap.on))
        return problems

    def validate(self) -> None:
        """Raise :class:`ValidationError` naming the first problem, carrying all of them."""
        raise_problems(self.problems())
