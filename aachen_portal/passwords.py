"""A password rule beside Django's validators: predictable staff passwords are refused.

Django's ``CommonPasswordValidator`` knows 20,000 leaked (mostly English)
passwords; guessers also try what a German city's staff would pick. Refused
here, with a German message: a common or local word (``passwort``, ``aachen``,
``sommer``, months, …) padded with digits and symbols, a keyboard row
(``qwertzuiop``), a repeated chunk (``passwordpassword``) and passwords made of
very few different characters. Listed in ``AUTH_PASSWORD_VALIDATORS``.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

WORDS = {
    # German and English password words
    "passwort",
    "password",
    "kennwort",
    "geheim",
    "hallo",
    "willkommen",
    "welcome",
    "admin",
    "administrator",
    "login",
    "benutzer",
    "schatz",
    "liebe",
    "test",
    "master",
    "letmein",
    "fussball",
    "fußball",
    "dragon",
    "monkey",
    "sonne",
    "mond",
    "stern",
    "blume",
    "computer",
    # the city, the portal and its work
    "aachen",
    "oecher",
    "öcher",
    "alemannia",
    "dom",
    "printen",
    "integration",
    "stadt",
    "rathaus",
    "redaktion",
    "portal",
    "sachstand",
    "massnahme",
    "maßnahme",
    # seasons, months and days
    "sommer",
    "winter",
    "herbst",
    "fruehling",
    "frühling",
    "januar",
    "februar",
    "maerz",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "summer",
    "spring",
    "autumn",
}
KEYBOARD_ROWS = (
    "1234567890ß",
    "qwertzuiopü",
    "asdfghjklöä",
    "yxcvbnm",
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
    "azertyuiop",
    "abcdefghijklmnopqrstuvwxyz",
)
LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "$": "s", "@": "a"})


def _letters(password: str) -> str:
    return re.sub(r"[\W\d_]+", "", password.lower())


def _is_keyboard_walk(text: str) -> bool:
    return len(text) >= 6 and any(text in row or text[::-1] in row for row in KEYBOARD_ROWS)


def _repeats(text: str) -> bool:
    return any(
        len(text) % size == 0 and text == text[:size] * (len(text) // size)
        for size in range(1, len(text) // 2 + 1)
    )


class PredictablePasswordValidator:
    """Refuses common and local words with padding, keyboard rows and repetitions."""

    def __init__(self, min_distinct: int = 6):
        self.min_distinct = min_distinct

    def validate(self, password, user=None):
        lowered = password.lower()
        letters = _letters(password)
        unleet = _letters(lowered.translate(LEET))
        words = [w for w in WORDS if len(w) >= 3 and (letters == w or unleet == w)]
        if words or _repeats(letters) and letters in WORDS:
            raise ValidationError(
                _(
                    "Dieses Passwort ist zu leicht zu erraten: es ist ein häufiges Wort "
                    "(„%(word)s“) mit Ziffern oder Zeichen davor oder dahinter."
                )
                % {"word": (words or [letters])[0]},
                code="password_common_word",
            )
        if _is_keyboard_walk(letters) or _is_keyboard_walk(re.sub(r"\W+", "", lowered)):
            raise ValidationError(
                _("Dieses Passwort ist zu leicht zu erraten: es folgt einer Tastaturreihe."),
                code="password_keyboard",
            )
        if _repeats(lowered) or (letters and _repeats(letters) and len(letters) >= 6):
            raise ValidationError(
                _("Dieses Passwort ist zu leicht zu erraten: es wiederholt sich."),
                code="password_repeated",
            )
        if len(set(lowered)) < self.min_distinct:
            raise ValidationError(
                _(
                    "Dieses Passwort ist zu leicht zu erraten: es enthält zu wenige "
                    "verschiedene Zeichen (mindestens %(count)d)."
                )
                % {"count": self.min_distinct},
                code="password_few_characters",
            )

    def get_help_text(self):
        return _(
            "Ihr Passwort darf kein häufiges Wort mit angehängten Ziffern, keine "
            "Tastaturreihe und keine Wiederholung sein."
        )
