import { byAttendeeName, countNeedsToPlanFor, hasNeedsToPlanFor, recentTrainerSessionsCutoff } from './trainer-sessions';

describe('trainer sessions', () => {
  it('counts places with access or dietary needs once each, ignoring blank answers', () => {
    expect(hasNeedsToPlanFor({ accessNeeds: 'Step-free access' })).toBe(true);
    expect(hasNeedsToPlanFor({ dietaryNeeds: 'Vegan' })).toBe(true);
    expect(hasNeedsToPlanFor({ accessNeeds: '  ', dietaryNeeds: null })).toBe(false);
    expect(hasNeedsToPlanFor({})).toBe(false);
    expect(
      countNeedsToPlanFor([
        { accessNeeds: 'Hearing loop', dietaryNeeds: 'Halal' },
        { dietaryNeeds: 'Vegetarian' },
        { accessNeeds: '', dietaryNeeds: ' ' },
        {},
      ]),
    ).toBe(2);
  });

  it('keeps sessions that ended in the last 60 days as recent', () => {
    expect(recentTrainerSessionsCutoff(new Date('2026-03-31T12:00:00Z'))).toEqual(new Date('2026-01-30T12:00:00Z'));
  });

  it('sorts attendees by name whatever their case, then by id', () => {
    const people = [
      { id: '2', name: 'bella Evans' },
      { id: '3', name: 'Adam Smith' },
      { id: '1', name: 'Bella Evans' },
    ];
    expect([...people].sort(byAttendeeName).map((p) => p.id)).toEqual(['3', '1', '2']);
  });
});
