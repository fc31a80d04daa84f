"""Back up the whole site (database and media) into one archive; restore it into an empty database.

The archive is a gzipped tar (format version 1) holding, in this order:

- `db/NNNN-<app_label>.<model>.jsonl`: every row of one model in Django's JSON Lines
  serializer (datetimes to the microsecond). Primary keys are kept, so page ids, tree paths,
  revision ids and everything that points at them (StreamField blocks, revision content,
  generic relations) stay right. Foreign keys to content types and permissions are written
  as natural keys: migrate makes those on each database, with ids that can differ, and they
  are matched by app label, model name and codename there.
  Many-to-many rows are written as rows of their own (`core.basepage_organisations`), not
  inside their owner: modelcluster's ParentalManyToManyField keeps what a deserializer sets
  in memory until a save that a raw load never makes, and rows of their own keep their ids
  and can be counted.
- `media/<name>`: every file in the default storage, byte for byte, except Wagtail's
  renditions (`images/`), which are resized copies made again on first view.
- `manifest.json`, last (its checksums are known only once everything else is written):
  format, version, when, the Django/Wagtail/Python versions, the applied migrations, the
  source's content types, the rows of each model, and the size and sha256 of every member.

Media are read through `default_storage` rather than MEDIA_ROOT, so a backup takes what the
site itself serves, wherever STORAGES puts it, and a restore writes where the site reads.

What is left out, and why, is `EXCLUDED` below (also docs/deployment.md, "Backups").
"""

import contextlib
import datetime
import hashlib
import io
import json
import os
import platform
import posixpath
import tarfile
import tempfile
import time
import zlib
from collections import defaultdict
from pathlib import Path

import django
from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.jsonl import Serializer as JSONLSerializer
from django.db import DatabaseError, connection, models, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

import wagtail
from wagtail.models import Revision

from core.page_cache import invalidate_page_cache
from search.indexing import rebuild_index

FORMAT = "localdigital-site-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DB_PREFIX = "db/"
MEDIA_PREFIX = "media/"
CHUNK = 1024 * 1024

# Rows that are not part of a backup, with the reason the manifest and the docs give.
EXCLUDED = {
    "contenttypes.contenttype": "made by migrate on every database; rows refer to them by app and model",
    "auth.permission": "made by migrate on every database; rows refer to them by codename",
    "sessions.session": "sign-ins: everyone signs in again on a restored site",
    "axes.accessattempt": "failed sign-in counters for a 15-minute lockout, by IP address",
    "axes.accessattemptexpiration": "when those lockouts end",
    "axes.accessfailurelog": "a log of failed sign-ins by IP address",
    "axes.accesslog": "a log of sign-ins by IP address",
    "search.searchdocument": "the site search index: rebuilt from the pages after a restore",
    "search.searchfacetvalue": "the site search index: rebuilt from the pages after a restore",
    "search.searchdocumentfacet": "the site search index: rebuilt from the pages after a restore",
    "search.searchindexstate": "the site search index's generation, started anew by the rebuild",
    "wagtailsearch.indexentry": "Wagtail's admin search index: rebuilt by update_index",
    "wagtailsearch.sqliteftsindexentry": "Wagtail's admin search index: rebuilt by update_index",
    "wagtailimages.rendition": "resized copies of images, made again on first view",
    "wagtailadmin.editingsession": "who has an editor open at this moment",
    "core.publiccontentgeneration": "the page cache's generation, started anew after a restore",
}

# Of these, only some rows: the querysets below say which, and why.
PARTIAL = {
    # Work still waiting to run is kept, so a restored site does it. A finished task is
    # history the worker prunes, and a running one belongs to the worker running it.
    "django_tasks_database.dbtaskresult": lambda queryset: queryset.filter(status="READY"),
}

