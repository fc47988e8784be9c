"""The portal widget in headless Chromium (Debian's package) driven by Playwright."""

import shutil
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bot import PROJECT_ROOT

pytestmark = pytest.mark.e2e

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = PROJECT_ROOT / "tests" / "artifacts"
SCREENSHOT = ARTIFACTS / "widget-360px.png"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _page(directory: Path, server_url: str) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    shutil.copy(PROJECT_ROOT / "web" / "widget.js", directory / "widget.js")
    html = (PROJECT_ROOT / "web" / "index.html").read_text(encoding="utf-8")
    html = html.replace('data-server="http://localhost:5005"', f'data-server="{server_url}"')
    (directory / "index.html").write_text(html, encoding="utf-8")


@pytest.fixture(scope="module")
def site(servers, tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    _page(root / "live", servers.rasa_url)
    _page(root / "down", "http://127.0.0.1:9")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(root)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (scripts/ensure-chromium.sh installs it as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN")
    page = context.new_page()
    yield page
    context.close()


def open_widget(page, url):
    page.goto(url)
    page.get_by_role("button", name="Mở trợ lý Dịch vụ công").click()
    page.get_by_role("button", name="Tôi đã hiểu, bắt đầu").click()
    expect_focus = page.locator("#tldvc-input")
    assert expect_focus.evaluate("el => el === document.activeElement")


def ask(page, text):
    page.fill("#tldvc-input", text)
    page.keyboard.press("Enter")


def test_question_quick_reply_reload_and_screenshot(page, site):
    from playwright.sync_api import expect

    open_widget(page, f"{site}/live/index.html")
    log = page.get_by_role("log")
    assert log.get_attribute("aria-live") == "polite"
    ask(page, "dang ky khai sinh can giay to gi")
    expect(log).to_contain_text("Hồ sơ Đăng ký khai sinh gồm", timeout=20_000)
    ask(page, "bạn giúp được gì")
    page.get_by_role("button", name="Lệ phí").last.click()
    expect(log).to_contain_text("Lệ phí Đăng ký khai sinh", timeout=20_000)
    links = page.locator(".tldvc-log a")
    assert links.count() == 0 or all(h.startswith("http") for h in links.evaluate_all("els => els.map(e => e.href)"))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    assert SCREENSHOT.stat().st_size > 10_000
    # the conversation survives a reload
    page.reload()
    expect(page.get_by_role("log")).to_contain_text("Hồ sơ Đăng ký khai sinh gồm", timeout=10_000)
    panel_width = page.locator("#tldvc-panel").evaluate("el => el.getBoundingClientRect().width")
    assert panel_width <= 360


def test_html_and_script_show_as_plain_text(page, site):
    from playwright.sync_api import expect

    open_widget(page, f"{site}/live/index.html")
    attack = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'
    ask(page, attack)
    expect(page.locator(".tldvc-user").last).to_contain_text(attack)
    page.wait_for_timeout(1500)
    assert page.evaluate("window.__xss") is None
    assert page.locator(".tldvc-log img, .tldvc-log script").count() == 0


def test_unreachable_server_gives_a_clear_message(page, site):
    from playwright.sync_api import expect

    open_widget(page, f"{site}/down/index.html")
    ask(page, "xin chào")
    expect(page.get_by_role("log")).to_contain_text("Không kết nối được máy chủ trợ lý", timeout=20_000)


def test_keyboard_only_use(page, site):
    from playwright.sync_api import expect

    page.goto(f"{site}/live/index.html")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # opens the widget from the launcher
    page.keyboard.press("Enter")  # accepts the privacy notice (focused)
    page.keyboard.type("xin chào")
    page.keyboard.press("Enter")
    expect(page.get_by_role("log")).to_contain_text("Xin chào", timeout=20_000)
    page.keyboard.press("Escape")
    assert page.locator("#tldvc-panel").is_hidden()
    assert page.evaluate("document.activeElement.className") == "tldvc-launch"
