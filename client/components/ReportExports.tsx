/** Downloads of the wall's exports (Markdown, CSV, JSON) with this page's token. */
import { announce } from '../announce';
import { downloadExport } from '../download';
import { useT } from '../i18n';
import { useWallContext } from '../views/wallContext';

const FILES = [
  ['export.md', 'report.exportMd'],
  ['export.csv', 'report.exportCsv'],
  ['export.json', 'report.exportJson'],
] as const;

export function ReportExports() {
  const t = useT();
  const { wallId, token } = useWallContext();
  return (
    <section aria-labelledby="report-exports" class="no-print">
      <h2 id="report-exports">{t('report.exports')}</h2>
      <div class="actions">
        {FILES.map(([file, label]) => (
          <button key={file} type="button" class="button" onClick={() => void downloadExport(wallId, token, file).catch(() => announce(t('report.exportFailed')))}>
            {t(label)}
          </button>
        ))}
      </div>
    </section>
  );
}
