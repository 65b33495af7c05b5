"""Right-to-left layout comes from logical CSS properties, never from physical ones."""

import re
from pathlib import Path

from django.conf import settings

STYLESHEETS = sorted((Path(settings.BASE_DIR) / "static" / "css").glob("*.css"))
PHYSICAL = re.compile(
    r"(?<![-\w])(?:margin|padding|border)-(?:left|right)\b"
    r"|(?<![-\w])(?:left|right)\s*:"
    r"|text-align\s*:\s*(?:left|right)"
    r"|float\s*:\s*(?:left|right)"
)


def declarations(path: Path) -> str:
    return re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.S)


def test_stylesheets_use_only_logical_directions():
    assert STYLESHEETS
    offenders = [
        f"{path.name}: {match.group(0)}"
        for path in STYLESHEETS
        for match in PHYSICAL.finditer(declarations(path))
    ]
    assert offenders == []


def test_breadcrumb_separator_points_the_reading_way_in_right_to_left_pages():
    css = declarations(Path(settings.BASE_DIR) / "static" / "css" / "portal.css")
    assert '[dir="rtl"] .breadcrumbs li + li::before { content: "‹"; }' in css


def test_navigation_and_progress_bars_size_along_the_inline_axis():
    css = declarations(Path(settings.BASE_DIR) / "static" / "css" / "portal.css")
    assert re.search(r"\.site-nav ul[^{]*\{[^}]*display: flex", css)
    assert re.search(r"\.meter progress \{[^}]*inline-size: 100%", css)
