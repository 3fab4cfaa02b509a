"""The environment page templates run in: Jinja's sandbox, narrowed to what a page needs.

A page is Markdown from a pull request, and its `{{ … }}` runs at build time. Jinja's
sandbox blocks `__dunder__` attributes, but not the public attributes of whatever the
context holds: mkdocs-macros hands every page `config`, the plugins and hooks (whose
modules carry `os`, `subprocess`, `Path`), `environment`, `git` (committers' e-mail
addresses) and its own helpers. So a page here sees an allow-list, nothing else:

* names: the site's macros, the sandbox's `range` (at most 100,000 items), and the
  page's own front matter as plain values (text, numbers, lists, mappings), also as
  `page.meta`, with `page.title` and `page.url`;
* calls: those macros and `range` only, never a method or any other object;
* attributes: only plain values (`loop.index`, `page.title`), never a method;
* statements: output, `if`, `for` (not recursive) and `set`; `macro`, `call`,
  `filter`, `include`, `import`, `extends`, `block` and `with` are refused when the
  page is read, with the line;
* filters: a few that cannot grow their input (`e`, `lower`, `length` …);
* sizes: no value a template makes over MAX_TEXT characters or items (checked before
  `*` and `**`, after `+` and `~`; a macro's output is the site's own and grows with the
  data), no integer over MAX_INT_BITS bits, at most MAX_LOOPS loop iterations and
  MAX_OUTPUT characters of output per page.

Errors never escape to mkdocs-macros (which would print a traceback and publish or
exit): the first one of a page is kept, with its line, for `take_problem()`, and the
page renders as empty. The caller (hooks/sandbox.py) fails the build with it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from jinja2 import StrictUndefined, Template, nodes
from jinja2.defaults import DEFAULT_FILTERS
from jinja2.exceptions import TemplateSyntaxError, UndefinedError
from jinja2.runtime import Undefined
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError, safe_range
from jinja2.visitor import NodeTransformer

from .escape import MacroError

MAX_TEXT = 1_000_000
MAX_OUTPUT = 50_000_000  # a page of 5,000 claims is about 10 MB
MAX_LOOPS = 10_000
MAX_INT_BITS = 128
SAFE_FILTERS: tuple[str, ...] = ("e", "escape", "lower", "upper", "capitalize", "title", "trim")
SAFE_FILTERS += ("length", "count", "default", "d", "first", "last")
PLAIN = (str, int, float, bool, type(None))
ALLOWED: tuple[type[nodes.Node], ...] = (
    *(nodes.Template, nodes.Output, nodes.TemplateData, nodes.Const, nodes.Name, nodes.Getattr),
    *(nodes.Getitem, nodes.Slice, nodes.Call, nodes.Keyword, nodes.List, nodes.Tuple, nodes.Dict),
    *(nodes.Pair, nodes.If, nodes.CondExpr, nodes.And, nodes.Or, nodes.Not, nodes.Neg, nodes.Pos),
    *(nodes.Compare, nodes.Operand, nodes.Add, nodes.Sub, nodes.Mul, nodes.Div, nodes.FloorDiv),
    *(nodes.Mod, nodes.Pow, nodes.Concat, nodes.Filter, nodes.Test, nodes.For, nodes.Assign),
)
STATEMENTS = {"Macro": "macro", "CallBlock": "call", "FilterBlock": "filter", "AssignBlock": "set … endset"}
STATEMENTS |= {"Include": "include", "Import": "import", "FromImport": "from … import", "With": "with"}
STATEMENTS |= {"Extends": "extends", "Block": "block", "NSRef": "set with a namespace"}
HINT = "a page may call the site's macros and range(), and read its own front matter"


class PageTemplateError(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line, self.message = line, message


def plain(value: object, depth: int = 0) -> object:
    """A copy of front-matter `value` keeping only text, numbers, lists and mappings
    (a date becomes its ISO text; anything else is dropped)."""
    if isinstance(value, PLAIN):
        return value
    if depth > 10:
        return None
    if isinstance(value, list | tuple):
        return [plain(v, depth + 1) for v in value]
    if isinstance(value, Mapping):
        return {str(k): plain(v, depth + 1) for k, v in value.items()}
    iso = getattr(value, "isoformat", None)
    return str(iso()) if callable(iso) else None


def _check(tree: nodes.Node) -> None:
    for node in tree.find_all(nodes.Node):
        name = type(node).__name__
        if isinstance(node, nodes.For) and node.recursive:
            raise PageTemplateError(node.lineno, f"a recursive {{% for %}} is not allowed ({HINT})")
        if not isinstance(node, ALLOWED):
            what = f"{{% {STATEMENTS[name]} %}}" if name in STATEMENTS else f"'{name}'"
            raise PageTemplateError(node.lineno, f"{what} is not allowed in a page ({HINT})")


class _Bounds(NodeTransformer):
    """Route every loop and every `~` through the environment's counters."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)
        node.iter = _call("bounded_loop", node.iter)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        return _call("bounded", node)


def _call(method: str, arg: nodes.Node) -> nodes.Node:
    call = nodes.Call(nodes.EnvironmentAttribute(method), [arg], [], None, None)
    return call.set_lineno(arg.lineno)


