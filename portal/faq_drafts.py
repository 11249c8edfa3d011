"""From an answered support request to a draft FAQ entry, without the requester's personal data."""

import re

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext_lazy as _

from portal.models import FAQEntry, FAQTopic

REMOVED = "[…]"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# Phone numbers: 9 or more digits, with spaces, dots, dashes or brackets between them.
PHONE = re.compile(r"(?<![\w/])\+?(?:\(?\d[\s.\-()]{0,2}){8,}\d(?![\w/])")
QUESTION_LENGTH = FAQEntry._meta.get_field("question").max_length


def without_personal_data(text, known_values=()):
    """The text without e-mail addresses, phone numbers and what the requester typed about
    themselves (name, organisation, role), each replaced by […] so reviewers see the cut."""
    text = EMAIL.sub(REMOVED, text or "")
    text = PHONE.sub(REMOVED, text)
    for value in sorted({v.strip() for v in known_values if len(v.strip()) > 2}, key=len)[::-1]:
        text = re.sub(re.escape(value), REMOVED, text, flags=re.IGNORECASE)
    return text.strip()


def paragraphs(text):
    return [" ".join(part.split()) for part in re.split(r"\n\s*\n", text) if part.strip()]


def proposal(support_request):
    """Initial question, short answer and full answer, in the request's language."""
    personal = support_request.personal_values()
    question = " ".join(without_personal_data(support_request.message(), personal).split())
    answer = paragraphs(without_personal_data(support_request.answer, personal))
    return {
        "question": Truncator(question).chars(QUESTION_LENGTH),
        "short_answer": answer[0] if answer else "",
        "answer": "\n\n".join(answer),
    }


def unique_slug(question):
    base = slugify(question)[:60].strip("-") or "question"
    taken = set(FAQEntry.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


class FAQDraftForm(forms.Form):
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=FAQTopic.objects.all(),
        help_text=_("The group the question will be listed under."),
    )
    question = forms.CharField(
        label=_("Question"),
        max_length=QUESTION_LENGTH,
        help_text=_("As a buyer would ask it, without anyone's name or contact."),
    )
    short_answer = forms.CharField(
        label=_("Short answer"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One or two sentences, shown first."),
    )
    answer = forms.CharField(
        label=_("Full answer"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("A blank line starts a new paragraph."),
    )

    def clean(self):
        cleaned = super().clean()
        # What staff typed is cleaned again: the draft never keeps an address or a phone number.
        for name in ("question", "short_answer", "answer"):
            if name in cleaned:
                cleaned[name] = without_personal_data(cleaned[name])
        return cleaned


def create_draft(support_request, data, user):
    """A draft entry (not live) in the request's language, with a first revision."""
    language = support_request.language
    body = "".join(f"<p>{escape(part)}</p>" for part in paragraphs(data["answer"]))
    entry = FAQEntry(
        topic=data["topic"],
        slug=unique_slug(data["question"]),
        last_reviewed=timezone.localdate(),
        source_request=support_request,
        live=False,
        has_unpublished_changes=True,
    )
    setattr(entry, f"question_{language}", data["question"])
    setattr(entry, f"short_answer_{language}", data["short_answer"])
    setattr(entry, f"answer_{language}", body)
    with transaction.atomic():
        entry.save()
        # The other language is still empty (required to publish): the editor adds it next.
        entry.save_revision(user=user, log_action=True, clean=False)
    return entry
