# Post metrics are kept in monev.MetricSnapshot only; monev 0007 copied what the daily read had stored here.
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('social', '0002_platform_choices'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='socialdelivery',
            name='metrics',
        ),
        migrations.RemoveField(
            model_name='socialdelivery',
            name='metrics_at',
        ),
    ]
