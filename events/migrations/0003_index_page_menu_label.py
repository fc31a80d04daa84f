"""Index pages: an optional shorter label for the service navigation (menu_label)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0002_staff_record_attendance'),
    ]

    operations = [
        migrations.AddField(
            model_name='eventindexpage',
            name='menu_label',
            field=models.CharField(blank=True, help_text='A shorter name for the site menu, such as “Patterns”. Leave empty to use the title. Keep the whole menu short enough for one row on a laptop.', max_length=30, verbose_name='label in the menu'),
        ),
    ]
