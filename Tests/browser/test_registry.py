"""The identity registry in a real browser: the same person registered under two spellings in
Germany and Italy, the candidate reviewed by the Italian fingerprint expert, and the notice of
the hit in the German inbox."""
import csv
import datetime

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import run_pactum
from test_web import browser, shot, sign_in, sign_out  # noqa: F401 (the fixture is used by name)


def register(driver, server, reference, given, family, birth, category):
    driver.get(server.base_url + "/registry/new")
    Select(driver.find_element(By.ID, "category")).select_by_value(category)
    event = (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
    for field, value in [("reference", reference), ("givenNames", given), ("familyNames", family),
                         ("dateOfBirth", birth), ("sex", "M"), ("nationalities", "AFG"), ("eventAt", event)]:
        driver.find_element(By.ID, field).send_keys(value)
    driver.find_element(By.CSS_SELECTOR, "form.card button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: "/registry/datasets/" in d.current_url)
    assert reference in driver.find_element(By.TAG_NAME, "h1").text
    # The 72-hour limit in the state's local time with the time left in words, and the feedback.
    assert "hours" in driver.find_element(By.ID, "transmission").text
    assert "left" in driver.find_element(By.ID, "transmission").text
    assert f"Dataset {reference} registered" in driver.find_element(By.ID, "message").text


def test_two_spellings_in_two_states_become_one_hit_and_a_notice(browser, server):
    sign_in(browser, server, "registry-operator.de@demo.pactum.example")
    register(browser, server, "DE-BROWSER-1", "Gholamreza", "Rahimzadeh", "1994-05-17", "A")
    shot(browser, "registry-dataset-de")
    sign_out(browser)

    sign_in(browser, server, "registry-operator.it@demo.pactum.example")
    register(browser, server, "IT-BROWSER-1", "Gholam Reza", "Rahimzade", "1994-05-17", "D")
    sign_out(browser)

    sign_in(browser, server, "fingerprint-expert.it@demo.pactum.example")
    browser.get(server.base_url + "/registry/review")
    # The demo registry leaves candidates of its own; ours is the one with both references.
    candidate = next(section for section in browser.find_elements(By.CSS_SELECTOR, "section.candidate")
                     if "DE-BROWSER-1" in section.text and "IT-BROWSER-1" in section.text)
    candidate_id = candidate.get_attribute("id")
    fields = [row.find_elements(By.TAG_NAME, "td")[0].text
              for row in candidate.find_elements(By.CSS_SELECTOR, "table.explanation tbody tr")]
    assert fields[:3] == ["givenName", "familyName", "dateOfBirth"]
    shot(browser, "registry-review")
    candidate.find_element(By.XPATH, ".//button[text()='Confirm hit']").click()
    WebDriverWait(browser, 10).until(lambda d: "/registry/review" in d.current_url and not d.find_elements(By.ID, candidate_id))
    sign_out(browser)

    sign_in(browser, server, "registry-operator.de@demo.pactum.example")
    browser.get(server.base_url + "/registry/inbox")
    row = next(tr for tr in browser.find_elements(By.CSS_SELECTOR, "#inbox tbody tr") if "DE-BROWSER-1" in tr.text)
    notice = row.find_element(By.CSS_SELECTOR, "td.notice-hit")
    assert "IT registered a category D dataset" in notice.text
    assert "Rahimzade" not in row.text
    shot(browser, "registry-inbox")
    row.find_element(By.XPATH, ".//button[text()='Acknowledge']").click()
    # The acknowledgement reloads the page: a row read during the reload is stale, so try again.
    WebDriverWait(browser, 10, ignored_exceptions=(StaleElementReferenceException,)).until(
        lambda d: any("DE-BROWSER-1" in tr.text and "read " in tr.text
                      for tr in d.find_elements(By.CSS_SELECTOR, "#inbox tbody tr")))
    # The person page now shows what the hit returned of the Italian dataset.
    browser.find_element(By.LINK_TEXT, "DE-BROWSER-1").click()
    browser.find_element(By.LINK_TEXT, "Person page").click()
    assert "IT IT-BROWSER-1: category D" in browser.find_element(By.ID, "other-datasets").text


def test_fingerprints_captured_in_two_states_find_the_person_under_another_name(browser, server, tmp_path):
    # Two synthetic records of one person: their ten-prints are two impressions of the same fingers.
    prints = tmp_path / "prints"
    made = run_pactum("identity", "generate", "--persons", "4", "--seed", "11", "--duplicates", "1",
                      "--out", str(tmp_path / "people.csv"), "--fingerprints", str(prints))
    assert made.returncode == 0, made.stderr
    rows = list(csv.DictReader((tmp_path / "people.csv").open()))
    first, second = next([a, b] for a in rows for b in rows
                         if a["person_id"] == b["person_id"] and a["id"] < b["id"])

    def capture(record_id):
        browser.find_element(By.ID, "fingerprints").send_keys(str(prints / f"{record_id}.fmr"))
        browser.find_element(By.CSS_SELECTOR, "#biometrics-form button[type=submit]").click()
        WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.ID, "message"))
        assert "fingerprints: iso-19794-2:2005" in browser.find_element(By.ID, "biometrics").text
        assert not browser.find_elements(By.ID, "biometrics-form")
        return browser.find_element(By.ID, "message").text

    sign_in(browser, server, "registry-operator.de@demo.pactum.example")
    register(browser, server, "DE-PRINTS-1", "Yusuf", "Haidari", "1990-03-08", "A")
    capture(first["id"])
    shot(browser, "registry-biometrics-de")
    sign_out(browser)

    sign_in(browser, server, "registry-operator.it@demo.pactum.example")
    register(browser, server, "IT-PRINTS-1", "Samir", "Nouri", "1987-10-21", "D")
    # A file that is no template is refused with the reader's reason, and nothing is recorded.
    junk = tmp_path / "junk.fmr"
    junk.write_bytes(b"not a template")
    browser.find_element(By.ID, "fingerprints").send_keys(str(junk))
    browser.find_element(By.CSS_SELECTOR, "#biometrics-form button[type=submit]").click()
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "div.error"))
    assert "fingerprints" in browser.find_element(By.CSS_SELECTOR, "div.error").text
    assert browser.find_element(By.ID, "biometrics").text == "None recorded."
    assert "1 candidates for the experts" in capture(second["id"])
    sign_out(browser)

    sign_in(browser, server, "fingerprint-expert.it@demo.pactum.example")
    browser.get(server.base_url + "/registry/review")
    candidate = next(section for section in browser.find_elements(By.CSS_SELECTOR, "section.candidate")
                     if "DE-PRINTS-1" in section.text and "IT-PRINTS-1" in section.text)
    assert "Why: fingerprints" in candidate.text
    reasons = candidate.find_element(By.CSS_SELECTOR, "ul.reasons").text
    assert "fingerprints: 10 compared" in reasons and "hit: fused evidence" in reasons
    assert candidate.find_elements(By.CSS_SELECTOR, "figure.drawing svg line")
    shot(browser, "registry-review-fingerprints")
