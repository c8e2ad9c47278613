import { bookingStatusLabels } from '@lh/domain';
import type { BookingStatus } from '@lh/graphql-client';

type TagColour = 'grey' | 'green' | 'turquoise' | 'blue' | 'purple' | 'pink' | 'red' | 'orange' | 'yellow';

const colours: Record<BookingStatus, TagColour> = {
  CONFIRMED: 'green',
  PENDING_APPROVAL: 'yellow',
  WAITLISTED: 'blue',
  OFFERED: 'purple',
  CANCELLED: 'grey',
  DECLINED: 'red',
  EXPIRED: 'grey',
};

/** The tag for a booking status: the words carry the meaning; the colour only helps. */
export function statusTag(status: BookingStatus): { label: string; colour: TagColour } {
  return { label: bookingStatusLabels[status], colour: colours[status] };
}
