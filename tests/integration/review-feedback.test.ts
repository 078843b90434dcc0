/**
 * Review feedback on the server: participants may comment and react only while the facilitator
 * allows it, never on a frozen wall; viewers' writes are never applied.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol';
import { connectClient, createWall, startServer, waitFor, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe('comments and reactions', () => {
  it('are refused (4403) until the facilitator allows them, then reach everyone; a frozen wall refuses them', async () => {
    const wall = await createWall(server.url, { title: 'Palaute' });
    const facilitator = connectClient(server.url, wall.id, wall.tokens.facilitator);
    await facilitator.synced;
    const group = facilitator.wall.groups()[0]!.id;
    const noteId = facilitator.wall.addNote({ groupId: group, text: 'Jonot', color: 'yellow', authorName: 'F', authorId: 'f' })!;

    const early = connectClient(server.url, wall.id, wall.tokens.participant);
    await early.synced;
    await waitFor(() => !!early.wall.getNote(noteId));
    early.wall.comments.add({ noteId, text: 'Liian aikaisin', authorName: null, authorId: null });
    await waitFor(() => early.closes.length > 0, 5_000, 'early commenter closed');
    expect(early.closes[0]).toMatchObject({ code: CloseCode.Forbidden, reason: 'comments and reactions are not open' });
    early.destroy();

    facilitator.wall.control.setReviewFeedback(true);
    const p = connectClient(server.url, wall.id, wall.tokens.participant);
    await p.synced;
    await waitFor(() => p.wall.control.reviewFeedback() && !!p.wall.getNote(noteId));
    p.wall.comments.add({ noteId, text: 'Tunnistan', authorName: 'Aino', authorId: 'a1', authorRole: 'client' });
    p.wall.reactions.toggle(noteId, 'recognise', 'a1', 'client');
    await waitFor(() => facilitator.wall.comments.all().length === 1 && facilitator.wall.reactions.all().length === 1);
    expect(facilitator.wall.comments.all()[0]).toMatchObject({ text: 'Tunnistan', authorRole: 'client' });
    expect(facilitator.wall.reactions.count(noteId, 'recognise')).toBe(1);
    expect(p.closes).toEqual([]);

    const viewer = connectClient(server.url, wall.id, wall.tokens.viewer);
    await viewer.synced;
    viewer.wall.reactions.toggle(noteId, 'agree', 'v1');
    facilitator.wall.control.setFrozen(true);
    await waitFor(() => p.wall.control.frozen());
    p.wall.reactions.toggle(noteId, 'agree', 'a1');
    await waitFor(() => p.closes.length > 0, 5_000, 'participant closed on a frozen wall');
    expect(p.closes[0]).toMatchObject({ code: CloseCode.Forbidden, reason: 'the wall is frozen' });
    // Neither the viewer's reaction nor the refused one reached the facilitator.
    expect(facilitator.wall.reactions.count(noteId, 'agree')).toBe(0);
    for (const c of [p, viewer, facilitator]) c.destroy();
  });
});

describe('the follow-up feedback form', () => {
  it('takes participants\u2019 answers only while open, also on a frozen wall; answering again replaces the answer', async () => {
    const wall = await createWall(server.url, { title: 'Kysely' });
    const facilitator = connectClient(server.url, wall.id, wall.tokens.facilitator);
    await facilitator.synced;
    facilitator.wall.control.setFrozen(true);

    const early = connectClient(server.url, wall.id, wall.tokens.participant);
    await early.synced;
    early.wall.feedback.answer({ heard: 'yes', changed: 'no', respondentId: 'r0' });
    await waitFor(() => early.closes.length > 0, 5_000, 'early answer closed');
    expect(early.closes[0]).toMatchObject({ code: CloseCode.Forbidden, reason: 'the feedback form is not open' });
    early.destroy();

    facilitator.wall.feedback.setOpen(true);
    const p = connectClient(server.url, wall.id, wall.tokens.participant);
    await p.synced;
    await waitFor(() => p.wall.feedback.isOpen());
    p.wall.feedback.answer({ heard: 'partly', changed: 'unsure', comment: 'Ensimmäinen', respondentId: 'r1', respondentRole: 'client' });
    p.wall.feedback.answer({ heard: 'yes', changed: 'partly', comment: 'Toinen ajatus', respondentId: 'r1', respondentRole: 'client' });
    await waitFor(() => facilitator.wall.feedback.answers()[0]?.comment === 'Toinen ajatus' || p.closes.length > 0);
    expect(p.closes).toEqual([]);
    expect(facilitator.wall.feedback.answers()).toHaveLength(1);
    const summary = facilitator.wall.feedback.summary();
    expect(summary.answers).toBe(1);
    expect(summary.counts.heard.yes).toBe(1);
    expect(summary.counts.changed.partly).toBe(1);
    expect(summary.comments).toEqual(['Toinen ajatus']);
    // The frozen wall still refuses everything else from participants.
    const group = p.wall.groups()[0]!.id;
    p.wall.addNote({ groupId: group, text: 'Ei käy', color: 'yellow', authorName: null, authorId: null });
    await waitFor(() => p.closes.length > 0, 5_000, 'note on a frozen wall closed');
    expect(p.closes[0]).toMatchObject({ code: CloseCode.Forbidden, reason: 'the wall is frozen' });
    for (const c of [p, facilitator]) c.destroy();
  });
});
