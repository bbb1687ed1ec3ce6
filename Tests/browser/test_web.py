"""The web UI in a real browser (headless Chromium): two roles of one Member State, what each
sees and may not see, sign-in errors, sign-out. Screenshots go to Tests/browser/screenshots/."""
import pathlib

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

SHOTS = pathlib.Path(__file__).resolve().parent / "screenshots"


@pytest.fixture()
def browser():
    options = Options()
    for arg in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"]:
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(5)
    yield driver
    driver.quit()


def shot(driver, name):
    """The whole page, not only the window: the window grows to the page's height (at most
    4,000 px) for the picture and shrinks back."""
    SHOTS.mkdir(exist_ok=True)
    size = driver.get_window_size()
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(size["width"], min(max(height + 120, size["height"]), 4000))
    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(str(SHOTS / f"{name}.png"))
    driver.set_window_size(size["width"], size["height"])


def sign_in(driver, server, email, password=None):
    driver.get(server.base_url + "/login")
    driver.find_element(By.ID, "email").send_keys(email)
    driver.find_element(By.ID, "password").send_keys(password or server.password)
    driver.find_element(By.CSS_SELECTOR, "form.card button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: not d.current_url.endswith("/login") or d.find_elements(By.ID, "login-error"))


def sign_out(driver):
    driver.find_element(By.CSS_SELECTOR, ".who button").click()
    WebDriverWait(driver, 10).until(expected_conditions.url_contains("/login"))
    assert not driver.find_elements(By.CSS_SELECTOR, ".who")


def nav_labels(driver):
    return [a.text for a in driver.find_elements(By.CSS_SELECTOR, "nav a")]


def test_monitor_sees_the_audit_trail_of_their_state(browser, server):
    email = "fundamental-rights-monitor.de@demo.pactum.example"
    sign_in(browser, server, email)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Your work today"
    assert "Audit trail" in nav_labels(browser)
    assert "Audit trail of Germany" in browser.page_source
    shot(browser, "monitor-dashboard")

    browser.find_element(By.LINK_TEXT, "Open the audit trail").click()
    rows = browser.find_elements(By.CSS_SELECTOR, "table.audit tbody tr")
    cells = [[td.text for td in row.find_elements(By.TAG_NAME, "td")] for row in rows]
    actors = [cell[2] for cell in cells]
    assert any(email in actor for actor in actors), actors
    # Entries by German users, or by anyone about German records (another state's expert
    # reading a German dataset during identification): nothing else.
    for cell in cells:
        actor, record = cell[2], cell[5]
        assert ("(DE)" in actor or "cli:" in actor or "system:" in actor or actor.startswith("anonymous")
                or ", DE" in record), cell
    shot(browser, "monitor-audit")

    browser.find_element(By.LINK_TEXT, "Verify the integrity of the whole chain").click()
    assert "The chain is intact" in browser.find_element(By.ID, "verification").text
    sign_out(browser)


def test_caseworker_cannot_open_the_audit_trail(browser, server):
    sign_in(browser, server, "asylum-caseworker.de@demo.pactum.example")
    assert "Asylum caseworker" in browser.page_source
    assert "Audit trail" not in nav_labels(browser)
    browser.get(server.base_url + "/audit")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Not allowed"
    shot(browser, "caseworker-refused")
    browser.get(server.base_url + "/")
    sign_out(browser)
    browser.get(server.base_url + "/")
    assert browser.current_url.endswith("/login")


def test_wrong_password_is_announced(browser, server):
    sign_in(browser, server, "employer.es@demo.pactum.example", password="not the password")
    error = browser.find_element(By.ID, "login-error")
    assert error.get_attribute("role") == "alert"
    assert "wrong" in error.text
    shot(browser, "wrong-password")


def test_forms_are_labelled_and_keyboard_reachable(browser, server):
    browser.get(server.base_url + "/login")
    for field in browser.find_elements(By.CSS_SELECTOR, "input:not([type=hidden])"):
        field_id = field.get_attribute("id")
        assert browser.find_elements(By.CSS_SELECTOR, f"label[for='{field_id}']"), field_id
    skip = browser.find_element(By.CSS_SELECTOR, "a.skip")
    assert skip.get_attribute("href").endswith("#main")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"


def test_anyone_computes_a_legal_deadline(browser, server):
    from selenium.webdriver.support.ui import Select
    browser.get(server.base_url + "/law")
    Select(browser.find_element(By.ID, "rule")).select_by_value("DUB-14")
    Select(browser.find_element(By.ID, "state")).select_by_value("DE")
    browser.find_element(By.ID, "from").send_keys("2026-08-31")
    browser.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]").click()
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.ID, "due"))
    assert browser.find_element(By.ID, "due").text == "2027-03-01"
    assert "Responsibility shifts" in browser.find_element(By.ID, "result").text
    shot(browser, "legal-clocks")
