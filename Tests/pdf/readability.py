"""What a reader meets on a finished page, measured from the PDF: the size type is set at and how
long its lines run. Used by the PDF tests and by scripts/bench."""
import statistics
import subprocess

import pikepdf


def glyph_sizes(path):
    """The size each text-showing operator sets its glyphs at, in points: Tf's size times the text
    matrix's and the transformation matrix's scale."""
    sizes = []
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            scale, font_size, text_scale = [1.0], 0.0, 1.0
            for operands, operator in pikepdf.parse_content_stream(page):
                name = str(operator)
                if name == "q":
                    scale.append(scale[-1])
                elif name == "Q":
                    scale.pop()
                elif name == "cm":
                    a, b, c, d = (float(x) for x in operands[:4])
                    scale[-1] *= abs(a * d - b * c) ** 0.5
                elif name == "Tf":
                    font_size = float(operands[1])
                elif name == "Tm":
                    a, b, c, d = (float(x) for x in operands[:4])
                    text_scale = abs(a * d - b * c) ** 0.5
                elif name in ("Tj", "TJ", "'", '"'):
                    sizes.append(font_size * text_scale * scale[-1])
    return sizes


def line_lengths(path):
    """The length, in characters, of each text line at least 40 characters long (so the short last
    lines of paragraphs, headings and list markers do not count)."""
    text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", path, "-"], capture_output=True, text=True, check=True).stdout
    return [len(line) for line in text.splitlines() if len(line) >= 40]


def median_line_length(path):
    return statistics.median(line_lengths(path))
