"""community/ is split by feature, and each feature imports only what the order allows.

The order (docs/community.md, "Where things are"): the shared top level at the bottom
(community.models, text, emails, uploads, ratelimit, govuk_forms ...), then members, then
contributions, engagement, declaration and collaboration side by side (each may use members,
never each other), then account, a member's own pages across every feature. The wiring that
joins them (urls, signals, tasks, wagtail_hooks, demo, templatetags, management) sits above all.
"""

import ast
from pathlib import Path

import pytest

COMMUNITY = Path(__file__).resolve().parents[2] / "community"

FEATURES = ("members", "contributions", "engagement", "declaration", "collaboration", "account")

# What each feature may import from the other features (its own package is always allowed).
ALLOWED_FEATURES = {
    "members": set(),
    "contributions": {"members"},
    "engagement": {"members"},
    "declaration": {"members"},
    "collaboration": {"members"},
    "account": {"members", "contributions", "engagement", "declaration", "collaboration"},
}

# Top-level modules that join the features together; no feature may import them, or the
# features would depend on everything above them.
WIRING = {"urls", "signals", "tasks", "wagtail_hooks", "demo", "templatetags", "management"}


def community_imports(path: Path) -> set[str]:
    """Every community.<name> this file imports, at module level or inside a function."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.ImportFrom) and node.module:
            parts = node.module.split(".")
            if parts[0] != "community":
                continue
            if len(parts) > 1:
                names.add(parts[1])
            else:
                # "from community import emails" names the submodules themselves.
                names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "community" and len(parts) > 1:
                    names.add(parts[1])
    return names


def feature_files(feature: str) -> list[Path]:
    return sorted((COMMUNITY / feature).rglob("*.py"))


def layer_violations(feature: str, imported: set[str]) -> set[str]:
    other_features = (imported & set(FEATURES)) - {feature} - ALLOWED_FEATURES[feature]
    return other_features | (imported & WIRING)


@pytest.mark.parametrize("feature", FEATURES)
def test_feature_imports_only_what_the_order_allows(feature):
    files = feature_files(feature)
    assert files, f"community/{feature}/ has no modules"
    found = {
        str(path.relative_to(COMMUNITY.parent)): sorted(
            layer_violations(feature, community_imports(path))
        )
        for path in files
    }
    assert {path: names for path, names in found.items() if names} == {}


def test_shared_top_level_imports_no_feature():
    """The shared modules (models, text, emails, access ...) sit below every feature, with no
    exception: DeclarationPage names its routes' URLconf (community/declaration/urls.py)
    rather than importing the Declaration's views."""
    shared = [
        path
        for path in sorted(COMMUNITY.glob("*.py"))
        if path.stem not in WIRING and path.stem != "__init__"
    ]
    assert shared
    found = {path.name: sorted(community_imports(path) & set(FEATURES)) for path in shared}
    assert {name: features for name, features in found.items() if features} == {}


def imports_inside_functions(path: Path) -> list[str]:
    """Every import ("line: module") written inside a function or method of this file."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for inner in ast.walk(node):  # nested functions are walked twice; the set keeps one
            if isinstance(inner, ast.ImportFrom):
                found.add((inner.lineno, inner.module))
            elif isinstance(inner, ast.Import):
                found.update((inner.lineno, alias.name) for alias in inner.names)
    return [f"{line}: {module}" for line, module in sorted(found)]


def test_no_community_module_hides_an_import_inside_a_function():
    """An import inside a function usually hides a cycle (STYLE.md); the one place Django
    wants one is AppConfig.ready, which connects the signal handlers."""
    found = {
        str(path.relative_to(COMMUNITY.parent)): imports_inside_functions(path)
        for path in sorted(COMMUNITY.rglob("*.py"))
        if "migrations" not in path.parts and path.name != "apps.py"
    }
    assert {path: lines for path, lines in found.items() if lines} == {}


def test_the_hidden_import_check_sees_methods_and_nested_functions(tmp_path):
    module = tmp_path / "module.py"
    module.write_text(
        "class Page:\n    def route(self):\n        from community.declaration import views\n"
        "def outer():\n    def inner():\n        import json\n"
    )
    assert imports_inside_functions(module) == ["3: community.declaration", "6: json"]


def test_the_check_catches_a_lower_feature_importing_a_higher_one(tmp_path):
    """The parser sees both spellings of a forbidden import, so the tests above can fail."""
    module = tmp_path / "module.py"
    module.write_text(
        "from community.declaration import services\ndef later():\n    from community import urls\n"
    )
    assert layer_violations("members", community_imports(module)) == {"declaration", "urls"}


def test_the_old_catch_all_modules_are_gone():
    """One place per feature: no community/services.py or forms.py to put things back into."""
    leftovers = [
        name
        for name in ("services.py", "selectors.py", "forms.py", "views", "adapter.py")
        if (COMMUNITY / name).exists()
    ]
    assert leftovers == []
