// Saves a JSON value as a file: a Blob behind an object URL, clicked from a temporary link.
// Blob URLs are same-origin, so the strict CSP has nothing to object to. The value passes the one
// token guard on the way out, whatever was screened on the way in.
import { guardValue } from '../../model/share/tokenGuard';

export function downloadJson(value: unknown, fileName: string, doc: Document = document): void {
  const blob = new Blob([JSON.stringify(guardValue(value).value, null, 2)], {
    type: 'application/json',
  });
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