# Rows that migrations themselves create (the root page and Wagtail's welcome page, the
# default site, collection, locale and workflow, the Editors and Moderators groups and their
# permissions): a database with only these holds no content. For the page tree, up to this
# many rows; for the rest, any number. A restore replaces them all with the archive's.
SEEDED_BY_MIGRATIONS = {
    "wagtailcore.page": 2,
    "wagtailcore.site": None,
    "wagtailcore.collection": None,
    "wagtailcore.locale": None,
    "wagtailcore.workflow": None,
    "wagtailcore.workflowtask": None,
    "wagtailcore.workflowpage": None,
    "wagtailcore.task": None,
    "wagtailcore.groupapprovaltask": None,
    "wagtailcore.groupapprovaltask_groups": None,
    "wagtailcore.grouppagepermission": None,
    "wagtailcore.groupcollectionpermission": None,
    "auth.group": None,
    "auth.group_permissions": None,
}

# Top-level storage folders left out: Wagtail writes renditions to images/ (originals are in
# original_images/), and their rows are not backed up either.
SKIPPED_MEDIA_DIRECTORIES = ("images",)


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why and what to do."""


# --- which rows ---------------------------------------------------------------------------


def backed_up_models() -> list[type[models.Model]]:
    """Every model whose rows go into a backup, in an order that loads."""
    by_app = defaultdict(list)
    for model in apps.get_models(include_auto_created=True):
        opts = model._meta
        if opts.proxy or not opts.managed or opts.label_lower in EXCLUDED:
            continue
        if opts.auto_created and opts.auto_created._meta.label_lower in EXCLUDED:
            continue
        by_app[opts.app_config].append(model)
    return serializers.sort_dependencies(list(by_app.items()), allow_cycles=True)


def rows_of(model) -> models.QuerySet:
    queryset = model._base_manager.all()
    narrow = PARTIAL.get(model._meta.label_lower)
    return narrow(queryset) if narrow else queryset


def _local_field_names(model) -> list[str]:
    # Local fields only: a page type's parents are rows of their own models, and
    # many-to-many rows are written as rows of their through models.
    return [field.name for field in model._meta.local_fields]


def database_content() -> list[str]:
    """What the database holds beyond what migrations create: "label: N rows" lines."""
    held = []
    for model in backed_up_models():
        label = model._meta.label_lower
        count = rows_of(model).count()
        if label in SEEDED_BY_MIGRATIONS:
            allowed = SEEDED_BY_MIGRATIONS[label]
            if allowed is None or count <= allowed:
                continue
        if count:
            held.append(f"{label}: {count} rows")
    return held


def applied_migrations() -> list[list[str]]:
    installed = {config.label for config in apps.get_app_configs()}
    return sorted(
        [app, name]
        for app, name in MigrationRecorder(connection).applied_migrations()
        if app in installed
    )


# --- backup -------------------------------------------------------------------------------


@contextlib.contextmanager
def read_snapshot():
    """Every read inside sees the database as it was at one moment, while the site writes on.

    PostgreSQL: a REPEATABLE READ, READ ONLY transaction. SQLite: a deferred read transaction,
    which in WAL mode reads one snapshot and never blocks writers (the site's own
    transactions are IMMEDIATE, which would take the write lock for the whole backup).
    """
    if connection.vendor == "postgresql":
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield
        return
    if connection.vendor != "sqlite":
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {connection.vendor}.")
    connection.ensure_connection()
    with connection.cursor() as cursor:
        cursor.execute("BEGIN DEFERRED")
        cursor.execute("SELECT COUNT(*) FROM django_migrations")  # the snapshot starts here
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("ROLLBACK")


def _sha256_of_stream(handle) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: handle.read(CHUNK), b""):
        digest.update(chunk)
    return digest.hexdigest()


def _sha256_of(path: Path) -> str:
    with open(path, "rb") as handle:
        return _sha256_of_stream(handle)


class _ExactJSONEncoder(DjangoJSONEncoder):
    """Django's encoder with datetimes and times to the microsecond, as the database holds them.

    DjangoJSONEncoder cuts them to milliseconds (ECMA-262), so a restored revision or sign-up
    time would differ from the original, and two revisions saved in the same millisecond
    could swap places in an order by time.
    """

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            if isinstance(o, datetime.time) and timezone.is_aware(o):
                raise ValueError("JSON can't represent timezone-aware times.")
            return o.isoformat()
        return super().default(o)


class _RowSerializer(JSONLSerializer):
    """JSON Lines, with foreign keys to content types and permissions as natural keys only.

    Those two are made by migrate on each database, in an order that can differ, so their
    ids do; every other row keeps its id, so ids are the exact reference for the rest. (A
    natural key for everything would write pages as their URL path, which is not unique, and
    cannot name the deleted page an audit log row still points at.) The keys come from maps
    read once, not from a query per row.
    """

    def __init__(self, *, natural_keys: dict, **kwargs):
        super().__init__(**kwargs)
        self.natural_keys = natural_keys

    def handle_fk_field(self, obj, field):
        keys = self.natural_keys.get(field.related_model)
        if keys is None:
            super().handle_fk_field(obj, field)
            return
        value = getattr(obj, field.attname)
        self._current[field.name] = None if value is None else keys.get(value, value)


def _natural_keys() -> dict:
    types = {
        pk: (app_label, model)
        for pk, app_label, model in ContentType.objects.values_list("pk", "app_label", "model")
    }
    permissions = {
        pk: (codename, *types[type_id])
        for pk, codename, type_id in Permission.objects.values_list(
            "pk", "codename", "content_type_id"
        )
    }
    return {ContentType: types, Permission: permissions}


class _CountingIterator:
    def __init__(self, iterable):
        self.iterable = iterable
        self.count = 0

    def __iter__(self):
        for item in self.iterable:
            self.count += 1
            yield item


def _dump_database(directory: Path) -> tuple[list[dict], dict[str, set[str]]]:
    """Write each model's rows to a file; returns the manifest's models and referenced files."""
    natural_keys = _natural_keys()
    entries = []
    referenced = defaultdict(set)
    for position, model in enumerate(backed_up_models(), start=1):
        label = model._meta.label_lower
        member = f"{DB_PREFIX}{position:04d}-{label}.jsonl"
        rows = _CountingIterator(rows_of(model).order_by("pk").iterator(chunk_size=2000))
        with open(directory / member.removeprefix(DB_PREFIX), "w", encoding="utf-8") as handle:
            _RowSerializer(natural_keys=natural_keys).serialize(
                rows, stream=handle, fields=_local_field_names(model), cls=_ExactJSONEncoder
            )
        entries.append({"label": label, "member": member, "rows": rows.count})
        for field in model._meta.local_fields:
            if isinstance(field, models.FileField):
                names = (
                    rows_of(model).exclude(**{field.name: ""}).values_list(field.name, flat=True)
                )
                referenced[label].update(name for name in names if name)
    return entries, referenced


def _storage_files(directory: str = ""):
    try:
        folders, files = default_storage.listdir(directory)
    except FileNotFoundError:  # no media folder yet: nothing was ever uploaded
        return
    for name in sorted(files):
        yield posixpath.join(directory, name) if directory else name
    for folder in sorted(folders):
        if not directory and folder in SKIPPED_MEDIA_DIRECTORIES:
            continue
        yield from _storage_files(posixpath.join(directory, folder) if directory else folder)


class _HashingReader(io.RawIOBase):
    """Reads a file for the tar while hashing exactly what goes into the archive."""

    def __init__(self, handle):
        self.handle = handle
        self.digest = hashlib.sha256()

    def readable(self):
        return True

    def read(self, size=-1):
        data = self.handle.read(size)
        self.digest.update(data)
        return data


def _tarinfo(name: str, size: int) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size = size
    info.mtime = int(time.time())
    info.mode = 0o600
    return info


def _add_media(tar: tarfile.TarFile, files: dict) -> tuple[set[str], int]:
    present, total = set(), 0
    for name in _storage_files():
        try:
            size = default_storage.size(name)
            handle = default_storage.open(name, "rb")
        except FileNotFoundError:  # deleted since it was listed: the snapshot has no row for it
            continue
        with handle:
            reader = _HashingReader(handle)
            tar.addfile(_tarinfo(MEDIA_PREFIX + name, size), reader)
        files[MEDIA_PREFIX + name] = {"size": size, "sha256": reader.digest.hexdigest()}
        present.add(name)
        total += size
    return present, total


def _storage_label() -> str:
    return f"{type(default_storage).__module__}.{type(default_storage).__qualname__}"


def backup_create(*, path: Path | str, overwrite: bool = False) -> dict:
    """Write the whole site to `path` (a .tar.gz); returns the manifest.

    The archive appears under its name only once complete (it is written beside it as
    `.partial` first), so a backup that dies never leaves a truncated file that looks good.
    It is readable by its owner only: it holds password hashes and members' details.
    """
    started = time.perf_counter()
    path = Path(path)
    if path.exists() and not overwrite:
        raise BackupError(f"{path} already exists; choose a new name or pass --overwrite.")
    partial = path.with_name(path.name + ".partial")
    with tempfile.TemporaryDirectory(prefix="site-backup-") as scratch:
        scratch = Path(scratch)
        with read_snapshot():
            entries, referenced = _dump_database(scratch)
            migrations_applied = applied_migrations()
            content_types = {
                str(pk): [app_label, model]
                for pk, app_label, model in ContentType.objects.values_list(
                    "pk", "app_label", "model"
                )
            }
        files = {}
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
                for entry in entries:
                    dumped = scratch / entry["member"].removeprefix(DB_PREFIX)
                    files[entry["member"]] = {
                        "size": dumped.stat().st_size,
                        "sha256": _sha256_of(dumped),
                    }
                    with open(dumped, "rb") as handle:
                        tar.addfile(
                            _tarinfo(entry["member"], files[entry["member"]]["size"]), handle
                        )
                    dumped.unlink()
                present, media_bytes = _add_media(tar, files)
                missing = sorted(
                    name for names in referenced.values() for name in names if name not in present
                )
                manifest = {
                    "format": FORMAT,
                    "format_version": FORMAT_VERSION,
                    "created_at": timezone.now().isoformat(),
                    "versions": {
                        "django": django.get_version(),
                        "wagtail": wagtail.__version__,
                        "python": platform.python_version(),
                    },
                    "database": connection.vendor,
                    "migrations": migrations_applied,
                    "content_types": content_types,
                    "models": entries,
                    "media": {
                        "storage": _storage_label(),
                        "skipped_directories": list(SKIPPED_MEDIA_DIRECTORIES),
                        "files": len(present),
                        "bytes": media_bytes,
                        "missing": missing,
                    },
                    "excluded": EXCLUDED,
                    "files": files,
                }
                encoded = json.dumps(manifest, indent=1, sort_keys=True).encode()
                tar.addfile(_tarinfo(MANIFEST, len(encoded)), io.BytesIO(encoded))
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    os.replace(partial, path)
    manifest["seconds"] = round(time.perf_counter() - started, 2)
    manifest["archive_bytes"] = path.stat().st_size
    return manifest


# --- restore ------------------------------------------------------------------------------


def _safe_member_name(name: str) -> bool:
    parts = name.split("/")
    return not (
        name.startswith("/") or "\\" in name or any(part in ("", ".", "..") for part in parts)
    )


def _open_archive(path: Path) -> tarfile.TarFile:
    try:
        return tarfile.open(path, "r:gz")
    except FileNotFoundError:
        raise BackupError(f"{path} does not exist.") from None
    except (OSError, tarfile.TarError, EOFError, zlib.error) as error:
        raise BackupError(
            f"{path} is not a site backup archive ({error}); nothing was changed."
        ) from None


def archive_verify(path: Path | str) -> dict:
    """Read the whole archive and check it against its manifest; returns the manifest.

    Touches nothing: a restore runs this before it changes anything, and
    `site_restore --check` runs only this (say, from cron after each backup).
    """
    path = Path(path)
    digests, order, manifest_bytes = {}, [], None
    try:
        with _open_archive(path) as tar:
            for member in tar:
                if not member.isfile() or not _safe_member_name(member.name):
                    raise BackupError(
                        f"{path} holds {member.name!r}, which no site backup holds; "
                        "it was not made by site_backup or has been altered."
                    )
                handle = tar.extractfile(member)
                if member.name == MANIFEST:
                    manifest_bytes = handle.read()
                    continue
                digests[member.name] = {"size": member.size, "sha256": _sha256_of_stream(handle)}
                order.append(member.name)
    except (OSError, tarfile.TarError, EOFError, zlib.error) as error:
        raise BackupError(
            f"{path} is damaged (truncated or corrupt): {error}; nothing was changed."
        ) from None
    if manifest_bytes is None:
        raise BackupError(f"{path} has no {MANIFEST}: it is incomplete or not a site backup.")
    try:
        manifest = json.loads(manifest_bytes)
    except ValueError as error:
        raise BackupError(f"{path}'s {MANIFEST} cannot be read: {error}.") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{path} is not a site backup (format {manifest.get('format')!r}).")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"{path} is format version {manifest.get('format_version')}; this release reads "
            f"version {FORMAT_VERSION}. Restore it with the release that made it."
        )
    expected = manifest["files"]
    problems = [
        f"{name}: in the archive, not in the manifest"
        for name in sorted(digests.keys() - expected.keys())
    ]
    problems += [
        f"{name}: in the manifest, missing from the archive"
        for name in sorted(expected.keys() - digests.keys())
    ]
    problems += [
        f"{name}: checksum or size differs from the manifest"
        for name in sorted(expected.keys() & digests.keys())
        if digests[name] != {"size": expected[name]["size"], "sha256": expected[name]["sha256"]}
    ]
    for entry in manifest["models"]:
        try:
            apps.get_model(entry["label"])
        except LookupError:
            problems.append(f"{entry['label']}: no such model in this release")
    rows_in_order = [name for name in order if name.startswith(DB_PREFIX)]
    if rows_in_order != [entry["member"] for entry in manifest["models"]]:
        problems.append("the rows are not in the order the manifest loads them")
    problems += [
        f"{name}: neither rows nor a media file"
        for name in order
        if not name.startswith((DB_PREFIX, MEDIA_PREFIX))
    ]
    if problems:
        shown = "; ".join(problems[:5]) + (
            f"; and {len(problems) - 5} more" if len(problems) > 5 else ""
        )
        raise BackupError(
            f"{path} does not match its manifest ({len(problems)} problem(s): {shown}). "
            "It was damaged or altered; nothing was changed. Restore from another archive."
        )
    return manifest


def _prepare_database() -> None:
    """Migrate a brand-new database; refuse one part-way through this release's migrations."""
    executor = MigrationExecutor(connection)
    if not executor.migration_plan(executor.loader.graph.leaf_nodes()):
        return
    recorder = MigrationRecorder(connection)
    if recorder.has_table() and recorder.applied_migrations():
        raise BackupError(
            "The database has migrations this release has not applied. Run "
            "`manage.py migrate` first (or restore into a new, empty database); nothing was changed."
        )
    if set(connection.introspection.table_names()) - {recorder.Migration._meta.db_table}:
        raise BackupError(
            "The database has tables but no record of migrations: it is not this site's. "
            "Restore into a new, empty database; nothing was changed."
        )
    call_command("migrate", interactive=False, verbosity=0)


