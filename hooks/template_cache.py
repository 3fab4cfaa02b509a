"""The theme's templates compiled once per process (event: on_env).

MkDocs makes a new Jinja environment for every build, so `mkdocs serve` compiled all of
Material's templates again on each rebuild (about a tenth of rebuilding the real site).
Jinja's bytecode cache keeps each template's compiled code, checked against the template's
source by a checksum: an edited template (or theme) is compiled again. The code is kept
in memory for the process only, keyed also by the environment's settings, which change
the compiled code.
"""

from __future__ import annotations

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        settings = (
            type(environment),  # a sandboxed environment compiles other code
            environment.block_start_string, environment.block_end_string,
            environment.variable_start_string, environment.variable_end_string,
            environment.comment_start_string, environment.comment_end_string,
            environment.line_statement_prefix, environment.line_comment_prefix,
            environment.trim_blocks, environment.lstrip_blocks, environment.newline_sequence,
            environment.keep_trailing_newline, environment.optimized, environment.autoescape,
            environment.finalize, tuple(sorted(environment.extensions)), environment.is_async,
            tuple(sorted(environment.filters)), tuple(sorted(environment.tests)),
        )  # fmt: skip
        key = f"{self.get_cache_key(name, filename)}:{hash(repr(settings))}"
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)  # as BytecodeCache.get_bucket, with the settings in the key
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        if (code := self.code.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


THEME = MemoryBytecodeCache()


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    env.bytecode_cache = THEME
    return env
