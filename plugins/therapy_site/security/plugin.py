"""MkDocs plugin: strict CSP per page, security headers for static hosts."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from markupsafe import escape
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.pages import Page

from therapy_site.security.csp import (
    InlineCode,
    csp_meta_tag,
    has_csp_meta,
    insert_meta,
    policy,
    theme_script_hashes,
    theme_script_partials,
)
from therapy_site.security.headers import headers_file

log = get_plugin_logger(__name__)

DEFAULT_PERMISSIONS_POLICY = (
    "accelerometer=(), browsing-topics=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
    "magnetometer=(), microphone=(), payment=(), usb=()"
)


class SecurityConfig(Config):
    content_security_policy = c.Type(bool, default=True)
    # `mkdocs serve` injects its own inline live-reload script, which a strict policy blocks.
    policy_on_serve = c.Type(bool, default=False)
    headers_file = c.Type(str, default="_headers")
    referrer_policy = c.Type(str, default="no-referrer")
    permissions_policy = c.Type(str, default=DEFAULT_PERMISSIONS_POLICY)


class SecurityPlugin(BasePlugin[SecurityConfig]):
    def __init__(self) -> None:
        self.command: Literal["build", "gh-deploy", "serve"] | None = None
        self.site_code = InlineCode()
        self.env: Any = None
        self.trusted_scripts: set[str] = set()

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.command = command

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.site_code = InlineCode()

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Any) -> Any:
        self.env = env
        self.script_partials = theme_script_partials(env)  # once per build, not per page
        return env

    # The theme's own scripts for this page, from the same context its template is rendered with.
    @event_priority(-100)
    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
        self.trusted_scripts = self._theme_scripts(context, config)
        return context

    @event_priority(-100)
    def on_template_context(
        self, context: dict[str, Any], *, template_name: str, config: MkDocsConfig
    ) -> dict[str, Any]:
        self.trusted_scripts = self._theme_scripts(context, config)
        return context

    def _theme_scripts(self, context: dict[str, Any], config: MkDocsConfig) -> set[str]:
        if self.env is None:
            return set()
        return theme_script_hashes(
            self.env, context, config.theme.get("features") or (), getattr(self, "script_partials", None)
        )

    @property
    def _meta_policy(self) -> bool:
        return self.config.content_security_policy and (self.command != "serve" or self.config.policy_on_serve)

    # Last, so the policy covers whatever other plugins put into the page.
    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return self._secure(output, page.file.src_uri)

    @event_priority(-100)
    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        """Theme pages rendered without a Markdown source, such as ``404.html``."""
        if not template_name.endswith(".html"):
            return output_content
        return self._secure(output_content, template_name)

    def _secure(self, output: str, name: str) -> str:
        code = InlineCode.of_page(output, self.trusted_scripts)
        self.trusted_scripts = set()
        self.site_code.merge(code)
        tags = [f'<meta name="referrer" content="{escape(self.config.referrer_policy)}">']
        if self._meta_policy:
            if has_csp_meta(output):
                raise PluginError(f"therapy-site/security: {name} already has a Content-Security-Policy <meta>")
            tags.insert(0, csp_meta_tag(policy(code)))
        try:
            return insert_meta(output, tags)
        except ValueError as error:
            raise PluginError(f"therapy-site/security: {name}: {error}") from error

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.headers_file:
            return
        headers = {
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": self.config.referrer_policy,
            "Permissions-Policy": self.config.permissions_policy,
            "X-Frame-Options": "DENY",
            "Cross-Origin-Opener-Policy": "same-origin",
        }
        if self.config.content_security_policy:
            headers = {"Content-Security-Policy": policy(self.site_code.sorted(), for_header=True), **headers}
        target = Path(config.site_dir) / self.config.headers_file
        target.write_text(headers_file(headers), encoding="utf-8")
        log.debug("wrote %s", target)
