// Issue 15, item 2: every download passes the one token guard on the way out, whatever was
// screened on the way in (the lab's CSV and JSON files, the lesson's completion record, SVG and
// Mermaid exports). The page's link-and-click is stubbed; the Blob it would save is read back.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { downloadParts, downloadPieces, downloadText } from '../../src/ui/lab/download';
import { downloadJson } from '../../src/ui/lesson/download';
import { download } from '../../src/ui/share/exportSvg';

const PAT = 'k7q2m4x3p3w6t5r5z2v7n4b6c3d2f5g2h7j4l4s3y6u2e5i2o7qa';
let saved: Blob[] = [];
const anchor = () => ({ click() {}, remove() {}, set href(_: string) {}, download: '', rel: '' });

beforeEach(() => {
  saved = [];
  vi.stubGlobal('document', { createElement: anchor, body: { append() {} } });
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (saved.push(b as Blob), 'blob:x'));
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});
const text = () => saved[0]!.text();

describe('downloads re-check their content', () => {
  it('downloadText', async () => {
    downloadText('rows.csv', `user\n${PAT}x\nadele@contoso.com\n`);
    expect(await text()).toBe('user\n[token removed]\nadele@contoso.com\n');
  });
  it('downloadParts: each text part', async () => {
    downloadParts('rows.csv', ['a\n', `${PAT}\n`]);
    expect(await text()).toBe('a\n[token removed]\n');
  });
  it('downloadPieces: each piece, between the pauses', async () => {
    await downloadPieces('rows.csv', ['user\n', `${PAT}\n`, 'CA001-Global-BaseProtection\n']);
    expect(await text()).toBe('user\n[token removed]\nCA001-Global-BaseProtection\n');
  });
  it('downloadJson: keys and values', async () => {
    downloadJson({ student: `Lovelace, ${PAT}`, [PAT]: 1 }, 'record.json', document);
    const back = await text();
    expect(back).not.toContain(PAT.slice(0, 20));
    expect(JSON.parse(back)).toEqual({
      student: 'Lovelace, [token removed]',
      '[token removed]': 1,
    });
  });
  it('an SVG or Mermaid export', async () => {
    download('diagram.svg', `<svg><text>${PAT}</text></svg>`, 'image/svg+xml');
    expect(await text()).toBe('<svg><text>[token removed]</text></svg>');
  });
  it('real names are left as they are', async () => {
    const names = 'CA001-Global-BaseProtection-AllApps-AnyPlatform-BlockNonCompliant\n';
    downloadText('rows.csv', names);
    expect(await text()).toBe(names);
  });
});
