"""English dates in one style, day month year: "11 July 2018" (README, "Dates").

Django's English formats mix "July 11, 2018", "Dec. 31, 2025" and "11/20/2026";
a German city portal read in English uses the international order throughout,
in running text and in tables alike.
"""

DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j F Y"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = "j F Y, H:i"
