"""Court walls for a snippet whose rows belong to a court: Wagtail's snippet views and chooser list and open every
row of the model, so an app hands its "rows this user may see" function (its one scoping helper, built on
core.courts.courts_for) to these two pieces:

- ``CourtWalledSnippetViewSet``: a SnippetViewSet whose listing is ``visible(user)``, whose URLs with a pk answer
  404 for a row outside it, and whose chooser lists and returns only those rows;
- ``CourtWorkflowCreateView``: the create view of a model with one workflow per court, which asks the new
  instance for its court's workflow once it has a court (Wagtail asks the model's default).

Wagtail has no per-row scoping of snippets beyond a permission policy, and a policy's
``instances_user_has_permission_for`` is not what the chooser or the URL resolution reads; hence this module.
"""

import functools

from django.http import Http404
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet, SnippetChosenView
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet


def walled_view(view, visible):
    """The row of the URL's pk must be among ``visible(request.user)``: else 404."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        pk = kwargs.get("pk")
        if pk is not None and (not str(pk).isdigit() or not visible(request.user).filter(pk=int(pk)).exists()):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


def walled_chooser_viewset(visible):
    class _Visible:
        def get_object_list(self):
            return visible(self.request.user)

    class WalledChooseView(_Visible, ChooseView):
        pass

    class WalledChooseResultsView(_Visible, ChooseResultsView):
        pass

    class WalledChosenView(SnippetChosenView):
        def get_object(self, pk):
            return visible(self.request.user).get(pk=pk)

    class WalledChooserViewSet(SnippetChooserViewSet):
        choose_view_class = WalledChooseView
        choose_results_view_class = WalledChooseResultsView
        chosen_view_class = WalledChosenView

    return WalledChooserViewSet


class CourtWalledSnippetViewSet(SnippetViewSet):
    """Set ``visible`` to a function user -> queryset of the rows the user may see."""

    visible = None

    def __init__(self, *args, **kwargs):
        visible = type(self).visible
        self.chooser_viewset_class = walled_chooser_viewset(visible)
        super().__init__(*args, **kwargs)

    def get_queryset(self, request):
        return type(self).visible(request.user)

    def get_urlpatterns(self):
        patterns = super().get_urlpatterns()
        for pattern in patterns:
            if "pk" in str(pattern.pattern):
                pattern.callback = walled_view(pattern.callback, type(self).visible)
        return patterns


class CourtWorkflowCreateView(CreateView):
    @property
    def workflow(self):
        """The court's workflow once the instance has its court (Wagtail's would be the model's default)."""
        if self.object is not None and getattr(self.object, "court_id", None):
            return self.object.get_workflow()
        return self.model.get_default_workflow()
