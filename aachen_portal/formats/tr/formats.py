"""Turkish dates in one style without a leading zero: "1 Aralık 2026" (README, "Dates")."""

DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j F Y"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
DATETIME_FORMAT = "j F Y H:i"
SHORT_DATETIME_FORMAT = "j F Y H:i"
