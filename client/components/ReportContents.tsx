/**
 * "On this page": links to the report's sections, so a keyboard user moves between them with
 * Tab and Enter instead of scrolling past the tables. The links focus the section's heading
 * (client/inPageLinks.ts), so the next Tab continues inside that section.
 */
import type { MessageKey } from '../../shared/i18n';
import { useT } from '../i18n';

/** Each section's heading id (set where the section is rendered) and its title. */
const SECTIONS: readonly { id: string; title: MessageKey; clientsOnly?: boolean }[] = [
  { id: 'report-phases', title: 'report.phases' },
  { id: 'report-unanswered', title: 'report.unanswered', clientsOnly: true },
  { id: 'report-traces', title: 'report.traces', clientsOnly: true },
  { id: 'feedback-results', title: 'feedback.report' },
  { id: 'report-summary', title: 'report.summary' },
  { id: 'report-exports', title: 'report.exports' },
  { id: 'after-tools', title: 'review.after' },
];

export function ReportContents({ clientsShown }: { clientsShown: boolean }) {
  const t = useT();
  return (
    <nav class="report-contents no-print" aria-labelledby="report-contents">
      <h2 id="report-contents">{t('report.contents')}</h2>
      <ul>
        {SECTIONS.filter((s) => clientsShown || !s.clientsOnly).map((s) => (
          <li key={s.id}>
            <a href={`#${s.id}`}>{t(s.title)}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
