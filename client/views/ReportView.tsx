/**
 * The facilitator's screen after the workshops: the client-participation report (figures per
 * workshop and role, clients' unanswered notes, what traces back to clients, a text to paste),
 * the exports, and the closing tools (freeze, review feedback, follow-up updates). Facilitator
 * only: anyone else gets a polite refusal.
 */
import { useEffect } from 'preact/hooks';
import { buildReport, type ReportRole } from '../../shared/report';
import { reportText } from '../../shared/reportText';
import { AfterWorkshopTools } from '../components/AfterWorkshopTools';
import { AppHeader } from '../components/AppHeader';
import { FeedbackResults } from '../components/FeedbackResults';
import { ReportContents } from '../components/ReportContents';
import { ReportExports } from '../components/ReportExports';
import { ReportSummary } from '../components/ReportSummary';
import { useT, type Translator } from '../i18n';
import { useWall } from '../sync/hooks';
import { useWallContext } from './wallContext';

const roleName = (t: Translator, role: ReportRole) => (role === 'unsaid' ? t('partRole.unsaid') : t(`partRole.${role}`));

export function ReportView(_props: { onChangeProfile: () => void }) {
  const t = useT();
  const { wall, info, wallId, token } = useWallContext();
  const title = useWall(wall, (w) => w.getMeta().title) || info.title;
  const report = useWall(wall, buildReport);
  const feedbackAnswers = useWall(wall, (w) => w.feedback.answers().length);
  const wallHref = `/w/${encodeURIComponent(wallId)}#${token}`;

  useEffect(() => {
    document.title = t('app.pageTitle', { page: `${t('report.title')} – ${title}` });
  }, [title, t]);

  if (info.role !== 'facilitator') {
    return (
      <>
        <AppHeader />
        <main id="main" tabIndex={-1} class="message-page">
          <h1>{t('report.title')}</h1>
          <p data-testid="report-refused">{t('report.onlyFacilitator')}</p>
        </main>
      </>
    );
  }

  return (
    <>
      <AppHeader>
        <nav class="wall-nav" aria-label={t('wall.toolbarLabel')}>
          <a class="button button--small" href={wallHref}>
            {t('report.back')}
          </a>
          <button type="button" class="button button--small no-print" onClick={() => window.print()}>
            {t('report.print')}
          </button>
        </nav>
      </AppHeader>
      <main id="main" tabIndex={-1} class="report">
        <h1>
          {t('report.title')}: {title}
        </h1>
        <ReportContents clientsShown={report.clientsShown} />

        <section aria-labelledby="report-phases">
          <h2 id="report-phases">{t('report.phases')}</h2>
          {report.merged.length > 0 && <p class="hint">{t('report.merged', { roles: report.merged.map((r) => roleName(t, r)).join(', ') })}</p>}
          {report.clientsShown ? (
            <p data-testid="report-every-phase">
              {report.clientsInEveryPhase ? t('report.everyPhase') : t('report.somePhases', { n: report.phasesWithClients, total: report.phases.length })}
            </p>
          ) : (
            <p class="notice">{t('report.clientsHidden')}</p>
          )}
          {report.phases.map((phase) => (
            <table key={phase.workshopId} class="report-table">
              <caption>
                {phase.title}
                {report.clientsShown && ` — ${t('report.clientsHere')}: ${phase.clientsTookPart ? t('export.yes') : t('export.no')}`}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('report.role')}</th>
                  <th scope="col">{t('report.notes')}</th>
                  <th scope="col">{t('report.comments')}</th>
                  <th scope="col">{t('report.votes')}</th>
                </tr>
              </thead>
              <tbody>
                {report.roles.map((role) => {
                  const c = phase.byRole[role];
                  return (
                    <tr key={role}>
                      <th scope="row">{roleName(t, role)}</th>
                      <td>{c?.notes ?? 0}</td>
                      <td>{c?.comments ?? 0}</td>
                      <td>{c?.votes ?? 0}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ))}
        </section>

        {report.clientsShown && (
          <section aria-labelledby="report-unanswered">
            <h2 id="report-unanswered">{t('report.unanswered')}</h2>
            <p class="hint">{t('report.unansweredHint')}</p>
            {report.unanswered.length === 0 ? (
              <p>{t('report.unansweredNone')}</p>
            ) : (
              <ul class="report-unanswered" data-testid="report-unanswered">
                {report.unanswered.map((n) => (
                  <li key={n.noteId}>
                    <p class="report-note">{n.text}</p>
                    <p class="hint">{t('report.where', { workshop: n.workshop, task: n.task, group: n.group })}</p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}

        {report.clientsShown && (
          <section aria-labelledby="report-traces">
            <h2 id="report-traces">{t('report.traces')}</h2>
            <p data-testid="report-chosen">{t('report.chosenFromClients', { n: report.chosen.fromClients, total: report.chosen.total })}</p>
            <p>{t('report.experimentsFromClients', { n: report.experiments.fromClients, total: report.experiments.total })}</p>
          </section>
        )}

        <FeedbackResults />
        <ReportSummary text={reportText(report, title, t.language, feedbackAnswers)} wallId={wallId} />
        <ReportExports />
        <AfterWorkshopTools />
      </main>
    </>
  );
}
