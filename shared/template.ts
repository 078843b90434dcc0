/**
 * The structure a new wall starts with. Titles and instructions are message keys, so each wall
 * gets them in its own language; the facilitator can change everything afterwards.
 */
import type { MessageKey } from './i18n';
import type { TaskKind, Template, WorkshopPhase } from './schemas';

export interface TemplateTask {
  title: MessageKey;
  instructions: MessageKey;
  kind: TaskKind;
}

export interface TemplateWorkshop {
  title: MessageKey;
  phase: WorkshopPhase;
  tasks: TemplateTask[];
}

const task = (key: string, kind: TaskKind = 'notes'): TemplateTask => ({
  title: `${key}.title` as MessageKey,
  instructions: `${key}.instructions` as MessageKey,
  kind,
});

export const TEMPLATES: Record<Template, readonly TemplateWorkshop[]> = {
  'four-workshops': [
    { title: 'template.w1.title', phase: 'current-state', tasks: [task('template.w1.t1'), task('template.w1.t2')] },
    { title: 'template.w2.title', phase: 'root-causes', tasks: [task('template.w2.t1'), task('template.w2.t2')] },
    { title: 'template.w3.title', phase: 'new-way', tasks: [task('template.w3.t1'), task('template.w3.t2'), task('template.w3.t3')] },
    { title: 'template.w4.title', phase: 'experiments', tasks: [task('template.w4.t1', 'experiments')] },
  ],
  blank: [
    {
      title: 'template.blank.workshop',
      phase: 'other',
      tasks: [{ title: 'template.blank.task', instructions: 'template.blank.instructions', kind: 'notes' }],
    },
  ],
};

/** Breakout groups a new wall starts with. */
export const STARTING_GROUPS: Record<Template, number> = { 'four-workshops': 3, blank: 1 };
