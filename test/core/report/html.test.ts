import { badge, esc, table } from '../../../src/core/report/html';

test('escapes text and attribute values', () => {
  expect(esc('<a href="x">O\'Brien & co</a>')).toBe('&lt;a href=&quot;x&quot;&gt;O&#39;Brien &amp; co&lt;/a&gt;');
  expect(esc(42)).toBe('42');
});

test('a verdict is a word with a class and a data attribute', () => {
  expect(badge('PARTIAL')).toBe('<span class="verdict v-PARTIAL" data-verdict="PARTIAL">PARTIAL</span>');
  expect(badge('NOT_GIVEN', 'NOT <GIVEN>')).toBe('<span class="verdict v-NOT_GIVEN" data-verdict="NOT_GIVEN">NOT &lt;GIVEN&gt;</span>');
});

test('tables escape their headers and right-align columns of figures', () => {
  expect(table(['name', 'calls'], [['a', '1']])).toBe('<table><thead><tr><th>name</th><th class="num">calls</th></tr></thead>'
    + '<tbody><tr><td>a</td><td class="num">1</td></tr></tbody></table>');
});
