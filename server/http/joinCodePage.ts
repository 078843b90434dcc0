/**
 * The page a short join address that leads nowhere gets (mistyped, expired, or its participant
 * link replaced): what happened, what to do, and a field to type the address again, whose form
 * goes to GET /j?code=… (joinCodes.ts). Plain HTML from the server, no script and no inline style
 * (the CSP allows neither), styled by the static /plain-page.css (client/public/).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { translate, type MessageKey } from '../../shared/i18n';
import { LANGUAGES, type Language } from '../../shared/schemas';

/** What was typed is shown back in the field, cut to this: a code is seven characters. */
const TYPED_MAX = 24;

function pickLanguage(header: string | undefined): Language {
  for (const part of (header ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if ((LANGUAGES as readonly string[]).includes(tag)) return tag as Language;
  }
  return 'fi';
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** Sends the 404 page; `typed` is the code as the person typed it, to correct in place. */
export function sendJoinCodeNotFound(request: FastifyRequest, reply: FastifyReply, typed: string) {
  const lang = pickLanguage(request.headers['accept-language']);
  const t = (key: MessageKey) => escapeHtml(translate(lang, key));
  const html = `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('joinCode.notFound.title')} – Pajaseinä</title>
<link rel="icon" href="/icon.svg">
<link rel="stylesheet" href="/plain-page.css">
</head>
<body>
<header class="plain-header"><a class="plain-brand" href="/"><img src="/icon.svg" alt="" width="28" height="28">Pajaseinä</a></header>
<main class="plain-main">
<h1>${t('joinCode.notFound.title')}</h1>
<p>${t('joinCode.notFound.body')}</p>
<form class="plain-form" action="/j" method="get">
<label for="code">${t('joinCode.retry.label')}</label>
<p class="plain-hint" id="code-hint">${t('joinCode.retry.hint')}</p>
<div class="plain-row">
<input id="code" name="code" value="${escapeHtml(typed.slice(0, TYPED_MAX))}" required maxlength="${TYPED_MAX}" autocomplete="off" autocapitalize="characters" spellcheck="false" aria-describedby="code-hint">
<button type="submit">${t('joinCode.retry.submit')}</button>
</div>
</form>
<p><a href="/">${t('joinCode.notFound.home')}</a></p>
</main>
</body>
</html>
`;
  return reply.status(404).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
}
