/** The projector screen for plenaries. Stub until the projector work lands: the wall itself. */
import { WallView } from './WallView';

export function ProjectorView() {
  return <WallView onChangeProfile={() => undefined} />;
}
