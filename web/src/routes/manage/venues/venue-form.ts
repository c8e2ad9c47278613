import { fail } from '@sveltejs/kit';
import type { CreateVenueInput } from '@lh/graphql-client';

export type VenueFormValues = {
  name: string;
  address: string;
  rooms: string;
  capacity: string;
  accessibilityNotes: string;
};

export const VENUE_FIELDS = ['name', 'address', 'rooms', 'capacity', 'accessibilityNotes'];

export const emptyVenue: VenueFormValues = { name: '', address: '', rooms: '', capacity: '', accessibilityNotes: '' };

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** Reads the posted venue form: rooms one per line; capacity optional, a whole number when given. */
export function readVenueForm(form: FormData) {
  const values: VenueFormValues = {
    name: text(form, 'name'),
    address: text(form, 'address'),
    rooms: text(form, 'rooms'),
    capacity: text(form, 'capacity'),
    accessibilityNotes: text(form, 'accessibilityNotes'),
  };
  if (values.capacity && !/^\d+$/.test(values.capacity)) {
    return {
      values,
      failure: fail(400, {
        errors: [{ field: 'capacity', message: 'Enter the capacity as a whole number, like 40, or leave it empty' }],
        values,
        code: 'BAD_USER_INPUT',
      }),
    };
  }
  const input: CreateVenueInput = {
    name: values.name,
    address: values.address,
    rooms: values.rooms.split(/\r?\n/),
    capacity: values.capacity ? Number(values.capacity) : null,
    accessibilityNotes: values.accessibilityNotes || null,
  };
  return { values, input };
}
