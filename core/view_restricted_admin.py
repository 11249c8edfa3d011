"""Snippets only some staff may read (subscribers, outgoing mail): every admin address of them,
the chooser included, asks for the model's view permission (superusers have it).

Wagtail's listing, inspect, history and usage views let any one of add, change, delete or view
through, and its snippet chooser checks nothing at all; here no action is allowed without view,
and the chooser's views check it too.
"""

from django.core.exceptions import PermissionDenied

from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry
from wagtail.snippets.views import chooser

from core.admin_language import SnippetChooserViewSet


class ViewRequiredPolicy(ModelPermissionPolicy):
    """Model permissions, each of which also needs the view permission."""

    def user_has_permission(self, user, action):
        return super().user_has_permission(user, "view") and super().user_has_permission(
            user, action
        )

    def users_with_any_permission(self, actions):
        base = super().users_with_any_permission
        return base(actions) & base(["view"])


class ViewPermissionRequired:
    """For a chooser view: 403 unless the user may view the model (chooser URLs name it)."""

    def dispatch(self, request, *args, **kwargs):
        policy = policy_registry.get_by_type(self.model_class)
        if not policy.user_has_permission(request.user, "view"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ChooseView(ViewPermissionRequired, chooser.ChooseView):
    pass


class ChooseResultsView(ViewPermissionRequired, chooser.ChooseResultsView):
    pass


class ChosenView(ViewPermissionRequired, chooser.SnippetChosenView):
    pass


class ChosenMultipleView(ViewPermissionRequired, chooser.SnippetChosenMultipleView):
    pass


class CreateView(ViewPermissionRequired, chooser.SnippetCreateView):
    pass


class ViewRestrictedChooserViewSet(SnippetChooserViewSet):
    """A SnippetViewSet's `chooser_viewset_class` for models only viewers may read."""

    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView
    create_view_class = CreateView
