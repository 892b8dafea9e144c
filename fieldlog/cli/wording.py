"""The command line's language: chosen before the parser is built, and argparse's own words in it.

The language comes from `--lang` (wherever it stands: `fieldlog --lang en stats` and
`fieldlog stats --lang en` alike), else from the locale (`domain.language`): it must be known
before the parser exists, because every help text is rendered when the parser is built.

argparse writes its own words ("usage:", "options", "error:", "invalid choice") through its
module-level `_` and `ngettext` (gettext). For the length of a command these are replaced by a
lookup of argparse's English message in our catalog, so that a Chinese user reads them in Chinese;
a message argparse adds in a later Python stays English rather than breaking anything.
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from fieldlog.domain.language import choose_language
from fieldlog.domain.messages import Message, msg

_OPTION = "--lang"


def requested_language(argv: Sequence[str]) -> str | None:
    """The value of the last `--lang` in `argv` (`--lang X`, `--lang=X` or an abbreviation such as
    `--la X`, as argparse accepts), or None."""
    chosen = None
    tokens = iter(argv)
    for token in tokens:
        if token == "--":  # what follows is positional
            break
        name, equals, value = token.partition("=")
        if len(name) > 2 and _OPTION.startswith(name):
            chosen = value if equals else next(tokens, None)
    return chosen


def language_of(argv: Sequence[str]) -> str:
    """The language of this run: `--lang` when it names one we speak, else the locale's."""
    return choose_language(requested_language(argv))


def argparse_messages() -> tuple[Message, ...]:
    """argparse's user-facing messages (its English msgids, %-placeholders kept) in our catalog.

    Errors that only a programmer can cause (conflicting options…) are left out.
    """
    return (
        msg("cli.argparse.usage", "usage: "),
        msg("cli.argparse.positionals", "positional arguments"),
        msg("cli.argparse.options", "options"),
        msg("cli.argparse.optional_arguments", "optional arguments"),
        msg("cli.argparse.subcommands", "subcommands"),
        msg("cli.argparse.help", "show this help message and exit"),
        msg("cli.argparse.version", "show program's version number and exit"),
        msg("cli.argparse.error", "%(prog)s: error: %(message)s\n"),
        msg("cli.argparse.warning", "%(prog)s: warning: %(message)s\n"),
        msg("cli.argparse.argument", "argument %(argument_name)s: %(message)s"),
        msg("cli.argparse.invalid_choice", "invalid choice: %(value)r (choose from %(choices)s)"),
        msg("cli.argparse.invalid_value", "invalid %(type)s value: %(value)r"),
        msg("cli.argparse.required", "the following arguments are required: %s"),
        msg("cli.argparse.unrecognized", "unrecognized arguments: %s"),
        msg("cli.argparse.one_argument", "expected one argument"),
        msg("cli.argparse.at_most_one", "expected at most one argument"),
        msg("cli.argparse.at_least_one", "expected at least one argument"),
        msg("cli.argparse.n_argument", "expected %s argument"),
        msg("cli.argparse.n_arguments", "expected %s arguments"),
        msg("cli.argparse.ambiguous", "ambiguous option: %(option)s could match %(matches)s"),
        msg("cli.argparse.not_allowed", "not allowed with argument %s"),
        msg("cli.argparse.ignored", "ignored explicit argument %r"),
        msg("cli.argparse.one_of", "one of the arguments %s is required"),
        msg("cli.argparse.unexpected", "unexpected option string: %s"),
        msg("cli.argparse.unknown_parser", "unknown parser %(parser_name)r (choices: %(choices)s)"),
        msg("cli.argparse.cannot_open", "can't open '%(filename)s': %(error)s"),
        msg("cli.argparse.deprecated_command", "command '%(parser_name)s' is deprecated"),
        msg("cli.argparse.deprecated_option", "option '%(option)s' is deprecated"),
        msg("cli.argparse.deprecated_argument", "argument '%(argument_name)s' is deprecated"),
    )


def argparse_gettext(language: str) -> tuple[Callable[..., str], Callable[[str, str, int], str]]:
    """Replacements for argparse's `_` and `ngettext` that speak `language`."""
    known = {message.text: message for message in argparse_messages()}

    def gettext(text: str) -> str:
        found = known.get(text) if isinstance(text, str) else None
        return found.render(language) if found is not None else text

    def ngettext(singular: str, plural: str, count: int) -> str:
        return gettext(singular if count == 1 else plural)

    return gettext, ngettext


@contextmanager
def argparse_speaking(language: str) -> Iterator[None]:
    """argparse's own words in `language` until the block ends (then as they were)."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    gettext, ngettext = argparse_gettext(language)
    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
# A CJK character, or a run of anything else without spaces: the units a line may break between.
_PIECES = re.compile(rf"\s+|[{_CJK}]|[^\s{_CJK}]+")
# Chinese punctuation that never begins a line.
_CLOSING = set("，。、；：！？）》」』")


def display_width(text: str) -> int:
    """Columns `text` takes in a terminal (a CJK character takes two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` columns, broken between words or CJK characters."""
    lines: list[str] = []
    line = ""
    for piece in _PIECES.findall(" ".join(text.split())):
        too_wide = display_width(line + piece) > width
        if line and too_wide and not piece.isspace() and piece not in _CLOSING:
            lines.append(line.rstrip())
            line = ""
        if not (piece.isspace() and not line):
            line += piece
    if line.strip():
        lines.append(line.rstrip())
    return lines


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help, wrapped by terminal columns (Chinese is twice as wide) and with room for
    `-o FILE, --output FILE` beside its help, so that no option stands on a line of its own."""

    def __init__(self, prog: str, **options: object) -> None:
        options.setdefault("max_help_position", 30)
        super().__init__(prog, **options)  # type: ignore[arg-type]

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in wrap(text, width - len(indent)))


class Parser(argparse.ArgumentParser):
    """An argument parser whose help is formatted by `HelpFormatter` (its subcommands' too)."""

    def __init__(self, *args: object, **options: object) -> None:
        options.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **options)  # type: ignore[arg-type]


def command(
    commands: argparse._SubParsersAction, name: str, late: argparse.ArgumentParser, text: Message
) -> argparse.ArgumentParser:
    """A subcommand whose one-line help is also the description its own --help shows."""
    shown = str(text)
    sub: argparse.ArgumentParser = commands.add_parser(
        name, parents=[late], help=shown, description=shown
    )
    return sub
