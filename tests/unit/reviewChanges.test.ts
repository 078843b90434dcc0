import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { arrivals, reviewIds, summariseReviewNews, type ReviewNewsItem } from '../../client/sync/reviewChanges';
import { Wall } from '../../shared/wall';

const items = (notes: number, comments: number, reactions: number): ReviewNewsItem[] => [
  ...Array.from({ length: notes }, () => ({ kind: 'notes' as const, taskId: 't1' })),
  ...Array.from({ length: comments }, () => ({ kind: 'comments' as const, taskId: 't1' })),
  ...Array.from({ length: reactions }, () => ({ kind: 'reactions' as const, taskId: 't1' })),
];

describe('summariseReviewNews', () => {
  it('says nothing for nothing', () => {
    expect(summariseReviewNews([], 'fi')).toBeNull();
  });

  it('counts each kind in one sentence, singular and plural, in the chosen language', () => {
    expect(summariseReviewNews(items(0, 2, 0), 'fi')).toBe('2 uutta kommenttia');
    expect(summariseReviewNews(items(1, 0, 0), 'fi')).toBe('1 uusi lappu');
    expect(summariseReviewNews(items(1, 2, 3), 'fi')).toBe('1 uusi lappu, 2 uutta kommenttia ja 3 uutta reaktiota');
    expect(summariseReviewNews(items(0, 1, 1), 'sv')).toBe('1 ny kommentar och 1 ny reaktion');
    expect(summariseReviewNews(items(2, 0, 1), 'en')).toBe('2 new notes and 1 new reaction');
  });
});

describe('arrivals', () => {
  it('finds new notes, comments and reactions with the task of their note; hidden notes and removals are not news', () => {
    const wall = new Wall(new Y.Doc());
    wall.initialise({ title: 'Katselu', language: 'fi', createdAt: 1 }, ['Ryhmä 1'], 'blank');
    const group = wall.groups()[0]!.id;
    const task = wall.process.firstTaskId()!;
    const add = (text: string) => wall.addNote({ groupId: group, taskId: task, text, color: 'yellow', authorName: null, authorId: null })!;
    const old = add('Vanha');
    wall.reactions.toggle(old, 'agree', 'r0');
    const before = reviewIds(wall);
    add('Uusi');
    wall.setHidden(add('Piilotettu'), true);
    wall.comments.add({ noteId: old, text: 'Kommentti', authorName: null, authorId: null });
    wall.reactions.toggle(old, 'recognise', 'r1');
    wall.reactions.toggle(old, 'agree', 'r0');
    const found = arrivals(wall, before, reviewIds(wall));
    expect(found.map((i) => i.kind).sort()).toEqual(['comments', 'notes', 'reactions']);
    expect(found.every((i) => i.taskId === task)).toBe(true);
  });
});
