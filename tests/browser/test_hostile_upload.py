"""An Admin uploads a broken photo through Wagtail's multiple upload screen and reads why it was refused."""

from tests.cms.test_hostile_uploads import truncated_jpeg


def test_a_corrupt_image_upload_shows_the_indonesian_error(live_court, open_as):
    admin = open_as("admin")
    assert admin.go("/admin/images/multiple/add/").status == 200
    admin.page.locator("input[type=file]").first.set_input_files(
        {"name": "sidang-terpotong.jpg", "mimeType": "image/jpeg", "buffer": truncated_jpeg()})
    admin.see("Gambar ini rusak atau tidak utuh")
    admin.see("Simpan ulang gambarnya lalu unggah lagi.")
    assert admin.page.get_by_text("sidang-terpotong.jpg").count() >= 1
    assert not [problem for problem in admin.problems if problem]
