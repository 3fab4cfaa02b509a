"""The theme's templates are compiled once per process (hooks/template_cache.py): a new
environment takes the code compiled for an earlier one, unless the template's source or
the environment's settings differ."""

from __future__ import annotations

import importlib.util

import pytest
from conftest import ROOT
from jinja2 import DictLoader, Environment
from jinja2.sandbox import SandboxedEnvironment

_spec = importlib.util.spec_from_file_location("template_cache", ROOT / "hooks" / "template_cache.py")
assert _spec is not None and _spec.loader is not None
template_cache = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(template_cache)


def _render(
    cache: object,
    templates: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    kind: type[Environment] = Environment,
    **settings: object,
) -> tuple[str, int]:
    """What a new environment renders of 'page.html', and how many templates it compiled."""
    compiled = []
    real = Environment.compile

    def counted(self: Environment, source: str, *args: object, **kwargs: object) -> object:
        compiled.append(source)
        return real(self, source, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Environment, "compile", counted)
    env = kind(loader=DictLoader(templates), bytecode_cache=cache, **settings)  # type: ignore[arg-type]
    return env.get_template("page.html").render(x="<b>"), len(compiled)


def test_a_new_environment_takes_what_an_earlier_one_compiled(monkeypatch: pytest.MonkeyPatch) -> None:
    cache = template_cache.MemoryBytecodeCache()
    templates = {"page.html": "{% include 'part.html' %}!", "part.html": "[{{ x }}]"}
    assert _render(cache, templates, monkeypatch) == ("[<b>]!", 2)
    assert _render(cache, templates, monkeypatch) == ("[<b>]!", 0)
    # an edited template is compiled again, and only it
    assert _render(cache, {**templates, "part.html": "({{ x }})"}, monkeypatch) == ("(<b>)!", 1)
    # other settings, other code: autoescaping is compiled into the template
    edited = {**templates, "part.html": "({{ x }})"}
    assert _render(cache, edited, monkeypatch, autoescape=True) == ("(&lt;b&gt;)!", 2)
    assert _render(cache, edited, monkeypatch) == ("(<b>)!", 0)  # each kept beside the other
    # a sandboxed environment compiles its own code: its checks are in the code
    assert _render(cache, edited, monkeypatch, SandboxedEnvironment) == ("(<b>)!", 2)
