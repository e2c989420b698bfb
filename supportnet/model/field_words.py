"""What a problem with each text field says, as whole sentences.

A sentence names its field ("Please add a name.") and German needs the field in another case
in each sentence ("einen Namen", "im Namen"), so each field has its own four sentences rather
than one label glued into a pattern. Marked with ``N_``; :func:`model.text.check_text`
translates them when a problem is found.
"""

from __future__ import annotations

from dataclasses import dataclass

from supportnet.i18n import N_


@dataclass(frozen=True, slots=True)
class FieldWords:
    """The sentences for one field: ``missing`` (empty for a field that may stay empty),
    ``too_long`` (with ``{max}`` and ``{now}``), ``not_text`` and ``control``."""

    missing: str
    too_long: str
    not_text: str
    control: str


NAME = FieldWords(
    missing=N_("Please add a name."),
    too_long=N_("Please keep a name under {max} characters ({now} now)."),
    not_text=N_("Part of a name isn't valid text; please type it again."),
    control=N_("There's an invisible control character in a name."),
)
NICKNAME = FieldWords(
    missing="",
    too_long=N_("Please keep the nickname under {max} characters ({now} now)."),
    not_text=N_("Part of the nickname isn't valid text; please type it again."),
    control=N_("There's an invisible control character in the nickname."),
)
PRONOUNS = FieldWords(
    missing="",
    too_long=N_("Please keep the pronouns under {max} characters ({now} now)."),
    not_text=N_("Part of the pronouns isn't valid text; please type it again."),
    control=N_("There's an invisible control character in the pronouns."),
)
BEST_TIMES = FieldWords(
    missing="",
    too_long=N_("Please keep best times under {max} characters ({now} now)."),
    not_text=N_("Part of best times isn't valid text; please type it again."),
    control=N_("There's an invisible control character in best times."),
)
NOTES = FieldWords(
    missing="",
    too_long=N_("Please keep the notes under {max} characters ({now} now)."),
    not_text=N_("Part of the notes isn't valid text; please type it again."),
    control=N_("There's an invisible control character in the notes."),
)
TAG = FieldWords(
    missing="",
    too_long=N_("Please keep a tag under {max} characters ({now} now)."),
    not_text=N_("Part of a tag isn't valid text; please type it again."),
    control=N_("There's an invisible control character in a tag."),
)
CONTACT_DETAIL = FieldWords(
    missing="",
    too_long=N_("Please keep a contact detail under {max} characters ({now} now)."),
    not_text=N_("Part of a contact detail isn't valid text; please type it again."),
    control=N_("There's an invisible control character in a contact detail."),
)
MEETING_SCHEDULE = FieldWords(
    missing="",
    too_long=N_("Please keep the meeting schedule under {max} characters ({now} now)."),
    not_text=N_("Part of the meeting schedule isn't valid text; please type it again."),
    control=N_("There's an invisible control character in the meeting schedule."),
)
PLACE = FieldWords(
    missing="",
    too_long=N_("Please keep the place under {max} characters ({now} now)."),
    not_text=N_("Part of the place isn't valid text; please type it again."),
    control=N_("There's an invisible control character in the place."),
)
LINK = FieldWords(
    missing="",
    too_long=N_("Please keep the link under {max} characters ({now} now)."),
    not_text=N_("Part of the link isn't valid text; please type it again."),
    control=N_("There's an invisible control character in the link."),
)
TEAM_NAME = FieldWords(
    missing=N_("Please add the team's name."),
    too_long=N_("Please keep the team's name under {max} characters ({now} now)."),
    not_text=N_("Part of the team's name isn't valid text; please type it again."),
    control=N_("There's an invisible control character in the team's name."),
)
TEAM_NOTE = FieldWords(
    missing="",
    too_long=N_("Please keep the team note under {max} characters ({now} now)."),
    not_text=N_("Part of the team note isn't valid text; please type it again."),
    control=N_("There's an invisible control character in the team note."),
)
CHECK_IN_NOTE = FieldWords(
    missing="",
    too_long=N_("Please keep the note under {max} characters ({now} now)."),
    not_text=N_("Part of the note isn't valid text; please type it again."),
    control=N_("There's an invisible control character in the note."),
)
MESSAGE_IDEA = FieldWords(
    missing=N_("Please add a message idea."),
    too_long=N_("Please keep a message idea under {max} characters ({now} now)."),
    not_text=N_("Part of a message idea isn't valid text; please type it again."),
    control=N_("There's an invisible control character in a message idea."),
)
TITLE = FieldWords(
    missing="",
    too_long=N_("Please keep the title under {max} characters ({now} now)."),
    not_text=N_("Part of the title isn't valid text; please type it again."),
    control=N_("There's an invisible control character in the title."),
)
PLAN_MESSAGE_IDEA = FieldWords(
    missing="",
    too_long=N_("Please keep the message idea under {max} characters ({now} now)."),
    not_text=N_("Part of the message idea isn't valid text; please type it again."),
    control=N_("There's an invisible control character in the message idea."),
)
