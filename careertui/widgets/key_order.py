"""Keys go to the widget focused once the keys before them are handled, at any typing speed."""

from __future__ import annotations

from collections import deque
from time import monotonic
from typing import Any

from textual import events
from textual.app import App
from textual.message_pump import MessagePump

# A key whose trip could not be followed to its end (a widget on its way went away) lets the
# next one go after this long, as Textual alone would: far longer than any key takes to handle,
# even a dialog opening on a busy machine, since a next key let go early may go astray.
KEY_TIMEOUT = 5.0

Route = list[MessagePump | None]


def as_typed(event: events.Key | events.Paste) -> list[events.Key | events.Paste]:
    """`event`, or escape and then the key, for an alt key that careertui binds to nothing.

    A terminal sends alt+2 as escape and 2, so escape typed fast before a key (leaving a field,
    then a step key) reads as alt+2; nothing here is bound to an alt key and a character.
    """
    if (not isinstance(event, events.Key) or not event.key.startswith("alt+")
            or not event.character or not event.character.isprintable()):
        return [event]
    return [events.Key("escape", "\x1b"), events.Key(event.key.removeprefix("alt+"),
                                                      event.character)]


class KeysInOrder(App[Any]):
    """An App that hands typed keys and pastes to its widgets one at a time.

    Textual gives each key at once to the widget focused when the key arrives, in that widget's
    own queue; the key then bubbles through the queue of each parent, and the bindings that are
    not `priority` (tab, a dialog's `a`) run only when it is back at the app. By then the keys
    typed after it were already given to the same widget: "Bob", tab, "RN" typed fast gave
    "BobRN" and an empty second field. Here the next key waits until the one before has been
    through every queue on its way, the app's bindings have run, and the screen now on top (a
    dialog the key opened) has set its focus. Text typed into a field goes on at once: the
    field takes it, so it cannot move the focus.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._waiting_keys: deque[events.Event] = deque()
        self._key_ticket = 0  # counts keys handed on; the one on its way is `_key_on_its_way`
        self._key_on_its_way: int | None = None
        self._key_sent_at = 0.0

    @property
    def keys_pending(self) -> int:
        """Keys and pastes received and not yet handled to the end."""
        return len(self._waiting_keys) + (self._key_on_its_way is not None)

    def on_mount(self) -> None:
        self.set_interval(KEY_TIMEOUT / 5, self._watch_keys)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            self._waiting_keys.extend(as_typed(event))
            if self._key_on_its_way is None:
                await self._hand_on_next_key()
            return
        await super().on_event(event)

    async def _hand_on_next_key(self) -> None:
        while self._waiting_keys and self._key_on_its_way is None:
            event = self._waiting_keys.popleft()
            target = self.focused or self.screen  # where Textual forwards it
            await super().on_event(event)
            if isinstance(event, events.Key) and target.check_consume_key(event.key,
                                                                          event.character):
                # Text for a field (a letter in an Input): it stops there, no binding runs and
                # the focus stays, so the next key may follow it at once (a paste stays fast).
                continue
            self._key_ticket += 1
            self._key_on_its_way = self._key_ticket
            self._key_sent_at = monotonic()
            # Through the target and its parents, back to the app (where the bindings run),
            # then the screen on top by then; the next key goes from the app's queue.
            route: Route = [node for node in target.ancestors_with_self if node is not self]
            route += [self, None]
            self._follow_key(self._key_ticket, route)

    def _follow_key(self, ticket: int, route: Route) -> None:
        """Run in each queue of `route` in turn, after the key, then let the next key go."""
        while route:
            stop = route.pop(0)
            node = self.screen if stop is None else stop
            if node.call_later(self._follow_key, ticket, route):
                return
        self.call_later(self._key_handled, ticket)

    async def _key_handled(self, ticket: int) -> None:
        if ticket == self._key_on_its_way:
            self._key_on_its_way = None
            await self._hand_on_next_key()

    async def _watch_keys(self) -> None:
        ticket = self._key_on_its_way
        if ticket is not None and monotonic() - self._key_sent_at > KEY_TIMEOUT:
            await self._key_handled(ticket)
