"""The inline stylesheet of the HTML report (screen and print).

Colours are chosen for at least 4.5:1 contrast on their background; assessment
symbols always sit next to a text label, so colour never carries meaning alone.
"""

from __future__ import annotations

STYLESHEET = """
:root {
  --text: #1a1a1a; --muted: #4a4a4a; --accent: #1f3a5f; --link: #0b4f8a;
  --rule: #c8ced6; --band: #e6ecf2; --callout: #eef3f8; --mark: #a61b1b;
}
* { box-sizing: border-box; }
html { font-size: 100%; }
body {
  margin: 0 auto; max-width: 50rem; padding: 0 1.25rem 3rem;
  font-family: "Noto Sans", "Segoe UI", Arial, Helvetica, sans-serif;
  line-height: 1.55; color: var(--text); background: #fff;
  overflow-wrap: break-word;
}
a { color: var(--link); text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
.skip-link {
  position: absolute; left: 0.5rem; top: -3rem; padding: 0.5rem 1rem;
  background: #fff; color: var(--link); border: 2px solid var(--link); z-index: 10;
}
.skip-link:focus { top: 0.5rem; }
.visually-hidden {
  position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap;
}
.cover { padding: 3rem 0 2rem; border-bottom: 4px solid var(--accent); margin-bottom: 2rem; }
.cover h1 { font-size: 2.6rem; line-height: 1.15; margin: 0.3rem 0; color: var(--accent); }
.cover-municipality { font-weight: 700; margin: 0; color: var(--muted); }
.cover-organisation { font-size: 1.5rem; margin: 0.2rem 0; }
.cover-subtitle { color: var(--muted); margin: 0.2rem 0; }
.marking {
  display: inline-block; margin: 0 0 1.5rem; padding: 0.3rem 0.9rem;
  border: 3px solid var(--mark); color: var(--mark);
  font-size: 1.3rem; font-weight: 700; letter-spacing: 0.08em;
}
h2, h3, h4, h5, h6 { color: var(--accent); line-height: 1.25; margin: 2rem 0 0.6rem; }
h2 { font-size: 1.75rem; }
h2.chapter { border-bottom: 1px solid var(--rule); padding-bottom: 0.3rem; margin-top: 3rem; }
h3 { font-size: 1.35rem; }
h4 { font-size: 1.12rem; }
h5, h6 { font-size: 1rem; }
p, ul, ol { margin: 0 0 0.9rem; }
.toc { margin-bottom: 2.5rem; }
.toc ol { list-style: none; padding-left: 0; }
.toc > ol > li { margin: 0.45rem 0; font-weight: 700; }
.toc ol ol { padding-left: 1.4rem; font-weight: 400; margin: 0.2rem 0 0; }
.toc ol ol li { margin: 0.15rem 0; }
.callout {
  background: var(--callout); border-left: 5px solid var(--accent);
  padding: 0.9rem 1.2rem; margin: 1.2rem 0 1.5rem;
}
.callout-title { margin: 0 0 0.5rem; font-size: 1.1rem; }
.callout > :last-child { margin-bottom: 0; }
.assessment {
  display: flex; flex-wrap: wrap; align-items: center; gap: 0.2rem 0.8rem;
  border-left: 4px solid var(--rule); padding: 0.35rem 0 0.35rem 0.8rem; margin: 1rem 0;
}
.assessment-caption { color: var(--muted); font-size: 0.92rem; flex-basis: 100%; }
.assessment-value { display: inline-flex; align-items: center; gap: 0.45rem; }
.assessment .symbol { flex: none; }
.table-wrap { overflow-x: auto; margin: 1.2rem 0 0.4rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
caption { text-align: left; font-weight: 700; padding-bottom: 0.4rem; color: var(--text); }
th, td { padding: 0.35rem 0.6rem; text-align: left; vertical-align: top; }
thead th {
  background: var(--band); border-bottom: 2px solid var(--accent); font-weight: 700;
}
tbody th { font-weight: 400; }
tbody tr { border-bottom: 1px solid var(--rule); }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.row-part th { padding-left: 1.8rem; }
.row-subtotal th, .row-subtotal td { font-weight: 700; }
.row-total th, .row-total td { font-weight: 700; border-top: 2px solid var(--text); }
.row-heading th { font-weight: 700; background: #f5f7f9; padding-top: 0.6rem; }
.table-note { font-size: 0.85rem; color: var(--muted); margin: 0.2rem 0 1.2rem; }
.page-footer {
  margin-top: 3rem; padding-top: 0.8rem; border-top: 1px solid var(--rule);
  color: var(--muted); font-size: 0.9rem;
}
@page { size: A4; margin: 20mm 18mm 22mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .skip-link { display: none; }
  .cover { break-after: page; border-bottom: none; padding-top: 30mm; }
  .toc { break-after: page; }
  .toc a { color: var(--text); text-decoration: none; }
  h2.chapter { break-before: page; }
  h2, h3, h4, h5, h6, caption { break-after: avoid; }
  .table-wrap { overflow: visible; }
  thead { display: table-header-group; }
  tr, .assessment, .callout { break-inside: avoid; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; color: var(--muted); }
}
@media (prefers-reduced-motion: reduce) { * { transition: none !important; } }
""".strip()
