"""Screening in a real browser: an Italian screening officer opens a screening of a person
disembarked at Lampedusa, follows the task list through every check (a mistyped MRZ refused
with what was typed kept, then the passport's MRZ), fills the form, lets the person flag an
inaccuracy, checks the answers and refers the person to the asylum registration authority,
then reads the form and the person's copy; the caseworker opens the referred form, with the
needs recorded at the border, and acknowledges it."""
import datetime

from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import Select, WebDriverWait

from test_web import browser, shot, sign_in, sign_out  # noqa: F401 (the fixture is used by name)

# Made with the PyPI mrz package: TD3CodeGenerator("P", "SYR", "Haddad", "Rania", "N98765432",
# "SYR", "920704", "F", "310101").
MRZ = "P<SYRHADDAD<<RANIA<<<<<<<<<<<<<<<<<<<<<<<<<<\nN987654327SYR9207042F3101012<<<<<<<<<<<<<<06"


def replaced(driver, element):
    """Waits until the posted page has replaced the one that held `element`. Chromium may
    answer for the old element with "stale" or, mid-navigation, with an inspector error: both
    mean it is gone."""
    def gone(d):
        try:
            element.is_enabled()
            return False
        except WebDriverException:
            return d.execute_script("return document.readyState") == "complete"
    WebDriverWait(driver, 10).until(gone)


def submit(driver, section_id, ok=True):
    """Submits the form of a section of the case page and waits for the page to come back,
    with the banner of the save (or, `ok=False`, the error summary)."""
    form = driver.find_element(By.XPATH, f"//h2[@id='{section_id}']/following-sibling::form[1]")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    # The page is posted and comes back: wait until the old one is gone.
    replaced(driver, form)
    errors = driver.find_elements(By.ID, "error-summary")
    if ok:
        assert not errors, errors[0].text
        assert driver.find_element(By.ID, "message").text.startswith("Recorded.")
    else:
        assert errors


def task(driver, step):
    return driver.find_element(By.CSS_SELECTOR, f"#task-{step} .tag").text


def set_local_time(driver, field, moment):
    """A datetime-local input takes its value in the page's own format: set it as the browser would."""
    driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.ID, field),
                          moment.strftime("%Y-%m-%dT%H:%M"))


def click_and_wait(driver, text):
    button = driver.find_element(By.XPATH, f"//button[text()='{text}']")
    button.click()
    replaced(driver, button)
    errors = driver.find_elements(By.ID, "error-summary")
    assert not errors, errors[0].text


