"""The standalone bundle's entry point (`dist/FieldLog/FieldLog`, `FieldLog.exe` on Windows).

FieldLog --self-test          check the bundle works (one line, exit 0 or 1)
FieldLog [--db X] demo ...    a command of the command line (`fieldlog --help` lists them)
FieldLog [anything else]      the window, given the arguments unchanged (--db, --lang, a file)
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

SELF_TEST = "--self-test"
#: The command line's options that take a value (they may come before the command).
VALUED_OPTIONS = ("--db", "--lang")
#: Options only the command line answers (the window has no version or command list).
COMMAND_LINE_OPTIONS = ("--version", "-h", "--help")


def command_words() -> set[str]:
    """The command line's commands, except `gui` (which is the window)."""
    from fieldlog.cli.parser import build_parser

    words: set[str] = set()
    for action in build_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            words.update(action.choices)
    return words - {"gui"}


def first_word(arguments: Sequence[str]) -> str | None:
    """The first argument that is neither an option nor an option's value."""
    skip = False
    for argument in arguments:
        if skip:
            skip = False
        elif argument in VALUED_OPTIONS:
            skip = True
        elif not argument.startswith("-"):
            return argument
    return None


def is_command_line(arguments: Sequence[str]) -> bool:
    """Whether the arguments are for the command line rather than the window."""
    word = first_word(arguments)
    if word is None:
        return any(argument in COMMAND_LINE_OPTIONS for argument in arguments)
    return word in command_words()


def borrow_console() -> None:
    """The Windows build is a windowed program, with no stdout: when a console started it
    (`start /wait FieldLog.exe --self-test`), write there, so the self-test and the commands can
    print their line."""
    if sys.platform != "win32" or sys.stdout is not None:
        return
    import ctypes

    if ctypes.windll.kernel32.AttachConsole(-1):  # -1: the parent process's console
        # Open for the rest of the process, as the streams they replace would be.
        sys.stdout = open("CONOUT$", "w")  # noqa: SIM115
        sys.stderr = open("CONOUT$", "w")  # noqa: SIM115


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments == [SELF_TEST]:
        from fieldlog.self_test import run

        borrow_console()
        return run()
    if is_command_line(arguments):
        from fieldlog.cli import main as command_line

        borrow_console()
        return command_line(arguments)
    from fieldlog.app import main as window

    return window(arguments)


if __name__ == "__main__":
    raise SystemExit(main())
