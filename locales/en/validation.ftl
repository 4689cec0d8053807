# Messages for answers the bot could not accept. Each key is
# invalid-<error>, where <error> is a code returned by src/domain.
# Variables: the bot always passes $input (what the person typed, shortened
# to about 40 characters); other variables come from the error's `details`
# and are listed above the message that uses them.

## Money (src/domain/money.ts)

invalid-money-empty = Please enter an amount, for example: 600 triệu or 1.500.000.
invalid-money-not-a-number = “{ $input }” is not an amount. Please type it in figures or in words, for example: 600 triệu, 1,5 tỷ or sáu trăm triệu đồng.
invalid-money-ambiguous = The amount “{ $input }” is unclear. Please write it again, for example: 1.500.000 or 1,5 triệu (a dot groups thousands, a comma marks decimals).
invalid-money-too-small = The amount “{ $input }” is too small (under 1.000 đồng). Please check it.
# $suggestion: the same number with "triệu", e.g. "600 triệu".
invalid-money-missing-unit = You wrote “{ $input }”: did you mean { $suggestion }? Please add the unit, for example: { $suggestion } or 600.000.000.
invalid-money-too-large = The amount “{ $input }” is unusually large. Please check the number of digits and the unit (triệu, tỷ).
invalid-money-negative = An amount cannot be negative. Please enter it again.
invalid-money-fraction-of-dong = The amount “{ $input }” has a fraction of a đồng. Please enter whole đồng, for example: 1.500.000.
# $word: the first word not understood, as typed (e.g. "đô").
invalid-money-word-unknown = The word “{ $word }” in “{ $input }” was not understood. Please write the amount in figures or in words, for example: 600 triệu or sáu trăm triệu đồng.
# $word: the word (or figure) that stands where it makes no sense, as typed.
invalid-money-word-order = In “{ $input }”, the word “{ $word }” is out of place. Please write the units from the largest to the smallest, for example: một tỷ hai trăm triệu or 1,2 tỷ.

## Phone (src/domain/phone.ts)

invalid-phone-empty = Please enter a phone number, for example: 0912 345 678.
invalid-phone-invalid = The phone number “{ $input }” is not valid. A mobile number has 10 digits, for example 0912 345 678; a landline starts with its area code, for example 0205 3871 234.
invalid-phone-not-vietnamese = “{ $input }” is not a Vietnamese phone number. Please enter a number in Vietnam, for example: 0912 345 678.

## Tax code (src/domain/tax-code.ts)

invalid-tax-code-empty = Please enter the tax code (10 digits), a branch code (10 digits - 3 digits) or the citizen ID number (12 digits).
invalid-tax-code-format = “{ $input }” is not in the right form. A tax code has 10 digits (a branch adds "-" and 3 digits); a citizen ID has 12 digits starting with 0.
invalid-tax-code-checksum = The tax code “{ $input }” is not valid (perhaps one digit is mistyped). Please check it against the registration certificate.

## Dates (src/domain/dates.ts)

invalid-date-empty = Please enter a date as day/month/year, for example: 05/09/2026.
invalid-date-format = “{ $input }” is not a date in the right form. Please enter day/month/year with a 4-digit year, for example: 05/09/2026.
invalid-date-invalid = The date “{ $input }” does not exist in the calendar. Please check it.
invalid-month-empty = Please enter a month as month/year, for example: 3/2027.
invalid-month-format = “{ $input }” is not a month in the right form. Please enter month/year with a 4-digit year, for example: 3/2027.
invalid-month-invalid = The month “{ $input }” is not valid (months go from 1 to 12). Please check it.
