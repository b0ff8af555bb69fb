"""Who you are, at the top of step 1: name, role, organisation, education and preparation."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Label, Select

from careertui.model.plan import Profile
from careertui.model.validation import required_text
from careertui.widgets.forms import Field

# Field id -> the Profile attribute it edits.
_TEXT_FIELDS = {
    "profile-name": "name",
    "profile-role": "current_role",
    "profile-organisation": "organisation",
}


# Select id -> (label, the Profile attribute it edits).
_CHOICES = {
    "profile-education": ("Your education", "education_level"),
    "profile-job-zone": ("Your job zone", "job_zone"),
}


class ProfileForm(Horizontal):
    """Edits a Profile in place and posts `ProfileForm.Changed` with the attribute that changed."""

    # Two rows: name, role and organisation, then the choices; a wide screen sets grid-size 5
    # for one row. The lists of choices may be wider than their box, so long names do not wrap.
    DEFAULT_CSS = """
    ProfileForm { layout: grid; grid-size: 3; grid-rows: auto; grid-gutter: 0 1; height: auto; }
    ProfileForm > Vertical { height: auto; }
    ProfileForm > Field { margin-bottom: 0; }
    ProfileForm > Vertical > Label { color: $text-muted; }
    ProfileForm SelectOverlay { min-width: 36; }
    """

    class Changed(Message):
        def __init__(self, profile: Profile, attribute: str) -> None:
            super().__init__()
            self.profile = profile
            self.attribute = attribute

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._profile = Profile()
        self._choices: dict[str, dict[int, str]] = {select_id: {} for select_id in _CHOICES}

    def compose(self) -> ComposeResult:
        yield Field("Your name", check=lambda text: required_text(text, "Your name"),
                    id="profile-name")
        yield Field("Current role", check=str.strip, id="profile-role")
        yield Field("Organisation", check=str.strip, id="profile-organisation")
        for select_id, (label, _) in _CHOICES.items():
            with Vertical():
                yield Label(label)
                yield Select([], prompt="Not set", id=select_id)

    def set_choices(self, education_levels: dict[int, str], job_zones: dict[int, str]) -> None:
        """The O*NET education categories and job zones to choose from, once loaded."""
        self._choices = {"profile-education": education_levels, "profile-job-zone": job_zones}
        with self.prevent(Select.Changed):
            for select_id, labels in self._choices.items():
                options = [(label, value) for value, label in labels.items()]
                self.query_one(f"#{select_id}", Select).set_options(options)
        self._show_choices()

    def show(self, profile: Profile) -> None:
        self._profile = profile
        for field_id, attribute in _TEXT_FIELDS.items():
            self.query_one(f"#{field_id}", Field).set_text(getattr(profile, attribute))
        self._show_choices()

    def _show_choices(self) -> None:
        with self.prevent(Select.Changed):
            for select_id, (_, attribute) in _CHOICES.items():
                select = self.query_one(f"#{select_id}", Select)
                value = getattr(self._profile, attribute)
                if value in self._choices[select_id]:
                    select.value = value
                else:
                    select.clear()

    def on_field_changed(self, event: Field.Changed) -> None:
        event.stop()
        attribute = _TEXT_FIELDS[event.field.id or ""]
        setattr(self._profile, attribute, event.value)
        self.post_message(self.Changed(self._profile, attribute))

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        attribute = _CHOICES[event.select.id or ""][1]
        setattr(self._profile, attribute, None if event.value is Select.NULL else event.value)
        self.post_message(self.Changed(self._profile, attribute))
