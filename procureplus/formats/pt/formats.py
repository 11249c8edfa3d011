"""Portugal's date formats: Django's for "pt" (its month names come from the catalogue, in lower
case from locale_wording/), with the week starting on Monday."""

from django.conf.locale.pt.formats import *  # noqa: F403

FIRST_DAY_OF_WEEK = 1  # Monday
