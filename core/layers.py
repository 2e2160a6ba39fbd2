"""The one-way layering of Warta's apps, lowest first.

An app may use the apps listed before it, never one listed after it nor one of the same rank:
core -> cms -> editorial -> publishers -> monev. Apps that come later beside monev (the SOP A and D
apps, monitoring) take monev's rank. tests/core/test_layers.py reads every module, migration included,
and fails on an import or a reference (a dotted path, a permission, a model label, a migration
dependency) that points upward or sideways.
"""

LAYERS = {
    "core": 0,
    "cms": 1,
    "editorial": 2,
    "publishers": 3,
    "monev": 4,
}
