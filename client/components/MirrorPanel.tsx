/**
 * Mirror material for the task, above the groups' columns and set apart from their notes: a
 * band of labelled items (quote or story, client feedback, figure, link). The facilitator adds,
 * edits, reorders and removes them; a removal can be undone.
 */
import { useState } from 'preact/hooks';
import type { MirrorKind } from '../../shared/schemas';
import { announce } from '../announce';
import { useT, type Translator } from '../i18n';
import { focusLater } from '../moves';
import { useWall } from '../sync/hooks';
import { useWallContext } from '../views/wallContext';
import { MirrorForm } from './MirrorForm';

export function mirrorKindLabel(t: Translator, kind: MirrorKind): string {
  const labels = {
    quote: t('process.mirror.kind.quote'),
    feedback: t('process.mirror.kind.feedback'),
    figure: t('process.mirror.kind.figure'),
    link: t('process.mirror.kind.link'),
  } satisfies Record<MirrorKind, string>;
  return labels[kind];
}

interface Props {
  taskId: string;
  offerUndo: (message: string, undo: () => void) => void;
}

/** A short name for an item in its buttons' names: the start of its text, else its address. */
const itemName = (item: { text: string; url?: string }) => {
  const text = item.text || item.url || '';
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
};

const itemSelector = (id: string) => `[data-mirror-id="${CSS.escape(id)}"]`;
const editButton = (id: string) => `${itemSelector(id)} [data-focus="edit"]`;
const ADD_BUTTON = '[data-focus="mirror-add"]';

export function MirrorPanel({ taskId, offerUndo }: Props) {
  const t = useT();
  const { wall, info } = useWallContext();
  const items = useWall(wall, (w) => w.mirror.inTask(taskId));
  const canManage = info.role === 'facilitator';
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  if (items.length === 0 && !canManage) return null;

  const move = (id: string, index: number, focus: string) => {
    wall.mirror.move(id, index);
    announce(t('process.mirror.moved', { position: index + 1, total: items.length }));
    focusLater(`${itemSelector(id)} ${focus}`, itemSelector(id));
  };
  const remove = (id: string) => {
    const removed = wall.mirror.remove(id);
    if (!removed) return;
    announce(t('process.mirror.removed'));
    offerUndo(t('process.mirror.removed'), () => {
      wall.mirror.restore(removed);
      announce(t('process.mirror.restored'));
      // The toast goes away with its button: the focus goes to the item that came back.
      focusLater(editButton(removed.id), itemSelector(removed.id));
    });
    focusLater('.toast button');
  };

  return (
    <section class="mirror" aria-labelledby="mirror-title">
      <h2 id="mirror-title" class="mirror__title">
        {t('process.mirror.heading')}
      </h2>
      {items.length === 0 ? (
        <p class="hint">{t('process.mirror.none')}</p>
      ) : (
        <ul class="mirror__items">
          {items.map((item, i) => (
            <li key={item.id} class={`mirror-item mirror-item--${item.kind}`} data-mirror-id={item.id} tabIndex={-1}>
              {editing === item.id ? (
                <MirrorForm
                  item={item}
                  idPrefix={`mirror-edit-${item.id}`}
                  onCancel={() => {
                    setEditing(null);
                    focusLater(editButton(item.id));
                  }}
                  onSave={(v) => {
                    wall.mirror.update(item.id, v);
                    setEditing(null);
                    announce(t('process.mirror.saved'));
                    focusLater(editButton(item.id));
                  }}
                />
              ) : (
                <>
                  <p class="mirror-item__kind">{mirrorKindLabel(t, item.kind)}</p>
                  {item.text &&
                    (item.kind === 'quote' ? (
                      <blockquote class="mirror-item__text">{item.text}</blockquote>
                    ) : (
                      <p class="mirror-item__text">{item.text}</p>
                    ))}
                  {item.url && (
                    <p>
                      <a href={item.url} target="_blank" rel="noopener noreferrer">
                        {t('process.mirror.open', { address: item.url })}
                      </a>
                    </p>
                  )}
                  {canManage && (
                    <div class="actions mirror-item__actions">
                      <button
                        type="button"
                        class="button button--small"
                        data-focus="edit"
                        aria-label={t('process.mirror.editNamed', { name: itemName(item) })}
                        onClick={() => {
                          setEditing(item.id);
                          focusLater(`#mirror-edit-${CSS.escape(item.id)}-kind`);
                        }}
                      >
                        {t('process.mirror.edit')}
                      </button>
                      <button
                        type="button"
                        class="button button--small"
                        data-focus="up"
                        disabled={i === 0}
                        aria-label={t('process.mirror.upNamed', { name: itemName(item) })}
                        onClick={() => move(item.id, i - 1, '[data-focus="up"]')}
                      >
                        <span aria-hidden="true">↑</span> {t('process.mirror.up')}
                      </button>
                      <button
                        type="button"
                        class="button button--small"
                        data-focus="down"
                        disabled={i === items.length - 1}
                        aria-label={t('process.mirror.downNamed', { name: itemName(item) })}
                        onClick={() => move(item.id, i + 1, '[data-focus="down"]')}
                      >
                        <span aria-hidden="true">↓</span> {t('process.mirror.down')}
                      </button>
                      <button
                        type="button"
                        class="button button--small"
                        aria-label={t('process.mirror.removeNamed', { name: itemName(item) })}
                        onClick={() => remove(item.id)}
                      >
                        {t('process.mirror.remove')}
                      </button>
                    </div>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {canManage &&
        (adding ? (
          <MirrorForm
            idPrefix="mirror-new"
            onCancel={() => {
              setAdding(false);
              focusLater(ADD_BUTTON);
            }}
            onSave={(v) => {
              const id = wall.mirror.add({ taskId, ...v });
              if (id) announce(t('process.mirror.added'));
            }}
          />
        ) : (
          <button
            type="button"
            class="button"
            data-focus="mirror-add"
            onClick={() => {
              setAdding(true);
              focusLater('#mirror-new-kind');
            }}
          >
            <span aria-hidden="true">+</span> {t('process.mirror.addOpen')}
          </button>
        ))}
    </section>
  );
}
