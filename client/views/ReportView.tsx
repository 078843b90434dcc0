/** The facilitator's client-participation report. Stub until the report work lands: the wall itself. */
import { WallView } from './WallView';

export function ReportView({ onChangeProfile }: { onChangeProfile: () => void }) {
  return <WallView onChangeProfile={onChangeProfile} />;
}