def _check_same_migrations(manifest: dict) -> None:
    archived = {tuple(item) for item in manifest["migrations"]}
    here = {tuple(item) for item in applied_migrations()}
    if archived == here:
        return
    only_archive = sorted(archived - here)
    only_here = sorted(here - archived)
    detail = []
    if only_archive:
        detail.append("the archive has " + ", ".join(f"{a}.{n}" for a, n in only_archive[:5]))
    if only_here:
        detail.append("this release has " + ", ".join(f"{a}.{n}" for a, n in only_here[:5]))
    raise BackupError(
        "The archive was made by a release with other migrations than this one ("
        + "; ".join(detail)
        + "). Restore it with the release that made it (the manifest lists its migrations), "
        "then upgrade and migrate; nothing was changed."
    )


def _flush() -> None:
    """Empty every table the archive fills and every table derived from them, in this transaction.

    Content types and permissions stay: they are this database's own, and the archive's rows
    refer to them by natural key. On PostgreSQL TRUNCATE also restarts the sequences.
    """
    kept = {ContentType._meta.db_table, Permission._meta.db_table}
    tables = [
        name
        for name in connection.introspection.django_table_names(
            only_existing=True, include_views=False
        )
        if name not in kept
    ]
    statements = connection.ops.sql_flush(no_style(), tables, reset_sequences=True)
    connection.ops.execute_sql_flush(statements)


