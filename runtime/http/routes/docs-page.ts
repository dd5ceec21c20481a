/**
 * A self-contained interactive API reference: it reads /openapi.json and lets a signed-in user
 * (cookie) or a script token try each route. No CDN, so it works on an isolated network.
 */
export const docsPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Ringback API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1b2330;background:#f6f7f9}
header{background:#1b2330;color:#fff;padding:12px 20px;display:flex;gap:16px;align-items:center}
header input{flex:1;max-width:420px;padding:6px;border-radius:4px;border:0}
main{max-width:1000px;margin:0 auto;padding:16px}
h2{margin:24px 0 8px;font-size:16px}
details{background:#fff;border:1px solid #d9dde3;border-radius:6px;margin:6px 0}
summary{padding:8px 12px;cursor:pointer;display:flex;gap:10px;align-items:center}
summary:focus-visible{outline:2px solid #2f6fed}
.m{font-weight:700;width:56px;text-transform:uppercase;font-size:12px}
.get{color:#1f7a3a}.post{color:#2f6fed}.put{color:#a15c00}.delete{color:#b42318}
code{font-family:ui-monospace,monospace}
.body{padding:8px 12px;border-top:1px solid #eef0f3}
textarea{width:100%;min-height:90px;font-family:ui-monospace,monospace}
pre{background:#0f1722;color:#e6edf3;padding:10px;border-radius:4px;overflow:auto;max-height:320px}
button{padding:5px 12px}
</style></head>
<body><header><strong>Ringback API</strong><input id="token" placeholder="Bearer token (optional; the session cookie is used otherwise)" aria-label="Bearer token"><a style="color:#9cc1ff" href="/openapi.json">openapi.json</a></header>
<main id="root">Loading…</main>
<script type="module">
const root = document.getElementById('root');
const doc = await (await fetch('/openapi.json')).json();
const byTag = {};
for (const [path, ops] of Object.entries(doc.paths)) for (const [method, op] of Object.entries(ops)) (byTag[op.tags[0]] ??= []).push({ path, method, op });
root.textContent = '';
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
for (const [tag, ops] of Object.entries(byTag)) {
  const h = document.createElement('h2'); h.textContent = tag; root.append(h);
  for (const { path, method, op } of ops) {
    const d = document.createElement('details');
    const params = (op.parameters ?? []).map((p) => '<label>' + esc(p.name) + (p.in === 'path' ? '*' : '') + ' <input data-in="' + p.in + '" name="' + esc(p.name) + '"></label> ').join('');
    d.innerHTML = '<summary><span class="m ' + method + '">' + method + '</span><code>' + esc(path) + '</code><span>' + esc(op.summary) + '</span></summary>' +
      '<div class="body"><p>Roles: <code>' + esc(JSON.stringify(op['x-roles'])) + '</code>' + (op.requestBody ? ' · body: <code>' + esc(op.requestBody.content['application/json'].schema.$ref) + '</code>' : '') + '</p>' +
      params + (op.requestBody ? '<textarea aria-label="Request body">{}</textarea>' : '') + '<p><button>Send</button></p><pre hidden></pre></div>';
    d.querySelector('button').onclick = async () => {
      let url = path;
      const query = new URLSearchParams();
      for (const input of d.querySelectorAll('input')) {
        if (input.dataset.in === 'path') url = url.replace('{' + input.name + '}', encodeURIComponent(input.value));
        else if (input.value) query.set(input.name, input.value);
      }
      const headers = { 'content-type': 'application/json' };
      const token = document.getElementById('token').value.trim();
      if (token) headers.authorization = 'Bearer ' + token;
      const body = d.querySelector('textarea')?.value;
      const res = await fetch(url + (query.size ? '?' + query : ''), { method: method.toUpperCase(), headers, body: method === 'get' ? undefined : body });
      const pre = d.querySelector('pre'); pre.hidden = false;
      const text = await res.text();
      let shown = text; try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch {}
      pre.textContent = res.status + ' ' + res.statusText + '\\n' + shown.slice(0, 20000);
    };
    root.append(d);
  }
}
</script></body></html>`;
