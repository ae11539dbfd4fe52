"""The web page in a real headless Chromium (Debian's chromium + chromium-driver, via selenium).

A live server runs in a subprocess (``newsfuse serve`` on 127.0.0.1), so these tests also cover
the command. Skipped with a message when the browser or its driver is not installed.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsfuse.model import KINDS

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
HOSTILE = (
    "<script>window.__pwned = 'script';</script> The hostile report <img src=x "
    "onerror=\"window.__pwned = 'img'\"> claims that Sony pulled The Interview after hackers "
    "threatened theaters, and that President Obama said the studio made a mistake in pulling it."
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url: str, process: subprocess.Popen, log: Any) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            if process.poll() is not None:
                log.seek(0)
                pytest.fail(f"newsfuse serve exited with {process.returncode}: {log.read()}")
            if time.monotonic() > deadline:
                pytest.fail("newsfuse serve did not answer /healthz within 60 s")
            time.sleep(0.2)


@pytest.fixture(scope="module")
def server_url() -> Iterator[str]:
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    # A file, not a pipe: nobody reads the server's log while it runs, and a full pipe would block it.
    with tempfile.TemporaryFile(mode="w+") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "newsfuse.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            _wait_until_up(url, process, log)
            yield url
        finally:
            process.terminate()
            process.wait(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip(
            "browser tests need Debian's chromium and chromium-driver "
            "(/usr/bin/chromium, /usr/bin/chromedriver): apt-get install chromium chromium-driver"
        )
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (dev extra)")
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="newsfuse-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        "--window-size=1400,1000",
    ):
        options.add_argument(flag)
    os.environ.setdefault("SE_OFFLINE", "true")  # selenium must not try to download a driver
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_script_timeout(120)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _fill_and_submit(driver: Any, url: str, documents: list[dict[str, str]]) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as conditions
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(url + "/")
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-state"))
    add = driver.find_element(By.ID, "add-report")
    while len(driver.find_elements(By.CSS_SELECTOR, ".report")) < len(documents):
        add.click()
    for node, doc in zip(driver.find_elements(By.CSS_SELECTOR, ".report"), documents, strict=False):
        # Setting .value is how a paste lands; send_keys would type 10k characters one by one.
        driver.execute_script(
            "arguments[0].querySelector('.report-text').value = arguments[1];"
            "arguments[0].querySelector('.report-title').value = arguments[2];",
            node,
            doc["text"],
            doc.get("title", ""),
        )
    driver.find_element(By.ID, "summarize").click()
    WebDriverWait(driver, 120).until(
        conditions.presence_of_element_located((By.CSS_SELECTOR, ".summary-sentence"))
    )


def test_briefing_and_citation_highlight(
    browser: Any, server_url: str, sony_documents: list[dict[str, str]]
) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    _fill_and_submit(browser, server_url, sony_documents)
    sentences = browser.find_elements(By.CSS_SELECTOR, "#summary .summary-sentence")
    assert len(sentences) >= 3
    cards = browser.find_elements(By.CSS_SELECTOR, "#sources .source")
    assert [c.get_attribute("data-doc") for c in cards] == ["d1", "d2", "d3"]
    # Each source shows its kind (the cleaner decides it: the ASR video is a "transcript").
    kinds = [c.find_element(By.CSS_SELECTOR, ".badge.kind").text for c in cards]
    assert kinds[0] == "article" and set(kinds) <= set(KINDS)
    statuses = [c.find_element(By.CSS_SELECTOR, ".badge.status").text for c in cards]
    assert statuses[0] == "used"

    # Click a citation to a source other than the sentence's own: its supporting passage is marked.
    evidence = browser.execute_script("return window.fetch && document.querySelectorAll('mark').length")
    assert evidence == 0
    target = None
    for sentence in sentences:
        buttons = sentence.find_elements(By.CSS_SELECTOR, ".cite")
        if len(buttons) >= 2:
            target = buttons[1]
            break
    assert target is not None, "no summary sentence cites two sources"
    doc_id = target.get_attribute("data-doc")
    target.click()
    card = browser.find_element(By.ID, f"source-{doc_id}")
    assert "focused" in card.get_attribute("class")
    mark = card.find_element(By.CSS_SELECTOR, "mark.evidence.focus")
    assert len(mark.text.split()) >= 3
    assert mark.text in card.find_element(By.CSS_SELECTOR, ".doc-text").text
    # Every cited source of that sentence gets its passage marked, the clicked one in focus.
    assert len(browser.find_elements(By.CSS_SELECTOR, "mark.evidence")) >= 2
    assert len(browser.find_elements(By.CSS_SELECTOR, "mark.evidence.focus")) == 1

    # Hovering another sentence's marker shows its passage; leaving restores the clicked one.
    other = sentences[0].find_element(By.CSS_SELECTOR, ".cite")
    ActionChains(browser).move_to_element(other).perform()
    hovered = browser.find_element(By.ID, f"source-{other.get_attribute('data-doc')}")
    assert hovered.find_elements(By.CSS_SELECTOR, "mark.evidence.focus")
    ActionChains(browser).move_to_element(browser.find_element(By.TAG_NAME, "h1")).perform()
    assert browser.find_element(By.ID, f"source-{doc_id}").find_elements(
        By.CSS_SELECTOR, "mark.evidence.focus"
    )

    # Quotes and the timeline appear when the server sends them (on by default in the page);
    # a quote's marker highlights the quotation itself in its source.
    assert browser.find_element(By.ID, "quotes-section").is_displayed()
    assert browser.find_element(By.ID, "timeline-section").is_displayed()
    quote = browser.find_element(By.CSS_SELECTOR, "#quotes .quote")
    quote.find_element(By.CSS_SELECTOR, ".cite").click()
    marked = browser.find_element(By.CSS_SELECTOR, "mark.evidence.focus").text
    assert marked and marked.strip("“”\"' ") in quote.find_element(By.TAG_NAME, "q").text

    # Nothing was fetched from anywhere but this server.
    resources = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert resources and all(name.startswith(server_url) for name in resources)


def test_document_markup_never_runs(
    browser: Any, server_url: str, sony_documents: list[dict[str, str]]
) -> None:
    from selenium.webdriver.common.by import By

    documents = [
        {"text": sony_documents[0]["text"]},
        {"text": HOSTILE, "title": "<img src=y onerror=\"window.__pwned = 'title'\">"},
        {"text": "Subscribe to our newsletter <svg onload=\"window.__pwned = 'svg'\">."},
    ]
    _fill_and_submit(browser, server_url, documents)
    assert browser.execute_script("return window.__pwned === undefined")
    result = browser.find_element(By.ID, "result")
    # The markup is shown as text, so it was escaped (not merely blocked by the page's CSP).
    sources_text = browser.execute_script("return document.getElementById('sources').textContent")
    assert "<script>window.__pwned = 'script';</script>" in sources_text
    assert "<img src=y onerror=" in sources_text
    assert not result.find_elements(By.CSS_SELECTOR, "script, img, svg")
    # The stub is set aside, and the page says so and why.
    stub = browser.find_element(By.ID, "source-d3")
    assert stub.find_element(By.CSS_SELECTOR, ".badge.status").text.startswith("set aside")
    assert stub.find_element(By.CSS_SELECTOR, ".doc-reason").text.startswith("Why: ")
    # Hover and click every citation: highlighting rebuilds text nodes and must stay inert too.
    for button in browser.find_elements(By.CSS_SELECTOR, "#summary .cite"):
        button.click()
    assert browser.execute_script("return window.__pwned === undefined")
    assert not result.find_elements(By.CSS_SELECTOR, "script, img, svg")


def test_errors_are_shown_to_the_reader(browser: Any, server_url: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(server_url + "/")
    WebDriverWait(browser, 10).until(
        lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-state")
    )
    browser.find_element(By.ID, "summarize").click()
    status = browser.find_element(By.ID, "status")
    assert "at least one report" in status.text
    browser.execute_script("document.getElementById('words').value = '3';")
    browser.execute_script("document.querySelector('.report-text').value = 'Some report text.';")
    browser.find_element(By.ID, "summarize").click()
    WebDriverWait(browser, 30).until(lambda d: "Could not make the briefing" in status.text)
    assert "words" in status.text


def test_uploaded_files_fill_the_reports(browser: Any, server_url: str, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    first, second = tmp_path / "first.txt", tmp_path / "second.html"
    first.write_text("The first report <b>stays text</b>.", encoding="utf-8")
    second.write_text("<html><body><p>The second report.</p></body></html>", encoding="utf-8")
    browser.get(server_url + "/")
    WebDriverWait(browser, 10).until(
        lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-state")
    )
    browser.find_element(By.ID, "upload").send_keys(f"{first}\n{second}")

    def filled(driver: Any) -> list[tuple[str, str]] | None:
        reports = driver.execute_script(
            "return Array.from(document.querySelectorAll('.report')).map("
            "r => [r.querySelector('.report-source').value, r.querySelector('.report-text').value])"
        )
        named = sorted((source, text) for source, text in reports if source)
        return named if len(named) == 2 else None

    reports = WebDriverWait(browser, 10).until(filled)
    assert reports == [
        ("first.txt", first.read_text(encoding="utf-8")),
        ("second.html", second.read_text(encoding="utf-8")),
    ]


@pytest.mark.parametrize(("page", "rendered"), [("/docs", ".opblock"), ("/redoc", "[data-section-id]")])
def test_api_docs_render_offline(browser: Any, server_url: str, page: str, rendered: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(server_url + page)
    WebDriverWait(browser, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, rendered))
    assert "/v1/briefings" in browser.find_element(By.TAG_NAME, "body").text
    # Every script, style and font came from this server (none from a CDN). ReDoc's attribution
    # logo points at cdn.redoc.ly: the page's policy (img-src 'self') blocks it before any request.
    resources = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    outside = {name for name in resources if not name.startswith(server_url)}
    assert resources and outside <= {"https://cdn.redoc.ly/redoc/logo-mini.svg"}, resources
    with urllib.request.urlopen(server_url + page, timeout=10) as response:
        assert "img-src 'self' data:;" in response.headers["Content-Security-Policy"]
