"""The Content-Security-Policy as chromium enforces it: the suite's listener sees what the policy refuses."""


def directives(policy):
    """{directive: its sources} of a policy header (the order of directives carries no meaning)."""
    return {part.split()[0]: " ".join(part.split()[1:]) for part in policy.split(";") if part.strip()}


def test_the_public_site_refuses_inline_script_and_the_listener_reports_it(live_court, browser):
    context = browser.new_context(locale="id-ID")
    page = context.new_page()
    response = page.goto(live_court.url + "/")
    policy = directives(response.headers["content-security-policy"])
    assert policy["script-src"] == "'self'" and policy["object-src"] == "'none'"
    assert page.get_by_role("link", name="Langsung ke konten utama").count() == 1

    # what an injected <script> would be (Playwright's own evaluate is not subject to the page's CSP)
    refused = page.evaluate("""() => new Promise((resolve) => {
        document.addEventListener("securitypolicyviolation", (event) => resolve(event.effectiveDirective));
        const script = document.createElement("script");
        script.textContent = "window.injected = true;";
        document.body.append(script);
    })""")
    assert refused == "script-src-elem"
    assert page.evaluate("window.injected === undefined")
    context.close()
    assert any("script-src-elem refused inline" in violation for violation in browser.violations), browser.violations
    browser.violations.clear()  # expected here; any other violation in the suite fails its test


def test_the_admin_runs_wagtail_under_its_own_policy(open_as):
    kasubag = open_as("kasubag")
    response = kasubag.go("/admin/pages/")
    policy = directives(response.headers["content-security-policy"])
    assert policy["script-src"] == "'self' 'unsafe-inline'" and policy["object-src"] == "'none'"
    kasubag.see("Halaman")
