"""Checks on uploaded documents: size, extension, and that the bytes are what the name says."""

import io
import zipfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

ALLOWED_EXTENSIONS = {"pdf", "docx", "xlsx", "odt", "ods", "csv", "txt"}
ZIP_MEMBERS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
}
OPENDOCUMENT_MIMETYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
}


def _head(upload, size: int = 2048) -> bytes:
    upload.seek(0)
    data = upload.read(size)
    upload.seek(0)
    return data


def _zip_names(upload) -> set[str]:
    upload.seek(0)
    try:
        with zipfile.ZipFile(io.BytesIO(upload.read())) as archive:
            return set(archive.namelist())
    except zipfile.BadZipFile:
        return set()
    finally:
        upload.seek(0)


def _is_text(upload) -> bool:
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    if b"\x00" in data:
        return False
    for encoding in ("utf-8", "cp1252"):
        try:
            data.decode(encoding)
            return True
        except UnicodeDecodeError:
            continue
    return False


def validate_document_upload(upload) -> None:
    """Raise ValidationError, worded for the GOV.UK error summary, unless the upload is safe."""
    max_bytes = settings.COMMUNITY_UPLOAD_MAX_BYTES
    if upload.size == 0:
        raise ValidationError("The selected file is empty", code="empty")
    if upload.size > max_bytes:
        raise ValidationError(
            f"The selected file must be smaller than {filesizeformat(max_bytes)}", code="too_big"
        )
    extension = Path(upload.name).suffix.lower().lstrip(".")
    if extension not in ALLOWED_EXTENSIONS:
        raise ValidationError(
            "The selected file must be a PDF, DOCX, XLSX, ODT, ODS, CSV or TXT", code="type"
        )
    head = _head(upload)
    if extension == "pdf":
        ok = head.startswith(b"%PDF-")
    elif extension in ZIP_MEMBERS:
        ok = head.startswith(b"PK\x03\x04") and ZIP_MEMBERS[extension] in _zip_names(upload)
    elif extension in OPENDOCUMENT_MIMETYPES:
        ok = head.startswith(b"PK\x03\x04") and OPENDOCUMENT_MIMETYPES[extension] in head[:100]
    else:
        ok = _is_text(upload)
    if not ok:
        raise ValidationError(
            f"The selected file is not a real {extension.upper()} file", code="content"
        )
