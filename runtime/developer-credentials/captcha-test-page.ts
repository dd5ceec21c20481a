/**
 * The CAPTCHA test page ("Generate New Test Page"): Google's reCAPTCHA script with the registered
 * site key, in the form the key set's type needs (v3: execute on Test; v2 checkbox: the visible
 * box; v2 invisible: a bound button), posting the solved token to the CAPTCHA test route.
 */
import type { CaptchaSettings } from '../captcha/recaptcha.ts';

const html = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

export function captchaTestPage(settings: CaptchaSettings): string {
  const siteKey = html(settings.siteKey);
  const script =
    settings.type === 'v3'
      ? `https://www.google.com/recaptcha/api.js?render=${encodeURIComponent(settings.siteKey)}`
      : 'https://www.google.com/recaptcha/api.js';
  const widget =
    settings.type === 'v2-checkbox'
      ? `<div class="g-recaptcha" data-sitekey="${siteKey}" data-callback="onSolved"></div>
         <button id="test" type="button" onclick="send(grecaptcha.getResponse())">Test</button>`
      : settings.type === 'v2-invisible'
        ? `<button id="test" class="g-recaptcha" data-sitekey="${siteKey}" data-callback="onSolved">Test</button>`
        : `<button id="test" type="button" onclick="grecaptcha.ready(() => grecaptcha.execute('${siteKey}', { action: 'callback_test' }).then(send))">Test</button>`;
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>CAPTCHA test: ${html(settings.keySetName)}</title>
<script src="${html(script)}" async defer></script></head>
<body>
<h1>CAPTCHA test</h1>
<p>Key set <strong id="key-set">${html(settings.keySetName)}</strong>, type <strong id="type">${html(settings.type)}</strong>.</p>
${widget}
<p id="result" role="status"></p>
<script>
function send(token) {
  fetch('/api/v1/developer/credentials/captcha/test', {
    method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: token || '' })
  }).then((r) => r.json()).then((answer) => {
    document.getElementById('result').textContent = answer.message || answer.detail || 'Failed';
  });
}
function onSolved(token) { ${settings.type === 'v2-checkbox' ? '' : 'send(token);'} }
</script>
</body>
</html>`;
}