class _VerifiedMember(io.RawIOBase):
    """A member of the archive that checks its sha256 once read to the end."""

    def __init__(self, handle, name: str, expected: dict):
        self.handle = handle
        self.name = name
        self.expected = expected["sha256"]
        self.digest = hashlib.sha256()

    def readable(self):
        return True

    def readinto(self, buffer):
        data = self.handle.read(len(buffer))
        self.digest.update(data)
        buffer[: len(data)] = data
        return len(data)

    def check(self) -> None:
        for chunk in iter(lambda: self.handle.read(CHUNK), b""):
            self.digest.update(chunk)
        if self.digest.hexdigest() != self.expected:
            raise BackupError(
                f"{self.name} changed while it was being restored; the restore was rolled back."
            )


def _load_model_rows(member: _VerifiedMember, deferred: list) -> None:
    text = io.TextIOWrapper(io.BufferedReader(member), encoding="utf-8")
    for obj in serializers.deserialize("jsonl", text, handle_forward_references=True):
        # The tables were emptied: an insert, without the update Django tries first.
        obj.save(force_insert=True)
        if obj.deferred_fields:
            deferred.append(obj)
    member.check()


def _write_media_file(member: _VerifiedMember, name: str) -> None:
    with tempfile.SpooledTemporaryFile(max_size=8 * CHUNK) as spool:
        for chunk in iter(lambda: member.read(CHUNK), b""):
            spool.write(chunk)
        member.check()
        spool.seek(0)
        # Storage renames a file whose name is taken; the rows name this exact file.
        if default_storage.exists(name):
            default_storage.delete(name)
        saved = default_storage.save(name, File(spool, name=name))
    if saved != name:
        raise BackupError(f"Storage saved {name} as {saved}; the restore was rolled back.")


