/**
 * The report's stylesheet, inlined into the page. Verdicts differ by word,
 * colour and border style, so a greyscale print keeps them apart; print rules
 * fit an A4 page and keep table rows and headings together.
 */
export const REPORT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 14px/1.45 "DejaVu Sans", "Noto Sans", "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #1f2328; background: #fff;
  max-width: 1120px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 2px solid #1f2328; }
h3 { font-size: 15px; margin: 18px 0 6px; }
p { margin: 6px 0; }
code, .hash { font-family: "DejaVu Sans Mono", "Noto Sans Mono", Consolas, monospace; font-size: 12px; }
.hash { overflow-wrap: anywhere; word-break: break-all; }
.subtitle { color: #57606a; margin: 0 0 12px; }
table { width: 100%; border-collapse: collapse; margin: 8px 0 14px; font-size: 13px; }
th, td { border: 1px solid #d0d7de; padding: 4px 6px; text-align: left; vertical-align: top; overflow-wrap: break-word; }
td code, .url { overflow-wrap: anywhere; }
th { background: #f0f2f5; font-weight: 700; }
td.num, th.num { text-align: right; white-space: nowrap; }
.verdict { display: inline-block; padding: 0 5px; border: 2px solid; border-radius: 3px; font-weight: 700; font-size: 11.5px;
  letter-spacing: .02em; white-space: nowrap; line-height: 1.5; }
.v-PROTECTED, .v-PASS, .v-WORKS, .v-NO_FINDINGS, .v-IN_AUSTRALIA { background: #dafbe1; border-color: #1a7f37; color: #0f5323; border-style: solid; }
.v-PARTIAL, .v-OPT_IN, .v-INCONCLUSIVE, .v-scope, .v-integrity, .v-INCOMPLETE_EVIDENCE { background: #fff8c5; border-color: #9a6700; color: #6b4a00; border-style: dashed; }
.v-UNPROTECTED, .v-FAIL, .v-FINDINGS, .v-contradiction, .v-OUTSIDE_AUSTRALIA, .v-REACHED_ABROAD { background: #ffebe9; border-color: #cf222e; color: #82071e; border-style: double; border-width: 3px; }
.v-NOT_COVERED, .v-INVISIBLE, .v-NOT_GIVEN { background: #eaeef2; border-color: #57606a; color: #24292f; border-style: dotted; }
.v-ERROR { background: #fbefff; border-color: #8250df; color: #512a97; border-style: solid; border-left-width: 8px; }
.v-DENIED, .v-DENIED_BY_SCP, .v-DENIED_OTHER, .v-REACHED, .v-ALLOWED { background: #fff; border-color: #57606a; color: #24292f; border-width: 1px; }
.where { font-size: 11px; color: #57606a; }
.where[data-verdict="OUTSIDE_AUSTRALIA"] { color: #82071e; font-weight: 700; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 10px 0; }
.card { flex: 1 1 230px; border: 1px solid #d0d7de; border-radius: 6px; padding: 8px 12px; }
.card h3 { margin: 0 0 4px; font-size: 13px; text-transform: uppercase; letter-spacing: .04em; color: #57606a; }
.card .big { font-size: 20px; font-weight: 700; }
.result { font-size: 15px; margin: 8px 0; }
.callouts { list-style: none; padding: 0; margin: 0; }
.callouts li { border: 1px solid #d0d7de; border-left-width: 6px; border-radius: 4px; padding: 6px 10px; margin: 6px 0; }
.callouts li.c-contradiction { border-left-color: #cf222e; border-left-style: double; border-left-width: 8px; }
.callouts li.c-scope, .callouts li.c-integrity { border-left-color: #9a6700; border-left-style: dashed; }
.tree, .tree ul { list-style: none; margin: 0; padding-left: 18px; }
.tree { padding-left: 0; }
.tree li { position: relative; margin: 4px 0; }
.tree ul > li::before { content: ""; position: absolute; left: -12px; top: 0; bottom: -4px; border-left: 1px solid #8c959f; }
.tree ul > li:last-child::before { bottom: auto; height: 14px; }
.tree ul > li::after { content: ""; position: absolute; left: -12px; top: 14px; width: 10px; border-top: 1px solid #8c959f; }
.tree .node { border: 1px solid #d0d7de; border-radius: 4px; padding: 4px 8px; background: #fff; break-inside: avoid; }
.tree .container > .node { background: #f6f8fa; }
.tree .account > .node { border-left-width: 6px; }
.acct-PROTECTED > .node { border-left-color: #1a7f37; }
.acct-PARTIAL > .node { border-left-color: #9a6700; border-left-style: dashed; }
.acct-UNPROTECTED > .node { border-left-color: #cf222e; border-left-style: double; border-left-width: 8px; }
.acct-NOT_COVERED > .node { border-left-color: #57606a; border-left-style: dotted; }
.acct-ERROR > .node { border-left-color: #8250df; border-left-style: dashed; }
.kind { font-size: 11px; text-transform: uppercase; color: #57606a; letter-spacing: .05em; }
.counts { font-size: 12px; color: #57606a; margin-left: 6px; }
.scps { font-size: 12px; color: #424a53; }
.scp { font-family: "DejaVu Sans Mono", monospace; font-size: 11.5px; }
.detail { font-size: 12px; margin-top: 2px; }
.chart-figure { margin: 8px 0 12px; }
svg.chart { display: block; max-width: 100%; height: auto; }
svg.defs { position: absolute; width: 0; height: 0; overflow: hidden; }
.legend { list-style: none; padding: 0; margin: 4px 0; display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 12px; }
.swatch { display: inline-block; width: 14px; height: 14px; vertical-align: -2px; margin-right: 4px; border: 1px solid #1f2328; }
.swatch.hatched { background-image: repeating-linear-gradient(45deg, transparent 0 3px, rgba(255,255,255,.8) 3px 5px); }
.empty, .absent { color: #57606a; font-style: italic; }
.note { font-size: 12px; color: #57606a; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 6px 0; }
dl.facts dt { font-weight: 700; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
footer { margin-top: 36px; font-size: 12px; color: #57606a; border-top: 1px solid #d0d7de; padding-top: 8px; }
@media (max-width: 900px) { body { padding: 16px; } table { font-size: 12px; } }
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2 { break-after: avoid; page-break-after: avoid; margin-top: 18px; }
  h3 { break-after: avoid; }
  tr, .callouts li, .card, figure { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
  .verdict, .swatch, .tree .node, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
