"""Social and webhook models move to their own apps (social, webhooks).

The tables are renamed (rows kept, foreign keys follow), the models leave this app's migration state
(social 0001 and webhooks 0001 hold them now) and their content types are relabelled, so the
Permission rows and the role groups holding them stay. A database migrated from scratch may already
have the new content types (auth creates permissions inside data migrations here, see
core.roles.ensure_permissions): then the grants are merged into them.
"""

from django.db import migrations

from core.content_types import move_content_type

MOVED = {
    "social": ["socialaccount", "socialdelivery", "deliveryattempt"],
    "webhooks": ["webhookendpoint", "webhookdelivery"],
}


def relabel(forward):
    def run(apps, schema_editor):
        for app_label, models in MOVED.items():
            for model in models:
                old, new = f"publishers.{model}", f"{app_label}.{model}"
                move_content_type(*((old, new) if forward else (new, old)))(apps, schema_editor)

    return run


class Migration(migrations.Migration):

    dependencies = [
        ("publishers", "0004_social_account_avatar"),
        ("social", "0001_initial"),
        ("webhooks", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable(name=model, table=f"{app_label}_{model}")
                for app_label, models in MOVED.items() for model in models
            ],
            state_operations=[
                migrations.DeleteModel(name="DeliveryAttempt"),
                migrations.DeleteModel(name="SocialDelivery"),
                migrations.DeleteModel(name="SocialAccount"),
                migrations.DeleteModel(name="WebhookDelivery"),
                migrations.DeleteModel(name="WebhookEndpoint"),
            ],
        ),
        migrations.RunPython(relabel(forward=True), relabel(forward=False)),
    ]
