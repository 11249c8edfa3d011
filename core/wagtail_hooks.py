from wagtail import hooks
from wagtail.snippets.models import register_snippet

from core import multiple_upload
from core.models import OutgoingMail
from core.outgoing_mail_admin import OutgoingMailViewSet, send_again_button

register_snippet(OutgoingMailViewSet)


@hooks.register("register_snippet_listing_buttons")
def outgoing_mail_buttons(snippet, user, next_url=None):
    if isinstance(snippet, OutgoingMail):
        yield from send_again_button(snippet, user)


@hooks.register("register_admin_urls", order=-1)
def multiple_upload_urls():
    return multiple_upload.admin_urls()
