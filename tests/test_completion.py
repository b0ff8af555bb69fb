"""`careertui --print-completion`: scripts bash really completes with, and zsh and fish ones."""

from __future__ import annotations

import shlex
import subprocess
import sys

import pytest

from careertui import __main__ as cli

COMMAND = f"{shlex.quote(sys.executable)} -m careertui"


def bash_completions(words: list[str], folder) -> list[str]:
    """What bash offers for the last of `words`, with the script careertui prints loaded."""
    line = " ".join(shlex.quote(word) if word else "''" for word in words)
    script = f"""
source <({COMMAND} --print-completion bash)
COMP_WORDS=({line}); COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))
COMP_LINE="${{COMP_WORDS[*]}}"; COMP_POINT=${{#COMP_LINE}}
_shtab_careertui
printf '%s\\n' "${{COMPREPLY[@]}}"
"""
    done = subprocess.run(["bash", "-c", script], cwd=folder, capture_output=True, text=True,
                          timeout=60, stdin=subprocess.DEVNULL, check=True)
    return sorted(filter(None, done.stdout.splitlines()))


@pytest.mark.parametrize("words, expected", [
    (["careertui", ""], ["export", "import", "mentor-import", "mentor-sheet", "serve", "wins"]),
    (["careertui", "ex"], ["export"]),
    (["careertui", "export", "--f"], ["--format"]),
    (["careertui", "export", "--format", ""], ["ics", "json", "markdown"]),
    (["careertui", "--print-completion", ""], ["bash", "fish", "zsh"]),
])
def test_bash_completes_commands_options_and_choices(words, expected, tmp_path):
    assert bash_completions(words, tmp_path) == expected


def test_bash_completes_file_arguments_with_paths(tmp_path):
    (tmp_path / "plan.json").write_text("{}")
    (tmp_path / "notes.md").write_text("")
    assert bash_completions(["careertui", "--db", "pl"], tmp_path) == ["plan.json"]
    assert bash_completions(["careertui", "import", "no"], tmp_path) == ["notes.md"]
    assert bash_completions(["careertui", "wins", "--output", "n"], tmp_path) == ["notes.md"]


@pytest.mark.parametrize("shell, marker", [("zsh", "#compdef careertui"),
                                           ("fish", "complete -c careertui")])
def test_zsh_and_fish_scripts_name_every_command_and_format(shell, marker, capsys):
    with pytest.raises(SystemExit) as exited:
        cli.main(["--print-completion", shell])
    assert exited.value.code == 0
    script = capsys.readouterr().out
    assert marker in script
    for word in ("export", "mentor-sheet", "--format", "markdown", "ics", "--db"):
        assert word in script


def test_an_unknown_shell_is_refused_with_exit_code_2(capsys):
    with pytest.raises(SystemExit) as exited:
        cli.main(["--print-completion", "ksh"])
    assert exited.value.code == 2
    assert "invalid choice: 'ksh'" in capsys.readouterr().err


def test_a_plain_start_does_not_import_shtab():
    probe = "import sys; from careertui import __main__ as m; m.build_parser(); " \
            "print('shtab' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=60, check=True)
    assert done.stdout.strip() == "False"
