/** Messages of the accessibility feature (summaries of other people's changes), in fi, sv and en. */
import { featureCatalog } from '../feature';

export const accessMessages = featureCatalog({
  fi: {
    // Whole phrases, joined by the language's own list format (client/format.ts formatList).
    'access.change.added.one': '1 uusi lappu',
    'access.change.added.other': '{n} uutta lappua',
    'access.change.edited.one': '1 lappu muokattu',
    'access.change.edited.other': '{n} lappua muokattu',
    'access.change.moved.one': '1 lappu siirretty',
    'access.change.moved.other': '{n} lappua siirretty',
    'access.change.deleted.one': '1 lappu poistettu',
    'access.change.deleted.other': '{n} lappua poistettu',
    'access.changes.group': '{group}: {changes}',
    'access.changes.wall': 'Seinällä: {changes}',
    'access.changes.deletedOne': 'Lappu poistettiin ryhmästä {group}',
  },
  sv: {
    'access.change.added.one': '1 ny lapp',
    'access.change.added.other': '{n} nya lappar',
    'access.change.edited.one': '1 lapp ändrad',
    'access.change.edited.other': '{n} lappar ändrade',
    'access.change.moved.one': '1 lapp flyttad',
    'access.change.moved.other': '{n} lappar flyttade',
    'access.change.deleted.one': '1 lapp borttagen',
    'access.change.deleted.other': '{n} lappar borttagna',
    'access.changes.group': '{group}: {changes}',
    'access.changes.wall': 'På väggen: {changes}',
    'access.changes.deletedOne': 'En lapp togs bort i gruppen {group}',
  },
  en: {
    'access.change.added.one': '1 new note',
    'access.change.added.other': '{n} new notes',
    'access.change.edited.one': '1 note edited',
    'access.change.edited.other': '{n} notes edited',
    'access.change.moved.one': '1 note moved',
    'access.change.moved.other': '{n} notes moved',
    'access.change.deleted.one': '1 note deleted',
    'access.change.deleted.other': '{n} notes deleted',
    'access.changes.group': '{group}: {changes}',
    'access.changes.wall': 'On the wall: {changes}',
    'access.changes.deletedOne': 'A note was deleted in {group}',
  },
});