def _restore_members(path: Path, manifest: dict) -> tuple[int, int]:
    """Load every row, check them, then write every media file: the archive read once, in order.

    The rows come first, in the manifest's order (archive_verify checked it); foreign keys are
    checked once they are all in, so the order among them does not matter. Media files are
    written only once the rows have loaded and matched the manifest, so a bad archive fails
    before any file is written. Returns (revisions remapped, media files written).
    """
    loaded, deferred, media, remapped = [], [], 0, None
    models_by_member = {entry["member"]: entry for entry in manifest["models"]}

    def rows_done():
        for obj in deferred:
            obj.save_deferred_fields()
        connection.check_constraints(table_names=[model._meta.db_table for model in loaded])
        changed = _remap_revision_content_types(manifest)
        _reset_sequences(loaded)
        _check_row_counts(manifest)
        return changed

    with tarfile.open(path, "r|gz") as tar, connection.constraint_checks_disabled():
        for member in tar:
            if member.name == MANIFEST:
                continue
            reader = _VerifiedMember(
                tar.extractfile(member), member.name, manifest["files"][member.name]
            )
            if member.name in models_by_member:
                loaded.append(apps.get_model(models_by_member[member.name]["label"]))
                _load_model_rows(reader, deferred)
                continue
            if remapped is None:
                remapped = rows_done()
            _write_media_file(reader, member.name.removeprefix(MEDIA_PREFIX))
            media += 1
        if remapped is None:
            remapped = rows_done()
    return remapped, media


