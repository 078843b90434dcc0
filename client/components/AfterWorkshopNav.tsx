/**
 * Mounted once in the wall's header: stamps this page's role (said at join) on what it writes,
 * says for everyone when the facilitator has frozen the wall, links to the follow-up updates
 * when there are some, and gives the facilitator the way to the report screen.
 */
import { useEffect } from 'preact/hooks';
import { useT } from '../i18n';
import { getParticipantRole } from '../participantRole';
import { useWall } from '../sync/hooks';
import { useWallContext } from '../views/wallContext';

export function AfterWorkshopNav() {
  const t = useT();
  const { wall, wallId, token, info } = useWallContext();
  const frozen = useWall(wall, (w) => w.control.frozen());
  const followups = useWall(wall, (w) => w.followups.all().length);
  const surveyOpen = useWall(wall, (w) => w.feedback.isOpen()) && info.role === 'participant';
  useEffect(() => wall.setWriterRole(getParticipantRole(wallId)), [wall, wallId]);
  const base = `/w/${encodeURIComponent(wallId)}`;
  return (
    <>
      {frozen && (
        <span class="frozen-badge" role="status" data-testid="frozen-notice">
          {t('review.frozenNotice')}
        </span>
      )}
      {followups > 0 && (
        <a class="button button--small" href={`${base}/review#${token}`} data-testid="followups-link">
          {t('review.followupsLink', { n: followups })}
        </a>
      )}
      {surveyOpen && (
        <a class="button button--small" href={`${base}/review#${token}`} data-testid="feedback-link">
          {t('feedback.link')}
        </a>
      )}
      {info.role === 'facilitator' && (
        <a class="button button--small" href={`${base}/report#${token}`} data-testid="report-link">
          {t('report.link')}
        </a>
      )}
    </>
  );
}
