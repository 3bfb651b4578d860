from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0027_date_reference_per_article"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="datereference",
            index=models.Index(fields=["day", "lag"], name="datereference_day_lag"),
        ),
        migrations.AddIndex(
            model_name="event",
            index=models.Index(
                condition=models.Q(("merged_into__isnull", True), models.Q(("status", "rejected"), _negated=True)),
                fields=["precision", "date_start", "event_type", "publisher_count", "status", "merged_into"],
                name="event_public_day_kind",
            ),
        ),
        migrations.AddConstraint(
            model_name="datereference",
            constraint=models.UniqueConstraint(fields=("article", "day"), name="datereference_unique_day"),
        ),
    ]
