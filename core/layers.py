"""The one-way layering of Warta's apps, lowest first.

An app may use the apps listed before it, never one listed after it nor one of the same rank:
core -> cms -> editorial -> publishers -> monitoring -> monev -> nasional. The website monitoring
(monitoring: checks, the public-information checklist) sits below monev, whose "Monev Website" report
reads it. The SOP A (programti) and D (pemeliharaan) apps take monev's rank beside it; the follow-up plans
they share with monitoring live low, in editorial.tindaklanjut. The national roll-up (nasional) reads them all.
tests/core/test_layers.py reads every module, migration included, and fails on an import or a reference
(a dotted path, a permission, a model label, a migration dependency) that points upward or sideways.

An app inside another's package (publishers.social, label "social") has the rank of that package.
"""

LAYERS = {
    "core": 0,
    "cms": 1,
    "editorial": 2,
    "publishers": 3,
    "monitoring": 4,
    "monev": 5,
    "programti": 5,  # SOP A, beside monev
    "pemeliharaan": 5,  # SOP D, beside monev
    "nasional": 6,
}


def rank(app_config):
    """The layer of an installed app, or None for an app that is not Warta's."""
    return LAYERS.get(app_config.name.split(".", 1)[0])
