"""Material's blog reads each post's front matter with libyaml, as MkDocs reads every other page's.

Material's ``Post`` parses the front matter with PyYAML's pure-Python loader, on every build and on every
preview rebuild, for every post: 1.2 s of a 2.7 s preview rebuild at 500 posts. The blog plugin instance of
a build is given Material's own two functions, ``BlogPlugin._resolve_post`` and ``Post.__init__``, run
with libyaml's loader (``yaml.CSafeLoader``) in their globals instead: same code, same results (the same
YAML resolver and constructor), nothing patched in Material's modules. A hash of the two sources guards
against a Material upgrade that changes them (``tests/material/test_posts.py``).
"""

from __future__ import annotations

import hashlib
import inspect
import types
from typing import Any

import yaml
from material.plugins.blog.plugin import BlogPlugin
from material.plugins.blog.structure import Post

SOURCES_SHA256 = "bbf500afdd9d1b4c33a87d0e69d50351c3fe7a7beefafc6ebee2f87981c4689e"  # Material 9.8.2


def material_sources() -> str:
    """The two functions of the installed Material run here with another loader."""
    return inspect.getsource(Post.__init__) + inspect.getsource(BlogPlugin._resolve_post)


def sources_changed() -> bool:
    return hashlib.sha256(material_sources().encode("utf-8")).hexdigest() != SOURCES_SHA256


def with_globals(function: Any, **names: Any) -> types.FunctionType:
    """``function`` with ``names`` replaced in the globals it sees (its module's stay untouched)."""
    copy = types.FunctionType(
        function.__code__,
        {**function.__globals__, **names},
        function.__name__,
        function.__defaults__,
        function.__closure__,
    )
    copy.__kwdefaults__ = function.__kwdefaults__
    copy.__qualname__ = function.__qualname__
    return copy


def read_posts_with_libyaml(blog: Any) -> bool:
    """Make ``blog`` (Material's blog plugin instance) read posts with libyaml; ``False`` when PyYAML lacks
    libyaml or Material's functions changed (then Material reads them as it always does)."""
    loader = getattr(yaml, "CSafeLoader", None)
    if loader is None or sources_changed():
        return False
    # Post.__init__ calls super() through its __class__ cell, which still names Post: the subclass adds nothing.
    post_class = type("LibyamlPost", (Post,), {"__init__": with_globals(Post.__init__, SafeLoader=loader)})
    blog._resolve_post = types.MethodType(with_globals(BlogPlugin._resolve_post, Post=post_class), blog)
    return True