def _template_line(tb: TracebackType | None) -> int:
    """The line in the page of the innermost template frame of a traceback."""
    line = 0
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _message(exc: BaseException) -> str:
    if isinstance(exc, UndefinedError):
        text = f"{exc.message} ({HINT})"
    elif isinstance(
        exc, TemplateSyntaxError | SecurityError | OverflowError | PageTemplateError | MacroError
    ):
        text = str(exc)
    else:
        text = f"{type(exc).__name__}: {exc}"
    return " ".join(text.split())


def _at_most(size: int, limit: int, unit: str) -> None:
    if size > limit:
        raise SecurityError(f"a value of {size} {unit} (a page may make at most {limit})")


@dataclass
class _Budget:
    loops: int = 0


class PageTemplate(Template):
    environment: PageSandbox

    def render(self, *args: Any, **kwargs: Any) -> str:
        env = self.environment
        env.budget = _Budget()
        try:
            try:
                chunks, size = [], 0
                for chunk in self.root_render_func(self.new_context(env.page_context(dict(*args, **kwargs)))):
                    size += len(chunk)
                    if size > MAX_OUTPUT:
                        raise SecurityError(f"the page's output is over {MAX_OUTPUT} characters")
                    chunks.append(chunk)
                return "".join(chunks)
            except Exception:
                env.handle_exception()  # re-raises with the page's line numbers
        except Exception as exc:
            env.fail(_template_line(exc.__traceback__), _message(exc))
        return ""


class _Failed:
    """What a page that cannot be compiled renders as: nothing, after recording why."""

    def __init__(self, env: PageSandbox, line: int, message: str) -> None:
        self.env, self.line, self.message = env, line, message

    def render(self, *args: Any, **kwargs: Any) -> str:
        self.env.fail(self.line, self.message)
        return ""


class PageSandbox(ImmutableSandboxedEnvironment):
    """The Jinja environment of page templates (see the module docstring)."""

    template_class = PageTemplate
    intercepted_binops = frozenset(("+", "-", "*", "/", "//", "%", "**"))

    def __init__(
        self,
        macros: Mapping[str, Callable[..., Any]],
        page_context: Callable[[dict[str, Any]], dict[str, Any]],
        **options: Any,
    ) -> None:
        super().__init__(undefined=StrictUndefined, autoescape=False, **options)
        self.globals = {**macros, "range": safe_range}
        self.filters = {name: DEFAULT_FILTERS[name] for name in SAFE_FILTERS}
        self.page_context = page_context
        self.budget = _Budget()
        self.problem: tuple[int, str] | None = None
        self._callables: tuple[Callable[..., Any], ...] = (*macros.values(), safe_range)
        self._callables += (self.bounded_loop, self.bounded)

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Any:
        try:
            tree = self.parse(source)
            _check(tree)
            code = self.compile(_Bounds().visit(tree))
        except Exception as exc:  # a syntax error, a refused statement, a number Python refuses …
            return _Failed(self, getattr(exc, "lineno", None) or getattr(exc, "line", 0) or 0, _message(exc))
        return PageTemplate.from_code(self, code, dict(self.globals), None)

    def fail(self, line: int, message: str) -> None:
        if self.problem is None:
            self.problem = (line, message)

    def take_problem(self) -> tuple[int, str] | None:
        """The error of the last page rendered (line in its body, message), if any."""
        problem, self.problem = self.problem, None
        return problem

    def getattr(self, obj: Any, attribute: str) -> Any:
        if isinstance(obj, Undefined):  # `cycler.__init__`: say that cycler is undefined
            obj._fail_with_undefined_error()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        if isinstance(obj, Undefined):
            obj._fail_with_undefined_error()
        return super().getitem(obj, argument)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        return super().is_safe_attribute(obj, attr, value) and isinstance(value, (*PLAIN, list, tuple, dict))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(__obj, Undefined):
            __obj._fail_with_undefined_error()
        if not any(__obj == allowed for allowed in __self._callables):
            name = getattr(__obj, "__name__", type(__obj).__name__)
            raise SecurityError(f"calling {name!r} is not allowed ({HINT})")
        return super().call(__context, __obj, *args, **kwargs)  # a macro's output grows with the data

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        """Sizes are checked before `*` and `**` build anything, and on every result."""
        if operator == "%" and isinstance(left, str):
            raise SecurityError("'%' formatting of text is not allowed in a page")
        if operator == "*":
            for items, times in ((left, right), (right, left)):
                if isinstance(items, str | list | tuple) and isinstance(times, int):
                    _at_most(len(items) * times, MAX_TEXT, "characters or items")
            if isinstance(left, int) and isinstance(right, int):
                _at_most(left.bit_length() + right.bit_length() - 1, MAX_INT_BITS, "bits")
        if operator == "**" and isinstance(left, int) and isinstance(right, int) and abs(left) > 1:
            _at_most((left.bit_length() - 1) * right, MAX_INT_BITS, "bits")
        return self.bounded(super().call_binop(context, operator, left, right))

    def bounded(self, value: Any) -> Any:
        """`value`, if it is no larger than a page may make."""
        if isinstance(value, str | list | tuple):
            _at_most(len(value), MAX_TEXT, "characters or items")
        if isinstance(value, int):
            _at_most(value.bit_length(), MAX_INT_BITS, "bits")
        return value

    def bounded_loop(self, items: Iterable[Any]) -> Iterator[Any]:
        for item in items:
            self.budget.loops += 1
            if self.budget.loops > MAX_LOOPS:
                raise SecurityError(f"more than {MAX_LOOPS} loop iterations in one page")
            yield item
