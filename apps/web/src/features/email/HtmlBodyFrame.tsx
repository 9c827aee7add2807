/**
 * Mail HTML in a sandboxed frame: no scripts, no forms, no navigation, its own origin, and a
 * policy that loads nothing from the network (so no tracking pixels either). Never innerHTML.
 */
const POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

export const framedMail = (html: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${POLICY}"><style>body{margin:12px;font:14px/1.5 system-ui,sans-serif;color:#1a1b1e;background:#fff;overflow-wrap:anywhere}</style></head><body>${html}</body></html>`;

export function HtmlBodyFrame({ html }: { html: string }) {
  return (
    <iframe
      sandbox=""
      srcDoc={framedMail(html)}
      title="The HTML body of the mail, as the customer sees it"
      referrerPolicy="no-referrer"
      style={{
        width: '100%',
        height: 420,
        border: '1px solid var(--mantine-color-gray-4)',
        borderRadius: 'var(--mantine-radius-md)',
        background: '#fff',
      }}
    />
  );
}
