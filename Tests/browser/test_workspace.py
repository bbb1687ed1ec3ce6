"""The main task of the roles the other browser suites do not walk: the Dublin officer's search
(a POST, so no name reaches the address bar), the data-protection officer's export with its
JSON file and "who read this file", and the monitor's allegation followed to its next status."""
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from test_web import browser, shot, sign_in, sign_out  # noqa: F401 (the fixture is used by name)


def search(driver, server, family, given=""):
    driver.get(server.base_url + "/registry")
    driver.find_element(By.ID, "familyNames").send_keys(family)
    if given:
        driver.find_element(By.ID, "givenNames").send_keys(given)
    driver.find_element(By.CSS_SELECTOR, "#search button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.ID, "matches") or d.find_elements(By.ID, "error-summary"))


def test_dublin_officer_searches_by_post_and_the_dpo_exports_the_file(browser, server):
    sign_in(browser, server, "registry-operator.de@demo.pactum.example")
    browser.get(server.base_url + "/registry/worklist")
    dataset_url = browser.find_element(By.CSS_SELECTOR, "table tbody a").get_attribute("href")
    browser.get(dataset_url)
    family = browser.find_element(By.ID, "family-names").text
    given = browser.find_element(By.ID, "names").text.replace(family, "").strip()
    sign_out(browser)

    sign_in(browser, server, "dublin-officer.de@demo.pactum.example")
    # An empty family name is refused with the field named and linked.
    search(browser, server, "")
    summary = browser.find_element(By.ID, "error-summary")
    assert "Family names" in summary.text
    summary.find_element(By.LINK_TEXT, "Family names").click()
    assert browser.switch_to.active_element.get_attribute("id") == "familyNames"
    search(browser, server, family, given)
    assert family in browser.find_element(By.ID, "matches").text
    # The names were posted: the address bar holds none of them.
    assert urllib.parse.quote(family) not in browser.current_url and family not in browser.current_url
    assert browser.current_url.endswith("/registry/search")
    shot(browser, "registry-search-dublin")
    sign_out(browser)

    sign_in(browser, server, "data-protection-officer.de@demo.pactum.example")
    browser.get(dataset_url)
    browser.find_element(By.LINK_TEXT, "Person page").click()
    browser.find_element(By.LINK_TEXT, "Everything held about this person").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "Data held about a person"
    link = browser.find_element(By.ID, "export-json")
    assert link.get_attribute("href").endswith("/export.json") and link.get_attribute("download") is not None
    shot(browser, "dpo-export")
    browser.find_element(By.LINK_TEXT, "Who read this person's file").click()
    assert browser.find_element(By.ID, "record").get_attribute("value")
    sign_out(browser)


def test_monitor_records_an_allegation_and_moves_it_on(browser, server):
    sign_in(browser, server, "fundamental-rights-monitor.it@demo.pactum.example")
    assert browser.find_element(By.ID, "queue-allegations")
    browser.get(server.base_url + "/monitoring")
    Select(browser.find_element(By.ID, "category")).select_by_value("access-to-asylum")
    browser.find_element(By.ID, "description").send_keys("A request for asylum was not recorded (browser test)")
    # The screening is chosen by its reference, not typed as an id.
    screening = Select(browser.find_element(By.ID, "a-screening"))
    assert len(screening.options) > 1 and screening.options[1].text.startswith("IT-")
    screening.select_by_index(1)
    browser.find_element(By.CSS_SELECTOR, "#allegation-form button[type=submit]").click()
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.ID, "message"))
    assert browser.find_element(By.ID, "message").text == "The allegation was recorded."
    row = next(tr for tr in browser.find_elements(By.CSS_SELECTOR, "#allegations tbody tr") if "(browser test)" in tr.text)
    assert "Received" in row.text
    Select(row.find_element(By.NAME, "status")).select_by_visible_text("Being investigated")
    row.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.ID, "message"))
    assert browser.find_element(By.ID, "message").text == "The allegation is now: Being investigated."
    shot(browser, "monitoring")
