"""Korean for what the command-line framework itself prints: help panels, usage lines and the
errors for a mistyped command, option or value (typer's own texts are English)."""

from __future__ import annotations

import re
import sys

import typer
from typer import rich_utils
from typer._click import exceptions as click_errors
from typer.core import TyperCommand, TyperGroup

from ..korean import josa, quoted

HELP_TEXT = "이 도움말을 보여 줍니다."

rich_utils.ARGUMENTS_PANEL_TITLE = "인자"
rich_utils.OPTIONS_PANEL_TITLE = "옵션"
rich_utils.COMMANDS_PANEL_TITLE = "명령"
rich_utils.ERRORS_PANEL_TITLE = "오류"
rich_utils.ABORTED_TEXT = "중단했습니다."
rich_utils.DEFAULT_STRING = "[기본값: {}]"
rich_utils.REQUIRED_LONG_STRING = "[필수]"
rich_utils.RICH_HELP = "도움말: '{command_path} {help_option}'"


class _Korean:
    """Mixed into typer's command classes: the --help option and the usage line in Korean."""

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = HELP_TEXT
        return option

    def get_usage(self, ctx) -> str:
        return _usage(super().get_usage(ctx))


class KoreanCommand(_Korean, TyperCommand):
    pass


class KoreanGroup(_Korean, TyperGroup):
    pass


def _usage(line: str) -> str:
    return line.replace("Usage:", "사용법:", 1).replace("[OPTIONS]", "[옵션]").replace("COMMAND [ARGS]...", "명령 ...")


def use_korean(*apps: typer.Typer) -> None:
    """Give every command of these apps the Korean classes (call after the commands exist)."""
    for app in apps:
        app.info.cls = KoreanGroup
        for command in app.registered_commands:
            if command.cls in (None, TyperCommand):
                command.cls = KoreanCommand


def _show_error(exc: click_errors.ClickException) -> None:
    """Stands in for typer's error panel (same call, same exit code 2 afterwards)."""
    if isinstance(exc, click_errors.NoArgsIsHelpError):
        return  # the help was shown
    if isinstance(exc, click_errors.UsageError):
        print(usage_error(exc), file=sys.stderr)
    else:
        print(f"오류: {exc.format_message()}", file=sys.stderr)


rich_utils.rich_format_error = _show_error


def usage_error(exc: click_errors.UsageError) -> str:
    """A mistyped command line, said in Korean with what to do instead."""
    ctx = exc.ctx
    where = ctx.command_path if ctx is not None else "secatalog"
    message = _explain(exc, ctx)
    lines = [f"오류: {message}"]
    if ctx is not None:
        lines.append(_usage(ctx.get_usage()))
    lines.append(f"도움말: {where} --help")
    return "\n".join(lines)


def _explain(exc: click_errors.UsageError, ctx) -> str:
    if isinstance(exc, click_errors.NoSuchOption):
        said = f"없는 옵션입니다: {exc.option_name}"
        if exc.possibilities:
            said += f" (혹시 {', '.join(sorted(exc.possibilities))}?)"
        return said
    if isinstance(exc, click_errors.MissingParameter):
        return f"꼭 적어야 하는 값이 빠졌습니다: {_hint(exc, ctx)}"
    if isinstance(exc, click_errors.BadParameter):
        choices = _choices(exc)
        value = re.search(r"'([^']*)' is not one of", exc.message)
        if choices and value:
            allowed = ", ".join(choices)
            given = josa(quoted(value.group(1)), "은")
            return f"{_hint(exc, ctx)}에 {given} 쓸 수 없습니다 — 다음 중 하나를 쓰세요: {allowed}"
        return f"{_hint(exc, ctx)}의 값이 올바르지 않습니다: {exc.message}"
    unknown = re.match(r"No such command '([^']*)'", exc.message)
    if unknown:
        names = ", ".join(ctx.command.list_commands(ctx)) if ctx is not None else ""
        close = re.search(r"Did you mean '([^']*)'", exc.message)  # click's English suggestion
        guess = f" (혹시 {close.group(1)}?)" if close else ""
        return f"없는 명령입니다: {unknown.group(1)}{guess} — 쓸 수 있는 명령: {names}"
    needs_value = re.match(r"Option '(.*)' requires an argument", exc.message)
    if needs_value:
        return f"{needs_value.group(1)} 옵션 뒤에 값을 적으세요"
    extra = re.match(r"Got unexpected extra arguments? \((.*)\)", exc.message)
    if extra:
        return f"필요 없는 인자가 더 있습니다: {extra.group(1)} (띄어쓰기가 든 값은 따옴표로 감싸세요)"
    return exc.format_message()


def _hint(exc: click_errors.BadParameter, ctx) -> str:
    if exc.param_hint:
        return str(exc.param_hint)
    if exc.param is not None:
        return exc.param.get_error_hint().replace("'", "")
    return "값"


def _choices(exc: click_errors.BadParameter) -> list[str]:
    annotation = getattr(exc.param, "type_descriptor", None) or getattr(exc.param, "type", None)
    choices = getattr(annotation, "choices", None)
    if choices:
        return [str(getattr(c, "value", c)) for c in choices]
    found = re.findall(r"'([^']*)'", exc.message.split("is not one of", 1)[-1])
    return found
