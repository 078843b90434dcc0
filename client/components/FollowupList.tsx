/** The facilitator's follow-up updates ("what happened after the workshops"), each with its optional link. */
import type { Followup } from '../../shared/followups';

export function FollowupList({ followups }: { followups: readonly Followup[] }) {
  return (
    <ul class="followups">
      {followups.map((f) => (
        <li key={f.id}>
          {f.text}
          {f.url && (
            <>
              {' '}
              <a href={f.url} rel="noopener noreferrer" target="_blank">
                {f.url}
              </a>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
