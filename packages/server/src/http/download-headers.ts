import type { FastifyReply } from 'fastify';

/**
 * `Content-Disposition` (RFC 6266) with a name a browser may use to save the file: an ASCII
 * fallback in `filename` (quotes, backslashes, path separators and control or non-ASCII characters
 * replaced) and the exact name in UTF-8 in `filename*` (RFC 8187 percent-encoding).
 */
export function contentDisposition(kind: 'attachment' | 'inline', filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\/]/g, '_');
  const exact = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${exact}`;
}

// Should a browser ever render such bytes as a document, it gets no script, no plugin, no origin.
const SANDBOX = "default-src 'none'; sandbox";

/**
 * A file another member sent: always a download of opaque bytes. The sender's declared type is not
 * repeated, so that no browser renders it (HTML, SVG, PDF with script) as a page of this site.
 */
export function sendAsDownload(reply: FastifyReply, filename: string, bytes: Buffer): FastifyReply {
  return reply
    .type('application/octet-stream')
    .header('content-disposition', contentDisposition('attachment', filename))
    .header('content-security-policy', SANDBOX)
    .send(bytes);
}

/**
 * An image whose type was read from its own bytes when it was stored (JPEG, PNG or WebP only, never
 * SVG): shown inline as that type, which the web application's `<img>` needs, and nothing more.
 */
export function sendCheckedImage(reply: FastifyReply, contentType: string, filename: string, bytes: Buffer): FastifyReply {
  return reply
    .type(contentType)
    .header('content-disposition', contentDisposition('inline', filename))
    .header('content-security-policy', SANDBOX)
    .send(bytes);
}
