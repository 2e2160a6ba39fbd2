"""Illustrations for the demo court, drawn with Pillow (no downloads, no stock photos).

Each news image is a simple flat-style scene (sky, court building, people and a
motif such as a flag, a projector screen or a van) with a caption band, drawn
from a seeded random generator so the same item always gets the same picture.
Shapes are drawn at twice the size and reduced, which smooths their edges at
little cost; text is drawn afterwards at the final size (FreeType antialiases it).
"""

import io
import random
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

BASE_W, BASE_H = 1600, 900  # scene coordinates; the output may be smaller (see scale)
SUPERSAMPLE = 2

FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu")]

PALETTES = [
    # sky top, sky bottom, ground, accent
    ((28, 74, 122), (150, 196, 226), (92, 140, 84), (178, 34, 34)),
    ((47, 86, 66), (190, 216, 190), (120, 150, 96), (196, 150, 40)),
    ((84, 52, 110), (230, 180, 150), (110, 120, 90), (200, 80, 50)),
    ((20, 60, 90), (120, 190, 200), (70, 120, 110), (230, 170, 40)),
    ((110, 40, 40), (240, 200, 140), (140, 110, 70), (40, 90, 150)),
    ((30, 50, 80), (200, 210, 230), (90, 110, 130), (180, 40, 60)),
]
SKIN = [(224, 180, 140), (198, 150, 110), (170, 120, 85), (141, 98, 66)]
CLOTHES = {
    "pns": [(176, 150, 102), (160, 138, 96), (190, 166, 120)],  # khaki civil-service uniform
    "batik": [(120, 60, 40), (40, 70, 120), (110, 30, 60), (30, 90, 80)],
    "jas": [(35, 40, 55), (50, 50, 60), (60, 45, 40)],
    "toga": [(20, 20, 24)],  # judges' robes with a red collar
    "putih": [(235, 235, 235)],
}
HIJAB = [(40, 60, 110), (120, 40, 70), (60, 110, 90), (200, 190, 170), (30, 30, 30)]


@dataclass
class Rect:
    left: float
    top: float
    right: float
    bottom: float

    def union(self, other):
        if other is None:
            return self
        return Rect(min(self.left, other.left), min(self.top, other.top),
                    max(self.right, other.right), max(self.bottom, other.bottom))


