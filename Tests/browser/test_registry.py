"""The identity registry in a real browser: the same person registered under two spellings in
Germany and Italy is a name-only candidate the Italian expert refers for a fingerprint
comparison; fingerprints captured in both states are a hit the expert confirms, and the notice
of the hit reaches the German inbox."""
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
    # The event two hours ago, in the official's local time (CET in December, for DE and IT).
    event = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=1))) - datetime.timedelta(hours=2)
    driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.ID, "eventAt"),
                          event.strftime("%Y-%m-%dT%H:%M"))
    driver.find_element(By.ID, "reference").clear()
    for field, value in [("reference", reference), ("givenNames", given), ("familyNames", family),
                         ("dateOfBirth", birth), ("nationalities", "AFG")]:
        driver.find_element(By.ID, field).send_keys(value)
    Select(driver.find_element(By.ID, "sex")).select_by_value("M")
    driver.find_element(By.CSS_SELECTOR, "form.card button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: "/registry/datasets/" in d.current_url)
    assert reference in driver.find_element(By.TAG_NAME, "h1").text
    # The 72-hour limit in the state's local time with the time left in words, and the feedback.
    assert "hours" in driver.find_element(By.ID, "transmission").text
    assert "left" in driver.find_element(By.ID, "transmission").text
    assert f"Dataset {reference} registered" in driver.find_element(By.ID, "message").text


def open_candidate(driver, server, kind, *references):
    """Opens, from the expert's queue of that kind, the candidate with all the references."""
    page = 1
    while True:
        driver.get(f"{server.base_url}/registry/review?kind={kind}&page={page}")
        rows = driver.find_elements(By.CSS_SELECTOR, "li.candidate-row")
        row = next((r for r in rows if all(ref in r.text for ref in references)), None)
        if row:
            row.find_element(By.PARTIAL_LINK_TEXT, "Compare and decide").click()
            return
        assert driver.find_elements(By.CSS_SELECTOR, "a[rel=next]"), f"no candidate with {references}"
        page += 1


def decide(driver, button, confirm_text):
    """A decision, then its confirmation step; returns the banner's text."""
    driver.find_element(By.ID, button).click()
    assert confirm_text in driver.find_element(By.ID, "confirm-step").text
    driver.find_element(By.ID, "confirm-decision").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.ID, "message"))
    return driver.find_element(By.ID, "message").text


def test_two_spellings_in_two_states_are_a_name_only_candidate_referred_for_comparison(browser, server):
    sign_in(browser, server, "registry-operator.de@demo.pactum.example")
    register(browser, server, "DE-BROWSER-1", "Gholamreza", "Rahimzadeh", "1994-05-17", "A")
    shot(browser, "registry-dataset-de")
    sign_out(browser)

    sign_in(browser, server, "registry-operator.it@demo.pactum.example")
    register(browser, server, "IT-BROWSER-1", "Gholam Reza", "Rahimzade", "1994-05-17", "D")
    sign_out(browser)

    sign_in(browser, server, "fingerprint-expert.it@demo.pactum.example")
    # The dashboard counts the queue and leads to it.
    queue = browser.find_element(By.ID, "queue-candidates")
    assert int(queue.find_element(By.CSS_SELECTOR, ".count").text) >= 1
    open_candidate(browser, server, "biographic", "DE-BROWSER-1", "IT-BROWSER-1")
    fields = [row.find_elements(By.TAG_NAME, "td")[0].text for row in browser.find_elements(By.CSS_SELECTOR, "#fields tbody tr")]
    assert fields[:3] == ["Given name", "Family name", "Date of birth"]
    assert "Names and dates only" in browser.page_source
    # Names alone are no Eurodac hit: refer or set aside, no confirm.
    assert not browser.find_elements(By.ID, "confirm")
    shot(browser, "registry-review")
    # The confirmation step can be left without a change.
    browser.find_element(By.ID, "refer").click()
    browser.find_element(By.LINK_TEXT, "Cancel").click()
    assert browser.find_elements(By.ID, "refer")
    banner = decide(browser, "refer", "Refer this candidate for a fingerprint comparison?")
    assert "referred: record its fingerprints to compare them" in banner
    assert not [r for r in browser.find_elements(By.CSS_SELECTOR, "li.candidate-row") if "DE-BROWSER-1" in r.text]
    sign_out(browser)


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
        assert "Fingerprints (ISO/IEC 19794-2:2005)" in browser.find_element(By.ID, "biometrics").text
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
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.ID, "error-summary"))
    assert "Fingerprint record" in browser.find_element(By.ID, "error-summary").text
    assert browser.find_element(By.ID, "biometrics").text == "None recorded."
    assert "1 candidate for the experts" in capture(second["id"])
    sign_out(browser)

    sign_in(browser, server, "fingerprint-expert.it@demo.pactum.example")
    open_candidate(browser, server, "biometric", "DE-PRINTS-1", "IT-PRINTS-1")
    assert "Fingerprints compared" in browser.find_element(By.ID, "fingers").text
    assert browser.find_elements(By.CSS_SELECTOR, "figure.drawing svg line")
    browser.find_element(By.CSS_SELECTOR, "details.reasons-detail summary").click()
    reasons = browser.find_element(By.CSS_SELECTOR, "ul.reasons").text
    assert "fingerprints: 10 compared" in reasons and "hit: fused evidence" in reasons
    assert not browser.find_elements(By.ID, "refer")
    shot(browser, "registry-review-fingerprints")
    banner = decide(browser, "confirm", "Confirm this hit?")
    assert "Hit confirmed: IT-PRINTS-1 and DE-PRINTS-1" in banner
    sign_out(browser)

    sign_in(browser, server, "registry-operator.de@demo.pactum.example")
    assert browser.find_element(By.ID, "queue-notices")
    browser.get(server.base_url + "/registry/inbox")
    row = next(tr for tr in browser.find_elements(By.CSS_SELECTOR, "#inbox tbody tr") if "DE-PRINTS-1" in tr.text)
    notice = row.find_element(By.CSS_SELECTOR, "td.notice-hit")
    assert "IT registered a category D dataset" in notice.text
    assert "Nouri" not in row.text
    shot(browser, "registry-inbox")
    row.find_element(By.XPATH, ".//button[text()='Acknowledge']").click()
    # The acknowledgement reloads the page: a row read during the reload is stale, so try again.
    WebDriverWait(browser, 10, ignored_exceptions=(StaleElementReferenceException,)).until(
        lambda d: any("DE-PRINTS-1" in tr.text and "read " in tr.text
                      for tr in d.find_elements(By.CSS_SELECTOR, "#inbox tbody tr")))
    # The person page, titled by the person's name, shows what the hit returned of the Italian dataset.
    browser.find_element(By.LINK_TEXT, "DE-PRINTS-1").click()
    browser.find_element(By.LINK_TEXT, "Person page").click()
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Haidari, Yusuf")
    assert "Italy IT-PRINTS-1: category D" in browser.find_element(By.ID, "other-datasets").text
