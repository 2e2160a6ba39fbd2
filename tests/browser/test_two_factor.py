"""Two-step sign-in in the browser: a Kasubag PTIP sets up the authenticator app on first sign-in (scanning
is replaced by reading the secret the screen shows, as a phone app would), keeps the recovery codes, and on
the next sign-in is asked for the code before the dashboard."""

import base64
import time

from tests.browser.conftest import PASSWORD


def app_code(secret_text, steps_ahead=0):
    """What an authenticator app shows for this secret: django-otp's own TOTP (30 s steps, 6 digits)."""
    from django_otp.oath import TOTP

    totp = TOTP(base64.b32decode(secret_text.replace(" ", "")))
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"


def new_tab(browser, court, problems):
    context = browser.new_context(locale="id-ID", viewport={"width": 1280, "height": 900}, timezone_id="Asia/Jakarta")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.on("console", lambda m: problems.append(f"{page.url}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"{page.url}: {e}"))
    return context, page


def sign_in(page, court, username):
    page.goto(court.url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")


def test_kasubag_sets_up_the_app_then_signs_in_with_a_code(live_court, browser, settings):
    from playwright.sync_api import expect

    settings.WARTA_REQUIRE_2FA = True
    problems = []

    context, page = new_tab(browser, live_court, problems)
    sign_in(page, live_court, "kasubag")
    expect(page.get_by_role("heading", name="Atur verifikasi dua langkah")).to_be_visible()
    expect(page.get_by_text("Peran Anda wajib memakai verifikasi dua langkah")).to_be_visible()
    expect(page.get_by_alt_text("Kode QR untuk aplikasi autentikator")).to_be_visible()
    secret = page.locator("[data-secret]").inner_text()

    page.fill("#id_code", "000000")
    page.get_by_role("button", name="Aktifkan").click()
    expect(page.locator(".messages").get_by_text("Kode tidak cocok")).to_be_visible()
    time.sleep(1.1)  # django-otp makes the device wait a second after a wrong code
    page.fill("#id_code", app_code(secret))
    page.get_by_role("button", name="Aktifkan").click()
    expect(page.get_by_role("heading", name="Verifikasi dua langkah aktif")).to_be_visible()
    expect(page.get_by_text("Kode ini hanya ditampilkan sekarang")).to_be_visible()
    assert page.locator(".warta-recovery-codes li").count() == 10
    page.get_by_role("link", name="Saya sudah menyimpan kode ini, lanjutkan").click()
    page.wait_for_url(live_court.url + "/admin/")
    context.close()

    # the next sign-in asks for the app's code (the next one: a code is accepted once) before the dashboard
    context, page = new_tab(browser, live_court, problems)
    sign_in(page, live_court, "kasubag")
    expect(page.get_by_role("heading", name="Masukkan kode verifikasi")).to_be_visible()
    page.goto(live_court.url + "/admin/pages/")
    expect(page.get_by_role("heading", name="Masukkan kode verifikasi")).to_be_visible()
    page.fill("#id_code", app_code(secret, steps_ahead=1))
    page.get_by_role("button", name="Verifikasi").click()
    page.wait_for_url(live_court.url + "/admin/pages/")
    context.close()
    assert problems == [], problems


def test_locked_sign_in_and_the_kasubag_unlocks_it(live_court, browser, settings, open_as):
    from playwright.sync_api import expect

    settings.AXES_FAILURE_LIMIT = 3
    problems = []
    context, page = new_tab(browser, live_court, problems)
    for _ in range(3):
        page.goto(live_court.url + "/admin/login/")
        page.fill("#id_username", "redaktur")
        page.fill("#id_password", "bukan-kata-sandinya")
        page.click("button[type=submit]")
        page.wait_for_load_state("networkidle")
    expect(page.get_by_role("heading", name="Login terkunci sementara")).to_be_visible()
    expect(page.get_by_text("Terlalu banyak percobaan masuk yang gagal (3 kali)")).to_be_visible()
    expect(page.get_by_text("Pengaturan → Login terkunci")).to_be_visible()

    kasubag = open_as("kasubag")
    kasubag.go("/admin/")
    kasubag.page.get_by_role("button", name="Pengaturan").click()
    kasubag.page.get_by_role("link", name="Login terkunci").click()
    row = kasubag.page.get_by_role("row", name="redaktur")
    expect(row).to_be_visible()
    row.get_by_role("button", name="Buka kunci").click()
    kasubag.see("Login redaktur dibuka kembali.")
    kasubag.see("Tidak ada login yang terkunci.")

    sign_in(page, live_court, "redaktur")
    page.wait_for_url(live_court.url + "/admin/")
    context.close()
    # the lockout page is answered with 429 Too Many Requests on purpose; the browser logs that status
    assert [problem for problem in problems if "status of 429" not in problem] == [], problems


def test_an_admin_turns_it_on_from_the_account_screen(open_as):
    from playwright.sync_api import expect

    admin = open_as("admin")
    admin.go("/admin/account/")
    admin.page.get_by_role("tab", name="Tindakan lainnya").click()
    expect(admin.page.get_by_text("Aplikasi autentikator di ponsel dan kode pemulihan")).to_be_visible()
    admin.page.get_by_role("link", name="Verifikasi dua langkah").click()
    expect(admin.page.get_by_role("heading", name="Atur verifikasi dua langkah")).to_be_visible()
    expect(admin.page.get_by_text("Peran Anda wajib memakai")).to_have_count(0)
    secret = admin.page.locator("[data-secret]").inner_text()
    admin.page.fill("#id_code", app_code(secret))
    admin.page.get_by_role("button", name="Aktifkan").click()
    expect(admin.page.get_by_role("heading", name="Verifikasi dua langkah aktif")).to_be_visible()
