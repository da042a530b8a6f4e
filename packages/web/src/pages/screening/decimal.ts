/**
 * A decimal number as an officer types it, in the digits and separator of their keyboard: Western
 * (0.75, or 0,75 in French or Spanish), Arabic-Indic (٠٫٧٥, U+0660–0669 with the Arabic decimal
 * separator U+066B) or Eastern Arabic-Indic (۰٫۷۵, U+06F0–06F9, as Persian and Urdu keyboards
 * write them). Anything else is handed back as typed, so that the server's refusal names the field.
 */
export function decimalOf(typed: string): number | string {
  const text = typed
    .trim()
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[,\u066b]/, '.');
  const n = Number(text);
  return text !== '' && Number.isFinite(n) ? n : typed.trim();
}
