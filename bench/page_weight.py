"""Page weight and first paint of the timeline page, measured in headless Chromium.

    .venv/bin/python bench/page_weight.py http://127.0.0.1:8000/ [--runs 5]

Serve the app as in production (DEBUG=0, collectstatic, gunicorn) on the demo corpus first. Prints, for
the page: the HTML, each script and the inline figure JSON, uncompressed and gzip-compressed (level 6,
as WhiteNoise stores them); then the first contentful paint, the median of ``--runs`` fresh loads, on
localhost and on an emulated slow phone (CDP: 400 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, CPU
slowed 4x, a 390x844 screen). Each load waits explicitly for the load event and the paint entry.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import urllib.request
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
SLOW_NETWORK = {
    "offline": False,
    "latency": 400,
    "downloadThroughput": 1.6 * 1024 * 1024 / 8,
    "uploadThroughput": 750 * 1024 / 8,
}
SLOW_CPU = 4


def _fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (a URL the user gives)
        return response.read()


def _sizes(body: bytes) -> tuple[int, int]:
    return len(body), len(gzip.compress(body, compresslevel=6))


def weight(page: object, url: str) -> list[tuple[str, int, int]]:
    """(what, bytes, gzip bytes) for the HTML, the scripts and the figure JSON of the page at ``url``."""
    rows = [("HTML (with figure)", *_sizes(_fetch(url)))]
    scripts = page.eval_on_selector_all("script[src]", "els => els.map(e => e.src)")
    for src in scripts:
        rows.append((src.rsplit("/", 1)[-1], *_sizes(_fetch(src))))
    figure = page.eval_on_selector("#timeline-figure", "el => el ? el.textContent : ''") or ""
    rows.append(("figure JSON (inline)", *_sizes(figure.encode())))
    return rows


def first_paint(browser: object, url: str, *, slow: bool) -> float:
    """Milliseconds to the first contentful paint of one fresh load."""
    viewport = {"width": 390, "height": 844} if slow else {"width": 1440, "height": 900}
    context = browser.new_context(viewport=viewport, is_mobile=slow, has_touch=slow)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    if slow:
        cdp.send("Network.emulateNetworkConditions", SLOW_NETWORK)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": SLOW_CPU})
    page.goto(url, wait_until="load", timeout=120_000)
    page.wait_for_function(
        "performance.getEntriesByName('first-contentful-paint').length > 0", timeout=120_000, polling=100
    )
    fcp = page.evaluate("performance.getEntriesByName('first-contentful-paint')[0].startTime")
    context.close()
    return float(fcp)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("url")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"])
        page = browser.new_page()
        page.goto(args.url, wait_until="load")
        rows = weight(page, args.url)
        page.close()
        print(f"{'resource':40} {'bytes':>10} {'gzip':>10}")
        for name, raw, packed in rows:
            print(f"{name:40} {raw:>10,} {packed:>10,}")
        print(f"{'total':40} {sum(r[1] for r in rows[:-1]):>10,} {sum(r[2] for r in rows[:-1]):>10,}")
        for label, slow in (("localhost", False), ("slow phone", True)):
            times = [first_paint(browser, args.url, slow=slow) for _ in range(args.runs)]
            print(f"first contentful paint, {label}: median {statistics.median(times):.0f} ms "
                  f"(min {min(times):.0f}, max {max(times):.0f}, {args.runs} loads)")  # fmt: skip
        browser.close()


if __name__ == "__main__":
    main()
