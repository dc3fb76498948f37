/**
 * Badge colours with at least 4.5:1 against white for their small text: Mantine's green.9
 * (4.4:1) and its oranges are too pale.
 */
export const OK_GREEN = '#1e6b30';
export const TIGHT_ORANGE = '#9c3d00';
