/** The calm read-only review screen. Stub until the review work lands: the wall itself. */
import { WallView } from './WallView';

export function ReviewView({ onChangeProfile }: { onChangeProfile: () => void }) {
  return <WallView onChangeProfile={onChangeProfile} />;
}
