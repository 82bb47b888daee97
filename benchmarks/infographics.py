"""Milliseconds per infographic and per page social card, cold and with a warm cache.

    .venv/bin/python benchmarks/infographics.py [--repeat 3]

Cold: draw and encode (card + portrait PNG; or one page card PNG) and
write them to the cache. Warm: look the key up in the cache and copy the files
out, as the plugin does on a rebuild. Markdown: the block's cost in a page
render (parse, validate, fit check, HTML), paid on every build.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import markdown

from therapy_site.data import FONTS_DIR, ICONS_DIR
from therapy_site.imaging.cache import ImageCache
from therapy_site.imaging.fonts import FontSet
from therapy_site.imaging.palette import get_palette
from therapy_site.infographics.extension import InfographicsExtension
from therapy_site.infographics.icons import load_icons
from therapy_site.infographics.jobs import InfographicJob, infographic_key
from therapy_site.infographics.render import Renderer
from therapy_site.infographics.schema import parse_infographic
from therapy_site.social.cards import PageCardJob, page_card_key
from therapy_site.social.drawing import PageCardRenderer

BRAND, DOMAIN = "Stillwater Therapy", "stillwater-therapy.example"
ICON_NAMES = ("shield", "eye", "heart", "globe", "leaf", "clock", "lock", "chat")


def sample(layout: str, count: int, variant: int) -> dict:
    items = []
    for index in range(count):
        item = {"title": f"Idea {index + 1} of {count}", "text": "A short sentence that explains the idea."}
        item["icon"] = ICON_NAMES[index % len(ICON_NAMES)]
        if layout == "comparison":
            item["remedy"] = "What helps with it, in one sentence."
        if layout == "stats":
            item["value"] = f"{(index + 1) * 7 + variant}%"
        items.append(item)
    summary = f"A summary sentence for benchmark run {variant}, long enough to wrap onto a second line."
    return {"layout": layout, "summary": summary, "items": items, "source": "Benchmark data."}


def timed(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    icons = load_icons(ICONS_DIR)
    renderer = Renderer(FontSet(FONTS_DIR), icons, get_palette("light"))
    cache_dir = Path(tempfile.mkdtemp(prefix="infographics-bench-"))
    site_dir = cache_dir / "site"
    md = markdown.Markdown(extensions=[InfographicsExtension(brand=BRAND, domain=DOMAIN)])
    print(f"{'what':<28} {'markdown ms':>12} {'cold ms':>10} {'warm ms':>10}")
    try:
        for layout in ("grid", "comparison", "steps", "stats"):
            for count in (2, 4, 8):
                cold, warm, convert = [], [], []
                for run in range(args.repeat):
                    data = sample(layout, count, run)
                    info, problems = parse_infographic("Benchmark infographic title", data, set(icons))
                    assert info is not None, problems
                    job = InfographicJob(infographic_key(info, renderer, BRAND, DOMAIN), info, BRAND, DOMAIN)
                    cache = ImageCache(cache_dir)
                    cold.append(timed(lambda job=job, cache=cache: cache.put(job.key, job.render(renderer)), 1))
                    warm.append(timed(lambda job=job, cache=cache: copy_out(cache, job, site_dir), 1))
                    body = markdown_block(data)
                    convert.append(timed(lambda body=body: md.reset().convert(body), 1))
                print(
                    f"infographic {layout:<10} x{count:<3} {statistics.median(convert):>12.1f}"
                    f" {statistics.median(cold):>10.1f} {statistics.median(warm):>10.1f}"
                )
        cold, warm = [], []
        renderer = PageCardRenderer(FontSet(FONTS_DIR), get_palette("light"))
        for run in range(args.repeat * 3):
            title = f"A page title for social card number {run}"
            description = "A page description of a sentence or two, as written in the front matter."
            key = page_card_key(title, description, renderer, BRAND, DOMAIN)
            job = PageCardJob(key, title, description, BRAND, DOMAIN)
            cache = ImageCache(cache_dir)
            cold.append(timed(lambda job=job, cache=cache: cache.put(job.key, job.render(renderer)), 1))
            warm.append(timed(lambda job=job, cache=cache: copy_out(cache, job, site_dir), 1))
        print(f"{'page social card':<28} {'':>12} {statistics.median(cold):>10.1f} {statistics.median(warm):>10.1f}")
    finally:
        shutil.rmtree(cache_dir, ignore_errors=True)


def copy_out(cache: ImageCache, job: InfographicJob | PageCardJob, site_dir: Path) -> None:
    files = cache.get(job.key, job.site_paths())
    assert files is not None, "warm cache must hold the job"
    for site_path, source in files.items():
        target = site_dir / site_path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)


def markdown_block(data: dict) -> str:
    import yaml

    return "/// infographic | Benchmark infographic title\n" + yaml.safe_dump(data, sort_keys=False) + "///\n"


if __name__ == "__main__":
    main()