class Canvas:
    """A drawing surface that takes scene coordinates (1600x900) whatever its real size."""

    def __init__(self, width, height):
        self.width, self.height = width, height
        self.factor = width / BASE_W * SUPERSAMPLE
        self.image = Image.new("RGB", (width * SUPERSAMPLE, height * SUPERSAMPLE))
        self.draw = ImageDraw.Draw(self.image)

    def _xy(self, points):
        return [(x * self.factor, y * self.factor) for x, y in points]

    def _box(self, box):
        left, top, right, bottom = box
        return [left * self.factor, top * self.factor, right * self.factor, bottom * self.factor]

    def rect(self, box, fill, radius=0):
        if radius:
            self.draw.rounded_rectangle(self._box(box), radius=radius * self.factor, fill=fill)
        else:
            self.draw.rectangle(self._box(box), fill=fill)

    def ellipse(self, box, fill):
        self.draw.ellipse(self._box(box), fill=fill)

    def polygon(self, points, fill):
        self.draw.polygon(self._xy(points), fill=fill)

    def line(self, points, fill, width):
        self.draw.line(self._xy(points), fill=fill, width=max(1, round(width * self.factor)))

    def gradient(self, top, bottom):
        # One column of the vertical gradient, stretched sideways: much cheaper than blending full-size images.
        width, height = self.image.size
        ramp = Image.linear_gradient("L").resize((1, height))
        column = Image.merge("RGB", [ramp.point(lambda v, a=a, b=b: a + (b - a) * v // 255)
                                     for a, b in zip(top, bottom, strict=True)])
        self.image.paste(column.resize((width, height), Image.Resampling.NEAREST))

    def finish(self):
        return self.image.reduce(SUPERSAMPLE)


@lru_cache(maxsize=16)
def font(size, bold=False):
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in FONT_DIRS:
        if (folder / name).exists():
            return ImageFont.truetype(str(folder / name), size)
    # Pillow's bundled font (needs FreeType) keeps this working where DejaVu is not installed.
    return ImageFont.load_default(size=size)


def _shade(color, amount):
    return tuple(max(0, min(255, round(c * amount))) for c in color)


# --- scene parts -----------------------------------------------------------------------------

def draw_court_building(canvas, cx, base, width, rng):
    """A classical court building: steps, columns, pediment and a name band."""
    wall = (238, 232, 218)
    shadow = (205, 196, 178)
    roof = (150, 56, 40) if rng.random() < 0.5 else (90, 90, 100)
    height = width * 0.42
    left, right = cx - width / 2, cx + width / 2
    top = base - height
    for step in range(3):  # steps
        inset = step * width * 0.02
        canvas.rect((left - width * 0.04 + inset, base - (step + 1) * 12, right + width * 0.04 - inset,
                     base - step * 12), _shade(wall, 0.92 - step * 0.03))
    canvas.rect((left, top, right, base - 36), shadow)
    columns = 6
    gap = width / (columns * 2)
    for index in range(columns):
        x = left + gap / 2 + index * 2 * gap
        canvas.rect((x, top + 30, x + gap, base - 36), wall)
        canvas.rect((x - 6, top + 22, x + gap + 6, top + 34), wall)
    canvas.rect((left - 14, top - 6, right + 14, top + 24), wall)  # architrave
    canvas.polygon([(left - 30, top - 6), (cx, top - height * 0.38), (right + 30, top - 6)], roof)
    canvas.polygon([(left + 10, top - 14), (cx, top - height * 0.30), (right - 10, top - 14)], wall)
    canvas.ellipse((cx - 26, top - height * 0.22, cx + 26, top - height * 0.22 + 52), (196, 160, 60))
    return Rect(left, top - height * 0.38, right, base)


def draw_tree(canvas, x, base, size, rng):
    canvas.rect((x - size * 0.07, base - size * 0.9, x + size * 0.07, base), (95, 70, 45))
    green = rng.choice([(46, 110, 60), (60, 130, 70), (38, 96, 70)])
    for dx, dy, r in ((0, -1.05, 0.45), (-0.3, -0.8, 0.35), (0.3, -0.8, 0.35)):
        canvas.ellipse((x + dx * size - r * size, base + dy * size - r * size,
                        x + dx * size + r * size, base + dy * size + r * size), _shade(green, 0.9 + rng.random() * 0.2))


def draw_person(canvas, x, base, height, rng, dress="pns", facing_away=False):
    """A standing figure; about a third wear a hijab."""
    skin = rng.choice(SKIN)
    clothes = rng.choice(CLOTHES[dress])
    head = height * 0.13
    body_top = base - height * 0.78
    shoulders = height * 0.14
    canvas.rect((x - shoulders * 0.55, base - height * 0.36, x - shoulders * 0.1, base), (40, 40, 50))  # legs
    canvas.rect((x + shoulders * 0.1, base - height * 0.36, x + shoulders * 0.55, base), (40, 40, 50))
    canvas.rect((x - shoulders, body_top, x + shoulders, base - height * 0.32), clothes, radius=head * 0.5)
    if dress == "toga":
        canvas.polygon([(x - shoulders * 0.5, body_top), (x, body_top + head * 1.2), (x + shoulders * 0.5, body_top)],
                       (170, 30, 40))
    head_box = (x - head / 2, body_top - head * 1.05, x + head / 2, body_top - head * 0.05)
    if rng.random() < 0.35:
        scarf = rng.choice(HIJAB)
        canvas.ellipse((head_box[0] - head * 0.12, head_box[1] - head * 0.08, head_box[2] + head * 0.12,
                        head_box[3] + head * 0.25), scarf)
        canvas.polygon([(x - shoulders * 0.8, body_top + head * 0.4), (x, body_top - head * 0.3),
                        (x + shoulders * 0.8, body_top + head * 0.4), (x, body_top + head * 0.9)], scarf)
        if not facing_away:
            canvas.ellipse((head_box[0] + head * 0.12, head_box[1] + head * 0.12, head_box[2] - head * 0.12,
                            head_box[3] - head * 0.02), skin)
    else:
        canvas.ellipse(head_box, skin)
        hair = (25, 22, 20)
        if facing_away:
            canvas.ellipse(head_box, hair)
        else:
            canvas.ellipse((head_box[0], head_box[1] - head * 0.05, head_box[2], head_box[1] + head * 0.4), hair)
    return Rect(x - shoulders, body_top - head * 1.1, x + shoulders, base)


def draw_lying_person(canvas, left, top, rng):
    canvas.ellipse((left, top - 70, left + 70, top), rng.choice(SKIN))
    canvas.rect((left + 80, top - 60, left + 420, top), rng.choice(CLOTHES["batik"]), radius=24)
    canvas.rect((left + 420, top - 46, left + 620, top - 6), (40, 40, 50), radius=14)


def draw_wheelchair_user(canvas, x, base, rng):
    """Someone seated in a wheelchair, seen from the side."""
    frame = (60, 60, 70)
    canvas.ellipse((x - 90, base - 180, x + 90, base), frame)  # big wheel
    canvas.ellipse((x - 70, base - 160, x + 70, base - 20), (170, 170, 175))
    canvas.ellipse((x + 110, base - 50, x + 160, base), frame)  # castor
    canvas.rect((x - 100, base - 330, x - 80, base - 90), frame)  # backrest and handle
    canvas.rect((x - 130, base - 330, x - 80, base - 312), frame)
    clothes = rng.choice(CLOTHES["batik"])
    canvas.rect((x - 80, base - 300, x + 10, base - 120), clothes, radius=20)  # torso
    canvas.rect((x - 60, base - 140, x + 140, base - 100), (40, 40, 50), radius=12)  # thighs
    canvas.rect((x + 110, base - 130, x + 145, base - 40), (40, 40, 50), radius=10)  # shins
    canvas.ellipse((x - 75, base - 380, x + 5, base - 300), rng.choice(SKIN))
    canvas.ellipse((x - 75, base - 385, x + 5, base - 345), (25, 22, 20))
    return Rect(x - 130, base - 385, x + 160, base)


def draw_group(canvas, left, right, base, height, rng, count, dress="pns", facing_away=False):
    area = None
    step = (right - left) / max(1, count)
    for index in range(count):
        x = left + step * (index + 0.5) + rng.uniform(-step * 0.15, step * 0.15)
        person_height = height * rng.uniform(0.9, 1.05)
        this_dress = dress if dress != "mix" else rng.choice(["pns", "batik", "jas"])
        area = draw_person(canvas, x, base, person_height, rng, this_dress, facing_away).union(area)
    return area


def draw_flag(canvas, x, base, height):
    canvas.rect((x - 5, base - height, x + 5, base), (200, 200, 205))
    canvas.ellipse((x - 10, base - height - 14, x + 10, base - height + 6), (210, 180, 60))
    canvas.rect((x + 5, base - height + 8, x + 205, base - height + 68), (206, 17, 38))  # merah
    canvas.rect((x + 5, base - height + 68, x + 205, base - height + 128), (250, 250, 250))  # putih
    return Rect(x - 10, base - height - 14, x + 205, base)


def draw_screen(canvas, left, top, width, rng, accent):
    height = width * 0.56
    canvas.rect((left - 12, top - 12, left + width + 12, top + height + 12), (60, 60, 70))
    canvas.rect((left, top, left + width, top + height), (248, 248, 244))
    canvas.rect((left, top, left + width, top + height * 0.18), accent)
    for row in range(3):
        y = top + height * (0.3 + row * 0.12)
        canvas.rect((left + width * 0.06, y, left + width * rng.uniform(0.4, 0.55), y + height * 0.05), (150, 150, 160))
    bars = 5
    for index in range(bars):  # a bar chart on the slide
        bar_h = height * rng.uniform(0.15, 0.45)
        x = left + width * (0.62 + index * 0.065)
        canvas.rect((x, top + height * 0.85 - bar_h, x + width * 0.045, top + height * 0.85), accent)
    return Rect(left - 12, top - 12, left + width + 12, top + height + 12)


def draw_table(canvas, left, right, top, depth, color=(120, 80, 50), cloth=(60, 90, 140)):
    canvas.rect((left, top, right, top + depth), cloth)
    canvas.rect((left, top - 10, right, top + 8), _shade(color, 1.1))
    for index in range(4):  # papers
        x = left + (right - left) * (0.12 + index * 0.22)
        canvas.polygon([(x, top - 6), (x + 70, top - 10), (x + 80, top + 4), (x + 8, top + 8)], (250, 250, 250))
    return Rect(left, top - 10, right, top + depth)


def draw_van(canvas, x, base, accent):
    body = (240, 240, 240)
    canvas.rect((x, base - 190, x + 420, base - 40), body, radius=24)
    canvas.polygon([(x + 300, base - 190), (x + 380, base - 190), (x + 430, base - 120), (x + 300, base - 120)],
                   (150, 190, 220))
    canvas.rect((x + 20, base - 170, x + 280, base - 120), (150, 190, 220), radius=8)
    canvas.rect((x, base - 100, x + 430, base - 80), accent)
    for wheel in (x + 80, x + 340):
        canvas.ellipse((wheel - 42, base - 84, wheel + 42, base), (30, 30, 30))
        canvas.ellipse((wheel - 18, base - 60, wheel + 18, base - 24), (180, 180, 180))
    return Rect(x, base - 190, x + 430, base)


def draw_tent(canvas, left, right, top, base, color):
    canvas.polygon([(left - 30, top + 60), ((left + right) / 2, top), (right + 30, top + 60)], color)
    canvas.rect((left - 30, top + 60, right + 30, top + 84), _shade(color, 0.85))
    for x in (left, right):
        canvas.rect((x - 6, top + 84, x + 6, base), (200, 200, 200))
    return Rect(left - 30, top, right + 30, base)


def draw_blood_drop(canvas, cx, cy, size):
    canvas.polygon([(cx, cy - size * 1.5), (cx - size * 0.85, cy - size * 0.1), (cx + size * 0.85, cy - size * 0.1)],
                   (200, 20, 40))
    canvas.ellipse((cx - size * 0.9, cy - size * 0.9, cx + size * 0.9, cy + size * 0.9), (200, 20, 40))
    canvas.rect((cx - size * 0.12, cy - size * 0.45, cx + size * 0.12, cy + size * 0.45), (255, 255, 255))
    canvas.rect((cx - size * 0.45, cy - size * 0.12, cx + size * 0.45, cy + size * 0.12), (255, 255, 255))
    return Rect(cx - size, cy - size * 1.5, cx + size, cy + size)


def draw_backdrop(canvas, left, top, right, bottom, accent):
    """A banner on a wall, as at a ceremony or signing."""
    canvas.rect((left, top, right, bottom), _shade(accent, 0.8))
    canvas.rect((left + 20, top + 20, right - 20, bottom - 20), _shade(accent, 1.0))
    canvas.ellipse((left + 50, top + 45, left + 150, top + 145), (230, 196, 90))
    for row in range(2):
        y = top + 60 + row * 48
        canvas.rect((left + 190, y, right - 60 - row * 180, y + 26), (250, 245, 235))


# --- whole scenes -----------------------------------------------------------------------------

def _scene_base(canvas, rng, palette):
    sky_top, sky_bottom, ground, _accent = palette
    canvas.gradient(sky_top, sky_bottom)
    horizon = rng.uniform(560, 620)
    canvas.polygon([(0, horizon), (BASE_W * 0.3, horizon - rng.uniform(10, 40)), (BASE_W * 0.7, horizon + 10),
                    (BASE_W, horizon - rng.uniform(0, 30)), (BASE_W, BASE_H), (0, BASE_H)], ground)
    for _index in range(rng.randint(2, 4)):  # clouds
        x, y = rng.uniform(0, BASE_W), rng.uniform(60, 260)
        for dx in (0, 60, 120):
            canvas.ellipse((x + dx, y - 30 + (dx == 60) * -20, x + dx + 110, y + 40), (250, 250, 252))
    return horizon


def _scene(motif, canvas, rng, palette):
    accent = palette[3]
    horizon = _scene_base(canvas, rng, palette)
    ground = horizon + 130
    if motif == "gedung":
        focus = draw_court_building(canvas, BASE_W / 2 + rng.uniform(-150, 150), horizon + 60, 820, rng)
        for x in (140, 300, 1320, 1480):
            draw_tree(canvas, x + rng.uniform(-30, 30), horizon + 70, rng.uniform(160, 220), rng)
        draw_group(canvas, 200, 620, ground + 40, 200, rng, 3, "mix")
        return focus
    if motif == "upacara":
        draw_court_building(canvas, 1200, horizon + 30, 560, rng)
        focus = draw_flag(canvas, 560, ground - 20, 480)
        rows = [draw_group(canvas, 120 + row * 40, 1000 - row * 40, ground + 40 + row * 70, 190 + row * 20, rng,
                           8 - row, "pns", facing_away=True) for row in range(3)]
        for area in rows:
            focus = focus.union(area)
        return focus
    if motif == "presentasi":
        canvas.rect((0, 0, BASE_W, BASE_H), (226, 220, 208))  # indoors
        canvas.rect((0, 640, BASE_W, BASE_H), (150, 120, 95))
        screen = draw_screen(canvas, 430, 110, 740, rng, accent)
        speaker = draw_person(canvas, 1300, 700, 420, rng, rng.choice(["batik", "jas", "toga"]))
        draw_group(canvas, 40, 1560, 960, 330, rng, 7, "mix", facing_away=True)
        return screen.union(speaker)
    if motif == "rapat":
        canvas.rect((0, 0, BASE_W, BASE_H), (214, 206, 190))
        canvas.rect((0, 600, BASE_W, BASE_H), (140, 110, 88))
        draw_backdrop(canvas, 360, 90, 1240, 330, accent)
        people = draw_group(canvas, 220, 1380, 700, 330, rng, 6, "mix")
        table = draw_table(canvas, 160, 1440, 600, 180, cloth=_shade(accent, 0.6))
        return people.union(table)
    if motif == "penandatanganan":
        canvas.rect((0, 0, BASE_W, BASE_H), (222, 214, 200))
        canvas.rect((0, 640, BASE_W, BASE_H), (130, 100, 80))
        draw_backdrop(canvas, 260, 70, 1340, 330, accent)
        people = draw_group(canvas, 380, 1220, 700, 380, rng, 4, rng.choice(["batik", "pns", "toga"]))
        table = draw_table(canvas, 300, 1300, 620, 200)
        return people.union(table)
    if motif == "keliling":
        tent = draw_tent(canvas, 200, 760, horizon - 150, ground + 20, accent)
        draw_table(canvas, 260, 700, ground - 60, 80)
        van = draw_van(canvas, 930 + rng.uniform(-40, 40), ground + 20, accent)
        draw_tree(canvas, 1450, horizon + 40, 220, rng)
        people = draw_group(canvas, 160, 880, ground + 120, 230, rng, 6, "mix")
        return tent.union(people).union(van)
    if motif == "donor":
        canvas.rect((0, 0, BASE_W, BASE_H), (232, 228, 222))
        canvas.rect((0, 620, BASE_W, BASE_H), (170, 160, 150))
        drop = draw_blood_drop(canvas, 1220, 330, 150)
        canvas.rect((200, 560, 900, 640), (240, 240, 245), radius=30)  # a donor's bed
        draw_lying_person(canvas, 240, 560, rng)
        draw_person(canvas, 980, 760, 420, rng, "putih")
        people = draw_group(canvas, 120, 760, 860, 300, rng, 3, "mix")
        return drop.union(people)
    if motif == "pelantikan":
        canvas.rect((0, 0, BASE_W, BASE_H), (206, 196, 176))
        canvas.rect((0, 660, BASE_W, BASE_H), (120, 40, 40))  # red carpet hall
        draw_backdrop(canvas, 300, 60, 1300, 300, accent)
        judges = draw_group(canvas, 380, 1220, 760, 430, rng, 3, "toga")
        draw_group(canvas, 60, 1540, 960, 300, rng, 8, "mix", facing_away=True)
        return judges
    if motif == "disabilitas":
        focus = draw_court_building(canvas, 620, horizon + 60, 700, rng)
        canvas.polygon([(940, horizon + 110), (1560, horizon + 20), (1560, horizon + 60), (940, horizon + 150)],
                       (190, 190, 190))  # access ramp
        seated = draw_wheelchair_user(canvas, 1160, horizon + 100, rng)
        helper = draw_person(canvas, 1010, horizon + 120, 540, rng, "pns")
        return focus.union(seated).union(helper)
    raise ValueError(f"unknown motif {motif!r}")


def _wrap(draw, text, face, width):
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if draw.textlength(candidate, font=face) <= width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def _caption_band(image, title, label, accent):
    """A dark band at the bottom with the court's label and the item's title, like a newsroom photo card."""
    width, height = image.size
    scale = width / BASE_W
    band_top = round(height * 0.78)
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    draw.rectangle((0, band_top, width, height), fill=(10, 20, 35, 200))
    draw.rectangle((0, band_top, round(12 * scale), height), fill=accent + (255,))
    composed = Image.alpha_composite(image.convert("RGBA"), overlay).convert("RGB")
    draw = ImageDraw.Draw(composed)
    label_face = font(max(8, round(26 * scale)), bold=True)
    title_face = font(max(9, round(40 * scale)), bold=True)
    x = round(44 * scale)
    draw.text((x, band_top + round(18 * scale)), label.upper(), font=label_face, fill=(236, 200, 90))
    lines = _wrap(draw, title, title_face, width - 2 * x)[:2]
    for index, line in enumerate(lines):
        draw.text((x, band_top + round((58 + index * 50) * scale)), line, font=title_face, fill=(255, 255, 255))
    return composed


@dataclass
class Picture:
    data: bytes
    width: int
    height: int
    focal: Rect  # in output pixels


def news_picture(seed, motif, title, label="Pengadilan Negeri Contoh", width=BASE_W):
    """A 16:9 JPEG for one news item: same seed, same picture."""
    height = round(width * BASE_H / BASE_W)
    rng = random.Random(seed)
    palette = PALETTES[rng.randrange(len(PALETTES))]
    canvas = Canvas(width, height)
    focus = _scene(motif, canvas, rng, palette)
    image = _caption_band(canvas.finish(), title, label, palette[3]) if title else canvas.finish()
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82, optimize=False, progressive=True)
    scale = width / BASE_W
    # Keep the focal area above the caption band so crops (square, 4:5) keep the subject.
    band_top = BASE_H * 0.78
    focal = Rect(max(0, focus.left) * scale, max(0, focus.top) * scale,
                 min(BASE_W, focus.right) * scale, min(band_top, focus.bottom) * scale)
    return Picture(buffer.getvalue(), width, height, focal)


