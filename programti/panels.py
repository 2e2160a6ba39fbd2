from wagtail.admin.panels import InlinePanel, Panel

from .forms import ActivityForm


class ActivityPanel(InlinePanel):
    """The programme's activity rows, each with ActivityForm (its person responsible among the user's courts)."""

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name].update(form=ActivityForm, inherit_kwargs=["for_user"])
        return options


class DecreePanel(Panel):
    """On the programme's editor: its decree (SK Teknologi Informasi) once set, and each activity's progress with
    the person responsible's link to report it."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "programti/panels/decree.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            from .views import may_report

            context = super().get_context_data(parent_context)
            program = self.instance
            decree = program.decree
            activities = []
            if decree is not None:
                for activity in program.__class__.objects.get(pk=program.pk).activities.select_related(
                        "responsible", "program__court"):
                    activity.may_report = may_report(self.request.user, activity)
                    activities.append(activity)
            context.update(program=program, decree=decree, activities=activities)
            return context
