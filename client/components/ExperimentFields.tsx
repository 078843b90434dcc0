/**
 * An experiment card's fields on a note in an experiments task: who owns it, when it starts,
 * what is measured, from which baseline to which target, and the measured result
 * (e.g. "referral rate 12 % → 48 %").
 */
import { useState } from 'preact/hooks';
import { LIMITS } from '../../shared/limits';
import { EXPERIMENT_FIELDS, type Experiment, type ExperimentField, type Note } from '../../shared/wall';
import { announce } from '../announce';
import { useT, type Translator } from '../i18n';
import { focusLater, noteSelector } from '../moves';
import { useWallContext } from '../views/wallContext';

export function fieldLabel(t: Translator, field: ExperimentField): string {
  const labels = {
    owner: t('process.experiment.owner'),
    startDate: t('process.experiment.startDate'),
    measure: t('process.experiment.measure'),
    baseline: t('process.experiment.baseline'),
    target: t('process.experiment.target'),
    result: t('process.experiment.result'),
  } satisfies Record<ExperimentField, string>;
  return labels[field];
}

/** "referral rate 12 % → 48 %", or null while the measure or numbers are missing. */
function summary(t: Translator, e: Experiment): string | null {
  if (!e.measure || !e.baseline || !(e.target || e.result)) return null;
  if (e.result) return t('process.experiment.summaryResult', { measure: e.measure, baseline: e.baseline, result: e.result });
  return t('process.experiment.summaryTarget', { measure: e.measure, baseline: e.baseline, target: e.target! });
}

/** The filled-in fields of a card, label and value (the card itself, the unsaved notes list). */
export function ExperimentFieldList({ experiment }: { experiment: Experiment }) {
  const t = useT();
  return (
    <dl class="experiment__fields">
      {EXPERIMENT_FIELDS.filter((f) => experiment[f]).map((f) => (
        <div key={f} data-field={f}>
          <dt>{fieldLabel(t, f)}</dt>
          <dd>{experiment[f]}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ExperimentFields({ note, canEdit }: { note: Note; canEdit: boolean }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const filled = EXPERIMENT_FIELDS.filter((f) => note.experiment[f]);
  const line = summary(t, note.experiment);

  if (editing) return <ExperimentForm note={note} onDone={() => setEditing(false)} />;
  return (
    <div class="experiment">
      {line && <p class="experiment__summary">{line}</p>}
      {filled.length > 0 ? (
        <ExperimentFieldList experiment={note.experiment} />
      ) : (
        <p class="hint">{t('process.experiment.empty')}</p>
      )}
      {canEdit && (
        <button type="button" class="button button--small" data-focus="experiment" onClick={() => {
            setEditing(true);
            // The form replaces this button: the focus goes to its first field.
            focusLater(`#experiment-${CSS.escape(note.id)}-${EXPERIMENT_FIELDS[0]}`);
          }}
        >
          {t('process.experiment.edit')}
        </button>
      )}
    </div>
  );
}

function ExperimentForm({ note, onDone }: { note: Note; onDone: () => void }) {
  const t = useT();
  const { wall } = useWallContext();
  const [values, setValues] = useState<Experiment>(() => ({ ...note.experiment }));
  const ids = `experiment-${note.id}`;
  const finish = () => {
    onDone();
    focusLater(`${noteSelector(note.id)} [data-focus="experiment"]`);
  };

  return (
    <form
      class="experiment-form"
      aria-label={t('process.experiment.formLabel')}
      onSubmit={(e) => {
        e.preventDefault();
        wall.doc.transact(() => {
          for (const f of EXPERIMENT_FIELDS) {
            const value = (values[f] ?? '').trim();
            if (value !== (note.experiment[f] ?? '')) wall.setExperimentField(note.id, f, value);
          }
        });
        announce(t('process.experiment.saved'));
        finish();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          finish();
        }
      }}
    >
      {EXPERIMENT_FIELDS.map((f) => (
        <div key={f} class="field">
          <label for={`${ids}-${f}`}>{fieldLabel(t, f)}</label>
          <input
            id={`${ids}-${f}`}
            type={f === 'startDate' ? 'date' : 'text'}
            maxLength={LIMITS.experimentFieldMax}
            value={values[f] ?? ''}
            onInput={(e) => {
              const value = e.currentTarget.value;
              setValues((v) => ({ ...v, [f]: value }));
            }}
          />
        </div>
      ))}
      <div class="actions">
        <button type="submit" class="button button--primary button--small">
          {t('app.save')}
        </button>
        <button type="button" class="button button--small" onClick={finish}>
          {t('app.cancel')}
        </button>
      </div>
    </form>
  );
}