def _remap_revision_content_types(manifest: dict) -> int:
    """A page revision's content names its page type by content type id, the source's id.

    Publishing or reverting to that revision would give the page that id, which on this
    database may be another model's; map each to this database's id for the same model.
    """
    here = {
        (app_label, model): pk
        for pk, app_label, model in ContentType.objects.values_list("pk", "app_label", "model")
    }
    mapping = {}
    for old, (app_label, model) in manifest["content_types"].items():
        new = here.get((app_label, model))
        if new is not None and new != int(old):
            mapping[int(old)] = new
    if not mapping:
        return 0
    changed = []
    for pk, content in Revision.objects.values_list("pk", "content").iterator(chunk_size=500):
        if isinstance(content, dict) and content.get("content_type") in mapping:
            content["content_type"] = mapping[content["content_type"]]
            changed.append(Revision(pk=pk, content=content))
    Revision.objects.bulk_update(changed, ["content"], batch_size=500)
    return len(changed)


def _reset_sequences(loaded: list[type[models.Model]]) -> None:
    # Rows came in with their ids; a new row after the restore must get the next free one.
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), loaded):
            cursor.execute(statement)


def _check_row_counts(manifest: dict) -> None:
    wrong = []
    for entry in manifest["models"]:
        count = rows_of(apps.get_model(entry["label"])).count()
        if count != entry["rows"]:
            wrong.append(f"{entry['label']}: {count} rows loaded, {entry['rows']} in the manifest")
    if wrong:
        raise BackupError(
            "The restored rows do not match the manifest (" + "; ".join(wrong[:5]) + "). "
            "The restore was rolled back; nothing was changed."
        )


