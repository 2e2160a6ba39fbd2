"""Writing each section's figures into bench/README.md between its own markers."""

from pathlib import Path

README = Path(__file__).with_name("README.md")


def update(section, text):
    start, end = f"<!-- bench:{section}:start -->", f"<!-- bench:{section}:end -->"
    content = README.read_text(encoding="utf-8") if README.exists() else "# Benchmarks\n"
    block = f"{start}\n{text.strip()}\n{end}"
    if start in content and end in content:
        before, rest = content.split(start, 1)
        after = rest.split(end, 1)[1]
        content = before + block + after
    else:
        content = content.rstrip() + "\n\n" + block + "\n"
    README.write_text(content, encoding="utf-8")
