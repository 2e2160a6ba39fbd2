"""The Sekretaris is told that a monev report waits for her approval, and approves it from "Tugas saya"."""

from playwright.sync_api import expect

from tests.support.factories import submitted_monev_report


def submitted_report(live_court):
    return submitted_monev_report(live_court.site, live_court.users["kasubag"])


def test_sekretaris_sees_the_waiting_report_and_approves_it(live_court, open_as):
    report = submitted_report(live_court)
    sekretaris = open_as("sekretaris")
    tasks = sekretaris.page.locator("#warta-my-tasks-section")
    expect(tasks).not_to_contain_text("Tidak ada yang menunggu Anda")
    row = tasks.locator("tr", has_text=str(report))
    expect(row).to_contain_text("Persetujuan Sekretaris (arsip monev)")
    expect(row).to_contain_text("Siti Rahma")  # submitted by the Kasubag
    row.get_by_role("button", name="Setujui", exact=True).click()
    sekretaris.page.wait_for_load_state("networkidle")
    expect(sekretaris.page.locator(".messages")).to_contain_text(f"'{report}' disetujui. Laporan diarsipkan")
    report.refresh_from_db()
    assert report.live and report.is_archived
    expect(sekretaris.page.locator("#warta-my-tasks-section")).to_contain_text("Tidak ada yang menunggu Anda")


def test_approving_from_the_report_form_says_archived_and_a_second_click_changes_nothing(live_court, open_as):
    report = submitted_report(live_court)
    sekretaris = open_as("sekretaris")
    sekretaris.go(f"/admin/snippets/monev/monevreport/edit/{report.pk}/")
    # A second tab (or a double click) holds the same form as it was before the approval.
    stale = sekretaris.page.evaluate("""() => {
        const form = document.querySelector('form[action*="/edit/"][method=POST], form[action*="/edit/"][method=post]');
        const data = new FormData(form);
        data.set('action-workflow-action', 'true');
        data.set('workflow-action-name', 'approve');
        return [...data.entries()];
    }""")
    sekretaris.page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    sekretaris.page.get_by_role("button", name="Setujui dan terbitkan").first.click()
    sekretaris.page.wait_for_load_state("networkidle")
    expect(sekretaris.page.locator(".messages")).to_contain_text(f"'{report}' disetujui. Laporan diarsipkan")
    expect(sekretaris.page.locator(".messages")).not_to_contain_text("diperbarui")
    report.refresh_from_db()
    archived = (report.document_id, report.sha256, report.archived_at)
    assert report.is_archived

    answer = sekretaris.page.evaluate("""async ([url, entries]) => {
        const data = new FormData();
        for (const [k, v] of entries) data.append(k, v);
        const r = await fetch(url, {method: 'POST', body: data, credentials: 'same-origin'});
        return [r.status, await r.text()];
    }""", [f"{live_court.url}/admin/snippets/monev/monevreport/edit/{report.pk}/", stale])
    assert any(name == "warta_review_state" for name, _value in stale)
    assert answer[0] == 200
    assert "sudah diarsipkan dan tidak dapat diubah lagi" in answer[1] or "tidak ada yang diubah" in answer[1]
    report.refresh_from_db()
    assert (report.document_id, report.sha256, report.archived_at) == archived
