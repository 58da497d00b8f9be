import { headers } from "next/headers";

/**
 * The API reference: Swagger UI from the swagger-ui-dist package (served by ./assets, never a CDN) over
 * /api/v1/openapi.json. src/proxy.ts gives this path a page's nonce policy; every script here carries the nonce.
 */
export async function GET() {
  const nonce = (await headers()).get("x-nonce") ?? "";
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Switchboard API</title>
<link rel="icon" href="/icon.svg">
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script nonce="${nonce}" src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script nonce="${nonce}">
window.ui = SwaggerUIBundle({ url: "/api/v1/openapi.json", dom_id: "#swagger-ui", deepLinking: true, validatorUrl: null, tryItOutEnabled: false, persistAuthorization: false });
</script>
</body>
</html>`;
  return new Response(html, { headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}