def test_one_screening_from_disembarkation_to_referral(browser, server):
    sign_in(browser, server, "screening-officer.it@demo.pactum.example")
    browser.get(server.base_url + "/screening")
    # Pactum proposes a reference and the time of the event: now, in Rome's time.
    assert browser.find_element(By.ID, "reference").get_attribute("value").startswith("IT-")
    assert browser.find_element(By.ID, "eventAt").get_attribute("value")
    rome = datetime.timezone(datetime.timedelta(hours=1))  # CET: December
    event = datetime.datetime.now(rome) - datetime.timedelta(hours=3)
    Select(browser.find_element(By.ID, "situation")).select_by_value("disembarkation")
    browser.find_element(By.ID, "reference").clear()
    set_local_time(browser, "eventAt", event)
    for field, value in [("reference", "IT-BROWSER-SCR-1"), ("eventPlace", "Lampedusa"),
                         ("familyNames", "Haddad"), ("givenNames", "Rania"), ("dateOfBirth", "1992-07-04"),
                         ("nationalities", "SYR")]:
        browser.find_element(By.ID, field).send_keys(value)
    Select(browser.find_element(By.ID, "sex")).select_by_value("F")
    browser.find_element(By.CSS_SELECTOR, "#open-form button[type=submit]").click()
    WebDriverWait(browser, 10).until(lambda d: "/screening/cases/" in d.current_url)
    assert "Screening IT-BROWSER-SCR-1 opened" in browser.find_element(By.ID, "message").text
    assert "SCR-T1" in browser.find_element(By.ID, "clock").text
    assert "left" in browser.find_element(By.ID, "clock").text
    assert browser.find_element(By.ID, "status").text == "In progress"
    assert task(browser, "safeguards") == "Not needed" and task(browser, "health") == "To do"

    Select(browser.find_element(By.ID, "outcome")).select_by_value("no-further-check")
    submit(browser, "health")
    assert task(browser, "health") == "Done"
    browser.find_element(By.CSS_SELECTOR, "input[name='indicator[]'][value='pregnancy']").click()
    browser.find_element(By.ID, "specialNeeds").send_keys("antenatal care")
    submit(browser, "vulnerability")
    assert browser.find_element(By.CSS_SELECTOR, "input[value='pregnancy']").is_selected()
    assert browser.find_element(By.ID, "specialNeeds").get_attribute("value") == "antenatal care"
    # A mistyped MRZ is refused, and what was typed comes back to be corrected.
    browser.find_element(By.ID, "mrz").send_keys(MRZ.replace("06", "07"))
    browser.find_element(By.ID, "languages").send_keys("Arabic")
    submit(browser, "identity", ok=False)
    assert "Machine-readable zone" in browser.find_element(By.ID, "error-summary").text
    assert browser.find_element(By.ID, "mrz").get_attribute("value") == MRZ.replace("06", "07")
    assert browser.find_element(By.ID, "languages").get_attribute("value") == "Arabic"
    assert task(browser, "identity") == "To do"
    browser.find_element(By.ID, "mrz").clear()
    browser.find_element(By.ID, "mrz").send_keys(MRZ)
    browser.find_element(By.NAME, "identityConfirmed").click()
    submit(browser, "identity")
    assert "N98765432" in browser.find_element(By.ID, "summary").text
    assert browser.find_element(By.ID, "languages").get_attribute("value") == "Arabic"
    click_and_wait(browser, "Register the biometrics in the registry")
    assert browser.find_elements(By.LINK_TEXT, "dataset registered")
    click_and_wait(browser, "Run the security check (SCR Art 15)")
    assert browser.find_element(By.ID, "security-result").text == "No hit"
    assert [task(browser, s) for s in ("health", "vulnerability", "identity", "biometrics", "security")] == ["Done"] * 5

    browser.find_element(By.NAME, "applied").click()
    Select(browser.find_element(By.ID, "cooperated")).select_by_value("yes")
    browser.find_element(By.ID, "departurePoint").send_keys("Sfax")
    browser.find_element(By.ID, "transitCountries").send_keys("TUN")
    submit(browser, "form")
    browser.find_element(By.ID, "inaccuracies-text").send_keys("The year of birth is 1991")
    button = browser.find_element(By.CSS_SELECTOR, "#inaccuracies button")
    button.click()
    replaced(browser, button)
    shot(browser, "screening-case")

    Select(browser.find_element(By.ID, "referral")).select_by_value("asylum-registration")
    browser.find_element(By.XPATH, "//button[text()='Continue: check before referring']").click()
    # Check your answers: nothing is referred yet.
    assert "international protection" in browser.find_element(By.ID, "check-referral").text
    assert "Done" in browser.find_element(By.ID, "check-tasks").text
    shot(browser, "screening-check-answers")
    click_and_wait(browser, "Refer and transmit the form")
    assert "Asylum authority, Italy" in browser.find_element(By.ID, "referral").text
    assert browser.find_element(By.ID, "status").text == "Referred"
    assert task(browser, "referral-form") == "Done"
    # What no longer applies is gone: no check, no form, no referral.
    assert not browser.find_elements(By.ID, "referral-form") and not browser.find_elements(By.ID, "health")
    shot(browser, "screening-case-referred")

    browser.find_element(By.ID, "form-link").click()
    form = browser.find_element(By.ID, "screening-form").text
    assert "HADDAD, RANIA" in form and "Pregnancy" in form and "Sfax" in form
    assert browser.find_element(By.ID, "identity-status").text == "confirmed"
    assert browser.find_element(By.ID, "applied").text == "yes"
    assert browser.find_element(By.ID, "hit").text == "no"
    assert browser.find_element(By.ID, "form-inaccuracies").text == "The year of birth is 1991"
    shot(browser, "screening-form")
    browser.back()
    browser.find_element(By.ID, "copy-link").click()
    assert "the person's copy" in browser.find_element(By.TAG_NAME, "h1").text
    assert not browser.find_elements(By.ID, "hit")
    assert "(h)" not in browser.find_element(By.ID, "screening-form").text
    sign_out(browser)

    sign_in(browser, server, "asylum-caseworker.it@demo.pactum.example")
    assert int(browser.find_element(By.CSS_SELECTOR, "#queue-referrals .count").text) >= 1
    browser.get(server.base_url + "/screening/referrals")
    row = next(tr for tr in browser.find_elements(By.CSS_SELECTOR, "#referrals tbody tr") if "IT-BROWSER-SCR-1" in tr.text)
    assert "HADDAD, RANIA" in row.text and "to acknowledge" in row.text
    row.find_element(By.LINK_TEXT, "IT-BROWSER-SCR-1").click()
    # The needs recorded at the border reach the asylum authority.
    form = browser.find_element(By.ID, "screening-form").text
    assert "Pregnancy" in form and "antenatal care" in form
    shot(browser, "screening-referral-received")
    click_and_wait(browser, "Acknowledge receipt")
    assert browser.find_element(By.ID, "message").text == "The referral was acknowledged."
    assert browser.find_element(By.ID, "received").text.startswith("Received on")
    assert not browser.find_elements(By.XPATH, "//button[text()='Acknowledge receipt']")
