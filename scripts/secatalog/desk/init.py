"""`secatalog init DIR`: a new network's repository, holding content only, the tool pinned by its lock.

The files come from templates/init/ (a `dot-` prefix stands for the leading dot that package data
cannot carry; `.j2` files are rendered with the network's answers). The new tree is written to a
staging folder beside DIR, checked as `secatalog check` would, and only then moved into place: a
bad answer or an existing file leaves nothing behind and nothing overwritten.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from dataclasses import asdict, dataclass, field
from datetime import date
from importlib import metadata
from pathlib import Path, PurePosixPath

from jinja2 import Environment, StrictUndefined

from .. import __version__
from .owners import codeowners

TEMPLATES = Path(__file__).parents[1] / "templates" / "init"
TEMPLATE_SUFFIX = ".j2"
DOT_PREFIX = "dot-"


class InitError(Exception):
    """Why the network cannot be made (Korean, for the secretariat); nothing was written."""


@dataclass(frozen=True)
class Answers:
    """What a secretariat tells about its network; everything else starts from the defaults."""

    name: str
    city: str
    site_url: str
    secretariat: tuple[str, ...]
    region: str = ""
    colour: str = "#283593"
    role: str = "사무국"
    phone: str = ""
    email: str = ""
    address: str = ""
    hours: str = ""
    repository: str | None = None
    edition: str = field(default_factory=lambda: f"{date.today().year}년판")


def tool_source(source: str | None) -> str:
    """The `[tool.uv.sources]` entry that pins this tool: its repository at this version's tag by
    default; a local wheel or folder (tests, offline trials) or a URL when given."""
    if source is None:
        home = _source_url()
        return _inline_table(git=home, tag=f"v{__version__}")
    path = Path(source).expanduser()
    if path.exists():
        return _inline_table(path=str(path.resolve()))
    if re.match(r"https?://\S+\.(whl|tar\.gz|zip)$", source):
        return _inline_table(url=source)
    return _inline_table(git=source, tag=f"v{__version__}")


NETWORK_BUILD_NOTE = "`bash scripts/setup.sh`로 도구를 설치하고 `.venv/bin/secatalog build`로 전체를 만듭니다."
TOOL_BUILD_NOTE = "`bash scripts/run.sh build`로 전체를 만들고, `bash scripts/run.sh test`로 전체 검사를 합니다."


def _environment() -> Environment:
    env = Environment(undefined=StrictUndefined, keep_trailing_newline=True, autoescape=False)
    # JSON strings are valid YAML double-quoted and TOML basic strings: any answer stays one value.
    env.filters["yaml"] = env.filters["toml"] = lambda value: json.dumps(str(value), ensure_ascii=False)
    return env


def contributing(build_note: str) -> str:
    """The members' guide: a network's CONTRIBUTING.md, and this repository's own (one text)."""
    template = (TEMPLATES / "CONTRIBUTING.md.j2").read_text("utf-8")
    return _environment().from_string(template).render(build_note=build_note)


def render(answers: Answers, today: date, source: str, project_name: str) -> dict[str, str]:
    """Every file of the new repository: relative path -> text. Pure: nothing is read but templates."""
    env = _environment()
    values = {
        **asdict(answers),
        "description": f"{answers.city} 사회적경제 기업의 제품과 서비스를 품목별로 찾는 공공구매 카탈로그",
        "today": today.isoformat(),
        "year": today.year,
        "version": __version__,
        "tool_source": source,
        "project_name": project_name,
        "build_note": NETWORK_BUILD_NOTE,
    }
    files = {}
    for template in sorted(p for p in TEMPLATES.rglob("*") if p.is_file()):
        relative = PurePosixPath(template.relative_to(TEMPLATES).as_posix())
        text = template.read_text("utf-8")
        if relative.suffix == TEMPLATE_SUFFIX:
            text = env.from_string(text).render(values)
        files[target_name(relative)] = text
    files[".github/CODEOWNERS"] = codeowners({}, list(answers.secretariat))
    return files


def target_name(relative: PurePosixPath) -> str:
    """'dot-github/workflows/check.yml' -> '.github/workflows/check.yml'; 'mkdocs.yml.j2' -> 'mkdocs.yml'."""
    parts = ["." + p[len(DOT_PREFIX) :] if p.startswith(DOT_PREFIX) else p for p in relative.parts]
    if parts[-1].endswith(TEMPLATE_SUFFIX):
        parts[-1] = parts[-1][: -len(TEMPLATE_SUFFIX)]
    return "/".join(parts)


def create(target: Path, files: dict[str, str], check) -> None:
    """Write files into target (new or empty), after check(staged_root) accepted them."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise InitError(
            f"{target}: 이미 있는 폴더이고 비어 있지 않습니다 — 새 폴더 이름을 적으세요 (아무것도 바꾸지 않았습니다)"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.init-", dir=target.parent))
    try:
        for name, text in files.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, "utf-8")
            if name.endswith(".sh"):
                path.chmod(0o755)
        for folder in ("content/bundles", "casebook/cases"):
            (staging / folder).mkdir(parents=True, exist_ok=True)
        check(staging)
        staging.chmod(0o755)  # mkdtemp's folder is private; the repository is not
        if target.exists():
            target.rmdir()
        staging.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def lock(target: Path) -> str | None:
    """Run `uv lock` in the new repository; None when it worked, else why (Korean)."""
    try:
        from uv import find_uv_bin

        uv = find_uv_bin()
    except (ImportError, FileNotFoundError):
        return "uv를 찾지 못했습니다"
    done = subprocess.run([uv, "lock", "--quiet"], cwd=target, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return (done.stderr.strip().splitlines() or ["알 수 없는 오류"])[-1]
    return None


def project_name(target: Path) -> str:
    """A package-safe name for the network's pyproject.toml, from its folder name."""
    slug = re.sub(r"[^a-z0-9]+", "-", target.name.lower()).strip("-")
    return f"{slug or 'network'}-catalog"


def _source_url() -> str:
    urls = metadata.metadata("secatalog").get_all("Project-URL") or []
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() == "source":
            return url.strip()
    raise InitError("secatalog 패키지에 저장소 주소(Source)가 없습니다 — --tool-source로 도구를 받을 곳을 적으세요")


def _inline_table(**values: str) -> str:
    return "{ " + ", ".join(f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in values.items()) + " }"
