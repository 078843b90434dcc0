/** The follow-up form's answers in the facilitator's report. */
import { FEEDBACK_CHOICES, FEEDBACK_QUESTIONS } from '../../shared/schemas';
import { useT } from '../i18n';
import { useWall } from '../sync/hooks';
import { useWallContext } from '../views/wallContext';

export function FeedbackResults() {
  const t = useT();
  const { wall } = useWallContext();
  const summary = useWall(wall, (w) => w.feedback.summary());
  return (
    <section aria-labelledby="feedback-results">
      <h2 id="feedback-results">{t('feedback.report')}</h2>
      {summary.answers === 0 ? (
        <p>{t('feedback.reportNone')}</p>
      ) : (
        <>
          <p data-testid="feedback-count">{t('feedback.answers', { n: summary.answers })}</p>
          {FEEDBACK_QUESTIONS.map((q) => (
            <table key={q} class="report-table">
              <caption>{t(`feedback.${q}`)}</caption>
              <tbody>
                {FEEDBACK_CHOICES.map((c) => (
                  <tr key={c}>
                    <th scope="row">{t(`feedback.choice.${c}`)}</th>
                    <td>{summary.counts[q][c]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
          {summary.comments.length > 0 && (
            <>
              <h3>{t('feedback.comments')}</h3>
              <ul class="followups">
                {summary.comments.map((c, i) => (
                  <li key={i}>{c}</li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
