"""The pages in another language, in a real browser: a user switches to German from the footer,
gets the banner in German and keeps the choice; every page they reach speaks German (no English
interface phrase, no internal code, no serious axe violation); the person's copy of a screening
form opens in the person's language with the others listed. Each test switches back to English:
the demo server is shared by the whole suite."""
import contextlib
import re

from selenium.webdriver.common.by import By

from test_pages import axe_violations, internal_codes, links, shape  # noqa: F401
from test_web import browser, shot, sign_in  # noqa: F401  (fixtures and helpers)

# Phrases of the English interface that a German page must not show (text the pages write,
# not what officials typed; parts marked lang="en", such as the legal reasoning, are left out).
ENGLISH_UI = ["Sign out", "Skip to content", "Your work today", "Nearest limit", "how it is counted",
              " left", "Back to", "Open the", "Record the", "There is a problem", "Demonstration data",
              "Screening form", "Candidates to", "Legal clocks", "Audit trail"]


def choose(driver, language):
    """Clicks a language in the footer's switch and waits for the page it comes back to."""
    driver.find_element(By.CSS_SELECTOR, f"nav.languages button[lang={language}]").click()
    driver.find_element(By.ID, "message")


@contextlib.contextmanager
def in_language(driver, server, email, language):
    sign_in(driver, server, email)
    choose(driver, language)
    try:
        yield
    finally:
        driver.get(server.base_url + "/")
        choose(driver, "en")


def visible_text(driver):
    return driver.execute_script(
        "const b = document.body.cloneNode(true);"
        "b.querySelectorAll('code, kbd, samp, [lang=en], nav.languages').forEach(e => e.remove());"
        "document.documentElement.appendChild(b); const t = b.innerText; b.remove(); return t;")


def test_a_user_switches_to_german_and_every_page_follows(browser, server):  # noqa: F811
    email = "screening-officer.de@demo.pactum.example"
    with in_language(browser, server, email, "de"):
        assert browser.find_element(By.ID, "message").text == "Ihre Seiten sind jetzt auf Deutsch."
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "de"
        browser.get(server.base_url + "/")
        assert browser.find_element(By.TAG_NAME, "h1").text == "Ihre Arbeit heute"
        assert "Demonstrationsdaten" in browser.find_element(By.ID, "demo-banner").text
        shot(browser, "dashboard-screening-officer-de")
        seen, problems, queue = set(), {}, ["/"]
        shapes = {}
        while queue and len(seen) < 25:
            path = queue.pop(0)
            if path in seen or shapes.get(shape(path), 0) >= 2:
                continue
            seen.add(path)
            shapes[shape(path)] = shapes.get(shape(path), 0) + 1
            browser.get(server.base_url + path)
            text = visible_text(browser)
            found = [f"English: {p.strip()}" for p in ENGLISH_UI if p in text]
            found += internal_codes(text) + axe_violations(browser)
            if browser.find_element(By.TAG_NAME, "html").get_attribute("lang") != "de":
                found.append("html lang is not de")
            if found:
                problems[path] = found
            queue += [link for link in links(browser, server.base_url)
                      if link not in seen and "language=" not in link]
        print(f"German: {len(seen)} pages walked, {len(problems)} with a problem")
        assert len(seen) >= 6, seen
        assert not problems, "\n".join(f"{path}: {found}" for path, found in problems.items())


def test_the_clock_reads_in_french_with_the_time_left_in_words(browser, server):  # noqa: F811
    with in_language(browser, server, "screening-officer.it@demo.pactum.example", "fr"):
        browser.get(server.base_url + "/screening")
        clocks = [c.text for c in browser.find_elements(By.CSS_SELECTOR, "#screenings .clock")]
        assert clocks, "the demo has open screenings in Italy"
        assert all("mode de calcul" in c for c in clocks), clocks
        assert any(re.search(r"encore \d+ (jours?|heures?|minutes?)|dépassé de", c) for c in clocks), clocks


def test_the_persons_copy_opens_in_another_language_with_the_choices_listed(browser, server):  # noqa: F811
    sign_in(browser, server, "screening-officer.it@demo.pactum.example")
    browser.get(server.base_url + "/screening")
    browser.find_element(By.CSS_SELECTOR, "#screenings tbody a").click()
    browser.find_element(By.ID, "copy-link").click()
    choices = browser.find_element(By.ID, "copy-languages")
    names = [e.text for e in choices.find_elements(By.CSS_SELECTOR, "li")]
    assert names == ["English", "Deutsch", "Français", "Italiano", "Español"], names
    choices.find_element(By.CSS_SELECTOR, "a[lang=es]").click()
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "es"
    assert "Formulario de triaje" in browser.find_element(By.TAG_NAME, "h1").text
    assert browser.find_element(By.CSS_SELECTOR, "#copy-languages strong[lang=es]").text == "Español"
    assert not axe_violations(browser)
    shot(browser, "persons-copy-es")
    # The official's own pages stay in the official's language.
    browser.get(server.base_url + "/screening")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
