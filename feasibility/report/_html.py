"""The small markdown subset the report sections write, as HTML.

The sections write ATX headings, paragraphs, ``-`` and ``1.`` lists, GitHub tables, fenced code,
``**bold**``, inline code and ``<https://...>`` links, and nothing else; this converts exactly that
(escaping everything else), so the HTML report reuses every section's wording unchanged.
"""

from __future__ import annotations

from html import escape


def inline(text: str) -> str:
    """Inline markdown (code spans, autolinks, bold) as HTML; everything else escaped.

    Code spans are set aside first so that bold may wrap them (``**`id`**``).
    """
    parts = text.split("`")
    codes = [f"<code>{escape(p)}</code>" for p in parts[1::2]]
    joined = "".join(_links(p) if i % 2 == 0 else f"\0{i // 2}\0" for i, p in enumerate(parts))
    html = _bold(joined)
    for i, c in enumerate(codes):
        html = html.replace(f"\0{i}\0", c)
    return html


def _links(text: str) -> str:
    out: list[str] = []
    pos = 0
    while (start := text.find("<http", pos)) >= 0 and (end := text.find(">", start)) > 0:
        url = text[start + 1 : end]
        out.append(escape(text[pos:start]))
        out.append(f'<a href="{escape(url)}">{escape(url)}</a>')
        pos = end + 1
    out.append(escape(text[pos:]))
    return "".join(out)


def _bold(html: str) -> str:
    parts = html.split("**")
    if len(parts) % 2 == 0:
        return html
    return "".join(f"<strong>{p}</strong>" if i % 2 else p for i, p in enumerate(parts))


def _cells(row: str, tag: str, align: list[str]) -> str:
    body = row.strip()[1:-1].replace("\\|", "\0")
    cells = [c.strip().replace("\0", "|") for c in body.split("|")]
    return (
        "<tr>"
        + "".join(
            f'<{tag} class="{a}">{inline(c)}</{tag}>' for c, a in zip(cells, align, strict=False)
        )
        + "</tr>"
    )


def _table(rows: list[str]) -> str:
    align = ["num" if c.strip().endswith(":") else "txt" for c in rows[1].strip()[1:-1].split("|")]
    head = _cells(rows[0], "th", align)
    body = "".join(_cells(r, "td", align) for r in rows[2:])
    return f'<div class="table"><table><thead>{head}</thead><tbody>{body}</tbody></table></div>'


def _list_item(line: str) -> tuple[str, str] | None:
    """("ul" | "ol", text) for a list line, None otherwise."""
    if line.startswith("- "):
        return "ul", line[2:]
    head, dot, rest = line.partition(". ")
    if dot and head.isdigit():
        return "ol", rest
    return None


def to_html(lines: list[str]) -> str:
    """Block-level conversion of one section's markdown lines."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip() or line == "---":
            i += 1
        elif line.startswith("```"):
            j = lines.index("```", i + 1) if "```" in lines[i + 1 :] else len(lines)
            out.append(f"<pre><code>{escape(chr(10).join(lines[i + 1 : j]))}</code></pre>")
            i = j + 1
        elif line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            out.append(f"<h{level}>{inline(line[level:].strip())}</h{level}>")
            i += 1
        elif line.startswith("|"):
            j = i
            while j < len(lines) and lines[j].startswith("|"):
                j += 1
            out.append(_table(lines[i:j]))
            i = j
        elif (item := _list_item(line)) is not None:
            kind = item[0]
            items = []
            while i < len(lines) and (it := _list_item(lines[i])) is not None and it[0] == kind:
                items.append(f"<li>{inline(it[1])}</li>")
                i += 1
            out.append(f"<{kind}>{''.join(items)}</{kind}>")
        else:
            out.append(f"<p>{inline(line)}</p>")
            i += 1
    return "\n".join(out)
