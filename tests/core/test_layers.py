"""Dependencies run one way (core/layers.py): no module of an app imports or names an app of a higher rank.

Every .py file of every app in LAYERS is parsed, and these count as a reference to another app:
- `import x` and `from x import y` anywhere (inside functions too);
- a string that is a dotted name starting with an app's label: "x.module.func" for import_string or a
  setting, "x.Model" for a relation, "x.codename" for has_perm, "x/..." for a template or static file;
- `apps.get_model("x", ...)`, an `app_label="x"` (or `...__app_label="x"`) keyword, and a migration's
  dependency ("x", "0001_initial").
The project's settings (cms/settings/) are the composition root that names every app, and are skipped.
"""

import ast
import re
from pathlib import Path

from django.apps import apps
from django.conf import settings

from core.layers import LAYERS, rank

BASE_DIR = Path(settings.BASE_DIR)
COMPOSITION_ROOT = BASE_DIR / "cms" / "settings"

# Upward references another change removes; each entry must still occur (a fixed one is taken off the list).
NOT_YET_REMOVED = set()

# Each label names its app's package: "social" (publishers.social) is publishers'.
OWNER = {app: app for app in LAYERS}
OWNER.update({config.label: config.name.split(".", 1)[0]
              for config in apps.get_app_configs() if rank(config) is not None})
_LABELS = "|".join(sorted(OWNER, key=len, reverse=True))
DOTTED = re.compile(rf"^({_LABELS})(\.[A-Za-z_]\w*)+$")
PATHLIKE = re.compile(rf"^({_LABELS})/[\w./-]+$")


def _top(module):
    return module.split(".", 1)[0]


def references(tree):
    """(line, app label, what) for every reference to a layered app in a module's syntax tree."""
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, _top(alias.name), f"import {alias.name}"
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, _top(node.module), f"from {node.module} import ..."
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            if DOTTED.match(node.value) or PATHLIKE.match(node.value):
                yield node.lineno, _top(node.value.replace("/", ".")), repr(node.value)
        elif isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name == "get_model" and node.args and isinstance(node.args[0], ast.Constant):
                yield node.lineno, _top(str(node.args[0].value)), f"get_model({node.args[0].value!r}, ...)"
            for keyword in node.keywords:
                if (keyword.arg and keyword.arg.endswith("app_label") and isinstance(keyword.value, ast.Constant)
                        and isinstance(keyword.value.value, str)):
                    yield node.lineno, keyword.value.value, f"{keyword.arg}={keyword.value.value!r}"
        elif isinstance(node, ast.Tuple) and len(node.elts) == 2 and all(
                isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
            label, name = (e.value for e in node.elts)
            if re.match(r"^\d{4}_\w+$", name):
                yield node.lineno, label, f"migration dependency ({label!r}, {name!r})"


def violations():
    found = []
    for app, layer in LAYERS.items():
        for path in sorted((BASE_DIR / app).rglob("*.py")):
            if COMPOSITION_ROOT in path.parents:
                continue
            relative = path.relative_to(BASE_DIR).as_posix()
            tree = ast.parse(path.read_text(), filename=relative)
            for line, label, what in references(tree):
                owner = OWNER.get(label)
                if owner is not None and owner != app and LAYERS[owner] >= layer:
                    found.append((relative, line, owner, what))
    return found


def test_no_app_references_a_higher_or_sibling_app():
    found = violations()
    unexpected = [v for v in found if (v[0], v[2]) not in NOT_YET_REMOVED]
    assert not unexpected, "upward references:\n" + "\n".join(
        f"{path}:{line}: {what} ({label} is not below {path.split('/')[0]})" for path, line, label, what in unexpected)
    gone = NOT_YET_REMOVED - {(v[0], v[2]) for v in found}
    assert not gone, f"no longer referenced, take them off NOT_YET_REMOVED: {sorted(gone)}"


def test_every_app_of_the_project_has_a_layer():
    apps = {path.parent.name for path in BASE_DIR.glob("*/apps.py")}
    assert apps <= set(LAYERS), f"add these apps to core/layers.py LAYERS: {sorted(apps - set(LAYERS))}"


def test_installed_apps_list_the_layers_lowest_first():
    ours = [app for app in settings.INSTALLED_APPS if app in LAYERS]
    assert ours == sorted(LAYERS, key=LAYERS.get)


def test_the_checker_sees_each_kind_of_reference():
    source = '''
"""Docstring naming monev.views is prose."""
import monev.views
from monev import charts
def later():
    from publishers.social import outbox
    import_string("monev.report.compute")
    user.has_perm("publishers.retry_socialdelivery")
    apps.get_model("monev", "MonevReport")
    Permission.objects.filter(content_type__app_label="publishers")
    render("monev/report.html")
    user.has_perm("social.manage_channels")
dependencies = [("publishers", "0002_role_permissions")]
'''
    found = {(line, OWNER[label]) for line, label, _what in references(ast.parse(source)) if label in OWNER}
    assert found == {(3, "monev"), (4, "monev"), (6, "publishers"), (7, "monev"), (8, "publishers"),
                     (9, "monev"), (10, "publishers"), (11, "monev"), (12, "publishers"), (13, "publishers")}


def test_the_publisher_apps_do_not_reach_into_each_other():
    """social, webhooks and website share the `publishers` rank; what two of them need lives in the
    `publishers` package itself (publishers/http.py, errors.py, permissions.py), never in one of them."""
    siblings = {path.parent.name for path in (BASE_DIR / "publishers").glob("*/apps.py")}
    assert {"social", "webhooks", "website"} <= siblings
    found = []
    for own in siblings:
        for path in sorted((BASE_DIR / "publishers" / own).rglob("*.py")):
            relative = path.relative_to(BASE_DIR).as_posix()
            for line, _label, what in references(ast.parse(path.read_text(), filename=relative)):
                for other in siblings - {own}:
                    if re.search(rf"\bpublishers[./]{other}\b", what):
                        found.append(f"{relative}:{line}: {what}")
    assert not found, "\n".join(found)
