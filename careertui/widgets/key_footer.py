"""Textual's Footer, composed again only when the keys it shows have changed."""

from __future__ import annotations

from collections.abc import Hashable

from textual.widgets import Footer


class KeyFooter(Footer):
    """A Footer that skips the recompose Textual asks for on every focus change and screen
    switch when the keys it would show are the ones it shows: remounting a dozen keys, each
    styled twice as it mounts, was the largest part of switching steps."""

    _shown: Hashable = None

    async def recompose(self) -> None:
        shown = self._keys_to_show()
        if shown == self._shown and self.children:
            return
        await super().recompose()
        self._shown = shown

    def _keys_to_show(self) -> Hashable:
        """Everything Footer.compose reads from the screen's bindings, and its own options."""
        app = self.app
        keys = tuple((binding.key, binding.action, binding.description, binding.show,
                      binding.group, enabled, tooltip, app.get_key_display(binding))
                     for _, binding, enabled, tooltip in self.screen.active_bindings.values())
        return keys, self.compact, self.show_command_palette
