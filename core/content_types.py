"""Moving a model to another app in a migration without losing who holds its permissions.

Django names a model's permissions after its content type (app label and model name). When a model
moves, its ContentType row is relabelled, so the Permission rows, and the groups and users holding
them, stay as they were. A migration of this history may already have created the new content type
(auth's create_permissions runs inside data migrations here, see core.roles.ensure_permissions): then
the old row's permissions are merged into the new one's.
"""


def move_content_type(old, new):
    """A RunPython function relabelling content type `old` ("app_label.model") as `new`."""

    def move(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        Permission = apps.get_model("auth", "Permission")
        old_label, old_model = old.split(".")
        new_label, new_model = new.split(".")
        source = ContentType.objects.filter(app_label=old_label, model=old_model).first()
        if source is None:
            return
        target = ContentType.objects.filter(app_label=new_label, model=new_model).first()
        if target is None:
            source.app_label, source.model = new_label, new_model
            source.save(update_fields=["app_label", "model"])
            return
        for permission in Permission.objects.filter(content_type=source):
            kept = Permission.objects.filter(content_type=target, codename=permission.codename).first()
            if kept is None:
                permission.content_type = target
                permission.save(update_fields=["content_type"])
                continue
            kept.group_set.add(*permission.group_set.all())
            kept.user_set.add(*permission.user_set.all())
            permission.delete()
        source.delete()

    return move
