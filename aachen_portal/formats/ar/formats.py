"""Arabic formats as CLDR gives them for "ar" (Latin digits, "." and ",").

Django's own Arabic formats use "," as decimal and "." as thousands separator,
which is not the Arabic locale's convention; CLDR (and so browsers) write
36.4 and 250,000, and dates as "11 يوليو 2018".
"""

DATE_FORMAT = "j F Y"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d\u200f/m\u200f/Y"
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