def restore_archive(
    *, path: Path | str, replace: bool = False, admin_index: bool = True, stdout=None
) -> dict:
    """Restore an archive from `backup_create` into this database and the default storage.

    Checks everything before changing anything: the archive against its manifest, the
    database's migrations against the archive's, and that the database holds no content
    (unless `replace`). Then, in one transaction, empties the tables, loads every row, checks
    them against the manifest, then writes the media files; any failure rolls the database
    back. Afterwards the site search index, and Wagtail's admin index if `admin_index`, are
    rebuilt from the restored pages.
    """
    started = time.perf_counter()
    path = Path(path)

    def say(message):
        if stdout is not None:
            stdout.write(message + "\n")

    manifest = archive_verify(path)
    say(f"Archive verified: {len(manifest['files'])} files match the manifest.")
    _prepare_database()
    _check_same_migrations(manifest)
    if not replace:
        held = database_content()
        if held:
            raise BackupError(
                "The database already holds content ("
                + "; ".join(held[:5])
                + (f"; and {len(held) - 5} more models" if len(held) > 5 else "")
                + "). Restore into a new, empty database, or pass --replace to delete "
                "everything in this one and put the archive's content in its place. "
                "Nothing was changed."
            )
    try:
        with transaction.atomic():
            _flush()
            remapped, media = _restore_members(path, manifest)
            # Every process's page cache starts again from the restored content.
            invalidate_page_cache()
    except BackupError:
        raise
    except (DatabaseError, DeserializationError, ValueError, OSError, tarfile.TarError) as error:
        raise BackupError(
            f"The restore failed and was rolled back, so the database is as it was ({error}). "
            "Media files written before the failure are left in the storage."
        ) from error
    rows = sum(entry["rows"] for entry in manifest["models"])
    say(
        f"Restored {rows} rows of {len(manifest['models'])} models and {media} media files "
        f"in {time.perf_counter() - started:.1f}s; rebuilding the search indexes..."
    )
    indexing_started = time.perf_counter()
    indexed = rebuild_index()
    if admin_index:
        # Only the admin's search reads it; on a large site it takes longer than all the rest.
        call_command("update_index", verbosity=0)
    else:
        say("Wagtail's admin search index was left empty: run `manage.py update_index`.")
    say(f"Search indexes rebuilt in {time.perf_counter() - indexing_started:.1f}s.")
    return {
        "rows": rows,
        "models": len(manifest["models"]),
        "media_files": media,
        "revisions_remapped": remapped,
        "indexed_pages": indexed,
        "seconds": round(time.perf_counter() - started, 2),
        "created_at": manifest["created_at"],
    }
