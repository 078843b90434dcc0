/** The report as plain text, ready to paste into an operating-model description (e.g. Innokylä). */
import { translate } from './i18n';
import { REPORT_ROLES, type Report } from './report';
import type { Language, ParticipantRole } from './schemas';

export function reportText(report: Report, title: string, language: Language, feedbackAnswers = 0): string {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(language, key, params);
  const lines = [t('summary.heading'), ''];
  const said = REPORT_ROLES.filter((role) => role !== 'unsaid' && report.people[role] !== undefined).map((role) => [role, report.people[role]] as const);
  if (said.length === 0) {
    lines.push(t('summary.none'));
    return lines.join('\n') + '\n';
  }
  const total = said.reduce((sum, [, n]) => sum + (n ?? 0), 0);
  const roles = said.map(([role, n]) => t('summary.roleCount', { role: t(`partRole.${role as ParticipantRole}`), n: n ?? 0 })).join(', ');
  lines.push(t('summary.intro', { title, people: total, roles }));
  if (report.merged.length > 0) lines.push(t('report.merged', { roles: report.merged.map((r) => t(`partRole.${r}`)).join(', ') }));
  lines.push('');
  if (!report.clientsShown) {
    lines.push(t('summary.clientsHidden'));
    return lines.join('\n') + '\n';
  }
  for (const p of report.phases) {
    const c = p.byRole.client;
    lines.push(
      c && p.clientsTookPart
        ? `- ${t('summary.phase', { workshop: p.title, notes: c.notes, allNotes: p.total.notes, comments: c.comments, votes: c.votes })}`
        : `- ${t('summary.phaseNoClients', { workshop: p.title })}`,
    );
  }
  lines.push('');
  lines.push(report.clientsInEveryPhase ? t('summary.every') : t('summary.some', { n: report.phasesWithClients, total: report.phases.length }));
  if (feedbackAnswers > 0) lines.push(t('summary.feedback', { n: feedbackAnswers }));
  lines.push(
    t('summary.chosen', {
      n: report.chosen.fromClients,
      total: report.chosen.total,
      expN: report.experiments.fromClients,
      expTotal: report.experiments.total,
    }),
  );
  return lines.join('\n') + '\n';
}