def court_logo(size=512):
    """A round emblem: navy disc, gold ring, scales of justice and the letters PN (PNG with transparency)."""
    big = size * SUPERSAMPLE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    unit = big / 100
    gold, navy, white = (212, 170, 60, 255), (18, 44, 86, 255), (250, 250, 250, 255)
    draw.ellipse((2 * unit, 2 * unit, 98 * unit, 98 * unit), fill=gold)
    draw.ellipse((7 * unit, 7 * unit, 93 * unit, 93 * unit), fill=navy)
    draw.rectangle((48.5 * unit, 22 * unit, 51.5 * unit, 70 * unit), fill=gold)  # post
    draw.polygon([(40 * unit, 74 * unit), (60 * unit, 74 * unit), (50 * unit, 66 * unit)], fill=gold)
    draw.rectangle((24 * unit, 30 * unit, 76 * unit, 33 * unit), fill=gold)  # beam
    draw.ellipse((46 * unit, 18 * unit, 54 * unit, 26 * unit), fill=gold)
    for cx in (28, 72):
        draw.line([(cx * unit, 33 * unit), ((cx - 9) * unit, 50 * unit)], fill=gold, width=round(unit))
        draw.line([(cx * unit, 33 * unit), ((cx + 9) * unit, 50 * unit)], fill=gold, width=round(unit))
        draw.chord(((cx - 11) * unit, 40 * unit, (cx + 11) * unit, 58 * unit), 0, 180, fill=gold)
    image = image.reduce(SUPERSAMPLE)
    draw = ImageDraw.Draw(image)
    face = font(round(size * 0.13), bold=True)
    draw.text((size / 2, size * 0.84), "PN", font=face, fill=white, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=False)
    return Picture(buffer.getvalue(), size, size, Rect(0, 0, size, size))
