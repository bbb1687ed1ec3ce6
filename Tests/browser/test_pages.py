"""Every page of the demo, as each role reaches it, in a real browser: no internal code in the
visible text (camelCase, kebab-case, snake_case, dotted action codes, URNs), no serious or
critical axe-core violation, no server error; and a screenshot of each role's dashboard.

The walk follows the links of each page (GET only, same origin), from the dashboard, and
visits at most two pages of each shape (ids and page numbers folded), so that it sees every
kind of page without reading every record."""
import collections
import importlib.util
import pathlib
import re
import urllib.parse

import pytest
from selenium.webdriver.common.by import By

from test_web import browser, shot, sign_in  # noqa: F401  (fixtures and helpers)

ROLES = ["screening-officer", "registry-operator", "fingerprint-expert", "asylum-caseworker",
         "asylum-supervisor", "dublin-officer", "return-officer", "fundamental-rights-monitor",
         "data-protection-officer"]

UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
EMAIL = re.compile(r"\S+@\S+\.\S+")
CODES = {
    "URN": re.compile(r"urn:[a-z]"),
    "camelCase": re.compile(r"\b[a-z]+[A-Z][a-z]+[A-Za-z]*\b"),
    "kebab-case": re.compile(r"\b[a-z][a-z0-9]*(?:-[a-z0-9]+)+\b"),
    "snake_case": re.compile(r"\b[a-z]+_[a-z_]+\b"),
    "dotted code": re.compile(r"\b[a-z]+\.[a-z]+(?:\.[a-z]+)*\b"),
}
# Hyphenated English words and names the pages use as words, not as codes.
ENGLISH = {"sign-in", "sign-ins", "one-time", "third-country", "non-refoulement", "eu-lisa", "e-mail",
           "so-called", "follow-up", "re-entry", "self-declared", "day-to-day", "hand-over", "co-operate",
           "first-come", "up-to-date", "non-compliance", "non-eu", "eu-wide", "yyyy-mm-dd", "one-to-one",
           "search-and-rescue", "long-term", "short-term", "full-time", "part-time", "non-refundable",
           "data-protection", "well-founded", "cross-border", "re-registration", "pre-filled", "two-step",
           "open-source", "hash-chained", "gender-based", "public-health", "humanitarian-clause",
           "name-only", "responsibility-offset", "data-subject"}
SKIP = ("/logout", "/api/", ".json", "/static/")
# axe-core 4.12, as the PyPI package axe-playwright-python ships it (installed without its
# Playwright dependency: only the script is used, injected through Selenium).
AXE = pathlib.Path(importlib.util.find_spec("axe_playwright_python").submodule_search_locations[0]) / "axe.min.js"


def axe_violations(driver):
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(done);")
    return [f"axe {v['impact']}: {v['id']} ({len(v['nodes'])} nodes)" for v in result["violations"]
            if v["impact"] in ("serious", "critical")]


def shape(path):
    return re.sub(r"page=\d+", "page=N", UUID.sub(":id", path))


def internal_codes(text):
    text = EMAIL.sub(" ", text)
    found = []
    for name, pattern in CODES.items():
        for match in pattern.findall(text):
            if name == "kebab-case" and match.lower() in ENGLISH:
                continue
            found.append(f"{name}: {match}")
    return found


def links(driver, base):
    out = []
    for a in driver.find_elements(By.CSS_SELECTOR, "a[href]"):
        href = a.get_attribute("href") or ""
        parsed = urllib.parse.urlparse(href)
        if href.startswith(base) and not any(s in parsed.path for s in SKIP):
            out.append(parsed.path + (f"?{parsed.query}" if parsed.query else ""))
    return out


def walk(driver, server, limit=45):
    """Visits the pages reachable from the dashboard; returns {path: problems}."""
    seen_shapes = collections.Counter()
    queue, visited, problems = ["/"], set(), {}
    while queue and len(visited) < limit:
        path = queue.pop(0)
        if path in visited or seen_shapes[shape(path)] >= 2:
            continue
        visited.add(path)
        seen_shapes[shape(path)] += 1
        driver.get(server.base_url + path)
        page = []
        # Text inside <code> is a format the official types or reads as such (a file's columns).
        body = driver.execute_script(
            "const b = document.body.cloneNode(true);"
            "b.querySelectorAll('code, kbd, samp').forEach(e => e.remove());"
            "document.documentElement.appendChild(b); const t = b.innerText; b.remove(); return t;")
        if "Internal Server Error" in body:
            page.append("server error")
        page += internal_codes(body)
        page += axe_violations(driver)
        if page:
            problems[path] = page
        queue += [link for link in links(driver, server.base_url) if link not in visited]
    return visited, problems


@pytest.mark.parametrize("role", ROLES)
def test_every_page_speaks_words_and_passes_axe(browser, server, role):  # noqa: F811
    sign_in(browser, server, f"{role}.de@demo.pactum.example")
    assert browser.find_element(By.ID, "demo-banner").text.startswith("Demonstration data")
    shot(browser, f"dashboard-{role}")
    visited, problems = walk(browser, server)
    print(f"{role}: {len(visited)} pages walked, {len(problems)} with a problem")
    assert len(visited) >= 4, visited
    assert not problems, "\n".join(f"{path}: {found}" for path, found in problems.items())
