/** The client-participation report's figures against a wall with known authors, roles and responses. */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { MIN_PEOPLE, buildReport } from '../../shared/report';
import { reportText } from '../../shared/reportText';
import type { ParticipantRole } from '../../shared/schemas';
import { Wall } from '../../shared/wall';

function fourWorkshops() {
  const wall = new Wall(new Y.Doc());
  wall.initialise({ title: 'Paja', language: 'en', createdAt: 0 }, ['G1', 'G2'], 'four-workshops');
  const [g1, g2] = wall.groups();
  const workshops = wall.process.workshops();
  const firstTask = (i: number) => wall.process.tasksIn(workshops[i]!.id)[0]!.id;
  const note = (i: number, text: string, authorId: string | null, role?: ParticipantRole, groupId = g1!.id, originId?: string) =>
    wall.addNote({ groupId, taskId: firstTask(i), text, color: 'yellow', authorName: authorId, authorId, authorRole: role, originId })!;
  const vote = (i: number, noteId: string, voterId: string, role?: ParticipantRole) => wall.votes.cast(firstTask(i), noteId, voterId, role);
  return { wall, g1: g1!, g2: g2!, workshops, firstTask, note, vote };
}

describe('buildReport', () => {
  it('counts notes, comments and votes per role and workshop, with clients in every phase or not', () => {
    const { wall, note, vote, g2 } = fourWorkshops();
    // Three clients, three professionals, one manager (merged into other), anonymous notes without a role.
    const c1 = note(0, 'Asiakas 1', 'c1', 'client');
    const c2 = note(0, 'Asiakas 2', 'c2', 'client');
    note(1, 'Asiakas 3', 'c3', 'client');
    const p1 = note(0, 'Työntekijä 1', 'p1', 'professional', g2.id);
    note(1, 'Työntekijä 2', 'p2', 'professional');
    note(2, 'Työntekijä 3', 'p3', 'professional');
    const m1 = note(0, 'Esihenkilö', 'm1', 'manager');
    note(0, 'Nimetön', null);
    vote(0, p1, 'c1', 'client');
    vote(0, c1, 'p2', 'professional');
    vote(0, c1, 'm1', 'manager');
    wall.comments.add({ noteId: m1, text: 'Samaa mieltä', authorName: 'c3', authorId: 'c3', authorRole: 'client' });
    wall.comments.add({ noteId: c2, text: 'Oma kommentti', authorName: 'c2', authorId: 'c2', authorRole: 'client' });

    const report = buildReport(wall);
    expect(report.merged).toEqual(['manager']);
    expect(report.roles).toEqual(['client', 'professional', 'other', 'unsaid']);
    expect(report.people).toEqual({ client: 3, professional: 3, other: 1 });
    const [w1, w2, w3, w4] = report.phases;
    expect(w1!.byRole).toEqual({
      client: { notes: 2, comments: 2, votes: 1 },
      professional: { notes: 1, comments: 0, votes: 1 },
      other: { notes: 1, comments: 0, votes: 1 },
      unsaid: { notes: 1, comments: 0, votes: 0 },
    });
    expect(w1!.total).toEqual({ notes: 5, comments: 2, votes: 3 });
    expect(w2!.byRole).toEqual({ client: { notes: 1, comments: 0, votes: 0 }, professional: { notes: 1, comments: 0, votes: 0 } });
    expect([w1, w2, w3, w4].map((p) => p!.clientsTookPart)).toEqual([true, true, false, false]);
    expect(report.clientsShown).toBe(true);
    expect(report.clientsInEveryPhase).toBe(false);
    expect(report.phasesWithClients).toBe(2);
    // c1 got votes; c2 only commented on their own note: unanswered; c3's note nobody answered.
    expect(report.unanswered.map((u) => u.text)).toEqual(['Asiakas 2', 'Asiakas 3']);
    expect(report.unanswered[0]).toMatchObject({ group: 'G1', workshop: wall.process.workshops()[0]!.title });
  });

  it('a reaction or a vote by someone else is a response; the writer\u2019s own vote is not', () => {
    const { wall, note, vote } = fourWorkshops();
    for (const id of ['c1', 'c2', 'c3']) note(0, `note ${id}`, id, 'client');
    const [a, b, c] = wall.notes().map((n) => n.id);
    vote(0, a!, 'c1', 'client'); // own vote
    wall.reactions.toggle(b!, 'recognise', 'x1');
    vote(0, c!, 'x2');
    expect(buildReport(wall).unanswered.map((u) => u.text)).toEqual(['note c1']);
  });

  it('traces chosen notes and experiments back to a client\u2019s note through originId chains', () => {
    const { wall, note, vote, workshops } = fourWorkshops();
    for (const id of ['c2', 'c3']) vote(0, note(0, `x ${id}`, id, 'client'), 'p9');
    const problem = note(0, 'Ongelma', 'c1', 'client');
    const other = note(0, 'Toinen ongelma', 'p1', 'professional');
    wall.setChosen(problem, true);
    wall.setChosen(other, true);
    const cause = note(1, 'Syy', 'p2', 'professional', undefined, problem);
    wall.setChosen(cause, true);
    const idea = note(2, 'Idea', 'p3', 'professional', undefined, cause);
    wall.setChosen(idea, true);
    const expTask = wall.process.tasksIn(workshops[3]!.id).find((t) => t.kind === 'experiments')!;
    const g = wall.groups()[0]!.id;
    wall.addNote({ groupId: g, taskId: expTask.id, text: 'Kokeilu A', color: 'green', authorName: 'p1', authorId: 'p1', authorRole: 'professional', originId: idea });
    wall.addNote({ groupId: g, taskId: expTask.id, text: 'Kokeilu B', color: 'green', authorName: 'p1', authorId: 'p1', authorRole: 'professional', originId: other });
    const report = buildReport(wall);
    expect(report.chosen).toEqual({ total: 4, fromClients: 3 });
    expect(report.experiments).toEqual({ total: 2, fromClients: 1 });
  });

  it(`merges a role with fewer than ${MIN_PEOPLE} people into other, clients included, and then withholds client figures`, () => {
    const { wall, note, vote } = fourWorkshops();
    const c = note(0, 'Asiakas', 'c1', 'client');
    note(0, 'Asiakas 2', 'c2', 'client');
    // Anonymous notes add no people: a third "client" cannot be counted from them.
    note(0, 'Nimetön asiakas', null, 'client');
    note(1, 'Omainen', 'r1', 'relative');
    for (const id of ['p1', 'p2', 'p3']) vote(0, c, id, 'professional');
    const report = buildReport(wall);
    expect(report.merged).toEqual(['client', 'relative']);
    expect(report.roles).toEqual(['professional', 'other']);
    expect(report.people).toEqual({ professional: 3, other: 3 });
    expect(report.phases[0]!.byRole.other).toEqual({ notes: 3, comments: 0, votes: 0 });
    expect(report.clientsShown).toBe(false);
    expect(report.unanswered).toEqual([]);
    expect(report.chosen.fromClients).toBe(0);
    const text = reportText(report, 'Paja', 'en');
    expect(text).toContain('fewer than three clients');
    expect(text).toContain('took part: Professional 3, Other 3.');
    expect(text).not.toMatch(/Client or developer-customer \d/);
  });

  it('the plain-text summary says how clients took part, phase by phase', () => {
    const { wall, note } = fourWorkshops();
    for (const id of ['c1', 'c2', 'c3']) note(0, `c ${id}`, id, 'client');
    note(1, 'c again', 'c1', 'client');
    const text = reportText(buildReport(wall), 'Paja', 'en');
    const titles = wall.process.workshops().map((w) => w.title);
    expect(text.split('\n')[0]).toBe('How clients took part in developing this model');
    expect(text).toContain('3 participants said in which role they took part: Client or developer-customer 3.');
    expect(text).toContain(`- ${titles[0]}: clients wrote 3 of 3 notes, 0 comments and gave 0 votes.`);
    expect(text).toContain(`- ${titles[2]}: clients did not take part.`);
    expect(text).toContain('Clients took part in 2 of 4 workshops.');
  });
});
