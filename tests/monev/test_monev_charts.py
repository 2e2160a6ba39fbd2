from xml.etree import ElementTree

from monev.charts import Series, bar_chart, hbar_chart, line_chart

SVG = "{http://www.w3.org/2000/svg}"


def test_line_chart_is_valid_accessible_svg_with_one_point_per_value():
    svg = line_chart("Kunjungan situs", ["Jan", "Feb", "Mar"],
                     [Series("Situs", [100, 250, 175]), Series("Facebook", [50, 20, 90])])
    root = ElementTree.fromstring(svg)
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "Kunjungan situs"
    assert len(root.findall(f"{SVG}polyline")) == 2
    circles = root.findall(f"{SVG}circle")
    assert len(circles) == 6
    assert circles[1].find(f"{SVG}title").text == "Feb: 250"


def test_bar_chart_bar_heights_are_proportional():
    svg = bar_chart("Berita terbit", ["Jan", "Feb"], [Series("Terbit", [2, 4])])
    bars = [r for r in ElementTree.fromstring(svg).findall(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    heights = [float(b.get("height")) for b in bars]
    assert heights[1] == 2 * heights[0]
    assert "Feb · Terbit: 4" == bars[1].find(f"{SVG}title").text


def test_empty_and_large_values_render():
    ElementTree.fromstring(bar_chart("Kosong", [], []))
    svg = line_chart("Besar", ["a"], [Series("x", [1234567])])
    assert "1.234.567" in svg  # Indonesian thousands separator


def test_sideways_bars_name_every_category_in_full():
    long_name = "Berita — Sidang Keliling dan Pelayanan Terpadu Kecamatan Sukamaju"
    svg = hbar_chart("Konten terbit per kategori", [long_name, "Pengumuman"], [Series("Jumlah", [6, 3])])
    root = ElementTree.fromstring(svg)
    label = "".join(root.itertext())
    assert long_name.replace(" ", "") in label.replace(" ", "")  # wrapped over lines, never cut
    assert "…" not in label
    bars = [r for r in root.findall(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    assert float(bars[0].get("width")) == 2 * float(bars[1].get("width"))
    assert bars[0].find(f"{SVG}title").text == f"{long_name} · Jumlah: 6"
    ElementTree.fromstring(hbar_chart("Kosong", [], []))
