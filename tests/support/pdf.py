"""Reading the PDFs Warta writes, as a reader would."""

import subprocess


def pdf_text(content):
    """The PDF's text through poppler's pdftotext (poppler-utils): proof that the file opens in a PDF reader."""
    result = subprocess.run(["pdftotext", "-layout", "-", "-"], input=content, capture_output=True, check=True)
    return " ".join(result.stdout.decode().split())
