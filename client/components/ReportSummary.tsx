/** The report as plain text to paste into an operating-model description: copy or download. */
import { announce } from '../announce';
import { saveText } from '../download';
import { useT } from '../i18n';

export function ReportSummary({ text, wallId }: { text: string; wallId: string }) {
  const t = useT();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      announce(t('report.copied'));
    } catch {
      // No clipboard permission: select the text so the user can copy it themselves.
      const area = document.getElementById('report-summary-text') as HTMLTextAreaElement | null;
      area?.focus();
      area?.select();
    }
  };
  return (
    <section aria-labelledby="report-summary">
      <h2 id="report-summary">{t('report.summary')}</h2>
      <p id="report-summary-hint" class="hint">
        {t('report.summaryHint')}
      </p>
      <label for="report-summary-text" class="sr-only">
        {t('report.summary')}
      </label>
      <textarea id="report-summary-text" class="report-summary" readOnly rows={12} value={text} aria-describedby="report-summary-hint" data-testid="report-summary" />
      <div class="actions no-print">
        <button type="button" class="button" onClick={() => void copy()}>
          {t('report.copy')}
        </button>
        <button type="button" class="button" onClick={() => saveText(text, `pajaseina-${wallId}-report.txt`, 'text/plain;charset=utf-8')}>
          {t('report.download')}
        </button>
      </div>
    </section>
  );
}
