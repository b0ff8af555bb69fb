"""Keys go to the widget focused once the keys before them are handled, at any typing speed."""

from __future__ import annotations

from collections import deque
from typing import Any

from textual import events
from textual.app import App
from textual.message_pump import MessagePump

# A key whose trip could not be followed to its end (its widget went away) lets the next one go
# after at most two ticks of this watchdog, as Textual alone would.
WATCHDOG_SECONDS = 1.0

Route = list[MessagePump | None]


class KeysInOrder(App[Any]):
    """An App that hands typed keys and pastes to its widgets one at a time.

    Textual gives each key at once to the widget focused when the key arrives, in that widget's
    own queue; the key then bubbles through the queue of each parent, and the bindings that are
    not `priority` (tab, a dialog's `a`) run only when it is back at the app. By then the keys
    typed after it were already given to the same widget: "Bob", tab, "RN" typed fast gave
    "BobRN" and an empty second field. Here the next key waits until the one before has been
    through every queue on its way, the app's bindings have run, and the screen now on top (a
    dialog the key opened) has set its focus.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._waiting_keys: deque[events.Event] = deque()
        self._key_ticket = 0  # counts keys handed on; the one on its way is `_key_on_its_way`
        self._key_on_its_way: int | None = None
        self._watched_ticket: int | None = None

    @property
    def keys_pending(self) -> int:
        """Keys and pastes received and not yet handled to the end."""
        return len(self._waiting_keys) + (self._key_on_its_way is not None)

    def on_mount(self) -> None:
        self.set_interval(WATCHDOG_SECONDS, self._watch_keys)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            self._waiting_keys.append(event)
            if self._key_on_its_way is None:
                await self._hand_on_next_key()
            return
        await super().on_event(event)

    async def _hand_on_next_key(self) -> None:
        if not self._waiting_keys:
            return
        event = self._waiting_keys.popleft()
        self._key_ticket += 1
        ticket = self._key_on_its_way = self._key_ticket
        target = self.focused or self.screen  # where Textual forwards it
        await super().on_event(event)
        # Through the target and its parents, back to the app (where the bindings run), then
        # the screen on top by then; the next key goes from the app's queue.
        route: Route = [node for node in target.ancestors_with_self if node is not self]
        route += [self, None]
        self._follow_key(ticket, route)

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
        if ticket is not None and ticket == self._watched_ticket:
            await self._key_handled(ticket)
        self._watched_ticket = self._key_on_its_way
