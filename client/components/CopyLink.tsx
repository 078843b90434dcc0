/** One shareable link: what it is for, the link itself, and a one-click copy button. */
import { useRef, useState } from 'preact/hooks';
import type { Role } from '../../shared/schemas';
import { announce } from '../announce';
import { useT } from '../i18n';

export async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      /* fall through to the old way */
    }
  }
  // Non-secure origins (plain http on a LAN address) have no Clipboard API.
  if (!input) return false;
  input.focus();
  input.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

export function CopyLink({ role, url }: { role: Role; url: string }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const id = `link-${role}`;

  const copy = async () => {
    const ok = await copyText(url, input.current);
    setState(ok ? 'copied' : 'failed');
    announce(ok ? t(`links.${role}.copied`) : t('links.copyFailed'));
    if (ok) setTimeout(() => setState('idle'), 3000);
  };

  return (
    <div class={`link-card link-card--${role}`}>
      <h3 id={`${id}-title`}>{t(`links.${role}.title`)}</h3>
      <p id={`${id}-desc`}>{t(`links.${role}.desc`)}</p>
      <div class="link-row">
        <input
          ref={input}
          id={id}
          type="text"
          readOnly
          value={url}
          data-link-role={role}
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-desc`}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" class="button button--primary" onClick={copy}>
          {state === 'copied' ? `✓ ${t('links.copiedShort')}` : t(`links.${role}.copy`)}
        </button>
      </div>
      {state === 'failed' && (
        <p class="form-error" role="alert">
          {t('links.copyFailed')}
        </p>
      )}
    </div>
  );
}
