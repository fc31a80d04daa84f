"""Restore a site_backup archive into an empty database: docs/deployment.md, "Backups"."""

from django.core.management.base import BaseCommand, CommandError

from localdigital.ops.backup import BackupError, archive_verify, restore_archive


class Command(BaseCommand):
    help = (
        "Restore a site_backup archive into an empty database (migrating a new one first) and "
        "the media storage, then rebuild the search indexes. Refuses a database that holds "
        "content unless --replace is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="an archive written by manage.py site_backup")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="delete everything in this database and put the archive's content in its place",
        )
        parser.add_argument(
            "--skip-admin-index",
            action="store_true",
            help="leave Wagtail's admin search index for a later `manage.py update_index` "
            "(the public site search is always rebuilt)",
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="only check the archive against its manifest; change nothing",
        )

    def handle(self, *args, archive, replace, check, skip_admin_index, **options):
        try:
            if check:
                manifest = archive_verify(archive)
                rows = sum(entry["rows"] for entry in manifest["models"])
                self.stdout.write(
                    self.style.SUCCESS(
                        f"{archive} is complete: {rows} rows and {manifest['media']['files']} "
                        f"media files, made {manifest['created_at']}."
                    )
                )
                return
            summary = restore_archive(
                path=archive,
                replace=replace,
                admin_index=not skip_admin_index,
                stdout=self.stdout,
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the site as it was at {summary['created_at']}: {summary['rows']} rows, "
                f"{summary['media_files']} media files, {summary['indexed_pages']} pages in search, "
                f"in {summary['seconds']:.1f}s."
            )
        )
