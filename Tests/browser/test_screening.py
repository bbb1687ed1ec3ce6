"""Screening in a real browser: an Italian screening officer opens a screening of a person
disembarked at Lampedusa, records every check (the passport's MRZ among them), fills the form,
lets the person flag an inaccuracy, refers the person to the asylum registration authority and
checks the form and the person's copy; the caseworker finds the form in the referrals."""
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


def submit(driver, section_id):
    """Submits the form of a section of the case page and waits for the page to come back."""
    form = driver.find_element(By.XPATH, f"//h2[@id='{section_id}']/following-sibling::form[1]")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    # The page is posted and comes back: wait until the old one is gone.
    replaced(driver, form)
    errors = driver.find_elements(By.CSS_SELECTOR, "div.error")
    assert not errors, errors[0].text


def click_and_wait(driver, text):
    button = driver.find_element(By.XPATH, f"//button[text()='{text}']")
    button.click()
    replaced(driver, button)
    errors = driver.find_elements(By.CSS_SELECTOR, "div.error")
    assert not errors, errors[0].text


def test_one_screening_from_disembarkation_to_referral(browser, server):
    sign_in(browser, server, "screening-officer.it@demo.pactum.example")
    browser.get(server.base_url + "/screening")
    event = (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M:%SZ")
    Select(browser.find_element(By.ID, "situation")).select_by_value("disembarkation")
    for field, value in [("reference", "IT-BROWSER-SCR-1"), ("eventAt", event), ("eventPlace", "Lampedusa"),
                         ("familyNames", "Haddad"), ("givenNames", "Rania"), ("dateOfBirth", "1992-07-04"),
                         ("sex", "F"), ("nationalities", "SYR")]:
        browser.find_element(By.ID, field).send_keys(value)
    browser.find_element(By.CSS_SELECTOR, "#open-form button[type=submit]").click()
    WebDriverWait(browser, 10).until(lambda d: "/screening/cases/" in d.current_url)
    assert "SCR-T1" in browser.find_element(By.ID, "clock").text
    assert browser.find_element(By.ID, "status").text == "open"

    Select(browser.find_element(By.ID, "outcome")).select_by_value("no-further-check")
    submit(browser, "health")
    browser.find_element(By.CSS_SELECTOR, "input[name='indicator[]'][value='pregnancy']").click()
    browser.find_element(By.ID, "specialNeeds").send_keys("antenatal care")
    submit(browser, "vulnerability")
    assert browser.find_element(By.CSS_SELECTOR, "input[value='pregnancy']").is_selected()
    browser.find_element(By.ID, "mrz").send_keys(MRZ)
    browser.find_element(By.ID, "languages").send_keys("Arabic")
    browser.find_element(By.NAME, "identityConfirmed").click()
    submit(browser, "identity")
    assert "N98765432" in browser.find_element(By.ID, "summary").text
    click_and_wait(browser, "Register the biometrics in the registry")
    assert browser.find_elements(By.LINK_TEXT, "dataset registered")
    click_and_wait(browser, "Run the security check (SCR Art 15)")
    assert browser.find_element(By.ID, "security-result").text == "No hit"

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
    submit(browser, "referral-form")
    assert "asylum-registration, IT" in browser.find_element(By.ID, "referral").text
    assert browser.find_element(By.ID, "status").text == "referred"

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
    browser.get(server.base_url + "/screening/referrals")
    row = next(tr for tr in browser.find_elements(By.CSS_SELECTOR, "#referrals tbody tr") if "IT-BROWSER-SCR-1" in tr.text)
    assert "HADDAD, RANIA" in row.text
    row.find_element(By.XPATH, ".//button[text()='Acknowledge']").click()
    replaced(browser, row)
    row = next(tr for tr in browser.find_elements(By.CSS_SELECTOR, "#referrals tbody tr") if "IT-BROWSER-SCR-1" in tr.text)
    assert not row.find_elements(By.TAG_NAME, "button")
    shot(browser, "screening-referrals")
