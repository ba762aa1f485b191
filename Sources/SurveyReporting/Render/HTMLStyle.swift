/// The HTML report's stylesheet: system fonts, the Okabe–Ito colour-blind-safe palette, a light
/// and a dark scheme, tables that scroll sideways on narrow screens, and a print layout.
///
/// It refers to nothing outside the page (no fonts, no images).
enum HTMLStyle {
  /// The stylesheet, inlined in the page's one `<style>` element.
  static let css = """
    :root {
      color-scheme: light dark;
      --ink: #1b1f24;
      --muted: #56606b;
      --line: #d5dbe1;
      --paper: #ffffff;
      --panel: #f4f6f8;
      --accent: #0072b2;
      --bar: #0072b2;
      --track: #e3e9ef;
      --grid: #c3ccd5;
      --marker: #e69f00;
      --better: #009e73;
      --worse: #d55e00;
      --low: #cc79a7;
      --context: #e69f00;
    }
    @media (prefers-color-scheme: dark) {
      :root {
        --ink: #e9ecef;
        --muted: #aab3bd;
        --line: #3b424a;
        --paper: #14171a;
        --panel: #1d2125;
        --accent: #56b4e9;
        --bar: #56b4e9;
        --track: #2a3037;
        --grid: #4a525b;
      }
    }
    *, *::before, *::after { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
    body {
      margin: 0;
      background: var(--paper);
      color: var(--ink);
      font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Ubuntu, Cantarell,
        "Helvetica Neue", Arial, sans-serif, "Apple Color Emoji", "Segoe UI Emoji",
        "Noto Color Emoji";
      font-size: 1rem;
      line-height: 1.55;
    }
    .page { max-width: 60rem; margin: 0 auto; padding: 2.5rem 1.25rem 3rem; }
    h1, h2, h3, h4 { line-height: 1.25; margin: 0; text-wrap: balance; }
    h1 { font-size: 2rem; font-weight: 700; letter-spacing: -0.01em; }
    h2 {
      font-size: 1.45rem;
      margin: 3rem 0 1rem;
      padding-top: 1.25rem;
      border-top: 1px solid var(--line);
    }
    h3 { font-size: 1.12rem; margin: 2rem 0 0.6rem; }
    h4 { font-size: 1rem; margin: 1.6rem 0 0.4rem; }
    p { margin: 0.6rem 0; max-width: 44rem; }
    a { color: var(--accent); text-underline-offset: 0.15em; }
    a:focus-visible, .table-wrap:focus-visible {
      outline: 3px solid var(--accent);
      outline-offset: 2px;
    }
    code {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
      font-size: 0.85em;
      overflow-wrap: anywhere;
    }
    .subtitle { color: var(--muted); margin-top: 0.4rem; }
    .note, .about, .detail, .interval, .question-meta { color: var(--muted); }
    .note { font-size: 0.92rem; }
    .association { border-inline-start: 3px solid var(--line); padding-inline-start: 0.75rem; }
    .withheld { color: var(--muted); font-style: italic; }
    .figure { font-variant-numeric: tabular-nums; }
    .interval { font-size: 0.82em; white-space: nowrap; font-variant-numeric: tabular-nums; }
    .detail { display: block; font-weight: 400; font-size: 0.8rem; color: var(--muted); }
    .visually-hidden {
      position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0;
      overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0;
    }
    .cards {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
      gap: 0.75rem;
      list-style: none;
      margin: 1.75rem 0 0;
      padding: 0;
    }
    .card {
      background: var(--panel);
      border: 1px solid var(--line);
      border-top: 4px solid var(--accent);
      border-radius: 0.5rem;
      padding: 0.85rem 1rem 0.9rem;
    }
    .card { display: flex; flex-direction: column; }
    .card p { margin: 0.2rem 0; }
    .card-title { flex: 1 0 auto; font-size: 0.88rem; color: var(--muted); line-height: 1.35; }
    .card-value {
      font-size: 1.9rem; font-weight: 650; line-height: 1.15; font-variant-numeric: tabular-nums;
    }
    .card-value.withheld { font-size: 1.05rem; font-weight: 400; }
    .card-meta { font-size: 0.85rem; }
    .toc { margin: 2rem 0 0; font-size: 0.9rem; }
    .toc ol {
      display: flex; flex-wrap: wrap; gap: 0.3rem 1.1rem; list-style: none; margin: 0; padding: 0;
    }
    .highlights, .sentences { padding-inline-start: 0; list-style: none; margin: 0; }
    .highlights li, .sentences li {
      margin: 0 0 0.6rem;
      padding: 0.55rem 0.9rem;
      border-inline-start: 4px solid var(--accent);
      background: var(--panel);
      border-radius: 0.25rem;
      max-width: 48rem;
    }
    .facts { display: flex; flex-wrap: wrap; gap: 0.5rem 2.5rem; margin: 1rem 0; }
    .facts dt { font-size: 0.85rem; color: var(--muted); }
    .facts dd { margin: 0; font-size: 1.2rem; font-weight: 600; }
    .tag, .verdict {
      display: inline-block;
      font-size: 0.78rem;
      line-height: 1.4;
      padding: 0 0.45rem;
      border: 1px solid var(--line);
      border-radius: 1rem;
      white-space: nowrap;
      color: var(--ink);
    }
    .tag-low { border-color: var(--low); border-style: dashed; }
    .tag-comparable { border-color: var(--better); }
    .tag-context { border-color: var(--context); border-style: dashed; }
    .verdict { color: var(--muted); }
    .verdict-better, .verdict-worse { color: var(--ink); border-inline-start-width: 5px; }
    .verdict-better { border-color: var(--better); }
    .verdict-worse { border-color: var(--worse); }
    .table-wrap { overflow-x: auto; margin: 1rem 0 1.5rem; }
    table {
      border-collapse: collapse;
      width: 100%;
      font-size: 0.92rem;
      font-variant-numeric: tabular-nums;
    }
    caption {
      caption-side: top;
      text-align: start;
      font-weight: 600;
      color: var(--muted);
      font-size: 0.85rem;
      padding: 0 0 0.5rem;
    }
    th, td {
      text-align: start;
      vertical-align: top;
      padding: 0.5rem 0.65rem 0.5rem 0;
      border-bottom: 1px solid var(--line);
    }
    thead th { border-bottom: 2px solid var(--ink); font-size: 0.85rem; vertical-align: bottom; }
    tbody th { font-weight: 600; }
    .data td { min-width: 5.5rem; }
    .data tbody th { min-width: 9rem; }
    .indicators .interval, .matrix .interval { display: block; }
    .indicators .verdict, .relations .verdict { margin-top: 0.15rem; }
    .matrix td { min-width: 7rem; }
    .matrix .withheld { font-size: 0.85em; }
    .compact { width: auto; min-width: min(100%, 36rem); }
    .benchmark { min-width: 9rem; }
    .benchmark + .benchmark { margin-top: 0.45rem; }
    .benchmark .about, .ref { font-size: 0.82em; }
    .benchmark .tag { white-space: normal; border-radius: 0.4rem; }
    .ref { text-decoration: none; font-variant-numeric: tabular-nums; }
    .notes {
      margin: -0.75rem 0 1.5rem; padding-inline-start: 1.5rem; font-size: 0.82rem;
      color: var(--muted);
    }
    .notes li { margin: 0.15rem 0; }
    .notes li:target { color: var(--ink); background: var(--panel); }
    .answers { max-width: 42rem; }
    .answers caption { padding: 0; }
    .answers tbody th { font-weight: 400; }
    .share { display: flex; align-items: center; gap: 0.75rem; }
    .share > .figure, .share > .withheld { flex: 0 0 5.5rem; }
    .answer-bar {
      flex: 1 1 auto; max-width: 14rem; height: 0.65rem; background: var(--track);
      border-radius: 0.2rem; overflow: hidden;
    }
    .answer-bar > span { display: block; height: 100%; background: var(--bar); }
    .question { margin: 0 0 1.75rem; }
    .question-meta { font-size: 0.88rem; margin: 0.2rem 0 0.5rem; }
    .question-section { margin-top: 2.5rem; }
    .versus { font-size: 0.92rem; }
    .plain { list-style: none; margin: 0; padding: 0; }
    .scales div { margin: 0 0 1rem; }
    .scales dt { font-weight: 600; }
    .scales dd { margin: 0.1rem 0; }
    .chart { margin: 1.25rem 0 1.75rem; }
    .chart svg { display: block; width: 100%; height: auto; max-width: 45rem; direction: ltr; }
    .chart text { fill: var(--ink); font-size: 14px; }
    .chart .value { font-weight: 600; font-variant-numeric: tabular-nums; }
    .chart .value.withheld { fill: var(--muted); font-weight: 400; }
    .chart .track { fill: var(--track); }
    .chart .grid { stroke: var(--paper); stroke-width: 1.5; }
    .chart .bar { fill: var(--bar); }
    .chart .whisker { stroke: var(--ink); stroke-width: 1.6; fill: none; }
    .chart .marker { fill: var(--marker); stroke: var(--ink); stroke-width: 1.2; }
    .chart .axis-line { stroke: var(--grid); stroke-width: 1; fill: none; }
    .chart .axis text { fill: var(--muted); font-size: 12px; }
    .legend { font-size: 0.85rem; color: var(--muted); margin-top: 0.4rem; }
    .key {
      display: inline-block; width: 0.8rem; height: 0.8rem; vertical-align: -0.1rem;
      margin-inline: 0 0.35rem; border: 1px solid var(--ink);
    }
    .key-bar { background: var(--bar); border-color: var(--bar); }
    .legend .key-marker { margin-inline-start: 1rem; }
    .key-marker { background: var(--marker); transform: rotate(45deg) scale(0.8); }
    .report-footer {
      margin-top: 3.5rem; padding-top: 1rem; border-top: 1px solid var(--line);
      color: var(--muted); font-size: 0.88rem;
    }
    @media (max-width: 40rem) {
      .page { padding: 1.5rem 1rem 2rem; }
      h1 { font-size: 1.6rem; }
      .card-value { font-size: 1.6rem; }
    }
    @page { margin: 1.6cm 1.4cm; }
    @media print {
      :root {
        --ink: #000000; --muted: #3d434a; --line: #b9c0c7; --paper: #ffffff; --panel: #ffffff;
        --accent: #0072b2; --bar: #0072b2; --track: #e3e9ef;
      }
      body { background: none; font-size: 10pt; }
      .page { max-width: none; padding: 0; }
      .toc { display: none; }
      .card, .highlights li, .sentences li { background: none; }
      .table-wrap { overflow: visible; }
      table { font-size: 8.5pt; }
      .data td, .data tbody th, .benchmark, .matrix td { min-width: 0; }
      table, figure, .card, .question, .scales div, .highlights li { break-inside: avoid; }
      thead { display: table-header-group; }
      tr { break-inside: avoid; }
      h2, h3, h4 { break-after: avoid; }
      h2 { margin-top: 1.75rem; }
      .answer-bar, .answer-bar > span, .key {
        -webkit-print-color-adjust: exact; print-color-adjust: exact;
      }
      .chart svg { max-width: 100%; }
      a { color: inherit; text-decoration: none; }
    }

    """
}
