export * from './enums';
export * from './london-time';
export * from './places';
export * from './errors';
