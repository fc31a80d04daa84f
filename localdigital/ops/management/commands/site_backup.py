"""Back up the whole site (database and media files) into one archive: docs/deployment.md, "Backups"."""

from django.core.management.base import BaseCommand, CommandError

from localdigital.ops.backup import BackupError, backup_create


class Command(BaseCommand):
    help = "Write the database and every media file to one .tar.gz archive, while the site runs."

    def add_arguments(self, parser):
        parser.add_argument(
            "archive", help="where to write the archive, e.g. site-2026-01-31.tar.gz"
        )
        parser.add_argument(
            "--overwrite", action="store_true", help="replace the archive if it exists already"
        )

    def handle(self, *args, archive, overwrite, **options):
        try:
            manifest = backup_create(path=archive, overwrite=overwrite)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(entry["rows"] for entry in manifest["models"])
        media = manifest["media"]
        for name in media["missing"]:
            self.stderr.write(f"Warning: {name} is named by a row but is not in the storage.")
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up {rows} rows of {len(manifest['models'])} models and {media['files']} "
                f"media files ({media['bytes'] / 1e6:.1f} MB) to {archive} "
                f"({manifest['archive_bytes'] / 1e6:.1f} MB) in {manifest['seconds']:.1f}s."
            )
        )
