"""The one rule for text people write: no controls, no unpaired bidi, no NUL."""

import pytest

from translations.text import RefusedText, clean_text, close_bidi, xml_safe

RLO, PDF, RLI, PDI = "\u202e", "\u202c", "\u2067", "\u2069"


@pytest.mark.parametrize(
    "written, stored",
    [
        ("Zeile eins\x0bZeile zwei", "Zeile eins\nZeile zwei"),  # Word's manual line break
        ("a\r\nb\rc", "a\nb\nc"),
        ("Seite\x0cneu", "Seite\nneu"),
        ("a\u2028b", "a\nb"),
        ("Glocke\x07 und Escape\x1b[31m", "Glocke und Escape[31m"),
        ("C1\x85 und\x9b", "C1\n und"),
        ("Tab\tbleibt", "Tab\tbleibt"),
        ("Sprachcafé im Quartier", "Sprachcafé im Quartier"),
    ],
)
def test_clean_text_keeps_tab_and_newline_and_nothing_else_of_the_controls(written, stored):
    assert clean_text(written) == stored


def test_single_line_text_gets_a_space_for_a_line_break():
    assert clean_text("Titel\x0bmit Umbruch", multiline=False) == "Titel mit Umbruch"


def test_nul_is_refused_with_its_position():
    with pytest.raises(RefusedText) as refused:
        clean_text("abc\x00def")
    assert refused.value.position == 4
    assert "Stelle 4" in refused.value.message


@pytest.mark.parametrize(
    "written, stored",
    [
        (f"Quartier{RLO}", f"Quartier{RLO}{PDF}"),
        (f"a{RLO}b\nc", f"a{RLO}b{PDF}\nc"),
        (f"stray{PDF} closer{PDI}", "stray closer"),
        (f"{RLI}isolated{PDI} ok", f"{RLI}isolated{PDI} ok"),
        (f"{RLI}a{RLO}b{PDI}c", f"{RLI}a{RLO}b{PDF}{PDI}c"),
        (f"{RLO}{RLI}x", f"{RLO}{RLI}x{PDI}{PDF}"),
    ],
)
def test_unpaired_bidi_controls_are_closed_or_removed(written, stored):
    assert close_bidi(written) == stored
    assert clean_text(written) == stored


def test_xml_safe_drops_what_xml_cannot_carry():
    assert xml_safe("a\x0bb\x00c\x1fd\te\nf") == "a\nbcd\te\nf"
    assert xml_safe(None) is None
